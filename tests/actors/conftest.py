"""Helpers for the actor tests: parse a small text into an Article and its Doc."""

from __future__ import annotations

import pytest

from dateline.model import RawDocument, Source
from dateline.structure import build_article


@pytest.fixture
def parse(nlp):
    """parse(text, published=None) -> (article, doc) for a text we wrote."""

    def _parse(text: str, published: str | None = None):
        article = build_article(RawDocument(source=Source(format="text"), content=text), published=published)
        return article, nlp(article.text)

    return _parse


@pytest.fixture
def phrase(nlp):
    """phrase(text, words=None) -> the spaCy Span of `words` inside the parsed `text` (the whole text when None)."""

    def _phrase(text: str, words: str | None = None):
        doc = nlp(text)
        if words is None:
            return doc[:]
        start = text.index(words)
        span = doc.char_span(start, start + len(words), alignment_mode="expand")
        assert span is not None
        return span

    return _phrase
