"""The gate fails on a drop, on a vanished metric and on a changed corpus; floors only rise on purpose."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.evaluate import gate


def test_score_below_floor_fails() -> None:
    verdicts = gate.judge({"quotes.f1": 0.80}, {"quotes.f1": 0.79}, {"quotes"})
    assert [v.ok for v in verdicts] == [False]
    assert verdicts[0].note == "below floor"


def test_score_at_or_above_floor_passes() -> None:
    verdicts = gate.judge({"quotes.f1": 0.80}, {"quotes.f1": 0.80}, {"quotes"})
    assert all(v.ok for v in verdicts)


def test_metric_that_is_no_longer_measured_fails() -> None:
    verdicts = gate.judge({"events.type_acc": 0.7}, {}, {"events"})
    assert not verdicts[0].ok and verdicts[0].note == "no longer measured"


def test_suites_not_run_are_not_judged() -> None:
    assert gate.judge({"events.type_acc": 0.7}, {}, {"quotes"}) == []


def test_recording_never_lowers_a_floor_unless_asked() -> None:
    floors = {"html.f1": 0.95}
    assert gate.raised_floors(floors, {"html.f1": 0.90}, set())["html.f1"] == 0.95
    assert gate.raised_floors(floors, {"html.f1": 0.90}, {"html.f1"})["html.f1"] == pytest.approx(0.895)
    assert gate.raised_floors(floors, {"html.f1": 0.99}, set())["html.f1"] == pytest.approx(0.985)


def test_fingerprint_changes_with_the_corpus(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "a.json").write_text("{}")
    before = gate.fingerprint(tmp_path, ("gold",))
    (tmp_path / "gold" / "a.json").write_text('{"x": 1}')
    assert gate.fingerprint(tmp_path, ("gold",)) != before


def test_docs_table_matches_recorded_floors() -> None:
    """docs/evaluation.md shows the floors that floors.json holds, so a changed floor shows in review."""
    floors = gate.load_floors()["floors"]
    docs = gate.DOCS.read_text("utf-8")
    for metric, floor in floors.items():
        row = next((line for line in docs.splitlines() if line.startswith(f"| `{metric}` |")), None)
        assert row is not None, f"{metric} missing from docs/evaluation.md"
        assert row.rstrip(" |").endswith(f"{floor:.3f}"), f"{metric}: docs show another floor than floors.json"


def test_floors_file_is_well_formed() -> None:
    data = json.loads(gate.FLOORS.read_text("utf-8"))
    assert set(data) == {"corpus", "floors"}
    assert all(0.0 <= v <= 1.0 for v in data["floors"].values())


@pytest.mark.shared
@pytest.mark.slow
def test_every_score_holds_its_floor_on_the_gold_data(shared: Path) -> None:
    """The gate itself, on the real gold corpora: no score below its floor, no corpus changed."""
    from click.testing import CliRunner

    result = CliRunner().invoke(gate.command, ["--report"])
    assert result.exit_code == 0, result.output
