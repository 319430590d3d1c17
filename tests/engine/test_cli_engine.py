"""`dateline process` with --workers, --engine dask, --scheduler, --parquet-out and --resume, as a user runs it."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.engine.parquet import read_table
from dateline.store.rows import unpack

from .corpus import EXAMPLES, build, story

pytestmark = pytest.mark.slow


def _run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """The examples, a few stories of our own and two broken files."""
    root = tmp_path / "in"
    shutil.copytree(EXAMPLES, root / "examples")
    for i in range(6):
        (root / f"story-{i}.txt").write_text(story(i), encoding="utf-8")
    (root / "empty.txt").write_text("")
    (root / "binary.txt").write_bytes(b"\x00\xff" * 400)
    return root


def _summary(stderr: str) -> list[str]:
    """The summary lines that must not depend on the engine (timings removed)."""
    lines = [re.sub(r" \(\d+\.\d s, [\d.]+ articles/s\)", "", line) for line in stderr.splitlines()]
    return [line for line in lines if line.startswith(("read ", "found ", "  failed:"))]


def test_workers_write_the_same_store_jsonl_and_summary(folder: Path, tmp_path: Path) -> None:
    one = _run("process", str(folder), "--workers", "1", "--db", str(tmp_path / "one.db"), "--jsonl", str(tmp_path / "one.jsonl"))
    two = _run("process", str(folder), "--workers", "2", "--db", str(tmp_path / "two.db"), "--jsonl", str(tmp_path / "two.jsonl"))
    assert one.exit_code == two.exit_code == 1  # the two broken files
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    assert _summary(one.stderr) == _summary(two.stderr)
    assert "processed 17, failed 2" in two.stderr and "wrote 17 articles to" in two.stderr

    again = _run("process", str(folder), "--workers", "2", "--db", str(tmp_path / "two.db"), "--resume")
    assert again.exit_code == 1  # the broken files are tried again, and fail again
    assert "processed 0, failed 2" in again.stderr
    assert "skipped 17 documents already in the store (--resume)" in again.stderr


def test_dask_writes_parquet_without_a_store(folder: Path, tmp_path: Path) -> None:
    single = _run("process", str(folder), "--workers", "1", "--no-db", "--jsonl", str(tmp_path / "one.jsonl"))
    out = tmp_path / "parquet"
    dask = _run("process", str(folder), "--engine", "dask", "--workers", "2", "--no-db", "--parquet-out", str(out),
                "--part-size", "8")
    assert dask.exit_code == 1
    # Counts come back though the articles stay on the workers; failures are listed as parts complete.
    assert sorted(_summary(dask.stderr)) == sorted(_summary(single.stderr))
    assert "wrote 3 Parquet partitions to" in dask.stderr  # 18 files, 8 a part
    articles = read_table(str(out), "articles").to_pylist()
    assert len(articles) == 17
    # The document column holds each article's whole contract, as the store keeps it.
    assert sorted(unpack(row["document"]).id for row in articles) == sorted(row["id"] for row in articles)


def test_an_existing_scheduler_is_used(folder: Path, tmp_path: Path) -> None:
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster:
        result = _run("process", str(folder / "examples"), "--scheduler", cluster.scheduler_address,
                      "--no-db", "--jsonl", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 0, result.stderr
    assert "processed 11, failed 0" in result.stderr


@pytest.mark.parametrize("args, message", [
    (["--parquet-out", "out"], "--parquet-out is written by Dask workers"),
    (["--workers", "0"], "--workers"),
    (["--retries", "-1"], "--retries"),
    (["--engine", "spark"], "--engine"),
    (["--scheduler", "tcp://127.0.0.1:9"], "cannot reach the Dask scheduler"),
    (["--resume"], "--resume skips what the store"),
])
def test_option_mistakes_exit_2_with_one_line(args: list[str], message: str, folder: Path) -> None:
    result = _run("process", str(folder), "--no-db", "--jsonl", "-", *args)
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output


def _stored(db: Path) -> int:
    import sqlite3

    try:
        conn = sqlite3.connect(db, timeout=5)  # a WAL reader: it never blocks the writer, and sees its last commit
        try:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_sigterm_keeps_what_is_done_and_resume_does_the_rest(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    # Long enough (about 300 documents) that the run is still going when the first batch is committed.
    stories = 260
    corpus_dir = build(tmp_path / "corpus", stories=stories)
    articles = 11 + stories  # the examples hold 11 stories; the JSONL feeds repeat stories 100-129 (same ids)
    db = tmp_path / "store.db"
    command = [str(Path(sys.executable).parent / "dateline"), "process", str(corpus_dir), "--workers", "2", "--db", str(db)]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    while _stored(db) == 0 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert process.poll() is None, "the run ended before it could be stopped"
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode != 0
    assert "stopped before finishing" in stderr and "--resume" in stderr
    kept = _stored(db)
    assert 0 < kept < articles

    again = _run("process", str(corpus_dir), "--workers", "2", "--db", str(db), "--resume")
    assert f"processed {articles - kept}, failed" in again.stderr, again.stderr
    skipped = re.search(r"skipped (\d+) documents already in the store", again.stderr)
    assert skipped and int(skipped.group(1)) >= kept  # and JSONL lines whose story was already stored
    assert _stored(db) == articles
