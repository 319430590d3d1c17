"""Names for entities: the canonical country name, a person's full name, an organisation's long name."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from .acronyms import is_acronym
from .lexicon import _read_tsv

if TYPE_CHECKING:
    from .entities import Candidate


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    return {iso: name for iso, name, *_ in _read_tsv("countries.tsv")}


def country_name(iso: str) -> str:
    """'RUS' -> 'Russia' (the code itself when unknown)."""
    return _countries().get(iso, iso)


def pick_name(doc: Doc, cands: list[Candidate], text: str) -> str:
    """The entity's name: country name, longest full name, long form over acronym, else the first mention."""
    key = cands[0].key
    if key[0] == "country":
        return country_name(key[1])
    if key[0] == "agent":
        return _text(doc, cands[0], text)
    written = [c for c in cands if c.rule not in ("demonym", "acronym")]
    full = [c for c in written if not is_acronym(_text(doc, c, text))]
    pool = full or written
    if pool:
        best = max(pool, key=lambda c: (c.end - c.start, not _text(doc, c, text).isupper(), -c.start))
        name = _text(doc, best, text)
        if best.name and best.end - best.start == 1 and (cands[0].label == "PERSON" or is_acronym(name)):
            return best.name  # only a surname or an acronym in the text: the lexicon's full name
        return name
    named = next((c.name for c in cands if c.name), None)
    return named or _text(doc, cands[0], text)


def _text(doc: Doc, c: Candidate, text: str) -> str:
    if c.char_start is not None:
        return text[c.char_start : c.char_end]
    return doc[c.start : c.end].text
