"""Scores the event coder on the PLOVER gold records and on the seed story's gold events.

PLOVER dev (`../shared/eval/events/plover-gsr-dev.json`): every record but the DOCUMENT one is an
article of its own (`text`, dated `date`) run through the whole language side (entities,
coreference, quotes, events). Gold type names of PLOVER 0.5 are read as the 2021 names our table
gives (DEMAND→REQUEST, DISAPPROVE→ACCUSE, FIGHT→ASSAULT, INVESTIGATE→ACCUSE), gold modes likewise
(MODE_ALIASES), and the old country codes JAP, ITL as JPN, ITA. A code's country is its first
three letters when they name a country or a transnational group (IGO, NGO, ...); its sector the
next three letters (or the first three when no country leads).
- primary event of a record: the first predicted event (text order) whose trigger shares a word
  with a gold EVT phrase of `textInfo.markup`; else the first predicted event; else none (wrong).
- type accuracy: records whose primary event's PLOVER type is the gold type / all records.
- source (target) country accuracy: over records with a gold source (target): the primary event's
  source (target) country is a gold source (target) country. In compound records (SRC/TAR
  markup: actors acting on each other) any participant counts, and such records with two or
  more participants are counted for the target too.
- country+sector accuracy: the same, needing the sector to match too (records whose gold sector
  is unknown, '***', are left out; a gold actor with no sector needs a code with none).
- mode accuracy: over records with a gold `mode`: the PLOVER mode our table gives the primary
  event's CAMEO code equals it.
- triples (type, source country, target country): every predicted event of a record that it
  asserts (mode not hypothetical or negated: the gold records state events, never conditions or
  denials) is one triple (duplicates within a record counted once); gold gives one item per (source, target)
  pair, or per unordered participant pair in compound records, satisfied by either direction;
  with no gold target the item's target is none. precision = predicted triples in some gold
  item / predicted triples; recall = gold items satisfied / gold items.
Seed (`../shared/seed/gold.json`, article dated 2015-12-04): a gold event is found when one
predicted event's evidence overlaps the gold evidence, its code starts with the gold code or an
acceptable one (codes are prefixes: '1' accepts any 1x code), and its source and target
countries equal the gold ones (IGO accepts any IGO code). Traps: no event in the negated-support
sentence has PLOVER type SUPPORT, and none in the alliance sentence is AGREE or CONSULT.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import click

from ..model import Article, Event, Source, Structure, Span
from ..paths import shared_dir

PLOVER = "eval/events/plover-gsr-dev.json"
UNASSERTED = frozenset({"hypothetical", "negated"})  # no gold record states such an event; they are not compared
TYPE_ALIASES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}
MODE_ALIASES = {"strike-hun": "hunger", "strike-gen": "boycott", "riot-spon": "riot", "demo-org": "demo",
                "demo-spon": "demo", "host": "visit", "destroy": "seize"}
COUNTRY_ALIASES = {"JAP": "JPN", "ITL": "ITA"}
TRANSNATIONAL = frozenset({"IGO", "NGO", "IMG", "MNC", "UAF", "ISM"})
EVT = re.compile(r"EVT:\s*([^()]+)")
WORDS = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    from ..events.where import gazetteer

    return frozenset(p.country for p in gazetteer().values()) | {"XKX"}


def country(code: str | None) -> str | None:
    """The country (or transnational group) a CAMEO actor code starts with, else None."""
    if not code or len(code) < 3:
        return None
    head = COUNTRY_ALIASES.get(code[:3].upper(), code[:3].upper())
    return head if head in _countries() or head in TRANSNATIONAL else None


def sector(code: str | None) -> str | None:
    """The sector part of a code: letters 4-6 after a country, else the first three."""
    if not code:
        return None
    rest = code[3:] if country(code) else code
    return rest[:3].upper() or None


def _gold_actors(value: Any) -> list[dict]:
    return [a for a in value if isinstance(a, dict) and a.get("code")] if isinstance(value, list) else []


def load_records(path: Path) -> list[dict]:
    """The scorable PLOVER records: everything but DOCUMENT entries and records without text."""
    return [r for r in json.loads(path.read_text("utf-8")) if r.get("event") != "DOCUMENT" and r.get("text")]


def code_records(records: list[dict]) -> list[list[Event]]:
    """Run each record's text through the language stages as an article of its own."""
    from .. import nlp
    from ..pipeline import annotate

    language = nlp.load()
    out = []
    texts = ((r["text"], r) for r in records)
    for doc, record in language.pipe(texts, as_tuples=True, batch_size=32):
        text = record["text"]
        article = Article(id=record["id"], source=Source(path=record["id"]), text=text, published=record.get("date"),
                          structure=Structure(body=Span.of(text, 0, len(text))))
        out.append(annotate(article, doc).events)
    return out


