"""The small word lists coreference reads: pronouns, gendered first names and titles, role nouns, government metonyms."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data")


@dataclass(frozen=True, slots=True)
class PronounSense:
    """What a pronoun can refer to: a person (with gender) or not, singular or plural."""

    person: bool | None  # True: a person; False: not a person; None: either (they)
    gender: str | None
    plural: bool


PRONOUNS: dict[str, PronounSense] = {
    **{w: PronounSense(True, "m", False) for w in ("he", "him", "his", "himself")},
    **{w: PronounSense(True, "f", False) for w in ("she", "her", "hers", "herself")},
    **{w: PronounSense(False, None, False) for w in ("it", "its", "itself")},
    **{w: PronounSense(None, None, True) for w in ("they", "them", "their", "theirs", "themselves")},
}

TITLES: dict[str, str] = {
    "mr": "m", "mr.": "m", "sir": "m", "lord": "m", "monsieur": "m", "herr": "m",
    "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "madam": "f", "lady": "f", "dame": "f", "madame": "f",
}

# words that may sit in a role description without changing whose role it is
ROLE_FILLERS = frozenset({"former", "then", "current", "new", "outgoing", "incoming", "top", "veteran", "embattled", "same"})
TWO_COUNTRIES = frozenset({"countries", "nations", "states"})
TWO_LEADERS = frozenset({"leaders", "presidents", "ministers", "men", "women"})


@dataclass(frozen=True, slots=True)
class RoleNoun:
    """A role noun ("diplomat") with the gender it shows and the role words it can stand for ("*": itself)."""

    noun: str
    gender: str | None
    stands_for: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Metonym:
    """A place standing for a government: the Kremlin is the Russian government."""

    phrase: tuple[str, ...]
    country: str
    sector: str
    name: str


def _rows(name: str) -> list[list[str]]:
    out = []
    for line in (DATA / name).read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.split("\t"))
    return out


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """First name (lower case) -> 'm' or 'f'."""
    return {row[0]: row[1] for row in _rows("first_names.tsv")}


@lru_cache(maxsize=1)
def role_nouns() -> dict[str, RoleNoun]:
    """Role noun (lower case) -> what it can refer to."""
    out = {}
    for noun, gender, stands in _rows("roles.tsv"):
        words = tuple(noun if s == "*" else s for s in stands.split("|"))
        out[noun] = RoleNoun(noun, None if gender == "-" else gender, words)
    return out


@lru_cache(maxsize=1)
def metonyms() -> dict[str, list[Metonym]]:
    """First word (lower case) -> the metonyms starting with it, longest first."""
    out: dict[str, list[Metonym]] = {}
    for phrase, country, sector, name in _rows("metonyms.tsv"):
        words = tuple(phrase.split())
        out.setdefault(words[0], []).append(Metonym(words, country, sector, name))
    for items in out.values():
        items.sort(key=lambda m: -len(m.phrase))
    return out


def gendered_words() -> dict[str, str]:
    """Role words that show gender (spokeswoman -> f), from the role list."""
    return {noun: r.gender for noun, r in role_nouns().items() if r.gender}
