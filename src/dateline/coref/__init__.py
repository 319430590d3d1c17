"""Coreference: pronouns, surnames and role descriptions linked to the entities they mean.

One pass over the tokens keeps, for each entity, where it was last mentioned. At each token it asks, in
order: is this a mention the entity stage found (note it); a government metonym ("the Kremlin"); "the two
countries"/"both leaders"; a role description ("the Russian foreign minister", "the diplomat"); a
surname the entity stage missed; a third-person pronoun. A link is made only to a compatible entity
(person or not, gender, number, role, nationality) mentioned recently; with none, nothing is guessed.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ..model import Actor, Article, Entity, Mention
from ..quotes import view as view_module
from ..quotes.view import DocView
from .bodies import antecedent, bare_mentions, description, fits_kind, head_words, new_body, org_nouns
from .lexicon import PRONOUNS, ROLE_FILLERS, TITLES, TWO_COUNTRIES, TWO_LEADERS, metonyms, role_nouns
from .profiles import Profile, build_profiles
from .salience import reported_before, score, weight

PERSON_REACH = 5  # sentences back a he/she may reach (quotes split sentences finely)
THING_REACH = 2  # sentences back an it/they may reach
ROLE_REACH = 40  # sentences back a role description may reach
SALIENCE_DECAY = 0.8
THEY_FOR_ONE = 0.4  # how much a singular organisation's salience counts for "they"
_POSSESSIVES = frozenset({"'s", "’s"})
_OPENERS = frozenset({"the", "both"})  # words that can open a role description or "the two countries"


class _Pass:
    """The running state of the single pass: recent mentions, and what the pass has added."""

    def __init__(self, v: DocView, article: Article) -> None:
        self.v = v
        self.text = article.text
        self.date = article.published
        dl = article.structure.dateline
        self.dateline_end = v.token_after(dl.end) if dl is not None else -1  # a dateline city is no antecedent
        self.profiles = build_profiles(v, article.entities)
        self.last: dict[int, int] = {}  # profile index -> last token where it was mentioned
        self.added: dict[int, list[Mention]] = {}
        self.new_entities: list[Entity] = []
        self.by_surname: dict[str, list[Profile]] = {}
        for p in self.profiles:
            if p.surname:
                self.by_surname.setdefault(p.surname, []).append(p)
        self.covered: dict[int, list[int]] = {}
        self.mention_end: dict[int, int] = {}
        self.weight_at: dict[tuple[int, int], float] = {}  # (profile, first token) -> the mention's salience weight
        self.seen: dict[int, list[tuple[int, int, float]]] = {}  # profile -> (token, sentence, weight) of mentions so far
        self.moved: set[tuple[int, int, int]] = set()  # (profile, start, end) of mentions given to another entity
        owner: dict[tuple[int, int, int], int] = {}
        for p, m, q, words in bare_mentions(self.profiles, article.text):
            self.moved.add((p.index, m.start, m.end))
            owner[(p.index, m.start, m.end)] = q.index
            self.added.setdefault(q.index, []).append(Mention(m.start, m.end, m.text, f"body:{words}"))
        for p in self.profiles:
            for m in p.entity.mentions:
                first, last = v.token_after(m.start), v.token_at(m.end - 1)
                for i in range(first, last + 1):
                    self.covered.setdefault(i, []).append(owner.get((p.index, m.start, m.end), p.index))
                self.mention_end[first] = max(self.mention_end.get(first, first), last)
                if last >= first:
                    self.weight_at[(owner.get((p.index, m.start, m.end), p.index), first)] = weight(v, first, last)

    def next_id(self) -> str:
        """A fresh entity id after the highest e<n> in use."""
        used = [int(p.entity.id[1:]) for p in self.profiles if p.entity.id[1:].isdigit()]
        return f"e{max(used, default=0) + 1}"

    def note(self, p: int, i: int, w: float | None = None) -> None:
        self.last[p] = i
        self.profiles[p].mention_sentences.append(self.v.sent[i])
        if w is None:
            w = self.weight_at.get((p, i)) or weight(self.v, i, i)
        if i >= self.dateline_end:
            self.seen.setdefault(p, []).append((i, self.v.sent[i], w))

    def add(self, p: int, first: int, last: int, rule: str) -> None:
        start, end = self.v.start[first], self.v.end[last]
        self.added.setdefault(p, []).append(Mention(start, end, self.text[start:end], rule))
        for i in range(first, last + 1):
            self.covered.setdefault(i, []).append(p)
        self.note(p, last, weight(self.v, first, last))

    def recent(self, i: int, reach: int) -> list[Profile]:
        """Profiles mentioned within `reach` sentences before token i, most recent first."""
        sent = self.v.sent[i]
        live = [(t, p) for p, t in self.last.items() if t < i and sent - self.v.sent[t] <= reach]
        return [self.profiles[p] for t, p in sorted(live, reverse=True)]


def _pronoun(st: _Pass, i: int) -> bool:
    sense = PRONOUNS.get(st.v.lower[i])
    if sense is None or st.v.pos[i] != "PRON" or _expletive(st.v, i):
        return False
    reach = PERSON_REACH if sense.person else THING_REACH
    blocked = reported_before(st.v, i)
    sent = st.v.sent[i]
    best, best_score = None, 0.0
    for p in st.recent(i, reach):  # most recent first: a tie keeps the nearer one
        if sense.person is True and (p.kind != "person" or p.gender not in (None, sense.gender)):
            continue
        if sense.person is False and (p.kind not in ("org", "place") or p.plural):
            continue
        if sense.person is None and (not (p.plural or p.kind == "org") or _plural_between(st, st.last[p.index], i)):
            continue
        s = score(st.seen.get(p.index, []), i, sent, reach, blocked)
        if sense.plural and not p.plural:
            s *= THEY_FOR_ONE  # "they" for one body is British usage; a plural antecedent is likelier
        if s > best_score:
            best, best_score = p, s
    if best is None:
        return False
    if sense.gender and best.gender is None:
        best.gender = sense.gender
    st.add(best.index, i, i, "pronoun")
    return True


def _plural_between(st: _Pass, after: int, before: int) -> bool:
    """A plural noun no entity covers sits between the candidate and "they" ("our Serbian friends on their"): it is the likelier antecedent."""
    v = st.v
    return any(v.tag[k] in ("NNS", "NNPS") and k not in st.covered for k in range(after + 1, before))


def _expletive(v: DocView, i: int) -> bool:
    """'It is unclear whether...', 'it was announced that': an "it" that stands for no one."""
    if v.lower[i] != "it":
        return False
    if v.dep[i] == "expl" or v.dep[i] == "nsubjpass":
        return True
    head = v.head[i]
    return v.dep[i] == "nsubj" and any(v.dep[c] in ("ccomp", "xcomp") and c > head for c in v.children[head]) and v.lower[head] in ("is", "was", "'s", "be", "seems", "seemed", "appears", "appeared")


def _role_phrase(st: _Pass, i: int, country: str | None = None) -> tuple[int, list[str], str | None] | None:
    """'the Russian foreign minister', 'the Kremlin spokesman', "(Russia)'s top diplomat": (last token, role words,
    nationality code) for a definite role description opened by "the" or a country's possessive."""
    v = st.v
    if v.lower[i] != "the" and v.lower[i] not in _POSSESSIVES:
        return None
    j, words = i + 1, []
    while j < len(v) and v.pos[j] in ("ADJ", "NOUN", "PROPN") and j - i <= 5:
        owners = st.covered.get(j, [])
        places = [st.profiles[p] for p in owners if st.profiles[p].is_country]
        if any(st.profiles[p].kind == "person" for p in owners):
            return None  # a name the entity stage already linked: not a bare description
        if places:
            country = places[0].country
        elif any(st.profiles[p].kind == "place" for p in owners):
            pass  # "the South Carolina senator": a state or city says where, not which office
        elif owners and not v.words[j][:1].isupper():
            return None
        elif v.lower[j] not in ROLE_FILLERS:
            words.append(v.lower[j])  # a role word, or a body the person speaks for ("the Kremlin spokesman")
        j += 1
    last = j - 1
    if not words or last <= i or not (v.pos[last] == "NOUN" or v.words[last].islower() or v.lower[last] in role_nouns()):
        return None
    if j < len(v) and v.pos[j] == "PROPN":
        return None  # a title before a name ("the foreign minister Sergey Lavrov")
    return last, words, country


