"""Helpers for the quote tests: run the whole language side on a text we wrote, and check the JSON contract."""

from __future__ import annotations

import pytest

from dateline import contract
from dateline.model import Article, Quote
from dateline.pipeline import process_text


@pytest.fixture
def annotate(nlp):
    """annotate(text) -> the processed Article, whose JSON form must satisfy the contract."""

    def _annotate(text: str) -> Article:
        article = process_text(text, language=nlp)
        assert contract.problems(article.to_dict()) == []
        return article

    return _annotate


def only(quotes: list[Quote], words: str) -> Quote:
    """The one quote whose content holds these words."""
    found = [q for q in quotes if words in q.content.text]
    assert len(found) == 1, [q.content.text for q in quotes]
    return found[0]
