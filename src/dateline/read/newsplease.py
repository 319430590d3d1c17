"""Reads news-please JSON (one object, a list of them, or JSONL with one a line) into documents."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any, Iterator
from urllib.parse import urlsplit

from ..errors import ReadError
from ..model import RawDocument, Source
from .text import decode

# news-please's own fields first, then the schema.org / generic names other scrapers write.
TEXT_FIELDS = ("maintext", "text", "articleBody", "body", "content")
TITLE_FIELDS = ("title", "headline", "title_page", "title_rss")
DATE_FIELDS = ("date_publish", "datePublished", "published", "pubdate", "date")
DESCRIPTION_FIELDS = ("description", "summary", "standfirst")


def _first_text(obj: dict[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = obj.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _authors(obj: dict[str, Any]) -> str | None:
    value = obj.get("authors", obj.get("author"))
    if isinstance(value, list):
        names = [v.get("name") if isinstance(v, dict) else v for v in value]
        joined = "; ".join(str(n).strip() for n in names if n and str(n).strip())
        return joined or None
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def document(obj: Any, name: str, source: Source) -> RawDocument:
    """One news-please object as a document, or a ReadError saying what it lacks."""
    if not isinstance(obj, dict):
        raise ReadError(f"JSON holds a {type(obj).__name__}, not an article object", input=name)
    text = _first_text(obj, TEXT_FIELDS)
    if text is None:
        present = [f for f in TEXT_FIELDS if f in obj]
        if present:
            reason = f"JSON without article text (its '{present[0]}' field is empty)"
        else:
            reason = "JSON without article text (no 'text' or 'maintext' field)"
        raise ReadError(reason, input=name)
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    domain = obj.get("source_domain") if isinstance(obj.get("source_domain"), str) else None
    if url and not domain:
        domain = urlsplit(url).hostname
    date = obj.get(next((f for f in DATE_FIELDS if obj.get(f)), "date_publish"))
    return RawDocument(
        source=replace(source, url=url, domain=domain),
        content=text,
        kind="fields",
        title=_first_text(obj, TITLE_FIELDS),
        description=_first_text(obj, DESCRIPTION_FIELDS),
        date_publish=date if isinstance(date, str) else None,
        author=_authors(obj),
        site=domain,
    )


def _json_error(exc: json.JSONDecodeError) -> str:
    return f"invalid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"


def parse_json(data: bytes, name: str) -> Any:
    """The parsed JSON of a file, or a ReadError naming where it breaks."""
    text, _ = decode(data, name)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReadError(_json_error(exc), input=name) from None


def documents(obj: Any, source: Source) -> Iterator[RawDocument | ReadError]:
    """The documents of parsed JSON: one object, or a list of objects (each failing alone)."""
    name = source.path or "<stdin>"
    if isinstance(obj, list):
        if not obj:
            raise ReadError("JSON list is empty: no articles", input=name)
        for i, item in enumerate(obj):
            item_name = f"{name}[{i}]"
            try:
                yield document(item, item_name, replace(source, path=item_name))
            except ReadError as exc:
                yield exc
        return
    yield document(obj, name, source)


def read_jsonl_line(number: int, line: bytes | None, source: Source, reason_too_large: str) -> RawDocument | ReadError | None:
    """One JSONL line as a document (None for a blank line); the source path becomes `file:line`."""
    name = f"{source.path or '<stdin>'}:{number}"
    if line is None:
        return ReadError(reason_too_large, input=name)
    if number == 1 and line.startswith(b"\xef\xbb\xbf"):
        line = line[3:]
    if not line.strip():
        return None
    try:
        obj = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return ReadError(f"invalid bytes: not valid UTF-8 (at byte {exc.start} of the line)", input=name)
    except json.JSONDecodeError as exc:
        return ReadError(_json_error(exc), input=name)
    try:
        return document(obj, name, replace(source, path=name))
    except ReadError as exc:
        return exc
