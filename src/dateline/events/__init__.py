"""Events: who did what to whom, coded in CAMEO and PLOVER with mode, date and place.

`find_events(doc, article)` runs after entities, coreference and quotes. For each sentence the
coder (coder.py) finds verb and noun triggers through the lexicon (lexicon.py, patterns.py), reads
their modality (modes.py), takes source and target from the parse and resolves them to entities
and actor codes (actors.py), dates them against the article's date (when.py) and places them
(where.py). Each event keeps its sentence as evidence, its trigger span and the rule that fired.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import product

from spacy.tokens import Doc, Token

from ..model import Article, Event, EventActor, Quote
from . import when
from .actors import PRONOUNS, ActorResolver, has_country, speech_subject
from .coder import Candidate, TriggerIndex, find_candidates
from .lexicon import Lexicon, load, quad_class
from .where import find_place

__all__ = ["find_events"]


class _Quotes:
    """Which quote's content holds a character offset."""

    def __init__(self, quotes: list[Quote]) -> None:
        self.quotes = sorted(quotes, key=lambda q: q.content.start)
        self.starts = [q.content.start for q in self.quotes]

    def at(self, offset: int) -> Quote | None:
        """The quote whose content holds the offset, if any (contents do not nest)."""
        i = bisect_right(self.starts, offset) - 1
        for quote in self.quotes[max(0, i - 2): i + 1]:
            if quote.content.start <= offset < quote.content.end:
                return quote
        return None


def _actors(heads: list[Token], resolver: ActorResolver, quote: Quote | None, trigger: Token, subject: bool = False) -> list[EventActor]:
    """Resolve phrase heads to actors; an unresolved subject pronoun in reported speech is the speaker."""
    out = []
    for head in heads:
        found = resolver.resolve_all(head, quote)
        if len(found) > 1:
            out.extend(found)
            continue
        actor = found[0] if found else None
        if subject and (actor is None or actor.code is None) and head.lower_ in PRONOUNS and head.dep_ == "nsubj":
            for speaker in speech_subject(trigger):
                if speaker.lower_ not in PRONOUNS and (found := resolver.resolve(speaker, quote)) is not None:
                    actor = found
                    break
        if actor is not None:
            out.append(actor)
    return out


def _targets(cand: Candidate, resolver: ActorResolver, quote: Quote | None) -> list[EventActor]:
    """The first candidate group of targets whose actors carry a country; else the first naming any actor."""
    fallback: list[EventActor] = []
    for group in cand.targets:
        actors = [a for a in _actors(group, resolver, quote, cand.trigger) if a.code or _actor_entity(resolver, a)]
        if actors and any(has_country(a.code) for a in actors):
            return actors
        if actors and not fallback:
            fallback = actors
    return fallback


def _actor_entity(resolver: ActorResolver, actor: EventActor) -> bool:
    """Whether an uncoded actor is still an entity that can act (a person, organisation, place or group)."""
    ent = resolver.article.entity(actor.entity)
    return ent is not None and ent.type in ("PERSON", "ORG", "GPE", "NORP", "LOC")


def _same(a: EventActor | None, b: EventActor | None) -> bool:
    if a is None or b is None:
        return False
    if a.entity and a.entity == b.entity:
        return True
    return a.span is not None and b.span is not None and a.span.start == b.span.start and a.code == b.code


def _pairs(cand: Candidate, sources: list[EventActor], targets: list[EventActor]) -> list[tuple[EventActor | None, EventActor | None]]:
    if len(sources) >= 2 and not targets and cand.symmetric:
        return [(a, b) for a, b in product(sources, sources) if a is not b and not _same(a, b)]
    pairs = list(product(sources or [None], targets or [None]))
    return [(s, None if _same(s, t) else t) for s, t in pairs]


def _key(ev: Event) -> tuple:
    return (ev.cameo, ev.source.code if ev.source else None, ev.target.code if ev.target else None, ev.mode, ev.date)


def _code_of(actor: EventActor | None) -> str | None:
    return actor.code or actor.entity or actor.text if actor else None


