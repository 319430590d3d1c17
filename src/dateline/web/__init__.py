"""The web app and HTTP API: `create_app(store_url)` gives a FastAPI app (see docs/web.md)."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
