"""The Dask engine on a LocalCluster of two workers: single-process results, Parquet partitions, killed workers."""

from __future__ import annotations

import json
import zlib
import os
import signal
from pathlib import Path

import pytest

from dateline.engine import Run, RunOptions
from dateline.engine.parquet import read_table
from dateline.pipeline import Outcome

from .conftest import summary

pytestmark = pytest.mark.slow


def _run(corpus_dir: Path, out: Path, **options) -> Run:
    return Run([str(corpus_dir)], RunOptions(engine="dask", workers=2, parquet_out=str(out), files_per_part=4,
                                             lines_per_part=6, **options))


def _articles(single: list) -> dict[str, dict]:
    """The single-process articles by id."""
    found = {}
    for _, text in single:
        if not text.startswith("error"):
            article = json.loads(text)
            found[article["id"]] = article
    return found


def _check_parquet(out: Path, single: list) -> None:
    """Every article once, with exactly the single-process JSON; events and quotes tables to match."""
    expected = _articles(single)
    rows = read_table(str(out), "articles").to_pylist()
    assert sorted(r["id"] for r in rows) == sorted(expected)
    for row in rows:
        assert json.loads(zlib.decompress(row["document"])) == expected[row["id"]]
    for table in ("events", "quotes", "entities"):
        written = read_table(str(out), table).column("article_id").to_pylist()
        assert sorted(written) == sorted(a["id"] for a in expected.values() for _ in a[table])


def kill_busy_dask_worker(client) -> str | None:
    """SIGKILL a Dask worker process that is running a task (None when none is at this instant)."""
    pids = client.run(os.getpid)
    for address, keys in client.processing().items():
        if keys and address in pids:
            os.kill(pids[address], signal.SIGKILL)
            return address
    return None


def _collect_killing_one(run: Run) -> tuple[list[Outcome], str | None]:
    outcomes: list[Outcome] = []
    killed = None
    for outcome in run.outcomes():
        outcomes.append(outcome)
        if killed is None:
            killed = kill_busy_dask_worker(run.engine.client)
    return outcomes, killed


def test_local_cluster_matches_the_single_process_and_writes_parquet(corpus_dir: Path, single: list,
                                                                     tmp_path: Path) -> None:
    out = tmp_path / "parquet"
    run = _run(corpus_dir, out)
    outcomes = list(run.outcomes())
    assert sorted(summary(o) for o in outcomes) == sorted(single)  # parts come back as they complete
    _check_parquet(out, single)
    assert len(run.engine.peak_rss_mb) == 2 and all(100 < mb < 700 for mb in run.engine.peak_rss_mb)
    parts = run.engine.written
    assert parts == len(list((out / "articles").glob("part-*.parquet"))) > 1
    assert not list(out.rglob(".*"))  # no temporary file left behind

    again = _run(corpus_dir, out, resume=True, need_articles=False)
    assert list(again.outcomes()) == []
    assert again.engine.skipped_parts == parts and again.engine.connections == 0  # nothing to do: no cluster started


def test_documents_of_a_killed_dask_worker_are_retried(corpus_dir: Path, single: list, tmp_path: Path) -> None:
    out = tmp_path / "parquet"
    run = _run(corpus_dir, out, retries=1)
    outcomes, killed = _collect_killing_one(run)
    assert killed is not None
    assert sorted(summary(o) for o in outcomes) == sorted(single) and run.engine.rerun == []
    assert run.engine.retried >= 1
    _check_parquet(out, single)


def test_a_killed_dask_worker_loses_nothing_finished_and_a_resumed_run_completes(corpus_dir: Path, single: list,
                                                                                  tmp_path: Path) -> None:
    out = tmp_path / "parquet"
    run = _run(corpus_dir, out, retries=0)
    outcomes, killed = _collect_killing_one(run)
    assert killed is not None
    lost = run.engine.rerun
    assert lost and all("Dask worker died" in str(o.error) and "rerun it" in str(o.error)
                        for o in outcomes if o.input in lost)
    assert sorted(summary(o) for o in outcomes if o.input not in lost) == sorted(s for s in single if s[0] not in lost)
    finished = read_table(str(out), "articles").num_rows
    assert 0 < finished < len(_articles(single))

    again = _run(corpus_dir, out, resume=True)
    redone = list(again.outcomes())
    # Only the lost part is done again (none at all when the worker died after renaming its files).
    assert all(any(o.input == n or o.input.startswith(f"{n}:") for n in lost) for o in redone), redone
    assert again.engine.skipped_parts > 0
    _check_parquet(out, single)
