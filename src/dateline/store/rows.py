"""Flattens an Article into the rows of each table, so both backends write exactly the same values."""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, field, fields
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit

from ..model import Article, Entity, Event, EventActor, Mention, Quote, Span

ARTICLE_COLUMNS = ("id", "url", "path", "format", "domain", "site", "title", "author", "published",
                   "published_from", "dateline_place", "dateline_agency", "text", "document", "added")
ENTITY_COLUMNS = ("article_id", "id", "name", "type", "actor_code", "country", "sector", "role",
                  "actor_rule", "mention_count")
MENTION_COLUMNS = ("article_id", "entity_id", "start_char", "end_char", "text", "rule")
QUOTE_COLUMNS = ("article_id", "id", "kind", "content", "content_start", "content_end", "cue", "cue_start",
                 "cue_end", "speaker", "speaker_start", "speaker_end", "speaker_entity", "speaker_name",
                 "speaker_code", "rule")
EVENT_COLUMNS = ("article_id", "id", "cameo", "root_code", "plover", "mode", "rule",
                 "source_text", "source_code", "source_country", "source_sector", "source_entity",
                 "source_start", "source_end",
                 "target_text", "target_code", "target_country", "target_sector", "target_entity",
                 "target_start", "target_end",
                 "trigger_text", "trigger_start", "trigger_end", "evidence_text", "evidence_start", "evidence_end",
                 "date", "date_granularity", "day", "location_name", "location_country", "lat", "lon",
                 "reported_by", "goldstein", "quad_class", "in_lead")

# CAMEO role/sector codes that can open an actor code with no country in front (e.g. "GOV", "IGOUNO").
_NON_COUNTRY = frozenset(
    "AGR BUS CHR COP CRM CVL DEV EDU ELI ENV GOV HLH HRI IGO IMG INS JUD LAB LEG MED MIL MNC MOD NGM "
    "NGO OPP PTY RAD REB REF SEP SET SPY UAF UIS".split())


@dataclass(slots=True)
class ArticleRows:
    """Every row one article contributes, ready for executemany."""

    article: tuple[Any, ...]
    entities: list[tuple[Any, ...]] = field(default_factory=list)
    mentions: list[tuple[Any, ...]] = field(default_factory=list)
    quotes: list[tuple[Any, ...]] = field(default_factory=list)
    events: list[tuple[Any, ...]] = field(default_factory=list)


_NAMES: dict[type, tuple[str, ...]] = {}


def _plain(obj: Any) -> dict[str, Any]:
    """One dataclass as a dict (json.dumps recurses into it), with to_jsonable's rule for Mention."""
    names = _NAMES.get(type(obj))
    if names is None:
        names = _NAMES.setdefault(type(obj), tuple(f.name for f in fields(obj)))
    out = {n: getattr(obj, n) for n in names}
    if type(obj) is Mention and obj.rule is None:
        del out["rule"]
    return out


def article_json(article: Article) -> str:
    """The article's contract JSON (the same as json.dumps(article.to_dict())), built by the C encoder."""
    return json.dumps(article, default=_plain, ensure_ascii=False, separators=(",", ":"))


def pack(article: Article) -> bytes:
    """The stored form of an article: its contract JSON, compressed (about a fifth of the size)."""
    return zlib.compress(article_json(article).encode("utf-8"), 6)


def unpack(document: bytes | memoryview) -> Article:
    """The article back from its stored form, exactly as it was written."""
    return Article.from_dict(json.loads(zlib.decompress(bytes(document))))


