"""Reporting clauses set apart from what was said (parenthetical, as-clauses), and which clause a cue reports."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from dateline.quotes import view as view_module
from dateline.quotes.indirect import _misparsed_clause

from .conftest import only

pytestmark = pytest.mark.slow

INTRO = "Finance Minister Maria Holm presented the budget in Vestby on Monday.\n\n"


def test_as_x_put_it_before_the_clause(annotate):
    q = only(annotate(INTRO + "As Holm put it, the budget is a bet on growth.").quotes, "bet on growth")
    assert q.content.text == "the budget is a bet on growth"
    assert q.cue.text == "put it" and q.rule == "indirect:as"
    assert q.speaker_name == "Maria Holm"


def test_as_x_noted_after_the_clause(annotate):
    q = only(annotate(INTRO + "The deficit will shrink, as Holm noted on Monday.").quotes, "deficit")
    assert q.content.text == "The deficit will shrink"
    assert q.cue.text == "noted" and q.speaker_name == "Maria Holm"


def test_as_x_pointed_out_inside_the_clause(annotate):
    q = only(annotate(INTRO + "Inflation, as the minister pointed out, has fallen for six months.").quotes, "Inflation")
    assert q.content.text.startswith("Inflation") and q.content.text.endswith("has fallen for six months")
    assert q.speaker_name == "Maria Holm"


def test_a_temporal_as_clause_with_its_own_content_is_not_the_main_clause(annotate):
    article = annotate(INTRO + "As Holm talked about lower taxes, the opposition leader left the hall.")
    assert not any("left the hall" in q.content.text for q in article.quotes)


def test_a_parenthetical_reporting_clause_may_carry_its_own_adverb(annotate):
    article = annotate(INTRO + "The real problem, the minister said then, was that the banks had lied for years.")
    q = only(article.quotes, "banks had lied")
    assert q.cue.text == "said" and q.rule == "indirect:parenthetical"
    assert q.speaker_name == "Maria Holm"


def test_the_clause_after_the_cue_is_the_one_it_reports(annotate):
    article = annotate(INTRO + "While she acknowledged the cost was high, Holm noted that the bridge was vital for the north.")
    noted = only(article.quotes, "bridge was vital")
    assert noted.cue.text == "noted" and noted.content.text == "the bridge was vital for the north"
    acknowledged = only(article.quotes, "cost was high")
    assert acknowledged.cue.text == "acknowledged" and acknowledged.content.text == "the cost was high"


def test_said_with_an_object(annotate):
    q = only(annotate(INTRO + "Only 40 percent of voters said the same of the opposition leader.").quotes, "the same")
    assert q.content.text == "the same of the opposition leader"
    assert q.rule == "indirect:dobj"


def test_a_bare_name_as_the_object_of_a_clause_verb_is_a_misparsed_clause(nlp):
    def view(words, pos, deps, heads):
        return view_module.build(Doc(nlp.vocab, words=words, spaces=[True] * (len(words) - 1) + [False], pos=pos, deps=deps, heads=heads))

    # "Holm says Berg lied" with the parser's "Berg" as the object and "lied" hung on "says"
    assert _misparsed_clause(view(["Holm", "says", "Berg", "lied"], ["PROPN", "VERB", "PROPN", "VERB"],
                                  ["nsubj", "ROOT", "dobj", "conj"], [1, 1, 1, 1]), 1)
    # "Holm says Berg right": the object carries its predicate, a small clause worth reporting
    assert not _misparsed_clause(view(["Holm", "says", "Berg", "right"], ["PROPN", "VERB", "PROPN", "ADJ"],
                                      ["nsubj", "ROOT", "dobj", "amod"], [1, 1, 1, 2]), 1)
    assert not _misparsed_clause(view(["Holm", "said", "the", "same"], ["PROPN", "VERB", "DET", "ADJ"],
                                      ["nsubj", "ROOT", "det", "dobj"], [1, 1, 3, 1]), 1)
