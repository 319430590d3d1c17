"""Builds contract-valid test articles from short texts written for these tests (no outside text)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any, Callable

from dateline import contract
from dateline.model import (Actor, Article, Dateline, Entity, Event, EventActor, Location, Mention, Quote,
                            Source, Span, Structure, article_id)


@dataclass
class Who:
    """An entity to find in the text: its name, the words that mention it, and its actor code."""

    name: str
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    type: str = "GPE"
    words: tuple[str, ...] = ()


@dataclass
class Did:
    """An event: trigger word, source and target words (each the first match after/before the trigger)."""

    trigger: str
    cameo: str
    plover: str | None = None
    source: str | None = None
    target: str | None = None
    mode: str | None = None
    date: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    location: Location | None = None
    said_in: str | None = None  # words of the quote that reports it


@dataclass
class Said:
    """A quote: its words, the speaker's words and the cue verb."""

    content: str
    speaker: str
    cue: str = "said"
    kind: str = "direct"


@dataclass
class Story:
    """A headline and paragraphs plus what is in them."""

    headline: str
    paragraphs: list[str]
    who: list[Who] = field(default_factory=list)
    did: list[Did] = field(default_factory=list)
    said: list[Said] = field(default_factory=list)
    url: str | None = None
    domain: str | None = None
    published: str | None = None
    title: str | None = None


def _find(text: str, words: str, after: int = 0) -> Span:
    start = text.find(words, after)
    if start < 0:
        start = text.find(words)
    assert start >= 0, f"{words!r} not in the test text"
    return Span.of(text, start, start + len(words))


def _sentence(text: str, at: int) -> Span:
    stop = text.rfind(". ", 0, at)
    start = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, at) + 1)
    end = min([i for i in (text.find(". ", at), text.find("\n", at)) if i >= 0] or [len(text)])
    return Span.of(text, start, end)


def build(story: Story) -> Article:
    """The Article for a story, checked against the output contract."""
    text = "\n\n".join([story.headline, *story.paragraphs])
    head = Span.of(text, 0, len(story.headline))
    paragraphs, pos = [], len(story.headline) + 2
    for para in story.paragraphs:
        paragraphs.append(Span.of(text, pos, pos + len(para)))
        pos += len(para) + 2
    body = Span.of(text, paragraphs[0].start, len(text))
    entities: list[Entity] = []
    by_words: dict[str, str] = {}
    for n, who in enumerate(story.who, 1):
        eid = f"e{n}"
        mentions = []
        for words in (who.name, *who.words):
            start = text.find(words)
            while start >= 0:
                mentions.append(Mention(start, start + len(words), words, "test"))
                start = text.find(words, start + 1)
            by_words[words] = eid
        actor = Actor(who.code, who.country, who.sector, None, "test") if who.code else None
        entities.append(Entity(eid, who.name, who.type, actor, sorted(mentions, key=lambda m: m.start)))
    quotes = []
    for n, said in enumerate(story.said, 1):
        content = _find(text, said.content)
        speaker = _find(text, said.speaker)
        eid = by_words.get(said.speaker)
        name = next((e.name for e in entities if e.id == eid), said.speaker)
        quotes.append(Quote(f"q{n}", said.kind, content, _find(text, said.cue, content.end), speaker, eid, name, "test"))

    def actor(words: str | None, near: int) -> EventActor | None:
        if words is None:
            return None
        span = _find(text, words, max(0, near - 200))
        eid = by_words.get(words)
        ent = next((e for e in entities if e.id == eid), None)
        return EventActor(words, ent.actor.code if ent and ent.actor else None, eid, span)

    events = []
    for n, did in enumerate(story.did, 1):
        trigger = _find(text, did.trigger)
        reported = next((q.id for q in quotes if did.said_in and q.content.text.find(did.said_in) >= 0), None)
        events.append(Event(f"v{n}", did.cameo, did.plover, _sentence(text, trigger.start), trigger, "test",
                            actor(did.source, trigger.start), actor(did.target, trigger.start), did.mode,
                            did.date, "day" if did.date and len(did.date) == 10 else None, did.location,
                            reported, did.goldstein, did.quad_class))
    article = Article(id=article_id(text), source=Source(path=None, url=story.url, format="text", domain=story.domain),
                      text=text, structure=Structure(headline=head, body=body, paragraphs=paragraphs),
                      dateline=Dateline(), published=story.published, published_from="cli" if story.published else None,
                      title=story.title or story.headline, entities=entities, quotes=quotes, events=events)
    problems = contract.problems(article.to_dict())
    assert not problems, problems
    return article


def as_dict(article: Article) -> dict[str, Any]:
    """The JSON form (for comparisons)."""
    return article.to_dict()


def run_together(work: Callable[[Any], None], inputs: list[Any]) -> list[BaseException]:
    """Run work(x) for every input at once, one thread each, released together; the errors raised."""
    barrier = threading.Barrier(len(inputs))
    errors: list[BaseException] = []

    def one(item: Any) -> None:
        try:
            barrier.wait()
            work(item)
        except BaseException as exc:  # handed back to the test
            errors.append(exc)

    threads = [threading.Thread(target=one, args=(item,)) for item in inputs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors
