"""`dateline export`: articles, events or quotes to JSONL, CSV, Parquet, or the GDELT 2.0 event table."""

from __future__ import annotations

from typing import Any

import click

from ..errors import UsageError
from ..store.export import FORMATS, WHATS, export as run_export
from .query import db_option, event_filter_options, event_query, reader

_SUFFIXES = {".jsonl": "jsonl", ".json": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}


@click.command()
@click.argument("out", metavar="OUT")
@click.option("--what", type=click.Choice(WHATS), default="events", show_default=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS),
              help="jsonl, csv, parquet or gdelt (default: from OUT's suffix).")
@event_filter_options
@click.option("--dedup", is_flag=True, help="Events once per near-duplicate cluster, with article/source counts "
                                            "(always so for --format gdelt).")
@db_option
def export(out: str, what: str, fmt: str | None, dedup: bool, db: str, **filters: Any) -> None:
    """Write the store's articles, events or quotes to OUT ('-' for standard output).

    \b
    --format gdelt writes the GDELT 2.0 event table: 61 tab-separated columns, no header row.
    Event filters (--source, --since, ...) narrow --what events.
    """
    fmt = fmt or next((f for s, f in _SUFFIXES.items() if out.lower().endswith(s)), None)
    if fmt is None:
        raise UsageError(f"cannot tell the format from {out!r}: give --format jsonl|csv|parquet|gdelt")
    filters["all_mentions"] = not dedup
    query = event_query(filters)
    if what != "events" and any(v for k, v in filters.items() if k != "all_mentions"):
        raise UsageError("event filters only apply to --what events")
    with reader(db) as store:
        rows = run_export(store, what, fmt, out, query)
    if out != "-":
        click.echo(f"wrote {rows:,} {what if rows != 1 else what[:-1]} to {out} ({fmt})", err=True)


commands = [export]
