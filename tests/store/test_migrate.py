"""Schema versions: databases of every earlier version, holding data, are brought to the current one intact."""

from __future__ import annotations

import sqlite3

import pytest

from dateline.errors import StoreError
from dateline.model import Article
from dateline.store import Store, open_store
from dateline.store.migrate import latest, migrations
from dateline.store.rows import (ARTICLE_COLUMNS, ENTITY_COLUMNS, EVENT_COLUMNS, MENTION_COLUMNS, QUOTE_COLUMNS,
                                 article_json, article_rows)

from .factory import run_together
from .stories import corpus

# Columns version 2 added to events; a version-1 database has none of them.
V2_EVENT_COLUMNS = ("root_code", "in_lead")


def _raw(store_url: str, version: int) -> Store:
    """A store left at an old schema version (for building the 'before' database)."""
    if store_url.startswith("postgresql://"):
        from dateline.store.postgres import PostgresStore

        return PostgresStore(store_url, migrate_to=version)
    from dateline.store.sqlite import SQLiteStore

    return SQLiteStore(store_url, migrate_to=version)


def _write_v1(store: Store, articles: list[Article]) -> None:
    """Rows as version 1 wrote them: plain JSON in `json`, no version-2 event columns."""
    keep = [i for i, c in enumerate(EVENT_COLUMNS) if c not in V2_EVENT_COLUMNS]
    v1_events = [EVENT_COLUMNS[i] for i in keep]
    document = ARTICLE_COLUMNS.index("document")
    v1_articles = [("json" if c == "document" else c) for c in ARTICLE_COLUMNS]

    def insert(table: str, columns, rows) -> None:
        store._many(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", rows)

    with store._transaction():
        for article in articles:
            rows = article_rows(article)
            row = list(rows.article)
            row[document] = article_json(article)
            insert("articles", v1_articles, [tuple(row)])
            insert("entities", ENTITY_COLUMNS, rows.entities)
            insert("mentions", MENTION_COLUMNS, rows.mentions)
            insert("quotes", QUOTE_COLUMNS, rows.quotes)
            insert("events", v1_events, [tuple(r[i] for i in keep) for r in rows.events])


def test_migration_files_for_both_backends_agree() -> None:
    sqlite_steps = [(m.version, m.name) for m in migrations("sqlite")]
    assert sqlite_steps == [(m.version, m.name) for m in migrations("postgres")]
    assert latest("sqlite") == len(sqlite_steps) >= 2


def _check_migrated(store: Store, articles: list[Article]) -> None:
    """Everything a current store promises, on rows written by an older version."""
    assert store.schema_version() == latest(store.backend)
    versions = [r[0] for r in store._all("SELECT version FROM schema_version ORDER BY version")]
    assert versions == list(range(1, latest(store.backend) + 1))
    for article in articles:  # the stored JSON survives, now packed
        assert store.get_article(article.id) == article
    events = store.events(dedup=False, limit=None)
    assert len(events) == sum(len(a.events) for a in articles)
    assert all(e.root_code == e.cameo[:2] for e in events)  # version 2, by SQL
    lead = {(e.article_id, e.event_id): e.in_lead for e in events}
    assert lead[(articles[0].id, "v1")] is True and lead[(articles[0].id, "v2")] is False  # version 2, by Python
    stats = store.stats()
    assert stats.clusters == len(articles) - 2  # near-duplicates found for rows that predate clustering
    assert [(e.num_articles, e.num_sources) for e in store.events(cameo="051")] == [(3, 2)]  # version 3
    assert stats.events_distinct == stats.events - 3
    assert {q.speaker_name for q in store.quotes(search="Kosovo")} == {"Sergei Lavrov"}  # old FTS rows still found
    store.write_articles(articles)  # re-processing after the migration changes no count
    after = store.stats()
    assert (after.articles, after.events, after.quotes, after.clusters, after.events_distinct) == \
        (stats.articles, stats.events, stats.quotes, stats.clusters, stats.events_distinct)


def test_v1_database_with_data_is_migrated(store_url: str) -> None:
    articles = corpus()
    with _raw(store_url, 1) as old:
        assert old.schema_version() == 1
        _write_v1(old, articles)
    with open_store(store_url) as store:
        _check_migrated(store, articles)


def test_v2_database_with_data_is_migrated(store_url: str) -> None:
    articles = corpus()
    with _raw(store_url, 1) as old:
        _write_v1(old, articles)
    with _raw(store_url, 2) as middle:  # as the version-2 code left it: clusters, plain JSON
        assert middle.schema_version() == 2
        assert middle._one("SELECT COUNT(DISTINCT cluster_id) FROM articles")[0] == len(articles) - 2
    with open_store(store_url) as store:
        _check_migrated(store, articles)
        columns = {d[0] for d in store._c.execute("SELECT * FROM articles LIMIT 1").description}
        assert "document" in columns and "json" not in columns


def test_opening_twice_migrates_once(store_url: str) -> None:
    with open_store(store_url):
        pass
    with open_store(store_url) as store:
        assert store._one("SELECT COUNT(*) FROM schema_version")[0] == latest(store.backend)


def test_concurrent_first_opens_create_one_schema(store_url: str) -> None:
    def opener(_: int) -> None:
        with open_store(store_url) as store:
            store.stats()

    assert run_together(opener, [1, 2, 3]) == []
    with open_store(store_url) as store:
        assert store._one("SELECT COUNT(*) FROM schema_version")[0] == latest(store.backend)


def test_newer_database_is_refused(store_url: str) -> None:
    with open_store(store_url) as store:
        with store._transaction():
            store._run("INSERT INTO schema_version (version, applied, note) VALUES (99, 'later', 'future')")
    with pytest.raises(StoreError, match="newer than this dateline"):
        open_store(store_url)


def test_someone_elses_database_is_refused(tmp_path) -> None:
    path = tmp_path / "theirs.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER)")
    with pytest.raises(StoreError, match="not a dateline database"):
        open_store(str(path))
    with sqlite3.connect(path) as conn:  # and it was left alone
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["customers"]
