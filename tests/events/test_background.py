"""Clauses that describe a noun code no event of their own; the clause that carries the news still does."""

from __future__ import annotations

import pytest

from .conftest import only

pytestmark = pytest.mark.slow


def test_a_relative_clause_describes_its_noun(code):
    events = code("Moldovan police freed three aid workers on Monday, whom rebels had abducted in March.")
    assert [e.trigger.text for e in events] == ["freed"]


def test_a_reduced_passive_relative_is_no_event(code):
    events = code("Estonia signed a trade accord with Latvia at a dinner hosted by Lithuania.")
    assert "hosted" not in [e.trigger.text for e in events]
    assert only(events, "signed").source.code == "EST"


def test_a_participle_describing_a_group_is_no_event(code):
    events = code("Chad agreed to a ceasefire with rebels fighting to topple the government.")
    assert not {"fighting", "topple"} & {e.trigger.text for e in events}


def test_a_light_verb_inside_a_relative_clause_codes_nothing(code):
    events = code("Hungary backed a resolution that aims to impose a blockade on Serbia.")
    assert not {"impose", "blockade"} & {e.trigger.text for e in events}


def test_a_message_does_what_its_participle_says(code):
    ev = only(code("The Kurdish party issued a statement demanding that the Turkish government release prisoners.",
                   {"The Kurdish party": "TUROPP", "the Turkish government": "TURGOV"}), "demanding")
    assert ev.plover == "REQUEST" and ev.source.code == "TUROPP"


def test_a_verb_with_its_own_subject_hung_on_a_participle_still_counts(code):
    events = code("The gunmen, known locally as bandits, also killed two guards who tried to flee, police said.",
                  place="Kano")
    assert only(events, "killed").cameo.startswith("1")


def test_a_verbless_parse_keeps_its_participle_as_the_verb(code):
    ev = only(code("Doctors from two Swiss aid groups donated and delivered medicine to a hospital in Kabul."),
              "donated")
    assert ev.plover == "AID"


def test_a_gerund_after_a_nouns_preposition_is_its_content(code):
    events = code("The Malawian president spoke of his commitment to holding early elections.",
                  {"The Malawian president": "MWIGOV"})
    assert "holding" not in [e.trigger.text for e in events]


def test_a_participle_on_a_number_describes_what_it_counts(code):
    events = code("Peru released two of the fishermen, detained by Chile in March.")
    assert "detained" not in [e.trigger.text for e in events]
