"""Resuming: compact sets of what the store holds, and a rerun that skips it."""

from __future__ import annotations

import pickle
from pathlib import Path

from dateline.engine.resume import Done, KnownSet
from dateline.pipeline import process_text
from dateline.store import open_store

from .corpus import story


def test_known_set_answers_membership_and_travels_by_pickle() -> None:
    keys = [f"{i:016x}" for i in range(0, 5000, 7)]
    known = KnownSet(keys + keys[:10])
    assert len(known) == len(keys)
    assert all(k in known for k in keys)
    assert not any(f"{i:016x}" in known for i in range(1, 5000, 7))
    again = pickle.loads(pickle.dumps(known))
    assert "0000000000000007" in again and "0000000000000008" not in again
    assert "x" not in KnownSet() and 7 not in known


def test_done_reads_ids_and_paths_from_the_store(tmp_path: Path, nlp) -> None:
    articles = [process_text(story(i), language=nlp) for i in range(3)]
    articles[0].source.path = "in/one.txt"
    with open_store(str(tmp_path / "s.db")) as store:
        store.write_articles(articles)
        done = Done.from_store(store, chunk=2)
    assert len(done) == 3
    assert all(a.id in done.ids for a in articles)
    assert "in/one.txt" in done.paths and "in/two.txt" not in done.paths
