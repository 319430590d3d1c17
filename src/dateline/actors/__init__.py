"""Actors: entities with grouped mentions and CAMEO-style actor codes."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Article, Entity


def find_entities(doc: Doc, article: Article) -> list[Entity]:
    """Entities of the article, each with its mentions and actor code."""
    return []  # issue 3 builds this
