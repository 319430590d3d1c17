"""Events: who did what to whom, coded in CAMEO and PLOVER with mode, date and place.

`find_events(doc, article)` runs after entities, coreference and quotes. For each sentence the
coder (coder.py) finds verb and noun triggers through the lexicon (lexicon.py, patterns.py), reads
their modality (modes.py), takes source and target from the parse and resolves them to entities
and actor codes (actors.py), dates them against the article's date (when.py) and places them
(where.py). Each event keeps its sentence as evidence, its trigger span and the rule that fired.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from ..actors.codes import ACTOR_SECTORS, sector_of, split_code
from ..model import Article, Event, EventActor, Quote
from . import when
from .actors import ActorResolver, has_country
from .coder import Candidate, TriggerIndex, find_candidates
from .context import localise, office_code, unattributed
from .happenings import accused_denier, both_parties, choose_targets, pairs, reaction_target, resolve_actors, restates
from .lexicon import Lexicon, load, quad_class
from .modes import SPEECH
from .where import dateline_place, find_place

__all__ = ["find_events"]


class _Quotes:
    """Which quote's content holds a character offset."""

    def __init__(self, quotes: list[Quote]) -> None:
        self.quotes = sorted(quotes, key=lambda q: q.content.start)
        self.starts = [q.content.start for q in self.quotes]

    def at(self, offset: int) -> Quote | None:
        """The quote whose content holds the offset, if any (contents do not nest); words after a speech tag the
        content runs over ('X fired missiles, the military said, days after Y began drills') are the reporter's."""
        i = bisect_right(self.starts, offset) - 1
        for quote in self.quotes[max(0, i - 2): i + 1]:
            if quote.content.start <= offset < quote.content.end:
                cue = quote.cue
                inside = cue is not None and quote.content.start <= cue.start < quote.content.end
                return None if inside and offset >= cue.end else quote
        return None

    def reporting(self, cand: Candidate) -> Quote | None:
        """The quote that reports a candidate's event, unless the quote's cue is the event's own speech act ('pledged
        to deepen cooperation' is the pledge, not a report of it); a verb of saying still reports what it carries."""
        quote = self.at(cand.trigger.idx)
        if quote is None or quote.cue is None:
            return quote
        node = cand.trigger
        for _ in range(3):
            if node.head.i == node.i:
                break
            node = node.head
            if quote.cue.start <= node.idx < quote.cue.end:
                return quote if node.lemma_.lower() in SPEECH else None
        return quote


def _identified(actor: EventActor | None) -> bool:
    """Whether an actor is a political one: a country or international actor, or a body or force of politics without
    its country ('the government', 'police', 'rebels'). As CAMEO coders drop events whose actors are uncoded, an event
    needs one such side ('the firm provided statements' and 'passengers gave blankets' are no political events)."""
    if actor is None or not actor.code:
        return False
    country, rest = split_code(actor.code)
    return (country is not None and has_country(actor.code)) or sector_of(rest) in ACTOR_SECTORS


def _bare_country(actor: EventActor | None) -> bool:
    """Whether an actor is a country named as such, with no body or group of it ('Argentina', not 'Argentine police')."""
    return actor is not None and bool(actor.code) and len(actor.code) == 3 and has_country(actor.code)


class _SportsReport:
    """Whether a story reports sport: three different words of sports reporting ('qualifier', 'striker', 'coach'),
    read once per story and only when an event needs to know."""

    MIN_WORDS = 3

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc, self.words, self._holds = doc, lex.sport_words, None

    def holds(self) -> bool:
        if self._holds is None:
            found = {t.lemma_.lower() for t in self.doc if t.lemma_.lower() in self.words}
            self._holds = len(found) >= self.MIN_WORDS
        return self._holds


def _key(ev: Event) -> tuple:
    return (ev.cameo, ev.source.code if ev.source else None, ev.target.code if ev.target else None, ev.mode, ev.date)


