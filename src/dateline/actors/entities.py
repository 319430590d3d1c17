"""Entities: NER spans and lexicon matches grouped into participants, each with its mentions and actor code."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..model import Actor, Article, Entity, Mention
from . import lexicon, people
from .acronyms import AcronymIndex, acronym_definitions, is_acronym
from .codes import make_actor
from .lexicon import Hit
from .naming import country_name, pick_name
from .resolve import code_span
from .sectors import DETERMINERS, kind_of, names_people

KEEP = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
_EDGE_PUNCT = set("\"'“”‘’()[]{},.;:!?-–—/")
_POSSESSIVE = {"'s", "’s", "'", "’"}


@dataclass(slots=True)
class Candidate:
    """One mention on its way to an entity: where it is, what it is, and the key it groups by."""

    start: int  # token range
    end: int
    key: tuple[str, ...]
    label: str
    rule: str
    actor: Actor | None = None
    name: str | None = None  # a preferred display name (lexicon or canonical)
    char_start: int | None = None  # for mentions inside a token (e.g. '/TASS/.')
    char_end: int | None = None


@dataclass(slots=True)
class _State:
    doc: Doc
    text: str
    hits: list[Hit]
    date: str | None
    cands: list[Candidate] = field(default_factory=list)
    covered: set[int] = field(default_factory=set)  # tokens inside kept NER entities
    hit_by_token: dict[int, Hit] = field(default_factory=dict)

    def hits_in(self, start: int, end: int) -> list[Hit]:
        return [self.hit_by_token[i] for i in range(start, end) if i in self.hit_by_token and self.hit_by_token[i].start == i
                and self.hit_by_token[i].end <= end]


def find_entities(doc: Doc, article: Article) -> list[Entity]:
    """Entities of the article in order of first mention (e1, e2, ...), each with mentions and actor."""
    if not len(doc) or doc.text != article.text:
        return []
    hits = lexicon.get().scan(doc)
    state = _State(doc, article.text, hits, people.article_date(article))
    for h in hits:
        for i in range(h.start, h.end):
            state.hit_by_token[i] = h
    _from_ner(state)
    _from_lexicon(state)
    _from_agents(state)
    _group_acronyms(state)
    _group_surnames(state)
    return _assemble(state)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop leading determiners and edge punctuation, and a trailing possessive."""
    while start < end and (doc[start].lower_ in DETERMINERS or doc[start].text in _EDGE_PUNCT):
        start += 1
    while end > start and (doc[end - 1].text in _EDGE_PUNCT or doc[end - 1].lower_ in _POSSESSIVE):
        end -= 1
    return start, end


def _from_ner(st: _State) -> None:
    doc = st.doc
    # Multi-word lexicon names beat NER spans that cut them ('Organization for Security and Co-operation' + 'Europe').
    strong = [h for h in st.hits if h.end - h.start > 1 and (h.first("user", "named") or h.first("place"))]
    for ent in doc.ents:
        if ent.label_ not in KEEP:
            continue
        if any(h.start < ent.end and ent.start < h.end and (h.start < ent.start or h.end > ent.end)
               and not (ent.start <= h.start and h.end <= ent.end) for h in strong):
            continue
        start, end = _trim(doc, ent.start, ent.end)
        paren = next((i for i in range(start, end) if doc[i].text == "("), None)
        if paren is not None:  # 'the Parliamentary Assembly of the Council of Europe (PACE'
            inner = _trim(doc, paren + 1, end)
            if inner[1] - inner[0] == 1 and is_acronym(doc[inner[0]].text):
                _add_span(st, inner[0], inner[1], ent.label_)
            end = _trim(doc, start, paren)[1]
        if start >= end:
            continue
        st.covered.update(range(start, end))
        _add_span(st, start, end, ent.label_)


def _add_span(st: _State, start: int, end: int, label: str) -> None:
    """Turn one NER span into a candidate, coded with the lexicon hits inside it."""
    doc = st.doc
    span = doc[start:end]
    inside = st.hits_in(start, end)
    whole = inside[0] if len(inside) == 1 and inside[0].start == start and inside[0].end == end else None
    if label == "PERSON":
        _add_person(st, start, end, inside)
        return
    if whole is not None:
        place, named = whole.first("place"), whole.first("user", "named")
        if named is not None and (place is None or label == "ORG"):
            actor = code_span(span, [whole], st.date)
            st.cands.append(Candidate(start, end, ("named", named.group), _label_for(named, label), "ner", actor[0] if actor else None, named.name))
            return
        if place is not None:
            _add_place(st, start, end, whole, "ner", label)
            return
    actors = code_span(span, inside, st.date) if inside else []
    if label in ("GPE", "LOC", "FAC"):
        key = ("place", _norm(span))
    elif label == "NORP":
        key = ("norp", _norm(span))
    elif label == "ORG":
        key = ("org", _norm(span))
    else:
        key = ("other", label, _norm(span))
    st.cands.append(Candidate(start, end, key, label, "ner", actors[0] if actors else None))


