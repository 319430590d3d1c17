"""Engine fixtures: a corpus of a few dozen documents and what a single process makes of it, computed once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.pipeline import Outcome, process_paths

from . import corpus


def summary(outcome: Outcome) -> tuple[str, str]:
    """An outcome as comparable text: the article's full JSON, or the one-line error."""
    if outcome.article is not None:
        return outcome.input, json.dumps(outcome.article.to_dict(), ensure_ascii=False, sort_keys=True)
    return outcome.input, f"error: {outcome.error}"


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test corpus (examples, generated wire stories, JSONL plain and gzip, broken files)."""
    return corpus.build(tmp_path_factory.mktemp("engine") / "corpus")


@pytest.fixture(scope="session")
def single(corpus_dir: Path, nlp) -> list[tuple[str, str]]:
    """The corpus processed the plain way, one process, in input order."""
    return [summary(o) for o in process_paths([str(corpus_dir)], language=nlp)]
