"""The JSON API under /api/: articles, events, quotes, actors, network and timeline, read-only.

Lists take `limit` and `offset` and return {"items": [...], "total": N}; filters are the CLI's
(see params.py). Counts come from the same store queries as `dateline events|quotes|actors`, so
the API, the pages and the terminal always agree.
"""

from __future__ import annotations

from typing import Annotated, Any, Generic, TypeVar

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Path, Query
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel

from ..store import ActorRecord, EventRecord, QuoteRecord, SearchHit, Store, StoreStats
from ..store import analytics as an
from .app import get_results, get_store
from .cache import Results
from .params import MAX_EDGES, MAX_TEXT_PARAM, EventFilters, Interval, Page, QuoteFilters, blank, check_code, check_range

T = TypeVar("T")


class ErrorBody(BaseModel):
    """Every error: a one-line reason and the HTTP status (details list the bad parameters)."""

    error: str
    status: int
    details: list[dict[str, str]] | None = None


class Items(BaseModel, Generic[T]):
    """A page of a list and how many items match in all."""

    items: list[T]
    total: int


class TimelineOut(BaseModel):
    """Event counts per period by quad class, oldest first, gaps filled with zeros."""

    interval: str
    items: list[an.TimelineBucket]
    total: int


StoreDep = Annotated[Store, Depends(get_store)]
Cache = Annotated[Results, Depends(get_results)]
NOT_FOUND = {404: {"model": ErrorBody, "description": "No such item"}}
router = APIRouter(prefix="/api", tags=["read"], responses={400: {"model": ErrorBody, "description": "Bad parameters"}})
ArticleId = Annotated[str, Path(min_length=1, max_length=64, description="The article's id (16 hex digits).")]
ActorCode = Annotated[str, Path(min_length=2, max_length=15, description="A CAMEO actor code, e.g. RUS or RUSGOV.")]


@router.get("/stats", response_model=StoreStats, summary="What the store holds")
def stats(store: StoreDep, cache: Cache) -> StoreStats:
    """Counts of articles, clusters, entities, quotes and events, and the date ranges they cover."""
    return cache.get("stats", store.stats)


@router.get("/articles", response_model=Items[an.ArticleSummary], summary="List articles")
def articles(store: StoreDep, page: Page, since: Annotated[str | None, Query(max_length=10)] = None,
             until: Annotated[str | None, Query(max_length=10)] = None,
             domain: Annotated[str | None, Query(max_length=253)] = None,
             actor: Annotated[str | None, Query(max_length=15, description="Articles naming this exact actor code.")] = None
             ) -> dict[str, Any]:
    """Stored articles, newest first, with how many entities, quotes and events each holds."""
    since, until = check_range(since, until)
    filters = {"since": since, "until": until, "domain": blank(domain), "actor": check_code("actor", actor, many=False)}
    return {"items": an.list_articles(store, limit=page.limit, offset=page.offset, **filters),
            "total": an.count_articles(store, **filters)}


@router.get("/articles/search", response_model=Items[SearchHit], summary="Full-text search of articles")
def search(store: StoreDep, page: Page,
           q: Annotated[str, Query(min_length=1, max_length=MAX_TEXT_PARAM,
                                   description="Words (all must appear), \"a phrase\", a OR b, -word.")]) -> dict[str, Any]:
    """Articles whose title or text match, most relevant first, each with a snippet ([matched] words)."""
    return {"items": store.search_articles(q, limit=page.limit, offset=page.offset), "total": an.count_search(store, q)}


@router.get("/articles/{article_id}", summary="One article with its entities, quotes and events", responses=NOT_FOUND)
def article(store: StoreDep, article_id: ArticleId) -> dict[str, Any]:
    """The article in the output contract's JSON form (docs/schema.md): text, structure, entities with
    their mentions, quotes with speakers, events with evidence and rule; every span has character offsets."""
    found = store.get_article(article_id)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return found.to_dict()


