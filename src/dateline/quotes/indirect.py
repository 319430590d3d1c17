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

from .cues import Cue, cue_at, inflections
from .found import Found
from .nominal import noun_quote
from .reporting import agentless, as_clause, closing_clause, reporting_clause
from .speakers import Speaker, people_nouns, speaker_of
from .view import DocView

_COMPLEMENTIZERS = frozenset({"that", "whether", "if"})
_TRIM = frozenset({"PUNCT", "SPACE", "CCONJ"})
_GENERIC_YOU = frozenset({"you", "ya", "y'all"})
_MIN_WORDS = 2


def _span(v: DocView, first: int, last: int, named_object: bool = False) -> tuple[int, int] | None:
    """Trim punctuation, a leading complementizer and a leading/trailing conjunction; None when too little is left
    (one word is enough only for a name that is the object of a stance or mention: "Cruz endorsed Trump")."""
    while first <= last and (v.pos[first] in _TRIM or v.lower[first] in _COMPLEMENTIZERS and v.dep[first] == "mark"
                             or v.pos[first] == "ADV" and first < last and v.lower[first + 1] == "that" and v.dep[first + 1] == "mark"):
        first += 1  # "said (only) that ...": the adverb qualifies the saying
    if first + 2 <= last and v.pos[first] == "ADV" and v.words[first + 1] == "," and v.dep[first] == "advmod":
        first += 2  # "Meanwhile, ...", "Separately, ...": the writer's link between stories, not the speaker's words
    while last >= first and v.pos[last] in _TRIM and not _closing_mark(v, last):
        last -= 1
    if last < first:
        return None
    words = sum(1 for i in range(first, last + 1) if v.pos[i] not in ("PUNCT", "SPACE"))
    if words == 1 and named_object:
        return (first, last) if v.pos[first] == "PROPN" else None
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


def _complement_clause(v: DocView, c: int, c_last: int) -> int | None:
    """The clause a cue reports: the one right after it; else one before it ("..., he said"); else one after a comma.

    The parser sometimes hangs a neighbouring clause on the cue as a second ccomp ("While he acknowledged X, Ham
    noted Y": X on "noted"), or a clause of the next sentence; one past a full stop or a line break is never the
    cue's, and one past a comma ("told Stumpf, after he admitted ...") only when nothing else is."""
    before = after_comma = None
    for node in (c, c_last) if c_last > c else (c,):
        for ch in v.children[node]:
            if v.dep[ch] != "ccomp" and not (node == c_last > c and v.dep[ch] == "advcl" and _that_clause(v, ch)):
                continue  # "made it clear that ...": the parser may hang the clause on the cue's last word
            if ch < c:
                before = before if before is not None else ch
                continue
            if ch <= c_last:
                continue  # a word of the cue itself ("made it clear"), not what follows it
            gap = [v.words[i] for i in range(c_last + 1, v.left_edge(ch))]
            if v.para[ch] != v.para[c] or any(w in _HARD_STOPS or "\n" in w for w in gap):
                continue
            if "," not in gap:
                return ch
            after_comma = after_comma if after_comma is not None else ch
    if before is None and after_comma is None:
        return _clause_in_object(v, c)
    return before if before is not None else after_comma


def _past_time(v: DocView, lo: int, comp: int) -> int:
    """'said on Tuesday it would send troops': a day the parser hung on the reported clause, before its subject, dates
    the saying; the content starts after it."""
    prep = lo
    if v.dep[prep] != "prep" or v.head[prep] != comp or v.lower[prep] not in ("on", "late", "early"):
        return lo
    end = v.right_edge(prep)
    if not all(v.ent[k] in ("DATE", "TIME") for k in range(prep + 1, end + 1)):
        return lo
    opens_subject = any(v.dep[k] in ("nsubj", "nsubjpass") and v.left_edge(k) == end + 1 for k in v.children[comp])
    return end + 1 if opens_subject else lo


def _opened_by_that(v: DocView, i: int) -> bool:
    """A clause whose first word is the conjunction "that" (not the relative pronoun, which the parser makes a subject
    or object)."""
    first = v.left_edge(i)
    return v.lower[first] == "that" and v.dep[first] == "mark" and v.head[first] == i


def _that_clause(v: DocView, i: int) -> bool:
    return any(v.dep[g] == "mark" and v.lower[g] == "that" for g in v.children[i])


