"""Shared fixtures: the spaCy pipeline (loaded once) and the reference data folder (skipped when absent)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from dateline.paths import shared_dir

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="session")
def nlp():
    """The default spaCy pipeline, loaded once for the whole run."""
    from dateline import nlp as nlp_module

    return nlp_module.load()


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared reference folder; tests that need it skip cleanly without it."""
    root = shared_dir()
    if root is None:
        pytest.skip("../shared reference data is not present")
    return root


@pytest.fixture(scope="session")
def golden():
    """golden(folder, found): compare {name: data} with folder/<name>.json; UPDATE_GOLDEN=1 rewrites the folder on purpose."""

    def check(folder: Path, found: dict) -> None:
        if os.environ.get("UPDATE_GOLDEN"):
            folder.mkdir(parents=True, exist_ok=True)
            for old in folder.glob("*.json"):
                old.unlink()
            for name, data in found.items():
                (folder / f"{name}.json").write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", "utf-8")
        recorded = {p.name.removesuffix(".json"): json.loads(p.read_text("utf-8")) for p in folder.glob("*.json")}
        assert sorted(recorded) == sorted(found), "inputs and golden files differ; run with UPDATE_GOLDEN=1 on purpose"
        for name, data in found.items():
            assert data == recorded[name], f"{name} changed; inspect the diff, then regenerate with UPDATE_GOLDEN=1"

    return check
