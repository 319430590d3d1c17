"""The Python query API (events, quotes, actors, search, stats), shared by both backends and the CLI.

Every query is written once with `?` placeholders; the backend supplies full-text matching and
its placeholder style. Event queries can count an event once per near-duplicate cluster: events
with the same cluster, source and target codes, CAMEO code, day and mode are one event, shown by
its first-stored mention; every mention carries its event's GDELT-style NumMentions/NumArticles/
NumSources (kept up to date on write by dedup.recount).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Any, NamedTuple

from ..errors import UsageError
from .records import (ActorRecord, EventRecord, QuoteRecord, SearchHit, StoreStats, from_row,
                      to_frame)

if TYPE_CHECKING:
    import pandas as pd

    from .base import Store

# Columns that make two mentions (in one near-duplicate cluster) the same event.
EVENT_KEY = ("source_code", "target_code", "cameo", "day", "mode")
MODES = ("future", "negated", "hypothetical", "historical", "asserted")
_CODE = re.compile(r"^[A-Z0-9]{2,15}$")
_CAMEO = re.compile(r"^[0-9]{1,4}\*?$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_ARTICLE_COLS = {"cluster_id", "url", "path", "domain", "title", "published", "added"}
_EXPR = {"gid": "e.pk", "event_id": "e.id", **{c: f"a.{c}" for c in _ARTICLE_COLS}}
EVENT_SELECT = ", ".join(f"{_EXPR.get(f.name, 'e.' + f.name)} AS {f.name}" for f in fields(EventRecord))
QUOTE_SELECT = ", ".join({"quote_id": "q.id AS quote_id", **{c: f"a.{c} AS {c}" for c in ("published", "title", "url", "domain")}}
                         .get(f.name, f"q.{f.name} AS {f.name}") for f in fields(QuoteRecord) if f.name != "num_articles")


class FtsMatch(NamedTuple):
    """A backend's full-text match: JOIN clause, WHERE condition, params, rank (smaller = better), snippet."""

    join: str
    where: str
    params: list[Any]
    rank: str
    snippet: str


def day_bound(value: str | None, end: bool) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD as the first (or, for --until, last) day it covers."""
    if value is None:
        return None
    match = _DATE.match(value.strip())
    if not match:
        raise UsageError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = match.group(1), match.group(2), match.group(3)
    if day:
        return f"{year}-{month}-{day}"
    if month:
        last = calendar.monthrange(int(year), int(month))[1] if end else 1
        return f"{year}-{month}-{last:02d}"
    return f"{year}-12-31" if end else f"{year}-01-01"


def _day_range(column: str, since: str | None, until: str | None, conds: list[str], params: list[Any]) -> None:
    """Add since/until bounds on a YYYY-MM-DD column (either may be absent)."""
    if since:
        conds.append(f"{column} >= ?")
        params.append(day_bound(since, end=False))
    if until:
        conds.append(f"{column} <= ?")
        params.append(day_bound(until, end=True))


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def _after(prefix: str) -> str:
    """The smallest string greater than every string starting with prefix (for index range scans)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def like_pattern(text: str) -> str:
    """A LIKE pattern matching text anywhere, with the user's % and _ taken literally."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Event filters. Actor codes match as prefixes (RUS matches RUS, RUSGOV, RUSMIL); several values may
    be given comma-separated. cameo '05*' is a prefix, '051' exact. mode 'asserted' means no mode."""

    source: str | None = None
    target: str | None = None
    actor: str | None = None
    cameo: str | None = None
    plover: str | None = None
    mode: str | None = None
    quad_class: int | None = None
    since: str | None = None
    until: str | None = None
    article: str | None = None
    cluster: str | None = None
    dedup: bool = True
    limit: int | None = 100
    offset: int = 0

    def conditions(self, e: str = "e", a: str = "a") -> tuple[list[str], list[Any]]:
        """SQL conditions over events `e` joined to articles `a`, and their params."""
        conds: list[str] = []
        params: list[Any] = []

        def actor(side: str, value: str) -> str:
            parts = []
            for code in _split(value.upper()):
                if not _CODE.match(code):
                    raise UsageError(f"not an actor code: {code!r}")
                parts.append(f"{e}.{side}_code >= ? AND {e}.{side}_code < ?")
                params.extend([code, _after(code)])
            return "(" + " OR ".join(f"({p})" for p in parts) + ")"

        if self.source:
            conds.append(actor("source", self.source))
        if self.target:
            conds.append(actor("target", self.target))
        if self.actor:
            conds.append(f"({actor('source', self.actor)} OR {actor('target', self.actor)})")
        if self.cameo:
            parts = []
            for code in _split(self.cameo):
                if not _CAMEO.match(code):
                    raise UsageError(f"not a CAMEO code pattern: {code!r} (e.g. 051 or '05*')")
                if code.endswith("*"):
                    parts.append(f"({e}.cameo >= ? AND {e}.cameo < ?)")
                    params.extend([code[:-1], _after(code[:-1])] if len(code) > 1 else ["0", ":"])
                else:
                    parts.append(f"{e}.cameo = ?")
                    params.append(code)
            conds.append("(" + " OR ".join(parts) + ")")
        if self.plover:
            values = [v.upper() for v in _split(self.plover)]
            conds.append(f"{e}.plover IN ({', '.join('?' * len(values))})")
            params.extend(values)
        if self.mode:
            modes = [m.lower() for m in _split(self.mode)]
            for mode in modes:
                if mode not in MODES:
                    raise UsageError(f"unknown mode {mode!r} (one of {', '.join(MODES)})")
            named = [m for m in modes if m != "asserted"]
            parts = [f"{e}.mode IS NULL"] if "asserted" in modes else []
            parts += [f"{e}.mode IN ({', '.join('?' * len(named))})"] if named else []
            conds.append("(" + " OR ".join(parts) + ")")
            params.extend(named)
        if self.quad_class is not None:
            conds.append(f"{e}.quad_class = ?")
            params.append(int(self.quad_class))
        _day_range(f"{e}.day", self.since, self.until, conds, params)
        if self.article:
            conds.append(f"{e}.article_id = ?")
            params.append(self.article)
        if self.cluster:
            conds.append(f"{a}.cluster_id = ?")
            params.append(self.cluster)
        return conds, params


