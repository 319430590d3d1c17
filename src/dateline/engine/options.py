"""The scaling options of `dateline process` and the glue that hands its work to an engine."""

from __future__ import annotations

import signal
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

import click

from ..errors import DatelineError
from ..pipeline import Outcome
from ..read.sources import expand
from .parts import JSONL_SUFFIXES
from .run import ENGINES, Run, RunOptions, default_workers

if TYPE_CHECKING:
    from ..store import Store

WORTH_IT = 40  # documents below which one process beats starting workers, when --workers is not given
JSONL_LINE_BYTES = 4096  # a rough size of one JSONL article, to judge a file's worth without reading it

_OPTIONS = [
    click.option("--workers", type=click.IntRange(min=1), default=None, metavar="N",
                 help="Worker processes, each loading the pipeline once (default: one per core, as free memory "
                      "allows, when there are 40 documents or more; 1 runs in this process). "
                      "With --engine dask: LocalCluster workers."),
    click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
                 help="Where workers run: processes of this machine, or a Dask cluster."),
    click.option("--scheduler", metavar="tcp://HOST:PORT", default=None,
                 help="Dask scheduler to send the work to (implies --engine dask; without it a LocalCluster is started)."),
    click.option("--parquet-out", metavar="DIR", default=None,
                 help="With --engine dask: Dask workers write results as Parquet partitions under DIR "
                      "(a shared path or an object-store URI); see docs/scaling.md."),
    click.option("--part-size", type=click.IntRange(min=1), default=None, metavar="N",
                 help="Inputs per task: files, or JSONL lines (default 16 files / 64 lines; Dask 64 / 256). "
                      "With --parquet-out, one Parquet file per table per part."),
    click.option("--resume", is_flag=True,
                 help="Skip what a previous run finished: inputs and articles already in the store "
                      "(with --parquet-out: partitions already written)."),
    click.option("--retries", type=click.IntRange(min=0), default=1, show_default=True,
                 help="Times a document whose worker process died is tried again on its own before it is reported."),
]


def engine_options(func: Any) -> Any:
    """Add the scaling options to a click command."""
    for option in reversed(_OPTIONS):
        func = option(func)
    return func


def worth_workers(paths: Iterable[str], threshold: int = WORTH_IT) -> bool:
    """Whether the inputs hold enough documents to repay starting worker processes (a few seconds each).

    Looks at no more inputs than it needs to decide; JSONL files are judged by their size, and stdin,
    which cannot be looked at without reading it, counts as one document (give --workers for a stream).
    """
    documents = 0
    for item in expand(paths):
        if isinstance(item, DatelineError):
            continue
        if item.path is not None and item.suffix in JSONL_SUFFIXES:
            documents += max(1, _size(item.path) // JSONL_LINE_BYTES)
        else:
            documents += 1
        if documents >= threshold:
            return True
    return False


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def wanted(workers: int | None, engine: str, scheduler: str | None, parquet_out: str | None, resume: bool,
           paths: Iterable[str], no_store: bool = False) -> tuple[str, int] | None:
    """The engine and worker count the options ask for, or None for the plain single-process path."""
    if scheduler:
        engine = "dask"
    if parquet_out and engine != "dask":
        raise click.UsageError("--parquet-out is written by Dask workers: add --engine dask (or --scheduler)")
    if resume and no_store and not parquet_out:
        raise click.UsageError("--resume skips what the store (or --parquet-out) holds: it needs one of them")
    count = workers or (default_workers() if engine == "dask" or worth_workers(paths) else 1)
    if engine == "dask" or count > 1 or resume:
        return engine, count
    return None


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signal.Signals(signum).name}")


def _stop_on_sigterm() -> Any:
    """Make SIGTERM (a batch system's time limit, `kill`) stop the run like Ctrl-C: the store gets what is done."""
    if threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, _interrupt)


def engine_outcomes(paths: tuple[str, ...], chosen: tuple[str, int], *, scheduler: str | None,
                    parquet_out: str | None, part_size: int | None, resume: bool, retries: int, format_: str,
                    published: str | None,
                    pipeline: str | None, store: Store | None, need_articles: bool, skip: tuple[str, ...],
                    notes: list[str], fail: Callable[[str], Exception]) -> Iterator[Outcome]:
    """Outcomes from the chosen engine; its closing notes (skips, lost documents) are added to `notes`."""
    engine, workers = chosen
    options = RunOptions(engine=engine, workers=workers, scheduler=scheduler, parquet_out=parquet_out,  # type: ignore[arg-type]
                         resume=resume, retries=retries, format=format_, published=published, pipeline=pipeline,
                         need_articles=need_articles, skip_files=skip, files_per_part=part_size,
                         lines_per_part=part_size)
    stream = None
    completed = False
    previous = _stop_on_sigterm()
    try:
        run = Run(paths, options, store=store)
        stream = run.outcomes()
        yield from stream
        completed = True
    except DatelineError as exc:  # a setting, the pipeline or the cluster, not one document's
        raise fail(str(exc)) from None
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
        if stream is not None:
            stream.close()  # stops the workers now, so the notes below know what was left unfinished
            notes.extend(run.notes())
            if not completed:  # interrupted: the summary will not be printed, so say now what is left
                for line in notes:
                    click.echo(line, err=True)
