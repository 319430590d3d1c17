"""Structure: boilerplate, headline, standfirst, dateline, paragraphs and the publication date of one story."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from . import boilerplate, datelines, dates
from .errors import StructureError, UsageError
from .model import Article, Dateline, RawDocument, Span, Structure, article_id

# Every kind of space becomes a plain space (offsets stay simple); invisible marks go.
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_KEY = re.compile(r"[\W_]+")
_SENTENCE_END = (".", "!", "?", "…", '"', "”", "’", "'", ")", "。", "！", "？", "」")
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)\s*$")
PARAGRAPH_BREAK = "\n\n"


def clean_line(text: str) -> str:
    """One line with its spaces normalized."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


def _key(text: str) -> str:
    """A comparison key that ignores case, spacing and punctuation."""
    return _KEY.sub("", text.casefold())


def _wrapped(block: list[str]) -> bool:
    """Whether a block's lines are one paragraph hard-wrapped at a column (as in e-mail and old wire copy)."""
    if len(block) < 2:
        return False
    width = max(len(line) for line in block)
    if not 40 <= width <= 100:
        return False
    long_lines = sum(1 for line in block[:-1] if len(line) >= 0.6 * width)
    return long_lines >= max(1, (len(block) - 1) // 2) and any(
        not a.endswith(_SENTENCE_END) and b[:1].islower() for a, b in zip(block, block[1:]))


def split_paragraphs(content: str) -> list[str]:
    """Paragraphs of a text: blank lines separate them, single line breaks too unless the block is hard-wrapped."""
    content = _SPACES.sub(" ", _INVISIBLE.sub("", _BREAKS.sub("\n", content)))
    lines = [line.strip() for line in content.split("\n")]
    paragraphs: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line:
            block.append(line)
            continue
        if _wrapped(block):
            width = max(len(x) for x in block)
            current: list[str] = []
            for row in block:
                current.append(row)
                if len(row) < 0.6 * width:
                    paragraphs.append(" ".join(current))
                    current = []
            if current:
                paragraphs.append(" ".join(current))
        else:
            paragraphs.extend(block)
        block = []
    return paragraphs


@dataclass(slots=True)
class Cleaned:
    """Article paragraphs with the furniture taken out, and what the furniture said about author and date."""

    paragraphs: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    timestamps: list[str] = field(default_factory=list)
    dropped: int = 0


def remove_boilerplate(paragraphs: list[str]) -> Cleaned:
    """Drop navigation, share and cookie lines, captions and repeated paragraphs; keep bylines and timestamps aside."""
    out = Cleaned()
    previous = ""
    for para in paragraphs:
        kind = None if datelines.find(para) else boilerplate.classify(para)
        if kind == "byline":
            out.authors.append(boilerplate.byline_author(para) or para)
        elif kind == "timestamp":
            out.timestamps.append(para)
        folded = para.casefold()
        if kind is not None or folded == previous:
            out.dropped += 1
            continue
        out.paragraphs.append(para)
        previous = folded
    return out


def looks_like_headline(first: str, rest: list[str]) -> bool:
    """A first paragraph that reads as a headline: short, no closing full stop, not a dateline, with a story after it."""
    if not rest or datelines.find(first):
        return False
    words = first.split()
    if not 2 <= len(words) <= 30 or len(first) > 220:
        return False
    if first.endswith((".", ",", ";", ":")) or first[:1].islower():
        return False
    return True


def _drop_title_copies(paragraphs: list[str], title: str) -> list[str]:
    """The paragraphs without the copies of the title that scrapers leave at the top."""
    key = _key(title)
    head = [p for p in paragraphs[:3] if len(p) > 2 * len(title) + 10 or _key(p) != key]
    return head + paragraphs[3:]


def _dateline_index(paragraphs: list[str]) -> int | None:
    """Which of the first paragraphs opens with a dateline (a caption or lead-in may come before it)."""
    for i, para in enumerate(paragraphs[:3]):
        if datelines.find(para):
            return i
        if len(para.split()) > 40:
            return None
    return None


def _standfirst_from_text(paragraphs: list[str], kind: str) -> bool:
    """Whether the paragraph after the headline is a standfirst: it precedes the dateline, or (in plain text) reads as a summary line."""
    if len(paragraphs) < 2 or datelines.find(paragraphs[0]) or len(paragraphs[0]) > 400:
        return False
    if _dateline_index(paragraphs) == 1:
        return True
    first = paragraphs[0]
    return kind == "text" and 4 <= len(first.split()) <= 60 and not first.endswith(_SENTENCE_END) and _dateline_index(paragraphs) is None


