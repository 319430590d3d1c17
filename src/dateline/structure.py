"""Structure: boilerplate, headline, standfirst, dateline, paragraphs and the publication date."""

from __future__ import annotations

from .model import Article, RawDocument, Structure, article_id


def build_article(raw: RawDocument, published: str | None = None) -> Article:
    """Turn a read document into an Article with its structure spans."""
    # Placeholder until issue 2 lands: the whole text is body.
    text = raw.content.strip()
    body = None
    if text:
        from .model import Span

        body = Span.of(text, 0, len(text))
    return Article(
        id=article_id(text),
        source=raw.source,
        text=text,
        structure=Structure(body=body, paragraphs=[body] if body else []),
        published=published,
        published_from="cli" if published else None,
    )
