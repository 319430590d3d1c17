"""Entities: NER spans and lexicon matches grouped into participants, each with its mentions and actor code."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..model import Actor, Article, Entity, Mention
from . import lexicon, people
from .codes import ACTOR_SECTORS, DETERMINERS, WEAK_TITLES, kind_of, make_actor, names_people
from .lexicon import Hit
from .person_names import first_name, people_spans
from .names import AcronymIndex, acronym_definitions, country_name, is_acronym, pick_name, short_names
from .resolve import code_span

KEEP = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
_LAW_WORDS = {"agreement", "agreements", "accord", "accords", "treaty", "treaties", "protocol", "convention", "pact"}
_COUNTING = {"two", "three", "four", "both", "all", "several"}  # 'the two governments' points back at named ones
_POSSESSIVE_PRONOUNS = {"its", "their", "his", "her", "our", "my", "your"}
_NAME_POS = {"PROPN", "NOUN", "ADJ", "VERB", "X"}  # a known surname at a headline's start is often mis-tagged
NOT_ACTORS = {"FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}  # things, not participants: no actor code
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
    toks: list[Token]  # the doc's tokens, made once (spaCy builds a new Token object per access)
    texts: list[str]
    lowers: list[str]
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
    toks: list[Token] = []  # made once: spaCy builds a new Token object on every access (doc.text too)
    texts: list[str] = []
    lowers: list[str] = []
    for tok in doc:
        toks.append(tok)
        texts.append(tok.text)
        lowers.append(tok.lower_)
    if not toks or not _same_text(toks, article.text):
        return []
    hits = lexicon.get().scan(toks, lowers)
    state = _State(doc, article.text, toks, texts, lowers, hits, people.article_date(article))
    for h in hits:
        for i in range(h.start, h.end):
            state.hit_by_token[i] = h
    _from_ner(state)
    _from_lexicon(state)
    _from_agents(state)
    _from_laws(state)
    _group_acronyms(state)
    _group_surnames(state)
    _group_forenames(state)
    short_names(state.cands, state.lowers, state.texts)
    return _assemble(state)


def _same_text(toks: list[Token], text: str) -> bool:
    """Whether the doc was parsed from this text (spans are cut from it by token offsets)."""
    last = toks[-1]
    return last.idx + len(last.text_with_ws) == len(text) and text.startswith(toks[0].text, toks[0].idx)


def _trim(st: _State, start: int, end: int) -> tuple[int, int]:
    """Drop leading determiners and edge punctuation, and a trailing possessive."""
    while start < end and (st.lowers[start] in DETERMINERS or st.texts[start] in _EDGE_PUNCT):
        start += 1
    while end > start and (st.texts[end - 1] in _EDGE_PUNCT or st.lowers[end - 1] in _POSSESSIVE):
        end -= 1
    return start, end


def _from_ner(st: _State) -> None:
    doc = st.doc
    # Multi-word lexicon names beat NER spans that cut them ('Organization for Security and Co-operation' + 'Europe').
    strong: dict[int, Hit] = {}
    for h in st.hits:
        if h.end - h.start > 1 and (h.first("user", "named") or h.first("place")):
            for i in range(h.start, h.end):
                strong[i] = h
    for ent in people_spans(st.doc, st.toks, st.hit_by_token, _split_at_newlines(st, _ents(st))):
        if ent.label_ not in KEEP:
            continue
        cut = {strong[i] for i in range(ent.start, ent.end) if i in strong}
        if any(h.start < ent.start or h.end > ent.end for h in cut):
            continue
        start, end = _trim(st, ent.start, ent.end)
        paren = next((i for i in range(start, end) if st.texts[i] == "("), None)
        if paren is not None:  # 'the Parliamentary Assembly of the Council of Europe (PACE'
            inner = _trim(st, paren + 1, end)
            if inner[1] - inner[0] == 1 and is_acronym(st.texts[inner[0]]):
                _add_span(st, inner[0], inner[1], ent.label_)
            end = _trim(st, start, paren)[1]
        if start >= end:
            continue
        if end - start == 1 and st.toks[start].pos_ not in ("PROPN", "NOUN") and start not in st.hit_by_token:
            continue  # 'Adapting', 'Historic': the small model's sentence-initial guesses
        if end - start == 1 and st.toks[start].pos_ == "NOUN" and st.texts[start].istitle() and start not in st.hit_by_token:
            continue  # 'Millions', 'Fireworks'
        st.covered.update(range(start, end))
        _add_span(st, start, end, ent.label_)


def _ents(st: _State) -> list[Span]:
    """The NER spans, read from the tokens already made (doc.ents builds every token again)."""
    out, start, label = [], None, ""
    for i, tok in enumerate(st.toks):
        iob = tok.ent_iob_
        if start is not None and iob != "I":
            out.append(Span(st.doc, start, i, label=label))
            start = None
        if iob == "B":
            start, label = i, tok.ent_type_
    if start is not None:
        out.append(Span(st.doc, start, len(st.toks), label=label))
    return out


def _split_at_newlines(st: _State, ents) -> list[Span]:
    """NER spans cut at line breaks ('Elon Musk\nMusk' is two mentions)."""
    out = []
    for ent in ents:
        breaks = [i for i in range(ent.start, ent.end) if "\n" in st.texts[i] or "\n" in st.toks[i].whitespace_]
        if not breaks:
            out.append(ent)
            continue
        start = ent.start
        for b in breaks + [ent.end - 1]:
            stop = b if st.toks[b].is_space else b + 1
            if stop > start:
                out.append(Span(st.doc, start, stop, label=ent.label_))
            start = b + 1
    return out


def _add_span(st: _State, start: int, end: int, label: str) -> None:
    """Turn one NER span into a candidate, coded with the lexicon hits inside it."""
    doc = st.doc
    span = doc[start:end]
    inside = st.hits_in(start, end)
    whole = inside[0] if len(inside) == 1 and inside[0].start == start and inside[0].end == end else None
    if label == "PERSON" and not (whole is not None and whole.first("place") and not whole.first("user", "named")):
        _add_person(st, start, end, inside)
        return  # (a PERSON span that is a known place, 'Rotterdam', is the NER's mistake)
    if whole is not None:
        place, named = whole.first("place"), whole.first("user", "named")
        if named is not None and (place is None or label == "ORG"):
            actor = code_span(span, [whole], st.date)
            st.cands.append(Candidate(start, end, ("named", named.group), _label_for(named, label), "ner", actor[0] if actor else None, named.name))
            return
        if place is not None:
            _add_place(st, start, end, whole, "ner", label)
            return
    actors = code_span(span, inside, st.date) if inside and label not in NOT_ACTORS else []
    # Names outside the lexicon group by their words, whatever label the NER gave each mention.
    st.cands.append(Candidate(start, end, ("name", _norm(span)), label, "ner", actors[0] if actors else None))


def _label_for(entry, label: str) -> str:
    if entry.kind == "person":
        return "PERSON"
    return label if label in ("ORG", "FAC") else "ORG"


def _add_place(st: _State, start: int, end: int, hit: Hit, rule: str, label: str | None = None) -> None:
    place = hit.first("place")
    text = st.doc[start:end].text
    actor = make_actor(place.code, rule=f"place:{text} ({place.kind})") if place.code else None
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
            and st.hit_by_token[start].end < end and not first_name(st.toks, start):
        start = st.hit_by_token[start].end  # 'Prime Minister Vucic' as one PERSON span (but 'Sofia Marchetti' is a name)
    root = st.toks[end - 1]
    context_start = min(start, root.left_edge.i)
    context = doc[context_start:end]
    hits = [h for h in st.hits_in(context_start, end) if h.start < start or not h.first("place")]  # no place inside a name
    actors = code_span(context, hits, st.date, head=root)
    named = next((h.first("user", "named") for h in inside if h.first("user", "named") and h.end == end), None)
    if named is not None and named.kind == "person":
        key = ("named", named.group)
        name = named.name
    else:
        key = ("name", _norm(doc[start:end]))
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
            if h.end < len(st.toks) and st.toks[h.end].ent_type_ == "PERSON" and named.kind == "org":
                continue  # 'Secretary of State Rex Tillerson': a title, not an organisation
            actor = code_span(toks, [h], st.date)
            label = "PERSON" if named.kind == "person" else "ORG"
            st.cands.append(Candidate(h.start, h.end, ("named", named.group), label, f"lexicon:{named.table}", actor[0] if actor else None, named.name))
        elif place is not None and place.code and place.kind in ("country", "demonym", "capital"):
            if place.kind == "capital" and toks[0].ent_type_ in ("PERSON", "ORG"):
                continue
            _add_place(st, h.start, h.end, h, "lexicon:place")
    for i, text in enumerate(st.texts):  # '/TASS/.' is one token in a wire dateline
        if "/" in text and i not in st.covered and len(text) > 2:
            _sub_token(st, st.toks[i])


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
        head = st.toks[h.end - 1]
        if head.pos_ not in ("NOUN", "PROPN") or head.dep_ in ("compound", "amod", "nmod", "poss"):
            continue
        if head.i in st.covered or head.ent_type_ == "PERSON" or not names_people(agent, head):
            continue
        start = _phrase_start(st, head.left_edge.i, h.start)
        phrase = doc[start : h.end]
        actors = code_span(phrase, st.hits_in(start, h.end), st.date, head=head)
        actor = actors[0] if actors else None
        if actor is None or (actor.country is None and actor.sector not in ACTOR_SECTORS):
            continue  # 'the passengers', 'many people': not an actor without a country or organisation
        if actor.country is None and (agent.key.rstrip("s") in WEAK_TITLES or st.lowers[start] in _POSSESSIVE_PRONOUNS
                                      or any(st.lowers[i] in _COUNTING for i in range(start, h.start))):
            continue  # 'its leaders', 'officials', 'the two governments': whose is for coreference to say
        label = "ORG" if kind_of(agent) == "group" else "NORP"
        lemma = head.lemma_.lower()
        for actor in actors:  # 'Irish, French and British farmers': each country's farmers
            st.cands.append(Candidate(start, h.end, ("agent", actor.code, lemma), label, "agent", actor,
                                      _agent_name(phrase.text, st.texts[head.i], actor) if len(actors) > 1 else None))


def _phrase_start(st: _State, start: int, agent_start: int) -> int:
    """Where an agent phrase starts: not before a line break, punctuation, or a coordinated noun ('the army and M23 rebels')."""
    for i in range(start, agent_start):
        tok = st.toks[i]
        if "\n" in st.texts[i] or "\n" in tok.whitespace_ or tok.is_punct and st.texts[i] not in ("-", "'"):
            start = i + 1
        elif tok.pos_ == "CCONJ" and i > start and st.toks[i - 1].pos_ == "NOUN":
            start = i + 1
    return start


def _agent_name(phrase: str, head: str, actor: Actor) -> str:
    """A name for one country's share of a coordinated phrase: 'Hungarian officials', 'farmers (Ireland)'."""
    rule = actor.rule or ""
    base = rule.split(":", 1)[1].split(" (")[0].split(" + ")[0] if rule.startswith(("place:", "named:")) else ""
    if not base:
        return phrase
    return f"{base} {head}" if base in phrase else f"{phrase} ({base})"


