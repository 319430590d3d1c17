"""Splits the inputs into parts (lists of files, JSONL line ranges) that a worker processes as one task.

The plan is lazy: inputs are walked, and large JSONL files scanned for line boundaries, only as
parts are asked for, so a corpus of millions of files is never held in memory. A part names its
inputs (paths, byte ranges) rather than carrying them, so workers read from the same filesystem;
only stdin and gzip-compressed JSONL, which cannot be split by offset, travel inline.
"""

from __future__ import annotations

import hashlib
from itertools import chain
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator, Literal

from ..errors import DatelineError, ReadError, UsageError
from ..read import FORMATS
from ..read.detect import binary_reason, kind_for, sniff
from ..read.sources import STDIN_NAME, Input, Opened, expand, max_document_bytes

JSONL_SUFFIXES = (".jsonl", ".ndjson")
BLOCK = 1 << 20

PartKind = Literal["files", "range", "lines", "bytes"]


@dataclass(frozen=True, slots=True)
class Part:
    """One task's worth of input; its units (files or JSONL lines) are what a rerun report names."""

    kind: PartKind
    files: tuple[str, ...] = ()          # "files": paths, each read whole by the worker
    path: str | None = None              # "range"/"lines"/"bytes": the file (or <stdin>) the units come from
    start: int = 0                       # "range": byte offsets of whole lines, [start, end)
    end: int = 0
    first_line: int = 1                  # "range"/"lines": number of the first line (1-based, as errors cite it)
    count: int = 0                       # "range"/"lines": how many lines
    lines: tuple[bytes | None, ...] = ()  # "lines": the lines themselves (None: over the size limit)
    data: bytes = b""                    # "bytes": one whole document read from stdin
    only: frozenset[int] | None = None   # when set, only these units are processed (a retry, a resumed range)
    key: str = field(default="", compare=False)

    @property
    def size(self) -> int:
        """How many units the part spans (processed or not)."""
        if self.kind == "files":
            return len(self.files)
        if self.kind == "bytes":
            return 1
        return self.count

    def active(self) -> list[int]:
        """The unit indices this part processes, in order."""
        return [u for u in range(self.size) if self.only is None or u in self.only]

    def unit_name(self, unit: int) -> str:
        """The input a unit stands for, as errors and the store name it (`file`, `file.jsonl:12`)."""
        if self.kind == "files":
            return self.files[unit]
        if self.kind == "bytes":
            return self.path or STDIN_NAME
        return f"{self.path}:{self.first_line + unit}"

    def alone(self, unit: int) -> Part:
        """The same part restricted to one unit, for retrying it on its own."""
        return replace(self, only=frozenset({unit}))


def part_key(kind: str, *fields: object) -> str:
    """A stable name for a part from what it covers, so a rerun finds the same part (and its output) again."""
    digest = hashlib.sha1(repr((kind, *fields)).encode("utf-8", "surrogateescape")).hexdigest()
    return digest[:20]


def _files_part(names: list[str]) -> Part:
    return Part("files", files=tuple(names), key=part_key("files", *names))


def _range_part(path: str, start: int, end: int, first: int, count: int) -> Part:
    return Part("range", path=path, start=start, end=end, first_line=first, count=count,
                key=part_key("range", path, start, end))


def _lines_part(path: str, first: int, lines: list[bytes | None]) -> Part:
    return Part("lines", path=path, first_line=first, count=len(lines), lines=tuple(lines),
                key=part_key("lines", path, first, len(lines)))


def line_ranges(path: Path, per_part: int) -> Iterator[tuple[int, int, int, int]]:
    """(start, end, first line, line count) for consecutive runs of `per_part` lines, read at disk speed."""
    start = offset = 0
    first, counted = 1, 0
    last = b"\n"
    with open(path, "rb") as handle:
        while block := handle.read(BLOCK):
            pos = 0
            while True:
                need = per_part - counted
                found = block.count(b"\n", pos)
                if found < need:
                    counted += found
                    break
                for _ in range(need):
                    pos = block.index(b"\n", pos) + 1
                yield start, offset + pos, first, per_part
                start, first, counted = offset + pos, first + per_part, 0
            offset += len(block)
            last = block[-1:]
    if offset > start:
        yield start, offset, first, counted + (last != b"\n")