def _role(st: _Pass, i: int, first: int | None = None, country: str | None = None) -> int | None:
    """Link a role description to the latest person whose role or title it fits (and nationality, when it names one)."""
    found = _role_phrase(st, i, country)
    if found is None:
        return None
    last, words, country = found
    phrase = " ".join(words)
    head = role_nouns().get(words[-1])
    for p in st.recent(i, ROLE_REACH):
        if p.kind != "person" or (country and p.country and p.country != country):
            continue
        fits = p.has_role(phrase) or (head is not None and len(words) == 1 and any(p.has_role(r) for r in head.stands_for))
        if fits and (head is None or head.gender in (None, p.gender) or p.gender is None):
            st.add(p.index, i if first is None else first, last, f"role:{phrase}")
            return last
    return None


def _two(st: _Pass, i: int) -> int | None:
    """'the two countries' / 'both countries': the two most talked-about countries so far; likewise leaders."""
    v = st.v
    if v.lower[i] == "the" and i + 2 < len(v) and v.lower[i + 1] == "two":
        last = i + 2
    elif v.lower[i] == "both" and i + 1 < len(v):
        last = i + 1
    else:
        return None
    noun = v.lower[last]
    if noun in TWO_COUNTRIES:
        pool, rule = [p for p in st.profiles if p.is_country and p.index in st.last], "two-countries"
    elif noun in TWO_LEADERS:
        pool, rule = [p for p in st.recent(i, ROLE_REACH) if p.kind == "person"], "two-leaders"
    else:
        return None
    sent = v.sent[i]
    pool.sort(key=lambda p: -sum(SALIENCE_DECAY ** (sent - s) for s in p.mention_sentences))
    if len(pool) < 2:
        return None
    for p in pool[:2]:
        st.add(p.index, i, last, rule)
    return last