def _markup(record: dict) -> str:
    info = record.get("textInfo")
    return info.get("markup", "") if isinstance(info, dict) else ""


def primary(record: dict, events: list[Event]) -> Event | None:
    """The predicted event that answers the record's gold event (see the module docstring)."""
    gold_words = {w for phrase in EVT.findall(_markup(record)) for w in WORDS.findall(phrase.lower())}
    for ev in events:
        if set(WORDS.findall(ev.trigger.text.lower())) & gold_words:
            return ev
    return events[0] if events else None


def _participants(record: dict) -> tuple[list[dict], list[dict], bool]:
    sources, targets = _gold_actors(record.get("source")), _gold_actors(record.get("target"))
    compound = "SRC/TAR" in _markup(record)
    return sources, targets, compound


def _gold_country(actor: dict) -> str:
    code = actor["code"].upper()
    return COUNTRY_ALIASES.get(code[:3], code[:3])


def _gold_sector(actor: dict) -> str | None:
    raw = actor.get("sector")
    return raw[:3].upper() if raw else None


def _actor_hit(pred_code: str | None, gold: list[dict], with_sector: bool) -> bool:
    for actor in gold:
        if country(pred_code) != _gold_country(actor):
            continue
        if not with_sector or sector(pred_code) == _gold_sector(actor):
            return True
    return False


def _gold_items(record: dict, gold_type: str) -> list[set[tuple]]:
    sources, targets, compound = _participants(record)
    if compound and len(sources) + len(targets) >= 2 and not targets:
        people = [_gold_country(a) for a in sources]
        return [{(gold_type, a, b), (gold_type, b, a)} for i, a in enumerate(people) for b in people[i + 1:]]
    return [{(gold_type, _gold_country(s), _gold_country(t) if t else None)} for s in sources for t in (targets or [None])]


def score_plover(records: list[dict], predicted: list[list[Event]]) -> tuple[dict[str, float], list[dict]]:
    """PLOVER dev scores and one row per record for error study."""
    counts = {k: [0, 0] for k in ("type", "source", "target", "source_sector", "target_sector", "mode")}
    tp_pred = n_pred = hit_gold = n_gold = 0
    rows = []
    for record, events in zip(records, predicted):
        gold_type = TYPE_ALIASES.get(record["event"], record["event"])
        sources, targets, compound = _participants(record)
        ev = primary(record, events)
        ok_type = ev is not None and ev.plover == gold_type
        counts["type"][0] += ok_type
        counts["type"][1] += 1
        src_pool = sources + (targets if compound else [])
        tgt_pool = targets + (sources if compound and len(sources) >= 2 else [])
        for name, pool, side in (("source", src_pool, "source"), ("target", tgt_pool, "target")):
            if not pool:
                continue
            actor = getattr(ev, side) if ev else None
            code = actor.code if actor else None
            counts[name][0] += _actor_hit(code, pool, False)
            counts[name][1] += 1
            known = [a for a in pool if a.get("sector") != "***"]
            if known:
                counts[f"{name}_sector"][0] += _actor_hit(code, known, True)
                counts[f"{name}_sector"][1] += 1
        gold_mode = record.get("mode")
        if gold_mode:
            from ..events.lexicon import load

            mode = load().plover_mode(ev.cameo) if ev else None
            counts["mode"][0] += mode == MODE_ALIASES.get(gold_mode, gold_mode)
            counts["mode"][1] += 1
        items = _gold_items(record, gold_type)
        triples = {(e.plover, country(e.source.code if e.source else None), country(e.target.code if e.target else None))
                   for e in events if e.mode not in UNASSERTED}
        accepted = set().union(*items) if items else set()
        tp_pred += sum(t in accepted for t in triples)
        n_pred += len(triples)
        hit_gold += sum(bool(item & triples) for item in items)
        n_gold += len(items)
        rows.append({"id": record["id"], "gold": gold_type, "ok_type": ok_type, "primary": _brief(ev),
                     "triples": sorted(map(str, triples)), "gold_items": [sorted(map(str, i)) for i in items]})
    scores = {f"events.plover.{k}_accuracy" if k in ("type", "mode") else f"events.plover.{k}_country_accuracy"
              if k in ("source", "target") else f"events.plover.{k}_accuracy": (v[0] / v[1] if v[1] else 0.0) for k, v in counts.items()}
    p = tp_pred / n_pred if n_pred else 0.0
    r = hit_gold / n_gold if n_gold else 0.0
    scores.update({"events.plover.triple_precision": p, "events.plover.triple_recall": r,
                   "events.plover.triple_f1": 2 * p * r / (p + r) if p + r else 0.0})
    return scores, rows


