"""`dateline eval wire`: the whole pipeline scored on the repo's hand-annotated wire stories (evaluation/wire).

Each story is processed with `process_paths([story], published=<its gold date>)`; quotes and events found in the
headline or standfirst are left out (the gold covers the body). Scores are given per split (`dev`: tune on it,
`test`: report it) and over `all` stories, as `wire.<split>.quotes.*` and `wire.<split>.events.*`:
- quotes: precision, recall and F1 of contents at token overlap >= 0.3 and >= 0.8, and on matched quotes the
  speaker accuracy (canonical name or an alternative the gold lists) and the cue accuracy (same words);
- events (matching in wire_match): precision, recall, F1 with the code accepted by the gold, `root_*` with the
  CAMEO root only, `conflict_*` on quad classes 3-4 (predicted conflict codes for precision, gold ones for
  recall), `asserted_precision` (of events coded as having happened, mode null, the share that answer a gold
  event that did happen), `traps_avoided` (share of non-events nobody coded wrongly), and on matched events the
  accuracy of source and target (country, or IGO / NGO; `*_actor_*` with the sector or the organisation too), mode, date (a finer
  predicted date inside a coarser gold one counts), location (name or country) and reported-by-quote.
Every metric is higher-is-better, so the gate can keep floors on them; counts are printed by the command.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import click

from ..model import Article
from .quote_match import char_map, mapped
from .wire_gold import SPLITS, WIRE_DIR, GoldEvent, GoldStory, available, load
from .wire_match import EventMatch, EventTally, Predicted, PredictedQuote, QuoteTally, actor_ok, speaker_ok

THRESHOLDS = (0.3, 0.8)


@dataclass(slots=True)
class StoryResult:
    """One story's predictions (on its own text, body only) and how they met the gold."""

    story: GoldStory
    events: list[Predicted]
    quotes: list[PredictedQuote]
    matching: EventMatch | None = None
    quote_pairs: list[tuple[int, int, float]] | None = None


def process(story: GoldStory) -> Article:
    """Run the full pipeline on one story file, dated as its gold says."""
    from ..pipeline import process_paths

    (outcome,) = list(process_paths([str(story.path)], published=story.published))
    if outcome.article is None:
        raise click.ClickException(f"{story.name} failed to process: {outcome.error}")
    return outcome.article


def predictions(story: GoldStory, article: Article) -> tuple[list[Predicted], list[PredictedQuote]]:
    """The article's events and quotes moved onto the story's text, those in the headline or standfirst left out."""
    offsets = char_map(story.text, article.text)
    events = []
    for ev in article.events:
        ((start, end),) = mapped([(ev.trigger.start, ev.trigger.end)], offsets) or ((0, 0),)
        if start < story.body_start:
            continue
        loc = ev.location
        events.append(Predicted(
            cameo=ev.cameo, trigger=(start, end), source=ev.source.code if ev.source else None,
            target=ev.target.code if ev.target else None, mode=ev.mode, date=ev.date,
            location=loc.name if loc else None, location_country=loc.country if loc else None,
            reported=ev.reported_by is not None, rule=ev.rule, words=ev.trigger.text))
    quotes = []
    for q in article.quotes:
        ((start, _),) = mapped([(q.content.start, q.content.end)], offsets) or ((0, 0),)
        if start >= story.body_start:
            quotes.append(PredictedQuote(q.content.text, q.cue.text if q.cue else None, q.speaker_name))
    return events, quotes


def run(directory: Path = WIRE_DIR) -> tuple[dict[str, float], list[StoryResult]]:
    """Scores per split and overall, with each story's result for error listings."""
    results = []
    for story in load(directory):
        events, quotes = predictions(story, process(story))
        results.append(StoryResult(story, events, quotes))
    return score(results), results


def score(results: list[StoryResult]) -> dict[str, float]:
    """The flat `wire.*` metrics of processed stories (fills each result's matching)."""
    out: dict[str, float] = {}
    for split in (*SPLITS, "all"):
        events = EventTally()
        quotes = [QuoteTally(t) for t in THRESHOLDS]
        for r in results:
            if split not in ("all", r.story.split):
                continue
            r.matching = events.add(r.events, r.story.events, r.story.traps)
            for tally in quotes:
                pairs = tally.add(r.quotes, r.story.quotes)
                if tally.threshold == THRESHOLDS[0]:
                    r.quote_pairs = pairs
        out |= {f"wire.{split}.events.{k}": v for k, v in events.scores().items()}
        for tally in quotes:
            out |= {f"wire.{split}.quotes.{k}": v for k, v in tally.scores().items()}
    return out


def scores(shared: Path | None = None) -> dict[str, float]:
    """The gate's view: the wire metrics (the set lives in the repo; the argument is ignored); empty without the set."""
    return run()[0] if available() else {}


def _brief(p: Predicted) -> str:
    return f"{p.cameo} {p.source}->{p.target} mode={p.mode} trigger={p.words!r} rule={p.rule}"


