"""The event lexicon: derived CAMEO data, our extensions, PLOVER types, Goldstein scores, quad classes."""

from __future__ import annotations

import pytest

from dateline.events.lexicon import load, quad_class
from dateline.events.patterns import build_pattern, compile_pattern


def test_verbs_are_indexed_by_lemma_with_their_block_and_particles():
    lex = load()
    meet = lex.verbs["meet"]
    assert any(s.particles == ("with",) for s in meet)
    assert all(s.code == "040" for s in meet)
    assert lex.verbs["thank"][0].code == "051"


def test_extensions_override_and_add():
    lex = load()
    assert lex.verbs["agree"][0].code == "030"  # PLOVER's AGREE, not CAMEO's block default 050
    assert lex.verbs["take"][0].code is None  # "took place" is no seizure
    rules = [p.rule for p in lex.verbs["meet"][0].patterns]
    assert rules[0].startswith("dateline:meet:")


@pytest.mark.parametrize("code,plover,mode", [
    ("042", "CONSULT", "visit"), ("036", "AGREE", None), ("173", "COERCE", "arrest"),
    ("1712", "ASSAULT", "seize"), ("0231", "REQUEST", None), ("010", None, None),
])
def test_plover_type_and_mode(code, plover, mode):
    lex = load()
    assert lex.plover_type(code) == plover
    assert lex.plover_mode(code) == mode


@pytest.mark.parametrize("code,quad", [("010", 1), ("057", 1), ("060", 2), ("087", 2), ("090", 3), ("130", 3), ("140", 4), ("204", 4)])
def test_quad_class_follows_the_cameo_root(code, quad):
    assert quad_class(code) == quad


def test_goldstein_falls_back_to_the_parent_code():
    lex = load()
    assert lex.goldstein_score("057") == 8.0
    assert lex.goldstein_score("190") == -10.0
    assert lex.goldstein_score("0459") == lex.goldstein_score("045")


def test_recode_tables_give_intent_refusal_and_threat_codes():
    lex = load()
    assert lex.recode("intent", "042") == "036"
    assert lex.recode("intent", "0841") == "0353"
    assert lex.recode("reject", "040") == "125"
    assert lex.recode("threat", "163") == "1312"
    assert lex.recode("threat", "040") is None


def test_event_nouns_prefer_a_compound_sense():
    lex = load()
    senses = lex.nouns["strike"]
    assert senses[0].modifier is not None
    assert {s.code for s in senses if s.modifier == "air"} == {"195"}
    assert lex.nouns["visit"][0].target_preps[0] == "to"


def test_compile_pattern_reads_words_phrases_and_prepositional_phrases():
    synsets = {"ARMY": ["troops", "soldiers"]}
    compiled = compile_pattern("* {PEACE PLAN} (TO +) &ARMY", synsets)
    kinds = [e["t"] for e in compiled["post"]]
    assert kinds == ["np", "pp", "w"]
    assert compiled["post"][1] == {"t": "pp", "preps": ["to"], "obj": [], "role": "tgt"}
    assert "soldier" in compiled["post"][2]["slots"][0]  # plural forms also meet singular lemmas
    assert compile_pattern("NO VERB HERE", synsets) is None


def test_build_pattern_weighs_specific_patterns_higher():
    general = build_pattern({**compile_pattern("* (FOR)", {}), "code": "020"}, "r1")
    specific = build_pattern({**compile_pattern("* (FOR SANCTIONS)", {}), "code": "1312"}, "r2")
    discard = build_pattern({**compile_pattern("* SESSION", {}), "code": "---"}, "r3")
    assert specific.weight > general.weight
    assert discard.code is None
