"""POST /api/articles: process a new article through the pipeline and store it; off unless a token is set.

Writes are disabled by default and then answer 403 (the route exists and says how to enable it).
With a token configured, the request must send `Authorization: Bearer <token>`: a missing or
wrong token is 401, checked in constant time, before the body is even looked at.
"""

from __future__ import annotations

import hmac
import re
import threading
from dataclasses import replace
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, field_validator

from .. import contract
from ..errors import UsageError
from ..model import Source
from ..store import Store
from .api import ErrorBody
from .app import get_results, get_store
from .cache import Results
from .params import check_date

MAX_TEXT_CHARS = 200_000
_BEARER = re.compile(r"^Bearer\s+(\S+)\s*$", re.IGNORECASE)
_pipeline_lock = threading.Lock()  # one article through spaCy at a time; requests queue behind it

router = APIRouter(prefix="/api", tags=["write"])


class ArticleIn(BaseModel):
    """A new article: its plain text (headline first), and optionally its publication date and URL."""

    model_config = {"extra": "forbid"}

    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS, description="The article as plain text.")
    published: str | None = Field(None, max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD.")
    url: str | None = Field(None, max_length=2000, description="Where it was published (http or https).")

    @field_validator("text")
    @classmethod
    def _has_words(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is blank")
        return value

    @field_validator("published")
    @classmethod
    def _date(cls, value: str | None) -> str | None:
        try:
            return check_date("published", value)
        except UsageError as exc:
            raise ValueError(exc.reason) from None

    @field_validator("url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        parts = urlsplit(value.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("url must be an http(s) URL with a host")
        return value.strip()


class Written(BaseModel):
    """What was stored: the article's id, whether it was new, and what the pipeline found in it."""

    id: str
    new: bool
    entities: int
    quotes: int
    events: int
    api: str
    page: str


def require_token(request: Request,
                  authorization: Annotated[str | None, Header(description="Bearer <write token>")] = None) -> None:
    """403 when writes are off; 401 unless the bearer token matches (compared in constant time)."""
    expected: str | None = request.app.state.write_token
    if expected is None:
        raise HTTPException(403, "writes are disabled on this server (start it with --write-token or "
                                 "$DATELINE_WRITE_TOKEN to enable POST /api/articles)")
    match = _BEARER.match(authorization or "")
    given = match.group(1) if match else ""
    if not hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        raise HTTPException(401, "missing or wrong write token (send Authorization: Bearer <token>)",
                            headers={"WWW-Authenticate": 'Bearer realm="dateline"'})


@router.post("/articles", status_code=201, response_model=Written, dependencies=[Depends(require_token)],
             summary="Process and store a new article (needs the write token)",
             responses={400: {"model": ErrorBody, "description": "Bad body"},
                        401: {"model": ErrorBody, "description": "Missing or wrong token"},
                        403: {"model": ErrorBody, "description": "Writes are disabled on this server"},
                        413: {"model": ErrorBody, "description": "Body too large"},
                        422: {"model": ErrorBody, "description": "The pipeline could not process the text"}})
def write_article(body: ArticleIn, store: Annotated[Store, Depends(get_store)],
                  results: Annotated[Results, Depends(get_results)]) -> JSONResponse:
    """Run the text through the whole pipeline (entities, quotes, events) and store the result; the same
    text again replaces its earlier version (same id) and answers 200 instead of 201."""
    from ..pipeline import process_text

    with _pipeline_lock:
        article = process_text(body.text, published=body.published)
    if body.url:
        host = (urlsplit(body.url).hostname or "").lower().removeprefix("www.") or None
        article = replace(article, source=Source(path=None, url=body.url, format="text", domain=host))
    problems = contract.problems(article.to_dict())
    if problems:
        raise HTTPException(500, f"the pipeline produced an invalid article ({problems[0]})")
    result = store.write_articles([article])
    results.clear()
    out = Written(id=article.id, new=bool(result.new), entities=len(article.entities), quotes=len(article.quotes),
                  events=len(article.events), api=f"/api/articles/{article.id}", page=f"/articles/{article.id}")
    return JSONResponse(out.model_dump(), status_code=201 if result.new else 200,
                        headers={"Location": out.api})
