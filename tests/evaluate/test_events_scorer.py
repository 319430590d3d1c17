"""The events scorer: how predictions are matched to PLOVER gold records and to the seed's gold events."""

from __future__ import annotations

import json

import pytest

from dateline.evaluate import events as scorer
from dateline.model import Article, Event, EventActor, Source, Span

TEXT = "Ruritania met Freedonia. Ruritania praised Freedonia."


def _event(cameo: str, plover: str, trigger: str, source: str | None, target: str | None, **kw) -> Event:
    start = TEXT.index(trigger)
    return Event(id="v1", cameo=cameo, plover=plover, evidence=Span.of(TEXT, 0, len(TEXT)),
                 trigger=Span.of(TEXT, start, start + len(trigger)), rule="test",
                 source=EventActor(source or "", source), target=EventActor(target or "", target) if target else None, **kw)


def _record(event: str, markup: str, source: list, target: list | str = "", mode: str | None = None) -> dict:
    return {"id": "R1", "event": event, "text": TEXT, "date": "2000-01-01", "mode": mode,
            "source": [{"actorText": c, "code": c[:3], "sector": c[3:] or None} for c in source],
            "target": [{"actorText": c, "code": c[:3], "sector": c[3:] or None} for c in target] if target else target,
            "textInfo": {"markup": markup}}


def test_country_and_sector_of_codes():
    assert scorer.country("SRBGOV") == "SRB" and scorer.sector("SRBGOV") == "GOV"
    assert scorer.country("IGOUNO") == "IGO"
    assert scorer.country("JAPGOV") == "JPN"
    assert scorer.country("GOV") is None and scorer.sector("GOV") == "GOV"


def test_primary_event_is_the_one_on_a_gold_trigger():
    record = _record("SUPPORT", "(SRC: Ruritania) (EVT: praised) (TAR: Freedonia)", ["RTA"], ["FRE"])
    met = _event("040", "CONSULT", "met", "RTA", "FRE")
    praised = _event("051", "SUPPORT", "praised", "RTA", "FRE")
    assert scorer.primary(record, [met, praised]) is praised
    assert scorer.primary(_record("SUPPORT", "", ["RTA"]), [met, praised]) is met
    assert scorer.primary(record, []) is None


def test_plover_scores_use_2021_names_and_count_triples():
    records = [_record("DISAPPROVE", "(EVT: met)", ["USAGOV"], ["RUS"], mode=""),
               _record("CONSULT", "(EVT: met)", ["USA"], ["RUS"], mode="visit")]
    predicted = [[_event("111", "ACCUSE", "met", "USAGOV", "RUS")],
                 [_event("042", "CONSULT", "met", "USA", "CHN"), _event("051", "SUPPORT", "praised", "USA", None)]]
    scores, rows = scorer.score_plover(records, predicted)
    assert scores["events.plover.type_accuracy"] == 1.0
    assert scores["events.plover.source_country_accuracy"] == 1.0
    assert scores["events.plover.target_country_accuracy"] == 0.5
    assert scores["events.plover.source_sector_accuracy"] == 1.0
    assert scores["events.plover.mode_accuracy"] == 1.0
    assert scores["events.plover.triple_precision"] == pytest.approx(1 / 3)
    assert scores["events.plover.triple_recall"] == 0.5
    assert len(rows) == 2 and rows[0]["ok_type"]


def test_compound_records_accept_either_direction():
    record = _record("AGREE", "(SRC/TAR: A) and (SRC/TAR: B) (EVT: met)", ["USA", "RUS"], "")
    both = [_event("030", "AGREE", "met", "USA", "RUS"), _event("030", "AGREE", "met", "RUS", "USA")]
    scores, _ = scorer.score_plover([record], [both])
    assert scores["events.plover.triple_precision"] == 1.0 and scores["events.plover.triple_recall"] == 1.0
    assert scores["events.plover.target_country_accuracy"] == 1.0


def test_seed_matching_needs_code_countries_and_overlapping_evidence():
    article = Article(id="a", source=Source(), text=TEXT, events=[_event("040", "CONSULT", "met", "RUSGOV", "SRBGOV", mode="future", date="2015-10")])
    gold = {"events": [{"cameo": "036", "acceptable": ["04"], "source": "RUS", "target": "SRB", "mode": "future",
                        "date": "2015-10", "evidence": "Ruritania met Freedonia"},
                       {"cameo": "1", "acceptable": [], "source": "IGO", "target": "RUS", "evidence": "Ruritania praised"}],
            "non_events": [{"evidence": "Ruritania praised Freedonia"}]}
    scores, lines = scorer.score_seed(article, gold)
    assert scores["events.seed.found"] == 0.5
    assert scores["events.seed.future_mode"] == 1.0 and scores["events.seed.october_visit_date"] == 1.0
    assert scores["events.seed.traps"] == 1.0
    assert lines[0].startswith("ok") and lines[1].startswith("MISS")


@pytest.mark.shared
@pytest.mark.slow
def test_plover_records_load_without_the_document_entry(shared):
    records = scorer.load_records(shared / scorer.PLOVER)
    raw = json.loads((shared / scorer.PLOVER).read_text("utf-8"))
    assert len(records) == len(raw) - 1
    assert all(r["event"] != "DOCUMENT" and r["text"] for r in records)
