"""POST /api/articles: off by default (403), 401 without the right token, and with it the article is processed and stored."""

from __future__ import annotations

import pytest

from dateline import contract
from dateline.store import open_store

from .conftest import TOKEN, TestClient
from .corpus import STORIES

STORY = STORIES[4]  # Ukraine, Russia and Lavrov: entities the pipeline codes
BODY = {"text": STORY.text, "published": "2016-06-20", "url": "https://www.wire-z.example/2016/06/20/story"}
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_writes_are_disabled_without_a_token(sqlite_client: TestClient) -> None:
    response = sqlite_client.post("/api/articles", json=BODY, headers=AUTH)
    assert response.status_code == 403
    assert "disabled" in response.json()["error"] and response.json()["status"] == 403


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong-token-0123456789"},
                                     {"Authorization": TOKEN}, {"Authorization": f"Basic {TOKEN}"},
                                     {"Authorization": f"Bearer {TOKEN}x"}, {"Authorization": f"Bearer {TOKEN[:-1]}"},
                                     {"Authorization": "Bearer "}])
def test_a_write_without_the_right_token_is_401(writable, headers: dict[str, str]) -> None:
    client, path = writable
    response = client.post("/api/articles", json=BODY, headers=headers)
    assert response.status_code == 401
    assert response.json()["status"] == 401 and response.headers["www-authenticate"].startswith("Bearer")
    with open_store(path) as store:
        assert store.stats().articles == 0


def test_the_token_is_checked_before_the_body(writable) -> None:
    client, _ = writable
    assert client.post("/api/articles", json={"nonsense": True}).status_code == 401


def test_a_write_with_the_token_processes_and_stores_the_article(writable) -> None:
    client, path = writable
    response = client.post("/api/articles", json=BODY, headers=AUTH)
    assert response.status_code == 201, response.text
    written = response.json()
    assert written["new"] is True and written["entities"] > 0
    assert response.headers["location"] == f"/api/articles/{written['id']}" == written["api"]
    stored = client.get(written["api"]).json()
    assert contract.problems(stored) == []
    assert stored["text"] == STORY.text.strip() and stored["published"] == "2016-06-20"
    assert stored["source"]["url"] == BODY["url"] and stored["source"]["domain"] == "wire-z.example"
    assert {e["name"] for e in stored["entities"]} >= {"Ukraine", "Russia"}
    assert len(stored["entities"]) == written["entities"] and len(stored["quotes"]) == written["quotes"]
    assert client.get("/api/articles").json()["total"] == 1
    assert client.get("/api/articles/search?q=Donetsk").json()["items"][0]["article_id"] == written["id"]
    assert client.get(written["page"]).status_code == 200
    with open_store(path) as store:
        assert store.get_article(written["id"]).to_dict() == stored  # type: ignore[union-attr]


def test_the_same_text_again_replaces_it(writable) -> None:
    client, path = writable
    first = client.post("/api/articles", json=BODY, headers=AUTH)
    again = client.post("/api/articles", json={**BODY, "published": "2016-06-21"}, headers=AUTH)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"] and again.json()["new"] is False
    with open_store(path) as store:
        assert store.stats().articles == 1
        assert store.get_article(first.json()["id"]).published == "2016-06-21"  # type: ignore[union-attr]


@pytest.mark.parametrize("body", [
    {}, {"text": ""}, {"text": "   \n "}, {"text": 42}, {"text": "x" * 200_001},
    {**BODY, "published": "June 2016"}, {**BODY, "published": "2016-02-30"},
    {**BODY, "url": "javascript:alert(1)"}, {**BODY, "url": "ftp://example.org/a"}, {**BODY, "extra": 1},
])
def test_bad_bodies_are_400(writable, body: dict) -> None:
    client, path = writable
    response = client.post("/api/articles", json=body, headers=AUTH)
    assert response.status_code == 400, response.text
    assert response.json()["status"] == 400
    with open_store(path) as store:
        assert store.stats().articles == 0


def test_not_json_is_400(writable) -> None:
    client, _ = writable
    response = client.post("/api/articles", content=b"text=hello", headers={**AUTH, "content-type": "text/plain"})
    assert response.status_code == 400


def test_bodies_over_the_limit_are_refused_unread(writable) -> None:
    client, path = writable
    huge = {"text": "word " * 250_000}  # 1.25 MB
    response = client.post("/api/articles", json=huge, headers=AUTH)
    assert response.status_code == 413 and response.json()["status"] == 413

    def chunks():
        for _ in range(40):
            yield b"x" * 50_000  # 2 MB with no Content-Length: counted as it arrives

    streamed = client.post("/api/articles", content=chunks(), headers={**AUTH, "content-type": "application/json"})
    assert streamed.status_code == 413
    with open_store(path) as store:
        assert store.stats().articles == 0
