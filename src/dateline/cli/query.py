"""`dateline events | quotes | actors | stats`: read a store from the terminal (tables) or scripts (JSON, CSV).

A thin layer: options become a query for the store's Python API (dateline.store.query), and the
records come back as an aligned rich table, a JSON array or CSV.
"""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import asdict, fields
from typing import Any, Callable, Sequence

import click
from rich.console import Console
from rich.table import Table

from ..store import DEFAULT_DB, EventQuery, Store, open_store
from ..store.query import QuoteQuery

FORMATS = ("table", "json", "csv")
WIDE = frozenset({"Evidence", "Quote", "Name"})


def db_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--db PATH or --db postgresql://... (also $DATELINE_DB), default ./dateline.db."""
    return click.option("--db", default=DEFAULT_DB, envvar="DATELINE_DB", show_default=True, metavar="PATH|URL",
                        help="SQLite file or postgresql://user@host/dbname (env DATELINE_DB).")(fn)


def event_filter_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """The event filters shared by `events`, `actors` and `export`."""
    options = [
        click.option("--source", metavar="CODE", help="Source actor code or its prefix, e.g. RUS or RUSGOV (comma list ok)."),
        click.option("--target", metavar="CODE", help="Target actor code or its prefix, e.g. SRB."),
        click.option("--actor", metavar="CODE", help="Either side is this actor."),
        click.option("--cameo", metavar="CODE", help="CAMEO code, '05*' for a prefix (comma list ok)."),
        click.option("--plover", metavar="TYPE", help="PLOVER event type, e.g. SUPPORT (comma list ok)."),
        click.option("--mode", metavar="MODE", help="future, negated, hypothetical, historical or asserted."),
        click.option("--quad-class", type=click.IntRange(1, 4), help="1 verbal coop .. 4 material conflict."),
        click.option("--since", metavar="DATE", help="From this day (YYYY, YYYY-MM or YYYY-MM-DD)."),
        click.option("--until", metavar="DATE", help="Up to this day, inclusive."),
        click.option("--all-mentions", is_flag=True,
                     help="One row per article mention instead of once per near-duplicate cluster."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def event_query(opts: dict[str, Any], limit: int | None = None, offset: int = 0) -> EventQuery:
    """The EventQuery for parsed command-line filters."""
    return EventQuery(source=opts.get("source"), target=opts.get("target"), actor=opts.get("actor"),
                      cameo=opts.get("cameo"), plover=opts.get("plover"), mode=opts.get("mode"),
                      quad_class=opts.get("quad_class"), since=opts.get("since"), until=opts.get("until"),
                      article=opts.get("article"), dedup=not opts.get("all_mentions"), limit=limit, offset=offset)


def reader(db: str) -> Store:
    """Open a store for reading: a SQLite path that does not exist is an error, not a new empty file."""
    return open_store(db, create=False)


def _cut(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def emit(records: Sequence[Any], fmt: str, columns: list[tuple[str, Callable[[Any], Any]]], title: str,
         record_type: type | None = None) -> None:
    """Records as a rich table (chosen columns) or, for scripts, every field as JSON or CSV."""
    if fmt == "json":
        click.echo(json.dumps([asdict(r) for r in records], ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        names = [f.name for f in fields(record_type or type(records[0]))] if (records or record_type) else []
        writer = csv.writer(sys.stdout)
        writer.writerow(names)
        for r in records:
            writer.writerow(["" if getattr(r, n) is None else getattr(r, n) for n in names])
        return
    out = console()
    cells = [[str(value) if value is not None else "" for value in (get(r) for _, get in columns)] for r in records]
    widths = [max([len(h), *(len(row[i]) for row in cells)]) for i, (h, _) in enumerate(columns)]
    wide = [i for i, (h, _) in enumerate(columns) if h in WIDE]
    # Short columns keep their full width; long text gets what is left of the line and ends in "…".
    room = out.width - sum(w for i, w in enumerate(widths) if i not in wide) - 3 * len(columns) - 1
    share = max(room // max(len(wide), 1), 16)
    table = Table(title=title, title_justify="left", header_style="bold")
    for header, _ in columns:
        table.add_column(header, no_wrap=header not in WIDE, overflow="fold")
    for row in cells:
        table.add_row(*[_cut(v, share) if i in wide else v for i, v in enumerate(row)])
    out.print(table)


def console() -> Console:
    """A console for tables: the terminal's width, or a wide page when output goes to a file or pipe."""
    return Console() if sys.stdout.isatty() else Console(width=200)


def _signed(value: float | None) -> str:
    return "" if value is None else f"{value:+.2f}"


@click.command()
@event_filter_options
@click.option("--article", metavar="ID", help="Only this article's events.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many (for paging).")
@click.option("--count", is_flag=True, help="Print only how many events match.")
@db_option
def events(db: str, fmt: str, limit: int, offset: int, count: bool, **filters: Any) -> None:
    """Who did what to whom: events, newest first, each counted once per near-duplicate cluster."""
    from ..store import EventRecord

    with reader(db) as store:
        if count:
            click.echo(store.count_events(event_query(filters)))
            return
        found = store.events(event_query(filters, limit, offset))
    columns: list[tuple[str, Callable[[Any], Any]]] = [
        ("Day", lambda r: r.day), ("Source", lambda r: r.source_code or _cut(r.source_text, 16)),
        ("CAMEO", lambda r: r.cameo), ("PLOVER", lambda r: r.plover),
        ("Target", lambda r: r.target_code or _cut(r.target_text, 16)), ("Mode", lambda r: r.mode),
        ("Gold.", lambda r: _signed(r.goldstein)), ("Q", lambda r: r.quad_class)]
    if not filters.get("all_mentions"):
        columns.append(("Arts/Srcs", lambda r: f"{r.num_articles}/{r.num_sources}"))
    columns.append(("Evidence", lambda r: _cut(r.evidence_text, 90)))
    emit(found, fmt, columns, _title(len(found), limit, "event"), EventRecord)


def _title(n: int, limit: int | None, noun: str) -> str:
    more = f" (the first {limit}; --limit for more)" if limit is not None and n == limit else ""
    return f"{n} {noun}{'' if n == 1 else 's'}{more}"


@click.command()
@click.option("--speaker", metavar="NAME", help="Speaker's name (any part, any case) or actor code.")
@click.option("--search", metavar="TEXT", help='Full-text search in the quoted words: words, "a phrase", OR, -word.')
@click.option("--kind", type=click.Choice(["direct", "indirect", "mixed"]))
@click.option("--since", metavar="DATE", help="Articles published from this day.")
@click.option("--until", metavar="DATE", help="Articles published up to this day.")
@click.option("--article", metavar="ID", help="Only this article's quotes.")
@click.option("--all-mentions", is_flag=True, help="Repeat a quote for every near-duplicate article carrying it.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0)
@db_option
def quotes(db: str, fmt: str, limit: int, offset: int, all_mentions: bool, **filters: Any) -> None:
    """Who said what: quotes with their resolved speakers."""
    from ..store import QuoteRecord

    with reader(db) as store:
        found = store.quotes(QuoteQuery(**filters, dedup=not all_mentions, limit=limit, offset=offset))
    columns: list[tuple[str, Callable[[Any], Any]]] = [
        ("Published", lambda r: r.published), ("Speaker", lambda r: r.speaker_name or _cut(r.speaker, 24)),
        ("Code", lambda r: r.speaker_code), ("Kind", lambda r: r.kind), ("Quote", lambda r: _cut(r.content, 100)),
        ("Arts", lambda r: r.num_articles), ("Source", lambda r: r.domain)]
    emit(found, fmt, columns, _title(len(found), limit, "quote"), QuoteRecord)


@click.command()
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True, help="How many actors.")
@event_filter_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@db_option
def actors(db: str, top: int, fmt: str, **filters: Any) -> None:
    """The most active actors, with their cooperation/conflict balance (-1 all conflict .. +1 all cooperation)."""
    from ..store import ActorRecord

    with reader(db) as store:
        found = store.actors(top, event_query(filters))
    columns: list[tuple[str, Callable[[Any], Any]]] = [
        ("Code", lambda r: r.code), ("Name", lambda r: _cut(r.name, 28)), ("Events", lambda r: r.events),
        ("As source", lambda r: r.as_source), ("As target", lambda r: r.as_target),
        ("Coop", lambda r: r.cooperation), ("Conflict", lambda r: r.conflict),
        ("Balance", lambda r: _signed(r.balance)), ("Mean Gold.", lambda r: _signed(r.mean_goldstein))]
    emit(found, fmt, columns, f"Top {len(found)} actors", ActorRecord)


@click.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@db_option
def stats(db: str, fmt: str) -> None:
    """What the store holds: articles, clusters, entities, quotes, events and their date ranges."""
    with reader(db) as store:
        found = store.stats()
    if fmt == "json":
        click.echo(json.dumps(asdict(found), ensure_ascii=False, indent=2))
        return
    rows = [
        ("Store", f"{found.location} ({found.backend}, schema v{found.schema_version})"),
        ("Articles", f"{found.articles:,} in {found.clusters:,} near-duplicate clusters"),
        ("Published", f"{found.first_published or '-'} .. {found.last_published or '-'}"),
        ("Entities", f"{found.entities:,} ({found.mentions:,} mentions)"),
        ("Quotes", f"{found.quotes:,} ({found.quotes_attributed:,} with a speaker)"),
        ("Events", f"{found.events:,} mentions of {found.events_distinct:,} distinct events"),
        ("Event days", f"{found.first_event_day or '-'} .. {found.last_event_day or '-'}"),
        ("Quad classes", ", ".join(f"{k}: {v:,}" for k, v in found.quad_classes.items()) or "-"),
        ("Top sources", ", ".join(f"{d} ({n:,})" for d, n in found.top_domains[:5]) or "-"),
    ]
    if found.size_bytes is not None:
        rows.append(("Size", f"{found.size_bytes / 1e6:,.1f} MB"))
    table = Table(show_header=False, box=None)
    table.add_column(style="bold")
    table.add_column()
    for key, value in rows:
        table.add_row(key, value)
    console().print(table)


commands = [events, quotes, actors, stats]
