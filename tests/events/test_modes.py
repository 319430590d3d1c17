"""Mode of events (future, negated, hypothetical, historical), the codes modality implies, and event dates."""

from __future__ import annotations

import pytest

from .conftest import only, triples

pytestmark = pytest.mark.slow

PM = {"the Czech prime minister": "CZEGOV"}


def test_planning_to_visit_is_a_future_intent_to_meet(code):
    ev = only(code("The Czech prime minister is planning to visit Warsaw.", PM), "visit")
    assert ev.mode == "future"
    assert ev.cameo == "036" and ev.plover == "AGREE"
    assert (ev.source.code, ev.target.code) == ("CZEGOV", "POL")
    assert ev.location.name == "Warsaw"


@pytest.mark.parametrize("text", [
    "Slovakia will meet Austria next month.",
    "Slovakia intends to meet Austria.",
    "Slovakia plans to meet Austria.",
])
def test_future_and_intent(code, text):
    ev = only(code(text), "meet")
    assert ev.mode == "future" and ev.cameo == "036"


def test_future_date_looks_ahead(code):
    ev = only(code("Slovakia will meet Austria on Monday."), "meet")
    assert ev.date == "2015-12-07" and ev.date_granularity == "day"


def test_did_not_meet_is_negated_not_a_meeting(code):
    ev = only(code("Slovakia did not meet Austria."), "meet")
    assert ev.mode == "negated" and ev.cameo == "040"


def test_never_is_negation(code):
    ev = only(code("Slovakia never visited Austria."), "visited")
    assert ev.mode == "negated"


def test_support_for_no_attempts_is_no_support(code):
    events = code("Denmark will support no attempts to weaken Norway.")
    assert not [e for e in events if e.plover == "SUPPORT" and e.mode != "negated"]
    ev = only(events, "support")
    assert ev.cameo.startswith("12") and ev.plover == "REJECT"


def test_refusing_to_allow_is_a_refusal_to_yield(code):
    ev = only(code("Egypt refused to allow Libya to reopen the border."), "allow")
    assert ev.cameo.startswith("124") and ev.plover == "REJECT"
    assert ev.source.code == "EGY" and "refusal" in ev.rule


def test_refusing_an_action_without_a_rejection_code_is_negated(code):
    ev = only(code("Chad refused to attack Niger."), "attack")
    assert ev.mode == "negated" and ev.cameo.startswith("19")


@pytest.mark.parametrize("text", ["Mali could expel France.", "Mali may expel France.", "If talks fail, Mali expels France."])
def test_hypothetical(code, text):
    ev = only(code(text), next(w for w in ("expel", "expels") if w in text.split()))
    assert ev.mode == "hypothetical"
    assert (ev.source.code, ev.target.code) == ("MLI", "FRA")


def test_threatening_sanctions_is_a_threat_to_sanction(code):
    events = code("Turkey threatened to impose sanctions on Iraq.")
    assert ("1312", "TUR", "IRQ") in triples(events)
    ev = next(e for e in events if e.cameo == "1312")
    assert ev.plover == "THREATEN" and ev.mode == "future"


def test_announced_future_blockade_is_a_threat(code):
    ev = only(code("Greece said it would blockade Albania."), "blockade")
    assert ev.cameo.startswith("13") and ev.mode == "future"


def test_events_well_before_the_article_are_historical(code):
    ev = only(code("Estonia expelled Russian diplomats in 2010."), "expelled")
    assert ev.mode == "historical" and ev.date == "2010" and ev.date_granularity == "year"


@pytest.mark.parametrize("text,date,granularity", [
    ("Finland met Sweden on Friday.", "2015-12-04", "day"),
    ("Finland met Sweden yesterday.", "2015-12-03", "day"),
    ("Finland met Sweden late in October.", "2015-10", "month"),
    ("Finland met Sweden last week.", "2015-11", "month"),
    ("Finland met Sweden on December 4.", "2015-12-04", "day"),
    ("Finland met Sweden in 2014.", "2014", "year"),
    ("Finland met Sweden.", "2015-12-04", "day"),
])
def test_dates_resolve_against_the_article_date(code, text, date, granularity):
    ev = only(code(text), "met")
    assert (ev.date, ev.date_granularity) == (date, granularity)


def test_noun_event_is_dated_by_its_own_phrase(code):
    text = "The two sides renewed their pledge during the Czech prime minister's visit to Hungary late in October."
    ev = only(code(text, PM), "visit")
    assert (ev.date, ev.date_granularity) == ("2015-10", "month")


def test_without_an_article_date_there_is_no_date(code):
    ev = only(code("Finland met Sweden on Friday.", published=None), "met")
    assert ev.date is None and ev.date_granularity is None


def test_dateline_place_when_the_sentence_names_none(code):
    ev = only(code("Finland met Sweden.", place="HELSINKI"), "met")
    assert ev.location.name == "Helsinki" and ev.location.country == "FIN"
