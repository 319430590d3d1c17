"""Stores: SQLite by default, PostgreSQL for teams, one interface."""

from __future__ import annotations

from typing import Any


def open_store(url: str) -> Any:
    """Open (creating if needed) the store at a file path or postgresql:// URL."""
    raise NotImplementedError("issue 5 builds the store")
