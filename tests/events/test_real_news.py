"""What the coder leaves alone in ordinary news: accidents, thoughts, trailers, firings, people without politics."""

from __future__ import annotations

import pytest

from .conftest import only

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "At least seven people were killed when a tram derailed near Nairobi on Wednesday.",  # an accident, no attack
    "I don't think she made it at all, a Kenyan official said.",  # thinking is no consultation
    "The Kenyan studio released a new trailer for the film.",  # CAMEO's release is of people or property
    "The Kenyan broadcaster fired its chief executive on Monday.",  # a dismissal, no attack
    "The firm provided longer statements to the newspaper.",  # no political actor on either side
    "Mr. Odinga had what he called a productive week.",  # calling something something is no phone call
    "Six people died when the seaplane crashed near Lagos.",  # dying is no act of the dead
    "A Kenyan police car slammed into a wall in Nairobi.",  # slamming into something is no criticism
    "The rebels, who control much of the north, stayed silent.",  # controlling land is no cooperation
])
def test_no_event(code, text):
    assert code(text) == []


def test_force_named_in_the_sentence_still_codes_an_unattributed_killing(code):
    ev = only(code("Seven people were killed in a bombing near Nairobi on Wednesday."), "killed")
    assert ev.source.code == "KENUAF" and ev.target.code == "KENCVL"


@pytest.mark.parametrize("text,trigger,cameo", [
    ("Finland will give Tanzania a grant of 60 million dollars.", "give", "0331"),  # future economic aid: intent
    ("Norway provided food to the Sudanese refugees.", "provided", "073"),
    ("Syria fired rockets at Israeli positions.", "fired", "190"),
    ("The Kenyan rebels released the Ugandan hostages on Monday.", "released", "0841"),
])
def test_what_is_given_fired_or_released_decides(code, text, trigger, cameo):
    assert only(code(text), trigger).cameo == cameo


def test_the_grounds_of_an_expulsion_are_the_objects_deed_not_the_subjects(code):
    events = code("Switzerland expelled two Russian diplomats for spying.")
    assert [e.trigger.text for e in events] == ["expelled"]


def test_a_noun_owned_only_by_a_pronoun_refers_back(code):
    events = code("The Kenyan rebels insisted on their demands.")
    assert [e.trigger.text for e in events] == ["insisted"]


def test_a_pact_between_the_two_countries_is_reciprocal(code):
    events = code("Ghana and Togo agreed on a new pact between the two countries.",
                  {"Ghana": "GHA", "Togo": "TGO", "the two countries": "GHA"})
    pairs = {(e.source.code, e.target.code if e.target else None) for e in events if e.trigger.text == "agreed"}
    assert pairs == {("GHA", "TGO"), ("TGO", "GHA")}


def test_a_planned_strike_is_a_threat_of_dissent(code):
    ev = only(code("Kenyan teachers are planning a general strike against the government."), "strike")
    assert ev.mode is None and ev.cameo.startswith("13")  # the threat is made (CAMEO 13x), the strike is not held


@pytest.mark.parametrize("text,kept", [
    ("Ghana expelled two Togolese diplomats, accusing them of helping to plan attacks on army depots.", ["expelled", "accusing"]),
    ("Ghanaian prosecutors charged four Togolese men with preparing attacks on fuel depots.", ["charged"]),
    ("Ghana accused Togolese forces of firing at Ghanaian positions, wounding a soldier.", ["accused"]),
])
def test_what_an_accusation_alleges_is_not_coded_as_done(code, text, kept):
    assert [e.trigger.text for e in code(text)] == kept


@pytest.mark.parametrize("text,cameo", [
    ('The Chilean minister called the Peruvian expulsions "a provocation".', "111"),  # a condemning name
    ("The Chilean minister called the Peruvian drills a rehearsal for war.", None),  # a name that condemns nothing
    ('Chile\'s president praised the team, calling the win "a joy for the whole country".', None),
])
def test_naming_something_is_no_call_but_may_condemn(code, text, cameo):
    codes = {e.cameo for e in code(text) if e.trigger.text in ("called", "calling")}
    assert codes == ({cameo} if cameo else set())


@pytest.mark.parametrize("text", [
    "Investors cheered the Kenyan government's plan to cut the deficit.",  # a market is no actor
    "The Nairobi stock exchange suspended trading for an hour.",
    "The Kenyan shilling recovered some of its losses against the dollar.",
    "A heat wave battered crops across southern Kenya.",  # weather is no armed force
    "A storm battered the Kenyan coast on Monday, killing four people.",
    "Nairobi Airport cancelled all departing flights.",  # a facility's operator, not a state
    "Kenya coach Peter Mwangi admitted on Monday that he would resign.",  # a coach is no office holder
])
def test_markets_weather_facilities_and_sport_are_no_actors(code, text):
    assert code(text) == []


