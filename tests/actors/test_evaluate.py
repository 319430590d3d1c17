"""The actor scorer: gold-phrase location, code comparison, and the scores on the shared gold data."""

from __future__ import annotations

import pytest

from dateline.evaluate import actors as scorer
from dateline.model import Actor


def test_gold_igo_accepts_any_igo_code_and_old_codes_map_to_iso() -> None:
    assert scorer._code_ok("IGO", Actor("IGOEURCOE", "IGO"))
    assert scorer._code_ok("JAPGOV", Actor("JPNGOV", "JPN", "GOV"))
    assert not scorer._code_ok("RUSLEG", Actor("RUSGOV", "RUS", "GOV"))
    assert scorer._code_ok(None, None) and not scorer._code_ok(None, Actor("RUS", "RUS"))


def test_gold_text_with_an_ellipsis_spans_both_parts() -> None:
    text = "Bosnian Serbs said on Tuesday their forces had withdrawn."
    start, end = scorer._locate(text, "Bosnian Serbs ... forces")
    assert text[start:end] == "Bosnian Serbs said on Tuesday their forces"
    assert scorer._locate(text, "Croatian troops") is None


@pytest.mark.slow
def test_the_phrase_holding_a_gold_modifier_is_its_noun_phrase(nlp) -> None:
    text = "Senior Hungarian and Romanian officials agreed on Wednesday."
    doc = nlp(text)
    start = text.index("Romanian")
    exact, np = scorer._phrase_for(doc, start, start + len("Romanian"))
    assert exact.text == "Romanian"
    assert np.text == "Senior Hungarian and Romanian officials"


@pytest.mark.slow
@pytest.mark.shared
def test_scores_on_the_shared_gold(shared, nlp) -> None:
    scores = scorer.scores(shared, nlp)
    assert set(scores) == {"actors.seed_found", "actors.seed_found_with_code", "actors.plover_country_accuracy",
                           "actors.plover_country_sector_accuracy", "actors.plover_coded"}
    assert scores["actors.plover_country_accuracy"] >= 0.80
    assert scores["actors.seed_found_with_code"] >= 16 / 18 - 1e-9
