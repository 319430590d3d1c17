"""Coding a noun phrase as CAMEO actors: 'Senior Hungarian and Romanian officials' -> HUNGOV, ROUGOV."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..model import Actor
from . import lexicon, people
from .codes import ACTOR_SECTORS, DETERMINERS, REGIONS, WEAK_TITLES, combine, kind_of, make_actor, role_text
from .lexicon import Entry, Hit

_PREP_BASES = {"of", "from", "in", "for"}
# Words the agent table knows that are not titles before a name ('Christian Horner').
NOT_TITLES = {"christian", "muslim", "jewish", "hindu", "buddhist", "catholic", "protestant", "sunni", "shiite", "shia"}
_FORMER = {"former", "ex", "ex-", "ousted", "exiled", "deposed", "late"}
_DELEGATIONS = {"delegation", "delegations", "delegate", "delegates"}
# Words that make an unknown organisation's name transnational; IGOs are known by name, so such a body is an NGO.
_TRANSNATIONAL_WORDS = {"international", "world", "global", "african", "arab", "european", "asian", "regional",
                        "pan-african", "transnational", "islamic", "latin"}


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
    head = head if head is not None else _np_head(span)
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


def _np_head(span: Span) -> Token:
    """The head noun: the parse's root, or the last noun when the parser hung a name-modified noun on the name ('the Bush administration')."""
    root, last = span.root, span[-1]
    if root.i < last.i and last.pos_ == "NOUN" and root.pos_ == "PROPN":
        between = span.doc[root.i + 1 : last.i]
        if not any(t.pos_ in ("ADP", "VERB", "CCONJ", "PUNCT") for t in between):
            return last
    return root


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
    """Code one (non-coordinated) phrase around its head word; an unknown organisation whose name says it spans
    countries ('the Association of African Jurists', 'the Third World Water Forum') is a non-governmental one."""
    actors = _code_known(span, head, hits, date)
    if any(a.country for a in actors) or head.ent_type_ != "ORG" or any(h.first("named", "user") for h in hits):
        return actors  # a known body inside the name ('African Union Commission') is no unknown organisation
    if not any(t.lower_ in _TRANSNATIONAL_WORDS for t in span if t.ent_type_ == "ORG"):
        return actors
    sector = actors[0].sector if actors else None
    return [combine("NGO", sector, rule="org: an unknown organisation named as transnational" + (f" + {actors[0].rule}" if actors else ""))]


