"""Nominal quotes: a reporting noun with its owner and its content ("Moscow's claim that ...", "her call for ...")."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .speakers import Speaker, noun_phrase
from .view import DocView

DATA = Path(__file__).with_name("data") / "cue_nouns.tsv"


@lru_cache(maxsize=1)
def nouns() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Noun form (lower case) -> (lemma, frames)."""
    table: dict[str, tuple[str, tuple[str, ...]]] = {}
    for line in DATA.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        noun, frames, plural = (line.split("\t") + ["", "-"])[:3]
        entry = (noun, tuple(frames.split(",")))
        table[noun] = entry
        if plural not in ("", "-"):
            table[plural] = entry
    return table


_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# "in X's view, ...": nouns for a point of view that frame the clause they stand in
_VIEWPOINTS = frozenset({"view", "words", "opinion", "estimation", "judgment", "judgement", "telling", "account", "mind"})


def _owner(v: DocView, c: int) -> Speaker | None:
    """The one whose words these are: the possessor ("Trump's claim"), a "by/from" phrase ("a call by the UN"), or
    a name compounded before the noun ("a Reuters report", "a Quinnipiac poll")."""
    for ch in v.children[c]:
        if v.dep[ch] == "poss":
            return noun_phrase(v, ch)
    for ch in v.children[c]:
        if v.dep[ch] == "prep" and v.lower[ch] in ("by", "from") and ch > c:
            for g in v.children[ch]:
                if v.dep[g] == "pobj":
                    return noun_phrase(v, g)
    names = [ch for ch in v.children[c] if ch < c and v.dep[ch] == "compound" and v.pos[ch] == "PROPN" and v.ent[ch] in _NAMED]
    if names:
        return noun_phrase(v, names[-1])
    return None


def _copula(v: DocView, c: int) -> tuple[tuple[int, int], str] | None:
    """"Obama's bet is that ...": the noun is the subject of "be" and the that-clause its complement."""
    h = v.head[c]
    if v.dep[c] != "nsubj" or v.lower[h] not in ("is", "was", "'s", "remains", "remained"):
        return None
    for ch in v.children[h]:
        if ch > c and v.dep[ch] in ("ccomp", "attr") and any(v.lower[g] == "that" and v.dep[g] == "mark" for g in v.children[ch]):
            return (v.left_edge(ch), v.right_edge(ch)), "indirect:noun:that"
    return None


def _viewpoint(v: DocView, c: int) -> tuple[tuple[int, int], str] | None:
    """"In Holm's view, the budget is a bet": the clause the "in" phrase hangs on (without the phrase at either end)."""
    prep = v.head[c]
    if v.lower[c] not in _VIEWPOINTS or v.dep[c] != "pobj" or v.lower[prep] != "in" or v.head[prep] == prep:
        return None
    h = v.head[prep]
    lo, hi = v.left_edge(h), v.right_edge(h)
    a, b = v.left_edge(prep), v.right_edge(prep)
    if a <= lo:
        return (b + 1, hi), "indirect:noun:in-view"
    if b >= hi:
        return (lo, a - 1), "indirect:noun:in-view"
    return (lo, hi), "indirect:noun:in-view"


def _content(v: DocView, c: int, frames: tuple[str, ...]) -> tuple[tuple[int, int], str] | None:
    for frame in frames:
        for ch in v.children[c]:
            if ch < c:
                continue
            if frame == "that" and v.dep[ch] in ("acl", "ccomp", "relcl") and any(
                    v.lower[g] == "that" and v.dep[g] == "mark" for g in v.children[ch]):
                return (v.left_edge(ch), v.right_edge(ch)), "indirect:noun:that"
            if frame == "to" and v.dep[ch] in ("acl", "relcl") and any(v.lower[g] == "to" for g in v.children[ch]):
                return (v.left_edge(ch), v.right_edge(ch)), "indirect:noun:to"
            if v.dep[ch] == "prep" and v.lower[ch] == frame:
                for g in v.children[ch]:
                    if v.dep[g] in ("pobj", "pcomp"):
                        return (v.left_edge(g), v.right_edge(g)), f"indirect:noun:{frame}"
    return None


def noun_quote(v: DocView, c: int) -> tuple[Speaker, tuple[int, int], str] | None:
    """(speaker, content token range, rule) when token c is a reporting noun with an owner and a content."""
    entry = nouns().get(v.lower[c])
    if v.pos[c] != "NOUN" or entry is None and v.lower[c] not in _VIEWPOINTS:
        return None
    owner = _owner(v, c)
    if owner is None:
        return None
    got = _viewpoint(v, c) or (_content(v, c, entry[1]) or _copula(v, c) if entry is not None else None)
    if got is None:
        return None
    return owner, got[0], got[1]
