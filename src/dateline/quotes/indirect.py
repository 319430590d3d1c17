"""Indirect (and mixed) quotes: a cue verb, its subject, and the complement that carries what was said.

"X said (that) ...", "..., X said.", "X told reporters ...", "X added that ...", "X warned that ...",
"X announced ...", "X accused Y of ...", "X urged Y to ...", "According to X, ...". The content is the
cue's complement in the parse (a clause, a to-infinitive, an object, or a preposition's object, as the cue
lexicon allows for that verb); for "according to" it is the clause the phrase hangs on. Content holding a
partial quotation in marks makes the quote mixed.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .cues import Cue, cue_at
from .found import Found
from .nominal import noun_quote
from .speakers import Speaker, speaker_of
from .view import DocView

_COMPLEMENTIZERS = frozenset({"that", "whether", "if"})
_TRIM = frozenset({"PUNCT", "SPACE", "CCONJ"})
_GENERIC_YOU = frozenset({"you", "ya", "y'all"})
_MIN_WORDS = 2


def _span(v: DocView, first: int, last: int) -> tuple[int, int] | None:
    """Trim punctuation, a leading complementizer and a leading/trailing conjunction; None when too little is left."""
    while first <= last and (v.pos[first] in _TRIM or v.lower[first] in _COMPLEMENTIZERS and v.dep[first] == "mark"):
        first += 1
    while last >= first and v.pos[last] in _TRIM and not _closing_mark(v, last):
        last -= 1
    if last < first:
        return None
    words = sum(1 for i in range(first, last + 1) if v.pos[i] not in ("PUNCT", "SPACE"))
    return (first, last) if words >= _MIN_WORDS else None


def _closing_mark(v: DocView, i: int) -> bool:
    return v.words[i] in ('"', "”", "’", "»")


def _child(v: DocView, c: int, dep: str, word: str | None = None) -> int | None:
    for ch in v.children[c]:
        if v.dep[ch] == dep and (word is None or v.lower[ch] == word):
            return ch
    return None


def _subtree(v: DocView, i: int) -> tuple[int, int]:
    return v.left_edge(i), v.right_edge(i)


def _prep_object(v: DocView, c: int, word: str) -> tuple[int, int] | None:
    prep = _child(v, c, "prep", word)
    if prep is None:
        return None
    for g in v.children[prep]:
        if v.dep[g] in ("pobj", "pcomp"):
            return _subtree(v, g)
    return None


_REASONS = frozenset({"because", "since", "although", "though", "unless"})


def _frame_content(v: DocView, c: int, c_last: int, frame: tuple[str, ...]) -> tuple[int, int] | None:
    """The token range a complement frame picks out for the cue at c, or None when the parse has no such complement."""
    main = frame[0]
    if main == "ccomp":
        comp = _child(v, c, "ccomp")
        if comp is None and c_last > c:
            comp = _child(v, c_last, "ccomp")
        if comp is None:
            return None
        lo, hi = _subtree(v, comp)
        if comp > c:
            # '..., because Democrats have...' hangs on the cue in the parse but belongs to what was said
            for ch in v.children[c]:
                if ch > hi and v.dep[ch] == "advcl" and any(v.lower[g] in _REASONS for g in v.children[ch]):
                    hi = v.right_edge(ch)
        return lo, hi
    if main == "xcomp":
        comp = _child(v, c, "xcomp")
        if comp is None:
            return None
        lo, hi = _subtree(v, comp)
        obj = _child(v, c, "dobj")
        if obj is not None and c < obj < lo:
            lo = v.left_edge(obj)
        return lo, hi
    if main == "dobj":
        obj = _child(v, c, "dobj")
        if obj is None and _child(v, c, "agent") is not None:
            obj = _child(v, c, "nsubjpass")  # "was called a charlatan by fellow doctors": the subject is what was said of
            if obj is not None:
                lo, hi = _subtree(v, obj)
                extra = _child(v, c, "oprd")
                return (lo, v.right_edge(extra) if extra is not None else hi)
        if obj is None or v.pos[obj] == "PRON" and len(frame) == 1:
            return None
        lo, hi = _subtree(v, obj)
        for extra in frame[1:]:
            part = _child(v, c, "oprd") if extra == "oprd" else _prep_object(v, c, extra)
            if part is None and extra == "oprd":
                part = _child(v, c, "xcomp") or _child(v, c, "ccomp")
            if part is None:
                return (lo, hi) if v.pos[obj] != "PRON" else None
            if isinstance(part, int):
                part = _subtree(v, part)
            lo, hi = min(lo, part[0]), max(hi, part[1])
        return lo, hi
    if main in ("colon", "clause"):
        return None
    target = c_last if c_last > c and v.lower[c_last] == main else c
    found = None
    if target != c:
        for g in v.children[target]:
            if v.dep[g] in ("pobj", "pcomp"):
                found = _subtree(v, g)
                break
    found = found or _prep_object(v, c, main)
    if found is not None:
        # "called for contestants to wear ...": the infinitive hangs on the verb but belongs to the content
        for ch in v.children[c]:
            if ch > found[1] and v.dep[ch] in ("xcomp", "ccomp"):
                found = (found[0], v.right_edge(ch))
    return found


def _root(v: DocView, i: int) -> int:
    for _ in range(50):
        if v.head[i] == i:
            break
        i = v.head[i]
    return i


def _reporting_clause(v: DocView, c: int, c_last: int, sp: Speaker) -> tuple[tuple[int, int], str] | None:
    """'A, Mr. Obama said, B.' and 'A, he said.': a reporting clause set off by commas inside or after what was said."""
    lo, hi = min(sp.first, c), max(sp.last, c_last)
    if lo == 0 or v.words[lo - 1] != "," or hi + 1 >= len(v):
        return None
    root = _root(v, c)
    s_lo, s_hi = v.left_edge(root), v.right_edge(root)
    if not s_lo < lo or hi >= s_hi:
        return None
    nxt = v.words[hi + 1]
    tail_words = any(v.pos[i] not in ("PUNCT", "SPACE") for i in range(hi + 1, s_hi + 1))
    if nxt == "," and tail_words:
        return (s_lo, s_hi), "indirect:parenthetical"
    if not tail_words:
        return (s_lo, lo - 1), "indirect:content-first"
    return None


_CLAUSE_RULES = frozenset({"indirect:ccomp", "indirect:parenthetical", "indirect:content-first", "indirect:according-to", "indirect:clause"})


def _cut_at_aside(v: DocView, lo: int, hi: int) -> int:
    """End an object-like content before a non-restrictive clause (", which ..."): the description is the writer's."""
    for k in range(lo + 2, hi + 1):
        if v.words[k - 1] == "," and v.lower[k] in ("which", "who", "whose") and v.dep[v.head[k]] == "relcl":
            return k - 2
    return hi


