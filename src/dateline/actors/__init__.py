"""Actors: entities with grouped mentions and CAMEO-style actor codes.

`find_entities(doc, article)` is the pipeline stage; `code_phrase(span, date)` and
`code_phrase_all(span, date)` code any noun phrase for the later stages; `use_actor_files(paths)`
adds the user's own actors (also read from $DATELINE_ACTORS, colon-separated).
"""

from __future__ import annotations

import os
from typing import Iterable

from spacy.tokens import Doc

from ..model import Article, Entity
from . import lexicon, user
from .resolve import code_phrase, code_phrase_all

__all__ = ["find_entities", "code_phrase", "code_phrase_all", "use_actor_files"]


def find_entities(doc: Doc, article: Article) -> list[Entity]:
    """Entities of the article, each with its mentions and actor code."""
    from .entities import find_entities as _find

    return _find(doc, article)


def use_actor_files(paths: Iterable[str | os.PathLike[str]] | None) -> None:
    """Use these user actor files (YAML or CSV) on top of the packaged actors; None or [] goes back to $DATELINE_ACTORS."""
    paths = list(paths or [])
    if not paths:
        lexicon.set_current(None)
        return
    lexicon.set_current(user.with_files(lexicon.base(), paths))