def _clause_in_object(v: DocView, c: int) -> int | None:
    """'told a meeting of farmers that few understood ...': the parser hangs the that-clause on the people addressed as
    if it were a relative clause; a clause opened by "that" as a conjunction (not a relative pronoun) is the cue's."""
    obj = _child(v, c, "dobj")
    if obj is None or obj < c:
        return _clause_in_medium(v, c)
    for i in range(obj, v.right_edge(obj) + 1):
        if v.dep[i] in ("relcl", "acl") and _that_clause(v, i) and _agentive(v, v.head[i]):
            return i  # hung on the people told ("leaders that ..."), not on a thing ("so many layers that ...")
    return None


_MEDIUM_PREPS = frozenset({"in", "on"})


def _clause_in_medium(v: DocView, c: int) -> int | None:
    """'said in a statement that three people had been shot': the parser hangs the that-clause on the statement; a
    clause opened by the conjunction "that" (not the relative pronoun) right after it is what was said."""
    for prep in v.children[c]:
        if prep < c or v.dep[prep] != "prep" or v.lower[prep] not in _MEDIUM_PREPS:
            continue
        for obj in v.children[prep]:
            if v.dep[obj] != "pobj":
                continue
            for cl in v.children[obj]:
                if cl > obj and v.dep[cl] in ("acl", "relcl") and _opened_by_that(v, cl):
                    return cl  # "in a statement (carried by WAFA) that ..."
    return None


def _subordinate_cue_clause(v: DocView, c: int, c_last: int) -> tuple[int, int] | None:
    """'While he acknowledged funding was short, ...': the parser makes the cue's clause the head of the cue's own
    clause; what follows the cue up to that head's end is what was acknowledged."""
    h = v.head[c]
    if v.dep[c] != "advcl" or h <= c_last or v.right_edge(c) != c_last or v.pos[h] not in ("VERB", "AUX"):
        return None
    if not any(v.dep[ch] in ("nsubj", "nsubjpass") and c_last < ch < h for ch in v.children[h]):
        return None
    return c_last + 1, v.right_edge(h)


_HARD_STOPS = frozenset({".", "!", "?", ";"})


_REASONS = frozenset({"because", "since", "although", "though", "unless"})
_CONTRASTS = frozenset({"although", "though", "while", "whereas"})


def _own_attribution(v: DocView, i: int) -> bool:
    """'..., though she noted ...': a clause whose verb is a cue with its own subject is a new attribution."""
    return cue_at(v.lower, v.pos, i) is not None and any(v.dep[ch] in ("nsubj", "nsubjpass") for ch in v.children[i])


def _frame_content(v: DocView, c: int, c_last: int, frame: tuple[str, ...], strict: bool = False) -> tuple[int, int] | None:
    """The token range a complement frame picks out for the cue at c, or None when the parse has no such complement.

    A frame with a second part ("dobj+for") falls back to the bare object of a speech verb ("accused the mayor"), but
    not of a stance verb unless its entry lists "dobj" too: "attacked X for Y" is a stance, "attacked the army" not."""
    main = frame[0]
    if main == "ccomp":
        comp = _complement_clause(v, c, c_last)
        if comp is None:
            return _subordinate_cue_clause(v, c, c_last)
        lo, hi = _subtree(v, comp)
        if comp > c:
            lo = _past_time(v, lo, comp)
            # '..., because Democrats have...' hangs on the cue in the parse but belongs to what was said
            for ch in v.children[c]:
                if ch > hi and v.dep[ch] == "advcl" and any(v.lower[g] in _REASONS for g in v.children[ch]) \
                        and not _own_attribution(v, ch):
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
        split = [ch for ch in v.children[c] if v.dep[ch] == "dobj" and ch > obj]
        if split and split[0] == hi + 1:  # "accused Azerbaijani forces of": one noun phrase the parser cut in two
            obj = split[0]
            hi = v.right_edge(obj)
        for extra in frame[1:]:
            part = _child(v, c, "oprd") if extra == "oprd" else _prep_object(v, c, extra)
            if part is None and extra == "oprd":
                part = _child(v, c, "xcomp") or _child(v, c, "ccomp")
            elif part is None:
                part = _prep_object(v, obj, extra)  # "attacked the opposition for ...", the "for" hung on the object
            if part is None:
                return (lo, hi) if v.pos[obj] != "PRON" and not strict else None
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
    found = found or _prep_object(v, c, main) or (_prep_object(v, c_last, main) if c_last > c else None)
    if found is not None:
        # "called for contestants to wear ...", "went after Holm as a spender": the infinitive or the "as" phrase
        # hangs on the verb but belongs to the content
        for ch in v.children[c]:
            if ch > found[1] and (v.dep[ch] in ("xcomp", "ccomp") or v.dep[ch] == "prep" and v.lower[ch] == "as"):
                found = (found[0], v.right_edge(ch))
    return found