def find_events(doc: Doc, article: Article) -> list[Event]:
    """Every event the article states or reports, with its evidence and rule."""
    lex: Lexicon = load()
    anchor_text = article.published or article.dateline.date
    anchor = when.parse_anchor(anchor_text)
    resolver = ActorResolver(article, anchor.isoformat() if anchor else None)
    home = dateline_place(article.dateline.place).country if article.dateline.place else None
    quotes = _Quotes(article.quotes)
    lead_end = max((s.end for s in (article.structure.headline, article.structure.standfirst) if s), default=0)
    events: list[Event] = []
    seen: dict[tuple, int] = {}
    index = TriggerIndex(doc, lex)
    sport = _SportsReport(doc, lex)
    time_index = when.TimeIndex(doc)
    for sent in doc.sents:
        sentence_events: list[tuple[Candidate, Event]] = []
        cands = find_candidates(sent, lex, index)
        times = time_index.within(sent) if cands else []
        for cand in cands:
            quote = quotes.reporting(cand)
            sources = both_parties(cand.sources, sentence_events) or \
                resolve_actors(cand.sources, resolver, quote, cand.trigger, subject=True)
            targets = choose_targets(cand, resolver, quote, reciprocal=len(sources) >= 2 and cand.symmetric, sources=sources)
            if not sources and targets and (unknown := unattributed(cand, article)):
                sources = [unknown]
            if not sources:
                continue  # PLOVER records need a source; a sourceless trigger is a mention, not a coded event
            if cand.needs_target and not any(t.code for t in targets):
                continue  # "released a new trailer": CAMEO's release is of people or property held
            for source, target in pairs(cand, sources, targets):
                if source is None and target is None:
                    continue
                ev = _event(cand, source, target, sent, article, lex, anchor, quote, times)
                if (doer := reaction_target(cand, ev, events, sentence_events, lex)) is not None:
                    ev.target = doer  # 'condemned the abduction': the kidnappers the story named before
                if (accusation := accused_denier(ev, events, sentence_events)) is not None:  # 'She denied the charges'
                    ev.source = ev.source if ev.source is not None and ev.source.code else accusation.target
                    ev.target = accusation.source
                localise(ev, home)
                if not (_identified(ev.source) or _identified(ev.target)):
                    continue  # "the West suspected ...", "the firm provided statements": no political actor
                if _bare_country(ev.source) and sport.holds():
                    continue  # "Argentina thrashed Brazil", "Brazil host Peru": in a sports report a country is its team
                if restates(cand, ev, sentence_events):
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
           lex: Lexicon, anchor, quote: Quote | None, times: list) -> Event:
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
    code, rule = cand.code, cand.rule
    if (office := office_code(code, source, lex)) is not None:
        code, rule = office, f"{rule}+office"
    dated = when.event_date(cand.anchors, anchor, mode == "future", times, sent.start)
    if mode is None and dated is not None and when.is_historical(dated, anchor):
        mode = "historical"
    elif mode is None and cand.kind == "noun" and dated is not None and when.is_ahead(dated, anchor):
        mode = "future"  # 'the state visit of the president next spring': a noun has no tense, its date tells
        if code[:2] in ("04", "05", "06", "07", "08") and (intent := lex.recode("intent", code)) is not None:
            code, rule = intent, f"{rule}+planned"
    place_target = cand.place_target
    return Event(
        id="v0",
        cameo=code,
        plover=lex.plover_type(code),
        plover_mode=lex.plover_mode(code),
        evidence=article.span(start, end),
        trigger=article.span(t_start, t_end),
        rule=rule,
        source=source,
        target=target,
        mode=mode,
        date=dated[0] if dated else None,
        date_granularity=dated[1] if dated else None,  # type: ignore[arg-type]
        location=find_place(trig, cand.anchors, code, place_target, article.dateline.place),
        reported_by=quote.id if quote else None,
        goldstein=lex.goldstein_score(code),
        quad_class=quad_class(code),
    )