def _from_laws(st: _State) -> None:
    """Agreements and resolutions named after a place or body are laws, not organisations:
    'the Dayton agreements', 'United Nations Security Council Resolution 1244'."""
    n = len(st.toks)
    laws: dict[tuple[str, ...], tuple[str, ...]] = {}  # a name key -> the law named after it
    for c in list(st.cands):
        end = c.end
        if end + 1 < n and st.texts[end] == "Resolution" and st.toks[end + 1].like_num:
            stop = end + 2
        elif end < n and st.lowers[end] in _LAW_WORDS:
            stop = end + 1
        else:
            continue
        if c.label not in ("ORG", "GPE", "NORP", "PERSON", "LOC") or c.rule not in ("ner", "lexicon:named", "lexicon:place"):
            continue
        law = Candidate(c.start, stop, ("name", _norm(st.doc[c.start:stop])), "LAW", "law")
        st.cands.append(law)
        if c.key[0] == "name":  # 'Dayton' was never an organisation
            laws.setdefault(c.key, law.key)
            st.cands.remove(c)
    for c in st.cands:  # the name alone afterwards stands for the law ('the Dayton principles')
        if c.key in laws:
            c.key, c.label, c.rule = laws[c.key], "LAW", "law"


def _group_acronyms(st: _State) -> None:
    """'PACE' joins 'Parliamentary Assembly of the Council of Europe (PACE)'; 'OSCE' joins its long name."""
    index = AcronymIndex()
    for short, long_end in acronym_definitions(st.texts):
        longs = [c for c in st.cands if c.end == long_end and c.key[0] in ("name", "named")]
        if longs:
            index.define(st.texts[short], max(longs, key=lambda c: c.end - c.start).key)
    for c in st.cands:
        if c.key[0] in ("name", "named") and c.label != "PERSON" and c.end - c.start > 1:
            index.add_name(_text(st, c), c.key)
    taken = {i for c in st.cands for i in range(c.start, c.end)}
    for i, word in enumerate(st.texts):  # acronyms the NER missed ('The NFF said')
        if len(word) >= 3 and word.isupper() and i not in taken and is_acronym(word):
            key = index.lookup(word)
            if key is not None:
                label = next(c.label for c in st.cands if c.key == key)
                st.cands.append(Candidate(i, i + 1, key, label, "acronym"))
    for c in st.cands:
        text = st.texts[c.start]
        if c.end - c.start == 1 and text.isupper() and is_acronym(text):
            key = index.lookup(text)
            if key is not None and key != c.key and c.key[0] in ("name", "named"):
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
        if c.label == "PERSON" and c.end - c.start > 1 and _is_name(st, c):
            full.append((c.start, st.lowers[c.end - 1], c.key))
    surnames = {f[1] for f in full}
    taken = {i for c in st.cands for i in range(c.start, c.end)}
    for i, low in enumerate(st.lowers):  # surnames the NER missed ('Kovac said')
        if low in surnames and i not in taken and st.texts[i].istitle() and st.toks[i].pos_ in _NAME_POS:
            st.cands.append(Candidate(i, i + 1, ("name", low), "PERSON", "surname"))
    for c in st.cands:
        if c.end - c.start != 1 or st.lowers[c.start] not in surnames:
            continue
        surname = st.lowers[c.start]
        options = [f for f in full if f[1] == surname]
        before = [f for f in options if f[0] < c.start]
        # a town the NER saw in a surname already given in full ('Hamilton' after 'Lewis Hamilton')
        town = c.key[0] == "place" and bool(before)
        if c.label != "PERSON" and c.key[0] != "name" and not town:
            continue
        target = before[-1][2] if before else options[0][2]
        if target != c.key:
            if c.key[0] in ("name", "place"):
                c.key, c.label, c.rule = target, "PERSON", "surname"
                c.actor = None
        elif c.rule in ("ner", "lexicon:named"):
            c.rule = "surname"