_CLAUSE_RULES = frozenset({"indirect:ccomp", "indirect:parenthetical", "indirect:content-first", "indirect:according-to",
                           "indirect:clause", "indirect:as", "indirect:passive"})
# "as X noted", "as polls show", "as many expect" report the clause they hang on; "as he wanted" does not
_AS_KINDS = frozenset({"speech", "evidential", "belief"})


def _cut_at_aside(v: DocView, lo: int, hi: int) -> int:
    """End an object-like content before a non-restrictive clause (", which ..."): the description is the writer's.
    An aside inside the content ("accused Azeri forces, which hold the ridge, of shelling ...") stays in it."""
    for k in range(lo + 2, hi + 1):
        if v.words[k - 1] == "," and v.lower[k] in ("which", "who", "whose") and v.dep[v.head[k]] == "relcl":
            end = v.right_edge(v.head[k])
            if end + 1 < hi and v.words[end + 1] == ",":
                continue
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
    """End content before another attribution inside it: '..., citing X' / '... and Democrats accused Y' /
    '..., though she noted Y'."""
    for i in range(lo + 1, hi + 1):
        if cue_at(v.lower, v.pos, i) is None:
            continue
        if v.tag[i] == "VBG" and v.words[i - 1] == ",":
            return i - 2
        if v.dep[i] == "advcl" and lo < v.left_edge(i) and _own_attribution(v, i) \
                and any(v.dep[ch] == "mark" and v.lower[ch] in _CONTRASTS for ch in v.children[i]):
            return v.left_edge(i) - 1  # "..., though she noted ...": the writer sets a second attribution against it
        if v.dep[i] != "conj" or not lo <= v.head[i] <= hi:
            continue  # only a clause joined inside the content ("... and Democrats accused ...") ends it
        for ch in v.children[i]:
            if v.dep[ch] == "nsubj" and lo < v.left_edge(ch) and ch < i:
                return v.left_edge(ch) - 1
    return hi


def _after_opening_phrase(v: DocView, c: int) -> tuple[int, int] | None:
    """'According to X, the move reeks of fear.' parsed with "According" as the root: what follows the phrase's comma
    to the end of the sentence."""
    i = c + 2
    while i < len(v) and v.sent[i] == v.sent[c] and v.words[i] != ",":
        i += 1
    end = i
    while end + 1 < len(v) and v.sent[end + 1] == v.sent[c]:
        end += 1
    return (i + 1, end) if i < end and v.words[i] == "," else None


def _according_to(v: DocView, c: int) -> tuple[int, int] | None:
    """The clause an "according to X" phrase hangs on, without the phrase."""
    h = v.head[c]
    phrase = (v.left_edge(c), v.right_edge(c))
    if h == c:
        return _after_opening_phrase(v, c)
    lo, hi = v.left_edge(h), v.right_edge(h)
    if v.pos[h] not in ("VERB", "AUX"):
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
    clausal = ("ccomp",) in cue.frames
    for frame in cue.frames:
        if frame == ("dobj",) and cue.kind == "evidential":
            rng = _small_clause(v, c)
            if rng is not None:
                return rng, "indirect:dobj"
        if frame == ("dobj",) and clausal and _misparsed_clause(v, c):
            continue
        rng = _frame_content(v, c, c_last, frame, cue.kind == "stance")
        if rng is not None and not (rng[0] <= c <= rng[1] and frame[0] != "ccomp"):
            return rng, f"indirect:{'+'.join(frame)}"
    return None


_PREDICATES = frozenset({"prep", "advmod", "npadvmod", "acomp", "oprd"})


def _small_clause(v: DocView, c: int) -> tuple[int, int] | None:
    """'The poll shows Holm with a narrow lead' / 'shows Holm ahead by 3 points': what a finding shows is the object
    with the predicate the parser hung on the verb after it."""
    obj = _child(v, c, "dobj")
    if obj is None:
        return None
    lo, hi = _subtree(v, obj)
    for ch in v.children[c]:
        if ch == hi + 1 and v.dep[ch] in _PREDICATES:
            hi = v.right_edge(ch)
    return None if hi == obj and v.pos[obj] in ("PROPN", "PRON") else (lo, hi)


def _misparsed_clause(v: DocView, c: int) -> bool:
    """'Flynn says Trump is right', parsed with "Trump" alone as the object: a verb that reports clauses with a bare
    name as its whole object is a clause whose verb the parser lost, not a thing said."""
    obj = _child(v, c, "dobj")
    return obj is not None and v.pos[obj] == "PROPN" and v.left_edge(obj) == v.right_edge(obj)


