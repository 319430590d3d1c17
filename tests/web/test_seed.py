"""The seed story, processed by the whole pipeline, stored and served: its page shows every quote with its
speaker and every event the store holds (this tightens by itself as the quote and event stages improve)."""

from __future__ import annotations

import html
import re
from typing import Iterator

import pytest

from dateline.model import Article
from dateline.store import open_store
from dateline.web.highlight import event_label, speaker_of

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


def test_seed_page_shows_every_quote_with_its_speaker(seeded) -> None:
    client, article = seeded
    page = client.get(f"/articles/{article.id}").text
    shown = [html.unescape(s) for s in re.findall(r'<span class="tag tag-quote" data-ann="q\d+">([^<]*)</span>', page)]
    assert shown == [speaker_of(article, q) or "?" for q in sorted(article.quotes, key=lambda q: q.content.end)]
    for quote in article.quotes:
        highlighted = re.findall(rf'<span class="hl [^"]*r-content[^"]*" data-ann="[^"]*\b{quote.id}\b[^"]*"'
                                 rf' title="[^"]*" tabindex="0">([^<]*)</span>', page)
        assert html.unescape("".join(highlighted)) == quote.content.text
    lavrov = [q for q in article.quotes if speaker_of(article, q) == "Sergey Lavrov"]
    assert shown.count("Sergey Lavrov") == len(lavrov)
    if article.quotes:  # once the quote stage has landed, the seed's speaker must be found
        assert lavrov, [speaker_of(article, q) for q in article.quotes]
    assert f"Quotes ({len(article.quotes)})" in page


def test_seed_page_lists_every_event(seeded) -> None:
    client, article = seeded
    page = client.get(f"/articles/{article.id}").text
    rows = re.findall(r'<tr id="(v\d+)" class="event-row"', page)
    assert rows == [v.id for v in article.events]
    for event in article.events:
        assert f'data-ann="{event.id}">{html.escape(event_label(event))}</span>' in page
        assert html.escape(event.rule) in page
    assert f"Events ({len(article.events)})" in page


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
