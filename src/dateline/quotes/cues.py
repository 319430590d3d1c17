"""The cue lexicon: speech verbs of news (and reported findings and beliefs) with their inflections, from data/cues.tsv."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "cues.tsv"
_VOWELS = set("aeiou")


@dataclass(frozen=True, slots=True)
class Cue:
    """One lexicon entry: the lemma (maybe several words), its class, and which complements carry indirect content."""

    lemma: str
    words: tuple[str, ...]
    kind: str
    frames: tuple[tuple[str, ...], ...]


def inflections(lemma: str) -> set[str]:
    """The regular -s, -ed and -ing forms of an English verb, with the lemma itself."""
    forms = {lemma}
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    if lemma.endswith("e"):
        forms.add(lemma + "d")
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        forms.add(lemma[:-1] + "ied")
    else:
        forms.add(lemma + "ed")
    if lemma.endswith("ie"):
        forms.add(lemma[:-2] + "ying")
    elif lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")):
        forms.add(lemma[:-1] + "ing")
    else:
        forms.add(lemma + "ing")
    return forms


def _frames(spec: str) -> tuple[tuple[str, ...], ...]:
    if spec in ("", "-"):
        return ()
    return tuple(tuple(part.split("+")) for part in spec.split(","))


def parse_lexicon(text: str) -> dict[str, list[Cue]]:
    """Map each inflected first word to the cue entries it can start (longer phrases first)."""
    table: dict[str, list[Cue]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, kind, frames, forms = (line.split("\t") + ["", "", "", "-"])[:4]
        words = tuple(lemma.split())
        cue = Cue(lemma, words, kind, _frames(frames))
        first_forms = set(forms.split("|")) if forms not in ("", "-") else inflections(words[0])
        for form in first_forms:
            table.setdefault(form, []).append(cue)
    for entries in table.values():
        entries.sort(key=lambda c: -len(c.words))
    return table


@lru_cache(maxsize=1)
def lexicon() -> dict[str, list[Cue]]:
    """The packaged cue lexicon, loaded once."""
    return parse_lexicon(DATA.read_text("utf-8"))


def cue_at(lower: list[str], pos: list[str], i: int) -> tuple[Cue, int] | None:
    """The cue starting at token i and the index after its last word, or None.

    A single-word verb cue must be tagged VERB (so "claims" the noun is no cue); "according to" is its own part of speech.
    """
    entries = lexicon().get(lower[i])
    if not entries:
        return None
    for cue in entries:
        n = len(cue.words)
        if n > 1:
            if lower[i + 1:i + n] == list(cue.words[1:]) and (cue.lemma == "according to" or pos[i] == "VERB"):
                return cue, i + n
            continue
        if pos[i] == "VERB":
            return cue, i + 1
    return None
