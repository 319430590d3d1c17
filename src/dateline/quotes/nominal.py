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


def _owner(v: DocView, c: int) -> Speaker | None:
    """The one whose words these are: the possessor ("Trump's claim"), or a "by/from" phrase ("a call by the UN")."""
    for ch in v.children[c]:
        if v.dep[ch] == "poss":
            return noun_phrase(v, ch)
    for ch in v.children[c]:
        if v.dep[ch] == "prep" and v.lower[ch] in ("by", "from") and ch > c:
            for g in v.children[ch]:
                if v.dep[g] == "pobj":
                    return noun_phrase(v, g)
    return None


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
    if entry is None or v.pos[c] != "NOUN":
        return None
    owner = _owner(v, c)
    if owner is None:
        return None
    got = _content(v, c, entry[1])
    if got is None:
        return None
    return owner, got[0], got[1]
