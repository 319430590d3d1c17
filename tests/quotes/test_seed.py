"""The seed story: exactly the 13 quotes of the reference annotation, every one said by Sergey Lavrov."""

from __future__ import annotations

import json

import pytest

from dateline import contract
from dateline.evaluate.quote_match import overlap, tokens
from dateline.evaluate.seed import process_seed

pytestmark = [pytest.mark.shared, pytest.mark.slow]


@pytest.fixture(scope="module")
def seed(shared):
    gold = json.loads((shared / "seed" / "gold.json").read_text("utf-8"))["quotes"]
    return process_seed(shared), gold


def _pairs(article, gold):
    out = []
    for g in gold:
        best = max(article.quotes, key=lambda q: overlap(tokens(q.content.text), tokens(g["content"])))
        out.append((g, best, overlap(tokens(best.content.text), tokens(g["content"]))))
    return out


def test_every_gold_quote_is_found_at_overlap_08(seed):
    article, gold = seed
    for g, q, score in _pairs(article, gold):
        assert score >= 0.8, (g["content"], q.content.text)


def test_no_other_quotes(seed):
    article, gold = seed
    assert len(article.quotes) == len(gold) == 13
    assert len({q.id for _, q, _ in _pairs(article, gold)}) == 13


def test_every_speaker_is_lavrov_with_the_gold_cue(seed):
    article, gold = seed
    for g, q, _ in _pairs(article, gold):
        assert q.speaker_name == g["speaker"] == "Sergey Lavrov", q.speaker
        assert q.cue.text.lower() == g["cue"].lower()


def test_the_according_to_and_he_added_quotes(seed):
    article, _ = seed
    according = [q for q in article.quotes if q.cue.text == "According to"]
    added = [q for q in article.quotes if q.cue.text == "added"]
    assert len(according) == 1 and according[0].speaker.text == "the diplomat"
    assert len(added) == 1 and added[0].speaker.text == "He"
    assert according[0].speaker_name == added[0].speaker_name == "Sergey Lavrov"


def test_the_seed_article_satisfies_the_contract(seed):
    article, _ = seed
    assert contract.problems(article.to_dict()) == []