@router.get("/events", response_model=Items[EventRecord], summary="Events, filtered like `dateline events`")
def events(store: StoreDep, cache: Cache, query: EventFilters, page: Page) -> dict[str, Any]:
    """Events newest first, counted once per near-duplicate cluster (all_mentions=true lists every mention);
    num_mentions/num_articles/num_sources say how widely each was reported."""
    items = store.events(query, limit=page.limit, offset=page.offset)
    return {"items": items, "total": cache.get(("count_events", query), lambda: store.count_events(query))}


@router.get("/quotes", response_model=Items[QuoteRecord], summary="Quotes by speaker and words")
def quotes(store: StoreDep, cache: Cache, query: QuoteFilters, page: Page) -> dict[str, Any]:
    """Quotes matching a speaker (any part of the name, or an actor code) and words, most relevant first
    when searching; a quote repeated word for word by near-duplicate articles is listed once."""
    total = cache.get(("count_quotes", query), lambda: an.count_quotes(store, query))
    return {"items": store.quotes(query, limit=page.limit, offset=page.offset), "total": total}


@router.get("/actors", response_model=Items[ActorRecord], summary="Actors ranked by activity")
def actors(store: StoreDep, cache: Cache, query: EventFilters, page: Page) -> dict[str, Any]:
    """Actor codes ranked by events as source or target, with cooperation/conflict counts and balance
    (-1 all conflict .. +1 all cooperation) and mean Goldstein score; the event filters narrow the events."""
    items, total = cache.get(("actors", query, page), lambda: an.ranked_actors(store, query, page.limit, page.offset))
    return {"items": items, "total": total}


@router.get("/actors/{code}", response_model=an.ActorProfile, summary="One actor's profile", responses=NOT_FOUND)
def actor(store: StoreDep, cache: Cache, code: ActorCode, query: EventFilters, interval: Interval = "month",
          partners: Annotated[int, Query(ge=1, le=100, description="How many top partners.")] = 10,
          quotes: Annotated[int, Query(ge=0, le=100, description="How many of its latest quotes.")] = 10
          ) -> an.ActorProfile:
    """Events of this exact code as source and as target over time, its top partners, cooperation vs
    conflict, its event types and its quotes (the event filters narrow the events, not the quotes)."""
    checked = check_code("code", code, many=False) or ""
    profile = cache.get(("actor", checked, query, interval, partners, quotes),
                        lambda: an.actor_profile(store, checked, query, interval=interval, partners=partners, quotes=quotes))
    if profile is None:
        raise HTTPException(404, f"no events or quotes for actor {checked!r}")
    return profile


@router.get("/network", response_model=an.Network, summary="Actor network weighted by events")
def network(store: StoreDep, cache: Cache, query: EventFilters,
            limit: Annotated[int, Query(ge=1, le=MAX_EDGES, description="Most edges returned (heaviest first).")] = 100,
            min_events: Annotated[int, Query(ge=1, le=1_000_000, description="Leave out lighter edges.")] = 1
            ) -> an.Network:
    """Directed edges source -> target between actor codes with event counts by quad class and mean
    Goldstein score, and the nodes they touch; total_edges counts every pair that matched."""
    return cache.get(("network", query, limit, min_events),
                     lambda: an.network(store, query, max_edges=limit, min_events=min_events))


@router.get("/timeline", response_model=TimelineOut, summary="Event counts over time by quad class")
def timeline(store: StoreDep, cache: Cache, query: EventFilters, interval: Interval = "month") -> dict[str, Any]:
    """Events per day, month or year by quad class (undated events left out), with empty periods filled."""
    items = cache.get(("timeline", query, interval), lambda: an.timeline(store, query, interval=interval))
    return {"interval": interval, "items": items, "total": len(items)}


def document_errors(app: FastAPI) -> None:
    """Make the OpenAPI document say what the app does: bad parameters are 400 with ErrorBody, not 422."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        error_ref = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                responses = operation.get("responses", {})
                if responses.pop("422", None) is not None:
                    responses.setdefault("400", {"description": "Bad parameters", "content": error_ref})
        schemas = schema.setdefault("components", {}).setdefault("schemas", {})
        for name in ("HTTPValidationError", "ValidationError"):
            schemas.pop(name, None)
        schemas["ErrorBody"] = ErrorBody.model_json_schema()
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