def _within_paragraph(v: DocView, c: int, lo: int, hi: int) -> tuple[int, int]:
    """Clamp content to the cue's paragraph (the parser sometimes runs a sentence over a line break)."""
    para = v.para[c]
    while lo < c and v.para[lo] != para:
        lo += 1
    while hi > c and v.para[hi] != para:
        hi -= 1
    return lo, hi


def _cut_at_next_attribution(v: DocView, lo: int, hi: int) -> int:
    """End content before another attribution inside it: '..., citing X' / '... and Democrats accused Y'."""
    for i in range(lo + 1, hi + 1):
        if cue_at(v.lower, v.pos, i) is None:
            continue
        if v.tag[i] == "VBG" and v.words[i - 1] == ",":
            return i - 2
        if v.dep[i] != "conj" or not lo <= v.head[i] <= hi:
            continue  # only a clause joined inside the content ("... and Democrats accused ...") ends it
        for ch in v.children[i]:
            if v.dep[ch] == "nsubj" and lo < v.left_edge(ch) and ch < i:
                return v.left_edge(ch) - 1
    return hi


def _according_to(v: DocView, c: int) -> tuple[int, int] | None:
    """The clause an "according to X" phrase hangs on, without the phrase."""
    h = v.head[c]
    phrase = (v.left_edge(c), v.right_edge(c))
    if h == c:
        return None
    lo, hi = v.left_edge(h), v.right_edge(h)
    if v.pos[h] not in ("VERB", "AUX"):
        lo, hi = v.left_edge(h), v.right_edge(h)
        while v.head[h] != h and v.pos[h] not in ("VERB", "AUX"):
            h = v.head[h]
        lo, hi = v.left_edge(h), v.right_edge(h)
    if phrase[0] <= lo:
        return phrase[1] + 1, hi
    return lo, phrase[0] - 1


def _content(v: DocView, c: int, c_last: int, cue: Cue) -> tuple[tuple[int, int], str] | None:
    if cue.lemma == "according to":
        rng = _according_to(v, c)
        return (rng, "indirect:according-to") if rng else None
    for frame in cue.frames:
        rng = _frame_content(v, c, c_last, frame)
        if rng is not None and not (rng[0] <= c <= rng[1] and frame[0] != "ccomp"):
            return rng, f"indirect:{'+'.join(frame)}"
    return None


