"""A bad --db gives one StoreError line that names it; never a traceback, never a leaked password."""

from __future__ import annotations

import socket

import pytest

from dateline.errors import StoreError
from dateline.store import open_store


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _one_line(exc: StoreError) -> str:
    text = str(exc)
    assert "\n" not in text and text.endswith("[E005]")
    return text


def test_file_that_is_not_a_database(tmp_path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("these are my notes, not a database\n" * 50)
    with pytest.raises(StoreError) as err:
        open_store(str(path))
    assert _one_line(err.value).startswith(f"{path}: not a SQLite database")
    assert path.read_text().startswith("these are my notes")  # untouched


def test_directory(tmp_path) -> None:
    with pytest.raises(StoreError, match="is a directory"):
        open_store(str(tmp_path))


def test_missing_file_when_not_creating(tmp_path) -> None:
    path = tmp_path / "typo.db"
    with pytest.raises(StoreError, match="no such database") as err:
        open_store(str(path), create=False)
    assert str(path) in _one_line(err.value)
    assert not path.exists()


def test_missing_directory(tmp_path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "nowhere" / "x.db"))


def test_unreachable_server_hides_the_password() -> None:
    url = f"postgresql://analyst:s3cret@127.0.0.1:{_closed_port()}/events?connect_timeout=3"
    with pytest.raises(StoreError, match="cannot connect to the PostgreSQL server") as err:
        open_store(url)
    text = _one_line(err.value)
    assert "s3cret" not in text and "analyst:***@127.0.0.1" in text


@pytest.mark.postgres
def test_missing_database_on_a_live_server(pg_server) -> None:
    with pytest.raises(StoreError, match="nosuchdb") as err:
        open_store(pg_server.url("nosuchdb"))
    _one_line(err.value)


def test_closed_store_says_so(tmp_path) -> None:
    store = open_store(str(tmp_path / "x.db"))
    store.close()
    store.close()  # twice is fine
    with pytest.raises(StoreError, match="closed"):
        store.stats()
