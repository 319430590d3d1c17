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


def test_a_quotation_resumes_the_direct_quote_not_the_aside_after_it(annotate):
    article = annotate(
        "Finance Minister Maria Holm presented the budget in Vestby on Monday.\n\n"
        '"You cannot fix a bridge if you do not know where it cracks," Holm said, emphasizing why the old reports '
        'matter. "What we need is a full survey. It is that simple."'
    )
    q = only(article.quotes, "full survey")
    assert q.rule == "direct:continuation"
    assert q.cue.text == "said" and q.speaker_name == "Maria Holm"


def _view(nlp, words, pos, deps, heads, spaces=None):
    from spacy.tokens import Doc

    from dateline.quotes import view as view_module

    spaces = spaces or [not (w.isspace() or n + 1 < len(words) and words[n + 1].isspace()) for n, w in enumerate(words)]
    return view_module.build(Doc(nlp.vocab, words=words, spaces=spaces, pos=pos, deps=deps, heads=heads))


def test_a_subject_across_a_line_break_is_not_the_speaker(nlp):
    from dateline.quotes.cues import lexicon
    from dateline.quotes.speakers import speaker_of

    # a time stamp line the parser made the subject of the next paragraph's cue
    v = _view(nlp, ["12:15", "p.m.", "\n\n", "Holm", "says", "taxes", "rise", "."],
              ["NUM", "NOUN", "SPACE", "PROPN", "VERB", "NOUN", "VERB", "PUNCT"],
              ["nummod", "nsubj", "dep", "npadvmod", "ROOT", "nsubj", "ccomp", "punct"], [1, 4, 1, 4, 4, 6, 4, 4])
    sp = speaker_of(v, 4, lexicon()["says"][0])
    assert sp is not None and v.words[sp.head] == "Holm"


def test_a_subject_before_a_colon_is_not_the_speaker(nlp):
    from dateline.quotes.cues import lexicon
    from dateline.quotes.speakers import speaker_of

    # "The Latest: Holm urges ..." with "Latest" taken as the subject
    v = _view(nlp, ["The", "Latest", ":", "Holm", "urges", "calm"], ["DET", "ADJ", "PUNCT", "PROPN", "VERB", "NOUN"],
              ["det", "nsubj", "punct", "npadvmod", "ROOT", "dobj"], [1, 4, 4, 4, 4, 4])
    sp = speaker_of(v, 4, lexicon()["urges"][0])
    assert sp is not None and v.words[sp.head] == "Holm"


def test_a_colon_or_full_stop_inside_quoted_words_is_no_boundary(nlp):
    from dateline.quotes.speakers import _boundary

    words = ["Holm", "said", ":", '"', "Yes", ".", "Now", ",", '"', "adding", "more"]
    v = _view(nlp, words, ["PROPN", "VERB", "PUNCT", "PUNCT", "INTJ", "PUNCT", "ADV", "PUNCT", "PUNCT", "VERB", "ADJ"],
              ["nsubj", "ROOT", "punct", "punct", "ccomp", "punct", "advmod", "punct", "punct", "advcl", "dobj"],
              [1, 1, 1, 1, 1, 1, 9, 1, 1, 1, 9])
    assert not _boundary(v, 0, 9)
    assert _boundary(v, 0, 4) is False and _boundary(_view(nlp, ["Latest", ":", "Holm", "urges"], ["ADJ", "PUNCT", "PROPN", "VERB"],
                                                            ["nsubj", "punct", "npadvmod", "ROOT"], [3, 3, 3, 3]), 0, 3)


def test_adding_after_a_quotation_is_said_by_the_one_quoted(annotate):
    article = annotate("Finance Minister Maria Holm presented the budget on Monday.\n\n"
                       'In a statement, Holm said: "The line was a great success," adding that the tracks would be '
                       "repaired by June.")
    quoted, added = only(article.quotes, "great success"), only(article.quotes, "tracks")
    assert quoted.kind == "direct" and quoted.speaker_name == "Maria Holm"
    assert added.cue.text == "adding" and added.speaker_name == "Maria Holm"
    assert added.content.text == "the tracks would be repaired by June"


def test_a_plural_possessive_is_no_quotation_mark(nlp):
    from dateline.quotes.speakers import _quoted_between

    words = ["the", "farmers", "’", "union", "says", "so"]
    v = _view(nlp, words, ["DET", "NOUN", "PART", "NOUN", "VERB", "ADV"], ["det", "poss", "case", "nsubj", "ROOT", "advmod"],
              [1, 3, 1, 4, 4, 4], spaces=[True, False, True, True, True, False])
    assert not _quoted_between(v, 0, 4)
