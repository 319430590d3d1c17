"""Query parameters shared by the JSON API and the HTML pages: one place validates filters and paging.

Each dependency turns raw query strings into the store's own query objects (EventQuery,
QuoteQuery) after checking them, so a bad value is a 400 with a one-line reason on every endpoint
and page alike, and nothing unchecked reaches SQL (which is parameterised anyway).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal

from fastapi import Depends, Query

from ..errors import UsageError
from ..store import EventQuery
from ..store.query import MODES, QuoteQuery, day_bound

MAX_PAGE = 200        # the largest page any list endpoint returns
DEFAULT_PAGE = 50
MAX_OFFSET = 1_000_000
MAX_EDGES = 500       # the most network edges one request returns
MAX_TEXT_PARAM = 200  # longest filter value accepted (codes, names, searches)
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
QUAD_CLASSES = {1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict"}

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_CODE = re.compile(r"^[A-Za-z0-9]{2,15}$")
_CODES = re.compile(r"^[A-Za-z0-9]{2,15}(\s*,\s*[A-Za-z0-9]{2,15})*$")
_CAMEO = re.compile(r"^[0-9]{1,4}\*?(\s*,\s*[0-9]{1,4}\*?)*$")
_WORDS = re.compile(r"^[A-Za-z_]+(\s*,\s*[A-Za-z_]+)*$")

Text = Annotated[str | None, Query(max_length=MAX_TEXT_PARAM)]


def blank(value: str | None) -> str | None:
    """An empty form field means "no filter"."""
    value = value.strip() if value is not None else None
    return value or None


def check_date(name: str, value: str | None) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real day or month, else a 400."""
    value = blank(value)
    if value is None:
        return None
    if not _DATE.match(value):
        raise UsageError(f"{name}: not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        date(parts[0], parts[1], parts[2])
    except ValueError:
        raise UsageError(f"{name}: no such date: {value!r}") from None
    return value


def check_range(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """Both ends checked, and the range not backwards."""
    since, until = check_date("since", since), check_date("until", until)
    if since and until and (day_bound(since, end=False) or "") > (day_bound(until, end=True) or ""):
        raise UsageError(f"since {since} is after until {until}")
    return since, until


def check_code(name: str, value: str | None, many: bool = True) -> str | None:
    """A CAMEO actor code (or, with many, a comma-separated list of them), upper-cased."""
    value = blank(value)
    if value is None:
        return None
    if not (_CODES if many else _CODE).match(value):
        raise UsageError(f"{name}: not an actor code: {value!r} (letters and digits, e.g. RUS or RUSGOV)")
    return value.upper()


def _check_words(name: str, value: str | None, allowed: tuple[str, ...], upper: bool) -> str | None:
    value = blank(value)
    if value is None:
        return None
    if not _WORDS.match(value):
        raise UsageError(f"{name}: not a list of names: {value!r}")
    words = [w.strip().upper() if upper else w.strip().lower() for w in value.split(",")]
    unknown = [w for w in words if w not in allowed]
    if unknown:
        raise UsageError(f"{name}: unknown value {unknown[0]!r} (one of {', '.join(allowed)})")
    return ",".join(words)


def event_query(
    source: Annotated[str | None, Query(max_length=MAX_TEXT_PARAM, description="Source actor code prefix or country, e.g. RUS (comma list ok).")] = None,
    target: Annotated[str | None, Query(max_length=MAX_TEXT_PARAM, description="Target actor code prefix or country, e.g. SRB.")] = None,
    actor: Annotated[str | None, Query(max_length=MAX_TEXT_PARAM, description="Either side is this actor.")] = None,
    cameo: Annotated[str | None, Query(max_length=MAX_TEXT_PARAM, description="CAMEO code, '05*' for a prefix (comma list ok).")] = None,
    plover: Annotated[str | None, Query(max_length=MAX_TEXT_PARAM, description="PLOVER event type, e.g. SUPPORT (comma list ok).")] = None,
    mode: Annotated[str | None, Query(max_length=MAX_TEXT_PARAM, description="future, negated, hypothetical, historical or asserted.")] = None,
    quad_class: Annotated[str | None, Query(description="1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict.")] = None,
    since: Annotated[str | None, Query(max_length=10, description="From this day (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    until: Annotated[str | None, Query(max_length=10, description="Up to this day, inclusive.")] = None,
    article: Annotated[str | None, Query(max_length=64, description="Only this article's events.")] = None,
    all_mentions: Annotated[bool, Query(description="One row per article mention instead of once per near-duplicate cluster.")] = False,
) -> EventQuery:
    """The event filters of `dateline events`, checked."""
    since, until = check_range(since, until)
    cameo = blank(cameo)
    if cameo is not None and not _CAMEO.match(cameo):
        raise UsageError(f"cameo: not a CAMEO code pattern: {cameo!r} (e.g. 051 or 05*)")
    quad = blank(quad_class)
    if quad is not None and quad not in {"1", "2", "3", "4"}:
        raise UsageError(f"quad_class: must be 1, 2, 3 or 4, not {quad!r}")
    return EventQuery(source=check_code("source", source), target=check_code("target", target),
                      actor=check_code("actor", actor), cameo=cameo.replace(" ", "") if cameo else None,
                      plover=_check_words("plover", plover, PLOVER_TYPES, upper=True),
                      mode=_check_words("mode", mode, MODES, upper=False),
                      quad_class=int(quad) if quad else None, since=since, until=until,
                      article=blank(article), dedup=not all_mentions, limit=None)


def quote_query(
    speaker: Annotated[str | None, Query(max_length=MAX_TEXT_PARAM, description="Speaker name (any part, any case) or actor code.")] = None,
    q: Annotated[str | None, Query(max_length=MAX_TEXT_PARAM, description="Words in the quote (web-search syntax: \"phrase\", OR, -word).")] = None,
    kind: Annotated[Literal["direct", "indirect", "mixed"] | None, Query(description="Kind of quotation.")] = None,
    article: Annotated[str | None, Query(max_length=64, description="Only this article's quotes.")] = None,
    since: Annotated[str | None, Query(max_length=10, description="Articles published from this day.")] = None,
    until: Annotated[str | None, Query(max_length=10, description="Articles published up to this day.")] = None,
    all_mentions: Annotated[bool, Query(description="List a quote repeated by near-duplicate articles once per article.")] = False,
) -> QuoteQuery:
    """The quote filters of `dateline quotes`, checked."""
    since, until = check_range(since, until)
    return QuoteQuery(speaker=blank(speaker), search=blank(q), kind=kind, article=blank(article), since=since,
                      until=until, dedup=not all_mentions, limit=None)


@dataclass(frozen=True, slots=True)
class Paging:
    """A page of a list: how many items and how many to skip."""

    limit: int
    offset: int


def paging(limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Items per page (at most {MAX_PAGE}).")] = DEFAULT_PAGE,
           offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")] = 0) -> Paging:
    """limit/offset, bounded."""
    return Paging(limit, offset)


EventFilters = Annotated[EventQuery, Depends(event_query)]
QuoteFilters = Annotated[QuoteQuery, Depends(quote_query)]
Page = Annotated[Paging, Depends(paging)]
Interval = Annotated[Literal["day", "month", "year"], Query(description="Bucket size of the timeline.")]
