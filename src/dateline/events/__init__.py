"""Events: who did what to whom, coded in CAMEO and PLOVER with mode, date and place."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Article, Event


def find_events(doc: Doc, article: Article) -> list[Event]:
    """Every event the article states or reports, with its evidence and rule."""
    return []  # issue 4 builds this