def _is_name(st: _State, c: Candidate) -> bool:
    """Whether a span reads like a person's name: capitalised words of two letters or more ('Twitter-happy' does not)."""
    return all(len(st.texts[i]) > 1 and st.texts[i][:1].isupper() and st.texts[i].replace(".", "").replace("'", "").isalpha()
               for i in range(c.start, c.end))


def _group_forenames(st: _State) -> None:
    """'Mitchell' joins 'Mitchell Weiss' when exactly one full name in the story starts with it."""
    firsts: dict[str, set[tuple[str, ...]]] = {}
    for c in st.cands:
        if c.label == "PERSON" and c.end - c.start > 1 and _is_name(st, c):
            firsts.setdefault(st.lowers[c.start], set()).add(c.key)
    for c in st.cands:
        if c.end - c.start == 1 and c.key[0] == "name" and c.rule == "ner":
            keys = firsts.get(st.lowers[c.start], set())
            if len(keys) == 1 and st.toks[c.start].pos_ == "PROPN":
                c.key, c.label, c.rule = next(iter(keys)), "PERSON", "forename"


def _assemble(st: _State) -> list[Entity]:
    """Group candidates by key into entities numbered by first mention."""
    groups: dict[tuple[str, ...], list[Candidate]] = {}
    for c in sorted(st.cands, key=lambda c: (c.start, -(c.end - c.start))):
        groups.setdefault(c.key, []).append(c)
    ordered = sorted(groups.values(), key=lambda cs: min(_chars(st, c)[0] for c in cs))
    countries = {c.actor.country for c in st.cands if c.actor is not None and c.key[0] in ("country", "place")}
    entities = []
    for n, cands in enumerate(ordered, start=1):
        mentions: dict[tuple[int, int], Mention] = {}
        for c in cands:
            s, e = _chars(st, c)
            mentions.setdefault((s, e), Mention(s, e, st.text[s:e], c.rule))
        actor = _best_actor(cands)
        if actor is not None and not _supported(actor, cands, countries, st):
            actor = None
        if actor is None and cands[0].label == "PERSON":
            actor = _leader_of(st, cands)
        if actor is not None and actor.role and cands[0].label != "PERSON":
            actor.role = None  # roles belong to people
        label = Counter(c.label for c in cands).most_common(1)[0][0]
        entities.append(Entity(id=f"e{n}", name=pick_name(cands, lambda c: _text(st, c)), type=label, actor=actor,
                               mentions=sorted(mentions.values(), key=lambda m: (m.start, m.end))))
    return entities


