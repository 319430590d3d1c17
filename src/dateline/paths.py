"""Where the shared reference data lives, so evaluations and benchmarks can find it or skip cleanly."""

from __future__ import annotations

import os
from pathlib import Path


def shared_dir() -> Path | None:
    """The ../shared reference folder: $DATELINE_SHARED, else ../shared of the cwd or of the checkout."""
    env = os.environ.get("DATELINE_SHARED")
    candidates = [Path(env)] if env else []
    candidates.append(Path.cwd().parent / "shared")
    candidates.append(Path(__file__).resolve().parents[3] / "shared")
    for path in candidates:
        if path.is_dir():
            return path
    return None


def shared_path(*parts: str) -> Path | None:
    """A path inside ../shared when it exists, else None."""
    root = shared_dir()
    if root is None:
        return None
    path = root.joinpath(*parts)
    return path if path.exists() else None