def _brief(ev: Event | None) -> str | None:
    if ev is None:
        return None
    src = ev.source.code if ev.source else None
    tgt = ev.target.code if ev.target else None
    return f"{ev.cameo}/{ev.plover} {src}->{tgt} mode={ev.mode} trigger={ev.trigger.text!r} rule={ev.rule}"


def _overlaps(span: Span, start: int, end: int) -> bool:
    return span.start < end and start < span.end


def _code_ok(code: str, gold: dict) -> bool:
    return any(code.startswith(c) for c in [gold["cameo"], *gold.get("acceptable", [])])


def _country_ok(pred: str | None, gold: str | None) -> bool:
    if gold is None:
        return True
    return country(pred) == country(gold) if country(gold) else False


def score_seed(article: Article, gold: dict) -> tuple[dict[str, float], list[str]]:
    """Seed event scores and a line per gold event or trap for error study."""
    text = article.text.replace("\u00a0", " ")
    lines, found = [], 0
    future_ok = date_ok = 0.0
    for g in gold["events"]:
        start = text.find(g["evidence"].replace("\u00a0", " "))
        end = start + len(g["evidence"])
        match = next((e for e in article.events if start >= 0 and _overlaps(e.evidence, start, end) and _code_ok(e.cameo, g)
                      and _country_ok(e.source.code if e.source else None, g.get("source"))
                      and _country_ok(e.target.code if e.target else None, g.get("target"))), None)
        found += match is not None
        if g.get("mode") == "future":
            future_ok = float(match is not None and match.mode == "future")
        if g.get("date") and len(g["date"]) == 7:
            date_ok = float(match is not None and match.date == g["date"])
        lines.append(f"{'ok ' if match else 'MISS'} {g['cameo']} {g.get('source')}->{g.get('target')}: {_brief(match)}")
    traps_ok = []
    for trap in gold.get("non_events", []):
        start = text.find(trap["evidence"])
        inside = [e for e in article.events if start >= 0 and start <= e.trigger.start < start + len(trap["evidence"])]
        banned = {"SUPPORT"} if "support" in trap["evidence"].split()[:2] or "no attempts" in trap["evidence"] else {"AGREE", "CONSULT"}
        ok = not any(e.plover in banned for e in inside)
        traps_ok.append(ok)
        lines.append(f"{'ok ' if ok else 'TRAP'} non-event {trap['evidence'][:50]!r}: {[_brief(e) for e in inside]}")
    scores = {
        "events.seed.found": found / len(gold["events"]),
        "events.seed.future_mode": future_ok,
        "events.seed.october_visit_date": date_ok,
        "events.seed.traps": sum(traps_ok) / len(traps_ok) if traps_ok else 1.0,
    }
    return scores, lines


def run(shared: Path) -> tuple[dict[str, float], list[dict], list[str]]:
    """Every events score, with the per-record rows and seed lines behind them."""
    from .seed import process_seed

    records = load_records(shared / PLOVER)
    scores, rows = score_plover(records, code_records(records))
    gold = json.loads((shared / "seed" / "gold.json").read_text("utf-8"))
    seed_scores, lines = score_seed(process_seed(shared, "2015-12-04"), gold)
    scores.update(seed_scores)
    return scores, rows, lines


def scores(shared: Path) -> dict[str, float]:
    """The events scores the gate records (see the module docstring for their definitions)."""
    return run(shared)[0]


def _print(rows: Iterable[dict]) -> None:
    for row in rows:
        click.echo(f"  {'ok ' if row['ok_type'] else 'ERR'} {row['id']} gold={row['gold']} pred={row['primary']}")


@click.command(name="events")
@click.option("--errors", is_flag=True, help="List every PLOVER record whose type was missed, and the seed's lines.")
@click.option("--all", "show_all", is_flag=True, help="List every PLOVER record.")
def command(errors: bool, show_all: bool) -> None:
    """Score event coding on PLOVER gold records and the seed's gold events (reads ../shared)."""
    root = shared_dir()
    if root is None or not (root / PLOVER).exists():
        raise click.ClickException("../shared is not present: nothing to score")
    result, rows, lines = run(root)
    for name, value in result.items():
        click.echo(f"{name}\t{value:.3f}")
    if errors or show_all:
        _print(r for r in rows if show_all or not r["ok_type"])
        for line in lines:
            click.echo(f"  {line}")
