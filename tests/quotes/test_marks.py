"""Pairing quotation marks: straight and curly, nesting, apostrophes, and quotations that run over paragraphs."""

from __future__ import annotations

from dateline.quotes.marks import find_quoted


def contents(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quoted(text)]


def test_straight_marks_pair_in_order():
    text = '"We will stay," she said. "We have no choice."'
    assert contents(text) == ["We will stay,", "We have no choice."]


def test_curly_marks_with_nested_single_quotes_and_apostrophes():
    text = "He said: “The word ‘truce’ isn’t in Norland’s vocabulary.”"
    assert contents(text) == ["The word ‘truce’ isn’t in Norland’s vocabulary."]


def test_straight_outer_with_curly_inner_marks():
    text = '"The question was “will you stay?” and I said yes."'
    assert contents(text) == ["The question was “will you stay?” and I said yes."]


def test_two_apostrophes_stand_for_a_double_mark():
    text = "''It is more of the same,'' said the economist."
    assert contents(text) == ["It is more of the same,"]


def test_a_paragraph_left_open_continues_into_the_next():
    text = "“The first part runs on\n\n“and the second part ends here,” she said."
    found = find_quoted(text)
    assert [text[q.start:q.end] for q in found] == ["The first part runs on", "and the second part ends here,"]
    assert found[0].close is None and not found[0].continues
    assert found[1].continues


def test_an_unclosed_mark_stops_at_its_paragraph():
    text = 'An unclosed "mark here\n\nThe next paragraph has none.'
    found = find_quoted(text)
    assert [text[q.start:q.end] for q in found] == ["mark here"]
    assert found[0].close is None


def test_a_closing_curly_mark_used_to_open_a_paragraph():
    text = "”We are tired of waiting.” ― Ines Castell"
    assert contents(text) == ["We are tired of waiting."]


def test_possessive_apostrophe_after_s_is_no_mark():
    assert contents("The farmers’ union met on Monday.") == []
