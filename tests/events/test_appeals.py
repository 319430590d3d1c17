"""Appeals and demands: the speech act is the event, and what it asks for only makes its code more specific."""

from __future__ import annotations

import pytest

from .conftest import only, triples

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text,trigger,cameo", [
    ("The Danish government urged Kenya to release the detained journalists.", "urged", "0253"),  # release → 0253
    ("Ghana called on Togo to withdraw its troops from the border.", "called", "0256"),  # de-escalate → 0256
    ("The Chilean opposition called on the government to repeal the new tax law.", "called", "0242"),  # policy → 0242
    ("Peru asked Chile to provide food to the refugees.", "asked", "0233"),  # humanitarian aid → 0233
    ("The rebels demanded that the Kenyan government release the prisoners.", "demanded", "1053"),
    ("Ghana demanded that Togo hold talks with the rebels.", "demanded", "106"),  # negotiation → 106
    ("Norway encouraged Swedish firms to invest in Kenya.", "encouraged", "0211"),  # economic cooperation → 0211
    ("The opposition called for talks with the Kenyan government.", "called", "026"),  # an event noun asked for
])
def test_what_is_asked_for_specifies_the_appeal(code, text, trigger, cameo):
    events = code(text)
    assert only(events, trigger).cameo == cameo
    assert [e.trigger.text for e in events] == [trigger]  # the act asked for is not coded: nobody has done it


def test_the_appeal_goes_to_whom_it_asks(code):
    events = code("Ghana called on Togo and Benin to release all remaining detainees.")
    assert triples(events) == {("0253", "GHA", "TGO"), ("0253", "GHA", "BEN")}


def test_acts_joined_under_one_appeal_stay_one_appeal(code):
    events = code("Ghana urged Togo to stop the shelling and return to talks.")
    assert [e.trigger.text for e in events] == ["urged"]


def test_an_act_asked_not_to_be_done_leaves_the_plain_code(code):
    ev = only(code("Ghana urged Togo not to release the prisoners."), "urged")
    assert ev.cameo == "020"


def test_a_demand_in_reported_speech_stands_on_the_act_demanded(code):
    events = code("Ghana must withdraw this reform and sit down with us, the Togolese union leader said.",
                  {"Ghana": "GHAGOV", "the Togolese union leader": "TGOLAB"})
    ev = only(events, "withdraw")
    assert (ev.cameo, ev.source.code, ev.target.code, ev.mode) == ("1042", "TGOLAB", "GHAGOV", None)
    assert len(events) == 1


def test_an_invitation_joins_the_visit_it_invites_to(code):
    events = code("Ghana invited Togo to visit Accra in May.")
    assert [e.trigger.text for e in events] == ["invited"]


def test_an_infinitive_in_a_pattern_is_its_phrase(code):
    ev = only(code("Poland ordered three Russian diplomats to leave the country."), "ordered")
    assert ev.cameo.startswith("16") and ev.target.code.startswith("RUS")  # CAMEO's ORDER * DIPLOMAT (TO LEAVE)


@pytest.mark.parametrize("text", [
    "The Kremlin declined to comment on the deaths.",
    "The Russian minister declined to say whether the treaty would be signed.",
    "The Kenyan ministry refused to give details of the talks.",
])
def test_declining_to_comment_is_no_event(code, text):
    assert code(text) == []


def test_refusing_to_talk_with_a_party_is_still_a_refusal(code):
    ev = only(code("The Kenyan government refused to talk with the rebels."), "talk")
    assert ev.cameo.startswith("12")


def test_pressing_someone_to_act_is_a_demand(code):
    ev = only(code("The Kenyan government pressured striking teachers to call off the strike."), "pressured")
    assert ev.cameo.startswith("10")  # CAMEO's IMPEL files pressure as coercion (170); an act asked for is a demand


def test_pressure_without_an_act_asked_stays_coercion(code):
    ev = only(code("The Kenyan government pressured the teachers."), "pressured")
    assert ev.cameo == "170"
