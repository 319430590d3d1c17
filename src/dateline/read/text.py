"""Decodes a document's bytes: BOMs, UTF-8, BOM-less UTF-16, and legacy code pages found by charset-normalizer."""

from __future__ import annotations

import codecs
import logging

import charset_normalizer

from ..errors import ReadError
from ..model import RawDocument, Source
from .detect import utf16_order

logging.getLogger("charset_normalizer").addHandler(logging.NullHandler())

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# UTF-16/32 are only believed with a BOM or the NUL pattern; the detector guesses them wrongly on short texts.
_NOT_LEGACY = ["utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le", "utf_7"]
# When several code pages fit equally well, the ones news is most often written in win.
_PREFERRED = ("cp1252", "cp1251", "cp1250", "latin_1", "iso8859_15", "cp1253", "cp1254", "cp1257",
              "koi8_r", "gb18030", "cp932", "shift_jis", "euc_kr", "big5")
_MAX_CHAOS = 0.25


def _legacy(data: bytes) -> str | None:
    """The code page charset-normalizer finds most plausible, preferring common news encodings on ties."""
    results = list(charset_normalizer.from_bytes(data, cp_exclusion=_NOT_LEGACY))
    if not results:
        return None
    best = min(r.chaos for r in results)
    if best > _MAX_CHAOS:
        return None
    fitting = [r for r in results if r.chaos <= best + 0.01]
    top = max(r.coherence for r in fitting)
    close = [r.encoding for r in fitting if r.coherence >= top - 0.05]
    for name in _PREFERRED:
        if name in close:
            return name
    return close[0]


def _utf8_damage(data: bytes) -> tuple[int, int]:
    """(valid non-ASCII characters, invalid byte sequences) when the bytes are read as UTF-8."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127) - bad
    return good, bad


def _legacy_name(encoding: str | None) -> str | None:
    """A declared encoding worth trying after UTF-8 failed: known to Python and not a Unicode form."""
    if not encoding:
        return None
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return None
    return None if name.startswith(("utf-8", "utf-16", "utf-32")) else name


def decode(data: bytes, name: str, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding) for a document's bytes, or a ReadError that says why they are not text.

    `declared` is the encoding the document names for itself (an HTML meta charset): believed when UTF-8 fails.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise ReadError(f"invalid bytes: not valid {encoding} after its byte-order mark (at byte {exc.start + len(bom)})",
                                input=name) from None
    order = utf16_order(data[:4096])
    if order:
        try:
            return data.decode(order), order
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    legacy = _legacy_name(declared)
    if legacy:
        try:
            return data.decode(legacy), legacy
        except UnicodeDecodeError:
            pass
    good, bad = _utf8_damage(data)
    if good > bad:
        # Mostly UTF-8 with broken sequences: guessing a code page would turn its good characters into mojibake.
        raise ReadError(f"invalid bytes: UTF-8 text with {bad} broken byte sequence{'s' if bad != 1 else ''} "
                        f"(first at byte {first_bad})", input=name)
    encoding = _legacy(data)
    if encoding is None:
        raise ReadError("invalid bytes: not text in UTF-8, UTF-16 or any legacy encoding", input=name)
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        raise ReadError(f"invalid bytes: not valid in {encoding}, the closest legacy encoding", input=name) from None


def read_text(data: bytes, source: Source) -> RawDocument:
    """A plain-text document: decoded, with structure left to the structure stage."""
    text, _ = decode(data, source.path or "<stdin>")
    return RawDocument(source=source, content=text, kind="text")
