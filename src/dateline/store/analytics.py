"""Analyst views over a store: article lists, timelines, actor profiles and the actor network.

Built on the same SQL layer as query.py (one statement text with `?` placeholders for both
backends, the same EventQuery filters) so the web app, notebooks and the CLI agree on every count:
events are counted once per near-duplicate cluster unless the query says dedup=False.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Literal

from ..errors import UsageError
from .query import QUOTE_SELECT, EventQuery, QuoteQuery, day_bound
from .records import ActorRecord, QuoteRecord, from_row

if TYPE_CHECKING:
    from .base import Store

Interval = Literal["day", "month", "year"]
INTERVALS: dict[str, int] = {"day": 10, "month": 7, "year": 4}  # characters of YYYY-MM-DD that name a bucket
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
LEAD_CHARS = 160
MAX_BUCKETS = 5000  # a filled day timeline longer than this asks for a coarser interval instead
_QUADS = "".join(f", SUM(CASE WHEN quad = {n} THEN 1 ELSE 0 END) AS q{n}" for n in QUAD_NAMES)
_BALANCE = ("SUM(CASE WHEN quad IN (1, 2) THEN 1 ELSE 0 END) AS coop, "
            "SUM(CASE WHEN quad IN (3, 4) THEN 1 ELSE 0 END) AS conf")


@dataclass(slots=True)
class ArticleSummary:
    """One stored article, as a list shows it: metadata and how much was found in it."""

    article_id: str
    title: str | None
    published: str | None
    url: str | None
    domain: str | None
    cluster_id: str | None
    entities: int
    quotes: int
    events: int
    lead: str = ""  # the first words of the text, for lists of articles that have no title


@dataclass(slots=True)
class QuadCounts:
    """Event counts by quad class (1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict)."""

    verbal_cooperation: int = 0
    material_cooperation: int = 0
    verbal_conflict: int = 0
    material_conflict: int = 0
    uncoded: int = 0

    @classmethod
    def of(cls, q1: Any, q2: Any, q3: Any, q4: Any, total: Any) -> QuadCounts:
        """From four per-class sums and the total (events with no quad class make up the rest)."""
        n = [int(v or 0) for v in (q1, q2, q3, q4)]
        return cls(*n, uncoded=int(total or 0) - sum(n))

    @property
    def total(self) -> int:
        return (self.verbal_cooperation + self.material_cooperation + self.verbal_conflict
                + self.material_conflict + self.uncoded)


@dataclass(slots=True)
class TimelineBucket:
    """Events in one day, month or year, by quad class."""

    period: str
    total: int
    quads: QuadCounts


@dataclass(slots=True)
class NetworkEdge:
    """Events from one actor code to another, by quad class, with their mean Goldstein score."""

    source: str
    target: str
    events: int
    quads: QuadCounts
    mean_goldstein: float | None


@dataclass(slots=True)
class NetworkNode:
    """An actor code in the network, with its most common name and how many shown events touch it."""

    code: str
    name: str | None
    events: int
    as_source: int
    as_target: int


@dataclass(slots=True)
class Network:
    """The heaviest edges between actor codes; total_edges says how many pairs matched in all."""

    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
    total_edges: int


@dataclass(slots=True)
class ActorPeriod:
    """One actor's events in one period: as source and as target, cooperative and conflictual."""

    period: str
    as_source: int
    as_target: int
    cooperation: int
    conflict: int


@dataclass(slots=True)
class Partner:
    """An actor's counterpart: events between them in either direction, and their tone."""

    code: str
    name: str | None
    events: int
    outgoing: int
    incoming: int
    cooperation: int
    conflict: int
    mean_goldstein: float | None


@dataclass(slots=True)
class TypeCount:
    """How many of an actor's events are of one PLOVER type ("(none)" when uncoded)."""

    type: str
    events: int


