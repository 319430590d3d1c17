"""Indirect and mixed quotes: a cue verb, its subject, and the complement that carries what was said."""

from __future__ import annotations

import pytest

from .conftest import only

pytestmark = pytest.mark.slow

INTRO = "Finance Minister Maria Holm presented the budget in Vestby on Monday.\n\n"


def test_x_said_that(annotate):
    article = annotate(INTRO + "Holm said that the deficit would shrink by half within two years.")
    q = only(article.quotes, "deficit")
    assert q.kind == "indirect"
    assert q.content.text == "the deficit would shrink by half within two years"
    assert q.cue.text == "said"
    assert q.speaker_name == "Maria Holm"


def test_x_said_without_that(annotate):
    article = annotate(INTRO + "Holm said the deficit would shrink by half within two years.")
    assert only(article.quotes, "deficit").content.text == "the deficit would shrink by half within two years"


def test_content_first_then_x_said(annotate):
    article = annotate(INTRO + "The deficit will shrink by half within two years, Holm said on Monday.")
    q = only(article.quotes, "deficit")
    assert q.content.text == "The deficit will shrink by half within two years"
    assert q.speaker.text == "Holm"


def test_according_to_x(annotate):
    article = annotate(INTRO + "According to the minister, the new taxes will bring in four billion crowns.")
    q = only(article.quotes, "taxes")
    assert q.cue.text == "According to"
    assert q.speaker.text == "the minister"
    assert q.speaker_name == "Maria Holm"
    assert q.content.text == "the new taxes will bring in four billion crowns"


def test_according_to_x_at_the_end(annotate):
    article = annotate(INTRO + "The new taxes will bring in four billion crowns, according to Holm.")
    q = only(article.quotes, "taxes")
    assert q.content.text == "The new taxes will bring in four billion crowns"
    assert q.speaker_name == "Maria Holm"


def test_he_added_that(annotate):
    article = annotate(
        "Interior Minister Tomas Hedlund visited the flooded villages on Sunday.\n\n"
        "He added that the army would stay in the region until the water receded."
    )
    q = only(article.quotes, "army")
    assert q.cue.text == "added"
    assert q.speaker.text == "He"
    assert q.speaker_name == "Tomas Hedlund"
    assert q.content.text == "the army would stay in the region until the water receded"


def test_x_told_reporters(annotate):
    article = annotate(INTRO + "Holm told reporters the budget would pass before the summer recess.")
    q = only(article.quotes, "budget would pass")
    assert q.cue.text == "told"
    assert "reporters" not in q.content.text


def test_x_accused_y_of(annotate):
    article = annotate(INTRO + "Holm accused the opposition of hiding the true cost of its pension plan.")
    q = only(article.quotes, "opposition")
    assert q.cue.text == "accused"
    assert q.content.text == "the opposition of hiding the true cost of its pension plan"


def test_x_warned_that(annotate):
    article = annotate(INTRO + "Holm warned that interest rates could rise again in the autumn.")
    assert only(article.quotes, "interest rates").cue.text == "warned"


def test_x_announced(annotate):
    article = annotate(INTRO + "Holm announced a new fund for flood defences on Monday.")
    q = only(article.quotes, "flood defences")
    assert q.cue.text == "announced"
    assert q.content.text.startswith("a new fund")


def test_partial_quotation_makes_a_mixed_quote(annotate):
    article = annotate(INTRO + 'Holm said the opposition plan was "dead on arrival" and would be withdrawn.')
    q = only(article.quotes, "dead on arrival")
    assert q.kind == "mixed"
    assert q.content.text == 'the opposition plan was "dead on arrival" and would be withdrawn'
    assert q.speaker_name == "Maria Holm"


def test_a_nominal_claim_with_its_owner(annotate):
    article = annotate(INTRO + "Critics repeated the opposition's claim that the budget is unfunded.")
    q = only(article.quotes, "unfunded")
    assert (q.cue.text, q.speaker.text, q.content.text) == ("claim", "the opposition", "the budget is unfunded")


def test_a_nominal_call_for(annotate):
    article = annotate(INTRO + "The union's call for higher wages dominated the debate.")
    q = only(article.quotes, "higher wages")
    assert (q.cue.text, q.speaker.text, q.content.text) == ("call", "The union", "higher wages")


def test_content_does_not_start_in_the_dateline(nlp):
    from dateline.model import RawDocument, Source, Span
    from dateline.pipeline import annotate as run_stages
    from dateline.structure import build_article

    text = "OSLO, March 3 (Wire) - Norway will reopen the border talks, Foreign Minister Anna Berg said on Tuesday."
    article = build_article(RawDocument(source=Source(format="text"), content=text))
    article.structure.dateline = Span.of(text, 0, text.index(" - "))
    article = run_stages(article, nlp(article.text))
    q = only(article.quotes, "border talks")
    assert q.content.text == "Norway will reopen the border talks"


def test_a_speaker_inside_the_dateline_is_no_speaker(nlp):
    from dateline.model import RawDocument, Source, Span
    from dateline.pipeline import annotate as run_stages
    from dateline.structure import build_article

    text = "KYIV, June 3 (Wire) - Ukraine and Poland agreed on Tuesday to reopen the grain transit."
    article = build_article(RawDocument(source=Source(format="text"), content=text))
    article.structure.dateline = Span.of(text, 0, text.index(" - "))
    article = run_stages(article, nlp(article.text))
    assert not any(q.speaker and q.speaker.text == "KYIV" for q in article.quotes)


