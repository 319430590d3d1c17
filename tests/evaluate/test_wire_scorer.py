"""The wire scorer: how predictions meet gold events, restatements and non-events; the wire set's gold is well formed."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.evaluate import wire, wire_gold
from dateline.evaluate.wire_gold import GoldEvent, GoldQuote, GoldStory, Trap, normalize_name
from dateline.evaluate.wire_match import (EventTally, Predicted, PredictedQuote, QuoteTally, actor_ok, match_events,
                                          speaker_ok)
from dateline.model import Article, Event, EventActor, Quote, Source, Span

TEXT = ("Ruritania and Freedonia met in Zenda on Monday. The talks were cordial, a spokesman said. "
        "Ruritania praised Freedonia. Prices hit a record. Ruritania did not meet Graustark.")


def _span(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


def gold_event(cameo: str, evidence: str, source: str = "RUT", target: str | None = "FRE", **kw) -> GoldEvent:
    fields = dict(index=0, source=source, target=target, cameo=cameo, plover=None, acceptable=(), mode=None, modes_ok=(None,),
                  date=None, location=None, location_country=None, evidence=evidence, span=_span(evidence), alts=(),
                  reported=False, sources=(source,), targets=(target,))
    fields.update(kw)
    return GoldEvent(**fields)


def predicted(cameo: str, trigger: str, source: str | None = "RUT", target: str | None = "FRE", **kw) -> Predicted:
    return Predicted(cameo=cameo, trigger=_span(trigger), source=source, target=target, **kw)


MEETING = gold_event("040", "Ruritania and Freedonia met in Zenda", acceptable=("043",), alts=(_span("The talks"),))
PRAISE = gold_event("051", "Ruritania praised Freedonia", acceptable=("050",))
TRAPS = (Trap("Prices hit a record", _span("Prices hit a record"), "market", (), ()),
         Trap("did not meet Graustark", _span("did not meet Graustark"), "negated", (), ("negated",)))


def test_prediction_on_the_evidence_with_an_accepted_code_matches() -> None:
    m = match_events([predicted("0431", "met")], [MEETING], TRAPS)
    assert m.pairs == [(0, 0, "evidence")] and not m.false and not m.missed


def test_wrong_code_on_the_evidence_is_false_and_the_gold_is_missed_unless_only_the_root_counts() -> None:
    pred = [predicted("042", "met")]
    strict = match_events(pred, [MEETING], TRAPS)
    assert strict.false == [0] and strict.missed == [0]
    loose = match_events(pred, [MEETING], TRAPS, GoldEvent.root_ok)
    assert loose.pairs == [(0, 0, "evidence")]


def test_restatement_is_tolerated_once_the_event_is_found_and_credited_when_it_is_not() -> None:
    both = match_events([predicted("040", "met"), predicted("040", "talks")], [MEETING], TRAPS)
    assert both.pairs == [(0, 0, "evidence")] and both.tolerated == {1: "restatement"} and not both.false
    alone = match_events([predicted("040", "talks")], [MEETING], TRAPS)
    assert alone.pairs == [(0, 0, "restatement")]


def test_reverse_direction_of_a_reciprocal_event_matches_its_own_gold() -> None:
    there = gold_event("040", "Ruritania and Freedonia met in Zenda")
    back = gold_event("040", "Ruritania and Freedonia met in Zenda", source="FRE", target="RUT")
    m = match_events([predicted("040", "met", "FRE", "RUT"), predicted("040", "met")], [there, back], ())
    assert sorted(m.pairs) == [(0, 1, "evidence"), (1, 0, "evidence")]


def test_events_in_non_events_are_trap_hits_unless_the_mode_or_code_is_allowed() -> None:
    hit = match_events([predicted("190", "hit", "RUT", None)], [], TRAPS)
    assert hit.false == [0] and hit.trap_of == {0: 0}
    negated = match_events([predicted("040", "meet", target="GRA", mode="negated")], [], TRAPS)
    assert negated.tolerated == {0: "non-event"} and not negated.false
    asserted = match_events([predicted("040", "meet", target="GRA")], [], TRAPS)
    assert asserted.trap_of == {0: 1}
    lenient = Trap("Prices hit a record", _span("Prices hit a record"), "market", ("19",), ())
    assert match_events([predicted("190", "hit")], [], (lenient,)).tolerated == {0: "non-event"}


def test_a_prediction_elsewhere_is_false_but_not_a_trap() -> None:
    m = match_events([predicted("111", "cordial")], [MEETING, PRAISE], TRAPS)
    assert m.false == [0] and not m.trap_of and m.missed == [0, 1]


def test_actor_codes_compare_by_country_or_organisation_then_sector() -> None:
    assert actor_ok("RUSGOV", ("RUS",)) and not actor_ok("RUSGOV", ("RUS",), with_sector=True)
    assert actor_ok("RUSGOV", ("RUS", "RUSGOV"), with_sector=True)
    assert actor_ok("IGOUNOIAE", ("IGOUNO",), with_sector=True) and not actor_ok("IGOUNO", ("IGOUNOIAE",), with_sector=True)
    assert actor_ok("IGOWSTOAS", ("IGOOAS",), with_sector=True) and not actor_ok("IGOEUREEC", ("IGOUNO",), with_sector=True)
    assert actor_ok("IGOEUREEC", ("IGOUNO",)) and not actor_ok("NGOHRI", ("IGOUNO",))
    assert actor_ok("WST", ("WST",)) and not actor_ok("USA", ("WST",)) and not actor_ok("MED", ("WST",))
    assert not actor_ok(None, ("RUS",))


def test_event_tally_scores_fields_modes_and_factual_precision() -> None:
    planned = gold_event("036", "Ruritania praised Freedonia", mode="future", modes_ok=("future",), date="2024-05")
    tally = EventTally()
    tally.add([predicted("036", "praised", date="2024-05-06"), predicted("190", "hit", None, None)], [planned], TRAPS)
    s = tally.scores()
    assert s["precision"] == 0.5 and s["recall"] == 1.0
    assert s["mode_accuracy"] == 0.0 and s["date_accuracy"] == 1.0 and s["source_country_accuracy"] == 1.0
    assert s["asserted_precision"] == 0.0  # the planned event was coded as having happened
    assert s["traps_avoided"] == 0.5 and s["conflict_precision"] == 0.0 and s["conflict_recall"] == 0.0


def test_quotes_match_by_overlap_and_speakers_by_name_or_alternative() -> None:
    gold = [GoldQuote("indirect", "the talks were cordial", (0, 0), "said", "Ministry of Foreign Affairs",
                      frozenset({normalize_name("Ministry of Foreign Affairs"), normalize_name("the ministry")}))]
    pred = [PredictedQuote("The talks were cordial", "said", "The Ministry"), PredictedQuote("something else entirely", "said", None)]
    tally = QuoteTally(0.8)
    assert tally.add(pred, gold) == [(0, 0, 1.0)]
    s = tally.scores()
    assert s["precision@0.8"] == 0.5 and s["recall@0.8"] == 1.0 and s["speaker_accuracy@0.8"] == 1.0 and s["cue_accuracy@0.8"] == 1.0
    assert not speaker_ok(PredictedQuote("x", None, "Ruritania"), gold[0])
    assert normalize_name("Mali's army") == normalize_name("the Mali army")


def test_headline_events_and_quotes_are_left_out() -> None:
    text = "Ruritania praises Freedonia\n\nZENDA (AFP) - Ruritania praised Freedonia, the minister said.\n"
    body = text.index("ZENDA")
    story = GoldStory("01-x.txt", "dev", "2024-01-01", Path("01-x.txt"), text, body, (), (), ())

    def event(word: str, start_at: int) -> Event:
        s = text.index(word, start_at)
        return Event(id="v1", cameo="051", plover="SUPPORT", evidence=Span.of(text, s, s + len(word)), trigger=Span.of(text, s, s + len(word)),
                     rule="test", source=EventActor("Ruritania", "RUT"), target=EventActor("Freedonia", "FRE"))

    quote_start = text.index("Ruritania praised")
    article = Article(id="a", source=Source(), text=text, events=[event("praises", 0), event("praised", body)],
                      quotes=[Quote(id="q1", kind="indirect", content=Span.of(text, quote_start, quote_start + 27))])
    events, quotes = wire.predictions(story, article)
    assert [p.words for p in events] == ["praised"] and [q.content for q in quotes] == ["Ruritania praised Freedonia"]


needs_set = pytest.mark.skipif(not wire_gold.available(), reason="the wire set is not in this checkout")


@needs_set
def test_gold_is_well_formed_and_every_span_is_in_its_story() -> None:
    assert wire_gold.problems() == []
    stories = wire_gold.load()
    assert len(stories) == 24 and {s.split for s in stories} == {"dev", "test"}
    for story in stories:
        spans = [q.span for q in story.quotes] + [e.span for e in story.events] + [a for e in story.events for a in e.alts]
        spans += [t.span for t in story.traps]
        assert all(0 <= s < e for s, e in spans), story.name
        assert all(story.text[slice(*e.span)] == e.evidence for e in story.events)
        assert all(e.span[0] >= story.body_start for e in story.events), "gold covers the body only"


@needs_set
def test_problems_notices_a_broken_span_and_a_bad_code(tmp_path: Path) -> None:
    import json
    import shutil

    shutil.copytree(wire_gold.WIRE_DIR, tmp_path / "wire")
    gold = json.loads((tmp_path / "wire" / "gold.json").read_text("utf-8"))
    first = next(iter(gold["stories"].values()))
    first["events"][0]["evidence"] = "words that are in no story"
    first["events"][1]["cameo"] = "4X"
    first["quotes"][0]["content"] += " and more"
    (tmp_path / "wire" / "gold.json").write_text(json.dumps(gold), "utf-8")
    found = "\n".join(wire_gold.problems(tmp_path / "wire"))
    assert "not in the story" in found and "malformed CAMEO code '4X'" in found and "content not in the story" in found


@needs_set
@pytest.mark.slow
def test_scores_cover_both_splits_and_stay_in_range() -> None:
    scores = wire.scores(None)
    for split in ("dev", "test", "all"):
        for metric in ("events.f1", "events.root_f1", "events.conflict_f1", "events.traps_avoided", "quotes.f1@0.3",
                       "quotes.speaker_accuracy@0.3", "events.source_country_accuracy"):
            assert 0.0 <= scores[f"wire.{split}.{metric}"] <= 1.0
