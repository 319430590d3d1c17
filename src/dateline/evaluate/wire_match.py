"""Matching dateline's events and quotes to the wire gold, and the tallies the wire scores are computed from.

Events. A predicted event can answer a gold event when its trigger overlaps the gold evidence (or one of the
gold's restatements, `evidence_alt`) and its code is accepted (strict: it starts with the gold code or an
acceptable one; loose: the same CAMEO root). Matching is one-to-one and greedy: evidence before restatement, then
agreeing source and target countries, then the exact code. A prediction left over is
- tolerated when it restates a gold event (its trigger on that gold's evidence or restatement, with an accepted
  code: the second direction of "A and B met", the lead repeated in a quote) or sits in a non-event that allows
  its code or mode (a negated meeting coded as negated);
- else a false event; a trap hit when its trigger lies in a non-event.
Quotes: one-to-one greedy matching on content-token overlap (quote_match), speaker right when the predicted
speaker name is the gold canonical name or one of its alternatives.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence

from ..events.lexicon import quad_class
from .events import country, sector
from .quote_match import match as match_contents
from .quote_match import Unit, tokens
from .wire_gold import GoldEvent, GoldQuote, Trap, normalize_name

Span = tuple[int, int]
TRANSNATIONAL_HEADS = ("IGO", "NGO")


@dataclass(frozen=True, slots=True)
class Predicted:
    """A predicted event with its trigger moved onto the story's own text."""

    cameo: str
    trigger: Span
    source: str | None = None
    target: str | None = None
    mode: str | None = None
    date: str | None = None
    location: str | None = None
    location_country: str | None = None
    reported: bool = False
    rule: str = ""
    words: str = ""

    @property
    def conflict(self) -> bool:
        return quad_class(self.cameo) >= 3


@dataclass(frozen=True, slots=True)
class PredictedQuote:
    """A predicted quote: its content words, cue words and resolved speaker name."""

    content: str
    cue: str | None = None
    speaker: str | None = None


@dataclass(slots=True)
class EventMatch:
    """How one story's predictions met its gold: matched pairs, tolerated and false predictions, misses."""

    pairs: list[tuple[int, int, str]] = field(default_factory=list)
    tolerated: dict[int, str] = field(default_factory=dict)
    false: list[int] = field(default_factory=list)
    trap_of: dict[int, int] = field(default_factory=dict)
    missed: list[int] = field(default_factory=list)


def overlaps(a: Span, b: Span) -> bool:
    """Whether two character ranges share a character."""
    return a[0] < b[1] and b[0] < a[1]


def _blocks(code: str) -> frozenset[str]:
    return frozenset(code[i:i + 3].upper() for i in range(0, len(code), 3))


def actor_ok(predicted: str | None, allowed: Sequence[str | None], with_sector: bool = False) -> bool:
    """The predicted actor code names an allowed one: same country, and same sector when asked.

    International and non-governmental organisations share the country-level head IGO / NGO (as in the events
    scorer); with the sector asked, the predicted code must hold every three-letter block of the gold one, since
    Phoenix codes nest regional blocks (IGOWSTOAS for the OAS still names IGO and OAS; IGOUNO does not name the
    IAEA's IGOUNOIAE)."""
    if not predicted:
        return False
    head = country(predicted)
    for gold in allowed:
        if gold is None:
            continue
        g_head = country(gold)
        if g_head != head:
            continue
        if g_head in TRANSNATIONAL_HEADS:
            if not with_sector or _blocks(gold) <= _blocks(predicted):
                return True
            continue
        if g_head is None and sector(predicted) != sector(gold):
            continue  # sector-only codes (MED, CVL, WST) must be the same word
        if not with_sector or sector(predicted) == sector(gold):
            return True
    return False


def _where(p: Predicted, g: GoldEvent) -> str | None:
    if overlaps(p.trigger, g.span):
        return "evidence"
    if any(overlaps(p.trigger, alt) for alt in g.alts):
        return "restatement"
    return None