def _code_known(span: Span, head: Token, hits: list[Hit], date: str | None) -> list[Actor]:
    """Code one (non-coordinated) phrase around its head word from the lexicon."""
    doc = span.doc
    hit = _hit_at(hits, head.i)
    in_name = head.ent_type_ == "PERSON" and head.ent_iob_ == "I"
    if in_name:
        first = head.i
        while first > span.start and doc[first].ent_iob_ == "I":
            first -= 1
        in_name = hit is None or hit.start > first  # a hit over the whole PERSON span: the NER mistook a place
        if in_name and all((h := _hit_at(hits, j)) is not None and h.first("place") for j in range(first, head.i + 1)):
            in_name = False  # 'Bosnian Serbs' tagged PERSON: every word a place word, so a people, not a name
    if hit is not None and in_name and not hit.first("user", "named"):
        # 'Josh King', 'Lewis Hamilton': the last word of a person's name, not a title or a place
        hits = [h for h in hits if h.end <= first or h.start > head.i or h.first("user", "named")]
        hit = None
    name_start = hit.start if hit else _name_start(span, head, hits)
    known = hit is not None and any(e.kind == "person" for e in hit.entries if e.table in ("named", "user"))
    title = _title_before(span, name_start, hits) if known or head.ent_type_ in ("PERSON", "") else None
    role = role_text(list(doc[title.start : title.end])) if title else None
    named = hit.first("user", "named") if hit else None
    if named is None and hit is None and name_start == head.i and head.pos_ == "PROPN" and (title or head.ent_type_ == "PERSON"):
        named = people.by_surname(head.lower_, date)  # 'President Mugabe'
    if named is not None:
        actor = _named_in_context(named, date, span, hits, name_start)
        if named.kind == "person" or doc[name_start].ent_type_ == "PERSON":
            return [_with_title(actor, title, role, span, hits, date, named)] if actor or title else []
        return [actor] if actor else []
    place = hit.first("place") if hit else None
    if place is not None:
        text = doc[hit.start : hit.end].text
        if place.kind == "demonym" and _counted_people(head):  # '100 Palestinians', 'Palestinians living in ...'
            before = [t for t in doc[span.start : hit.start] if t.dep_ in ("amod", "compound") and t.head.i == head.i]
            homes = [(t, p) for t in before if (h := _hit_at(hits, t.i)) is not None and (p := h.first("place"))]
            if homes:  # 'Bosnian Serbs', 'Iraqi Kurds': a people of the country named before it
                word, home = homes[0]
                return [make_actor(home.code + "CVL", rule=f"place:{word.text} ({home.kind}) + people:{text}")]
            if any(t.lower_ == "ethnic" for t in before):  # 'ethnic Albanians': where they live, not Albania
                return [make_actor("CVL", rule=f"people:{text} (ethnic)")]
            return [make_actor(place.code + "CVL", rule=f"place:{text} (demonym) + people")]
        return [make_actor(place.code, rule=f"place:{text} ({place.kind})")]
    agent, agent_tokens = _agent_at(doc, hit, head) if not in_name else (None, None)
    # a bare name: only a word right before it says its country ('Brazilian X'), not any place in the phrase
    bases = _bases(span, name_start, hits, date, adjacent=head.ent_type_ == "PERSON" and title is None)
    if agent is not None and not bases and hit is not None and hit.end < span.end and doc[hit.start].is_title \
            and not doc[hit.start].is_sent_start:
        agent = None  # 'Envoy Air': a capitalised agent word opening a name is part of the name
    if agent is not None:
        if not bases:
            bases = _prep_bases(head, hits, date)
        sector_role = role_text(list(agent_tokens)) if kind_of(agent) == "person" and head.tag_ in ("NN", "NNP") else None
        sector, rule = agent.code, f"agent:{agent_tokens.text.lower()}"
        if agent.key in _DELEGATIONS and _parliamentary(head):
            sector, rule = "LEG", rule + " (at a parliamentary body)"
        return [a for a in (_join(b, sector, sector_role, rule) for b in bases or [None]) if a]
    if title is not None:  # an unknown person with a title: 'Serbian Prime Minister X'
        entry = title.first("agent")
        sector = "ELI" if _former(doc, title) else entry.code
        if not bases and (entry.key in WEAK_TITLES or sector[:3] not in ACTOR_SECTORS):
            return []  # 'spokeswoman Liz E.', 'producer X': whose, is not said
        return [a for a in (_join(b, sector, role, f"title:{role}") for b in bases or [None]) if a]
    owner = _owner_phrase(head)
    if owner is not None:  # "Iraqi President Saddam Hussein's proposal": the owner acts
        owned = code_span(owner, [h for h in hits if h.start >= owner.start and h.end <= owner.end], date)
        if owned:
            return owned
    of_phrase = _of_phrase(head)
    if of_phrase is not None and not bases:  # 'a member of the Syrian parliament'
        return code_span(of_phrase, lexicon.get().scan(of_phrase), date)
    modifier = _modifier_agent(span, head, hits)  # 'Israeli police custody', 'opposition candidates'
    if modifier is not None:
        sector, rule = modifier.first("agent").code, f"agent:{doc[modifier.start:modifier.end].text.lower()} (modifier)"
        return [a for a in (_join(b, sector, None, rule) for b in bases or [None]) if a]
    return [a for a in (_join(b, None, None, None) for b in bases) if a]


def _agent_at(doc, hit: Hit | None, head: Token) -> tuple[Entry | None, Span | None]:
    """The agent word at the head: its hit, else the head's lemma ('parliamentarians' -> 'parliamentarian')."""
    agent = hit.first("agent") if hit else None
    if agent is not None:
        return agent, doc[hit.start : hit.end]
    agent = next((e for e in lexicon.get().get(head.lemma_.lower()) if e.table == "agent"), None)
    return (agent, doc[head.i : head.i + 1]) if agent else (None, None)


def _name_start(span: Span, head: Token, hits: list[Hit]) -> int:
    """Where a name ending at the head starts: 'Mohammad Zia-Ul-Haq' -> 'Mohammad'."""
    i = head.i
    if head.pos_ != "PROPN" and head.ent_type_ != "PERSON":  # 'Park Seo-yeon': the tagger may call a name's end a noun
        return i
    taken = {j for h in hits if h.first("agent", "place") for j in range(h.start, h.end)}
    doc = span.doc
    while i - 1 >= span.start and i - 1 not in taken and (doc[i - 1].pos_ == "PROPN" or doc[i - 1].text == "-"):
        i -= 1
    return i


