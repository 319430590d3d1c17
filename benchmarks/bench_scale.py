"""Scaling on one machine, in one run: bare parse, dateline in-process, 1 and 2 worker processes, Dask on 2 workers.

Usage: .venv/bin/python benchmarks/bench_scale.py [--limit N] [--repeat R] [--store] [--skip-dask] [--only 1,2]

On ../shared/bench/news-please/ (skips cleanly without it). Every configuration processes the same
files; workers (and the Dask LocalCluster) are started and have loaded the pipeline before the
clock starts, so the figures are steady-state throughput; start-up is printed on its own line.
With --store, results are also written to a throw-away SQLite store in batches of 32, by the
parent, as `dateline process --db` does. Prints articles/s, words/s, peak RSS per worker, the
ratios the scaling checks use, CPU time per article (all workers together: what the work costs,
whatever else the machine is doing) and the load average (other processes on the machine skew
wall-clock figures: take them on a quiet machine).
"""

from __future__ import annotations

import argparse
import gc
import os
import tempfile
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable

from common import bench_files, peak_rss_mb, timed

from dateline import nlp
from dateline.engine import Run, RunOptions
from dateline.pipeline import Outcome, process_paths, structure_all
from dateline.read import read_inputs
from dateline.store import open_store


@dataclass
class Figures:
    """One configuration's best run."""

    name: str
    seconds: list[float] = field(default_factory=list)
    startup: list[float] = field(default_factory=list)
    worker_mb: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # CPU seconds spent on the articles (all workers together)
    load: list[float] = field(default_factory=list)  # 1-minute load average when each run began
    failed: int = 0

    def line(self, n: int, words: int) -> str:
        s = min(self.seconds)
        memory = f"  peak RSS per worker {max(self.worker_mb):.0f} MB" if self.worker_mb else ""
        start = f"  (start-up {min(self.startup):.1f} s)" if self.startup else ""
        cpu = f"  CPU {1000 * min(self.cpu) / n:5.0f} ms/article" if self.cpu else ""
        load = f"  [load {self.load[self.seconds.index(s)]:.1f} at its best run]"
        return f"{self.name:<24}: {n / s:6.2f} articles/s {words / s:8.0f} words/s{cpu}{memory}{start}{load}"

    def rate(self, n: int) -> float:
        return n / min(self.seconds)


def _consume(outcomes: Iterable[Outcome], store_url: str | None) -> int:
    """Drain outcomes as the CLI does (batches of 32 to the store when asked); returns the failures."""
    failed = 0
    pending = []
    store = open_store(store_url) if store_url else None
    try:
        for outcome in outcomes:
            if outcome.article is None:
                failed += 1
            elif store is not None:
                pending.append(outcome.article)
                if len(pending) >= 32:
                    store.write_articles(pending)
                    pending = []
        if store is not None and pending:
            store.write_articles(pending)
    finally:
        if store is not None:
            store.close()
    return failed


def _engine_run(run: Run, figures: Figures, store_url: str | None) -> None:
    """Start the engine's workers off the clock, then time the run."""
    with timed() as start:
        run.engine.start()  # type: ignore[attr-defined]
    with timed() as t:
        figures.failed = _consume(run.outcomes(), store_url)
    figures.startup.append(start[0])
    figures.seconds.append(t[0])
    figures.worker_mb = list(run.engine.peak_rss_mb)
    figures.cpu.append(sum(run.engine.busy_cpu_s))


def _wait_quiet(below: float, longest: float = 600) -> None:
    """Let the machine settle (our own last run counts in the load average for a minute or two)."""
    end = time.monotonic() + longest
    while os.getloadavg()[0] >= below and time.monotonic() < end:
        time.sleep(10)