@dataclass(slots=True)
class ActorProfile:
    """Everything an actor page shows: its totals, activity over time, partners, event types, quotes."""

    code: str
    name: str | None
    summary: ActorRecord
    quads: QuadCounts
    timeline: list[ActorPeriod]
    partners: list[Partner]
    event_types: list[TypeCount]
    quotes: list[QuoteRecord]
    quotes_total: int
    names: list[str] = field(default_factory=list)


def _events_from(store: Store, q: EventQuery) -> tuple[str, list[Any]]:
    """FROM/WHERE over events `e` joined to articles `a` for a query (deduplicated when it says so)."""
    where, params = store._where(q)
    return f"FROM events e JOIN articles a ON a.id = e.article_id WHERE {where}", params


def _query(query: EventQuery | None, filters: dict[str, Any]) -> EventQuery:
    from .query import _build

    return _build(EventQuery, query, filters)


def _float(value: Any) -> float | None:
    return float(value) if value is not None else None


# -- articles --------------------------------------------------------------------------------------
def _article_filter(since: str | None, until: str | None, domain: str | None,
                    actor: str | None) -> tuple[str, list[Any]]:
    conds, params = ["1 = 1"], []
    if since:
        conds.append("a.published >= ?")
        params.append(day_bound(since, end=False))
    if until:
        conds.append("a.published < ?")  # published may carry a time: compare with the next day
        params.append((date.fromisoformat(day_bound(until, end=True) or "") + timedelta(days=1)).isoformat())
    if domain:
        conds.append("a.domain = ?")
        params.append(domain.lower())
    if actor:
        conds.append("EXISTS (SELECT 1 FROM entities en WHERE en.article_id = a.id AND en.actor_code = ?)")
        params.append(actor.upper())
    return " AND ".join(conds), params


def list_articles(store: Store, *, since: str | None = None, until: str | None = None, domain: str | None = None,
                  actor: str | None = None, limit: int = 50, offset: int = 0) -> list[ArticleSummary]:
    """Stored articles, newest first, with counts of their entities, quotes and events."""
    where, params = _article_filter(since, until, domain, actor)
    counts = ", ".join(f"(SELECT COUNT(*) FROM {t} x WHERE x.article_id = a.id) AS {t}"
                       for t in ("entities", "quotes", "events"))
    rows = store._dicts(f"SELECT a.id AS article_id, a.title, a.published, a.url, a.domain, a.cluster_id, {counts}, "
                        f"substr(a.text, 1, {LEAD_CHARS}) AS lead "
                        f"FROM articles a WHERE {where} ORDER BY a.published DESC NULLS LAST, a.pk DESC "
                        f"LIMIT ? OFFSET ?", params + [limit, offset])
    for r in rows:
        r["lead"] = " ".join((r["lead"] or "").split())
    return [ArticleSummary(**r) for r in rows]


def count_articles(store: Store, *, since: str | None = None, until: str | None = None, domain: str | None = None,
                   actor: str | None = None) -> int:
    """How many articles list_articles would page through."""
    where, params = _article_filter(since, until, domain, actor)
    row = store._one(f"SELECT COUNT(*) FROM articles a WHERE {where}", params)
    return int(row[0]) if row else 0


def count_search(store: Store, text: str) -> int:
    """How many articles a full-text search matches (search_articles pages through them)."""
    match = store.fts_join("articles", "a", text)
    row = store._one(f"SELECT COUNT(*) FROM articles a {match.join} WHERE {match.where}", match.params)
    return int(row[0]) if row else 0


# -- quotes ----------------------------------------------------------------------------------------
def _twins(store: Store, extra: list[str] | None = None) -> str:
    """Condition hiding a quote said word for word by the same speaker in an earlier-stored cluster sibling
    (`extra`: the query's own conditions on the sibling, so a twin outside the filters hides nothing)."""
    return ("NOT EXISTS (SELECT 1 FROM articles a2 JOIN quotes q2 ON q2.article_id = a2.id "
            "WHERE a2.cluster_id = a.cluster_id AND q2.content = q.content "
            f"AND q2.speaker_name {store._same} q.speaker_name AND q2.pk < q.pk"
            + "".join(f" AND {c}" for c in extra or []) + ")")


