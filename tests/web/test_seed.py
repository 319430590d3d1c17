"""The seed story, processed by the whole pipeline, stored and served: its page shows every quote with its
speaker and every event the store holds (this tightens by itself as the quote and event stages improve)."""

from __future__ import annotations

from typing import Iterator

import pytest

from dateline.model import Article
from dateline.store import open_store
from dateline.web.highlight import speaker_of

from .checks import assert_article_page, speakers_shown
from .conftest import TestClient

pytestmark = [pytest.mark.shared, pytest.mark.slow]


@pytest.fixture(scope="module")
def seeded(shared, nlp, tmp_path_factory) -> Iterator[tuple[TestClient, Article]]:
    from dateline.pipeline import process_paths
    from dateline.web import create_app

    path = shared / "seed" / "000_f7ddba212c609172.txt"
    outcomes = list(process_paths([str(path)], published="2015-12-04", language=nlp))
    assert len(outcomes) == 1 and outcomes[0].ok, outcomes[0].error
    db = str(tmp_path_factory.mktemp("seed") / "seed.db")
    with open_store(db) as store:
        store.write_articles([outcomes[0].article])  # type: ignore[list-item]
        stored = store.get_article(outcomes[0].article.id)  # type: ignore[union-attr]
    assert stored is not None
    with TestClient(create_app(db)) as client:
        yield client, stored


def test_seed_page_shows_every_quote_with_its_speaker_and_every_event(seeded) -> None:
    client, article = seeded
    page = client.get(f"/articles/{article.id}").text
    assert_article_page(page, article)
    lavrov = [q for q in article.quotes if speaker_of(article, q) == "Sergey Lavrov"]
    assert speakers_shown(page).count("Sergey Lavrov") == len(lavrov)
    if article.quotes:  # once the quote stage has landed, the seed's speaker must be found
        assert lavrov, [speaker_of(article, q) for q in article.quotes]
    if article.events:  # and once the event stage has, Russia's government acts in it
        assert any("RUSGOV" in ((v.source and v.source.code), (v.target and v.target.code)) for v in article.events)


def test_seed_is_found_by_its_speaker_and_actors(seeded) -> None:
    client, article = seeded
    quotes = client.get("/api/quotes?speaker=Lavrov&all_mentions=true").json()
    assert quotes["total"] == sum(1 for q in article.quotes if "Lavrov" in (speaker_of(article, q) or ""))
    assert client.get("/api/articles/search?q=Lavrov").json()["items"][0]["article_id"] == article.id
    profile = client.get("/api/actors/RUSGOV")
    coded_events = [v for v in article.events if "RUSGOV" in ((v.source and v.source.code), (v.target and v.target.code))]
    if coded_events or any(q.speaker_entity for q in article.quotes):
        assert profile.status_code == 200
    assert {e["name"] for e in client.get(f"/api/articles/{article.id}").json()["entities"]} >= {"Sergey Lavrov", "Serbia"}
