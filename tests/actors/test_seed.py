"""The seed article: the entities issue 3 names, coded as the gold annotation codes them."""

from __future__ import annotations

import pytest

from dateline import contract
from dateline.actors import find_entities
from dateline.evaluate.actors import score_seed
from dateline.model import RawDocument, Source
from dateline.structure import build_article

pytestmark = [pytest.mark.shared, pytest.mark.slow]


@pytest.fixture(scope="module")
def seed(shared, nlp):
    path = shared / "seed" / "000_f7ddba212c609172.txt"
    article = build_article(RawDocument(source=Source(path=str(path)), content=path.read_text(encoding="utf-8")), published="2015-12-04")
    article.entities = find_entities(nlp(article.text), article)
    return article


def entity(article, name):
    found = [e for e in article.entities if e.name == name]
    assert len(found) == 1, [e.name for e in article.entities]
    return found[0]


@pytest.mark.parametrize(
    ("name", "code", "role"),
    [
        ("Sergey Lavrov", "RUSGOV", "Foreign Minister"),
        ("Aleksandar Vucic", "SRBGOV", "Prime Minister"),
        ("Dmitry Medvedev", "RUSGOV", "Prime Minister"),
        ("Russia", "RUS", None),
        ("Serbia", "SRB", None),
        ("Serbian parliamentarians", "SRBLEG", None),
        ("TASS", "RUSMED", None),
        ("Moscow", "RUS", None),
    ],
)
def test_seed_entities_and_codes(seed, name, code, role) -> None:
    e = entity(seed, name)
    assert e.actor.code == code
    if role:
        assert e.actor.role == role


def test_pace_and_its_long_name_are_one_igo_entity(seed) -> None:
    pace = entity(seed, "Parliamentary Assembly of the Council of Europe")
    assert pace.actor.code.startswith("IGO")
    assert {m.text for m in pace.mentions} == {"Parliamentary Assembly of the Council of Europe", "PACE"}


def test_every_lavrov_mention_is_grouped(seed) -> None:
    lavrov = entity(seed, "Sergey Lavrov")
    texts = [m.text for m in lavrov.mentions]
    assert texts.count("Sergey Lavrov") == 2 and texts.count("Lavrov") >= 5
    assert not any(e.name == "Lavrov" for e in seed.entities)


def test_seed_article_keeps_the_contract(seed) -> None:
    assert contract.problems(seed.to_dict()) == []


def test_seed_gold_entities_found_with_their_codes(shared, nlp) -> None:
    scores = score_seed(nlp, shared)
    assert scores["gold_entities"] == 18
    assert scores["found_with_code"] >= 16