def _local(files: list[str], workers: int) -> Run:
    """Worker processes even for one worker (the in-process path is measured on its own)."""
    from dateline.engine.local import LocalEngine

    run = Run(files, RunOptions(workers=2))  # plan and settings as a multi-worker run makes them
    run.engine = LocalEngine(run.settings, workers)
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="only the first N bench files")
    parser.add_argument("--repeat", type=int, default=1, help="run every configuration this many times; best of each")
    parser.add_argument("--store", action="store_true", help="also write results to a SQLite store (single writer)")
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--wait-quiet", type=float, default=None, metavar="LOAD",
                        help="before each run, wait (up to 10 minutes) for the 1-minute load average to fall below LOAD")
    parser.add_argument("--only", default=None, help="comma-separated configurations to run: bare,inline,1,2,dask")
    args = parser.parse_args()

    files = [str(p) for p in bench_files(args.limit)]
    language = nlp.load()
    texts = [a.text for a in structure_all(read_inputs(files)) if not isinstance(a, Outcome)]
    n, words = len(texts), sum(len(t.split()) for t in texts)
    list(language.pipe(texts[:8]))  # warm up
    folder = tempfile.mkdtemp(prefix="bench-scale-")
    counter = iter(range(10**6))

    def store_url() -> str | None:
        return os.path.join(folder, f"store-{next(counter)}.db") if args.store else None

    def bare(figures: Figures) -> None:
        cpu = time.process_time()
        with timed() as t:
            for _ in language.pipe(texts, batch_size=32):
                pass
        figures.seconds.append(t[0])
        figures.cpu.append(time.process_time() - cpu)

    def inline(figures: Figures) -> None:
        cpu = time.process_time()
        with timed() as t:
            figures.failed = _consume(process_paths(files, language=language), store_url())
        figures.seconds.append(t[0])
        figures.cpu.append(time.process_time() - cpu)

    every: dict[str, tuple[Figures, Callable[[Figures], None]]] = {
        "bare": (Figures("bare nlp.pipe"), bare),
        "inline": (Figures("dateline in-process"), inline),
        "1": (Figures("dateline 1 worker"), lambda f: _engine_run(_local(files, 1), f, store_url())),
        "2": (Figures("dateline 2 workers"), lambda f: _engine_run(_local(files, 2), f, store_url())),
        "dask": (Figures("dateline Dask, 2 workers"),
                 lambda f: _engine_run(Run(files, RunOptions(engine="dask", workers=2)), f, store_url())),
    }
    chosen = args.only.split(",") if args.only else [k for k in every if not (k == "dask" and args.skip_dask)]
    configs = [every[k] for k in chosen]
    print(f"articles: {n} ({words} words, {words / n:.0f} per article); cores: {os.cpu_count()}; "
          f"store writes: {'yes' if args.store else 'no'}")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for _ in range(args.repeat):
        for figures, go in configs:
            gc.collect()
            if args.wait_quiet is not None:
                _wait_quiet(args.wait_quiet)
            figures.load.append(os.getloadavg()[0])
            go(figures)
    print(f"load average after : {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for figures, _ in configs:
        print(figures.line(n, words) + (f"  ({figures.failed} failed)" if figures.failed else ""))
    rates = {f.name: f.rate(n) for f, _ in configs}
    for label, top, bottom, check in (
            ("in-process / bare", "dateline in-process", "bare nlp.pipe", ""),
            ("1 worker / bare", "dateline 1 worker", "bare nlp.pipe", "  (check: >= 0.85)"),
            ("2 workers / 1 worker", "dateline 2 workers", "dateline 1 worker", "  (check: >= 1.5 on 2 cores)"),
            ("Dask 2 / 1 worker", "dateline Dask, 2 workers", "dateline 1 worker", "")):
        if top in rates and bottom in rates:
            print(f"ratio {label:<21}: {rates[top] / rates[bottom]:.3f}{check}")
    worst = max((mb for f, _ in configs for mb in f.worker_mb), default=0.0)
    print(f"peak RSS per worker      : {worst:.0f} MB (check: <= 700); this process: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