def _standfirst_from_description(description: str | None, title: str | None, body: list[str]) -> str | None:
    """The metadata's description as a standfirst, when it is a whole summary the body does not already hold."""
    if not description:
        return None
    text = clean_line(description)
    if not text or _ELLIPSIS.search(text) or len(text) > 500 or len(text.split()) < 4:
        return None
    key = _key(text)
    if title and key == _key(title):
        return None
    if key in _key(" ".join(body[:4])):
        return None
    return text


def _check_published(published: str | None) -> str | None:
    if published is None:
        return None
    try:
        return date.fromisoformat(published).isoformat()
    except (TypeError, ValueError):
        raise UsageError(f"published date must be YYYY-MM-DD, not {published!r}", input="--published") from None


class _Builder:
    """Lays the parts end to end in one text, remembering each part's span."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, part: str) -> tuple[int, int]:
        if self.parts:
            self.length += len(PARAGRAPH_BREAK)
        start = self.length
        self.parts.append(part)
        self.length += len(part)
        return start, self.length

    def text(self) -> str:
        return PARAGRAPH_BREAK.join(self.parts)


def build_article(raw: RawDocument, published: str | None = None, today: date | None = None) -> Article:
    """Turn a read document into an Article: clean text, structure spans, dateline and publication date."""
    published = _check_published(published)
    name = raw.source.path or raw.source.url or "<stdin>"
    if not raw.content.strip():
        # The readers turn empty files into errors before this; a caller handing over "" gets an empty article.
        return Article(id=article_id(""), source=raw.source, text="", published=published,
                       published_from="cli" if published else None)
    cleaned = remove_boilerplate(split_paragraphs(raw.content))
    paragraphs = [p for p in cleaned.paragraphs if any(ch.isalpha() for ch in p)]
    if not paragraphs:
        reason = "no article text (only site navigation and boilerplate)" if cleaned.dropped else "no article text"
        raise StructureError(reason, input=name)
    while (len(paragraphs) > 1 and " " not in paragraphs[0] and len(paragraphs[0]) <= 25
           and not paragraphs[0].endswith(_SENTENCE_END)):
        paragraphs = paragraphs[1:]  # section labels above the story ("World", "Europe") are navigation
    title = clean_line(raw.title) if raw.title and clean_line(raw.title) else None
    headline = title
    if title:
        paragraphs = _drop_title_copies(paragraphs, title)
    elif looks_like_headline(paragraphs[0], paragraphs[1:]):
        headline, paragraphs = paragraphs[0], paragraphs[1:]
    standfirst = None
    if headline and _standfirst_from_text(paragraphs, raw.kind):
        standfirst, paragraphs = paragraphs[0], paragraphs[1:]
    elif raw.kind == "fields":
        standfirst = _standfirst_from_description(raw.description, title, paragraphs)
    if not paragraphs:
        raise StructureError("no article text besides the headline", input=name)

    built = _Builder()
    text_parts: dict[str, tuple[int, int]] = {}
    if headline:
        text_parts["headline"] = built.add(headline)
    if standfirst:
        text_parts["standfirst"] = built.add(standfirst)
    body_spans = [built.add(p) for p in paragraphs]
    text = built.text()

    structure = Structure(
        headline=Span.of(text, *text_parts["headline"]) if "headline" in text_parts else None,
        standfirst=Span.of(text, *text_parts["standfirst"]) if "standfirst" in text_parts else None,
        body=Span.of(text, body_spans[0][0], body_spans[-1][1]),
        paragraphs=[Span.of(text, s, e) for s, e in body_spans],
    )
    line = Dateline()
    index = _dateline_index(paragraphs)
    lead = paragraphs[0]
    if index is not None:
        found = datelines.find(paragraphs[index])
        assert found is not None
        start = body_spans[index][0]
        structure.dateline = Span.of(text, start, start + found.end)
        line = Dateline(place=found.place, date_text=found.date_text, agency=found.agency)
        lead = paragraphs[index][found.end:]
        if len(lead.split()) < 8 and index + 1 < len(paragraphs):
            lead = paragraphs[index + 1]
    decided, line.date = dates.resolve(
        cli=published, metadata=raw.date_publish, url=raw.source.url, timestamps=cleaned.timestamps,
        date_text=line.date_text, lead=lead, text=text, today=today)
    return Article(
        id=article_id(text),
        source=raw.source,
        text=text,
        structure=structure,
        dateline=line,
        published=decided.date,
        published_from=decided.source,  # type: ignore[arg-type]
        published_evidence=decided.evidence,
        title=raw.title,
        author=raw.author or ("; ".join(cleaned.authors) if cleaned.authors else None),
        site=raw.site,
    )
