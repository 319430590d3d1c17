"""`dateline serve`: loopback by default, Host headers pinned there, writes only with a token, a clear error for no store."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from typing import Iterator

import httpx
import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.cli.serve import allowed_hosts, is_loopback
from dateline.errors import StoreError

from .conftest import TOKEN


def test_loopback_addresses() -> None:
    assert all(is_loopback(h) for h in ("127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "192.168.1.10", "example.org", "::"))


def test_hosts_accepted_on_loopback_only() -> None:
    hosts = allowed_hosts("127.0.0.1", 8001)
    assert hosts is not None and {"127.0.0.1", "127.0.0.1:8001", "localhost:8001"} <= set(hosts)
    assert not any("example" in h for h in hosts)
    assert allowed_hosts("0.0.0.0", 8001) is None


def test_help_names_the_defaults() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    assert "127.0.0.1" in result.output and "8001" in result.output and "DATELINE_WRITE_TOKEN" in result.output


def test_a_missing_store_is_a_one_line_error(tmp_path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "nope.db")])
    assert isinstance(result.exception, StoreError) and "no such database" in str(result.exception)
    assert not (tmp_path / "nope.db").exists()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(db: str, env: dict[str, str] | None = None) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-c", "from dateline.cli import run; run()", "serve", "--db", db,
                             "--port", str(port), "--log-level", "warning"],
                            env={**os.environ, **(env or {})}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(proc.stdout.read().decode())  # type: ignore[union-attr]
        try:
            if httpx.get(base + "/api/stats", timeout=1).status_code == 200:
                return proc, base
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise AssertionError("dateline serve did not answer")


@pytest.fixture
def stopping() -> Iterator[list[subprocess.Popen]]:
    procs: list[subprocess.Popen] = []
    yield procs
    for proc in procs:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.mark.slow
def test_serve_answers_on_loopback_with_writes_off(sqlite_url: str, stopping) -> None:
    proc, base = _serve(sqlite_url)
    stopping.append(proc)
    assert httpx.get(base + "/api/articles").json()["total"] > 0
    assert httpx.get(base + "/").status_code == 200
    assert httpx.get(base + "/api/stats", headers={"host": "rebinding.example"}).status_code == 400
    assert httpx.post(base + "/api/articles", json={"text": "x"}).status_code == 403
    assert "server" not in httpx.get(base + "/api/stats").headers


@pytest.mark.slow
def test_serve_with_a_token_from_the_environment(tmp_path, stopping) -> None:
    proc, base = _serve(str(tmp_path / "new.db"), env={"DATELINE_WRITE_TOKEN": TOKEN})
    stopping.append(proc)
    assert httpx.post(base + "/api/articles", json={"text": "x"}).status_code == 401
    ok = httpx.post(base + "/api/articles", json={"text": "Serbia and Russia sign a trade deal in Belgrade."},
                    headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120)
    assert ok.status_code == 201, ok.text
    assert httpx.get(base + ok.json()["api"]).json()["id"] == ok.json()["id"]
