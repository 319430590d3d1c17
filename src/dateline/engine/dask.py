"""Runs parts as Dask tasks on a cluster (or a LocalCluster of this machine), the pipeline loaded once per worker.

The client (this process) plans parts lazily and keeps a bounded number of them in flight; each
Dask worker loads the spaCy pipeline once through a WorkerPlugin, processes a whole part, and,
with an output folder, writes the part's Parquet files itself (atomically, see parquet.py) so
articles need not travel back. Results that must reach the store or a JSONL file come back to
the client, the single writer, as compact JSON, released as parts complete (not in input order:
one slow part must not leave a cluster idle). About two parts per worker thread are in flight.

A part whose worker dies is retried by the scheduler up to its `allowed-failures` setting (0 on
the LocalCluster started here); after that its documents are retried alone, `retries` times,
then reported as failed with a note to rerun them.
"""

from __future__ import annotations

import logging
import time
import uuid
from typing import Any, Iterable, Iterator

import dask
from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker

from ..errors import ConfigError, DatelineError
from ..pipeline import Outcome
from .ledger import RERUN_HINT, Engine, Ledger, Task
from .parquet import done_keys, write_partition
from .parts import Part
from .work import Item, Settings, decode, encode, load_language, run_part, usage

PLUGIN = "dateline"


