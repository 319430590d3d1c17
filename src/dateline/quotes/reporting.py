"""Attributions whose content is not the cue verb's own complement.

Reporting clauses set apart from what was said ('A, Mr. Obama said, B.', 'A, he said.', 'A, as Holm noted.') carry
no complement in the parse: what was said is the sentence (or clause) they interrupt or close. Agentless passives
('It was reported that ...', 'X is expected to ...', 'X has been criticized for ...') name no one: news reports a
view or a claim without its holder as often as with one, and these are reported with no speaker rather than dropped;
their content is the reported clause, or the passive subject with what is said of it.
"""

from __future__ import annotations

from .cues import Cue
from .speakers import Speaker
from .view import DocView

# a cue's own trailing words inside a reporting clause: "said then", "told me on Friday", "explained in a hearing"
_ADJUNCTS = frozenset({"advmod", "npadvmod", "prep", "dobj", "dative", "prt", "tmod", "obl"})
_ADJUNCT_REACH = 8


def _root(v: DocView, i: int) -> int:
    for _ in range(50):
        if v.head[i] == i:
            break
        i = v.head[i]
    return i


def _clause_end(v: DocView, c: int, c_last: int, hi: int) -> int:
    """The last token of a reporting clause: the cue's own adjuncts after it count ('the senator said then,')."""
    end = hi
    for ch in v.children[c]:
        if ch > c_last and v.dep[ch] in _ADJUNCTS:
            end = max(end, v.right_edge(ch))
    return end if end - c_last <= _ADJUNCT_REACH else hi


def reporting_clause(v: DocView, c: int, c_last: int, sp: Speaker) -> tuple[tuple[int, int], str] | None:
    """'A, Mr. Obama said, B.' and 'A, he said.': a reporting clause set off by commas inside or after what was said."""
    lo, hi = min(sp.first, c), max(sp.last, c_last)
    if lo == 0 or v.words[lo - 1] != "," or hi + 1 >= len(v):
        return None
    root = _root(v, c)
    s_lo, s_hi = v.left_edge(root), v.right_edge(root)
    if not s_lo < lo or hi >= s_hi:
        return None
    hi = _clause_end(v, c, c_last, hi)
    if hi + 1 > s_hi:
        return None
    nxt = v.words[hi + 1]
    tail_words = any(v.pos[i] not in ("PUNCT", "SPACE") for i in range(hi + 1, s_hi + 1))
    if nxt == "," and tail_words:
        return (s_lo, s_hi), "indirect:parenthetical"
    if not tail_words:
        return (s_lo, lo - 1), "indirect:content-first"
    return None


def as_clause(v: DocView, c: int, c_last: int) -> tuple[tuple[int, int], str] | None:
    """'As Holm put it, the budget is a bet.' / 'The budget, as Holm noted, is a bet.': the clause an as-clause
    with a cue hangs on is what was said (with the as-clause inside it when it stands in the middle)."""
    if v.dep[c] != "advcl" or not any(v.dep[ch] == "mark" and v.lower[ch] == "as" and ch < c for ch in v.children[c]):
        return None
    if any(v.dep[ch] in ("ccomp", "xcomp", "oprd") or v.dep[ch] == "dobj" and v.lower[ch] != "it" for ch in v.children[c]):
        return None  # "as he said he would", "as critics called them": the as-clause has its own content
    h = v.head[c]
    lo, hi = v.left_edge(h), v.right_edge(h)
    a, b = v.left_edge(c), v.right_edge(c)
    while hi > b and v.pos[hi] == "PUNCT":
        hi -= 1
    if a <= lo:
        return (b + 1, hi), "indirect:as"
    if b >= hi:
        return (lo, a - 1), "indirect:as"
    return (lo, hi), "indirect:as"


# classes whose agentless passive still reports words or a view ("was expected to", "was reported", "is believed");
# an aim or a stance with no holder ("the attack was planned", "the bill was backed") is an event, not an attribution
_KINDS = frozenset({"speech", "belief", "evidential"})
_EXPLETIVE = frozenset({"it"})


