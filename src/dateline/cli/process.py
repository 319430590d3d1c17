"""`dateline process` runs the pipeline over files, folders or stdin into the store and/or JSONL; `dateline show` shows one."""

from __future__ import annotations

import json
import os
import sys
import time
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from typing import IO, Any, Iterator

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from .. import nlp
from ..engine.options import engine_options, engine_outcomes, wanted
from ..errors import DatelineError
from ..model import Article
from ..pipeline import Outcome, process_paths
from ..read import FORMATS
from ..read.sources import STDIN, expand

BATCH = 32
DEFAULT_DB = "dateline.db"


class CommandError(click.ClickException):
    """A failure that stops the whole command before or outside any one document (exit status 2)."""

    exit_code = 2


def _published(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _actors(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> None:
    """Check the user's actor files now (a bad file stops the run before any work) and use them everywhere."""
    if not values:
        return
    from ..actors import lexicon, user

    paths = [str(Path(v).resolve()) for v in values]
    for path in paths:
        try:
            user.read_actor_file(path)
        except DatelineError as exc:
            raise click.BadParameter(str(exc), ctx=ctx, param=param) from None
    # Through the environment, so worker processes and a LocalCluster's workers read them too.
    os.environ[user.ENV] = os.pathsep.join([*user.env_paths(), *paths])
    lexicon.set_current(None)


_COMMON = [
    click.option("--published", metavar="YYYY-MM-DD", callback=_published,
                 help="Publication date of the input (overrides metadata); datelines are resolved against it."),
    click.option("--format", "format_", type=click.Choice(FORMATS), default="auto", show_default=True,
                 help="Read inputs as this kind instead of deciding by content."),
    click.option("--pipeline", metavar="NAME", default=None,
                 help="spaCy pipeline to load (package name or path; default $DATELINE_PIPELINE or the bundled model)."),
    click.option("--actors", metavar="FILE", multiple=True, expose_value=False, callback=_actors,
                 help="Your own actors, a YAML or CSV file (repeatable), on top of the packaged ones and $DATELINE_ACTORS."),
]


def _common(func: Any) -> Any:
    for option in reversed(_COMMON):
        func = option(func)
    return func


def _language(pipeline: str | None) -> Any:
    try:
        return nlp.load(pipeline)
    except DatelineError as exc:
        raise CommandError(str(exc)) from None


def _outcomes(paths: tuple[str, ...], format_: str, published: str | None, pipeline: str | None,
              skip: tuple[str, ...] = ()) -> Iterator[Outcome]:
    try:
        yield from process_paths(list(paths), format=format_, published=published, language=_language(pipeline), skip=skip)
    except DatelineError as exc:  # a setting or option problem, not one document's
        raise CommandError(str(exc)) from None


def _file_count(paths: tuple[str, ...]) -> int | None:
    """How many files the paths hold, when that is also the number of articles (no JSONL or stdin)."""
    count = 0
    for item in expand(paths):
        name = getattr(item, "name", "")
        if name.endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")) or getattr(item, "path", 1) is None:
            return None
        count += 1
    return count


class _Counts:
    """What a run found, for the closing summary."""

    def __init__(self) -> None:
        self.processed = 0
        self.failures: list[Outcome] = []
        self.entities = self.quotes = self.events = 0

    def add(self, outcome: Outcome) -> None:
        if not outcome.ok:
            self.failures.append(outcome)
            return
        self.processed += 1
        a = outcome.article
        # An article a Dask worker wrote to Parquet itself comes back only as what it found.
        found = getattr(outcome, "found", None) or (len(a.entities), len(a.quotes), len(a.events))  # type: ignore[union-attr]
        self.entities += found[0]
        self.quotes += found[1]
        self.events += found[2]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _summary(console: Console, counts: _Counts, seconds: float, written: list[str]) -> None:
    read = counts.processed + len(counts.failures)
    rate = counts.processed / seconds if seconds > 0 else 0.0
    console.print(f"read {_plural(read, 'document')}: processed {counts.processed}, "
                  f"failed {len(counts.failures)} ({seconds:.1f} s, {rate:.1f} articles/s)", highlight=False)
    console.print(f"found {counts.entities} entities, {counts.quotes} quotes, {counts.events} events", highlight=False)
    for outcome in counts.failures:
        console.print(f"  failed: {escape(str(outcome.error))}", highlight=False, soft_wrap=True)
    for line in written:
        console.print(line, highlight=False, soft_wrap=True)


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--jsonl", "jsonl_out", metavar="OUT|-", help="Also write one JSON article per line to OUT (`-` for stdout).")
@click.option("--db", metavar="PATH_OR_URL", default=None,
              help=f"Store to write to: an SQLite file or a postgresql:// URL (default ./{DEFAULT_DB}, or $DATELINE_DB).")
@click.option("--no-db", is_flag=True, help="Write no store; needs --jsonl (or --parquet-out).")
@_common
@engine_options
def process(paths: tuple[str, ...], jsonl_out: str | None, db: str | None, no_db: bool, published: str | None,
            format_: str, pipeline: str | None, workers: int | None, engine: str, scheduler: str | None,
            parquet_out: str | None, part_size: int | None, resume: bool, retries: int) -> None:
    """Read, structure and annotate every article under PATH... (files, folders, `-` for stdin)."""
    if no_db and db:
        raise click.UsageError("--no-db and --db do not go together")
    if no_db and not (jsonl_out or parquet_out):
        raise click.UsageError("--no-db writes nothing unless --jsonl OUT (or --parquet-out DIR) is given")
    if paths.count(STDIN) > 1:
        raise click.UsageError("`-` (stdin) can be given only once")
    store_url = db or os.environ.get("DATELINE_DB") or DEFAULT_DB
    err = Console(stderr=True)
    batch_mode = len(paths) > 1 or any(Path(p).is_dir() or p.endswith((".jsonl", ".ndjson", ".jsonl.gz")) for p in paths)
    chosen = wanted(workers, engine, scheduler, parquet_out, resume, paths, no_store=no_db)
    counts = _Counts()
    started = time.perf_counter()
    written: list[str] = []
    stored = {"new": 0, "replaced": 0}
    with ExitStack() as stack:
        store = None
        if not no_db:
            from ..store import open_store

            store = stack.enter_context(open_store(store_url))
        out: IO[str] | None = None
        if jsonl_out == STDIN:
            out = sys.stdout
        elif jsonl_out:
            try:
                out = stack.enter_context(open(jsonl_out, "w", encoding="utf-8"))
            except OSError as exc:
                raise CommandError(f"{jsonl_out}: cannot write ({exc.strerror or exc})") from None
        pending: list[Article] = []

        def flush() -> None:
            batch = list(pending)
            pending.clear()  # cleared first, so a failed write is not retried by the final flush
            if store is not None and batch:
                result = store.write_articles(batch)
                stored["new"] += getattr(result, "new", 0)
                stored["replaced"] += getattr(result, "replaced", 0)
            if out is not None:
                out.flush()

        progress = Progress(SpinnerColumn(), TextColumn("processing"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[failed]} failed"), TimeElapsedColumn(),
                            console=err, transient=True, disable=not (batch_mode and err.is_terminal))
        with progress:
            task = progress.add_task("processing", total=_file_count(paths) if batch_mode else None, failed=0)
            try:
                own = (jsonl_out,) if jsonl_out and jsonl_out != STDIN else ()
                if chosen is None:
                    outcomes = _outcomes(paths, format_, published, pipeline, skip=own)
                else:  # worker processes or a Dask cluster (dateline.engine; docs/scaling.md)
                    outcomes = engine_outcomes(
                        paths, chosen, scheduler=scheduler, parquet_out=parquet_out, part_size=part_size,
                        resume=resume, retries=retries, format_=format_, published=published, pipeline=pipeline,
                        store=store, need_articles=store is not None or out is not None, skip=own, notes=written,
                        fail=CommandError)
                for outcome in outcomes:
                    counts.add(outcome)
                    if outcome.article is not None:
                        pending.append(outcome.article)
                        if out is not None:
                            out.write(json.dumps(outcome.article.to_dict(), ensure_ascii=False) + "\n")
                        if len(pending) >= BATCH:
                            flush()
                    progress.update(task, advance=1, failed=len(counts.failures))
            finally:
                flush()
    if store is not None:
        written.append(f"wrote {_plural(counts.processed, 'article')} to {store_url} "
                       f"({stored['new']} new, {stored['replaced']} already there and replaced)")
    if out is not None and jsonl_out != STDIN:
        written.append(f"wrote {_plural(counts.processed, 'line')} to {jsonl_out}")
    _summary(err, counts, time.perf_counter() - started, written)
    if counts.failures:
        sys.exit(1)


def _span_line(label: str, span: Any) -> str:
    if span is None:
        return f"[bold]{label:<11}[/bold] -"
    return f"[bold]{label:<11}[/bold] {escape(span.text)}  [dim]\\[{span.start}:{span.end}][/dim]"


def render(article: Article, console: Console) -> None:
    """One article's structure as a person reads it: parts, dateline, date and how it was found, paragraphs."""
    st, dl = article.structure, article.dateline
    source = article.source.path or article.source.url or "<stdin>"
    console.print(f"[bold]{escape(source)}[/bold]  [dim]({article.source.format}, id {article.id})[/dim]")
    if article.source.url and article.source.url != source:
        console.print(f"[bold]{'URL':<11}[/bold] {escape(article.source.url)}")
    console.print(_span_line("Headline", st.headline))
    console.print(_span_line("Standfirst", st.standfirst))
    if st.dateline is not None:
        parts = [f"place {escape(dl.place or '-')}", f"date {dl.date or '-'}", f"date text {escape(dl.date_text or '-')}",
                 f"agency {escape(dl.agency or '-')}"]
        console.print(_span_line("Dateline", st.dateline) + "\n" + " " * 12 + " · ".join(parts))
    else:
        console.print(f"[bold]{'Dateline':<11}[/bold] -")
    how = {None: "", "inferred": " (inferred)", "cli": " (given with --published)"}.get(
        article.published_from, f" (from {article.published_from})")
    console.print(f"[bold]{'Published':<11}[/bold] {article.published or 'unknown'}{how}")
    if article.published_evidence:
        console.print(" " * 12 + f"[dim]{escape(article.published_evidence)}[/dim]")
    for label, value in (("Author", article.author), ("Site", article.site)):
        if value:
            console.print(f"[bold]{label:<11}[/bold] {escape(value)}")
    console.print(f"[bold]Paragraphs[/bold]  {len(st.paragraphs)} in the body, {len(article.text)} characters in all")
    for i, para in enumerate(st.paragraphs, 1):
        console.print(f"  [dim]{i:>2} \\[{para.start}:{para.end}][/dim] {escape(para.text)}")
    console.print(f"[bold]{'Found':<11}[/bold] {len(article.entities)} entities, {len(article.quotes)} quotes, "
                  f"{len(article.events)} events")


@click.command()
@click.argument("path", metavar="PATH")
@click.option("--json", "as_json", is_flag=True, help="Print the article's JSON instead.")
@_common
def show(path: str, as_json: bool, published: str | None, format_: str, pipeline: str | None) -> None:
    """Show the structure of the article(s) in PATH: headline, standfirst, dateline, date, paragraphs, counts."""
    out, err = Console(highlight=False), Console(stderr=True, highlight=False)
    out.soft_wrap = not out.is_terminal  # piped output keeps one line per item for grep and diff
    failed = shown = 0
    for outcome in _outcomes((path,), format_, published, pipeline):
        if outcome.article is None:
            failed += 1
            err.print(f"error: {escape(str(outcome.error))}", soft_wrap=True)
            continue
        if as_json:
            click.echo(json.dumps(outcome.article.to_dict(), ensure_ascii=False, indent=2))
        else:
            if shown:
                out.rule()
            render(outcome.article, out)
        shown += 1
    if failed:
        sys.exit(1)


commands = [process, show]