_LEAD_VERBS = {"head", "lead", "chair", "run", "command"}


def _leader_of(st: _State, cands: list[Candidate]) -> Actor | None:
    """The code of what an unknown person leads, as a relative clause says ('Marie Claes, who heads the largest of
    the three unions' → LAB): a leader acts for the body led."""
    for c in cands:
        head = st.toks[c.end - 1]
        for clause in (r for r in head.children if r.dep_ == "relcl" and r.lemma_.lower() in _LEAD_VERBS):
            if not any(w.dep_ == "nsubj" and w.lower_ in ("who", "that") for w in clause.children):
                continue
            for obj in (o for o in clause.children if o.dep_ == "dobj"):
                span = st.doc[obj.left_edge.i: obj.right_edge.i + 1]
                coded = code_span(span, [h for h in st.hits if h.start >= span.start and h.end <= span.end], st.date)
                if coded and coded[0].sector is not None:
                    led = coded[0]
                    return Actor(led.code, led.country, led.sector, None, f"leads:{span.text} ({led.rule})")
    return None


def _chars(st: _State, c: Candidate) -> tuple[int, int]:
    if c.char_start is not None:
        return c.char_start, c.char_end  # type: ignore[return-value]
    last = st.toks[c.end - 1]
    return st.toks[c.start].idx, last.idx + len(st.texts[c.end - 1])


