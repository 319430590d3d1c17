"""Matching predicted quotes to gold attributions by token overlap, and tallying precision, recall, cue and speaker accuracy.

Overlap of two spans = shared word tokens (a multiset intersection of lower-cased `\\w+` tokens, so quotation marks
and punctuation do not count) / tokens of the longer span. Matching is one-to-one and greedy, best overlap first,
among pairs at or above the threshold.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Iterable, Sequence

Ranges = tuple[tuple[int, int], ...]

_WORD = re.compile(r"\w+")


def tokens(text: str) -> Counter[str]:
    """The word tokens of a text as a multiset."""
    return Counter(m.group().lower() for m in _WORD.finditer(text))


def overlap(a: Counter[str], b: Counter[str]) -> float:
    """Shared tokens / tokens of the longer span (0 when either is empty)."""
    longer = max(sum(a.values()), sum(b.values()))
    if longer == 0:
        return 0.0
    return sum((a & b).values()) / longer


def ranges_overlap(a: Ranges, b: Ranges) -> bool:
    """Whether any character range of `a` overlaps any of `b`."""
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


@dataclass(slots=True)
class Unit:
    """One attribution to compare: content tokens and, where known, cue, speaker ranges and speaker name."""

    content: Counter[str]
    cue: Ranges = ()
    cue_text: str | None = None
    speaker: Ranges = ()
    speaker_mentions: Ranges = ()
    speaker_name: str | None = None


def unit_from_ranges(text: str, content: Ranges, cue: Ranges = (), speaker: Ranges = (), mentions: Ranges = (), name: str | None = None) -> Unit:
    """A unit whose content tokens are cut from the text by its ranges."""
    words: Counter[str] = Counter()
    for start, end in content:
        words.update(tokens(text[start:end]))
    cue_text = " ".join(text[s:e] for s, e in cue) or None
    return Unit(words, cue, cue_text, speaker, mentions, name)


def merge_by_cue(units: Sequence[Unit]) -> list[Unit]:
    """Join predicted pieces that share one cue span into one attribution, as PolNeAR codes one attribution per cue."""
    out: list[Unit] = []
    by_cue: dict[Ranges, Unit] = {}
    for unit in units:
        if unit.cue and unit.cue in by_cue:
            first = by_cue[unit.cue]
            first.content = first.content + unit.content
            first.speaker = first.speaker + tuple(r for r in unit.speaker if r not in first.speaker)
            first.speaker_mentions = first.speaker_mentions + tuple(r for r in unit.speaker_mentions if r not in first.speaker_mentions)
            continue
        copy = Unit(Counter(unit.content), unit.cue, unit.cue_text, unit.speaker, unit.speaker_mentions, unit.speaker_name)
        if unit.cue:
            by_cue[unit.cue] = copy
        out.append(copy)
    return out


def match(pred: Sequence[Unit], gold: Sequence[Unit], threshold: float) -> list[tuple[int, int, float]]:
    """One-to-one (pred index, gold index, overlap) pairs, greedily by best overlap, at or above the threshold."""
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            score = overlap(p.content, g.content)
            if score >= threshold:
                pairs.append((score, i, j))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for score, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j, score))
    return out


def cue_correct(p: Unit, g: Unit) -> bool:
    """The cue is right when the spans overlap, or (where only text is known) the words are the same."""
    if p.cue and g.cue:
        return ranges_overlap(p.cue, g.cue)
    if p.cue_text and g.cue_text:
        return " ".join(p.cue_text.lower().split()) == " ".join(g.cue_text.lower().split())
    return False


def speaker_correct(p: Unit, g: Unit) -> bool:
    """Right when the predicted speaker span, or a mention of the predicted speaker's entity, overlaps the gold source;
    where gold gives only a canonical name (the seed), the resolved names must be equal."""
    if g.speaker:
        return ranges_overlap(p.speaker, g.speaker) or ranges_overlap(p.speaker_mentions, g.speaker)
    if g.speaker_name is not None:
        return p.speaker_name == g.speaker_name
    return False


@dataclass(slots=True)
class Tally:
    """Counts summed over documents (each weighted, so several annotators of one article share one article's weight)."""

    tp: float = 0.0
    pred: float = 0.0
    gold: float = 0.0
    cue_ok: float = 0.0
    cue_n: float = 0.0
    speaker_ok: float = 0.0
    speaker_n: float = 0.0
    errors: list[tuple[str, str, Unit, Unit | None]] = field(default_factory=list)

    def add(self, pred: Sequence[Unit], gold: Sequence[Unit], threshold: float, weight: float = 1.0) -> list[tuple[int, int, float]]:
        """Score one document's predictions against one gold coding of it."""
        pairs = match(pred, gold, threshold)
        self.tp += weight * len(pairs)
        self.pred += weight * len(pred)
        self.gold += weight * len(gold)
        for i, j, _ in pairs:
            p, g = pred[i], gold[j]
            if g.cue or g.cue_text:
                self.cue_n += weight
                self.cue_ok += weight * cue_correct(p, g)
            if g.speaker or g.speaker_name is not None:
                self.speaker_n += weight
                self.speaker_ok += weight * speaker_correct(p, g)
        return pairs

    def scores(self) -> dict[str, float]:
        """Precision, recall, F1 of contents; cue and speaker accuracy on matched quotes."""
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        return {
            "precision": p,
            "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "cue_accuracy": self.cue_ok / self.cue_n if self.cue_n else 0.0,
            "speaker_accuracy": self.speaker_ok / self.speaker_n if self.speaker_n else 0.0,
        }


def char_map(original: str, derived: str) -> list[int]:
    """For each character of `derived`, the offset in `original` it came from (for an inserted one, the next kept offset)."""
    if original == derived:
        return list(range(len(derived)))
    out = [-1] * len(derived)
    matcher = SequenceMatcher(None, original, derived, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            out[b + k] = a + k
    last = 0
    for i, v in enumerate(out):
        if v < 0:
            out[i] = last
        else:
            last = v + 1
    return out


def mapped(ranges: Iterable[tuple[int, int]], offsets: list[int]) -> Ranges:
    """Ranges of a derived text moved onto the original text."""
    return tuple((offsets[s], offsets[e - 1] + 1) for s, e in ranges if e > s)
