"""Shared helpers for benchmark scripts: the bench corpus, timing and peak memory."""

from __future__ import annotations

import json
import resource
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from dateline.paths import shared_path  # noqa: E402


def bench_dir() -> Path:
    """The news-please bench corpus, or exit cleanly when ../shared is absent."""
    path = shared_path("bench", "news-please")
    if path is None:
        print("skip: ../shared/bench/news-please is not present")
        raise SystemExit(0)
    return path


def bench_files(limit: int | None = None) -> list[Path]:
    """The bench files that hold an article text, sorted for repeatable runs."""
    files = []
    for path in sorted(bench_dir().glob("*.json")):
        try:
            data = json.loads(path.read_text("utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue
        if isinstance(data, dict) and (data.get("text") or data.get("maintext")):
            files.append(path)
    return files[:limit] if limit else files


def bench_texts(limit: int | None = None) -> list[str]:
    """The article texts of the bench corpus (title, description and text, as dateline reads them)."""
    out = []
    for path in bench_files(limit):
        data = json.loads(path.read_text("utf-8"))
        out.append(data.get("text") or data.get("maintext"))
    return out


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextmanager
def timed() -> Iterator[list[float]]:
    """Measure wall time of a block; the elapsed seconds land in the yielded list."""
    box: list[float] = []
    start = time.perf_counter()
    yield box
    box.append(time.perf_counter() - start)
