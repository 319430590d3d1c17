"""Bodies described rather than named: "the Armenian government's press service said" is a speaker with a name of its
own, and a later "the press service" or "the ministry" is the same body, not an anonymous one.

A definite description whose head is a body noun (data/bodies.txt) links back to the latest organisation whose name
ends with the same words; failing that, a description with an owner ("the Ankara governor's office", "the European
Union's monitoring mission in Armenia") that is the subject of its clause becomes a new organisation entity, named by
its words and coded from them as the actor stage codes any phrase.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from ..actors.resolve import code_phrase
from ..model import Entity, Mention
from ..quotes.view import DocView
from .profiles import Profile

DATA = Path(__file__).with_name("data") / "bodies.txt"
ORG_NOUNS = Path(__file__).with_name("data") / "org_nouns.tsv"
_OWNER_PREPS = frozenset({"in", "of", "for"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


@lru_cache(maxsize=1)
def body_nouns() -> frozenset[str]:
    """Head nouns of bodies (lower case)."""
    lines = DATA.read_text("utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def description(v: DocView, i: int) -> tuple[int, int, int] | None:
    """(first, head, last) of a definite description opened by "the" at token i whose head is a body noun, or None.

    "The European Union's monitoring mission in Armenia": "The" belongs to the owner, the head is "mission", and an
    "in/of/for" phrase naming a place or body is part of the description."""
    if v.lower[i] != "the" or v.dep[i] != "det":
        return None
    h = v.head[i]
    if v.dep[h] == "poss" or v.dep[h] == "compound":
        while v.dep[h] in ("poss", "compound") and v.head[h] > h:
            h = v.head[h]
    if h <= i or h - i > 7 or v.pos[h] != "NOUN" or v.lower[h] not in body_nouns():
        return None
    last = h
    for c in v.children[h]:
        if c == last + 1 and v.dep[c] == "prep" and v.lower[c] in _OWNER_PREPS:
            objs = [g for g in v.children[c] if v.dep[g] == "pobj" and v.pos[g] == "PROPN"]
            if objs:
                last = v.right_edge(c)
    return i, h, last


def head_words(v: DocView, first: int, head: int) -> str:
    """The head noun with the compound nouns just before it ("press service"), lower case."""
    j = head
    while j - 1 > first and v.dep[j - 1] == "compound" and v.pos[j - 1] == "NOUN":
        j -= 1
    return " ".join(v.lower[j:head + 1])


def antecedent(recent: list[Profile], words: str) -> Profile | None:
    """The latest organisation whose name holds these words ("UAE Foreign Ministry" for "the ministry")."""
    for p in recent:
        if p.kind == "org" and not p.plural and f" {words} " in f" {p.entity.name.lower()} ":
            return p
    return None


def new_body(v: DocView, first: int, head: int, last: int, entity_id: str, date: str | None) -> Entity | None:
    """An organisation entity for an owned description that is the subject of its clause, or None."""
    if v.dep[head] not in _SUBJECTS:
        return None
    owned = any(v.pos[k] == "PROPN" or v.dep[k] in ("poss", "amod") and v.words[k][:1].isupper() for k in range(first + 1, head))
    if not owned and last == head:
        return None  # "the office said": nobody's office
    start, end = v.start[first + 1], v.end[last]
    actor = code_phrase(v.doc[first:last + 1], date)
    if actor is not None and actor.role:
        actor = replace(actor, role=None)  # roles belong to people ("the governor's office" is no governor)
    return Entity(entity_id, v.text[start:end], "ORG", actor, [])


def _definite(text: str, m: Mention) -> bool:
    """'the ministry' / 'the Defense Ministry': a description opened by "the", not a name with an owner before it
    ("Russian Foreign Ministry spokeswoman")."""
    return m.text.lower().startswith("the ") or text[max(0, m.start - 4):m.start].lower() == "the "


def bare_mentions(profiles: list[Profile], text: str) -> list[tuple[Profile, Mention, Profile, str]]:
    """(bare entity, its mention, the named body it means, body words) for entities the actor stage made of a bare
    description ("The ministry", with no country) after a named body that holds the words ("the Polish foreign
    ministry"): the description is that body's mention, not a body of its own."""
    out = []
    bodies = body_nouns()
    for p in profiles:
        actor = p.entity.actor
        if p.kind != "org" or actor is None or actor.country is not None:
            continue
        for m in p.entity.mentions:
            words = m.text.lower()
            words = words[4:] if words.startswith("the ") else words
            if not words or words.split()[-1] not in bodies or not _definite(text, m):
                continue
            named = [(n.start, q) for q in profiles if q is not p and q.kind == "org" and q.entity.actor is not None
                     and q.entity.actor.country is not None and f" {words} " in f" {q.entity.name.lower()} "
                     for n in q.entity.mentions if n.end <= m.start]
            if named:
                out.append((p, m, max(named, key=lambda t: t[0])[1], words))
    return out


@lru_cache(maxsize=1)
def org_nouns() -> dict[str, str]:
    """Generic noun (lower case) -> the kind of organisation it can mean (data/org_nouns.tsv)."""
    out = {}
    for line in ORG_NOUNS.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            noun, kind = line.split("\t")[:2]
            out[noun] = kind
    return out


def fits_kind(p: Profile, kind: str, country: str | None) -> bool:
    """Whether an organisation can be called by a generic noun of this kind (and nationality, when one is given)."""
    actor = p.entity.actor
    if p.kind != "org" or p.plural or (country and (actor is None or actor.country != country)):
        return False
    if kind == "-":
        return True
    if kind == "BUS":
        return actor is None or actor.sector == "BUS" or actor.country == "MNC"
    if kind in ("IGO", "NGO"):
        return actor is not None and actor.country == kind
    return actor is not None and actor.sector == kind