def _label_for(entry, label: str) -> str:
    if entry.kind == "person":
        return "PERSON"
    return label if label in ("ORG", "FAC") else "ORG"


def _add_place(st: _State, start: int, end: int, hit: Hit, rule: str, label: str | None = None) -> None:
    place = hit.first("place")
    text = st.doc[start:end].text
    actor = make_actor(place.code, rule=f"place:{text} ({place.kind})")
    if place.kind in ("country", "demonym"):
        key = ("country", place.code)
        mention_rule = "demonym" if place.kind == "demonym" else rule
        st.cands.append(Candidate(start, end, key, "GPE", mention_rule, actor, country_name(place.code)))
    else:
        label = label if label in ("GPE", "LOC", "FAC") else "GPE"
        st.cands.append(Candidate(start, end, ("place", place.group), label, rule, actor))


def _add_person(st: _State, start: int, end: int, inside: list[Hit]) -> None:
    """A PERSON span: drop a title inside it, code it with the title and words before it."""
    doc = st.doc
    while start < end - 1 and start in st.hit_by_token and (st.hit_by_token[start].first("agent") or st.hit_by_token[start].first("place")) \
            and st.hit_by_token[start].end < end:
        start = st.hit_by_token[start].end  # 'Prime Minister Vucic' as one PERSON span
    root = doc[end - 1]
    context_start = min(start, root.left_edge.i)
    context = doc[context_start:end]
    actors = code_span(context, st.hits_in(context_start, end), st.date, head=root)
    named = next((h.first("user", "named") for h in inside if h.first("user", "named") and h.end == end), None)
    if named is not None and named.kind == "person":
        key = ("named", named.group)
        name = named.name
    else:
        key = ("person", _norm(doc[start:end]))
        name = None
    st.cands.append(Candidate(start, end, key, "PERSON", "ner", actors[0] if actors else None, name))


def _from_lexicon(st: _State) -> None:
    """Lexicon matches the NER missed: countries, demonyms, capitals, named organisations, agencies in datelines."""
    doc = st.doc
    for h in st.hits:
        if any(i in st.covered for i in range(h.start, h.end)):
            continue
        place, named = h.first("place"), h.first("user", "named")
        toks = doc[h.start : h.end]
        if named is not None and not (place and len(toks) == 1 and toks[0].pos_ != "PROPN"):
            if len(toks) == 1 and not (toks[0].is_upper or toks[0].pos_ == "PROPN"):
                continue
            actor = code_span(toks, [h], st.date)
            label = "PERSON" if named.kind == "person" else "ORG"
            st.cands.append(Candidate(h.start, h.end, ("named", named.group), label, f"lexicon:{named.table}", actor[0] if actor else None, named.name))
        elif place is not None and place.kind in ("country", "demonym", "capital"):
            if place.kind == "capital" and toks[0].ent_type_ in ("PERSON", "ORG"):
                continue
            _add_place(st, h.start, h.end, h, "lexicon:place")
    for tok in doc:  # '/TASS/.' is one token in a wire dateline
        if "/" in tok.text and tok.i not in st.covered:
            _sub_token(st, tok)


def _sub_token(st: _State, tok: Token) -> None:
    inner = tok.text.strip("/.,;:()")
    if not inner or "/" in inner:
        return
    for entry in lexicon.get().get(inner.lower()):
        if entry.table in ("user", "named") and lexicon.case_fits(entry, [tok]):
            offset = tok.idx + tok.text.index(inner)
            actor = code_span(st.doc[tok.i : tok.i + 1], [Hit(tok.i, tok.i + 1, (entry,))], st.date)
            st.cands.append(Candidate(tok.i, tok.i + 1, ("named", entry.group), "ORG", "lexicon:dateline-agency",
                                      actor[0] if actor else None, entry.name, offset, offset + len(inner)))
            return


def _from_agents(st: _State) -> None:
    """Agent phrases that name a group or body: 'Serbian parliamentarians', 'the Russian delegation', 'police'."""
    doc = st.doc
    for h in st.hits:
        agent = h.first("agent")
        if agent is None or h.first("user", "named", "place"):
            continue
        head = doc[h.end - 1]
        if head.pos_ not in ("NOUN", "PROPN") or head.dep_ in ("compound", "amod", "nmod", "poss"):
            continue
        if head.i in st.covered or head.ent_type_ == "PERSON" or not names_people(agent, head):
            continue
        start = head.left_edge.i
        while start < h.start and doc[start].is_punct:
            start += 1
        phrase = doc[start : h.end]
        actors = code_span(phrase, st.hits_in(start, h.end), st.date, head=head)
        actor = actors[0] if actors else None
        code = actor.code if actor else agent.code
        label = "ORG" if kind_of(agent) == "group" else "NORP"
        st.cands.append(Candidate(start, h.end, ("agent", code, head.lemma_.lower()), label, "agent", actor))
        if len(actors) > 1:  # 'Hungarian and Romanian officials': each country's officials
            for extra in actors[1:]:
                st.cands.append(Candidate(start, h.end, ("agent", extra.code, head.lemma_.lower()), label, "agent", extra))


