"""Web fixtures: the story corpus through the real pipeline, stores holding it (SQLite, PostgreSQL), clients, a live server."""

from __future__ import annotations

import os
import socket
import threading
import time
import warnings
from pathlib import Path
from typing import Iterator

import pytest

from dateline.model import Article
from dateline.store import open_store

from .corpus import build

with warnings.catch_warnings():  # starlette's test client warns about its httpx backend on import
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOKEN = "test-write-token-0123456789"
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


@pytest.fixture(scope="session")
def stories(nlp) -> dict[str, Article]:
    """Every test story, processed by the real pipeline once per run, by key."""
    return build(nlp)


@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL cluster for the web tests (missing binaries skip here and fail in CI)."""
    from store.pgserver import find_bindir, start_server  # tests/store, the store's own throw-away server

    bindir = find_bindir()
    if bindir is None:
        if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
            pytest.fail("PostgreSQL server binaries not found (CI is set, so this is an error)", pytrace=False)
        pytest.skip("PostgreSQL server binaries not found; install them with scripts/setup-system.sh")
    server = start_server(bindir)
    yield server
    server.stop()


def _pg_database(server, name: str) -> str:
    import psycopg

    with psycopg.connect(server.url(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name}")
    return server.url(name)


@pytest.fixture(scope="session", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path_factory, stories: dict[str, Article]) -> str:
    """A store holding every story, written once per backend and then only read."""
    if request.param == "sqlite":
        url = str(tmp_path_factory.mktemp("web") / "stories.db")
    else:
        url = _pg_database(request.getfixturevalue("pg_server"), f"dateline_web_{os.getpid()}")
    with open_store(url) as store:
        store.write_articles(stories.values())
    return url


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory, stories: dict[str, Article]) -> str:
    """A SQLite store holding every story (for tests that need one backend only)."""
    url = str(tmp_path_factory.mktemp("web-sqlite") / "stories.db")
    with open_store(url) as store:
        store.write_articles(stories.values())
    return url


@pytest.fixture(scope="session")
def client(store_url: str) -> Iterator[TestClient]:
    """A read-only app over the story store, on each backend."""
    from dateline.web import create_app

    with TestClient(create_app(store_url)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def sqlite_client(sqlite_url: str) -> Iterator[TestClient]:
    """A read-only app over the SQLite story store."""
    from dateline.web import create_app

    with TestClient(create_app(sqlite_url)) as test_client:
        yield test_client


@pytest.fixture
def writable(tmp_path, stories: dict[str, Article]) -> Iterator[tuple[TestClient, str]]:
    """An app with writes enabled by TOKEN over a fresh SQLite store, and that store's path."""
    from dateline.web import create_app

    path = str(tmp_path / "writable.db")
    with TestClient(create_app(path, write_token=TOKEN)) as test_client:
        yield test_client, path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    """The app served by uvicorn in a thread on a free port (for the browser)."""

    def __init__(self, app) -> None:
        import uvicorn

        self.port = _free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """Where browser tests save their screenshots (artifacts/screenshots, gitignored)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
