"""`pip install dateline` as a user does it: the wheel alone, in a fresh virtual environment, must run."""

from __future__ import annotations

import json
import subprocess
import sys
import venv
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "articles"


def _pip(python: Path, *args: str, timeout: int = 900) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(python), "-m", "pip", "--disable-pip-version-check", *args],
                          capture_output=True, text=True, timeout=timeout)


def test_the_wheel_installs_alone_and_processes_the_examples(tmp_path: Path) -> None:
    built = _pip(Path(sys.executable), "wheel", "--no-deps", "-w", str(tmp_path / "dist"),
                 str(REPO))
    assert built.returncode == 0, built.stderr[-2000:]
    wheel = next((tmp_path / "dist").glob("dateline-*.whl"))

    env_dir = tmp_path / "env"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    installed = _pip(python, "install", "--quiet", str(wheel))  # its dependencies come from the package index
    if installed.returncode != 0 and "No matching distribution" in installed.stderr + installed.stdout:
        pytest.skip("no package index reachable from here")
    assert installed.returncode == 0, installed.stderr[-2000:]

    out = tmp_path / "out.jsonl"
    run = subprocess.run([str(env_dir / "bin" / "dateline"), "process", str(EXAMPLES), "--no-db", "--jsonl", str(out)],
                         capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-2000:]
    articles = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(articles) == 11
    assert sum(len(a["quotes"]) for a in articles) > 0 and sum(len(a["events"]) for a in articles) > 0
    # The data files travel in the wheel: the seed-like example is coded from packaged lexicons.
    assert any(e.get("actor") and e["actor"]["code"].startswith("SRB") for a in articles for e in a["entities"])
