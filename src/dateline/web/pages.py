"""The HTML pages: home, articles (list, search, one article highlighted), events, actors, network, quotes.

Pages are rendered on the server from Jinja2 templates with autoescaping on, from the same
checked parameters and store queries as the API; charts and the network graph are drawn by
small scripts of our own from JSON embedded in the page (no CDN, nothing fetched elsewhere).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup, escape

from .. import __version__
from ..store import EventQuery, Store
from ..store import analytics as an
from .app import get_results, get_store
from .cache import Results
from .highlight import actor_label, event_label, render, speaker_of
from .params import (MAX_TEXT_PARAM, PLOVER_TYPES, QUAD_CLASSES, EventFilters, Interval, Page, Paging, QuoteFilters,
                     blank, check_code, check_range)

TEMPLATES = Path(__file__).parent / "templates"
MODES = ("asserted", "future", "negated", "hypothetical", "historical")
_MATCHED = re.compile(r"\[([^\[\]]*)\]")

router = APIRouter(include_in_schema=False)
StoreDep = Annotated[Store, Depends(get_store)]
Cache = Annotated[Results, Depends(get_results)]


def embed_json(data: Any) -> Markup:
    """JSON safe inside <script type="application/json">: no '<', '>' or '&' can close the element."""
    text = json.dumps(data, ensure_ascii=False, default=_plain)
    return Markup(text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
                  .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _plain(value: Any) -> Any:
    from dataclasses import asdict, is_dataclass

    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    raise TypeError(f"cannot embed {type(value).__name__}")


def split_evidence(r: Any) -> tuple[str, str, str]:
    """An event's evidence as (before, trigger, after), or the whole evidence when the trigger lies outside it."""
    start, end = r.trigger_start - r.evidence_start, r.trigger_end - r.evidence_start
    if 0 <= start < end <= len(r.evidence_text):
        return r.evidence_text[:start], r.evidence_text[start:end], r.evidence_text[end:]
    return r.evidence_text, "", ""


def snippet(text: str | None) -> Markup:
    """A search snippet with its [matched] words marked, everything else escaped."""
    escaped = str(escape(text or ""))
    return Markup(_MATCHED.sub(r"<mark>\1</mark>", escaped))


def marked(text: str, search: str | None) -> Markup:
    """Text with the words of a search marked (a word matches its inflections: sanction ~ sanctions)."""
    words = [w for w in re.findall(r"-?\w+", search or "") if not w.startswith("-") and w != "OR"]
    if not words:
        return Markup(escape(text))
    pattern = re.compile(r"\b(" + "|".join(re.escape(w[:max(4, len(w) - 2)]) for w in words) + r")\w*", re.I)
    out, at = [], 0
    for match in pattern.finditer(text):
        out += [str(escape(text[at:match.start()])), f"<mark>{escape(match.group(0))}</mark>"]
        at = match.end()
    return Markup("".join(out) + str(escape(text[at:])))


def timeline_chart(buckets: list[an.TimelineBucket]) -> dict[str, Any]:
    """Stacked-bar chart data for event counts by quad class."""
    names = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}
    series = [{"name": QUAD_CLASSES[n], "cls": f"quad{n}", "values": [getattr(b.quads, names[n]) for b in buckets]}
              for n in names]
    series.append({"name": "Uncoded", "cls": "quad0", "values": [b.quads.uncoded for b in buckets]})
    return {"periods": [b.period for b in buckets], "series": series}


def actor_chart(periods: list[an.ActorPeriod]) -> dict[str, Any]:
    """Stacked-bar chart data for one actor: cooperation, conflict and other events per period."""
    return {"periods": [p.period for p in periods], "series": [
        {"name": "Cooperation", "cls": "coop", "values": [p.cooperation for p in periods]},
        {"name": "Conflict", "cls": "conf", "values": [p.conflict for p in periods]},
        {"name": "Other", "cls": "quad0",
         "values": [p.as_source + p.as_target - p.cooperation - p.conflict for p in periods]}]}


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The template environment: autoescaping on, undefined names are errors, our filters and globals."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["json"] = embed_json
    env.filters["signed"] = lambda v: "" if v is None else f"{v:+.2f}"
    env.globals.update(version=__version__, quad_classes=QUAD_CLASSES, plover_types=PLOVER_TYPES, modes=MODES,
                       event_label=event_label, link=link, split_evidence=split_evidence, snippet=snippet, marked=marked,
                       timeline_chart=timeline_chart, actor_chart=actor_chart)
    return env


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A rendered page; every template gets the request's path and query for links and forms."""
    context.update(request=request, path=request.url.path, query=dict(request.query_params))
    return HTMLResponse(environment().get_template(template).render(**context), status_code=status)


def error_page(request: Request, status: int, message: str) -> Response:
    """A short HTML page for an error on a page (the API answers JSON instead)."""
    return page(request, "error.html", status=status, status_code=status, message=message)


def link(path: str, params: dict[str, Any], **changes: Any) -> str:
    """path?query with some parameters changed (None drops one); empty values are left out."""
    merged = {**params, **changes}
    query = urlencode({k: v for k, v in merged.items() if v not in (None, "", False)})
    return f"{path}?{query}" if query else path


def pager(request: Request, total: int, paging: Any) -> dict[str, Any]:
    """Where this page starts and ends, and links to the previous and next pages."""
    params = dict(request.query_params)
    limit, offset = paging.limit, paging.offset
    return {"first": offset + 1 if total else 0, "last": min(offset + limit, total), "total": total,
            "prev": link(request.url.path, params, offset=max(offset - limit, 0) or None) if offset else None,
            "next": link(request.url.path, params, offset=offset + limit) if offset + limit < total else None}


