"""Golden files: the entities of each example article, exactly as recorded (regenerate with UPDATE_GOLDEN=1)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dateline import contract
from dateline.actors import find_entities
from dateline.errors import DatelineError
from dateline.model import to_jsonable
from dateline.read import read_inputs
from dateline.structure import build_article

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "examples" / "articles"
GOLDEN = Path(__file__).resolve().parent / "golden"
TODAY = date(2026, 11, 27)  # the structure stage infers years from "today"


def _entities(nlp) -> dict[str, list]:
    out = {}
    for raw in read_inputs([str(ARTICLES)]):
        assert not isinstance(raw, DatelineError), raw
        article = build_article(raw, today=TODAY)
        article.entities = find_entities(nlp(article.text), article)
        contract.check(article.to_dict())
        name = Path(raw.source.path).name.replace(":", "-")
        out[name] = to_jsonable(article.entities)
    return out


def test_example_entities_match_their_golden_files(nlp, golden) -> None:
    golden(GOLDEN, _entities(nlp))
