"""The PostgreSQL backend for teams: the same schema, tsvector full-text search with GIN indexes."""

from __future__ import annotations

from typing import Any, Iterator, Sequence
from urllib.parse import urlsplit, urlunsplit

import psycopg

from ..errors import StoreError
from .base import Store
from .query import FtsMatch

# Any number: held by every write transaction, so concurrent writers (several processes, one
# database) see each other's articles when linking near-duplicates, as SQLite's BEGIN IMMEDIATE
# gives for free; it also keeps two processes from migrating a fresh database at once.
_WRITE_LOCK = 7_263_511


def redact(url: str) -> str:
    """The URL with its password hidden, fit for error messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username or ''}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


class PostgresStore(Store):
    """A dateline store in a PostgreSQL database (postgresql://user:pass@host:port/dbname)."""

    backend = "postgres"
    ilike = "ILIKE"

    def __init__(self, url: str, create: bool = True, dedup_enabled: bool = True,
                 migrate_to: int | None = None) -> None:
        self.create = create
        super().__init__(url, display=redact(url), dedup_enabled=dedup_enabled, migrate_to=migrate_to)

    def _errors(self) -> tuple[type[BaseException], ...]:
        return (psycopg.Error,)

    def _fail(self, exc: BaseException, doing: str) -> StoreError:
        if isinstance(exc, psycopg.OperationalError) and self._conn is None:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            return StoreError(f"cannot connect to the PostgreSQL server ({first.strip()})", input=self.display)
        return super()._fail(exc, doing)

    def _connect(self) -> psycopg.Connection[Any]:
        kwargs: dict[str, Any] = {"autocommit": True, "application_name": "dateline"}
        if "connect_timeout" not in self.url:
            kwargs["connect_timeout"] = 10
        return psycopg.connect(self.url, **kwargs)

    def _q(self, sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    def _begin(self) -> None:
        self._conn.execute("BEGIN")
        self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))

    def _tables(self) -> set[str]:
        rows = self._conn.execute("SELECT table_name FROM information_schema.tables "
                                  "WHERE table_schema = current_schema()").fetchall()
        return {r[0] for r in rows}

    def _run_script(self, sql: str) -> None:
        self._conn.execute(sql.encode())  # several statements, no parameters: sent as one simple query

    def fts_join(self, table: str, alias: str, text: str) -> FtsMatch:
        column = "text" if table == "articles" else "content"
        return FtsMatch("CROSS JOIN websearch_to_tsquery('english', ?) AS fq", f"{alias}.tsv @@ fq", [text],
                        f"-ts_rank({alias}.tsv, fq)",
                        f"ts_headline('english', {alias}.{column}, fq, "
                        "'StartSel=[, StopSel=], MaxWords=16, MinWords=8, MaxFragments=1, FragmentDelimiter=\" … \"')")

    def _stream(self, sql: str, params: Sequence[Any] = (), size: int = 2000) -> Iterator[dict[str, Any]]:
        """Rows through a server-side cursor, so a million-row export never sits in memory at once."""
        with self._lock:
            try:
                with self._conn.transaction(), self._conn.cursor(name="dateline_stream") as cur:
                    cur.execute(self._q(sql), params)
                    names = [d[0] for d in cur.description]
                    while True:
                        chunk = cur.fetchmany(size)
                        if not chunk:
                            return
                        for row in chunk:
                            yield dict(zip(names, row))
            except psycopg.Error as exc:
                raise self._fail(exc, "reading") from None