SPORTS_REPORT = ("Argentina thrashed Brazil 3-0 in a World Cup qualifier on Tuesday, with striker Juan Perez scoring twice "
                 "as the champions tightened their grip on the standings. Argentina travel to Lima to face Peru next month. "
                 "Police arrested 22 fans after clashes outside the stadium, and coach Luis Gomez praised the Argentine "
                 "president.")


def test_in_a_sports_report_a_country_is_its_team(code):
    events = code(SPORTS_REPORT, {"police": "ARGCOP", "the Argentine president": "ARGGOV"})
    assert {e.trigger.text for e in events} == {"arrested"}  # the police act; the teams and the coach do not


def test_a_country_outside_a_sports_report_still_acts(code):
    events = code("Argentina thrashed Brazil's proposal at the summit and travelled to Lima on Tuesday.")
    assert any(e.source.code == "ARG" for e in events)


@pytest.mark.parametrize("text,source", [
    ("Members of the Kenyan Jurists Society, a body linked to the Kenyan bar, investigated the killings.", "KEN"),
])
def test_the_acting_subject_of_a_misparsed_clause(code, text, source):
    ev = next(e for e in code(text) if e.trigger.text in ("killed", "investigated"))
    assert ev.source.code.startswith(source)


@pytest.mark.parametrize("text", [
    "Ana Quispe, who heads the largest Chilean union, spoke on Monday.",  # leading is no cooperation
    "The Taliban ruled Afghanistan until 2001.",
    "Kenyan generals command the Somali mission.",
])
def test_leading_or_governing_is_no_cooperation(code, text):
    assert code(text) == []


@pytest.mark.parametrize("text,cameo", [
    ("North Korea fired two ballistic missiles into the sea off its east coast.", "150"),  # a show of force
    ("North Korea has test-fired more than 30 ballistic missiles this year.", "150"),
    ("Syria fired rockets at Israeli positions.", "190"),  # fired on someone: an attack
])
def test_weapons_fired_at_nobody_are_a_show_of_force(code, text, cameo):
    assert only(code(text), "fired").cameo == cameo


def test_talks_the_speaker_held_are_the_speakers(code):
    ev = only(code("Chilean Foreign Minister Ana Quispe spoke after talks with her Peruvian counterpart in Lima."), "talks")
    assert (ev.source.code, ev.target.code) == ("CHLGOV", "PERGOV")


def test_clashes_before_an_arrest_are_not_the_police(code):
    events = code("Kenyan police arrested 22 fans after clashes outside the stadium.")
    assert [e.trigger.text for e in events] == ["arrested"]


def test_a_body_of_two_countries_is_both(code):
    events = code("The border commissions of Ghana and Togo held their ninth meeting on Thursday.")
    assert {(e.source.code, e.target.code) for e in events} == {("GHA", "TGO"), ("TGO", "GHA")}


def test_the_owner_of_a_decision_does_what_was_decided(code):
    ev = only(code("Chile condemned Peru's decision to send weapons to Bolivia."), "send")
    assert ev.source.code.startswith("PER") and ev.mode == "future"


def test_efforts_at_cooperation_are_intended_not_done(code):
    ev = only(code("Chile supports the Peruvian government's efforts to hold talks with the rebels."), "hold")
    assert ev.mode == "future" and ev.cameo.startswith("03") and ev.source.code == "PERGOV"


def test_a_second_casualty_participle_belongs_to_the_attack(code):
    events = code("Chilean troops shelled Peruvian border posts on Monday, killing or wounding 50 soldiers.")
    assert [e.trigger.text for e in events] == ["shelled"]


def test_the_violence_of_a_riot_is_the_riot(code):
    events = code("Kenyan prisoners rioted on Monday, setting fire to their mattresses and smashing furniture.")
    assert [(e.trigger.text, e.cameo) for e in events] == [("rioted", "145")]


def test_the_grounds_of_an_expulsion_reach_past_a_participle(code):
    events = code("Switzerland expelled two Russian diplomats based in Geneva for spying.")
    assert [e.trigger.text for e in events] == ["expelled"]


def test_planning_something_is_no_agreement_of_its_own(code):
    assert code("The Kenyan government pressured the teachers to cancel the strike they had planned.")[0].cameo.startswith("10")
    assert len(code("The Kenyan government pressured the teachers to cancel the strike they had planned.")) == 1
