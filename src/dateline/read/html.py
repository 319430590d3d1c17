"""Reads HTML pages: main text and metadata (title, date, author, site) through trafilatura."""

from __future__ import annotations

import logging
from typing import Any

import trafilatura

from ..errors import ReadError
from ..model import RawDocument, Source

for _name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    # Their warnings about broken pages would reach the terminal as noise; our own error says it in one line.
    logging.getLogger(_name).addHandler(logging.NullHandler())

# Options measured on the scrapinghub benchmark (`dateline eval html`): precision-leaning extraction,
# tables kept (news pages put real text in them), comments dropped (they are not the article).
EXTRACT_OPTIONS: dict[str, Any] = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "with_metadata": True,
}


def extract(html: str, url: str | None = None) -> Any:
    """trafilatura's Document for a page (main text plus metadata), or None when it finds no main text."""
    try:
        return trafilatura.bare_extraction(html, url=url, **EXTRACT_OPTIONS)
    except (ValueError, TypeError, AttributeError, IndexError) as exc:  # malformed trees trafilatura does not catch
        logging.getLogger(__name__).debug("trafilatura failed: %s", exc)
        return None


def read_html(html: str, source: Source, url: str | None = None) -> RawDocument:
    """An HTML page's article: its main text as content, its metadata as fields."""
    name = source.path or source.url or "<stdin>"
    if not html.strip():
        raise ReadError("empty HTML page", input=name)
    found = extract(html, url)
    text = (getattr(found, "text", None) or "").strip() if found is not None else ""
    if not any(ch.isalpha() for ch in text):
        raise ReadError("no article text found in the HTML page (broken or without a main text)", input=name)
    page_url = getattr(found, "url", None) or url
    source.url = source.url or page_url
    source.domain = source.domain or getattr(found, "hostname", None)
    return RawDocument(
        source=source,
        content=text,
        kind="fields",
        title=getattr(found, "title", None),
        description=getattr(found, "description", None),
        date_publish=getattr(found, "date", None),
        author=getattr(found, "author", None),
        site=getattr(found, "sitename", None) or getattr(found, "hostname", None),
    )
