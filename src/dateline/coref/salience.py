"""Salience for pronouns: the subject of the last main clause outranks an object, a name inside a phrase, or a nearer
mention in a clause the pronoun's own verb reports (a simplified Lappin & Leass ranking).

"Khodjaev thanked the Kazakh side and invited Seitkali to visit. "...," he said." means Khodjaev; "Seitkali said
Abenov would travel to Tashkent. He declined to say ..." means Seitkali; in "C, it said" whoever C names did not say C.
"""

from __future__ import annotations

from ..quotes.view import DocView

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_OBJECTS = frozenset({"dobj", "dative", "attr", "oprd"})
_MODIFIERS = frozenset({"poss", "compound", "amod", "nmod", "npadvmod"})
_REPORTED = frozenset({"ccomp", "parataxis"})
MAIN_SUBJECT, SUBJECT, OBJECT, OTHER, MODIFIER = 3.0, 2.0, 1.5, 1.0, 0.5
DECAY = 0.5  # a sentence further back halves a mention's weight


def mention_head(v: DocView, first: int, last: int) -> int:
    """The token of a mention whose syntactic head lies outside it (the mention's own head)."""
    for i in range(last, first - 1, -1):
        h = v.head[i]
        if h == i or h < first or h > last:
            return i
    return last


def _main_clause(v: DocView, verb: int) -> bool:
    """A verb that is its sentence's root, or joined to the root by a conjunction ("thanked ... and invited")."""
    while v.dep[verb] == "conj" and v.head[verb] != verb:
        verb = v.head[verb]
    return v.dep[verb] == "ROOT" or v.head[verb] == verb


def weight(v: DocView, first: int, last: int) -> float:
    """How prominent a mention is by its grammatical role: main subject > embedded subject > object > other > modifier."""
    h = mention_head(v, first, last)
    while v.dep[h] in ("appos", "conj") and v.head[h] != h:  # "the rebel group, the FDD", "Volkswagen and the EU"
        h = v.head[h]
    dep = v.dep[h]
    if dep in SUBJECTS:
        return MAIN_SUBJECT if _main_clause(v, v.head[h]) else SUBJECT
    if dep in _OBJECTS:
        return OBJECT
    if dep in _MODIFIERS:
        return MODIFIER
    return OTHER


def reported_before(v: DocView, i: int) -> list[tuple[int, int]]:
    """For a subject pronoun, the token ranges its verb reports before it ("C, it said": C), where its antecedent is not."""
    if v.dep[i] not in SUBJECTS:
        return []
    verb = v.head[i]
    out = []
    for c in v.children[verb]:
        if c < i and v.dep[c] in _REPORTED:
            out.append((v.left_edge(c), v.right_edge(c)))
    return out


def score(mentions: list[tuple[int, int, float]], i: int, sent: int, reach: int, blocked: list[tuple[int, int]]) -> float:
    """A candidate's salience at token i: its best mention before i, weighted by role and halved per sentence back."""
    best = 0.0
    for t, s, w in mentions:
        if t >= i or sent - s > reach or any(a <= t <= b for a, b in blocked):
            continue
        best = max(best, w * DECAY ** (sent - s))
    return best