def count_quotes(store: Store, query: QuoteQuery | None = None, **filters: Any) -> int:
    """How many quotes store.quotes() pages through for the same filters."""
    from .query import _build

    q: QuoteQuery = _build(QuoteQuery, query, filters)
    conds, params = q.conditions(store.ilike)
    join = ""
    if q.search:
        match = store.fts_join("quotes", "q", q.search)
        join, params = match.join, match.params + params
        conds.append(match.where)
    if q.dedup:
        twin_conds, twin_params = q.conditions(store.ilike, "q2", "a2")
        conds.append(_twins(store, twin_conds))
        params += twin_params
    row = store._one(f"SELECT COUNT(*) FROM quotes q {join} JOIN articles a ON a.id = q.article_id "
                     f"WHERE {' AND '.join(conds) or '1 = 1'}", params)
    return int(row[0]) if row else 0


def speaker_quotes(store: Store, code: str, limit: int = 10, offset: int = 0) -> tuple[list[QuoteRecord], int]:
    """Quotes whose speaker resolved to exactly this actor code, newest first, and how many there are."""
    base = f"FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.speaker_code = ? AND {_twins(store)}"
    rows = store._dicts(f"SELECT {QUOTE_SELECT}, 1 AS num_articles {base} "
                        "ORDER BY a.published DESC NULLS LAST, q.article_id, q.content_start LIMIT ? OFFSET ?",
                        [code, limit, offset])
    total = store._one(f"SELECT COUNT(*) {base}", [code])
    return [from_row(QuoteRecord, r) for r in rows], int(total[0]) if total else 0


# -- actors ----------------------------------------------------------------------------------------
def _sides(store: Store, q: EventQuery, code: str | None = None) -> tuple[str, list[Any]]:
    """One row per event side (code, partner, as_source, quad, goldstein, day, plover), optionally for one code.

    For one code each side is an index lookup; for every code the matching events are selected once
    (a materialised CTE) and read twice, rather than running the filters and dedup test per side."""
    base, params = _events_from(store, q)
    cols = "e.source_code AS s, e.target_code AS t, e.quad_class AS quad, e.goldstein AS gs, e.day AS day, e.plover AS plover"
    if code:
        def one(side: str, other: str, is_source: int) -> str:
            return (f"SELECT e.{side}_code AS code, e.{other}_code AS partner, {is_source} AS as_source, "
                    f"e.quad_class AS quad, e.goldstein AS gs, e.day AS day, e.plover AS plover {base} "
                    f"AND e.{side}_code = ?")

        return f"{one('source', 'target', 1)} UNION ALL {one('target', 'source', 0)}", params + [code] + params + [code]
    rest = "quad, gs, day, plover FROM ev"
    return (f"WITH ev AS MATERIALIZED (SELECT {cols} {base}) "
            f"SELECT s AS code, t AS partner, 1 AS as_source, {rest} WHERE s IS NOT NULL UNION ALL "
            f"SELECT t AS code, s AS partner, 0 AS as_source, {rest} WHERE t IS NOT NULL"), params


def display_names(store: Store, codes: list[str]) -> dict[str, str]:
    """The name to show for each actor code: what its entities are most often called (Russia rather than
    Moscow for RUS), else the words its events most often use."""
    codes = sorted(set(codes))
    if not codes:
        return {}
    names = store._actor_names(codes)
    best: dict[str, tuple[int, int, str]] = {}
    for start in range(0, len(codes), 500):
        chunk = codes[start:start + 500]
        for code, name, n in store._all(f"SELECT actor_code, name, COUNT(*) FROM entities WHERE actor_code IN "
                                        f"({', '.join('?' * len(chunk))}) GROUP BY actor_code, name", chunk):
            key = (int(n), -len(name), name)
            if code not in best or key > best[code]:
                best[code] = key
    names.update({code: key[2] for code, key in best.items()})
    return names


