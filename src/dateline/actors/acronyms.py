"""Acronyms: 'Parliamentary Assembly of the Council of Europe (PACE)' defines PACE; initials link 'OSCE' to its long name."""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Doc

_SMALL = {"of", "the", "and", "for", "in", "on", "de", "des", "du", "la", "le", "at", "to", "a", "an", "&"}
_SPLIT = re.compile(r"[\s\-–/]+")


def is_acronym(text: str) -> bool:
    """'PACE', 'OSCE', 'U.N.': two to eight capitals (dots allowed), no lower case."""
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= 8 and all(c.isupper() for c in letters) and all(c.isalnum() or c in ".&" for c in text)


def initials(name: str) -> str:
    """'Organization for Security and Co-operation in Europe' -> 'OSCE' (small words and lower-case parts skipped)."""
    out = []
    for word in _SPLIT.split(name):
        if not word or word.lower() in _SMALL or not word[0].isupper():
            continue
        out.append(word[0])
    return "".join(out)


def acronym_definitions(doc: Doc) -> Iterator[tuple[int, int]]:
    """(acronym token, end of the long name) for every 'Long Name (ACR)' in the doc."""
    for tok in doc:
        if tok.text == "(" and tok.i > 0 and tok.i + 1 < len(doc) and is_acronym(doc[tok.i + 1].text):
            after = tok.i + 2
            if after >= len(doc) or doc[after].text in (")", ",", ";"):
                yield tok.i + 1, tok.i


class AcronymIndex:
    """Acronyms defined in the text, and the initials of the long names seen, each pointing at an entity key."""

    def __init__(self) -> None:
        self._defined: dict[str, tuple[str, ...]] = {}
        self._initials: dict[str, tuple[str, ...]] = {}
        self._long_keys: set[tuple[str, ...]] = set()

    def define(self, short: str, key: tuple[str, ...]) -> None:
        self._defined.setdefault(_bare(short), key)
        self._long_keys.add(key)

    def add_name(self, name: str, key: tuple[str, ...]) -> None:
        letters = initials(name)
        if len(letters) >= 2:
            self._initials.setdefault(letters, key)
        self._long_keys.add(key)

    def lookup(self, short: str) -> tuple[str, ...] | None:
        bare = _bare(short)
        return self._defined.get(bare) or self._initials.get(bare)

    def has_long(self, key: tuple[str, ...]) -> bool:
        return key in self._long_keys


def _bare(text: str) -> str:
    return "".join(c for c in text if c.isalpha()).upper()
