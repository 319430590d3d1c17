"""Direct quotes: the quoted words, their cue and speaker, in every position a reporting clause takes."""

from __future__ import annotations

import pytest

from .conftest import only

pytestmark = pytest.mark.slow


def test_trailing_cue_keeps_the_comma_inside_the_marks(annotate):
    article = annotate(
        "Norwegian Foreign Minister Anna Berg arrived in Oslo on Tuesday.\n\n"
        '"We will not retreat from these talks," Berg said on Tuesday.'
    )
    q = only(article.quotes, "retreat")
    assert q.kind == "direct"
    assert q.content.text == "We will not retreat from these talks,"
    assert q.cue.text == "said"
    assert q.speaker.text == "Berg"
    assert q.speaker_name == "Anna Berg"
    assert q.rule == "direct:trailing"


def test_curly_marks_and_an_inverted_role_speaker(annotate):
    article = annotate(
        "Swedish Foreign Minister Peter Lindqvist met his Danish counterpart on Monday.\n\n"
        "“The border will stay open for trade,” said the minister."
    )
    q = only(article.quotes, "border")
    assert q.content.text == "The border will stay open for trade,"
    assert q.speaker.text == "the minister"
    assert q.speaker_name == "Peter Lindqvist"


def test_leading_cue_with_a_colon(annotate):
    article = annotate(
        "Swedish Foreign Minister Peter Lindqvist flew to Copenhagen on Monday.\n\n"
        "The Swedish minister told reporters: “We expect a difficult but fair negotiation.”"
    )
    q = only(article.quotes, "negotiation")
    assert q.rule == "direct:leading"
    assert q.cue.text == "told"
    assert q.speaker.text == "The Swedish minister"
    assert q.speaker_name == "Peter Lindqvist"


def test_several_sentences_inside_one_pair_of_marks(annotate):
    article = annotate(
        "Finance Minister Maria Holm presented the budget on Monday.\n\n"
        '"Growth will slow. Prices will not. We have to be honest about both," Holm said.'
    )
    q = only(article.quotes, "Growth")
    assert q.content.text == "Growth will slow. Prices will not. We have to be honest about both,"
    assert q.speaker_name == "Maria Holm"


def test_a_quotation_over_two_paragraphs_has_one_speaker(annotate):
    article = annotate(
        "Finance Minister Maria Holm presented the budget on Monday.\n\n"
        "“The first years will be hard for everyone who depends on public money.\n\n"
        "“But by the end of the decade the debt will be falling,” Holm said."
    )
    first, second = only(article.quotes, "first years"), only(article.quotes, "debt will be falling")
    assert first.content.text == "The first years will be hard for everyone who depends on public money."
    assert second.content.text == "But by the end of the decade the debt will be falling,"
    assert first.speaker_name == second.speaker_name == "Maria Holm"
    assert first.cue == second.cue and first.cue.text == "said"
    assert "direct:multi-paragraph" in (first.rule, second.rule)


def test_he_said_after_the_quote_resolves_to_the_person(annotate):
    article = annotate(
        "Interior Minister Tomas Hedlund visited the flooded villages on Sunday.\n\n"
        "“The water has never been this high,” he said."
    )
    q = only(article.quotes, "water")
    assert q.speaker.text == "he"
    assert q.speaker_name == "Tomas Hedlund"
    assert q.speaker_entity is not None


def test_he_said_inside_the_marks(annotate):
    article = annotate(
        "Finance Minister Maria Holm presented the budget on Monday.\n\n"
        '"The deal, she said, is finished."'
    )
    q = only(article.quotes, "deal")
    assert q.rule == "direct:parenthetical"
    assert q.speaker.text == "she"
    assert q.speaker_name == "Maria Holm"


def test_a_dash_and_a_name_sign_a_quotation(annotate):
    article = annotate("Voters in the capital were asked what they expect.\n\n“We are ready to talk.” ― Carlos Ortega")
    q = only(article.quotes, "ready")
    assert q.rule == "direct:signature"
    assert q.cue.text == "―"
    assert q.speaker_name == "Carlos Ortega"


def test_transcript_turns(annotate):
    article = annotate(
        "The interview was broadcast on Sunday.\n\n"
        "HOLM: We have no plans to raise taxes this year.\n\n"
        "MOREAU: Then who pays for the new hospitals?"
    )
    first = only(article.quotes, "raise taxes")
    assert first.rule == "direct:transcript"
    assert first.speaker.text == "HOLM"
    assert first.content.text == "We have no plans to raise taxes this year."
    assert only(article.quotes, "hospitals").speaker.text == "MOREAU"


def test_a_long_reporting_clause_in_small_letters_after_a_question(annotate):
    article = annotate("Finance Minister Maria Holm presented the budget on Monday.\n\n"
                       '"Why did the minister not pay?" a narrator in the opposition advert asks.')
    q = only(article.quotes, "Why did")
    assert q.cue.text == "asks" and q.speaker.text.startswith("a narrator") and q.rule == "direct:trailing"


def test_a_new_sentence_after_a_quotation_is_no_reporting_clause(annotate):
    article = annotate("Finance Minister Maria Holm presented the budget on Monday.\n\n"
                       '"Why did the minister not pay?" The opposition leader said nothing more about the bills on Monday.')
    assert not any(q.cue and q.cue.text == "said" and "Why did" in q.content.text for q in article.quotes)


def test_a_fragment_in_a_reported_clause_is_no_quotation_of_the_inner_verb(annotate):
    article = annotate('Hungarian Foreign Ministry spokeswoman Ines Varga said Budapest would respond "in a fitting manner".')
    q = only(article.quotes, "fitting manner")
    assert q.kind == "mixed" and q.cue.text == "said"
    assert q.speaker_name == "Ines Varga"


def test_the_name_between_the_quotation_and_the_cue_speaks(annotate):
    # the parser hangs the name on the last noun inside the quotation and leaves "said" without a subject
    article = annotate('"He is right. There is a gap between this government and frankly the president and our army," '
                       "Holm, a senior Labour lawmaker, said Thursday on state radio.")
    q = only(article.quotes, "our army")
    assert q.kind == "direct" and q.speaker.text.startswith("Holm")