def ranked_actors(store: Store, query: EventQuery | None = None, limit: int = 50, offset: int = 0,
                  **filters: Any) -> tuple[list[ActorRecord], int]:
    """A page of the most active actor codes, ranked and counted as store.actors() does them, and how many
    codes there are in all (one pass: the total rides along as a window count)."""
    sides, params = _sides(store, _query(query, filters))
    rows = store._all(f"SELECT code, COUNT(*) AS n, SUM(as_source), {_BALANCE}, AVG(gs), COUNT(*) OVER () "
                      f"FROM ({sides}) x GROUP BY code ORDER BY n DESC, code LIMIT ? OFFSET ?", params + [limit, offset])
    names = display_names(store, [r[0] for r in rows])
    ranked = []
    for code, n, src, coop, conf, gs, _ in rows:
        coop, conf, n, src = int(coop or 0), int(conf or 0), int(n), int(src or 0)
        ranked.append(ActorRecord(code, names.get(code), n, src, n - src, coop, conf,
                                  (coop - conf) / (coop + conf) if coop + conf else None, _float(gs)))
    if rows or not offset:
        return ranked, int(rows[0][-1]) if rows else 0
    total = store._one(f"SELECT COUNT(DISTINCT code) FROM ({sides}) x", params)  # paged past the end
    return ranked, int(total[0]) if total else 0


def actor_profile(store: Store, code: str, query: EventQuery | None = None, interval: Interval = "month",
                  partners: int = 10, quotes: int = 10, **filters: Any) -> ActorProfile | None:
    """One actor code's profile (exact code, not its sub-codes); None when it has no events and no quotes."""
    code = code.strip().upper()
    width = _width(interval)
    q = _query(query, filters)
    sides, params = _sides(store, q, code)
    said, said_total = speaker_quotes(store, code, quotes)
    total = store._one(f"SELECT COUNT(*), SUM(as_source), {_BALANCE}, AVG(gs){_QUADS} FROM ({sides}) s", params)
    if not total or (not total[0] and not said_total):
        return None
    n, src, coop, conf, gs, *quads = total
    n, src, coop, conf = int(n or 0), int(src or 0), int(coop or 0), int(conf or 0)
    summary = ActorRecord(code, None, n, src, n - src, coop, conf,
                          (coop - conf) / (coop + conf) if coop + conf else None, _float(gs))
    timeline = [ActorPeriod(p, int(s or 0), int(t or 0), int(c or 0), int(f or 0)) for p, s, t, c, f in store._all(
        f"SELECT substr(day, 1, {width}) AS period, SUM(as_source), SUM(1 - as_source), {_BALANCE} "
        f"FROM ({sides}) s WHERE day IS NOT NULL GROUP BY substr(day, 1, {width}) ORDER BY period", params)]
    rows = store._all(f"SELECT partner, COUNT(*) AS n, SUM(as_source), {_BALANCE}, AVG(gs) FROM ({sides}) s "
                      f"WHERE partner IS NOT NULL GROUP BY partner ORDER BY n DESC, partner LIMIT ?", params + [partners])
    kinds = store._all(f"SELECT COALESCE(plover, '') AS kind, COUNT(*) AS n FROM ({sides}) s GROUP BY COALESCE(plover, '') "
                       "ORDER BY n DESC, kind", params)
    names = display_names(store, [code, *(r[0] for r in rows)])
    summary.name = names.get(code) or next((r.speaker_name for r in said if r.speaker_name), None)
    spelled = store._all("SELECT name, COUNT(*) AS n FROM entities WHERE actor_code = ? GROUP BY name "
                         "ORDER BY n DESC, name LIMIT 8", [code])
    return ActorProfile(
        code=code, name=summary.name, summary=summary, quads=QuadCounts.of(*quads, n),
        timeline=_fill(timeline, interval, lambda p: ActorPeriod(p, 0, 0, 0, 0)),
        partners=[Partner(p, names.get(p), int(k), int(s or 0), int(k) - int(s or 0), int(c or 0), int(f or 0),
                          _float(g)) for p, k, s, c, f, g in rows],
        event_types=[TypeCount(kind or "(none)", int(k)) for kind, k in kinds],
        quotes=said, quotes_total=said_total, names=[name for name, _ in spelled])