def find_events(doc: Doc, article: Article) -> list[Event]:
    """Every event the article states or reports, with its evidence and rule."""
    lex: Lexicon = load()
    anchor_text = article.published or article.dateline.date
    anchor = when.parse_anchor(anchor_text)
    resolver = ActorResolver(article, anchor.isoformat() if anchor else None)
    quotes = _Quotes(article.quotes)
    lead_end = max((s.end for s in (article.structure.headline, article.structure.standfirst) if s), default=0)
    events: list[Event] = []
    seen: dict[tuple, int] = {}
    index = TriggerIndex(doc, lex)
    for sent in doc.sents:
        sentence_events: list[tuple[Candidate, Event]] = []
        for cand in find_candidates(sent, lex, index):
            quote = quotes.at(cand.trigger.idx)
            sources = _actors(cand.sources, resolver, quote, cand.trigger, subject=True)
            targets = _targets(cand, resolver, quote)
            if not sources and targets and (unknown := _unattributed(cand, article)):
                sources = [unknown]
            if not sources:
                continue  # PLOVER records need a source; a sourceless trigger is a mention, not a coded event
            for source, target in _pairs(cand, sources, targets):
                if source is None and target is None:
                    continue
                ev = _event(cand, source, target, sent, article, lex, anchor, quote)
                if _restates(cand, ev, sentence_events):
                    continue
                sentence_events.append((cand, ev))
        for _, ev in sentence_events:
            key = _key(ev)
            earlier = seen.get(key)
            if earlier is not None and events[earlier].evidence.start < lead_end <= ev.evidence.start:
                events[earlier] = ev  # the headline restates the body: keep the body's sentence
                continue
            seen[key] = len(events)
            events.append(ev)
    for i, ev in enumerate(events, 1):
        ev.id = f"v{i}"
    return events


def _unattributed(cand: Candidate, article: Article) -> EventActor | None:
    """CAMEO's actor for force or coercion whose doer the text does not name: 'a roadside bomb killed ...'
    and 'was arrested in X' have as source the place's country, with sector UAF (unidentified armed
    forces) for violence; the source's words, when there are any, stay as its text."""
    root = cand.code[:2]
    if cand.kind != "verb" or root not in ("17", "18", "19", "20"):
        return None
    place = find_place(cand.trigger, cand.anchors, cand.code, None, article.dateline.place)
    if place is None or place.country is None:
        return None
    words = cand.sources[0] if cand.sources else None
    code = place.country + ("UAF" if root != "17" else "")
    if words is None:
        return EventActor(text=place.name, code=code)
    start, end = ActorResolver.phrase(words)
    span = words.doc[start:end]
    return EventActor(text=span.text, code=code, span=article.span(span.start_char, span.end_char))


def _restates(cand: Candidate, ev: Event, earlier: list[tuple[Candidate, Event]]) -> bool:
    """A target-less event noun that names an event already coded in the sentence by the same actor ('his visit')."""
    for other_cand, other in earlier:
        if other.evidence.start != ev.evidence.start:
            continue
        if (ev.cameo, _code_of(ev.source), _code_of(ev.target)) == (other.cameo, _code_of(other.source), _code_of(other.target)):
            return True
        if cand.kind == "noun" and ev.target is None and other_cand.base[:2] == cand.base[:2] and _code_of(other.source) == _code_of(ev.source):
            return True
    return False


def _evidence(text: str, start: int, end: int, at: int) -> tuple[int, int]:
    """The sentence around a trigger, cut at paragraph breaks the parser ran across (a headline has no full stop)."""
    brk = text.rfind("\n\n", start, at)
    if brk >= 0:
        start = brk + 2
    brk = text.find("\n\n", at, end)
    if brk >= 0:
        end = brk
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _event(cand: Candidate, source: EventActor | None, target: EventActor | None, sent, article: Article,
           lex: Lexicon, anchor, quote: Quote | None) -> Event:
    text = article.text
    trig = cand.trigger
    start, end = _evidence(text, sent.start_char, sent.end_char, trig.idx)
    t_start = trig.idx
    t_end = trig.idx + len(trig)
    if cand.kind == "noun":
        mods = [c for c in trig.children if c.dep_ in ("compound",) and c.i == trig.i - 1]
        if mods:
            t_start = mods[0].idx
    mode = cand.mode
    dated = when.event_date(cand.anchors, anchor, mode == "future")
    if mode is None and dated is not None and when.is_historical(dated, anchor):
        mode = "historical"
    place_target = cand.place_target
    return Event(
        id="v0",
        cameo=cand.code,
        plover=lex.plover_type(cand.code),
        evidence=article.span(start, end),
        trigger=article.span(t_start, t_end),
        rule=cand.rule,
        source=source,
        target=target,
        mode=mode,
        date=dated[0] if dated else None,
        date_granularity=dated[1] if dated else None,  # type: ignore[arg-type]
        location=find_place(trig, cand.anchors, cand.code, place_target, article.dateline.place),
        reported_by=quote.id if quote else None,
        goldstein=lex.goldstein_score(cand.code),
        quad_class=quad_class(cand.code),
    )
