"""The ledger: results released in input order within a bounded window; lost units retried alone, then reported."""

from __future__ import annotations

from dateline.engine.ledger import RERUN_HINT, Ledger
from dateline.engine.parts import Part


def _part(*names: str) -> Part:
    return Part("files", files=names, key="-".join(names))


def _ok(name: str) -> tuple:
    return ("ok", name, "{}")


def test_results_come_out_in_input_order_whatever_order_they_arrive_in() -> None:
    ledger = Ledger(window=4)
    first, second = ledger.open(_part("a", "b")), ledger.open(_part("c"))
    ledger.add([("err", "d", "ReadError", "no such file", "d")])
    ledger.settle(second, 0, [_ok("c")])
    assert list(ledger.ready()) == []  # "a" and "b" are not back yet
    ledger.settle(first, 1, [_ok("b")])
    ledger.settle(first, 0, [_ok("a"), _ok("a[1]")])
    assert [item[1] for item in ledger.ready()] == ["a", "a[1]", "b", "c", "d"]
    assert ledger.empty


def test_the_window_bounds_open_slots() -> None:
    ledger = Ledger(window=2)
    task = ledger.open(_part("a"))
    ledger.open(_part("b"))
    assert ledger.full
    ledger.settle(task, 0, [])
    assert list(ledger.ready()) == [] and not ledger.full and not ledger.empty


def test_lost_units_are_retried_alone_then_reported_for_a_rerun() -> None:
    ledger = Ledger(retries=1)
    task = ledger.open(_part("a", "b", "c"))
    ledger.settle(task, 0, [_ok("a")])
    retries = ledger.lost(task, "its worker process died (SIGKILL)")
    assert [(r.part.active(), r.attempt, r.owner is task) for r in retries] == [([1], 1, True), ([2], 1, True)]
    ledger.settle(retries[0], 1, [_ok("b")])
    assert ledger.lost(retries[1], "its worker process died (SIGKILL)") == []  # no retries left
    items = list(ledger.ready())
    assert [i[0] for i in items] == ["ok", "ok", "err"]
    assert items[2][1] == "c" and items[2][3] == f"its worker process died (SIGKILL); {RERUN_HINT}"
    assert ledger.rerun == ["c"]


def test_unfinished_names_what_was_in_flight() -> None:
    ledger = Ledger()
    task = ledger.open(Part("range", path="feed.jsonl", first_line=11, count=3, key="k"))
    ledger.settle(task, 1, [])
    assert ledger.unfinished() == ["feed.jsonl:11", "feed.jsonl:13"]


def test_unordered_ledger_releases_whatever_is_complete_and_counts_open_slots() -> None:
    ledger = Ledger(window=2, ordered=False)
    first, second = ledger.open(_part("a")), ledger.open(_part("b"))
    assert ledger.full
    ledger.settle(second, 0, [_ok("b")])
    assert [item[1] for item in ledger.ready()] == ["b"]
    assert not ledger.full and not ledger.empty
    ledger.open(_part("c"))
    ledger.settle(first, 0, [_ok("a")])
    assert [item[1] for item in ledger.ready()] == ["a"] and ledger.unfinished() == ["c"]
