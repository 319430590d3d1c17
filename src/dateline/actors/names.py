"""Names of entities: acronyms and the long names they stand for, country names, the name an entity is shown by."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Iterator

from .lexicon import read_tsv

if TYPE_CHECKING:
    from .entities import Candidate

_SMALL = {"of", "the", "and", "for", "in", "on", "de", "des", "du", "la", "le", "at", "to", "a", "an", "&"}
_SPLIT = re.compile(r"[\s\-–/]+")


def is_acronym(text: str) -> bool:
    """'PACE', 'OSCE', 'U.N.': two to eight capitals (dots allowed), no lower case."""
    if len(text) > 16 or not text[:1].isupper():
        return False
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


def acronym_definitions(texts: list[str]) -> Iterator[tuple[int, int]]:
    """(acronym token, end of the long name) for every 'Long Name (ACR)' among the token texts."""
    n = len(texts)
    for i, text in enumerate(texts):
        if text == "(" and 0 < i and i + 1 < n and is_acronym(texts[i + 1]):
            if i + 2 >= n or texts[i + 2] in (")", ",", ";"):
                yield i + 1, i


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


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    return {iso: name for iso, name, *_ in read_tsv("countries.tsv")}


def country_name(iso: str) -> str:
    """'RUS' -> 'Russia' (the code itself when unknown)."""
    return _countries().get(iso, iso)


def pick_name(cands: list[Candidate], text_of: Callable[[Candidate], str]) -> str:
    """The entity's name: country name, longest full name, long form over acronym, else the first mention."""
    key = cands[0].key
    if key[0] == "country":
        return country_name(key[1])
    if key[0] == "agent":
        return cands[0].name or text_of(cands[0])
    written = [c for c in cands if c.rule not in ("demonym", "acronym")]
    full = [c for c in written if not is_acronym(text_of(c))]
    pool = full or written
    if pool:
        best = max(pool, key=lambda c: (c.end - c.start, not text_of(c).isupper(), -c.start))
        name = text_of(best)
        if best.name and best.end - best.start == 1 and (cands[0].label == "PERSON" or is_acronym(name)):
            return best.name  # only a surname or an acronym in the text: the lexicon's full name
        return name
    named = next((c.name for c in cands if c.name), None)
    return named or text_of(cands[0])


_COMPASS = {"north", "south", "east", "west"}


def short_names(cands: list[Candidate], lowers: list[str], texts: list[str]) -> None:
    """'the Commission' joins 'European Commission': a one-word organisation name the NER found alone, capitalised and
    with no code of its own, is the latest earlier multi-word organisation whose name ends with that word; 'the North'
    joins 'North Korea' (the latest earlier place named with that compass word first)."""
    longs = sorted((c for c in cands if c.label == "ORG" and c.end - c.start > 1), key=lambda c: c.start)
    places = sorted((c for c in cands if c.label == "GPE" and c.end - c.start > 1 and c.key[0] == "country"), key=lambda c: c.start)
    for c in cands:
        if c.end - c.start == 1 and lowers[c.start] in _COMPASS and c.start > 0 and lowers[c.start - 1] == "the" \
                and c.actor is None and texts[c.start][:1].isupper():
            named = [o for o in places if o.end <= c.start and lowers[o.start] == lowers[c.start]]
            if named:
                c.key, c.rule, c.label = named[-1].key, "short-name", "GPE"
            continue
        if c.end - c.start != 1 or c.label != "ORG" or c.key[0] != "name" or c.actor is not None \
                or not texts[c.start][:1].isupper() or is_acronym(texts[c.start]):
            continue
        before = [o for o in longs if o.end <= c.start and lowers[o.end - 1] == lowers[c.start]]
        if before:
            c.key, c.rule = before[-1].key, "short-name"
