"""Worker processes: the same results as one process, in the same order; killed workers lose nothing finished."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from dateline import contract
from dateline.engine import Run, RunOptions
from dateline.errors import ConfigError
from dateline.pipeline import Outcome
from dateline.store import open_store

from .conftest import summary

pytestmark = pytest.mark.slow


def _run(corpus_dir: Path, store=None, **options) -> Run:
    return Run([str(corpus_dir)], RunOptions(files_per_part=4, lines_per_part=6, **options), store=store)


def kill_busy_worker(engine) -> int | None:
    """SIGKILL a worker process that holds unfinished documents (None when none does at this instant)."""
    for pid, task in engine.pids().items():
        if task is not None and task.unsettled():
            os.kill(pid, signal.SIGKILL)
            return pid
    return None


def _collect_killing_one(run: Run, store=None) -> tuple[list[Outcome], int | None]:
    outcomes: list[Outcome] = []
    killed = None
    for outcome in run.outcomes():
        outcomes.append(outcome)
        if killed is None:
            killed = kill_busy_worker(run.engine)
        if store is not None and outcome.article is not None:
            store.write_articles([outcome.article])
    return outcomes, killed


def test_two_workers_give_exactly_the_single_process_results(corpus_dir: Path, single: list) -> None:
    run = _run(corpus_dir, workers=2)
    outcomes = list(run.outcomes())
    assert [summary(o) for o in outcomes] == single
    for outcome in outcomes:
        if outcome.article is not None:
            contract.check(outcome.article.to_dict())
    assert sum(1 for o in outcomes if o.error) >= 4  # the broken files and the bad JSONL line failed alone
    assert len(run.engine.peak_rss_mb) == 2 and all(100 < mb < 700 for mb in run.engine.peak_rss_mb)
    assert run.notes() == []


def test_documents_of_a_killed_worker_are_retried_alone(corpus_dir: Path, single: list) -> None:
    run = _run(corpus_dir, workers=2, retries=1)
    outcomes, killed = _collect_killing_one(run)
    assert killed is not None
    assert run.engine.deaths == 1 and run.engine.rerun == [] and run.engine.retried >= 1
    assert [summary(o) for o in outcomes] == single


def test_a_killed_worker_loses_nothing_finished_and_a_resumed_run_completes(corpus_dir: Path, single: list,
                                                                             tmp_path: Path) -> None:
    db = str(tmp_path / "store.db")
    with open_store(db) as store:
        run = _run(corpus_dir, workers=2, retries=0)
        outcomes, killed = _collect_killing_one(run, store)
    assert killed is not None
    lost = [o.input for o in outcomes if o.error is not None and "worker process died (SIGKILL)" in str(o.error)]
    assert lost and lost == run.engine.rerun
    assert all("rerun it" in str(o.error) for o in outcomes if o.input in lost)
    assert [summary(o) for o in outcomes if o.input not in lost] == [s for s in single if s[0] not in lost]
    assert any("lost with their worker" in line for line in run.notes())

    articles = {name: text for name, text in single if not text.startswith("error")}
    with open_store(db) as store:
        rerun = _run(corpus_dir, store=store, workers=2, resume=True)
        again = list(rerun.outcomes())
        store.write_articles([o.article for o in again if o.article is not None])
        assert sorted(o.input for o in again if o.article is not None) == sorted(n for n in lost if n in articles)
        assert rerun.skipped == len(articles) - len([n for n in lost if n in articles])
        assert store.stats().articles == len(articles)
        for article in store.iter_articles():
            source = article.source.path or article.source.url
            assert summary(Outcome(input=source, article=article)) == (source, articles[source])


def test_a_pipeline_that_cannot_load_stops_the_run(corpus_dir: Path) -> None:
    run = _run(corpus_dir, workers=2, pipeline="no_such_pipeline_xyz")
    with pytest.raises(ConfigError, match="no_such_pipeline_xyz"):
        list(run.outcomes())
