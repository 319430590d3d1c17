"""Quotes: direct, indirect and mixed quotations with cue, speaker and resolved speaker entity."""

from __future__ import annotations

from spacy.tokens import Doc

from .model import Article, Quote


def find_quotes(doc: Doc, article: Article) -> list[Quote]:
    """Every quotation in the article, each with its speaker resolved to an entity."""
    return []  # issue 3 builds this
