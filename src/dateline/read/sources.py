"""Finds the files behind the paths a user gives and opens them safely: folders, stdin, gzip, size limits."""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from ..errors import ConfigError, ReadError

STDIN = "-"
STDIN_NAME = "<stdin>"
MAX_MB_SETTING = "DATELINE_MAX_DOCUMENT_MB"
DEFAULT_MAX_MB = 20
HEAD_BYTES = 64 * 1024

# Suffixes a folder walk picks up; files named explicitly are read whatever their suffix.
ARTICLE_SUFFIXES = frozenset({"", ".txt", ".text", ".html", ".htm", ".xhtml", ".shtml", ".json", ".jsonl", ".ndjson"})


@dataclass(frozen=True, slots=True)
class Input:
    """One file (or stdin) to read: the name errors and sources use, and its suffix without `.gz`."""

    name: str
    path: Path | None

    @property
    def suffix(self) -> str:
        if self.path is None:
            return ""
        name = self.path.name.lower()
        if name.endswith(".gz"):
            name = name[:-3]
        return Path(name).suffix


def max_document_bytes() -> int:
    """The size limit for one document, from $DATELINE_MAX_DOCUMENT_MB (megabytes) or the default."""
    raw = os.environ.get(MAX_MB_SETTING)
    if raw is None or raw.strip() == "":
        return DEFAULT_MAX_MB * 1024 * 1024
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if value <= 0:
        raise ConfigError(f"{MAX_MB_SETTING} must be a positive number of megabytes, not {raw!r}", input=MAX_MB_SETTING)
    return int(value * 1024 * 1024)


def megabytes(size: int) -> str:
    """A byte count as users read it."""
    return f"{size / (1024 * 1024):.1f} MB"


def too_large(size: int | None, limit: int) -> str:
    """The one-line reason for a document over the size limit."""
    what = f"more than {megabytes(limit)}" if size is None else megabytes(size)
    return f"too large ({what}; the limit is {megabytes(limit)}, set {MAX_MB_SETTING} to change it)"


def _is_article_file(path: Path) -> bool:
    name = path.name.lower()
    if name.startswith("."):
        return False
    if name.endswith(".gz"):
        name = name[:-3]
    return Path(name).suffix in ARTICLE_SUFFIXES


def _walk(folder: Path) -> Iterator[Input | ReadError]:
    """Every article file below a folder, sorted, skipping hidden files and folders."""
    found = 0
    skipped: dict[str, int] = {}
    for root, dirs, files in os.walk(folder, onerror=None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if _is_article_file(path):
                found += 1
                yield Input(str(path), path)
            elif not name.startswith("."):
                suffix = path.suffix.lower() or "(none)"
                skipped[suffix] = skipped.get(suffix, 0) + 1
    if not found:
        if skipped:
            kinds = ", ".join(f"{n} {s}" for s, n in sorted(skipped.items()))
            reason = f"no articles found in this directory (skipped files that are not articles: {kinds})"
        else:
            reason = "no articles found in this directory (it holds no files)"
        yield ReadError(reason, input=str(folder))


def _same_file(path: Path, skip: set[Path]) -> bool:
    try:
        return path.resolve() in skip
    except OSError:
        return False


def expand(paths: Iterable[str], skip: Iterable[str] = ()) -> Iterator[Input | ReadError]:
    """The inputs behind the given paths, in order: files, folders walked recursively, `-` for stdin.

    `skip` names files never to read (the command's own output file, when it lies inside an input folder).
    """
    skipped = {Path(s).resolve() for s in skip}
    for name in paths:
        if name == STDIN:
            yield Input(STDIN_NAME, None)
            continue
        path = Path(name)
        if path.is_dir():
            for item in _walk(path):
                if not (skipped and isinstance(item, Input) and item.path is not None and _same_file(item.path, skipped)):
                    yield item
        elif path.is_file():
            yield Input(name, path)
        elif path.exists():
            yield ReadError("not a regular file", input=name)
        else:
            yield ReadError("no such file or directory", input=name)


def _open_raw(inp: Input) -> BinaryIO:
    if inp.path is None:
        stdin = sys.stdin.buffer
        # A pipe or a test's in-memory stdin may lack peek(); a buffered wrapper gives it one.
        return stdin if hasattr(stdin, "peek") else io.BufferedReader(stdin)  # type: ignore[arg-type,return-value]
    try:
        return open(inp.path, "rb")
    except PermissionError:
        raise ReadError("cannot read: permission denied", input=inp.name) from None
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}", input=inp.name) from None


class Opened:
    """An input opened for reading, gunzipped when its bytes say gzip, with its first bytes already read."""

    def __init__(self, inp: Input, limit: int) -> None:
        self.input = inp
        self.limit = limit
        self._raw = _open_raw(inp)
        self._stream: BinaryIO = self._raw
        self.gzipped = False
        try:
            magic = self._raw.peek(2)[:2]  # type: ignore[attr-defined]
            if magic == b"\x1f\x8b":
                self.gzipped = True
                self._stream = gzip.GzipFile(fileobj=self._raw, mode="rb")  # type: ignore[assignment]
            self.head = self.read(HEAD_BYTES)
        except BaseException:
            self.close()
            raise

    def read(self, size: int) -> bytes:
        """Up to `size` more bytes; corrupt gzip data becomes a ReadError."""
        try:
            return self._stream.read(size)
        except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
            raise ReadError(f"corrupt gzip data ({exc or 'truncated'})", input=self.input.name) from None
        except OSError as exc:
            raise ReadError(f"cannot read: {exc.strerror or exc}", input=self.input.name) from None

    def size_on_disk(self) -> int | None:
        """The file's size when it is a plain (not gzipped) regular file."""
        if self.gzipped or self.input.path is None:
            return None
        try:
            return os.fstat(self._raw.fileno()).st_size
        except OSError:
            return None

    def read_all(self) -> bytes:
        """The whole document, or a ReadError when it is over the size limit."""
        size = self.size_on_disk()
        if size is not None and size > self.limit:
            raise ReadError(too_large(size, self.limit), input=self.input.name)
        data = self.head + self.read(self.limit + 1 - len(self.head))
        if len(data) > self.limit:
            raise ReadError(too_large(size, self.limit), input=self.input.name)
        return data

    def lines(self) -> Iterator[tuple[int, bytes | None]]:
        """(line number, bytes) for every line; None stands for a line over the size limit."""
        buffer = self.head
        number = 0
        skipping = False
        while True:
            cut = buffer.find(b"\n")
            if cut < 0:
                chunk = self.read(HEAD_BYTES)
                if not chunk:
                    break
                if len(buffer) > self.limit:
                    if not skipping:
                        number += 1
                        yield number, None
                    skipping, buffer = True, b""
                buffer += chunk
                continue
            line, buffer = buffer[:cut], buffer[cut + 1:]
            if skipping:
                skipping = False
                continue
            number += 1
            yield number, (None if len(line) > self.limit else line)
        if buffer and not skipping:
            yield number + 1, (None if len(buffer) > self.limit else buffer)

    def close(self) -> None:
        if self._stream is not self._raw:
            self._stream.close()
        if self.input.path is not None:
            self._raw.close()

    def __enter__(self) -> Opened:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