@dataclass(slots=True)
class Planner:
    """Turns the paths a user gives into parts, in input order; read failures of whole inputs pass through.

    `skip_name` (resume) drops inputs, or JSONL lines, already done; `on_skip` hears about each one.
    """

    format: str = "auto"
    files_per_part: int = 16
    lines_per_part: int = 64
    skip_name: Callable[[str], bool] | None = None
    on_skip: Callable[[str], None] | None = None
    _group: list[str] = field(default_factory=list)

    def plan(self, paths: Iterable[str], skip: Iterable[str] = ()) -> Iterator[Part | DatelineError]:
        """Parts for every input under the paths (files in `skip` are not read: the run's own output)."""
        if self.format not in FORMATS:
            raise UsageError(f"unknown format {self.format!r}; choose one of {', '.join(FORMATS)}", input="--format")
        for item in expand(paths, skip):
            if isinstance(item, DatelineError):
                yield from self._flush()
                yield item
            elif item.path is None:
                yield from self._flush()
                yield from self._stream(item)
            elif self._maybe_jsonl(item):
                yield from self._jsonl(item)
            elif self._skipped(item.name):
                continue
            else:
                yield from self._add(item.name)
        yield from self._flush()

    def _skipped(self, name: str) -> bool:
        if self.skip_name is None or not self.skip_name(name):
            return False
        if self.on_skip is not None:
            self.on_skip(name)
        return True

    def _flush(self) -> Iterator[Part]:
        if self._group:
            yield _files_part(self._group)
            self._group = []

    def _maybe_jsonl(self, item: Input) -> bool:
        return self.format in ("auto", "news-please") and item.suffix in JSONL_SUFFIXES

    def _jsonl(self, item: Input) -> Iterator[Part | DatelineError]:
        """A JSONL file: split into parts of lines when it is longer than one part, else read whole like any file."""
        try:
            opened = Opened(item, max_document_bytes())
        except ReadError:
            yield from self._add(item.name)  # the worker reads it whole and reports what a single process would
            return
        with opened:
            raw = self._split(item, opened)
            first = next(raw, None)
            second = next(raw, None) if isinstance(first, Part) else None
            if second is None:  # one part at most: read whole by the worker, exactly as a single process would
                yield from self._add(item.name)
                return
            yield from self._flush()
            yield from self._resumed_all(chain((first, second), raw))

    def _split(self, item: Input, opened: Opened) -> Iterator[Part | DatelineError]:
        head = opened.head
        if not head.strip() or binary_reason(head) or kind_for(self.format, sniff(head.decode("latin-1"), item.suffix)) != "jsonl":
            return iter(())
        if opened.gzipped:
            return self._inline(item.name, opened.lines())
        return self._ranges(item)

    def _ranges(self, item: Input) -> Iterator[Part | DatelineError]:
        try:
            for start, end, first, count in line_ranges(item.path, self.lines_per_part):  # type: ignore[arg-type]
                yield _range_part(item.name, start, end, first, count)
        except OSError as exc:
            yield ReadError(f"cannot read: {exc.strerror or exc}", input=item.name)

    def _add(self, name: str) -> Iterator[Part]:
        self._group.append(name)
        if len(self._group) >= self.files_per_part:
            yield from self._flush()

    def _inline(self, name: str, lines: Iterable[tuple[int, bytes | None]]) -> Iterator[Part | DatelineError]:
        """Lines shipped to workers inline (stdin, gzip), a part at a time; a read failure ends the stream."""
        batch: list[bytes | None] = []
        first = 1
        try:
            for number, line in lines:
                if not batch:
                    first = number
                batch.append(line)
                if len(batch) >= self.lines_per_part:
                    yield _lines_part(name, first, batch)
                    batch = []
        except ReadError as exc:
            if batch:
                yield _lines_part(name, first, batch)
            exc.input = exc.input or name
            yield exc
            return
        if batch:
            yield _lines_part(name, first, batch)

    def _resumed(self, part: Part) -> Part | None:
        """The part without the lines already done (None when all are)."""
        if self.skip_name is None:
            return part
        todo = [u for u in range(part.size) if not self._skipped(part.unit_name(u))]
        if not todo:
            return None
        return part if len(todo) == part.size else replace(part, only=frozenset(todo))

    def _resumed_all(self, parts: Iterable[Part | DatelineError | None]) -> Iterator[Part | DatelineError]:
        for part in parts:
            resumed = self._resumed(part) if isinstance(part, Part) else part
            if resumed is not None:
                yield resumed

    def _stream(self, item: Input) -> Iterator[Part | DatelineError]:
        """Stdin: JSONL is streamed in parts of lines; any other document travels whole."""
        try:
            with Opened(item, max_document_bytes()) as opened:
                head = opened.head
                if head.strip() and not binary_reason(head) and \
                        kind_for(self.format, sniff(head.decode("latin-1"), "")) == "jsonl":
                    yield from self._resumed_all(self._inline(STDIN_NAME, opened.lines()))
                    return
                data = opened.read_all()
        except ReadError as exc:
            exc.input = exc.input or item.name
            yield exc
            return
        yield Part("bytes", path=STDIN_NAME, data=data, key=part_key("bytes", STDIN_NAME, len(data)))
