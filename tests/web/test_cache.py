"""Aggregates are remembered while the store stays the same and recomputed as soon as anything writes to it."""

from __future__ import annotations

import pytest

from dateline.model import Article
from dateline.store import open_store
from dateline.web.cache import Results

from .conftest import TOKEN, TestClient, _pg_database


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "cache.db")
    return _pg_database(request.getfixturevalue("pg_server"), f"dateline_cache_{id(request)}")


def _counting() -> tuple[list[int], object]:
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    return calls, compute


def test_an_answer_is_kept_until_another_connection_writes(empty_url: str, stories: dict[str, Article]) -> None:
    with open_store(empty_url) as served, open_store(empty_url) as other:
        results = Results(served)
        calls, compute = _counting()
        assert results.get("k", compute) == 1 and results.get("k", compute) == 1
        assert len(calls) == 1 and (results.hits, results.misses) == (1, 1)
        other.write_articles([stories["aid"]])
        assert results.get("k", compute) == 2  # the other connection's commit moved the version on
        assert results.get("k", compute) == 2 and len(calls) == 2


def test_clear_and_size_bound(tmp_path) -> None:
    with open_store(str(tmp_path / "lru.db")) as store:
        results = Results(store, size=2)
        calls, compute = _counting()
        for key in ("a", "b", "c"):
            results.get(key, compute)
        results.get("c", compute)
        assert len(calls) == 3
        results.get("a", compute)  # pushed out by c
        assert len(calls) == 4
        results.clear()
        results.get("a", compute)
        assert len(calls) == 5


def test_served_figures_follow_writes_from_another_process(tmp_path, stories: dict[str, Article]) -> None:
    from dateline.web import create_app

    path = str(tmp_path / "live.db")
    with open_store(path) as store:
        store.write_articles([stories["aid"]])
    with TestClient(create_app(path)) as client:
        before = (client.get("/api/stats").json()["articles"], client.get("/api/network").json()["total_edges"],
                  client.get("/api/timeline").json()["items"], client.get("/api/events").json()["total"])
        assert client.get("/api/stats").json()["articles"] == before[0]
        with open_store(path) as writer:
            writer.write_articles([stories["rail"]])
        after = (client.get("/api/stats").json()["articles"], client.get("/api/network").json()["total_edges"],
                 client.get("/api/timeline").json()["items"], client.get("/api/events").json()["total"])
        assert after[0] == before[0] + 1 and after[1] > before[1] and after[2] != before[2] and after[3] > before[3]
        assert client.app.state.results.hits > 0  # type: ignore[attr-defined]


def test_a_write_through_the_api_shows_at_once(writable, stories: dict[str, Article]) -> None:
    client, _ = writable
    assert client.get("/api/stats").json()["articles"] == 0
    assert client.get("/api/timeline").json()["items"] == []
    text = stories["rail"].text
    assert client.post("/api/articles", json={"text": text, "published": "2016-09-08"},
                       headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 201
    assert client.get("/api/stats").json()["articles"] == 1


def test_cached_answers_are_keyed_by_every_filter(sqlite_client: TestClient) -> None:
    every = sqlite_client.get("/api/network").json()
    conflict = sqlite_client.get("/api/network?quad_class=4").json()
    assert every != conflict
    assert sqlite_client.get("/api/network?quad_class=4&limit=1").json()["edges"] == conflict["edges"][:1]
    assert sqlite_client.get("/api/actors?limit=2&offset=2").json()["items"] == \
        sqlite_client.get("/api/actors?limit=4").json()["items"][2:]


def test_prewarm_computes_the_home_figures_at_start(sqlite_url: str) -> None:
    import time

    from dateline.web import create_app

    with TestClient(create_app(sqlite_url, prewarm=True)) as client:
        results = client.app.state.results  # type: ignore[attr-defined]
        deadline = time.monotonic() + 20
        while results.misses < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        misses = results.misses
        assert misses == 3  # stats, top actors, timeline
        assert client.get("/").status_code == 200
        assert results.misses == misses and results.hits >= 3
