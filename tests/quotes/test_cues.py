"""The cue lexicon: inflections, multi-word cues, and cues only where the word is a verb."""

from __future__ import annotations

from dateline.quotes.cues import cue_at, inflections, lexicon


def test_regular_inflections():
    assert inflections("stress") == {"stress", "stresses", "stressed", "stressing"}
    assert inflections("argue") == {"argue", "argues", "argued", "arguing"}
    assert inflections("deny") >= {"denies", "denied"}


def test_irregular_forms_come_from_the_data_file():
    table = lexicon()
    for form in ("said", "says", "told", "wrote", "knew"):
        assert form in table, form


def test_the_news_verbs_are_covered():
    table = lexicon()
    for form in ("stressed", "added", "noted", "warned", "claimed", "insisted", "announced", "explained", "argued", "according"):
        assert form in table, form


def test_according_to_is_one_cue_of_two_words():
    lower = ["according", "to", "the", "diplomat"]
    hit = cue_at(lower, ["VERB", "ADP", "DET", "NOUN"], 0)
    assert hit is not None and hit[0].lemma == "according to" and hit[1] == 2


def test_a_cue_word_used_as_a_noun_is_no_cue():
    assert cue_at(["claims"], ["NOUN"], 0) is None
    assert cue_at(["claims"], ["VERB"], 0) is not None
