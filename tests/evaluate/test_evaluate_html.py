"""The HTML scorer reproduces the benchmark's measure, and dateline's reader clears the F1 floor on it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.evaluate.html import command, match_counts, measure, scores, shingles, summarize


def test_shingles_are_runs_of_four_words() -> None:
    assert shingles("Talks resume in Oslo on Monday") == {
        ("Talks", "resume", "in", "Oslo"): 1, ("resume", "in", "Oslo", "on"): 1, ("in", "Oslo", "on", "Monday"): 1}
    assert shingles("Too short") == {("Too", "short"): 1}
    assert not shingles("")


def test_counts_are_normalized_per_page() -> None:
    gold = "one two three four five six"
    assert match_counts(gold, gold) == (1.0, 0.0, 0.0)
    tp, fp, fn = match_counts(gold, "one two three four five six seven eight")
    assert (tp, fp, fn) == pytest.approx((3 / 5, 2 / 5, 0.0))
    assert match_counts(gold, "") == (0.0, 0.0, 1.0)


def test_summary_averages_pages_then_takes_f1() -> None:
    result = summarize([(1.0, 0.0, 0.0), (0.5, 0.5, 0.0), (0.0, 0.0, 1.0)])
    assert result["precision"] == pytest.approx(0.75)  # the empty prediction has no precision to count
    assert result["recall"] == pytest.approx(2 / 3)
    assert result["f1"] == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3))


def test_missing_benchmark_is_skipped(tmp_path: Path) -> None:
    assert "skipped" in measure(root=tmp_path)
    assert scores(tmp_path) == {}


@pytest.mark.shared
@pytest.mark.slow
def test_reader_clears_the_floor_on_the_benchmark(shared: Path) -> None:
    result = measure()
    assert result["pages"] == 181 and result["empty"] == 0
    assert result["f1"] >= 0.95, result
    run = CliRunner().invoke(command, ["--limit", "3"])
    assert run.exit_code == 0 and "F1" in run.output