@dataclass(frozen=True, slots=True)
class QuoteQuery:
    """Quote filters: speaker name (substring, any case) or code, full-text search, kind, article, dates.
    With dedup, a quote repeated word for word by near-duplicate articles is listed once."""

    speaker: str | None = None
    search: str | None = None
    kind: str | None = None
    article: str | None = None
    since: str | None = None
    until: str | None = None
    dedup: bool = True
    limit: int | None = 100
    offset: int = 0

    def conditions(self, ilike: str, q: str = "q", a: str = "a", twin: bool = False) -> tuple[list[str], list[Any]]:
        """SQL conditions (all but the full-text search) over quotes `q` joined to articles `a`; for
        `twin` (the same words said by the same speaker in a near-duplicate), only those twins can fail."""
        conds: list[str] = []
        params: list[Any] = []
        if self.speaker and not twin:
            # Names are few next to quotes: match them once, then fetch their quotes by index
            # (written as one pk list so that no planner scans articles by date to satisfy the order).
            conds.append(f"{q}.pk IN (SELECT pk FROM quotes WHERE speaker_name IN (SELECT DISTINCT speaker_name "
                         f"FROM quotes WHERE speaker_name {ilike} ? ESCAPE '\\') UNION "
                         f"SELECT pk FROM quotes WHERE speaker_code = ?)")
            params += [like_pattern(self.speaker), self.speaker.upper()]
        if self.kind:
            conds.append(f"{q}.kind = ?")
            params.append(self.kind)
        if self.article and not twin:
            conds.append(f"{q}.article_id = ?")
            params.append(self.article)
        _day_range(f"{a}.published", self.since, self.until, conds, params)
        return conds, params


def _events_from(q: EventQuery) -> str:
    """Events, joined to their articles only when a filter needs them (counting stays in the index)."""
    return "events e JOIN articles a ON a.id = e.article_id" if q.cluster else "events e"


def _build(cls: type, query: Any, filters: dict[str, Any]) -> Any:
    query = query or cls()
    unknown = set(filters) - {f.name for f in fields(cls)}
    if unknown:
        raise UsageError(f"unknown filter(s): {', '.join(sorted(unknown))}")
    return replace(query, **filters) if filters else query


