"""The seed story's acceptance checks for events (issue 4), on the whole pipeline."""

from __future__ import annotations

import json

import pytest

from dateline.evaluate.events import score_seed
from dateline.evaluate.seed import process_seed

pytestmark = [pytest.mark.shared, pytest.mark.slow]


@pytest.fixture(scope="module")
def seed(shared):
    article = process_seed(shared, "2015-12-04")
    if not article.entities:
        pytest.skip("the entity stage is not in this build yet: event actors cannot be coded")
    gold = json.loads((shared / "seed" / "gold.json").read_text("utf-8"))
    return article, gold


def test_seed_gold_events(seed):
    scores, lines = score_seed(*seed)
    assert scores["events.seed.found"] >= 6 / 7, "\n".join(lines)


def test_planned_visit_is_future_and_october_visit_is_dated_to_the_month(seed):
    scores, lines = score_seed(*seed)
    assert scores["events.seed.future_mode"] == 1.0, "\n".join(lines)
    assert scores["events.seed.october_visit_date"] == 1.0, "\n".join(lines)


def test_negated_support_is_not_support(seed):
    scores, lines = score_seed(*seed)
    assert scores["events.seed.traps"] == 1.0, "\n".join(lines)
