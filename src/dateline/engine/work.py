"""What a worker does with one part (read, structure, skip what is done, parse, annotate) and how results travel.

Results cross process boundaries as small tuples holding the article's contract JSON, never as
pickled spaCy Docs or dataclass trees: cheap to send, and the receiving side rebuilds exactly the
Article a single process would have made (Article.from_dict of to_dict is exact).
"""

from __future__ import annotations

import json
import os
import resource
import time
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from spacy.language import Language

from .. import errors, nlp
from ..errors import DatelineError, ProcessError, ReadError
from ..model import Article, RawDocument, Source
from ..pipeline import Outcome, annotate_all, structure_all
from ..read import read_bytes, read_one
from ..read.newsplease import read_jsonl_line
from ..read.sources import Input, max_document_bytes, too_large
from .parts import Part
from .resume import KnownSet

# One BLAS/OpenMP thread per worker process: N workers on N cores, not N x N threads fighting.
THREAD_SETTINGS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
                   "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")

Item = tuple[Any, ...]  # ("ok", name, json) | ("n", name, entities, quotes, events) | ("err", name, kind, reason, input) | ("skip", name)


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a worker needs besides its part: how to read, which pipeline, what to skip, what to send back."""

    pipeline: str | None = None
    format: str = "auto"
    published: str | None = None
    batch_size: int = 32
    known_ids: KnownSet | None = None  # --resume: articles already stored are read but not parsed again
    send_articles: bool = True  # False when the worker writes the articles itself (Parquet) and sends counts
    base_dir: str | None = None  # where relative input paths start (the client's folder; a Dask worker's differs)


@dataclass(slots=True)
class Written(Outcome):
    """An article processed and written by the worker, known to the client only by what it found."""

    found: tuple[int, int, int] = (0, 0, 0)

    @property
    def ok(self) -> bool:
        return True


@contextmanager
def single_threaded_children() -> Iterator[None]:
    """Worker processes started inside this block use one BLAS thread each (unless the user set otherwise)."""
    saved = {name: os.environ.get(name) for name in THREAD_SETTINGS}
    for name in THREAD_SETTINGS:
        os.environ.setdefault(name, "1")
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB.

    Linux's VmHWM, because ru_maxrss of a process started by fork+exec (Dask's nanny spawns its
    workers so) starts at its parent's size; ru_maxrss elsewhere.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


_busy_cpu = [0.0]  # CPU seconds this process has spent in run_part (model loading and waiting excluded)


def usage() -> tuple[float, float]:
    """(peak resident MB, CPU seconds spent processing parts) of this process, for benchmarks and reports."""
    return peak_rss_mb(), _busy_cpu[0]


def load_language(settings: Settings) -> Language:
    """The worker's pipeline, loaded once per process (nlp.load caches it)."""
    return nlp.load(settings.pipeline)


def _failed(exc: BaseException, doing: str, name: str) -> ProcessError:
    reason = f"{type(exc).__name__}: {exc}".splitlines()[0]
    return ProcessError(f"{doing} failed ({reason})", input=name)


def _where(name: str, settings: Settings) -> Path:
    """The file behind an input name, on this worker (names stay as the user gave them, for sources and errors)."""
    path = Path(name)
    return path if path.is_absolute() or settings.base_dir is None else Path(settings.base_dir) / path


def _read_file(name: str, settings: Settings) -> Iterator[RawDocument | DatelineError]:
    """One input file's documents; a bug in a reader fails this file alone."""
    try:
        yield from read_one(Input(name, _where(name, settings)), settings.format)
    except DatelineError as exc:
        exc.input = exc.input or name
        yield exc
    except Exception as exc:  # noqa: BLE001 - one document's failure must not stop the part
        yield _failed(exc, "reading", name)


def _range_lines(part: Part, settings: Settings, limit: int) -> list[bytes | None] | ReadError:
    """The lines of a byte range of a JSONL file (None for a line over the size limit)."""
    try:
        with open(_where(part.path or "", settings), "rb") as handle:
            handle.seek(part.start)
            data = handle.read(part.end - part.start)
    except OSError as exc:
        return ReadError(f"cannot read: {exc.strerror or exc}", input=part.path)
    lines = data.split(b"\n")
    if data.endswith(b"\n"):
        lines.pop()
    if len(lines) != part.count:
        return ReadError("the file changed while it was being processed (line count differs)", input=part.path)
    return [line if len(line) <= limit else None for line in lines]