class QueryMixin:
    """Query methods of a Store (needs the statement helpers and fts_join of base.Store)."""

    def _page(self: Store, limit: int | None, offset: int) -> tuple[str, list[Any]]:
        if limit is None and not offset:
            return "", []
        return " LIMIT ? OFFSET ?", [-1 if limit is None and self.backend == "sqlite" else limit, offset]

    @property
    def _same(self: Store) -> str:
        return "IS" if self.backend == "sqlite" else "IS NOT DISTINCT FROM"

    # -- events ------------------------------------------------------------------------------------
    def _where(self: Store, q: EventQuery) -> tuple[str, list[Any]]:
        """The WHERE condition for a query; with dedup only each event's first mention in its cluster
        passes (an article's own events all pass: asking for one article is asking for its mentions)."""
        conds, params = q.conditions()
        if q.dedup and not q.article:
            conds.append("e.first_mention = 1")
        return " AND ".join(conds) or "1 = 1", params

    def events(self: Store, query: EventQuery | None = None, **filters: Any) -> list[EventRecord]:
        """Events matching the filters, newest first (see EventQuery for the filters)."""
        q: EventQuery = _build(EventQuery, query, filters)
        where, params = self._where(q)
        page, page_params = self._page(q.limit, q.offset)
        sql = (f"SELECT {EVENT_SELECT} FROM events e JOIN articles a ON a.id = e.article_id"
               f" WHERE {where} ORDER BY e.day DESC NULLS LAST, e.pk DESC{page}")
        return [from_row(EventRecord, r) for r in self._dicts(sql, params + page_params)]

    def count_events(self: Store, query: EventQuery | None = None, **filters: Any) -> int:
        """How many events match (once per cluster when dedup)."""
        q: EventQuery = _build(EventQuery, query, filters)
        where, params = self._where(q)
        row = self._one(f"SELECT COUNT(*) FROM {_events_from(q)} WHERE {where}", params)
        return int(row[0]) if row else 0

    def events_frame(self: Store, query: EventQuery | None = None, **filters: Any) -> pd.DataFrame:
        """events() as a DataFrame with explicit dtypes (day is a datetime64 column)."""
        return to_frame(self.events(query, **filters), EventRecord)

    # -- quotes ------------------------------------------------------------------------------------
    def quotes(self: Store, query: QuoteQuery | None = None, **filters: Any) -> list[QuoteRecord]:
        """Quotes matching the filters: by relevance when searching, else newest article first."""
        q: QuoteQuery = _build(QuoteQuery, query, filters)
        conds, params = q.conditions(self.ilike)
        join, order = "", "a.published DESC NULLS LAST, q.article_id, q.content_start"
        if q.search:
            match: FtsMatch = self.fts_join("quotes", "q", q.search)
            join, order = match.join, f"{match.rank}, q.pk"
            conds.append(match.where)
            params = match.params + params
        same = (f"FROM articles a2 JOIN quotes q2 ON q2.article_id = a2.id WHERE a2.cluster_id = a.cluster_id "
                f"AND q2.content = q.content AND q2.speaker_name {self._same} q.speaker_name")
        count = "1"
        if q.dedup and not q.article:  # one article's quotes are all listed
            twin_conds, twin_params = q.conditions(self.ilike, "q2", "a2", twin=True)
            twins = same + "".join(f" AND {c}" for c in twin_conds)
            conds.append(f"NOT EXISTS (SELECT 1 {twins} AND q2.pk < q.pk)")
            count = f"(SELECT COUNT(DISTINCT a2.id) {twins})"
            params = twin_params + params + twin_params
        page, page_params = self._page(q.limit, q.offset)
        sql = (f"SELECT {QUOTE_SELECT}, {count} AS num_articles FROM quotes q {join} JOIN articles a ON a.id = q.article_id"
               f" WHERE {' AND '.join(conds) or '1 = 1'} ORDER BY {order}{page}")
        return [from_row(QuoteRecord, r) for r in self._dicts(sql, params + page_params)]

    def quotes_frame(self: Store, query: QuoteQuery | None = None, **filters: Any) -> pd.DataFrame:
        """quotes() as a DataFrame."""
        return to_frame(self.quotes(query, **filters), QuoteRecord)

    # -- articles ----------------------------------------------------------------------------------
    def search_articles(self: Store, text: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        """Articles whose title or text match a full-text search, most relevant first, with a snippet."""
        match: FtsMatch = self.fts_join("articles", "a", text)
        page, page_params = self._page(limit, offset)
        sql = (f"SELECT a.id AS article_id, a.title, a.published, a.url, a.domain, {match.snippet} AS snippet "
               f"FROM articles a {match.join} WHERE {match.where} ORDER BY {match.rank}, a.pk{page}")
        return [SearchHit(**r) for r in self._dicts(sql, match.params + page_params)]

    # -- actors ------------------------------------------------------------------------------------
    def actors(self: Store, top: int = 20, query: EventQuery | None = None, **filters: Any) -> list[ActorRecord]:
        """The most active actor codes (as source or target) with their cooperation/conflict balance."""
        q: EventQuery = _build(EventQuery, query, filters)
        where, params = self._where(q)
        side = ("SELECT e.{s}_code AS code, {src} AS as_source, e.quad_class AS quad, e.goldstein AS gs "
                f"FROM {_events_from(q)} WHERE e.{{s}}_code IS NOT NULL AND " + where)
        sql = (f"SELECT code, COUNT(*) AS n, SUM(as_source) AS src, "
               f"SUM(CASE WHEN quad IN (1, 2) THEN 1 ELSE 0 END) AS coop, "
               f"SUM(CASE WHEN quad IN (3, 4) THEN 1 ELSE 0 END) AS conf, AVG(gs) AS gs FROM ("
               f"{side.format(s='source', src=1)} UNION ALL {side.format(s='target', src=0)}) sides "
               f"GROUP BY code ORDER BY n DESC, code LIMIT ?")
        rows = self._all(sql, params + params + [top])
        names = self._actor_names([r[0] for r in rows], q)
        out = []
        for code, n, src, coop, conf, gs in rows:
            coop, conf = int(coop or 0), int(conf or 0)
            balance = (coop - conf) / (coop + conf) if coop + conf else None
            out.append(ActorRecord(code, names.get(code), int(n), int(src or 0), int(n) - int(src or 0), coop, conf,
                                   balance, float(gs) if gs is not None else None))
        return out

    def _actor_names(self: Store, codes: list[str], q: EventQuery | None = None) -> dict[str, str]:
        """The name each actor code is most often written as in the events the query selects (all by default)."""
        if not codes:
            return {}
        q = q or EventQuery(dedup=False)
        marks = ", ".join("?" * len(codes))
        where, params = self._where(q)
        side = (f"SELECT e.{{s}}_code, e.{{s}}_text, COUNT(*) FROM {_events_from(q)} WHERE e.{{s}}_code IN ({marks}) "
                f"AND {where} GROUP BY e.{{s}}_code, e.{{s}}_text")
        rows = self._all(f"{side.format(s='source')} UNION ALL {side.format(s='target')}",
                         codes + params + codes + params)
        totals: dict[tuple[str, str], int] = {}
        for code, name, n in rows:
            if name:
                totals[(code, name)] = totals.get((code, name), 0) + int(n)
        best: dict[str, tuple[int, str]] = {}
        for (code, name), n in totals.items():
            if code not in best or (n, name) > best[code]:
                best[code] = (n, name)
        return {code: name for code, (n, name) in best.items()}

    def actors_frame(self: Store, top: int = 20, query: EventQuery | None = None, **filters: Any) -> pd.DataFrame:
        """actors() as a DataFrame."""
        return to_frame(self.actors(top, query, **filters), ActorRecord)

    # -- stats -------------------------------------------------------------------------------------
    def stats(self: Store) -> StoreStats:
        """Counts and ranges describing the whole store."""
        def one(sql: str) -> Any:
            row = self._one(sql)
            return row[0] if row else None

        pub = self._one("SELECT MIN(published), MAX(published) FROM articles") or (None, None)
        days = self._one("SELECT MIN(day), MAX(day) FROM events") or (None, None)
        size = getattr(self, "file_size", lambda: None)()
        return StoreStats(
            backend=self.backend, location=self.display, schema_version=self.schema_version(),
            articles=int(one("SELECT COUNT(*) FROM articles")),
            clusters=int(one("SELECT COUNT(DISTINCT cluster_id) FROM articles")),
            entities=int(one("SELECT COUNT(*) FROM entities")),
            mentions=int(one("SELECT COUNT(*) FROM mentions")),
            quotes=int(one("SELECT COUNT(*) FROM quotes")),
            quotes_attributed=int(one("SELECT COUNT(*) FROM quotes WHERE speaker_entity IS NOT NULL "
                                      "OR speaker_name IS NOT NULL")),
            events=int(one("SELECT COUNT(*) FROM events")),
            events_distinct=int(one("SELECT COUNT(*) FROM events WHERE first_mention = 1")),
            first_published=pub[0], last_published=pub[1], first_event_day=days[0], last_event_day=days[1],
            quad_classes={int(k): int(n) for k, n in self._all(
                "SELECT quad_class, COUNT(*) FROM events WHERE quad_class IS NOT NULL GROUP BY quad_class "
                "ORDER BY quad_class")},
            top_domains=[(d, int(n)) for d, n in self._all(
                "SELECT domain, COUNT(*) AS n FROM articles WHERE domain IS NOT NULL GROUP BY domain "
                "ORDER BY n DESC, domain LIMIT 10")],
            size_bytes=size,
        )
