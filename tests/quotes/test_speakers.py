"""Who speaks: continuation of the last speaker, speakers left unknown, and what is not a quote at all."""

from __future__ import annotations

import pytest

from .conftest import only

pytestmark = pytest.mark.slow


def test_a_quote_only_paragraph_continues_the_last_speaker(annotate):
    article = annotate(
        "Finance Minister Maria Holm presented the budget on Monday.\n\n"
        '"We will not raise taxes this year," Holm said.\n\n'
        '"Nor will we cut pensions. Both promises will be kept."'
    )
    q = only(article.quotes, "pensions")
    assert q.rule == "direct:continuation"
    assert q.speaker_name == "Maria Holm"
    assert q.cue.text == "said"


def test_a_second_quotation_in_the_same_paragraph_continues(annotate):
    article = annotate(
        "Finance Minister Maria Holm presented the budget on Monday.\n\n"
        '"We will not raise taxes," Holm said. "Nor will we cut pensions."'
    )
    assert only(article.quotes, "pensions").speaker_name == "Maria Holm"


def test_a_speaker_with_no_name_in_the_text_stays_unresolved(annotate):
    article = annotate(
        "Finance Minister Maria Holm presented the budget on Monday.\n\n"
        '"Everything is under control," a spokesman said.'
    )
    q = only(article.quotes, "under control")
    assert q.speaker.text == "a spokesman"
    assert q.speaker_entity is None and q.speaker_name is None


def test_a_pronoun_with_no_antecedent_is_not_guessed(annotate):
    article = annotate('"We are ready," she said.')
    q = only(article.quotes, "ready")
    assert q.speaker.text == "she"
    assert q.speaker_entity is None and q.speaker_name is None


def test_a_pronoun_does_not_take_a_person_of_the_other_gender(annotate):
    article = annotate(
        "Interior Minister Tomas Hedlund visited the flooded villages on Sunday.\n\n"
        '"We are ready," she said.'
    )
    assert only(article.quotes, "ready").speaker_name is None


def test_a_quote_only_paragraph_with_no_speaker_before_is_no_quote(annotate):
    article = annotate('"Nobody expected this."\n\nThe storm hit the coast on Monday.')
    assert article.quotes == []


def test_scare_quotes_and_titles_are_not_quotes(annotate):
    article = annotate(
        "Minister Maria Holm spoke in Vestby on Monday.\n\n"
        'Critics have long dismissed the so-called "frozen conflict" as a myth. '
        'She read "The Art of Quiet Diplomacy" on the flight.'
    )
    assert not any(q.kind == "direct" for q in article.quotes)
    assert not any(q.content.text in ("frozen conflict", "The Art of Quiet Diplomacy") for q in article.quotes)


def test_a_quoted_title_before_a_reporting_verb_is_not_its_quote(annotate):
    article = annotate(
        "In an interview on the programme \"Morning Hour,\" Finance Minister Maria Holm said taxes would not rise."
    )
    q = only(article.quotes, "taxes")
    assert q.kind == "indirect"
    assert not any(x.content.text.startswith("Morning Hour") for x in article.quotes)


def test_the_headline_is_not_a_quote(annotate):
    article = annotate(
        "Minister says talks will resume next week\n\n"
        "Finance Minister Maria Holm spoke to reporters in Vestby on Monday. The talks broke down in May."
    )
    assert article.quotes == []


def test_no_continuation_after_a_reported_stance(annotate):
    article = annotate(
        "The government rejected the opposition budget on Monday.\n\n"
        '"Nobody expected this."'
    )
    assert not any(q.rule == "direct:continuation" for q in article.quotes)


def test_a_negated_cue_reports_nothing(annotate):
    article = annotate(
        "Finance Minister Maria Holm presented the budget on Monday.\n\n"
        "Holm did not say whether taxes would rise next year."
    )
    assert not any("taxes would rise" in q.content.text for q in article.quotes)


def test_a_thing_holds_no_stance(annotate):
    article = annotate(
        "Finance Minister Maria Holm presented the budget on Monday.\n\n"
        "The new plan rejected every proposal from the regions."
    )
    assert not any(q.cue and q.cue.text == "rejected" for q in article.quotes)


def test_people_hold_stances(annotate):
    article = annotate(
        "Finance Minister Maria Holm presented the budget on Monday.\n\n"
        "Opposition lawmakers rejected every proposal from the ministry."
    )
    q = only(article.quotes, "every proposal")
    assert q.cue.text == "rejected" and q.rule == "indirect:dobj"


def test_a_headline_with_a_named_speaker_and_a_speech_verb_is_a_quote(annotate):
    article = annotate(
        "Holm says taxes will not rise next year\n\n"
        "Finance Minister Maria Holm presented the budget on Monday. The talks broke down in May."
    )
    q = only(article.quotes, "taxes will not rise")
    assert q.speaker.text == "Holm" and q.kind == "indirect"
