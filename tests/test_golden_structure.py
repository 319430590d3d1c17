"""Golden files: each example article read and structured exactly as recorded (regenerate with UPDATE_GOLDEN=1)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dateline import contract
from dateline.errors import DatelineError
from dateline.read import read_inputs
from dateline.structure import build_article

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "examples" / "articles"
GOLDEN = Path(__file__).resolve().parent / "golden" / "structure"
TODAY = date(2026, 11, 27)  # inferred years depend on "today"; a fixed day keeps the files stable
STAGE_FIELDS = ("entities", "quotes", "events")


def _structured() -> dict[str, dict]:
    out = {}
    for raw in read_inputs([str(ARTICLES)]):
        assert not isinstance(raw, DatelineError), raw
        data = build_article(raw, today=TODAY).to_dict()
        contract.check(data)
        data["source"]["path"] = Path(data["source"]["path"]).relative_to(ROOT).as_posix()
        name = Path(data["source"]["path"]).name.replace(":", "-")
        out[name] = {k: v for k, v in data.items() if k not in STAGE_FIELDS}
    return out


def test_examples_match_their_golden_files(golden) -> None:
    golden(GOLDEN, _structured())


@pytest.mark.parametrize("style,agency", [("/TASS/.", "TASS"), ("(Reuters) -", "Reuters"), ("(AP) —", "AP"),
                                          ("(AFP) -", "AFP"), ("(Xinhua) --", "Xinhua")])
def test_examples_cover_every_wire_style(style: str, agency: str) -> None:
    datelines = [d["structure"]["dateline"]["text"] for d in _structured().values() if d["structure"]["dateline"]]
    assert any(text.endswith(style) for text in datelines), (style, datelines)
