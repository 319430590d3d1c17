"""The embedded SQLite backend: one file, WAL journal, FTS5 full-text search."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from ..errors import StoreError
from .base import Store
from .query import FtsMatch

_FTS_TABLES = {"articles": "articles_fts", "quotes": "quotes_fts"}
# What a user types, as an FTS5 query with the meaning PostgreSQL's websearch_to_tsquery gives it:
# words must all appear, "quoted phrases" as phrases, OR between two terms means either, -word
# excludes; punctuation is dropped so that a search is never an FTS5 syntax error.
_TOKENS = re.compile(r'-?"[^"]*"?|\S+')
_WORD = re.compile(r"\w+")


def _phrase(text: str) -> str | None:
    words = _WORD.findall(text)
    return '"' + " ".join(words) + '"' if words else None


def to_fts5(query: str) -> str | None:
    """An FTS5 MATCH expression for a web-search style query (None when nothing searchable is left)."""
    positive: list[str] = []
    negative: list[str] = []
    pending_or = False
    for token in _TOKENS.findall(query):
        if token == "OR":
            pending_or = bool(positive)
            continue
        exclude = token.startswith("-") and len(token) > 1
        phrase = _phrase(token[1:] if exclude else token)
        if phrase is None:
            continue
        if exclude:
            negative.append(phrase)
        elif pending_or:
            positive[-1] = f"({positive[-1]} OR {phrase})"
            pending_or = False
        else:
            positive.append(phrase)
    if not positive:
        return None
    expr = " AND ".join(positive)
    for phrase in negative:
        expr = f"({expr}) NOT {phrase}"
    return expr


class SQLiteStore(Store):
    """A dateline store in one SQLite file (or ':memory:')."""

    backend = "sqlite"
    ilike = "LIKE"  # SQLite's LIKE ignores ASCII case already

    def __init__(self, path: str, create: bool = True, dedup_enabled: bool = True,
                 migrate_to: int | None = None) -> None:
        self.path = path
        if path != ":memory:":
            file = Path(path)
            if file.is_dir():
                raise StoreError("is a directory, not a database file", input=path)
            if not file.exists():
                if not create:
                    raise StoreError("no such database (write one first with `dateline process ... --db PATH`)",
                                     input=path)
                if not file.parent.exists():
                    raise StoreError(f"directory {file.parent} does not exist", input=path)
        super().__init__(path, display=path, dedup_enabled=dedup_enabled, migrate_to=migrate_to)

    def _errors(self) -> tuple[type[BaseException], ...]:
        return (sqlite3.Error,)

    def _fail(self, exc: BaseException, doing: str) -> StoreError:
        if isinstance(exc, sqlite3.DatabaseError) and "not a database" in str(exc):
            return StoreError("not a SQLite database (file is not a database)", input=self.display)
        return super()._fail(exc, doing)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30.0)
        try:
            conn.execute("PRAGMA busy_timeout = 30000")
            if self.path != ":memory:":
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()
                if mode and str(mode[0]).lower() != "wal":
                    raise StoreError(f"cannot switch the journal to WAL (got {mode[0]})", input=self.path)
            # WAL + NORMAL survives a killed process; only a power cut can lose the last commits.
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA cache_size = -65536")
            conn.execute("PRAGMA temp_store = MEMORY")
            conn.execute("PRAGMA analysis_limit = 1000")  # keeps ANALYZE / PRAGMA optimize quick
        except BaseException:
            conn.close()
            raise
        return conn

    def _begin(self) -> None:
        self._conn.execute("BEGIN IMMEDIATE")

    def _tables(self) -> set[str]:
        return {r[0] for r in self._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()}

    def _run_script(self, sql: str) -> None:
        statement = ""
        for line in sql.splitlines(keepends=True):
            statement += line
            if sqlite3.complete_statement(statement):
                self._conn.execute(statement)
                statement = ""
        if statement.strip() and not all(l.strip().startswith("--") or not l.strip() for l in statement.splitlines()):
            raise StoreError("migration script ends in an unfinished statement", input=self.display)

    def fts_join(self, table: str, alias: str, text: str) -> FtsMatch:
        fts = _FTS_TABLES[table]
        expr = to_fts5(text)
        if expr is None:
            return FtsMatch("", "0 = 1", [], "NULL", "''")
        column = 1 if table == "articles" else 0
        return FtsMatch(f"JOIN (SELECT rowid AS hit, bm25({fts}) AS score, "
                        f"snippet({fts}, {column}, '[', ']', ' … ', 16) AS snip FROM {fts} WHERE {fts} MATCH ?) fts"
                        f" ON fts.hit = {alias}.pk", "1 = 1", [expr], "fts.score", "fts.snip")

    def close(self) -> None:
        """Close; after writing, let SQLite refresh the planner's statistics where they went stale."""
        if self.wrote and self._conn is not None:
            try:
                self._conn.execute("PRAGMA optimize")
            except sqlite3.Error:  # statistics are an optimisation; closing must not fail for them
                pass
        super().close()

    def file_size(self) -> int | None:
        """Bytes on disk (main file plus write-ahead log)."""
        if self.path == ":memory:":
            return None
        return sum(p.stat().st_size for p in (Path(self.path), Path(self.path + "-wal")) if p.exists())