def home_figures(store: Store, cache: Results) -> dict[str, Any]:
    """What the home page shows about the whole store (also computed ahead by `dateline serve`)."""
    everything = EventQuery(limit=None)
    return {"stats": cache.get("stats", store.stats),
            "actors": cache.get(("actors", everything, Paging(10, 0)), lambda: an.ranked_actors(store, everything, 10))[0],
            "timeline": cache.get(("timeline", everything, "month"), lambda: an.timeline(store, everything))}


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: StoreDep, cache: Cache) -> HTMLResponse:
    """A search box, what the store holds, the latest articles, the most active actors."""
    return page(request, "home.html", recent=an.list_articles(store, limit=10), **home_figures(store, cache))


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, store: StoreDep, paging: Page,
             q: Annotated[str | None, Query(max_length=MAX_TEXT_PARAM)] = None,
             since: Annotated[str | None, Query(max_length=10)] = None,
             until: Annotated[str | None, Query(max_length=10)] = None,
             domain: Annotated[str | None, Query(max_length=253)] = None,
             actor: Annotated[str | None, Query(max_length=15)] = None) -> HTMLResponse:
    """Articles newest first, or full-text search results with snippets."""
    q = blank(q)
    if q:
        hits, total = store.search_articles(q, paging.limit, paging.offset), an.count_search(store, q)
        return page(request, "articles.html", q=q, hits=hits, rows=[], pages=pager(request, total, paging))
    since, until = check_range(since, until)
    filters = {"since": since, "until": until, "domain": blank(domain), "actor": check_code("actor", actor, many=False)}
    rows = an.list_articles(store, limit=paging.limit, offset=paging.offset, **filters)
    return page(request, "articles.html", q=None, hits=[], rows=rows,
                pages=pager(request, an.count_articles(store, **filters), paging))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, store: StoreDep, article_id: str) -> HTMLResponse:
    """The article's text with entities, quotes and events highlighted, and a panel explaining each."""
    found = store.get_article(article_id[:64])
    if found is None:
        raise HTTPException(404, f"no article with id {article_id[:64]!r}")
    body, notes = render(found)
    quotes = [(q, speaker_of(found, q)) for q in found.quotes]
    events = [(v, actor_label(found, v.source), actor_label(found, v.target)) for v in found.events]
    entities = sorted(found.entities, key=lambda e: (-len(e.mentions), e.name))
    headline = found.structure.headline.text if found.structure.headline else None
    heading = found.title or headline or " ".join(found.text[:90].split()) or f"Article {found.id}"
    return page(request, "article.html", article=found, body=body, notes=notes, quotes=quotes, events=events,
                entities=entities, heading=heading)


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, store: StoreDep, cache: Cache, query: EventFilters, paging: Page,
           interval: Interval = "month") -> HTMLResponse:
    """Events with the CLI's filters, a timeline of what matched, and a table of the current page."""
    rows = store.events(query, limit=paging.limit, offset=paging.offset)
    total = cache.get(("count_events", query), lambda: store.count_events(query))
    return page(request, "events.html", rows=rows, pages=pager(request, total, paging), interval=interval,
                timeline=cache.get(("timeline", query, interval), lambda: an.timeline(store, query, interval=interval)))


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, store: StoreDep, cache: Cache, query: EventFilters, paging: Page) -> HTMLResponse:
    """Actor codes ranked by activity, with their cooperation/conflict balance."""
    rows, total = cache.get(("actors", query, paging), lambda: an.ranked_actors(store, query, paging.limit, paging.offset))
    return page(request, "actors.html", rows=rows, pages=pager(request, total, paging))


@router.get("/actors/{code}", response_class=HTMLResponse)
def actor(request: Request, store: StoreDep, cache: Cache, code: str, query: EventFilters,
          interval: Interval = "month") -> HTMLResponse:
    """One actor: totals, a timeline chart, partners, event types, quotes and latest events."""
    checked = check_code("code", code[:15], many=False) or ""
    profile = cache.get(("actor", checked, query, interval, 15, 20),
                        lambda: an.actor_profile(store, checked, query, interval=interval, partners=15, quotes=20))
    if profile is None:
        raise HTTPException(404, f"no events or quotes for actor {checked!r}")
    around = store.events(EventQuery(actor=checked, since=query.since, until=query.until, cameo=query.cameo,
                                     plover=query.plover, mode=query.mode, dedup=query.dedup), limit=100)
    recent = [r for r in around if checked in (r.source_code, r.target_code)][:20]  # the exact code, not sub-codes
    return page(request, "actor.html", profile=profile, recent=recent, interval=interval)


@router.get("/network", response_class=HTMLResponse)
def network(request: Request, store: StoreDep, cache: Cache, query: EventFilters,
            limit: Annotated[int, Query(ge=1, le=300)] = 60,
            min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1) -> HTMLResponse:
    """The actor network as a force-directed graph, with its edges listed underneath."""
    graph = cache.get(("network", query, limit, min_events),
                      lambda: an.network(store, query, max_edges=limit, min_events=min_events))
    return page(request, "network.html", graph=graph, limit=limit, min_events=min_events)


@router.get("/quotes", response_class=HTMLResponse)
def quotes(request: Request, store: StoreDep, cache: Cache, query: QuoteFilters, paging: Page) -> HTMLResponse:
    """Quote search by speaker and words; each result links to its place in the article."""
    searched = any([query.speaker, query.search, query.kind, query.article, query.since, query.until])
    rows = store.quotes(query, limit=paging.limit, offset=paging.offset)
    return page(request, "quotes.html", rows=rows, searched=searched,
                pages=pager(request, cache.get(("count_quotes", query), lambda: an.count_quotes(store, query)), paging))