def _metonym(st: _Pass, i: int) -> int | None:
    """'the Kremlin' -> the Russian government: an existing entity with that code, or a new one."""
    v = st.v
    for m in metonyms().get(v.lower[i], ()):
        n = len(m.phrase)
        if v.lower[i:i + n] != list(m.phrase) or any(k in st.covered for k in range(i, i + n)):
            continue
        code = m.country + m.sector
        target = next((p for p in st.profiles if p.kind != "person" and p.entity.actor and p.entity.actor.code == code), None)
        if target is None:
            entity = Entity(st.next_id(), m.name, "ORG", Actor(code, m.country, m.sector, None, f"coref:metonym:{m.name}"), [])
            target = Profile(len(st.profiles), entity, "org", country=m.country)
            st.profiles.append(target)
            st.new_entities.append(entity)
        first = i - 1 if i > 0 and v.lower[i - 1] == "the" else i
        st.add(target.index, first, i + n - 1, "metonym")
        return i + n - 1
    return None


def _body(st: _Pass, i: int) -> int | None:
    """'the press service' -> the body named so before; 'the Ankara governor's office said' -> a new named body."""
    v = st.v
    found = description(v, i)
    if found is None or found[1] in st.covered:
        return None  # not a body, or one the entity stage already has
    first, head, last = found
    words = head_words(v, first, head)
    recent = st.recent(i, ROLE_REACH)
    bare = " ".join(v.lower[first + 1:head + 1]) == words  # "the press service": nothing but the body's own words
    target = antecedent(recent, words) if bare else None
    if target is None:
        name = v.text[v.start[first + 1]:v.end[last]]
        target = next((p for p in recent if p.kind == "org" and p.entity.name == name), None)
    if target is None:
        entity = new_body(v, first, head, last, st.next_id(), st.date)
        if entity is None:
            return None
        target = Profile(len(st.profiles), entity, "org", country=entity.actor.country if entity.actor else None)
        st.profiles.append(target)
        st.new_entities.append(entity)
    st.add(target.index, first, head, f"body:{words}")  # the mention ends at the head; "in Armenia" only names it
    return last


