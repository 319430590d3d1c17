"""What queries return: flat dataclasses, and their pandas/Arrow column types (one place for both)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, Iterable, Literal

if TYPE_CHECKING:  # imported where used: read-only commands start faster without it
    import pandas as pd

Kind = Literal["str", "int", "float", "bool", "day"]


@dataclass(slots=True)
class EventRecord:
    """One event (or, deduplicated, one event per near-duplicate cluster) with where it was read."""

    gid: int
    article_id: str
    event_id: str
    day: str | None
    date: str | None
    date_granularity: str | None
    cameo: str
    root_code: str | None
    plover: str | None
    mode: str | None
    quad_class: int | None
    goldstein: float | None
    source_text: str | None
    source_code: str | None
    source_country: str | None
    source_sector: str | None
    source_entity: str | None
    source_start: int | None
    source_end: int | None
    target_text: str | None
    target_code: str | None
    target_country: str | None
    target_sector: str | None
    target_entity: str | None
    target_start: int | None
    target_end: int | None
    trigger_text: str
    trigger_start: int
    trigger_end: int
    evidence_text: str
    evidence_start: int
    evidence_end: int
    rule: str
    reported_by: str | None
    location_name: str | None
    location_country: str | None
    lat: float | None
    lon: float | None
    in_lead: bool | None
    cluster_id: str | None
    url: str | None
    path: str | None
    domain: str | None
    title: str | None
    published: str | None
    added: str | None
    num_mentions: int = 1
    num_articles: int = 1
    num_sources: int = 1


@dataclass(slots=True)
class QuoteRecord:
    """One quotation with its speaker and the article it was read in."""

    article_id: str
    quote_id: str
    kind: str
    content: str
    content_start: int
    content_end: int
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_entity: str | None
    speaker_name: str | None
    speaker_code: str | None
    rule: str | None
    published: str | None
    title: str | None
    url: str | None
    domain: str | None
    num_articles: int = 1


@dataclass(slots=True)
class ActorRecord:
    """How active one actor code is, and how cooperative: balance runs from -1 (all conflict) to +1."""

    code: str
    name: str | None
    events: int
    as_source: int
    as_target: int
    cooperation: int
    conflict: int
    balance: float | None
    mean_goldstein: float | None


@dataclass(slots=True)
class ArticleRecord:
    """An article's metadata and counts (the flat form for CSV and Parquet exports)."""

    article_id: str
    url: str | None
    path: str | None
    domain: str | None
    site: str | None
    title: str | None
    author: str | None
    published: str | None
    published_from: str | None
    dateline_place: str | None
    dateline_agency: str | None
    cluster_id: str | None
    added: str | None
    entities: int
    quotes: int
    events: int
    text: str


@dataclass(slots=True)
class SearchHit:
    """An article matching a full-text search."""

    article_id: str
    title: str | None
    published: str | None
    url: str | None
    domain: str | None
    snippet: str


@dataclass(slots=True)
class StoreStats:
    """What a store holds, for `dateline stats` and dashboards."""

    backend: str
    location: str
    schema_version: int
    articles: int
    clusters: int
    entities: int
    mentions: int
    quotes: int
    quotes_attributed: int
    events: int
    events_distinct: int
    first_published: str | None
    last_published: str | None
    first_event_day: str | None
    last_event_day: str | None
    quad_classes: dict[int, int] = field(default_factory=dict)
    top_domains: list[tuple[str, int]] = field(default_factory=list)
    size_bytes: int | None = None


_KINDS = {"str": "str", "str | None": "str", "int": "int", "int | None": "int", "float | None": "float",
          "float": "float", "bool | None": "bool", "bool": "bool"}
_PANDAS = {"str": "string", "int": "Int64", "float": "float64", "bool": "boolean", "day": "datetime64[ms]"}


def kinds(cls: type) -> dict[str, Kind]:
    """Column name -> kind for a record class (`day` columns become dates in frames and Parquet)."""
    out: dict[str, Kind] = {}
    for f in fields(cls):
        out[f.name] = "day" if f.name == "day" else _KINDS[str(f.type)]  # type: ignore[assignment]
    return out


def pandas_dtypes(cls: type) -> dict[str, str]:
    """The pandas dtype of each column of a record class."""
    return {name: _PANDAS[kind] for name, kind in kinds(cls).items()}


def to_frame(records: Iterable[Any], cls: type) -> pd.DataFrame:
    """Records as a DataFrame with nullable, explicit dtypes (empty results keep their columns)."""
    import pandas as pd

    names = [f.name for f in fields(cls)]
    frame = pd.DataFrame([[getattr(r, n) for n in names] for r in records], columns=names)
    return frame.astype(pandas_dtypes(cls))


def from_row(cls: type, row: dict[str, Any]) -> Any:
    """A record from a database row, with SQLite's 0/1 turned into booleans."""
    for name, kind in kinds(cls).items():
        if kind == "bool" and row.get(name) is not None:
            row[name] = bool(row[name])
    return cls(**{f.name: row[f.name] for f in fields(cls) if f.name in row})
