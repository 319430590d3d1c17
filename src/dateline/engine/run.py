"""One run of the pipeline on an engine, as `dateline process` uses it: plan, skip what is done, process, report.

    run = Run(["corpus/"], RunOptions(workers=4, resume=True), store=store)
    for outcome in run.outcomes():   # in input order; the caller writes them (single writer)
        ...
    run.notes()                      # what was skipped, lost or left unfinished, for the summary
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Iterator, Literal

from ..errors import DatelineError, UsageError
from ..pipeline import Outcome
from ..read.sources import max_document_bytes
from .ledger import Engine
from .parts import Part, Planner
from .resume import Done
from .work import Settings, load_language, run_part

if TYPE_CHECKING:
    from ..store import Store

WORKER_MB = 700  # what one worker may need at its peak (measured well under this; see docs/scaling.md)
ENGINES = ("local", "dask")


def cores() -> int:
    """CPU cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def default_workers() -> int:
    """One worker per core, but no more than the free memory holds at WORKER_MB each."""
    try:
        import psutil

        fit = int(psutil.virtual_memory().available // (WORKER_MB * 1024 * 1024))
    except Exception:  # noqa: BLE001 - psutil missing or unable to tell: trust the core count
        fit = cores()
    return max(1, min(cores(), fit))


@dataclass(slots=True)
class RunOptions:
    """How to run: which engine, how many workers, what to skip and where results go besides the caller."""

    engine: Literal["local", "dask"] = "local"
    workers: int = 1
    scheduler: str | None = None
    parquet_out: str | None = None
    resume: bool = False
    retries: int = 1
    format: str = "auto"
    published: str | None = None
    pipeline: str | None = None
    batch_size: int = 16  # spaCy batch in a worker: 32 long articles at once push a worker past 700 MB
    files_per_part: int | None = None  # default: 16 locally, 64 on Dask (a Dask task should run for seconds)
    lines_per_part: int | None = None  # default: 64 locally, 256 on Dask
    need_articles: bool = True  # False when only --parquet-out is wanted: articles stay on the workers
    skip_files: tuple[str, ...] = field(default=())  # never read these (the run's own output file)


class InlineEngine(Engine):
    """The engines' code path in this process, one part after another (--resume with one worker)."""

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings

    def run(self, parts: Iterable[Part | DatelineError]) -> Iterator[Outcome]:
        language = load_language(self.settings)
        for part in parts:
            if isinstance(part, DatelineError):
                yield Outcome(input=part.input or "?", error=part)
                continue
            for _unit, outcomes in run_part(part, self.settings, language):
                for outcome in outcomes:
                    if outcome.ok or outcome.error is not None:
                        yield outcome
                    else:
                        self.skipped += 1


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class Run:
    """The documents under some paths, processed by the engine the options choose."""

    def __init__(self, paths: Iterable[str], options: RunOptions, store: Store | None = None) -> None:
        if options.engine not in ENGINES:
            raise UsageError(f"unknown engine {options.engine!r}; choose one of {', '.join(ENGINES)}", input="--engine")
        if options.parquet_out and options.engine != "dask":
            raise UsageError("--parquet-out is written by the Dask engine; add --engine dask", input="--parquet-out")
        max_document_bytes()  # a bad size setting stops the run here, not in every worker
        self.paths = list(paths)
        self.options = options
        self.planned_skips = 0
        done = None
        if options.resume and store is not None and not options.parquet_out:
            done = Done.from_store(store)
        self.done = done
        self.settings = Settings(pipeline=options.pipeline, format=options.format, published=options.published,
                                 batch_size=options.batch_size, known_ids=done.ids if done else None,
                                 send_articles=options.need_articles, base_dir=os.getcwd())
        dask = options.engine == "dask"
        self.planner = Planner(format=options.format,
                               files_per_part=options.files_per_part or (64 if dask else 16),
                               lines_per_part=options.lines_per_part or (256 if dask else 64),
                               skip_name=done.paths.__contains__ if done and len(done.paths) else None,
                               on_skip=self._skipped)
        self.engine = self._engine()

    def _engine(self) -> Engine:
        o = self.options
        if o.engine == "dask":
            from .dask import DaskEngine

            return DaskEngine(self.settings, o.workers, scheduler=o.scheduler, parquet_out=o.parquet_out,
                              resume=o.resume, retries=o.retries)
        if o.workers == 1:
            return InlineEngine(self.settings)
        from .local import LocalEngine

        return LocalEngine(self.settings, o.workers, retries=o.retries)

    def _skipped(self, _name: str) -> None:
        self.planned_skips += 1

    def outcomes(self) -> Iterator[Outcome]:
        """Every document's outcome, in input order (documents already done are skipped and counted)."""
        return self.engine.run(self.planner.plan(self.paths, self.options.skip_files))

    @property
    def skipped(self) -> int:
        """Documents left alone because a previous run did them."""
        return self.planned_skips + self.engine.skipped

    def notes(self) -> list[str]:
        """Lines for the run's summary: skips, lost documents, an interrupted run."""
        lines = []
        if self.skipped:
            lines.append(f"skipped {_plural(self.skipped, 'document')} already in the store (--resume)")
        if self.options.parquet_out:
            parts = getattr(self.engine, "skipped_parts", 0)
            if parts:
                lines.append(f"skipped {_plural(parts, 'partition')} already in {self.options.parquet_out} (--resume)")
            written = getattr(self.engine, "written", 0)
            lines.append(f"wrote {_plural(written, 'Parquet partition')} to {self.options.parquet_out}")
        if self.engine.rerun:
            lines.append(f"{_plural(len(self.engine.rerun), 'input')} lost with their worker (listed above): "
                         "run the same command again with --resume to process them")
        if self.engine.unfinished:
            shown = ", ".join(self.engine.unfinished[:20]) + (" ..." if len(self.engine.unfinished) > 20 else "")
            lines.append(f"stopped before finishing {_plural(len(self.engine.unfinished), 'input')} (files or JSONL lines): {shown}; "
                         "run the same command again with --resume to process them")
        return lines

