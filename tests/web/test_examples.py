"""The bundled example articles (text, HTML, news-please JSON, JSONL) through the whole pipeline, stored and served."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from dateline.model import Article
from dateline.store import open_store

from .checks import assert_article_page
from .conftest import TestClient

pytestmark = pytest.mark.slow
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"


@pytest.fixture(scope="module")
def served(nlp, tmp_path_factory) -> Iterator[tuple[TestClient, list[Article]]]:
    from dateline.pipeline import process_paths
    from dateline.web import create_app

    if not EXAMPLES.is_dir():
        pytest.skip("examples/articles is not in this checkout")
    outcomes = list(process_paths([str(EXAMPLES)], language=nlp))
    assert outcomes and all(o.ok for o in outcomes), [str(o.error) for o in outcomes if not o.ok]
    db = str(tmp_path_factory.mktemp("examples") / "examples.db")
    with open_store(db) as store:
        store.write_articles(o.article for o in outcomes)  # type: ignore[misc]
        stored = [store.get_article(o.article.id) for o in outcomes]  # type: ignore[union-attr]
    with TestClient(create_app(db)) as client:
        yield client, [a for a in stored if a is not None]


def test_every_example_page_shows_what_was_stored(served) -> None:
    client, articles = served
    assert client.get("/api/articles").json()["total"] == len({a.id for a in articles})
    for article in articles:
        response = client.get(f"/articles/{article.id}")
        assert response.status_code == 200
        assert_article_page(response.text, article)


def test_example_events_reach_the_event_views(served) -> None:
    client, articles = served
    mentions = sum(len(a.events) for a in articles)
    assert client.get("/api/events?all_mentions=true").json()["total"] == mentions
    coded = sum(1 for a in articles for v in a.events if v.source and v.source.code and v.target and v.target.code)
    network = client.get("/api/network?all_mentions=true&limit=500").json()
    assert sum(e["events"] for e in network["edges"]) == coded
    for page in ("/", "/events", "/actors", "/network", "/quotes"):
        assert client.get(page).status_code == 200
