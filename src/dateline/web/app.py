"""Builds the web app for one store: JSON API under /api/, HTML pages, static files, safe defaults.

Safe defaults: writes are off unless a token is configured; request bodies are capped; every
response carries a Content-Security-Policy that allows only this origin's scripts and styles
(nothing is loaded from a CDN, so the app works with no internet); errors are JSON under /api/
and short HTML pages elsewhere, never a traceback.
"""

from __future__ import annotations

import logging
import threading
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, AsyncIterator, Awaitable, Callable, Sequence

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import __version__
from ..errors import DatelineError, StoreError, UsageError
from ..store import Store, open_store
from .cache import Results

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 1_000_000  # a news article is a few tens of kilobytes; a megabyte is plenty
STATIC = Path(__file__).parent / "static"
SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                 b"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


class Guard:
    """ASGI middleware: refuses bodies over the cap (413, before the app reads them) and adds security headers."""

    def __init__(self, app: Any, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def secured(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        if scope["method"] in ("POST", "PUT", "PATCH"):
            body = await self._read(scope, receive)
            if body is None:
                response = error_response(413, f"request body over {self.max_body} bytes")
                await response(scope, receive, secured)
                return
            receive = _replay(body)
        await self.app(scope, receive, secured)

    async def _read(self, scope: Scope, receive: Receive) -> bytes | None:
        """The whole body, or None as soon as it is known to be too large."""
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > self.max_body:
                return None
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                return None
            chunks.append(chunk)
            more = message.get("more_body", False)
        return b"".join(chunks)


def _replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


def error_response(status: int, message: str, details: list[dict[str, Any]] | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    """The one JSON error shape: {"error": message, "status": code[, "details": [...]]}."""
    body: dict[str, Any] = {"error": message, "status": status}
    if details:
        body["details"] = details
    return JSONResponse(body, status_code=status, headers=headers)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def _problems(exc: RequestValidationError) -> list[dict[str, Any]]:
    out = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ())]
        out.append({"where": ".".join(loc), "message": str(err.get("msg", "invalid"))})
    return out


def _install_error_handlers(app: FastAPI) -> None:
    from .pages import error_page

    def answer(request: Request, status: int, message: str, details: list[dict[str, Any]] | None = None,
               headers: dict[str, str] | None = None) -> Response:
        if _is_api(request):
            return error_response(status, message, details, headers)
        return error_page(request, status, message)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        details = _problems(exc)
        first = details[0] if details else {"where": "request", "message": "invalid"}
        return answer(request, 400, f"{first['where']}: {first['message']}", details)

    @app.exception_handler(UsageError)
    async def bad_usage(request: Request, exc: UsageError) -> Response:
        return answer(request, 400, exc.reason)

    @app.exception_handler(StoreError)
    async def store_failed(request: Request, exc: StoreError) -> Response:
        log.error("store error: %s", exc)
        return answer(request, 503, "the store could not answer (see the server log)")

    @app.exception_handler(DatelineError)
    async def dateline_failed(request: Request, exc: DatelineError) -> Response:
        return answer(request, 422, exc.reason)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        return answer(request, exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return answer(request, 500, "internal error (see the server log)")


def _prewarm(app: FastAPI) -> None:
    """Fill the cache with what the home page shows, so the first visitor does not wait for it."""
    from .pages import home_figures

    try:
        home_figures(app.state.store, app.state.results)
    except Exception:  # a failure here only means the first visit computes it instead
        log.warning("could not compute the home page's figures ahead", exc_info=True)


def get_store(request: Request) -> Store:
    """The app's open store (one connection, serialised by the store's own lock)."""
    return request.app.state.store


def get_results(request: Request) -> Results:
    """The app's cache of aggregate answers (see cache.py)."""
    return request.app.state.results


def create_app(db: str | Store, *, write_token: str | None = None, max_body: int = MAX_BODY_BYTES,
               allowed_hosts: Sequence[str] | None = None, prewarm: bool = False) -> FastAPI:
    """The app serving one store (a path, URL or open Store); writes need `write_token` (off when None).

    allowed_hosts: Host header values accepted (serve passes the loopback names when bound to
    127.0.0.1, so a web page elsewhere cannot reach the app through DNS rebinding).
    prewarm: compute the home page's figures in the background at start-up (they scan every event).
    """
    if write_token is not None and len(write_token) < 16:
        raise UsageError("the write token must be at least 16 characters")
    owned = not isinstance(db, Store)
    store = open_store(db, create=write_token is not None) if owned else db

    @asynccontextmanager
    async def lifespan(started: FastAPI) -> AsyncIterator[None]:
        if prewarm:
            threading.Thread(target=_prewarm, args=(started,), name="dateline-prewarm", daemon=True).start()
        yield
        if owned:
            store.close()

    app = FastAPI(title="dateline", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json",
                  description="Who did what to whom, and who said what: the events, quotes and actors of a "
                              "dateline store. Lists take `limit` and `offset` and return `{items, total}`; "
                              "errors are `{error, status}`.")
    app.state.store = store
    app.state.results = Results(store)
    app.state.write_token = write_token
    from . import api, pages, writes

    app.include_router(api.router)
    app.include_router(writes.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _install_error_handlers(app)
    api.document_errors(app)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    app.add_middleware(Guard, max_body=max_body)
    return app
