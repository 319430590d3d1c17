"""Helpers for event tests: articles with hand-made entities and quotes, coded by find_events alone."""

from __future__ import annotations

import re

import pytest

from dateline import contract
from dateline.events import find_events
from dateline.model import Actor, Article, Dateline, Entity, Event, Mention, Quote, Source, Span, Structure, article_id


def make_article(text: str, actors: dict[str, str] | None = None, published: str | None = "2015-12-04",
                 place: str | None = None, quotes: list[str] | None = None) -> Article:
    """An article whose entities are the given phrases that occur (every occurrence a mention) with their actor codes."""
    entities = []
    for n, (phrase, code) in enumerate((actors or {}).items(), 1):
        found = re.finditer(re.escape(phrase), text, flags=re.IGNORECASE)
        mentions = [Mention(m.start(), m.end(), m.group(0), "test") for m in found]
        if not mentions:
            continue
        entities.append(Entity(f"e{n}", phrase, "ORG", Actor(code, code[:3], code[3:] or None, rule="test"), mentions))
    quoted = []
    for n, content in enumerate(quotes or [], 1):
        start = text.index(content)
        quoted.append(Quote(f"q{n}", "direct", Span.of(text, start, start + len(content)), speaker_entity="e1"))
    return Article(id=article_id(text), source=Source(), text=text, published=published,
                   structure=Structure(body=Span.of(text, 0, len(text))), dateline=Dateline(place=place),
                   entities=entities, quotes=quoted)


@pytest.fixture()
def code(nlp):
    """Code a text: returns its events after checking the article against the JSON contract."""

    def run(text: str, actors: dict[str, str] | None = None, **kwargs) -> list[Event]:
        article = make_article(text, actors, **kwargs)
        article.events = find_events(nlp(text), article)
        contract.check(article.to_dict())
        return article.events

    return run


def triples(events: list[Event]) -> set[tuple[str, str | None, str | None]]:
    """(CAMEO code, source code, target code) of each event."""
    return {(e.cameo, e.source.code if e.source else None, e.target.code if e.target else None) for e in events}


def only(events: list[Event], trigger: str) -> Event:
    """The one event whose trigger text is the given word."""
    found = [e for e in events if e.trigger.text == trigger]
    assert len(found) == 1, [(e.trigger.text, e.cameo) for e in events]
    return found[0]