def now_stamp() -> str:
    """The UTC time a row was added, ISO 8601 to the second."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def outlet(article: Article) -> str | None:
    """The outlet an article came from (its domain), used to count distinct sources of a story."""
    if article.source.domain:
        return article.source.domain.lower()
    if article.source.url:
        host = urlsplit(article.source.url).hostname
        if host:
            return host.lower().removeprefix("www.")
    return article.site.lower() if article.site else None


def normal_day(date: str | None) -> str | None:
    """A day for range queries: 2017-03 counts as 2017-03-01, 2017 as 2017-01-01."""
    if not date:
        return None
    parts = date[:10].split("-")
    if len(parts) == 1:
        return f"{parts[0]}-01-01"
    if len(parts) == 2:
        return f"{parts[0]}-{parts[1]}-01"
    return date[:10]


def split_code(code: str | None) -> tuple[str | None, str | None]:
    """Country and first sector of a CAMEO actor code when no entity says so ("RUSGOV" -> RUS, GOV)."""
    if not code or len(code) < 3:
        return None, None
    head, rest = code[:3], code[3:6] or None
    if head in _NON_COUNTRY:
        return None, head
    return head, rest


def in_lead(article: Article, evidence: Span) -> bool:
    """Whether an event is stated in the headline or first body paragraph (GDELT's IsRootEvent)."""
    st = article.structure
    body = st.body
    paragraphs = [p for p in st.paragraphs if body is None or p.start >= body.start]
    first = paragraphs[0] if paragraphs else body
    if st.headline and st.headline.start <= evidence.start < st.headline.end:
        return True
    return first is not None and evidence.start < first.end


def _actor_fields(article: Article, actor: EventActor | None) -> tuple[Any, ...]:
    if actor is None:
        return (None,) * 7
    entity = article.entity(actor.entity)
    code = actor.code or (entity.actor.code if entity and entity.actor else None)
    if entity and entity.actor and entity.actor.code == code:
        country, sector = entity.actor.country, entity.actor.sector
    else:
        country, sector = split_code(code)
    span = actor.span
    return (actor.text, code, country, sector, actor.entity,
            span.start if span else None, span.end if span else None)


def _span_fields(span: Span | None) -> tuple[Any, Any, Any]:
    return (span.text, span.start, span.end) if span else (None, None, None)


def _entity_rows(article: Article, ent: Entity) -> tuple[tuple[Any, ...], list[tuple[Any, ...]]]:
    actor = ent.actor
    row = (article.id, ent.id, ent.name, ent.type, actor.code if actor else None, actor.country if actor else None,
           actor.sector if actor else None, actor.role if actor else None, actor.rule if actor else None,
           len(ent.mentions))
    mentions = [(article.id, ent.id, m.start, m.end, m.text, m.rule) for m in ent.mentions]
    return row, mentions


def _quote_row(article: Article, q: Quote) -> tuple[Any, ...]:
    speaker = article.entity(q.speaker_entity)
    name = q.speaker_name or (speaker.name if speaker else None)
    code = speaker.actor.code if speaker and speaker.actor else None
    return (article.id, q.id, q.kind, q.content.text, q.content.start, q.content.end, *_span_fields(q.cue),
            *_span_fields(q.speaker), q.speaker_entity, name, code, q.rule)


def _event_row(article: Article, v: Event) -> tuple[Any, ...]:
    loc = v.location
    day = normal_day(v.date) or normal_day(article.published)
    return (article.id, v.id, v.cameo, v.cameo[:2], v.plover, v.mode, v.rule,
            *_actor_fields(article, v.source), *_actor_fields(article, v.target),
            v.trigger.text, v.trigger.start, v.trigger.end, v.evidence.text, v.evidence.start, v.evidence.end,
            v.date, v.date_granularity, day, loc.name if loc else None, loc.country if loc else None,
            loc.lat if loc else None, loc.lon if loc else None, v.reported_by, v.goldstein, v.quad_class,
            int(in_lead(article, v.evidence)))


def article_rows(article: Article, added: str | None = None) -> ArticleRows:
    """All rows for one article; the full contract JSON rides along (packed) so it reads back exactly."""
    src = article.source
    dl = article.dateline
    payload = pack(article)
    rows = ArticleRows(article=(article.id, src.url, src.path, src.format, outlet(article), article.site,
                                article.title, article.author, article.published, article.published_from,
                                dl.place, dl.agency, article.text, payload, added or now_stamp()))
    for ent in article.entities:
        row, mentions = _entity_rows(article, ent)
        rows.entities.append(row)
        rows.mentions.extend(mentions)
    rows.quotes = [_quote_row(article, q) for q in article.quotes]
    rows.events = [_event_row(article, v) for v in article.events]
    return rows
