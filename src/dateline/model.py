"""The plain data model every stage shares, and its JSON form (the contract in docs/schema.md)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Literal

QuoteKind = Literal["direct", "indirect", "mixed"]
EventMode = Literal["future", "negated", "hypothetical", "historical"]
PublishedFrom = Literal["cli", "metadata", "url", "text", "dateline", "inferred"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article text; `text` always equals article.text[start:end]."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """Build a span whose text is cut from the document, so it cannot disagree."""
        return cls(start, end, text[start:end])


@dataclass(frozen=True, slots=True)
class Mention(Span):
    """A span that names or refers to an entity, with the rule that linked it."""

    rule: str | None = None


@dataclass(slots=True)
class Source:
    """Where a document came from, so a fact can be traced back to a file or a page."""

    path: str | None = None
    url: str | None = None
    format: str = "text"
    domain: str | None = None


@dataclass(slots=True)
class RawDocument:
    """What a reader hands to the structure stage: decoded content plus whatever metadata it found."""

    source: Source
    content: str
    kind: Literal["text", "html", "fields"] = "text"
    title: str | None = None
    description: str | None = None
    date_publish: str | None = None
    author: str | None = None
    site: str | None = None


@dataclass(slots=True)
class Structure:
    """Character spans of the parts of a story, so later stages know where the body starts."""

    headline: Span | None = None
    standfirst: Span | None = None
    dateline: Span | None = None
    body: Span | None = None
    paragraphs: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Dateline:
    """The wire dateline: where and when the story was filed, and by whom."""

    place: str | None = None
    date: str | None = None
    date_text: str | None = None
    agency: str | None = None


@dataclass(slots=True)
class Actor:
    """A CAMEO-style actor code, split into its parts, with the lexicon entry that gave it."""

    code: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    rule: str | None = None


@dataclass(slots=True)
class Entity:
    """One real-world participant with every mention of it in the text."""

    id: str
    name: str
    type: str
    actor: Actor | None = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class Quote:
    """Who said what: the words, the cue that marks them as speech, and the resolved speaker."""

    id: str
    kind: QuoteKind
    content: Span
    cue: Span | None = None
    speaker: Span | None = None
    speaker_entity: str | None = None
    speaker_name: str | None = None
    rule: str | None = None


@dataclass(slots=True)
class EventActor:
    """A source or target of an event: the words, the entity they resolve to and its code."""

    text: str
    code: str | None = None
    entity: str | None = None
    span: Span | None = None


@dataclass(slots=True)
class Location:
    """A place an event happened, geocoded offline."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(slots=True)
class Event:
    """Who did what to whom, coded in CAMEO and PLOVER, with the words that justify it."""

    id: str
    cameo: str
    plover: str | None
    evidence: Span
    trigger: Span
    rule: str
    source: EventActor | None = None
    target: EventActor | None = None
    mode: EventMode | None = None
    date: str | None = None
    date_granularity: Literal["day", "month", "year"] | None = None
    location: Location | None = None
    reported_by: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    plover_mode: str | None = None  # PLOVER's subtype of the type ('visit', 'arrest'), not our modality `mode`


@dataclass(slots=True)
class Article:
    """A structured story and everything the stages found in it."""

    id: str
    source: Source
    text: str
    structure: Structure = field(default_factory=Structure)
    dateline: Dateline = field(default_factory=Dateline)
    published: str | None = None
    published_from: PublishedFrom | None = None
    published_evidence: str | None = None
    title: str | None = None
    author: str | None = None
    site: str | None = None
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def span(self, start: int, end: int) -> Span:
        """Cut a span from this article's text."""
        return Span.of(self.text, start, end)

    def entity(self, entity_id: str | None) -> Entity | None:
        """Find an entity by id (None when absent)."""
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract form of this article."""
        return to_jsonable(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an article from its JSON form (as written by to_dict)."""
        return article_from_dict(data)


_SPACES = re.compile(r"\s+")


def article_id(text: str) -> str:
    """A stable id: the same story gives the same id whatever its whitespace or Unicode form."""
    normal = _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip()
    return hashlib.sha1(normal.encode("utf-8")).hexdigest()[:16]


def to_jsonable(obj: Any) -> Any:
    """Turn dataclasses into plain dicts and lists, keeping None so every field is present."""
    if is_dataclass(obj) and not isinstance(obj, type):
        out = {f.name: to_jsonable(getattr(obj, f.name)) for f in fields(obj)}
        if isinstance(obj, Mention) and obj.rule is None:
            out.pop("rule")
        return out
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_jsonable(v) for k, v in obj.items()}
    return obj


def _span(d: dict[str, Any] | None) -> Span | None:
    return None if d is None else Span(d["start"], d["end"], d["text"])


def _mention(d: dict[str, Any]) -> Mention:
    return Mention(d["start"], d["end"], d["text"], d.get("rule"))


def _event_actor(d: dict[str, Any] | None) -> EventActor | None:
    if d is None:
        return None
    return EventActor(d["text"], d.get("code"), d.get("entity"), _span(d.get("span")))


def article_from_dict(d: dict[str, Any]) -> Article:
    """Rebuild an Article from its JSON form."""
    st = d.get("structure") or {}
    structure = Structure(
        headline=_span(st.get("headline")),
        standfirst=_span(st.get("standfirst")),
        dateline=_span(st.get("dateline")),
        body=_span(st.get("body")),
        paragraphs=[Span(p["start"], p["end"], p["text"]) for p in st.get("paragraphs", [])],
    )
    entities = [
        Entity(
            id=e["id"],
            name=e["name"],
            type=e["type"],
            actor=Actor(**e["actor"]) if e.get("actor") else None,
            mentions=[_mention(m) for m in e.get("mentions", [])],
        )
        for e in d.get("entities", [])
    ]
    quotes = [
        Quote(
            id=q["id"],
            kind=q["kind"],
            content=_span(q["content"]),  # type: ignore[arg-type]
            cue=_span(q.get("cue")),
            speaker=_span(q.get("speaker")),
            speaker_entity=q.get("speaker_entity"),
            speaker_name=q.get("speaker_name"),
            rule=q.get("rule"),
        )
        for q in d.get("quotes", [])
    ]
    events = [
        Event(
            id=v["id"],
            cameo=v["cameo"],
            plover=v.get("plover"),
            evidence=_span(v["evidence"]),  # type: ignore[arg-type]
            trigger=_span(v["trigger"]),  # type: ignore[arg-type]
            rule=v["rule"],
            source=_event_actor(v.get("source")),
            target=_event_actor(v.get("target")),
            mode=v.get("mode"),
            date=v.get("date"),
            date_granularity=v.get("date_granularity"),
            location=Location(**v["location"]) if v.get("location") else None,
            reported_by=v.get("reported_by"),
            goldstein=v.get("goldstein"),
            quad_class=v.get("quad_class"),
            plover_mode=v.get("plover_mode"),
        )
        for v in d.get("events", [])
    ]
    return Article(
        id=d["id"],
        source=Source(**d["source"]),
        text=d["text"],
        structure=structure,
        dateline=Dateline(**(d.get("dateline") or {})),
        published=d.get("published"),
        published_from=d.get("published_from"),
        published_evidence=d.get("published_evidence"),
        title=d.get("title"),
        author=d.get("author"),
        site=d.get("site"),
        entities=entities,
        quotes=quotes,
        events=events,
    )