def _text(st: _State, c: Candidate) -> str:
    s, e = _chars(st, c)
    return st.text[s:e]


def _supported(actor: Actor, cands: list[Candidate], countries: set[str | None], st: _State) -> bool:
    """A person (or a one-word group name) coded only from the packaged data needs its country in the story.

    Common names collide with the dictionary's officials ('Chris Evans') and one-word group
    names with ordinary words ('Falcon'); a wrong code is worse than none. User actors are trusted.
    """
    rule = actor.rule or ""
    if not rule.startswith("named:") or actor.country in countries or actor.country in ("IGO", "NGO", "MNC", None):
        return True
    if cands[0].label == "PERSON":
        return False
    one_word = all(c.end - c.start == 1 and not st.texts[c.start].isupper() for c in cands)
    curated = cands[0].key[0] == "named" and cands[0].key[1].startswith("x")  # our own table (news agencies...)
    return not (one_word and cands[0].key[0] == "named" and not curated)


def _best_actor(cands: list[Candidate]) -> Actor | None:
    """The most specific actor among the mentions: one with a role, then the longest code."""
    actors = [c.actor for c in cands if c.actor is not None]
    if not actors:
        return None
    return max(actors, key=lambda a: (a.role is not None, "title:" in (a.rule or ""), a.sector is not None, len(a.code)))


def _norm(span: Span) -> str:
    return " ".join(t.lower_ for t in span if t.lower_ not in DETERMINERS)