class DatelinePlugin(WorkerPlugin):
    """Loads the pipeline once when a worker starts (and again on a worker that replaces a dead one)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.language: Any = None

    def setup(self, worker: Any) -> None:
        self.language = load_language(self.settings)


def process_partition(part: Part, parquet_out: str | None, send_articles: bool) -> list[tuple[int, list[Item]]]:
    """A Dask task: one part's results per unit; with an output folder the part's Parquet files are written here."""
    plugin: DatelinePlugin = get_worker().plugins[PLUGIN]  # type: ignore[assignment]
    units = list(run_part(part, plugin.settings, plugin.language))
    if parquet_out is not None:
        write_partition(parquet_out, part.key, [o.article for _, outcomes in units for o in outcomes if o.article])
    return [(unit, [encode(o, send_articles) for o in outcomes]) for unit, outcomes in units]


def _reason(exc: BaseException | None) -> str:
    if exc is None:
        return "its Dask task was cancelled"
    name = type(exc).__name__
    if name == "KilledWorker":
        return "its Dask worker died (the scheduler gave up on the part)"
    return f"processing failed ({name}: {exc})".splitlines()[0]


class DaskEngine(Engine):
    """Parts as Dask tasks; `run(parts)` yields Outcomes as parts complete."""

    def __init__(self, settings: Settings, workers: int, scheduler: str | None = None, parquet_out: str | None = None,
                 resume: bool = False, retries: int = 1, window: int | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.workers = workers
        self.scheduler = scheduler
        self.parquet_out = parquet_out
        self.resume = resume
        self.retries = retries
        self.window = window
        self.client: Client | None = None
        self._cluster: LocalCluster | None = None
        self._futures: dict[Any, Task] = {}
        self._ac: Any = None  # as_completed over the futures in flight
        self._ledger: Ledger | None = None
        self._sized = 0.0  # when the window was last fitted to the cluster
        self._retried: set[Task] = set()
        self.written = 0  # Parquet partitions written
        self.skipped_parts = 0  # Parquet partitions a previous run wrote (--resume)
        self.connections = 0  # clusters started or joined (none when a resumed run finds nothing to do)

    # -- the cluster -------------------------------------------------------------------------------
    def _connect(self) -> Client:
        if self.scheduler:
            try:
                client = Client(self.scheduler, timeout="10s")
            except (OSError, TimeoutError) as exc:
                raise ConfigError(f"cannot reach the Dask scheduler ({exc})", input=self.scheduler) from None
        else:
            # Every worker death is reported at once, so documents are retried alone (see the module docstring).
            with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
                self._cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                             dashboard_address=None, silence_logs=logging.CRITICAL)
            client = Client(self._cluster)
        client.register_plugin(DatelinePlugin(self.settings), name=PLUGIN)
        return client

    def _close(self) -> None:
        if self.client is not None:
            try:
                for peak_mb, cpu_s in self.client.run(usage).values():
                    self._usage(peak_mb, cpu_s)
            except Exception:  # noqa: BLE001 - memory figures are a nicety; closing must go on
                pass
            self.client.close()
        if self._cluster is not None:
            self._cluster.close()
        self.client = self._cluster = self._ac = None

    def start(self) -> None:
        """Start (or join) the cluster and load the pipeline on every worker (run() does it on its first part)."""
        if self.client is None:
            self.client = self._connect()
            self.connections += 1
            self._ac = as_completed()
            self._sized = 0.0
            self._resize()

    def _resize(self) -> None:
        """Keep two parts per worker thread in flight, as the cluster grows or shrinks (checked every 10 s)."""
        if self.window or self.client is None or self._ledger is None or time.monotonic() - self._sized < 10:
            return
        self._sized = time.monotonic()
        threads = sum(self.client.nthreads().values())
        if threads:
            self._ledger.window = 2 * threads + 2

    def _submit(self, task: Task) -> None:
        self.start()  # on the first part, so a run with nothing left to do costs nothing
        alone = task.root is not None  # a retry: its results are written with the whole part (see _settled)
        out = None if alone else self.parquet_out
        send = self.settings.send_articles or alone
        future = self.client.submit(process_partition, task.part, out, send,  # type: ignore[union-attr]
                                    key=f"dateline-{task.part.key}-{task.attempt}-{uuid.uuid4().hex[:8]}", pure=False)
        self._futures[future] = task
        self._ac.add(future)

    # -- the run -----------------------------------------------------------------------------------
    def run(self, parts: Iterable[Part | DatelineError]) -> Iterator[Outcome]:
        """Outcomes for every document of the parts, a part's documents together, parts as they complete."""
        ledger = self._ledger = Ledger(self.retries, self.window or 2 * self.workers + 2, ordered=False)
        done = done_keys(self.parquet_out) if self.resume and self.parquet_out else set()
        source = iter(parts)
        more, finished = True, False
        try:
            while True:
                while more and not ledger.full:
                    item = next(source, None)
                    if item is None:
                        more = False
                    elif isinstance(item, Part) and item.key in done:
                        self.skipped_parts += 1
                    elif (task := self._plan(item, ledger)) is not None:
                        self._submit(task)
                yield from self._release(ledger)
                if not more and ledger.empty:
                    finished = True
                    return
                future = next(self._ac)
                self._collect(future, ledger)
                self._resize()
        finally:
            self._finish(ledger, finished)
            for future in self._futures:
                future.cancel()
            self._futures.clear()
            self._close()

    def _collect(self, future: Any, ledger: Ledger) -> None:
        task = self._futures.pop(future)
        if future.status == "finished":
            for unit, items in future.result():
                ledger.settle(task, unit, items)
            self.written += task.root is None and self.parquet_out is not None
            self._settled(task)
            return
        try:
            exc = future.exception()
        except Exception as err:  # noqa: BLE001 - a cancelled future has no exception to give
            exc = err
        retries = ledger.lost(task, _reason(exc))
        if retries:
            self._retried.add(task.owner)
        for retry in retries:
            self._submit(retry)
        self._settled(task)

    def _settled(self, task: Task) -> None:
        """A part that needed retries is written to Parquet here, once all its documents are back and none was lost."""
        owner = task.owner
        if owner not in self._retried or owner.pending:
            return
        self._retried.discard(owner)
        items = [item for unit in sorted(owner.results) for item in owner.results[unit]]
        if self.parquet_out is None or any(i[0] == "err" and str(i[3]).endswith(RERUN_HINT) for i in items):
            return  # a lost document keeps the part unwritten, so a resumed run does the whole part again
        articles = [o.article for o in map(decode, items) if o is not None and o.article is not None]
        write_partition(self.parquet_out, owner.part.key, articles)
        self.written += 1
