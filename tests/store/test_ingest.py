"""Real ingests: a run killed half-way and rerun stores every article once; the bench corpus gives
the same counts in SQLite and PostgreSQL, and processing it again changes none."""

from __future__ import annotations

import dataclasses
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dateline.store import Store, open_store

_PLACES = ["Ostrava", "Tartu", "Split", "Kaunas", "Plovdiv", "Gdansk", "Cluj", "Ohrid", "Varna", "Bitola"]
_VERBS = ["met", "criticised", "praised", "urged", "warned", "thanked", "visited", "called"]
_NOUNS = ["council", "ministry", "union", "port authority", "court", "assembly", "commission", "governor"]


def _story(n: int) -> str:
    """A short wire item of our own, different for every n."""
    rng = random.Random(n)
    place, other = rng.sample(_PLACES, 2)
    sentences = [f"{place.upper()}, June {n % 28 + 1} - The {rng.choice(_NOUNS)} of {place} {rng.choice(_VERBS)} "
                 f"the {rng.choice(_NOUNS)} of {other} on item {n}, officials said."]
    for _ in range(4):
        sentences.append(f"The {rng.choice(_NOUNS)} {rng.choice(_VERBS)} the {rng.choice(_NOUNS)} in "
                         f"{rng.choice(_PLACES)} about case {rng.randint(1, 10**6)}.")
    return f"{place} {rng.choice(_NOUNS)} {rng.choice(_VERBS)} {other} (item {n})\n\n" + " ".join(sentences) + "\n"


def _ingest(folder: Path, db: str) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-c", "from dateline.cli import run; run()", "process", str(folder), "--db", db]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _count(db: str) -> int:
    try:
        with open_store(db, create=False) as store:
            return store._one("SELECT COUNT(*) FROM articles")[0]
    except Exception:  # not created yet, or mid-migration
        return 0


def _check_rows_match_json(store: Store) -> None:
    """Every article's rows are all there, once: a killed batch left no half-written article."""
    for article in store.iter_articles():
        for table, expected in (("entities", len(article.entities)), ("quotes", len(article.quotes)),
                                ("events", len(article.events))):
            assert store._one(f"SELECT COUNT(*) FROM {table} WHERE article_id = ?", (article.id,))[0] == expected


@pytest.mark.slow
def test_killed_ingest_rerun_stores_every_article_once(store_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    total = 240
    for n in range(total):
        (folder / f"story-{n:03d}.txt").write_text(_story(n), "utf-8")
    proc = _ingest(folder, store_url)
    deadline = time.monotonic() + 300
    seen = 0
    while time.monotonic() < deadline and proc.poll() is None:
        seen = _count(store_url)
        if seen > 0:
            break
        time.sleep(0.02)
    assert proc.poll() is None, f"the ingest ended before it could be killed: {proc.stderr.read().decode()[-2000:]}"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _count(store_url)
    assert 0 < partial < total, partial  # killed half-way

    rerun = _ingest(folder, store_url)
    _, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err.decode()[-2000:]
    with open_store(store_url) as store:
        rows = store._all("SELECT id, COUNT(*) FROM articles GROUP BY id")
        assert len(rows) == total and all(n == 1 for _, n in rows)
        assert {a.source.path for a in store.iter_articles()} == {str(p) for p in folder.iterdir()}
        _check_rows_match_json(store)
        if store.backend == "sqlite":
            assert store._one("PRAGMA integrity_check")[0] == "ok"
            store._run("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")


def _counts(store: Store) -> dict[str, int]:
    stats = store.stats()
    return {"articles": stats.articles, "clusters": stats.clusters, "entities": stats.entities,
            "mentions": stats.mentions, "quotes": stats.quotes, "events": stats.events,
            "events_distinct": stats.events_distinct}


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.postgres
def test_bench_corpus_counts_agree_across_backends_and_reruns(shared: Path, pg_url: str, tmp_path: Path) -> None:
    from dateline.pipeline import process_paths

    folder = shared / "bench" / "news-please"
    if not folder.is_dir():
        pytest.skip("../shared/bench/news-please is not present")
    articles = [o.article for o in process_paths([str(folder)]) if o.article is not None]
    assert articles
    with open_store(str(tmp_path / "bench.db")) as lite, open_store(pg_url) as pg:
        for start in range(0, len(articles), 32):  # the batches `dateline process` writes
            lite.write_articles(articles[start:start + 32])
            pg.write_articles(articles[start:start + 32])
        first = _counts(lite)
        assert first == _counts(pg)
        assert first["articles"] == len({a.id for a in articles})
        assert first["events"] == sum(len(a.events) for a in {a.id: a for a in articles}.values())
        lite.write_articles(articles)  # processing it a second time
        pg.write_articles(articles)
        assert _counts(lite) == first == _counts(pg)
        assert lite.count_events() == pg.count_events()
        lite_actors, pg_actors = lite.actors(50), pg.actors(50)
        exact = [dataclasses.replace(a, mean_goldstein=None) for a in lite_actors]
        assert exact == [dataclasses.replace(a, mean_goldstein=None) for a in pg_actors]
        assert [a.mean_goldstein for a in lite_actors] == pytest.approx([a.mean_goldstein for a in pg_actors])
