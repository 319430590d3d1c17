"""What coreference knows about each entity: person or not, gender, number, roles and country, read once per article."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Entity
from ..quotes.view import DocView
from .lexicon import TITLES, first_names, gendered_words, role_nouns

_PERSON = "PERSON"
_GROUP_TYPES = frozenset({"NORP"})
_ORG_TYPES = frozenset({"ORG"})
_PLACE_TYPES = frozenset({"GPE", "LOC"})
_TITLE_POS = frozenset({"PROPN", "ADJ", "NOUN"})
COUNTERPARTS = frozenset({"counterpart", "counterparts"})  # "his Uzbek counterpart Rustam Khodjaev": the same office


@dataclass(slots=True)
class Profile:
    """One entity as coreference sees it."""

    index: int
    entity: Entity
    kind: str  # person | group | org | place | other
    plural: bool = False
    gender: str | None = None
    roles: str = ""  # lower-case role and title words, space separated, padded (" foreign minister ")
    country: str | None = None
    is_country: bool = False
    surname: str | None = None
    mention_sentences: list[int] = field(default_factory=list)

    def has_role(self, phrase: str) -> bool:
        return f" {phrase} " in self.roles


def _kind(entity: Entity) -> str:
    if entity.type == _PERSON:
        return "person"
    if entity.type in _GROUP_TYPES and not _is_country(entity):
        return "group"
    if entity.type in _ORG_TYPES:
        return "org"
    if entity.type in _PLACE_TYPES or _is_country(entity):
        return "place"
    return "other"


def _is_country(entity: Entity) -> bool:
    actor = entity.actor
    if actor is None or actor.sector is not None or not actor.rule or entity.type == _PERSON:
        return False
    return ("(country)" in actor.rule or "(demonym)" in actor.rule) and "agent:" not in actor.rule


def _title_words(v: DocView, start_char: int) -> list[int]:
    """The capitalised title run just before a name ("Russian Foreign Minister" before "Sergey Lavrov")."""
    i = v.token_at(start_char) - 1
    out = []
    roles = role_nouns()
    while i >= 0 and len(out) < 6 and v.pos[i] in _TITLE_POS and (v.words[i][:1].isupper() or v.lower[i] in roles or v.lower[i] in COUNTERPARTS) \
            and v.ent[i] != "PERSON":
        out.append(i)
        i -= 1
    if i >= 0 and v.lower[i] in TITLES:
        out.append(i)
    return out[::-1]


def _plural_body(v: DocView, entity: Entity) -> bool:
    """An organisation named by a plural common noun ("the parties", "the authorities") is a they, not an it."""
    if entity.type != "ORG" or not entity.mentions:
        return False
    m = entity.mentions[0]
    i = v.token_at(m.end - 1)
    return v.tag[i] == "NNS" and v.words[i].islower()


def build_profiles(v: DocView, entities: list[Entity]) -> list[Profile]:
    """A profile per entity, with gender from first names, titles (Mr, Mrs, Ms) and gendered role words."""
    names = first_names()
    gendered = gendered_words()
    out = []
    country_at = _country_tokens(v, entities)
    counterparts: list[tuple[Profile, int]] = []
    for n, entity in enumerate(entities):
        kind = _kind(entity)
        p = Profile(n, entity, kind, plural=kind == "group" or _plural_body(v, entity))
        actor = entity.actor
        words: list[str] = []
        if actor is not None:
            p.country = actor.country
            if actor.role:
                words.extend(actor.role.lower().split())
        p.is_country = _is_country(entity)
        if kind == "person":
            parts = entity.name.split()
            if len(parts) > 1:
                p.surname = parts[-1].lower()
                p.gender = names.get(parts[0].lower())
            for m in entity.mentions:
                for i in _title_words(v, m.start):
                    w = v.lower[i]
                    if w in TITLES:
                        p.gender = p.gender or TITLES[w]
                    elif i in country_at:
                        p.country = p.country or country_at[i]  # "Uzbek counterpart", "Russian commissioner"
                    else:
                        words.append(w)
                    if w in COUNTERPARTS:
                        counterparts.append((p, m.start))
                words.extend(_apposed_role(v, m.start, m.end))
            for w in words:
                if w in gendered and p.gender is None:
                    p.gender = gendered[w]
        p.roles = " " + " ".join(words) + " "
        out.append(p)
    for p, start in counterparts:
        _share_office(v, p, start, out)
    return out


def _apposed_role(v: DocView, start: int, end: int) -> list[str]:
    """'Lucia Mendez, a senator,' / 'Ivan Sokol, the Kremlin spokesman,': the role words set after a name."""
    head = v.token_at(end - 1)
    if v.token_after(start) > head:
        return []
    out: list[str] = []
    for c in v.children[head]:
        if c > head and v.dep[c] == "appos" and v.pos[c] == "NOUN":
            for k in range(v.left_edge(c), c + 1):
                if v.pos[k] in _TITLE_POS:
                    out.append(v.lower[k])
    return out


def _country_tokens(v: DocView, entities: list[Entity]) -> dict[int, str]:
    """Token -> country code for the words that name a country or its people ("Uzbek", "Russian")."""
    out: dict[int, str] = {}
    for entity in entities:
        if _is_country(entity) and entity.actor is not None and entity.actor.country:
            for m in entity.mentions:
                for i in range(v.token_after(m.start), v.token_at(m.end - 1) + 1):
                    out[i] = entity.actor.country
    return out


def _share_office(v: DocView, p: Profile, start: int, profiles: list[Profile]) -> None:
    """A counterpart holds the office of the person named before in the same sentence ("X met his counterpart Y")."""
    sent = v.sent[v.token_at(start)]
    best, best_start = None, -1
    for q in profiles:
        if q is p or q.kind != "person" or q.entity.actor is None or not q.entity.actor.role:
            continue
        for m in q.entity.mentions:
            if best_start < m.start < start and v.sent[v.token_at(m.start)] == sent:
                best, best_start = q, m.start
    if best is not None:
        p.roles += best.entity.actor.role.lower() + " "  # type: ignore[union-attr]