def _named_in_context(entry: Entry, date: str | None, span: Span, hits: list[Hit] | None = None,
                      name_start: int | None = None) -> Actor | None:
    """A named entry's actor; an organisation coded to a region gets the country its own name gives, or that of a
    country word right before the name ('Palestinian Islamic Jihad' → PSE, not the region MEA)."""
    actor = named_actor(entry, date)
    if actor is None or entry.kind == "person" or (actor.country and actor.country not in REGIONS | {"IMG", "INT"}):
        return actor
    if actor.country in REGIONS and hits is not None and name_start is not None:
        before = _hit_at(hits, name_start - 1)
        place = before.first("place") if before is not None else None
        if place is not None and place.kind in ("country", "demonym"):
            return make_actor(place.code + (actor.sector or ""), rule=f"{actor.rule} + place:{span.doc[before.start].text}")
    lex = lexicon.get()
    for word in entry.key.split(" "):
        place = next((e for e in lex.get(word) if e.table == "place" and e.kind in ("country", "demonym")), None)
        if place is not None:
            return make_actor(place.code + (actor.sector or ""), rule=f"{actor.rule} + place:{word}")
    return actor


def _counted_people(head: Token) -> bool:
    """A plural demonym with a number or a description names people, not the state ('2,000 Libyans')."""
    if head.tag_ not in ("NNS", "NNPS"):
        return False
    return any(c.dep_ in ("nummod", "quantmod", "amod", "acl", "relcl", "prep") for c in head.children)


def _owner_phrase(head: Token) -> Span | None:
    """The possessor phrase before a head word: '[President Assad]'s failure'."""
    for child in head.lefts:
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN"):
            return head.doc[child.left_edge.i : child.i + 1]
    return None


def _of_phrase(head: Token) -> Span | None:
    """The object of 'of' after a head word: 'member of [the Syrian parliament]'."""
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return head.doc[obj.left_edge.i : obj.right_edge.i + 1]
    return None


def _modifier_agent(span: Span, head: Token, hits: list[Hit]) -> Hit | None:
    """The nearest agent word among the modifiers before an uncoded head."""
    for h in reversed(hits):
        if h.end <= head.i and h.start >= span.start and h.first("agent") and not h.first("place", "named", "user"):
            first = span.doc[h.start]
            if not (first.is_lower or first.is_sent_start):
                return None  # 'Envoy Air': part of a name
            return h
    return None


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
    if actor.sector is None:  # no role on the date: the words before the title say whose it is ('U.N. mediator X')
        bases = _bases(span, title.start, hits, date)
        if bases:
            return _join(bases[0], sector, role, f"{rule} + {bases[0][1]}")
        return combine(actor.code, sector, role=role, rule=rule)
    if actor.country not in ("IGO", "NGO") and (actor.sector == "ELI" or sector == "ELI"):
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
            if entry is not None and kind_of(entry) == "person" and entry.key not in NOT_TITLES:
                return h
            return None
    return None


def _bases(span: Span, end: int, hits: list[Hit], date: str | None, adjacent: bool = False) -> list[tuple[str, str]]:
    """Country or organisation codes among the words before `end` (right before it, when `adjacent`): coordinated ones all, else the nearest."""
    found: list[tuple[int, str, str]] = []
    for h in hits:
        if h.end > end or h.start < span.start or (adjacent and h.end != end):
            continue
        text = span.doc[h.start : h.end].text
        place = h.first("place")
        named = h.first("user", "named")
        if named is not None:
            actor = named_actor(named, date) if named.kind == "person" else _named_in_context(named, date, span, hits, h.start)
            if actor is None:
                continue
            code = actor.country if named.kind == "person" else actor.code
            if code:
                found.append((h.start, code, f"{named.table}:{text}"))
        elif place is not None and place.code:
            if place.kind in ("city", "place") and span.doc[h.start].ent_type_ not in ("GPE", "LOC"):
                continue  # 'Memphis Hustle', 'Kennedy Space Center': part of another name
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
                    span = head.doc[obj.left_edge.i : obj.right_edge.i + 1]
                    bases = _bases(span, span.end, [h for h in hits if h.start >= span.start and h.end <= span.end], date)
                    if not bases:
                        bases = _bases(span, span.end, lexicon.get().scan(span), date)
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
