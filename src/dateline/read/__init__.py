"""Readers: turn paths, folders, stdin and gzip into RawDocuments (or one-line ReadErrors), chosen by content."""

from __future__ import annotations

import codecs
from typing import Iterable, Iterator

from ..errors import DatelineError, ReadError, UsageError
from ..model import RawDocument, Source
from .detect import FORMATS, binary_reason, declared_charset, kind_for, sniff, utf16_order
from .html import read_html
from .newsplease import documents, parse_json, read_jsonl_line
from .sources import STDIN_NAME, Input, Opened, expand, max_document_bytes, too_large
from .text import decode, read_text

__all__ = ["FORMATS", "read_inputs", "read_one", "read_bytes"]


def _head_text(head: bytes) -> str:
    """The first bytes decoded well enough to sniff: markup and braces are ASCII in every encoding but UTF-16."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head.decode("utf-16", errors="replace")
    order = utf16_order(head)
    return head.decode(order, errors="replace") if order else head.decode("latin-1")


def read_bytes(data: bytes, source: Source, format: str = "auto", suffix: str = "") -> Iterator[RawDocument | ReadError]:
    """The documents in one file's bytes: one for text or HTML, one or more for news-please JSON."""
    name = source.path or STDIN_NAME
    if not data.strip():
        raise ReadError("empty file" if not data else "empty file (only whitespace)", input=name)
    why = binary_reason(data[:65536])
    if why:
        raise ReadError(why, input=name)
    kind = kind_for(format, sniff(_head_text(data[:65536]), suffix))
    if kind == "jsonl":
        limit = max_document_bytes()
        lines = enumerate(data.split(b"\n"), start=1)
        yield from _jsonl(((n, line if len(line) <= limit else None) for n, line in lines), source, limit)
        return
    if kind == "json":
        try:
            parsed = parse_json(data, name)
        except ReadError:
            if format == "news-please" or suffix == ".json":
                raise
            parsed = None  # not JSON after all: a text that merely opens with a brace
        if parsed is not None:
            yield from documents(parsed, _as(source, "news-please"))
            return
        kind = "text"
    if kind == "html":
        text, _ = decode(data, name, declared_charset(data))
        yield read_html(text, _as(source, "html"))
        return
    document = read_text(data, _as(source, "text"))
    if not document.content.strip():
        raise ReadError("empty file (only whitespace)", input=name)
    yield document


def _as(source: Source, format: str) -> Source:
    return Source(path=source.path, url=source.url, format=format, domain=source.domain)


def _jsonl(lines: Iterable[tuple[int, bytes | None]], source: Source, limit: int) -> Iterator[RawDocument | ReadError]:
    found = False
    for number, line in lines:
        item = read_jsonl_line(number, line, _as(source, "jsonl"), too_large(None, limit))
        if item is not None:
            found = True
            yield item
    if not found:
        yield ReadError("empty file (no JSON lines)", input=source.path or STDIN_NAME)


def read_one(inp: Input, format: str = "auto") -> Iterator[RawDocument | ReadError]:
    """The documents of one input file (or stdin); every failure comes back as a ReadError value."""
    source = Source(path=inp.name, format="text")
    try:
        with Opened(inp, max_document_bytes()) as opened:
            head = opened.head
            if head.strip() and not binary_reason(head):
                kind = kind_for(format, sniff(_head_text(head), inp.suffix))
                if kind == "jsonl":
                    # JSONL is streamed line by line, so the size limit applies to each article, not the file.
                    yield from _jsonl(opened.lines(), source, opened.limit)
                    return
            data = opened.read_all()
        yield from read_bytes(data, source, format, inp.suffix)
    except ReadError as exc:
        exc.input = exc.input or inp.name
        yield exc


def read_inputs(paths: Iterable[str], format: str = "auto", skip: Iterable[str] = ()) -> Iterator[RawDocument | ReadError]:
    """Every document found under the given paths, in order; failures come back as ReadError values.

    Files named in `skip` are passed over when a folder walk meets them (an output file written into an input folder).
    """
    if format not in FORMATS:
        raise UsageError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}", input="--format")
    for item in expand(paths, skip):
        if isinstance(item, DatelineError):
            yield item  # type: ignore[misc]
            continue
        yield from read_one(item, format)