def read_units(part: Part, settings: Settings) -> Iterator[tuple[int, RawDocument | DatelineError]]:
    """(unit, document or error) for every unit the part processes, in order."""
    active = part.active()
    if part.kind == "files":
        for unit in active:
            for item in _read_file(part.files[unit], settings):
                yield unit, item
        return
    if part.kind == "bytes":
        name = part.path or "<stdin>"
        try:
            for item in read_bytes(part.data, Source(path=name, format="text"), settings.format):
                yield 0, item
        except ReadError as exc:
            exc.input = exc.input or name
            yield 0, exc
        return
    limit = max_document_bytes()
    lines = list(part.lines) if part.kind == "lines" else _range_lines(part, settings, limit)
    source = Source(path=part.path, format="jsonl")
    for unit in active:
        name = part.unit_name(unit)
        if isinstance(lines, ReadError):
            yield unit, ReadError(lines.reason, input=name)
            continue
        item = read_jsonl_line(part.first_line + unit, lines[unit], source, too_large(None, limit))
        if item is not None:
            yield unit, item


def _structured(raws: Iterable[tuple[int, RawDocument | DatelineError]], settings: Settings,
                tags: deque[int]) -> Iterator[Outcome | Article]:
    """Articles (or failed outcomes) one per read item; the unit of each is queued in `tags` in the same order."""
    known = settings.known_ids
    for unit, raw in raws:
        tags.append(unit)
        try:
            item = next(structure_all([raw], published=settings.published))
        except Exception as exc:  # noqa: BLE001 - a structure bug fails this document alone
            name = (raw.source.path or raw.source.url or "?") if isinstance(raw, RawDocument) else "?"
            item = Outcome(input=name, error=_failed(exc, "structuring", name))
        if known is not None and isinstance(item, Article) and item.id in known:
            item = Outcome(input=item.source.path or item.source.url or item.id)  # neither article nor error: skipped
        yield item


def run_part(part: Part, settings: Settings, language: Language) -> Iterator[tuple[int, list[Outcome]]]:
    """(unit, its outcomes) for every unit of the part, in order, each as soon as it is finished.

    A unit can hold no outcome (a blank JSONL line) or several (a news-please JSON list).
    """
    tags: deque[int] = deque()
    order = part.active()
    pos = 0
    held: list[Outcome] = []
    stream = _structured(read_units(part, settings), settings, tags)
    started = time.process_time()
    try:
        for outcome in annotate_all(stream, language, batch_size=settings.batch_size):
            unit = tags.popleft()
            while order[pos] < unit:
                yield order[pos], held
                held, pos = [], pos + 1
            held.append(outcome)
        while pos < len(order):
            yield order[pos], held
            held, pos = [], pos + 1
    finally:
        _busy_cpu[0] += time.process_time() - started


def encode(outcome: Outcome, send_articles: bool = True) -> Item:
    """An outcome as a small tuple to send between processes."""
    article, error = outcome.article, outcome.error
    if article is not None:
        if send_articles:
            return ("ok", outcome.input, json.dumps(article.to_dict(), ensure_ascii=False))
        return ("n", outcome.input, len(article.entities), len(article.quotes), len(article.events))
    if error is not None:
        return ("err", outcome.input, type(error).__name__, error.reason, error.input)
    return ("skip", outcome.input)


_ERROR_KINDS = {cls.__name__: cls for cls in vars(errors).values()
                if isinstance(cls, type) and issubclass(cls, DatelineError)}


def decode(item: Item) -> Outcome | None:
    """The Outcome a tuple stands for; None for a document skipped because it was already done."""
    kind, name = item[0], item[1]
    if kind == "ok":
        return Outcome(input=name, article=Article.from_dict(json.loads(item[2])))
    if kind == "n":
        return Written(input=name, found=(item[2], item[3], item[4]))
    if kind == "err":
        cls = _ERROR_KINDS.get(item[2], ProcessError)
        return Outcome(input=name, error=cls(item[3], input=item[4]))
    return None
