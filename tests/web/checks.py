"""What every article page must show of its stored article: each quote highlighted with its speaker, each event listed."""

from __future__ import annotations

import html
import json
import re

from dateline.model import Article
from dateline.web.highlight import event_label, speaker_of


def embedded(page: str, element_id: str) -> object:
    """The JSON a page embeds in <script type="application/json" id=...>."""
    match = re.search(rf'<script type="application/json" id="{element_id}">(.*?)</script>', page, re.S)
    assert match, element_id
    return json.loads(match.group(1))


_PIECE = re.compile(r'<span class="tag [^"]*" data-ann="[^"]*">[^<]*</span>'
                    r'|<span class="hl ([^"]*)" data-ann="([^"]*)" title="[^"]*" tabindex="0">([^<]*)</span>'
                    r'|([^<]+)')


def segments(page: str) -> list[tuple[int, int, set[str], set[str]]]:
    """(start, end, classes, annotation ids) of every highlighted piece of an article page's text, with the
    offsets it has in the article (labels after quotes and triggers are not text)."""
    body = re.search(r'<div class="article-text" id="article-text">(.*?)</div>', page, re.S)
    assert body, "no article text"
    out, at = [], 0
    for match in _PIECE.finditer(body.group(1)):
        classes, anns, marked, plain = match.groups()
        piece = html.unescape(marked if marked is not None else plain or "")
        if marked is not None:
            out.append((at, at + len(piece), set(classes.split()), set(anns.split())))
        at += len(piece)
    return out


def _marked(pieces: list[tuple[int, int, set[str], set[str]]], start: int, end: int, ann: str, role: str) -> bool:
    """Whether the pieces marked with this annotation id and role are exactly the stretch [start, end)."""
    inside = [(s, e) for s, e, classes, anns in pieces if ann in anns and role in classes and s < end and e > start]
    return bool(inside) and inside[0][0] == start and inside[-1][1] == end and all(
        a[1] == b[0] for a, b in zip(inside, inside[1:]))


def speakers_shown(page: str) -> list[str]:
    """The speaker labels after the quotes in the text, in reading order."""
    return [html.unescape(s) for s in re.findall(r'<span class="tag tag-quote" data-ann="q\d+">([^<]*)</span>', page)]


def assert_article_page(page: str, article: Article) -> None:
    """The page highlights every quote (labelled with its speaker), every event trigger and every entity mention,
    lists every quote and event, and its side-panel notes cover exactly the stored annotations."""
    marked = segments(page)
    for quote in article.quotes:
        assert _marked(marked, quote.content.start, quote.content.end, quote.id, "r-content"), quote.id
        item = re.search(rf'<li id="{quote.id}" class="quote-item".*?</li>', page, re.S)
        assert item and (speaker_of(article, quote) or "") in html.unescape(item.group(0))  # Jinja escapes ' too
    ordered = sorted(article.quotes, key=lambda q: (q.content.end, q.id))
    assert sorted(speakers_shown(page)) == sorted(speaker_of(article, q) or "?" for q in ordered)
    rows = re.findall(r'<tr id="(v\d+)" class="event-row"', page)
    assert rows == [v.id for v in article.events]
    for event in article.events:
        assert _marked(marked, event.trigger.start, event.trigger.end, event.id, "r-trigger"), event.id
        assert f'data-ann="{event.id}">{html.escape(event_label(event))}</span>' in page
        row = re.search(rf'<tr id="{event.id}" class="event-row".*?</tr>', page, re.S)
        assert row and event.cameo in row.group(0) and html.escape(event.rule) in row.group(0)
        assert (event.plover or "") in row.group(0) and (event.mode or "asserted") in row.group(0)
    for entity in article.entities:
        for mention in entity.mentions:
            assert _marked(marked, mention.start, mention.end, entity.id, "r-mention"), (entity.id, mention)
    notes = embedded(page, "notes")
    assert set(notes) == ({e.id for e in article.entities} | {q.id for q in article.quotes}  # type: ignore[arg-type]
                          | {v.id for v in article.events})
    assert f"Quotes ({len(article.quotes)})" in page and f"Events ({len(article.events)})" in page
