"""Exports for the tools analysts already use: JSONL, CSV, Parquet and the GDELT 2.0 event table.

Everything streams from the store a chunk at a time, so a million-event export runs in constant
memory. Articles in JSONL are the full contract JSON (docs/schema.md); every other export is the
flat records of records.py, whose column types Parquet keeps exactly.
"""

from __future__ import annotations

import csv
import json
import sys
from contextlib import contextmanager
from dataclasses import asdict, fields, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Iterator

from ..errors import UsageError
from . import gdelt
from .query import EVENT_SELECT, QUOTE_SELECT, EventQuery
from .records import ArticleRecord, EventRecord, QuoteRecord, from_row, to_frame

if TYPE_CHECKING:
    from .base import Store

WHATS = ("articles", "events", "quotes")
FORMATS = ("jsonl", "csv", "parquet", "gdelt")
CHUNK = 5000
GDELT_MODES = "asserted,historical"

_ARTICLE_SELECT = (
    "SELECT a.id AS article_id, a.url, a.path, a.domain, a.site, a.title, a.author, a.published, a.published_from, "
    "a.dateline_place, a.dateline_agency, a.cluster_id, a.added, "
    "(SELECT COUNT(*) FROM entities x WHERE x.article_id = a.id) AS entities, "
    "(SELECT COUNT(*) FROM quotes x WHERE x.article_id = a.id) AS quotes, "
    "(SELECT COUNT(*) FROM events x WHERE x.article_id = a.id) AS events, a.text FROM articles a ORDER BY a.pk")


def iter_events(store: Store, query: EventQuery | None = None) -> Iterator[EventRecord]:
    """Every event matching the query, oldest stored first (once per cluster when dedup)."""
    q = query or EventQuery()
    where, params = store._where(q)
    sql = f"SELECT {EVENT_SELECT} FROM events e JOIN articles a ON a.id = e.article_id WHERE {where} ORDER BY e.pk"
    return (from_row(EventRecord, r) for r in store._stream(sql, params, CHUNK))


def iter_quotes(store: Store) -> Iterator[QuoteRecord]:
    """Every quote, in stored order."""
    sql = f"SELECT {QUOTE_SELECT} FROM quotes q JOIN articles a ON a.id = q.article_id ORDER BY q.pk"
    return (from_row(QuoteRecord, r) for r in store._stream(sql, (), CHUNK))


def iter_article_records(store: Store) -> Iterator[ArticleRecord]:
    """Every article's metadata and counts, in stored order."""
    return (from_row(ArticleRecord, r) for r in store._stream(_ARTICLE_SELECT, (), CHUNK))


@contextmanager
def _text_out(out: str | Path | IO[str]) -> Iterator[IO[str]]:
    if hasattr(out, "write"):
        yield out  # type: ignore[misc]
    elif str(out) == "-":
        yield sys.stdout
    else:
        with open(out, "w", encoding="utf-8", newline="") as handle:
            yield handle


def _write_jsonl(records: Iterator[Any], out: IO[str]) -> int:
    n = 0
    for rec in records:
        payload = rec.to_dict() if hasattr(rec, "to_dict") else asdict(rec)
        out.write(json.dumps(payload, ensure_ascii=False) + "\n")
        n += 1
    return n


def _write_csv(records: Iterator[Any], cls: type, out: IO[str]) -> int:
    writer = csv.writer(out)
    names = [f.name for f in fields(cls)]
    writer.writerow(names)
    n = 0
    for rec in records:
        writer.writerow(["" if getattr(rec, f) is None else getattr(rec, f) for f in names])
        n += 1
    return n


def _write_parquet(records: Iterator[Any], cls: type, out: str | Path) -> int:
    """Row groups of CHUNK records; pandas metadata rides along so nullable dtypes read back as written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer: Any = None
    n = 0
    batch: list[Any] = []

    def flush() -> None:
        nonlocal writer
        table = pa.Table.from_pandas(to_frame(batch, cls), preserve_index=False)
        if writer is None:
            writer = pq.ParquetWriter(str(out), table.schema, compression="zstd")
        writer.write_table(table)

    try:
        for rec in records:
            batch.append(rec)
            n += 1
            if len(batch) >= CHUNK:
                flush()
                batch = []
        if batch or writer is None:
            flush()
    finally:
        if writer is not None:
            writer.close()
    return n


def _write_gdelt(records: Iterator[EventRecord], out: IO[str]) -> int:
    n = 0
    for rec in records:
        out.write(gdelt.line(rec) + "\n")
        n += 1
    return n


def export(store: Store, what: str, fmt: str, out: str | Path | IO[str], query: EventQuery | None = None) -> int:
    """Write articles, events or quotes to `out` (a path, '-' for stdout, or an open text file); returns rows.

    Events follow `query` (default: every mention, no dedup); the GDELT table is always one row per
    event per near-duplicate cluster, with NumMentions/NumSources/NumArticles filled in, and holds
    only asserted and historical events unless the query names modes (negated, future and
    hypothetical events did not happen, and GDELT has no column to say so).
    """
    if what not in WHATS:
        raise UsageError(f"cannot export {what!r} (one of {', '.join(WHATS)})")
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    if fmt == "gdelt" and what != "events":
        raise UsageError("the GDELT format holds events only (use --what events)")
    if fmt == "parquet" and (hasattr(out, "write") or str(out) == "-"):
        raise UsageError("Parquet needs a file name, not standard output")
    q = query or EventQuery(dedup=False, limit=None)
    if fmt == "gdelt":  # GDELT has no modes: unless asked otherwise, only what is said to have happened
        q = replace(q, dedup=True, mode=q.mode or GDELT_MODES)
    records: Iterator[Any]
    cls: type
    if what == "events":
        records, cls = iter_events(store, q), EventRecord
    elif what == "quotes":
        records, cls = iter_quotes(store), QuoteRecord
    elif fmt == "jsonl":
        records, cls = store.iter_articles(), ArticleRecord
    else:
        records, cls = iter_article_records(store), ArticleRecord
    if fmt == "parquet":
        return _write_parquet(records, cls, out)  # type: ignore[arg-type]
    with _text_out(out) as handle:
        if fmt == "jsonl":
            return _write_jsonl(records, handle)
        if fmt == "csv":
            return _write_csv(records, cls, handle)
        return _write_gdelt(records, handle)