# -- timelines and networks ------------------------------------------------------------------------
def _width(interval: str) -> int:
    if interval not in INTERVALS:
        raise UsageError(f"unknown interval {interval!r} (one of {', '.join(INTERVALS)})")
    return INTERVALS[interval]


def _next(period: str, interval: str) -> str:
    if interval == "year":
        return str(int(period) + 1)
    if interval == "month":
        year, month = int(period[:4]), int(period[5:7])
        return f"{year + month // 12:04d}-{month % 12 + 1:02d}"
    return (date.fromisoformat(period) + timedelta(days=1)).isoformat()


def _fill(buckets: list[Any], interval: str, empty: Any) -> list[Any]:
    """Buckets with the empty periods between the first and last filled in (so charts show the gaps)."""
    if len(buckets) < 2:
        return buckets
    have = {b.period: b for b in buckets}
    out, period = [], buckets[0].period
    while period <= buckets[-1].period:
        out.append(have.get(period) or empty(period))
        if len(out) > MAX_BUCKETS:
            raise UsageError(f"more than {MAX_BUCKETS} {interval}s in range: narrow the dates or use a longer interval")
        try:
            period = _next(period, interval)
        except ValueError:  # a malformed stored day: show the buckets as they are rather than fail
            return buckets
    return out


def timeline(store: Store, query: EventQuery | None = None, interval: Interval = "month", fill: bool = True,
             **filters: Any) -> list[TimelineBucket]:
    """Event counts per day, month or year by quad class, oldest first (undated events are left out)."""
    width = _width(interval)
    base, params = _events_from(store, _query(query, filters))
    rows = store._all(f"SELECT period, COUNT(*){_QUADS} FROM (SELECT substr(e.day, 1, {width}) AS period, "
                      f"e.quad_class AS quad {base} AND e.day IS NOT NULL) s GROUP BY period ORDER BY period", params)
    buckets = [TimelineBucket(p, int(n), QuadCounts.of(*quads, n)) for p, n, *quads in rows]
    return _fill(buckets, interval, lambda p: TimelineBucket(p, 0, QuadCounts())) if fill else buckets


def network(store: Store, query: EventQuery | None = None, max_edges: int = 200, min_events: int = 1,
            **filters: Any) -> Network:
    """Directed edges source code -> target code weighted by event counts, heaviest first, and their nodes."""
    base, params = _events_from(store, _query(query, filters))
    pairs = (f"SELECT e.source_code AS src, e.target_code AS tgt, e.quad_class AS quad, e.goldstein AS gs {base} "
             "AND e.source_code IS NOT NULL AND e.target_code IS NOT NULL")
    rows = store._all(f"SELECT src, tgt, COUNT(*) AS n, AVG(gs) AS gs{_QUADS}, COUNT(*) OVER () FROM ({pairs}) p "
                      f"GROUP BY src, tgt HAVING COUNT(*) >= ? ORDER BY n DESC, src, tgt LIMIT ?",
                      params + [min_events, max_edges])
    edges = [NetworkEdge(s, t, int(n), QuadCounts.of(*quads, n), _float(gs)) for s, t, n, gs, *quads, _ in rows]
    tally: dict[str, list[int]] = {}
    for edge in edges:
        tally.setdefault(edge.source, [0, 0])[0] += edge.events
        tally.setdefault(edge.target, [0, 0])[1] += edge.events
    names = display_names(store, list(tally))
    nodes = [NetworkNode(code, names.get(code), out + inc, out, inc) for code, (out, inc) in tally.items()]
    nodes.sort(key=lambda node: (-node.events, node.code))
    return Network(nodes, edges, int(rows[0][-1]) if rows else 0)