def test_a_quote_before_the_dateline_is_kept(nlp):
    from dateline.model import RawDocument, Source, Span
    from dateline.pipeline import annotate as run_stages
    from dateline.structure import build_article

    text = ("Kremlin says it will answer the new sanctions\n\n"
            "MOSCOW, Dec 4 (Wire) - Spokeswoman Irina Volkova said on Wednesday that Russia would respond in kind.")
    article = build_article(RawDocument(source=Source(format="text"), content=text))
    start = text.index("MOSCOW")
    article.structure.dateline = Span.of(text, start, text.index(" - ") + 2)
    article = run_stages(article, nlp(article.text))
    contents = [q.content.text for q in article.quotes]
    assert contents == ["it will answer the new sanctions", "Russia would respond in kind"]


@pytest.mark.parametrize("refusal", [
    "Holm declined to comment on the closures.",
    "Holm declined to say whether the deficit would shrink next year.",
    "Holm refused to say when the new taxes would be announced.",
    "Holm declined to give details of the cuts.",
    "Holm refused to elaborate on the plan.",
])
def test_a_refusal_to_speak_reports_no_words(annotate, refusal):
    article = annotate(INTRO + refusal)
    assert article.quotes == []


@pytest.mark.parametrize("refusal, words", [
    ("Holm refused to raise taxes on pensioners.", "raise taxes"),
    ("Holm refused to disclose her tax returns to the committee.", "disclose"),
])
def test_a_refusal_to_act_or_disclose_is_still_a_stated_stance(annotate, refusal, words):
    article = annotate(INTRO + refusal)
    assert only(article.quotes, words).cue.text == "refused"


def test_of_two_subjects_the_parser_gave_the_cue_the_nearer_one_speaks(annotate):
    # the parser hangs "The raiders" on "said" as a second subject: the clause it heads is what was said
    article = annotate("The raiders, known locally as bandits, also killed two guards who tried to flee, "
                       "Kano police spokesman Aliyu Sani Bello said.")
    q = only(article.quotes, "two guards")
    assert q.speaker_name == "Aliyu Sani Bello"
    assert q.content.text.startswith("The raiders")


def test_said_in_a_statement_that(annotate):
    # the parser hangs the that-clause on "statement"; the later "it" is the speaker, not the town
    article = annotate("The Red Cross said in a statement that at least four people had been wounded by gunfire in the "
                       "northern town of Kiruna, and it urged both sides to show restraint.")
    q = only(article.quotes, "wounded")
    assert q.content.text == "at least four people had been wounded by gunfire in the northern town of Kiruna"
    assert q.speaker_name == "Red Cross"
    assert only(article.quotes, "restraint").speaker_name == "Red Cross"


def test_accused_an_object_the_parser_cut_in_two_of(annotate):
    # "Azerbaijani" and "forces" come out as two objects of "accused"
    article = annotate("Hours before the talks, the Georgian Defense Ministry accused Azerbaijani forces of firing at "
                       "Georgian posts near the village of Kvemo overnight, wounding a guard.")
    q = only(article.quotes, "firing")
    assert q.content.text.startswith("Azerbaijani forces of firing at Georgian posts")
    assert q.cue.text == "accused"


def test_content_first_with_the_cue_joined_to_its_verb(annotate):
    # the parser joins "said" to "expel" and leaves it no subject
    article = annotate("Latvia will expel two Russian diplomats, a spokesman for the Latvian Foreign Ministry, Janis Ozols, "
                       "said on Tuesday.")
    q = only(article.quotes, "diplomats")
    assert q.content.text == "Latvia will expel two Russian diplomats"
    assert q.speaker_name == "Janis Ozols"


def test_asking_not_to_be_named_is_no_quote(annotate):
    article = annotate("An oil ministry official, who asked not to be named, said the offer was being studied.")
    assert [q.content.text for q in article.quotes] == ["the offer was being studied"]


def test_a_day_after_the_cue_dates_the_saying_not_the_content(annotate):
    article = annotate("WASHINGTON (Wire) - The Pentagon said on Tuesday it would send 500 more troops to the region.")
    assert only(article.quotes, "troops").content.text == "it would send 500 more troops to the region"


def test_said_in_a_statement_carried_by_an_agency_that(annotate):
    article = annotate("The president's spokesman, Nabil Aziz, said in a statement carried by the state agency that the "
                       "talks had collapsed.")
    q = only(article.quotes, "collapsed")
    assert q.content.text == "the talks had collapsed"
    assert q.speaker_name == "Nabil Aziz"


def test_a_linking_adverb_is_the_writers_not_the_speakers(annotate):
    article = annotate(INTRO + "Separately, police detained 11 students in Vestby, the governor's office said.")
    assert only(article.quotes, "students").content.text == "police detained 11 students in Vestby"


def test_said_only_that(annotate):
    article = annotate(INTRO + "Holm said only that the deficit would shrink.")
    assert only(article.quotes, "deficit").content.text == "the deficit would shrink"