@lru_cache(maxsize=1)
def _people_nouns() -> frozenset[str]:
    text = (Path(__file__).with_name("data") / "people_nouns.txt").read_text("utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


def _agentive(v: DocView, h: int) -> bool:
    """Someone who can hold a view: a name, a pronoun, a named entity, or a word for people."""
    return v.pos[h] in ("PROPN", "PRON") or v.ent[h] in ("PERSON", "ORG", "GPE", "NORP") or v.lower[h] in _people_nouns()


def _acceptable_speaker(v: DocView, sp: Speaker | None, cue: Cue) -> bool:
    if sp is None:
        return False
    if cue.kind in ("belief", "intent", "stance") and not _agentive(v, sp.head):
        return False  # "the plan rejected ...": things hold no views
    if cue.kind in ("belief", "intent") and v.lower[sp.head] in _GENERIC_YOU:
        return False  # "you know", "you want to": a turn of phrase, not anyone's reported belief
    if v.lower[sp.head] in ("it", "this", "that", "which") and cue.kind == "belief":
        return False
    return True


def _verb_quote(v: DocView, c: int) -> tuple[int, int, Speaker, tuple[tuple[int, int], str], bool] | None:
    """(cue first, cue last, speaker, (content range, rule), is speech) for a cue verb at token c, or None."""
    hit = cue_at(v.lower, v.pos, c)
    if hit is None:
        return None
    cue, after = hit
    c_last = after - 1
    if any(v.dep[ch] == "neg" for ch in v.children[c]):
        return None  # "did not say", "didn't respond": nothing was said
    # the words after a cue are its object, not its speaker, except in a reporting clause ("..., said Mr. Clarke")
    sp = speaker_of(v, c, cue, allow_inverted=False)
    got = _content(v, c, c_last, cue) if sp is not None else None
    if got is None and any(f[0] == "ccomp" for f in cue.frames):
        sp = sp or speaker_of(v, c, cue)
        got = _reporting_clause(v, c, c_last, sp) if sp is not None else None
    if got is None or sp is None or not _acceptable_speaker(v, sp, cue):
        return None
    return c, c_last, sp, got, cue.kind == "speech"


def find_indirect(v: DocView, no_cue: list[tuple[int, int]], no_content: list[tuple[int, int]], used: set[int]) -> list[Found]:
    """Indirect quotes whose cue lies outside `no_cue` (quoted words) and is not already used, and whose content
    does not overlap `no_content` (the direct quotes)."""
    blocked = sorted(no_cue)
    candidates: list[Found] = []
    b = 0
    n = len(v)
    i = 0
    while i < n:
        char = v.start[i]
        while b < len(blocked) and blocked[b][1] <= char:
            b += 1
        if i in used or (b < len(blocked) and blocked[b][0] <= char < blocked[b][1]):
            i += 1
            continue
        hit = _verb_quote(v, i)
        if v.in_head_zone(char):
            # a headline or standfirst reports a quote only when it is unmistakable: a named speaker and a speech verb
            if hit is not None and not (hit[4] and v.ent[hit[2].head] in ("PERSON", "ORG", "GPE", "NORP")):
                hit = None
            if hit is None:
                i += 1
                continue
        if hit is None:
            nominal = noun_quote(v, i)
            hit = None if nominal is None else (i, i, nominal[0], (nominal[1], nominal[2]), True)
        if hit is None:
            i += 1
            continue
        c, c_last, sp, got, speech = hit
        i = c_last + 1
        (lo, hi), rule = got
        lo, hi = _within_paragraph(v, c, lo, hi)
        if rule != "indirect:parenthetical":
            hi = _cut_at_next_attribution(v, lo, hi)
        if rule not in _CLAUSE_RULES:
            hi = _cut_at_aside(v, lo, hi)
        rng = _span(v, lo, hi)
        if rng is None:
            continue
        start, end = v.start[rng[0]], v.end[rng[1]]
        if any(s < end and start < e for s, e in no_content):
            continue
        # only a reported utterance ("X said that ...") is one a following quotation may continue
        candidates.append(Found("indirect", start, end, (v.start[c], v.end[c_last]), sp, rule, v.para[rng[0]], speech and rule in _CLAUSE_RULES))
    # no nesting: a cue inside another candidate's content belongs to that content
    return [f for f in candidates if not any(o is not f and o.start <= f.cue[0] < o.end for o in candidates)]