def _group_acronyms(st: _State) -> None:
    """'PACE' joins 'Parliamentary Assembly of the Council of Europe (PACE)'; 'OSCE' joins its long name."""
    index = AcronymIndex()
    for short, long_end in acronym_definitions(st.doc):
        longs = [c for c in st.cands if c.end == long_end and c.key[0] in ("org", "named", "other")]
        if longs:
            index.define(st.doc[short].text, max(longs, key=lambda c: c.end - c.start).key)
    for c in st.cands:
        if c.key[0] in ("org", "named") and c.end - c.start > 1:
            index.add_name(st.doc[c.start : c.end].text, c.key)
    taken = {i for c in st.cands for i in range(c.start, c.end)}
    for tok in st.doc:  # acronyms the NER missed ('The NFF said')
        if tok.i not in taken and is_acronym(tok.text) and len(tok.text) >= 3:
            key = index.lookup(tok.text)
            if key is not None:
                label = next(c.label for c in st.cands if c.key == key)
                st.cands.append(Candidate(tok.i, tok.i + 1, key, label, "acronym"))
    for c in st.cands:
        text = st.doc[c.start : c.end].text
        if c.end - c.start == 1 and is_acronym(text):
            key = index.lookup(text)
            if key is not None and key != c.key and c.key[0] in ("org", "other", "named"):
                _rekey(st, c.key, key, c) if c.key[0] == "named" else None
                c.key, c.rule = key, "acronym"
            elif c.key[0] == "named" and index.has_long(c.key):
                c.rule = "acronym"


def _rekey(st: _State, old: tuple[str, ...], new: tuple[str, ...], keep: Candidate) -> None:
    for c in st.cands:
        if c.key == old and c is not keep:
            c.key = new


def _group_surnames(st: _State) -> None:
    """'Lavrov' joins 'Sergey Lavrov' (the nearest earlier full name with that surname, else the first later one)."""
    doc = st.doc
    full: list[tuple[int, str, tuple[str, ...]]] = []
    for c in st.cands:
        if c.label == "PERSON" and c.end - c.start > 1:
            full.append((c.start, doc[c.end - 1].lower_, c.key))
    surnames = {f[1] for f in full}
    taken = {i for c in st.cands for i in range(c.start, c.end)}
    for tok in doc:  # surnames the NER missed ('Kovac said')
        if tok.lower_ in surnames and tok.i not in taken and tok.is_title and tok.pos_ == "PROPN":
            st.cands.append(Candidate(tok.i, tok.i + 1, ("person", tok.lower_), "PERSON", "surname"))
    for c in st.cands:
        if c.end - c.start != 1 or doc[c.start].lower_ not in surnames:
            continue
        if c.label != "PERSON" and c.key[0] not in ("org", "place", "norp", "other"):
            continue
        c.label = "PERSON"
        surname = doc[c.start].lower_
        options = [f for f in full if f[1] == surname]
        if not options:
            continue
        before = [f for f in options if f[0] < c.start]
        target = before[-1][2] if before else options[0][2]
        if target != c.key:
            if c.key[0] == "person":
                c.key = target
            c.rule = "surname"
        elif c.rule in ("ner", "lexicon:named"):
            c.rule = "surname"


def _assemble(st: _State) -> list[Entity]:
    """Group candidates by key into entities numbered by first mention."""
    groups: dict[tuple[str, ...], list[Candidate]] = {}
    for c in sorted(st.cands, key=lambda c: (c.start, -(c.end - c.start))):
        groups.setdefault(c.key, []).append(c)
    ordered = sorted(groups.values(), key=lambda cs: min(_chars(st, c)[0] for c in cs))
    entities = []
    for n, cands in enumerate(ordered, start=1):
        mentions: dict[tuple[int, int], Mention] = {}
        for c in cands:
            s, e = _chars(st, c)
            mentions.setdefault((s, e), Mention(s, e, st.text[s:e], c.rule))
        actor = _best_actor(cands)
        label = cands[0].label
        entities.append(Entity(id=f"e{n}", name=pick_name(st.doc, cands, st.text), type=label, actor=actor,
                               mentions=sorted(mentions.values(), key=lambda m: (m.start, m.end))))
    return entities


def _chars(st: _State, c: Candidate) -> tuple[int, int]:
    if c.char_start is not None:
        return c.char_start, c.char_end  # type: ignore[return-value]
    first, last = st.doc[c.start], st.doc[c.end - 1]
    return first.idx, last.idx + len(last.text)


def _best_actor(cands: list[Candidate]) -> Actor | None:
    """The most specific actor among the mentions: one with a role, then the longest code."""
    actors = [c.actor for c in cands if c.actor is not None]
    if not actors:
        return None
    return max(actors, key=lambda a: (a.role is not None, "title:" in (a.rule or ""), a.sector is not None, len(a.code)))


def _norm(span: Span) -> str:
    return " ".join(t.lower_ for t in span if t.lower_ not in DETERMINERS)