def match_events(pred: Sequence[Predicted], gold: Sequence[GoldEvent], traps: Sequence[Trap],
                 code_ok: Callable[[GoldEvent, str], bool] = GoldEvent.code_ok) -> EventMatch:
    """One story's predictions against its gold events and non-events (see the module docstring)."""
    candidates = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            how = _where(p, g)
            if how is None or not code_ok(g, p.cameo):
                continue
            rank = (how == "evidence", actor_ok(p.source, g.sources), g.target is None or actor_ok(p.target, g.targets), p.cameo == g.cameo)
            candidates.append((rank, i, j, how))
    candidates.sort(key=lambda c: (tuple(not x for x in c[0]), c[1], c[2]))
    out = EventMatch()
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, i, j, how in candidates:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.pairs.append((i, j, how))
    for i, p in enumerate(pred):
        if i in used_p:
            continue
        if any(_where(p, g) and code_ok(g, p.cameo) for g in gold):
            out.tolerated[i] = "restatement"
            continue
        trap = next((k for k, t in enumerate(traps) if overlaps(p.trigger, t.span)), None)
        if trap is not None and traps[trap].tolerates(p.cameo, p.mode):
            out.tolerated[i] = "non-event"
            continue
        if trap is not None:
            out.trap_of[i] = trap
        out.false.append(i)
    out.missed = [j for j in range(len(gold)) if j not in used_g]
    return out


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def _prf(tp_pred: float, n_pred: float, tp_gold: float, n_gold: float) -> tuple[float, float, float]:
    p, r = _ratio(tp_pred, n_pred), _ratio(tp_gold, n_gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(slots=True)
class EventTally:
    """Event counts summed over stories; `scores()` turns them into the wire metrics."""

    gold: int = 0
    counted: int = 0
    matched: int = 0
    loose_counted: int = 0
    loose_matched: int = 0
    gold_conflict: int = 0
    matched_gold_conflict: int = 0
    pred_conflict: int = 0
    matched_pred_conflict: int = 0
    asserted: int = 0
    asserted_right: int = 0
    traps: int = 0
    traps_hit: int = 0
    checks: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0] for k in (
        "source_country", "target_country", "source_actor", "target_actor", "mode", "date", "location", "reported")})

    def add(self, pred: Sequence[Predicted], gold: Sequence[GoldEvent], traps: Sequence[Trap]) -> EventMatch:
        """Score one story; returns its strict matching for error listings."""
        strict = match_events(pred, gold, traps)
        loose = match_events(pred, gold, traps, GoldEvent.root_ok)
        counted = [i for i in range(len(pred)) if i not in strict.tolerated]
        matched = {i: j for i, j, _ in strict.pairs}
        self.gold += len(gold)
        self.counted += len(counted)
        self.matched += len(strict.pairs)
        self.loose_counted += len(pred) - len(loose.tolerated)
        self.loose_matched += len(loose.pairs)
        self.gold_conflict += sum(quad_class(g.cameo) >= 3 for g in gold)
        self.matched_gold_conflict += sum(quad_class(gold[j].cameo) >= 3 for j in matched.values())
        self.pred_conflict += sum(pred[i].conflict for i in counted)
        self.matched_pred_conflict += sum(pred[i].conflict for i in matched)
        for i in counted:
            if pred[i].mode is None:
                self.asserted += 1
                self.asserted_right += i in matched and None in gold[matched[i]].modes_ok
        self.traps += len(traps)
        self.traps_hit += len(set(strict.trap_of.values()))
        for i, j in matched.items():
            self._check(pred[i], gold[j])
        return strict

    def _count(self, name: str, ok: bool) -> None:
        self.checks[name][0] += ok
        self.checks[name][1] += 1

    def _check(self, p: Predicted, g: GoldEvent) -> None:
        self._count("source_country", actor_ok(p.source, g.sources))
        self._count("source_actor", actor_ok(p.source, g.sources, with_sector=True))
        if g.target is not None:
            self._count("target_country", actor_ok(p.target, g.targets))
            self._count("target_actor", actor_ok(p.target, g.targets, with_sector=True))
        self._count("mode", p.mode in g.modes_ok)
        if g.date is not None:
            self._count("date", bool(p.date) and p.date.startswith(g.date))
        if g.location is not None:
            self._count("location", location_ok(p, g))
        self._count("reported", p.reported == g.reported)

    def scores(self) -> dict[str, float]:
        """Precision, recall and F1 (strict, root-level, conflict), factual precision, traps avoided, field accuracies."""
        out: dict[str, float] = {}
        for prefix, nums in (("", (self.matched, self.counted, self.matched, self.gold)),
                             ("root_", (self.loose_matched, self.loose_counted, self.loose_matched, self.gold)),
                             ("conflict_", (self.matched_pred_conflict, self.pred_conflict, self.matched_gold_conflict, self.gold_conflict))):
            p, r, f = _prf(*nums)
            out |= {f"{prefix}precision": p, f"{prefix}recall": r, f"{prefix}f1": f}
        out["asserted_precision"] = _ratio(self.asserted_right, self.asserted)
        out["traps_avoided"] = 1.0 - _ratio(self.traps_hit, self.traps)
        for name, (ok, n) in self.checks.items():
            out[f"{name}_accuracy"] = _ratio(ok, n)
        return out


