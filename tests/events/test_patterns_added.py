"""Verb patterns dateline adds to CAMEO's dictionary, each on a sentence written for it (see extensions.tsv)."""

from __future__ import annotations

import pytest

from .conftest import only

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text,trigger,cameo", [
    ("Kenya and Uganda have upgraded their diplomatic ties.", "upgraded", "050"),
    ("Peru eased emergency measures in the south on Friday.", "eased", "0814"),
    ("Peru lifted martial law in the south.", "lifted", "0814"),
    ("The Kenyan teachers union called off a three-day strike.", "called", "082"),
    ("Jordan called off air strikes on Syria.", "called", "0871"),
    ("Jordanian officers ended mediation efforts between rival clans.", "ended", "165"),
    ("Chile suspended talks with Peru.", "suspended", "164"),
    ("The UN will withdraw its weapons inspectors from Libya.", "withdraw", "136"),
    ("Thousands of Kenyans gathered for a rally in Nairobi.", "gathered", "141"),
    ("Greek dockers shunned work on Monday.", "shunned", "143"),
    ("Turkey strengthened its forces in Cyprus.", "strengthened", "154"),
    ("Greek police prevented a demonstration by students.", "prevented", "172"),
    ("Militants set fire to the offices of a Kenyan newspaper.", "set", "1712"),
    ("The Peruvian government declared a state of siege in Lima.", "declared", "1724"),
    ("Chilean troops captured a Bolivian village on Monday.", "captured", "192"),
    ("Chile violated the ceasefire agreement with Peru.", "violated", "196"),
    ("Danish nurses handed over 500 kg of medicine to the Red Cross.", "handed", "073"),
    ("Chilean hackers defaced the websites of the Peruvian army.", "defaced", "1712"),
    ("Ugandan police completed an investigation into the Kenyan embassy on Friday.", "investigation", "090"),
    ("Chile shared its mining technology with Peru.", "shared", "060"),
    ("Turkish police broke up a rally by students.", "broke", "175"),
    ("Kenya slams Uganda over border closure", "slams", "111"),
    ("Norway urged Sudan to end the fighting.", "urged", "0256"),  # an appeal to de-escalate (appeals.py)
    ("The Kenyan government banned the main opposition party.", "banned", "1722"),
    ("Kenyan police enforced a curfew in Mombasa.", "enforced", "1723"),
    ("Kenyan farmers blockaded Nairobi on Monday.", "blockaded", "191"),
])
def test_added_pattern(code, text, trigger, cameo):
    assert {e.cameo for e in code(text) if e.trigger.text == trigger} == {cameo}


def test_a_labour_strike_is_not_an_air_strike(code):
    assert only(code("Kenyan nurses called off their strike."), "called").plover == "CONCEDE"
    assert only(code("Jordan called off air strikes on Syria."), "called").plover == "RETREAT"


def test_artillery_fire_against_someone_is_an_attack_on_them(code):
    ev = only(code("Chadian forces launched artillery fire against Sudanese rebel camps."), "artillery fire")
    assert ev.cameo == "194" and ev.target.code.startswith("SDN")


def test_mobilising_codes_a_show_of_force_only_for_a_force(code):
    assert only(code("Eritrea mobilized its reserves on Monday."), "mobilized").cameo == "150"
    events = code("Qatar has mobilized lobby groups in Britain to support the rights of Yemenis.")
    assert "mobilized" not in {e.trigger.text for e in events}


def test_military_drills_show_force_and_held_together_are_cooperation(code):
    assert only(code("Russia held naval exercises in the Baltic Sea."), "exercises").cameo == "150"
    events = code("Chile and Peru began their annual military drills on Monday.")
    assert {(e.cameo, e.source.code, e.target.code) for e in events} == {("062", "CHL", "PER"), ("062", "PER", "CHL")}
    assert only(code("Chile staged joint military exercises with Peru."), "exercises").cameo == "062"


def test_getting_ready_for_something_is_no_intent_of_its_own(code):
    events = code("Chile is willing to work with Peru to prepare for the state visit next spring.")
    assert "prepare" not in {e.trigger.text for e in events}
