"""Whom an event is done to: phrases that only name the source again give way to the party they name."""

from __future__ import annotations

import pytest

from dateline import contract
from dateline.events import find_events
from dateline.model import Mention

from .conftest import make_article, only

pytestmark = pytest.mark.slow

def test_a_target_stands_in_the_phrase_of_a_prepositional_object(code):
    ev = only(code("Malawi reneged on its pledge to Zambia."), "reneged")
    assert (ev.plover, ev.source.code, ev.target.code) == ("REJECT", "MWI", "ZMB")

def test_the_sources_own_thing_is_passed_over_for_the_party_it_names(nlp):
    text = "Malawi reneged on its pledge to Zambia."
    article = make_article(text, {"Malawi": "MWI"})
    at = text.index("its")
    article.entities[0].mentions.append(Mention(at, at + 3, "its", "coref"))  # coreference links 'its' to Malawi
    article.events = find_events(nlp(text), article)
    contract.check(article.to_dict())
    ev = only(article.events, "reneged")
    assert (ev.source.code, ev.target.code) == ("MWI", "ZMB")


def test_what_an_act_is_labelled_as_names_no_target(code):
    ev = only(code("Chile condemned the tests as a breach of United Nations resolutions."), "condemned")
    assert ev.source.code == "CHL" and ev.target is None


def test_parties_to_an_exchange_act_on_each_other_not_on_what_they_exchange(code):
    events = code("Armenia and Azerbaijan exchanged 40 prisoners of war on Friday.")
    assert {(e.source.code, e.target.code) for e in events if e.trigger.text == "exchanged"} == {("ARM", "AZE"), ("AZE", "ARM")}


def test_a_protest_against_a_measure_is_against_the_government_that_took_it(code):
    ev = only(code("Thousands of protesters marched against new taxes on fuel in Lima on Wednesday."), "marched")
    assert ev.target.code == "PERGOV"  # the measure's author, of the country where they march, not Lima's people


def test_a_purpose_takes_the_target_of_the_act_it_serves(code):
    ev = only(code("The IAEA has sent inspectors to a nuclear plant in southern Chile to monitor the work there.",
                   {"The IAEA": "IGOUNOIAE"}), "monitor")
    assert (ev.plover, ev.source.code, ev.target.code[:3]) == ("ACCUSE", "IGOUNOIAE", "CHL")


@pytest.mark.parametrize("text,trigger,actors,target", [
    ("The Peruvian congress approved a law recognizing the victories of the Chilean opposition.", "approved",
     {"The Peruvian congress": "PERLEG", "the Chilean opposition": "CHLOPP"}, "CHLOPP"),
    ("Hamas rejected an invitation to attend a meeting of Egyptian officials.", "rejected",
     {"Hamas": "PSEREB", "Egyptian officials": "EGYGOV"}, "EGYGOV"),
])
def test_the_clause_on_an_object_names_the_target(code, text, trigger, actors, target):
    assert only(code(text, actors), trigger).target.code == target


@pytest.mark.parametrize("text,trigger,target", [
    ("Chilean police arrested ten Peruvian fishermen on Monday. Peru condemned the arrests on Tuesday.", "condemned",
     "CHLCOP"),
    ("Chile expelled two Peruvian diplomats on Monday. Peru called the expulsions a provocation.", "called", "CHL"),
])
def test_a_reaction_to_an_act_told_before_is_aimed_at_its_doer(code, text, trigger, target):
    assert only(code(text), trigger).target.code == target


def test_a_reaction_to_an_act_nobody_was_said_to_do_has_no_target(code):
    assert only(code("Peru condemned the attack on Tuesday."), "condemned").target is None


def test_a_reaction_prefers_a_doer_the_story_names_with_a_country(code):
    events = code("Chilean troops attacked a Peruvian border post on Monday. The gunmen attacked the post again "
                  "on Tuesday. Peru condemned the attacks.", {"The gunmen": "UAF"})
    assert only(events, "condemned").target.code.startswith("CHL")


def test_a_denial_is_coded_without_a_plover_type_and_answers_the_accuser(code):
    events = code("Chile expelled a Peruvian diplomat on Monday. The Peruvian ministry denied that its diplomats had any "
                  "link to the plot.", {"The Peruvian ministry": "PERGOV"})
    ev = only(events, "denied")
    assert (ev.cameo, ev.plover, ev.source.code, ev.target.code) == ("016", None, "PERGOV", "CHL")
    assert ev.rule == "dateline:deny:that"


def test_the_two_sides_are_the_parties_of_the_sentences_own_event(code):
    events = code("The Chilean foreign minister held a phone conversation with the Peruvian foreign minister on Friday, "
                  "during which the two sides pledged to deepen cooperation in trade.",
                  {"The Chilean foreign minister": "CHLGOV", "the Peruvian foreign minister": "PERGOV"})
    pledged = {(e.source.code, e.target.code) for e in events if e.plover == "AGREE"}
    assert pledged == {("CHLGOV", "PERGOV"), ("PERGOV", "CHLGOV")}


def test_a_denial_answers_the_accusation_aimed_at_the_denier(code):
    events = code("Chile accused Peru of spying on Monday. Peru criticised Bolivia on Tuesday. The Peruvian ministry "
                  "denied the allegations.", {"The Peruvian ministry": "PERGOV"})
    ev = only(events, "denied")
    assert (ev.cameo, ev.source.code, ev.target.code) == ("016", "PERGOV", "CHL")


def test_a_denial_of_a_claim_is_coded(code):
    ev = only(code("Armenia accused Azerbaijani troops of firing at its positions. Baku denied the claim."), "denied")
    assert ev.cameo == "016" and ev.source.code.startswith("AZE") and ev.target.code.startswith("ARM")
