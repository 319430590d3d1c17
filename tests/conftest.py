"""Shared fixtures: the spaCy pipeline (loaded once) and the reference data folder (skipped when absent)."""

from __future__ import annotations

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
