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
    assert (ev.source.code, ev.target.code) == ("CZEGOV", "POLGOV")
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
    assert ev.plover == "THREATEN" and ev.mode is None  # the threat is made; the sanctions are what it threatens


def test_announced_future_blockade_is_a_threat(code):
    ev = only(code("Greece said it would blockade Albania."), "blockade")
    assert ev.cameo.startswith("13") and ev.mode is None


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


def test_a_tenseless_conjunct_shares_the_first_verbs_governor(code):
    events = code("Chile plans to meet Peru and sign a trade deal.")
    assert only(events, "sign").mode == "future"
    assert only(code("Chile did not meet Peru or sign the deal."), "sign").mode == "negated"


def test_a_finite_conjunct_keeps_its_own_tense(code):
    ev = only(code("Chile did not meet Peru and signed a deal with Bolivia."), "signed")
    assert ev.mode is None and ev.target.code == "BOL"


def test_a_refusal_that_is_demanded_is_not_done(code):
    events = code("The rebels demanded that Kenya refuse to recognize Somalia.")
    assert [e.trigger.text for e in events] == ["demanded"]  # the demand is the event, neither refusal nor recognition
    assert events[0].cameo == "100"  # CAMEO has no code for demanding that someone not act


def test_the_purpose_of_a_hypothetical_act_is_hypothetical(code):
    ev = only(code("Kenyan troops must ensure security to allow aid to reach Somalia."), "allow")
    assert ev.mode == "hypothetical"


def test_a_noun_only_proposes_its_infinitive_unless_it_is_an_intent(code):
    ev = only(code("Hamas rejected an invitation to attend a meeting with Egypt."), "attend")
    assert ev.mode == "hypothetical"
    ev = only(code("Peru announced its decision to send aid to Chile."), "send")
    assert ev.mode == "future" and ev.cameo.startswith("03")


def test_swearing_to_fight_is_a_threat(code):
    ev = only(code("Lebanese soldiers swore to fight Syria."), "fight")
    assert ev.cameo.startswith("138") and ev.mode is None


def test_a_shared_conjuncts_lemma_governs_nothing(code):
    ev = only(code("Kenyan prisoners were setting fire to mattresses and smashing the prison's windows."), "smashing")
    assert ev.mode is None  # 'set' (as in 'set to visit') is no governor when it is only the first conjunct


def test_an_attempt_is_done_a_proposal_is_not(code):
    assert only(code("Kenya is making attempts to expel Ugandan traders."), "expel").mode is None
    assert only(code("Kenya rejected a proposal to expel Ugandan traders."), "expel").mode == "hypothetical"


def test_what_is_demanded_to_be_admitted_is_not_stated(code):
    ev = only(code("Poland demanded an admission that Russian troops killed Polish officers."), "killed")
    assert ev.mode == "hypothetical"


def test_a_governor_whose_infinitive_parses_as_an_adverbial_clause_still_governs(code):
    events = code("Lebanese soldiers have sworn to fight until they regain the hills.")
    assert "sworn" not in {e.trigger.text for e in events}
    assert only(events, "fight").cameo.startswith("13")  # a threat of force: the oath governs the fighting


def test_an_infinitive_after_an_object_is_a_purpose_not_a_governed_act(code):
    events = code("Kenyan students started a hunger strike yesterday to protest against the Ugandan decision.")
    assert any(e.cameo.startswith("142") for e in events)


def test_an_act_only_considered_is_threatened_not_done(code):
    ev = only(code("We will consider closing the Chilean consulate in Lima, the Peruvian minister said."), "closing")
    assert ev.cameo.startswith("131") and ev.mode is None  # CAMEO 1313: threaten to break relations


def test_an_expressed_intent_is_future(code):
    events = code("Ghana and Togo agreed to set up a joint commission.")
    assert len(events) == 2  # one each way
    assert all(e.cameo.startswith("03") and e.mode == "future" for e in events)


def test_force_made_ready_is_a_show_of_force_not_a_threat(code):
    ev = only(code("The Chilean army prepared to resume shelling rebel positions on Monday."), "shelling")
    assert (ev.cameo, ev.plover, ev.mode) == ("150", "MOBILIZE", None) and ev.rule.endswith("+prepared")
    ev = only(code("The Chilean army threatened to resume shelling rebel positions."), "shelling")
    assert ev.cameo.startswith("13")


def test_a_warning_of_what_things_will_do_is_no_threat(code):
    assert code("Chile warned that the new tariffs would hurt exporters on both sides of the border.") == []
    ev = only(code("Chile warned that it would close the border if Peru kept the tariffs."), "warned")
    assert ev.cameo.startswith("13")


def test_not_tolerating_something_is_a_warning(code):
    ev = only(code("Poland will not tolerate any interference in its affairs by Russia, the foreign minister said."),
              "tolerate")
    assert (ev.cameo, ev.mode, ev.target.code) == ("130", None, "RUS") and ev.rule.endswith("+warning")


@pytest.mark.parametrize("text,trigger,target", [
    ("Washington remained open to talks with Pyongyang without preconditions.", "talks", "PRKGOV"),
    ("Chile is ready for dialogue with Bolivia.", "dialogue", "BOL"),
])
def test_being_open_or_ready_for_talks_is_an_intent_to_meet(code, text, trigger, target):
    ev = only(code(text), trigger)
    assert (ev.cameo, ev.mode, ev.target.code) == ("036", "future", target)
