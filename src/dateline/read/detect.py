"""Decides what a document is by its content (the suffix only breaks ties): binary, HTML, JSON, JSONL or text."""

from __future__ import annotations

import json
import re
from typing import Literal

Kind = Literal["text", "html", "json", "jsonl"]
FORMATS = ("auto", "text", "html", "news-please")

# Magic numbers of common non-text files, so the error can say what the file is.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"ID3", "an MP3 file"),
    (b"OggS", "an Ogg media file"),
    (b"RIFF", "a RIFF media file"),
    (b"\x00\x00\x00\x18ftyp", "an MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "an MP4 video"),
    (b"\x1f\x8b", "a gzip archive inside a gzip archive"),
)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
# A signature spelled in letters ("RIFF", "ID3") only counts when bytes that text never holds follow it.
_RAW_BYTE = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x80-\xff]")
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.I)
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|section|main|!--)[\s>/]", re.I)
_HTML_TAG = re.compile(r"</?(?:p|div|br|span|a|h[1-6]|li|ul|article|section|table|td|tr|body|html|head)\b[^>]*>", re.I)


def utf16_order(head: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when BOM-less bytes look like UTF-16 text (NULs on one side of each pair)."""
    sample = head[:4096]
    pairs = len(sample) // 2
    if pairs < 4:
        return None
    even = sample[0::2].count(0) / pairs
    odd = sample[1::2].count(0) / pairs
    order = "utf-16-le" if odd > 0.3 and even < 0.05 else "utf-16-be" if even > 0.3 and odd < 0.05 else None
    if order is None:
        return None
    # Binary data can have the same NUL pattern; UTF-16 text decodes to printable characters.
    chars = sample[: pairs * 2].decode(order, errors="replace")
    printable = sum(1 for ch in chars if ch.isprintable() or ch in "\n\r\t")
    spaces = sum(1 for ch in chars if ch.isspace())
    return order if printable >= 0.95 * len(chars) and spaces >= 0.03 * len(chars) else None


def binary_reason(head: bytes) -> str | None:
    """Why these first bytes are not a text document (None when they may be text)."""
    for magic, what in _MAGIC:
        if head.startswith(magic) and (not magic.isascii() or not magic.isalnum() or _RAW_BYTE.search(head[:2048])):
            return f"binary file ({what}), not an article"
    if head.startswith(_BOMS) or head.startswith(b"\x00\x00\xfe\xff"):
        return None
    if utf16_order(head):
        return None
    sample = head[:8192]
    if b"\x00" in sample:
        return "binary file (it holds NUL bytes), not text"
    if sample and len(_CONTROL.findall(sample)) > len(sample) * 0.05:
        return "binary file (too many control characters), not text"
    return None


def _first_line_is_object(text: str) -> bool:
    line = text.split("\n", 1)[0].strip()
    if not (line.startswith("{") and line.endswith("}")):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def sniff(head_text: str, suffix: str) -> Kind:
    """The kind of a document from its first characters, falling back on the suffix only where content is silent."""
    start = head_text.lstrip("\ufeff \t\r\n")[:4096]
    if start.startswith("{"):
        rest = start.split("\n", 1)[1].lstrip() if "\n" in start else ""
        if suffix in (".jsonl", ".ndjson") or (_first_line_is_object(start) and rest.startswith("{")):
            return "jsonl"
        return "json"
    if start.startswith("[") and (suffix == ".json" or re.match(r"\[\s*[{\]]", start)):
        return "json"
    if _HTML_START.match(start) or start.lower().startswith("<?xml") and "<html" in start.lower():
        return "html"
    if len(_HTML_TAG.findall(start)) >= 5:
        return "html"
    if suffix in (".html", ".htm", ".xhtml", ".shtml") and start.startswith("<"):
        return "html"
    return "text"


def kind_for(format: str, sniffed: Kind) -> Kind:
    """The kind to read a document as, given the user's --format and what the content looks like."""
    if format == "text":
        return "text"
    if format == "html":
        return "html"
    if format == "news-please":
        return sniffed if sniffed in ("json", "jsonl") else "json"
    return sniffed


def declared_charset(head: bytes) -> str | None:
    """The encoding an HTML page declares in its <meta> tags, if any."""
    match = _CHARSET.search(head[:4096])
    return match.group(1).decode("ascii").lower() if match else None