# English names people by what they practise or belong to: environmentalists, economists, historians, politicians
_PEOPLE_SUFFIXES = ("ist", "ists", "ian", "ians")


def _agentive(v: DocView, h: int) -> bool:
    """Someone who can hold a view: a name, a pronoun, a named entity, or a word for people."""
    word = v.lower[h]
    return (v.pos[h] in ("PROPN", "PRON") or v.ent[h] in ("PERSON", "ORG", "GPE", "NORP") or word in people_nouns()
            or len(word) > 6 and word.endswith(_PEOPLE_SUFFIXES))


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


_REFUSALS = frozenset({"decline", "refuse"})
_ANONYMOUS = frozenset({"named", "identified", "quoted"})


@lru_cache(maxsize=1)
def _unsaid() -> frozenset[str]:
    """Verbs of telling that a refusal leaves unsaid (data/refusals.txt), with their regular inflections."""
    text = (Path(__file__).with_name("data") / "refusals.txt").read_text("utf-8")
    return frozenset(f for w in text.split("\n") if w.strip() and not w.startswith("#") for f in inflections(w.strip()))


def _refused_speech(v: DocView, c: int, cue: Cue) -> bool:
    """'declined to comment', 'refused to say whether ...', 'declined to give details' (data/refusals.txt): a refusal
    to speak reports no words, neither as the refusal's content nor as the speech verb's."""
    if cue.lemma == "ask":  # "an official, who asked not to be named": a request for anonymity
        comp = _child(v, c, "xcomp")
        return comp is not None and v.lower[comp] in _ANONYMOUS and _child(v, comp, "neg") is not None
    if cue.lemma in _REFUSALS:
        comp = _child(v, c, "xcomp")
        return comp is not None and v.lower[comp] in _unsaid()
    if v.lower[c] not in _unsaid() or v.dep[c] != "xcomp" or v.head[c] == c:
        return False
    outer = cue_at(v.lower, v.pos, v.head[c])
    return outer is not None and outer[0].lemma in _REFUSALS


def _verb_quote(v: DocView, c: int) -> tuple[int, int, Speaker | None, tuple[tuple[int, int], str], bool] | None:
    """(cue first, cue last, speaker (None for an agentless passive), (content range, rule), is speech) for a cue
    verb at token c, or None."""
    hit = cue_at(v.lower, v.pos, c)
    if hit is None:
        return None
    cue, after = hit
    c_last = after - 1
    if any(v.dep[ch] == "neg" for ch in v.children[c]):
        return None  # "did not say", "didn't respond": nothing was said
    if _refused_speech(v, c, cue):
        return None
    # the words after a cue are its object, not its speaker, except in a reporting clause ("..., said Mr. Clarke")
    sp = speaker_of(v, c, cue, allow_inverted=False)
    got = None
    if sp is not None:
        got = _content(v, c, c_last, cue)
        if got is None and cue.kind in _AS_KINDS:
            got = as_clause(v, c, c_last)
    if got is None and any(f[0] == "ccomp" for f in cue.frames):
        sp = sp or speaker_of(v, c, cue)
        got = reporting_clause(v, c, c_last, sp) if sp is not None else None
        closing = closing_clause(v, c, c_last) if got is None and cue.kind == "speech" else None
        if closing is not None:
            sp, got = closing[0], (closing[1], "indirect:content-first")
    if sp is None:
        got = agentless(v, c, c_last, cue)
        return None if got is None else (c, c_last, None, got, False)
    if got is None or not _acceptable_speaker(v, sp, cue):
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
            if hit is not None and not (hit[4] and hit[2] is not None and v.ent[hit[2].head] in ("PERSON", "ORG", "GPE", "NORP")):
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
        whole_name = rule == "indirect:dobj" and lo == hi  # the object is one name, not a longer content cut short
        lo, hi = _within_paragraph(v, c, lo, hi)
        if rule != "indirect:parenthetical":
            hi = _cut_at_next_attribution(v, lo, hi)
        if rule not in _CLAUSE_RULES:
            hi = _cut_at_aside(v, lo, hi)
        rng = _span(v, lo, hi, whole_name)
        if rng is None:
            continue
        start, end = v.start[rng[0]], v.end[rng[1]]
        if any(s < end and start < e for s, e in no_content):
            continue
        # only a reported utterance ("X said that ...") is one a following quotation may continue
        candidates.append(Found("indirect", start, end, (v.start[c], v.end[c_last]), sp, rule, v.para[rng[0]], speech and rule in _CLAUSE_RULES))
    # no nesting: a cue inside another candidate's content belongs to that content
    return [f for f in candidates if not any(o is not f and o.start <= f.cue[0] < o.end for o in candidates)]