def location_ok(p: Predicted, g: GoldEvent) -> bool:
    """Right when the place names agree or, where both are geocoded, their countries do."""
    if p.location and normalize_name(p.location) == normalize_name(g.location):
        return True
    return bool(g.location_country) and p.location_country == g.location_country


def match_quotes(pred: Sequence[PredictedQuote], gold: Sequence[GoldQuote], threshold: float) -> list[tuple[int, int, float]]:
    """One-to-one (pred, gold, overlap) pairs on content tokens, at or above the threshold."""
    return match_contents([Unit(tokens(p.content)) for p in pred], [Unit(tokens(g.content)) for g in gold], threshold)


def speaker_ok(p: PredictedQuote, g: GoldQuote) -> bool:
    """The predicted speaker name is the gold canonical name or one of its alternatives."""
    return bool(g.names) and normalize_name(p.speaker) in g.names


def cue_ok(p: PredictedQuote, g: GoldQuote) -> bool:
    """The predicted cue words are the gold cue's, ignoring case and spacing."""
    return g.cue is not None and normalize_name(p.cue) == normalize_name(g.cue)


@dataclass(slots=True)
class QuoteTally:
    """Quote counts at one overlap threshold, summed over stories."""

    threshold: float
    pred: int = 0
    gold: int = 0
    matched: int = 0
    speaker: list[int] = field(default_factory=lambda: [0, 0])
    cue: list[int] = field(default_factory=lambda: [0, 0])

    def add(self, pred: Sequence[PredictedQuote], gold: Sequence[GoldQuote]) -> list[tuple[int, int, float]]:
        """Score one story's quotes; returns the matched pairs."""
        pairs = match_quotes(pred, gold, self.threshold)
        self.pred += len(pred)
        self.gold += len(gold)
        self.matched += len(pairs)
        for i, j, _ in pairs:
            if gold[j].names:
                self.speaker[0] += speaker_ok(pred[i], gold[j])
                self.speaker[1] += 1
            if gold[j].cue is not None:
                self.cue[0] += cue_ok(pred[i], gold[j])
                self.cue[1] += 1
        return pairs

    def scores(self) -> dict[str, float]:
        p, r, f = _prf(self.matched, self.pred, self.matched, self.gold)
        t = self.threshold
        return {f"precision@{t}": p, f"recall@{t}": r, f"f1@{t}": f,
                f"speaker_accuracy@{t}": _ratio(*self.speaker), f"cue_accuracy@{t}": _ratio(*self.cue)}