def _generic(st: _Pass, i: int) -> int | None:
    """'the carmaker', 'the alliance', 'the German company': the latest organisation of that kind (and nationality)."""
    v = st.v
    j, country = i + 1, None
    if j < len(v) and st.covered.get(j):
        places = [st.profiles[p] for p in st.covered[j] if st.profiles[p].is_country]
        if not places or st.mention_end.get(j, j) != j:
            return None
        country, j = places[0].country, j + 1
    if j >= len(v) or v.pos[j] != "NOUN" or v.lower[j] not in org_nouns() or j in st.covered:
        return None
    if j + 1 < len(v) and v.pos[j + 1] in ("NOUN", "PROPN"):
        return None  # "the company's shares" is fine, "the group leader" is someone else
    kind = org_nouns()[v.lower[j]]
    for p in st.recent(i, ROLE_REACH):
        if fits_kind(p, kind, country):
            st.add(p.index, i, j, f"generic:{v.lower[j]}")
            return j
    return None


def _age(st: _Pass, i: int) -> int | None:
    """'the 67-year-old said': the most salient person, as for a pronoun (any gender)."""
    v = st.v
    last = i + 5
    if last >= len(v) or v.pos[i + 1] != "NUM" or v.lower[i + 3] != "year" or v.lower[last] != "old" \
            or v.words[i + 2] != "-" or v.words[i + 4] != "-":
        return None
    blocked = reported_before(v, last)
    best, best_score = None, 0.0
    for p in st.recent(i, PERSON_REACH):
        if p.kind == "person":
            s = score(st.seen.get(p.index, []), i, v.sent[i], PERSON_REACH, blocked)
            if s > best_score:
                best, best_score = p, s
    if best is None:
        return None
    st.add(best.index, i, last, "age")
    return last


def _surname(st: _Pass, i: int) -> bool:
    """A bare surname ("Lavrov", "Mr. Lavrov") of a person named in full earlier, missed by the entity stage."""
    v = st.v
    if v.lower[i] not in st.by_surname or v.pos[i] != "PROPN" or (i + 1 < len(v) and v.pos[i + 1] == "PROPN"):
        return False
    first = i
    if i > 0 and v.pos[i - 1] == "PROPN":
        if v.lower[i - 1] not in TITLES:
            return False
        first = i - 1
    people = st.by_surname.get(v.lower[i])
    if not people:
        return False
    seen = [p for p in people if p.index in st.last and st.last[p.index] < i]
    if not seen:
        return False
    p = max(seen, key=lambda p: st.last[p.index])
    st.add(p.index, first, i, "surname")
    return True


def resolve(doc: Doc, article: Article) -> list[Entity]:
    """The article's entities with the mentions coreference adds to them (and any government a metonym names)."""
    if not article.text.strip():
        return article.entities
    v = view_module.build(doc, article)
    st = _Pass(v, article)
    places = metonyms()
    i, n = 0, len(v)
    while i < n:
        owners = st.covered.get(i)
        if owners:
            for p in owners:
                st.note(p, i)
            after = max(i, st.mention_end.get(i, i)) + 1
            countries = [st.profiles[p].country for p in owners if st.profiles[p].is_country]
            end = _role(st, after, i, countries[0]) if countries and after < n and v.lower[after] in _POSSESSIVES else None
            i = after if end is None else end + 1  # "Russia's top diplomat"
            continue
        word = v.lower[i]
        end = None
        if word in places:
            end = _metonym(st, i)
        if end is None and word in _OPENERS:
            end = _two(st, i) or _role(st, i) or _body(st, i) or _generic(st, i) or _age(st, i)
        if end is not None:
            i = end + 1
            continue
        if word in st.by_surname:
            _surname(st, i)
        elif word in PRONOUNS:
            _pronoun(st, i)
        i += 1
    return _merged(article.entities, st)


def _merged(entities: list[Entity], st: _Pass) -> list[Entity]:
    """New entity objects whose mentions include the added ones, in text order; metonym entities appended."""
    out = []
    for p in st.profiles:
        extra = st.added.get(p.index)
        entity = p.entity
        kept = [m for m in entity.mentions if (p.index, m.start, m.end) not in st.moved]
        if extra or len(kept) < len(entity.mentions):
            entity = replace(entity, mentions=sorted([*kept, *(extra or [])], key=lambda m: (m.start, m.end)))
        if entity.mentions or (p.index < len(entities) and not entities[p.index].mentions):
            out.append(entity)  # an entity whose every mention went to another is gone
    return out
