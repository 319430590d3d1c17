"""The store interface both backends share: connection, transactions, writing and reading articles.

Backends differ only in how they connect, their placeholder style, full-text search and how a
write transaction starts; every table, row and query is shared (rows.py, query.py, migrate.py).
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, ClassVar, Iterable, Iterator, Sequence

from ..errors import StoreError
from ..model import Article
from . import dedup
from .query import FtsMatch, QueryMixin
from .rows import ARTICLE_COLUMNS, ENTITY_COLUMNS, EVENT_COLUMNS, MENTION_COLUMNS, QUOTE_COLUMNS, article_rows, unpack

CHILD_TABLES = ("entities", "mentions", "quotes", "events")


@dataclass(slots=True)
class WriteResult:
    """What one write_articles call stored: how many articles were new or replaced, and their parts."""

    articles: int = 0
    new: int = 0
    replaced: int = 0
    entities: int = 0
    quotes: int = 0
    events: int = 0


def _insert(table: str, columns: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


_UPSERT_ARTICLE = (_insert("articles", (*ARTICLE_COLUMNS, "cluster_id"))
                   + " ON CONFLICT (id) DO UPDATE SET "
                   + ", ".join(f"{c} = excluded.{c}" for c in ARTICLE_COLUMNS if c not in ("id", "added")))


class Store(QueryMixin, ABC):
    """A dateline store; use as a context manager, write with write_articles, read with the query methods."""

    backend: ClassVar[str]
    ilike: ClassVar[str] = "LIKE"

    def __init__(self, url: str, display: str | None = None, dedup_enabled: bool = True,
                 migrate_to: int | None = None) -> None:
        self.url = url
        self.display = display or url
        self.dedup_enabled = dedup_enabled
        self.wrote = False  # whether this connection has written (SQLite refreshes statistics on close)
        self._lock = threading.RLock()
        self._conn: Any = None
        self._conn = self._guard(self._connect)
        from .migrate import migrate

        try:
            migrate(self, migrate_to)  # migrate_to: tools and tests only; an old schema cannot be written
        except BaseException:
            self.close()
            raise

    # -- what each backend provides -------------------------------------------------------------
    @abstractmethod
    def _connect(self) -> Any:
        """Open the DB-API connection (autocommit; transactions are explicit)."""

    @abstractmethod
    def _begin(self) -> None:
        """Start a write transaction; writers are serialised, so each sees the others' near-duplicates
        and two processes never migrate at once."""

    @abstractmethod
    def _tables(self) -> set[str]:
        """Names of the tables in the database, to tell an empty database from someone else's."""

    @abstractmethod
    def _run_script(self, sql: str) -> None:
        """Run a migration file's statements inside the current transaction."""

    @abstractmethod
    def fts_join(self, table: str, alias: str, text: str) -> FtsMatch:
        """Full-text match of `text` on articles or quotes (aliased `alias`) in this backend's dialect."""

    def _q(self, sql: str) -> str:
        """The SQL in this backend's placeholder style (written with `?`)."""
        return sql

    def _errors(self) -> tuple[type[BaseException], ...]:
        return ()

    # -- errors ------------------------------------------------------------------------------------
    def _fail(self, exc: BaseException, doing: str) -> StoreError:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        return StoreError(f"{doing} failed ({reason})", input=self.display)

    def _guard(self, fn: Any, *args: Any, doing: str = "database access") -> Any:
        try:
            return fn(*args)
        except StoreError:
            raise
        except self._errors() as exc:
            raise self._fail(exc, doing) from None

    # -- statement helpers (all SQL is written with ? placeholders) -------------------------------
    @property
    def _c(self) -> Any:
        """The live connection (a closed store says so instead of failing somewhere deeper)."""
        if self._conn is None:
            raise StoreError("the store is closed", input=self.display)
        return self._conn

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._guard(lambda: self._c.execute(self._q(sql), params).fetchall())

    def _one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        with self._lock:
            return self._guard(lambda: self._c.execute(self._q(sql), params).fetchone())

    def _run(self, sql: str, params: Sequence[Any] = ()) -> None:
        with self._lock:
            self._guard(lambda: self._c.execute(self._q(sql), params))

    def _many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:
            with self._lock:
                self._guard(lambda: self._c.cursor().executemany(self._q(sql), rows))

    def _dicts(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows as dicts keyed by column name."""
        def go() -> list[dict[str, Any]]:
            cur = self._c.execute(self._q(sql), params)
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row)) for row in cur.fetchall()]

        with self._lock:
            return self._guard(go)

    def _stream(self, sql: str, params: Sequence[Any] = (), size: int = 2000) -> Iterator[dict[str, Any]]:
        """Rows as dicts, fetched a chunk at a time so exports run in constant memory."""
        cur = self._guard(lambda: self._c.execute(self._q(sql), params))
        names = [d[0] for d in cur.description]
        while True:
            chunk = self._guard(lambda: cur.fetchmany(size))
            if not chunk:
                return
            for row in chunk:
                yield dict(zip(names, row))

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One atomic unit: everything inside commits together or not at all."""
        with self._lock:
            self._guard(self._begin, doing="starting a transaction")
            try:
                yield
            except BaseException:
                try:
                    self._c.execute("ROLLBACK")
                except Exception:  # the connection may already be gone; the error below says why
                    pass
                raise
            self._guard(lambda: self._c.execute("COMMIT"), doing="commit")

    # -- lifecycle ---------------------------------------------------------------------------------
    def close(self) -> None:
        """Close the connection (safe to call twice)."""
        with self._lock:
            if self._conn is not None:
                try:
                    self._conn.close()
                finally:
                    self._conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.display}>"

    # -- writing -----------------------------------------------------------------------------------
    def write_articles(self, articles: Iterable[Article]) -> WriteResult:
        """Store a batch in one transaction; an article already stored (same id) has its rows replaced."""
        batch = list(articles)
        result = WriteResult(articles=len(batch))
        if not batch:
            return result
        unique = list({a.id: a for a in batch}.values())  # the same article twice: its last version counts
        prepared = [(a, article_rows(a), dedup.signature(a.text) if self.dedup_enabled else None) for a in unique]
        ids = [a.id for a in unique]
        with self._transaction():
            known = {row[0] for start in range(0, len(ids), 500) for row in self._all(
                f"SELECT id FROM articles WHERE id IN ({', '.join('?' * len(ids[start:start + 500]))})",
                ids[start:start + 500])}
            for table in CHILD_TABLES:
                self._many(f"DELETE FROM {table} WHERE article_id = ?", [(i,) for i in ids])
            dedup.forget(self, ids)
            for article, rows, _ in prepared:
                self._run(_UPSERT_ARTICLE, (*rows.article, article.id))
            self._many(_insert("entities", ENTITY_COLUMNS), [r for _, rows, _ in prepared for r in rows.entities])
            self._many(_insert("mentions", MENTION_COLUMNS), [r for _, rows, _ in prepared for r in rows.mentions])
            self._many(_insert("quotes", QUOTE_COLUMNS), [r for _, rows, _ in prepared for r in rows.quotes])
            self._many(_insert("events", EVENT_COLUMNS), [r for _, rows, _ in prepared for r in rows.events])
            clusters = {dedup.link(self, article.id, sig) for article, _, sig in prepared}
            dedup.recount(self, clusters)
        self.wrote = True
        result.new = len(set(ids) - known)
        result.replaced = len(ids) - result.new
        result.entities = sum(len(r.entities) for _, r, _ in prepared)
        result.quotes = sum(len(r.quotes) for _, r, _ in prepared)
        result.events = sum(len(r.events) for _, r, _ in prepared)
        return result

    # -- reading articles --------------------------------------------------------------------------
    def get_article(self, article_id: str) -> Article | None:
        """The article exactly as it was written (from its stored contract JSON), or None."""
        row = self._one("SELECT document FROM articles WHERE id = ?", (article_id,))
        return unpack(row[0]) if row else None

    def has_article(self, article_id: str) -> bool:
        """Whether an article with this id is stored."""
        return self._one("SELECT 1 FROM articles WHERE id = ?", (article_id,)) is not None

    def iter_articles(self, chunk: int = 500) -> Iterator[Article]:
        """Every stored article in insertion order, a chunk at a time."""
        last = -1
        while True:
            rows = self._all("SELECT pk, document FROM articles WHERE pk > ? ORDER BY pk LIMIT ?", (last, chunk))
            if not rows:
                return
            for pk, payload in rows:
                last = pk
                yield unpack(payload)

    def optimize(self) -> None:
        """Refresh the planner's statistics (worth running after a large ingest)."""
        self._run("ANALYZE")

    def schema_version(self) -> int:
        """The schema version this database is at."""
        row = self._one("SELECT MAX(version) FROM schema_version")
        return int(row[0]) if row and row[0] is not None else 0
