"""Stores: SQLite by default, PostgreSQL for teams, one interface.

    from dateline.store import open_store
    with open_store("dateline.db") as store:          # or "postgresql://user@host/db"
        store.write_articles(articles)
        store.events(source="RUS", since="2017-01-01")
"""

from __future__ import annotations

from ..errors import StoreError
from .base import Store, WriteResult
from .query import ActorRecord, EventQuery, EventRecord, QuoteRecord, SearchHit, StoreStats

DEFAULT_DB = "dateline.db"

__all__ = ["open_store", "is_postgres_url", "Store", "StoreError", "WriteResult", "EventQuery", "EventRecord",
           "QuoteRecord", "ActorRecord", "SearchHit", "StoreStats", "DEFAULT_DB"]


def is_postgres_url(url: str) -> bool:
    """Whether a --db value names a PostgreSQL database rather than a SQLite file."""
    return url.startswith(("postgresql://", "postgres://"))


def open_store(url: str = DEFAULT_DB, *, create: bool = True, dedup: bool = True) -> Store:
    """Open (creating and migrating if needed) the store at a file path, sqlite:///path or postgresql:// URL.

    create=False refuses to make a new SQLite file (for read-only commands: a typo in --db should
    not silently give an empty store). dedup=False skips near-duplicate clustering on write.
    """
    url = str(url)
    if is_postgres_url(url):
        from .postgres import PostgresStore

        return PostgresStore(url, create=create, dedup_enabled=dedup)
    if url.startswith("sqlite:///"):
        url = url.removeprefix("sqlite:///") or ":memory:"
    if not url:
        raise StoreError("empty database path")
    from .sqlite import SQLiteStore

    return SQLiteStore(url, create=create, dedup_enabled=dedup)
