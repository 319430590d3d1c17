"""Coding a noun phrase as CAMEO actors: 'Senior Hungarian and Romanian officials' -> HUNGOV, ROUGOV."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..model import Actor
from . import lexicon, people
from .codes import combine, make_actor
from .lexicon import Entry, Hit
from .sectors import DETERMINERS, kind_of, role_text

_PREP_BASES = {"of", "from", "in", "for"}
_FORMER = {"former", "ex", "ex-", "ousted", "exiled", "deposed", "late"}
_DELEGATIONS = {"delegation", "delegations", "delegate", "delegates"}


def code_phrase(span: Span, date: str | None = None) -> Actor | None:
    """The actor a noun phrase stands for (the first one when it names several), or None."""
    actors = code_phrase_all(span, date)
    return actors[0] if actors else None


def code_phrase_all(span: Span, date: str | None = None) -> list[Actor]:
    """Every actor a noun phrase names: 'Russia and Serbia' -> RUS, SRB."""
    if len(span) == 0:
        return []
    return code_span(span, lexicon.get().scan(span), people.normalise_date(date))


def code_span(span: Span, hits: list[Hit], date: str | None, head: Token | None = None) -> list[Actor]:
    """Code a span given the lexicon hits inside it (coordinated heads each give their actors)."""
    head = head if head is not None else span.root
    heads = [head] + [c for c in head.conjuncts if span.start <= c.i < span.end and c.i > head.i]
    if len(heads) == 1:
        return _code_head(span, head, hits, date)
    out: list[Actor] = []
    for h in heads:
        sub = _conjunct_span(span, h)
        for actor in _code_head(sub, h, [x for x in hits if x.start >= sub.start and x.end <= sub.end], date):
            if all(a.code != actor.code for a in out):
                out.append(actor)
    return out


def _conjunct_span(span: Span, head: Token) -> Span:
    """The part of a coordinated phrase that belongs to one conjunct head."""
    start = max(span.start, head.left_edge.i)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in ("conj", "cc", "punct", "appos"):
            break
        end = max(end, child.right_edge.i + 1)
    return span.doc[start : min(end, span.end)]


def _hit_at(hits: list[Hit], i: int) -> Hit | None:
    for h in hits:
        if h.start <= i < h.end:
            return h
    return None


def named_actor(entry: Entry, date: str | None) -> Actor | None:
    """The actor a named (or user) entry stands for on the date."""
    actor, _ = people.resolve(entry.codes, date, f"{entry.table}:{entry.name or entry.key}")
    return actor


def _code_head(span: Span, head: Token, hits: list[Hit], date: str | None) -> list[Actor]:
    hit = _hit_at(hits, head.i)
    title = _title_before(span, hit.start if hit else head.i, hits)
    role = role_text(list(span.doc[title.start : title.end])) if title else None
    named = hit.first("user", "named") if hit else None
    if named is not None:
        actor = named_actor(named, date)
        if named.kind == "person" or span.doc[hit.start].ent_type_ == "PERSON":
            return [_with_title(actor, title, role, span, hits, date, named)] if actor or title else []
        return [actor] if actor else []
    place = hit.first("place") if hit else None
    if place is not None:
        return [make_actor(place.code, rule=f"place:{span.doc[hit.start:hit.end].text} ({place.kind})")]
    agent = hit.first("agent") if hit else None
    agent_tokens = span.doc[hit.start : hit.end] if agent else None
    if agent is None:
        lemma = head.lemma_.lower()
        agent = next((e for e in lexicon.get().get(lemma) if e.table == "agent"), None)
        agent_tokens = span.doc[head.i : head.i + 1] if agent else None
    bases = _bases(span, (hit.start if hit else head.i), hits, date)
    if agent is not None:
        if not bases:
            bases = _prep_bases(head, hits, date)
        sector_role = role_text(list(agent_tokens)) if kind_of(agent) == "person" and head.tag_ not in ("NNS", "NNPS") else None
        sector, rule = agent.code, f"agent:{agent_tokens.text.lower()}"
        if agent.key in _DELEGATIONS and _parliamentary(head):
            sector, rule = "LEG", rule + " (at a parliamentary body)"
        return [a for a in (_join(b, sector, sector_role, rule) for b in bases or [None]) if a]
    if title is not None:  # an unknown person with a title: 'Serbian Prime Minister X'
        agent_entry = title.first("agent")
        return [a for a in (_join(b, agent_entry.code, role, f"title:{role}") for b in bases or [None]) if a]
    return [a for a in (_join(b, None, None, None) for b in bases) if a]


def _with_title(actor: Actor | None, title: Hit | None, role: str | None, span: Span, hits: list[Hit],
                date: str | None, named: Entry) -> Actor | None:
    """A known person's actor, with the role, and the sector (and country when the data lacks it) of the title.

    A title in the text says what the person is as the story is written, so it overrides the
    dictionary's 'elite' (ELI) code; 'former' titles make the person ELI.
    """
    if title is None:
        return actor
    sector = "ELI" if _former(span.doc, title) else title.first("agent").code
    if actor is None or actor.country is None:
        bases = _bases(span, title.start, hits, date)
        joined = _join(bases[0] if bases else None, sector, role, f"{named.table}:{named.name} + title:{role}")
        return joined or actor
    rule = f"{actor.rule} + title:{role}"
    if actor.country not in ("IGO", "NGO") and (actor.sector in (None, "ELI") or sector == "ELI"):
        return combine(actor.country, sector, role=role, rule=rule)
    actor.role = role or actor.role
    actor.rule = rule
    return actor


def _former(doc, title: Hit) -> bool:
    """Whether a title says the person no longer holds it ('former president', 'ex-minister')."""
    words = {t.lower_ for t in doc[max(0, title.start - 2) : title.end]}
    return bool(words & _FORMER)


def _parliamentary(head: Token) -> bool:
    """Whether the sentence names a parliamentary body, so a delegation there is a parliamentary one."""
    for h in lexicon.get().scan(head.sent):
        for e in h.entries:
            if (e.table == "agent" and e.code == "LEG") or (e.table in ("named", "user") and "LEG" in e.codes.split("@")[0]):
                return True
    return False


def _title_before(span: Span, end: int, hits: list[Hit]) -> Hit | None:
    """The person title (agent word naming one person) right before a name: 'Foreign Minister' in '... Sergey Lavrov'."""
    doc = span.doc
    if end <= span.start or doc[end].pos_ != "PROPN":
        return None
    for h in reversed(hits):
        if h.end <= end and h.end >= end - 1 and h.start >= span.start:
            entry = h.first("agent")
            if entry is not None and kind_of(entry) == "person":
                return h
            return None
    return None


def _bases(span: Span, end: int, hits: list[Hit], date: str | None) -> list[tuple[str, str]]:
    """Country or organisation codes among the words before `end`: coordinated ones all, else the nearest."""
    found: list[tuple[int, str, str]] = []
    for h in hits:
        if h.end > end or h.start < span.start:
            continue
        text = span.doc[h.start : h.end].text
        place = h.first("place")
        named = h.first("user", "named")
        if named is not None:
            actor = named_actor(named, date)
            if actor is None:
                continue
            code = actor.country if named.kind == "person" else actor.code
            if code:
                found.append((h.start, code, f"{named.table}:{text}"))
        elif place is not None:
            found.append((h.start, place.code, f"place:{text} ({place.kind})"))
    if len(found) <= 1:
        return [(c, r) for _, c, r in found]
    first = found[0][0]
    coordinated = any(t.dep_ == "cc" or t.lower_ in ("and", "&") for t in span.doc[first:end])
    if coordinated:
        seen: dict[str, str] = {}
        for _, c, r in found:
            seen.setdefault(c, r)
        return list(seen.items())
    return [(found[-1][1], found[-1][2])]


def _prep_bases(head: Token, hits: list[Hit], date: str | None) -> list[tuple[str, str]]:
    """A country after the head: 'president of Armenia', 'militias in Tripoli'."""
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in _PREP_BASES:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    span = head.doc[obj.left_edge.i : obj.i + 1]
                    bases = _bases(span, obj.i + 1, [h for h in hits if h.start >= span.start], date)
                    if not bases:
                        bases = _bases(span, obj.i + 1, lexicon.get().scan(span), date)
                    if bases:
                        return bases
    return []


def _join(base: tuple[str, str] | None, sector: str | None, role: str | None, rule: str | None) -> Actor | None:
    """Combine a base (code, rule) and a sector into an actor whose rule names both."""
    if base is None:
        return combine(None, sector, role=role, rule=rule) if sector else None
    code, base_rule = base
    return combine(code, sector, role=role, rule=" + ".join(r for r in (base_rule, rule) if r))


def strip_determiners(span: Span) -> Span:
    """The phrase without leading determiners ('the Russian delegation' -> 'Russian delegation')."""
    start = span.start
    while start < span.end - 1 and span.doc[start].lower_ in DETERMINERS:
        start += 1
    return span.doc[start : span.end]