def _gold_brief(story: GoldStory, j: int) -> str:
    g = story.events[j]
    return f"{g.cameo} {g.source}->{g.target} mode={g.mode} {g.evidence[:70]!r}"


def error_lines(r: StoryResult) -> Iterable[str]:
    """What went wrong in one story: false events (trap hits named), misses, and wrong fields on matched events."""
    story, m = r.story, r.matching
    assert m is not None
    yield f"== {story.name} ({story.split})"
    for i in m.false:
        p = r.events[i]
        trap = story.traps[m.trap_of[i]] if i in m.trap_of else None
        on_gold = next((j for j, g in enumerate(story.events) if p.trigger[0] < g.span[1] and g.span[0] < p.trigger[1]), None)
        why = (f"TRAP  ({trap.note})" if trap else f"CODE  (gold here: {_gold_brief(story, on_gold)})" if on_gold is not None else "FALSE")
        yield f"  {why.split()[0]:5} {_brief(p)}" + (f"  [{' '.join(why.split()[1:])}]" if trap or on_gold is not None else "")
    for j in m.missed:
        yield f"  MISS  {_gold_brief(story, j)}"
    for i, j, _ in m.pairs:
        wrong = field_errors(r.events[i], story.events[j])
        if wrong:
            yield f"  FIELD {r.events[i].cameo} trigger={r.events[i].words!r}: " + "; ".join(wrong)
    matched_q = {j: i for i, j, _ in r.quote_pairs or []}
    for j, g in enumerate(story.quotes):
        if j not in matched_q:
            yield f"  QMISS [{g.speaker}] {g.content[:80]!r}"
        elif g.names and not speaker_ok(r.quotes[matched_q[j]], g):
            yield f"  QSPKR {r.quotes[matched_q[j]].speaker!r} (gold {g.speaker!r}) {g.content[:60]!r}"
    for i, q in enumerate(r.quotes):
        if i not in matched_q.values():
            yield f"  QFALSE [{q.speaker}] [{q.cue}] {q.content[:80]!r}"


def field_errors(p: Predicted, g: GoldEvent) -> list[str]:
    """The fields of a matched event that disagree with the gold."""
    wrong = []
    if not actor_ok(p.source, g.sources):
        wrong.append(f"source {p.source} (gold {g.source})")
    if g.target and not actor_ok(p.target, g.targets):
        wrong.append(f"target {p.target} (gold {g.target})")
    if p.mode not in g.modes_ok:
        wrong.append(f"mode {p.mode} (gold {g.mode})")
    if g.date and not (p.date or "").startswith(g.date):
        wrong.append(f"date {p.date} (gold {g.date})")
    return wrong


def summary(results: list[StoryResult]) -> list[str]:
    """Counts behind the scores: gold and predicted events, tolerated, false by kind and by rule, traps hit."""
    kinds: Counter[str] = Counter()
    rules: Counter[str] = Counter()
    gold = pred = tolerated = traps = hit = 0
    for r in results:
        m = r.matching
        assert m is not None
        gold += len(r.story.events)
        pred += len(r.events)
        tolerated += len(m.tolerated)
        traps += len(r.story.traps)
        hit += len(set(m.trap_of.values()))
        for i in m.false:
            on_gold = any(r.events[i].trigger[0] < g.span[1] and g.span[0] < r.events[i].trigger[1] for g in r.story.events)
            kinds["trap hit" if i in m.trap_of else "wrong code on a gold event" if on_gold else "no gold event there"] += 1
            rules[r.events[i].rule] += 1
    lines = [f"events: gold {gold}, predicted {pred} (tolerated {tolerated}), false {sum(kinds.values())}, "
             f"non-events {traps} of which hit {hit}"]
    lines += [f"  false events, {kind}: {n}" for kind, n in kinds.most_common()]
    lines += [f"  false events by rule: {rule} {n}" for rule, n in rules.most_common(12)]
    return lines


@click.command(name="wire")
@click.option("--errors", is_flag=True, help="List each story's false and missed events and quotes (dev stories unless --split).")
@click.option("--split", "which", type=click.Choice([*SPLITS, "all"]), default="dev", show_default=True,
              help="Stories whose errors --errors lists; tune on dev only, report test.")
def command(errors: bool, which: str) -> None:
    """Score quotes and events on the repo's hand-annotated wire stories (evaluation/wire)."""
    if not available():
        raise click.ClickException(f"the wire set is not here ({WIRE_DIR}): run from a dateline checkout")
    result, results = run()
    for split in (*SPLITS, "all"):
        click.echo(f"{split}:")
        for name, value in result.items():
            if name.startswith(f"wire.{split}."):
                click.echo(f"  {name.removeprefix(f'wire.{split}.'):36} {value:.3f}")
    chosen = [r for r in results if which in ("all", r.story.split)]
    for line in summary(chosen):
        click.echo(line)
    if errors:
        for r in chosen:
            for line in error_lines(r):
                click.echo(line)
