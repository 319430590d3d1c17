"""A worker's work: every unit reported once and in order, skips for what is done, a compact and exact wire format."""

from __future__ import annotations

import json
import multiprocessing as mp
import os
from pathlib import Path

import pytest

from dateline.engine.parts import Part
from dateline.engine.resume import KnownSet
from dateline.engine.work import THREAD_SETTINGS, Settings, Written, decode, encode, run_part, single_threaded_children
from dateline.errors import ReadError
from dateline.pipeline import Outcome, process_text

from .corpus import story

pytestmark = pytest.mark.slow


def test_articles_and_errors_cross_the_wire_exactly(nlp) -> None:
    article = process_text(story(3), language=nlp)
    item = encode(Outcome(input="in/a.txt", article=article))
    assert item[0] == "ok" and isinstance(item[2], str)
    back = decode(item)
    assert back is not None and back.article is not None
    assert json.dumps(back.article.to_dict()) == json.dumps(article.to_dict())

    error = decode(encode(Outcome(input="in/b.txt", error=ReadError("empty file", input="in/b.txt"))))
    assert error is not None and isinstance(error.error, ReadError) and str(error.error) == "in/b.txt: empty file [E001]"

    counted = decode(encode(Outcome(input="in/a.txt", article=article), send_articles=False))
    assert isinstance(counted, Written) and counted.ok and counted.article is None
    assert counted.found == (len(article.entities), len(article.quotes), len(article.events))
    assert decode(encode(Outcome(input="in/c.txt"))) is None  # skipped: neither article nor error


def test_every_unit_is_reported_once_in_order(tmp_path: Path, nlp) -> None:
    records = [{"title": f"Story {i}", "text": story(i).split("\n\n", 1)[1]} for i in range(3)]
    (tmp_path / "list.json").write_text(json.dumps(records[:2]))
    (tmp_path / "one.txt").write_text(story(5))
    (tmp_path / "empty.txt").write_text("")
    part = Part("files", files=tuple(str(tmp_path / n) for n in ("list.json", "one.txt", "empty.txt")), key="k")
    units = list(run_part(part, Settings(), nlp))
    assert [u for u, _ in units] == [0, 1, 2]
    assert [o.input for o in units[0][1]] == [f"{tmp_path / 'list.json'}[{i}]" for i in range(2)]
    assert units[1][1][0].ok and units[2][1][0].error is not None

    lines = [json.dumps(records[0]).encode(), b"", json.dumps(records[1]).encode()]
    inline = Part("lines", path="feed.jsonl", first_line=1, count=3, lines=tuple(lines), only=frozenset({1, 2}), key="l")
    assert [(u, [o.input for o in outcomes]) for u, outcomes in run_part(inline, Settings(), nlp)] == \
        [(1, []), (2, ["feed.jsonl:3"])]  # unit 0 is not asked for; unit 1 is a blank line


def test_known_articles_are_skipped_before_parsing(tmp_path: Path, nlp) -> None:
    (tmp_path / "one.txt").write_text(story(1))
    (tmp_path / "two.txt").write_text(story(2))
    known = process_text(story(1), language=nlp).id
    part = Part("files", files=(str(tmp_path / "one.txt"), str(tmp_path / "two.txt")), key="k")
    ((_, (first,)), (_, (second,))) = run_part(part, Settings(known_ids=KnownSet([known])), nlp)
    assert first.article is None and first.error is None and second.ok


def _report(queue) -> None:
    queue.put({name: os.environ.get(name) for name in THREAD_SETTINGS})


def test_worker_processes_get_one_blas_thread_and_the_parent_keeps_its_settings(monkeypatch) -> None:
    monkeypatch.setenv("MKL_NUM_THREADS", "3")  # a user's own choice is kept
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    with single_threaded_children():
        child = ctx.Process(target=_report, args=(queue,))
        child.start()
    seen = queue.get(timeout=60)
    child.join()
    assert seen["OMP_NUM_THREADS"] == "1" and seen["OPENBLAS_NUM_THREADS"] == "1" and seen["MKL_NUM_THREADS"] == "3"
    assert "OMP_NUM_THREADS" not in os.environ and os.environ["MKL_NUM_THREADS"] == "3"