def _child(v: DocView, c: int, deps: tuple[str, ...]) -> int | None:
    for ch in v.children[c]:
        if v.dep[ch] in deps:
            return ch
    return None


def is_passive(v: DocView, c: int) -> bool:
    """A cue verb in the passive: a past participle with a passive auxiliary or a passive subject."""
    return v.tag[c] == "VBN" and _child(v, c, ("auxpass", "nsubjpass")) is not None


def _to_infinitive(v: DocView, x: int) -> bool:
    return any(v.dep[ch] == "aux" and v.lower[ch] == "to" for ch in v.children[x])


def agentless(v: DocView, c: int, c_last: int, cue: Cue) -> tuple[tuple[int, int], str] | None:
    """(content token range, rule) for a cue verb in the passive with no "by" phrase, or None."""
    if cue.kind not in _KINDS or not is_passive(v, c) or _child(v, c, ("agent",)) is not None:
        return None
    subj = _child(v, c, ("nsubjpass",))
    if subj is None:
        return None
    if v.lower[subj] in _EXPLETIVE:
        comp = _child(v, c, ("ccomp",))
        if comp is None or comp < c:
            return None
        return (v.left_edge(comp), v.right_edge(comp)), "indirect:passive"
    lo = v.left_edge(subj)
    xcomp = _child(v, c, ("xcomp",))
    if xcomp is not None and xcomp > c_last and _to_infinitive(v, xcomp):
        return (lo, v.right_edge(xcomp)), "indirect:passive"
    for frame in cue.frames:
        if frame[0] != "dobj" or len(frame) < 2:
            continue
        part = _child(v, c, ("oprd",)) if frame[1] == "oprd" else _prep(v, c, frame[1])
        if part is not None and part > c_last:
            return (lo, v.right_edge(part)), "indirect:passive"
    return None


def _prep(v: DocView, c: int, word: str) -> int | None:
    for ch in v.children[c]:
        if v.dep[ch] == "prep" and v.lower[ch] == word:
            return ch
    return None


_CLOSING_REST = 8  # tokens a closing reporting clause may have after its cue ("said on Tuesday in a statement.")


def closing_clause(v: DocView, c: int, c_last: int) -> tuple[Speaker, tuple[int, int]] | None:
    """'C, a spokesman for the ministry, Janis Ozols, said on Tuesday.' parsed with "said" joined to C's verb and no
    subject of its own: the name just before the cue (with a role noun in apposition before it) speaks, and the
    sentence up to it is what was said."""
    if any(v.dep[ch] in ("nsubj", "nsubjpass") for ch in v.children[c]):
        return None
    sent = v.sent[c]
    j = c_last + 1
    while j < len(v) and v.sent[j] == sent:
        if v.pos[j] in ("VERB", "AUX") or j - c_last > _CLOSING_REST:
            return None
        j += 1
    i = c - 1
    while i > 0 and v.pos[i] in ("PUNCT", "ADV") and v.words[i] in (",", "also"):
        i -= 1
    if i <= 0 or v.pos[i] != "PROPN":
        return None
    first = i
    while first - 1 >= 0 and v.pos[first - 1] == "PROPN":
        first -= 1
    if v.dep[i] == "appos" and v.head[i] < first:  # ", a spokesman for the ministry, Janis Ozols,"
        role = v.left_edge(v.head[i])
        if role > 0 and v.words[role - 1] == "," and v.words[first - 1] == ",":
            first = role
    if first < 2 or v.words[first - 1] != "," or v.sent[first] != sent:
        return None
    lo = first - 1
    while lo > 0 and v.sent[lo - 1] == sent:
        lo -= 1
    hi = first - 2
    if not any(v.pos[k] in ("VERB", "AUX") for k in range(lo, hi + 1)):
        return None
    return Speaker(first, i, i), (lo, hi)
