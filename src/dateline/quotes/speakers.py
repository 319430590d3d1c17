"""Speakers: the noun phrase that says a quote (subject, inverted subject, "according to" object) and the entity it names."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..mentions import MentionIndex
from ..model import Article, Span
from .cues import Cue
from .view import DocView

_NP_LEFT = frozenset({"det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "case", "predet", "nn", "advmod"})
_NP_RIGHT_PREPS = frozenset({"of", "for", "at", "with", "from"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
# climbing from the cue to the clause with a subject: "and said", "adding", "wants to say", "was quick to deny" (acomp)
_CLIMB = frozenset({"conj", "advcl", "xcomp", "pcomp", "acl", "prep", "acomp"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "us", "me"})
_SKIP_AFTER_CUE = frozenset({"ADV", "PUNCT"})
_QUOTED_AS = frozenset({"quoted", "heard", "overheard", "recorded", "filmed"})


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker phrase: its token range [first, last] and its head token."""

    first: int
    last: int
    head: int


def noun_phrase(v: DocView, h: int) -> Speaker:
    """The core noun phrase around a head: determiners, modifiers and compounds, plus an "of/for/at ..." tail; no clauses."""
    if v.pos[h] == "PRON":
        return Speaker(h, h, h)
    first, last = h, h
    for c in v.children[h]:
        if c < h and v.dep[c] in _NP_LEFT:
            first = min(first, v.left_edge(c))
        elif c > h and v.dep[c] == "prep" and v.lower[c] in _NP_RIGHT_PREPS and c == last + 1:
            last = max(last, v.right_edge(c))
        elif c > h and v.dep[c] in ("compound", "flat") and c == last + 1:
            last = c
    while last > first and v.pos[last] == "PUNCT":
        last -= 1
    while first < last and v.pos[first] == "PUNCT":
        first += 1
    return Speaker(first, last, h)


def _subject(v: DocView, c: int) -> int | None:
    """The verb's subject; of two the parser gave it ("The attackers ... killed two men, spokesman X said"), the
    nearer one: the far one heads the clause the parser failed to hang on the verb."""
    subjects = [child for child in v.children[c] if v.dep[child] in _SUBJECTS]
    if not subjects:
        return None
    child = min(subjects, key=lambda s: abs(c - s))
    if v.dep[child] == "nsubjpass":
        return _agent(v, c)
    return child


def _child(v: DocView, c: int, dep: str) -> int | None:
    for child in v.children[c]:
        if v.dep[child] == dep:
            return child
    return None


def _agent(v: DocView, c: int) -> int | None:
    """The "by X" of a passive cue."""
    for child in v.children[c]:
        if v.dep[child] == "agent":
            for g in v.children[child]:
                if v.dep[g] == "pobj":
                    return g
    return None


def speaker_of(v: DocView, c: int, cue: Cue, allow_inverted: bool = True) -> Speaker | None:
    """Who utters the cue at token c: its subject, climbing through "adding"/"and said" to the clause that has one.

    A subject the parser found across a line break, a colon or a full stop ("12:15 p.m. // Holm says ...",
    "The Latest: Holm urges ...") is not the speaker; the name just before the cue is."""
    sp = _speaker_of(v, c, cue, allow_inverted)
    if sp is not None and sp.last < c and _boundary(v, sp.last, c):
        return _just_before(v, c)
    if sp is not None and sp.head < c and _quoted_between(v, sp.head, c):
        return _after_quotation(v, sp.head, c)
    return sp


def _after_quotation(v: DocView, h: int, c: int) -> Speaker | None:
    """'"... and our military," Flynn, a top surrogate, said': the parser took a word inside the quotation for the
    subject; the name after the closing mark says it."""
    return name_from(v, max(i for i in range(h + 1, c) if v.words[i] in _CLOSING_MARKS) + 1, c)


def name_from(v: DocView, k: int, c: int) -> Speaker | None:
    """The noun phrase starting at token k (past punctuation) and ending before the cue at c or a comma: 'Flynn' of
    'Flynn, a top aide, said', 'the minister' of 'the minister said'."""
    while k < c and v.pos[k] == "PUNCT":
        k += 1
    if k >= c or v.pos[k] not in ("PROPN", "NOUN", "PRON", "DET"):
        return None
    if v.pos[k] == "PRON":
        return Speaker(k, k, k)
    last = k
    while last + 1 < c and v.pos[last + 1] in ("PROPN", "NOUN", "ADJ", "DET") and v.words[last + 1] != ",":
        last += 1
    head = last
    while head > k and v.pos[head] not in ("PROPN", "NOUN"):
        head -= 1
    return Speaker(k, last, head)


_BOUNDARIES = frozenset({":", ".", "!", "?", ";"})
_BEFORE_CUE = frozenset({"ADV", "AUX", "PART"})


def _boundary(v: DocView, a: int, b: int) -> bool:
    """Whether a line break, or a clause-ending mark outside any quotation ('X said: "A. B," adding'), lies between
    tokens a and b."""
    if v.para[a] != v.para[b]:
        return True
    between = range(a + 1, b)
    return not any(_opens_quote(v.words[i]) or v.words[i] in _CLOSING_MARKS for i in between) \
        and any(v.words[i] in _BOUNDARIES for i in between)


_CLOSING_MARKS = frozenset({'"', "”", "’", "''", "»"})


def _just_before(v: DocView, c: int) -> Speaker | None:
    """The noun phrase right before the cue (past "also", "has", "now"), in the cue's own paragraph and clause."""
    i = c - 1
    while i >= 0 and v.pos[i] in _BEFORE_CUE and v.para[i] == v.para[c]:
        i -= 1
    if i < 0 or v.para[i] != v.para[c] or v.pos[i] not in ("PROPN", "NOUN", "PRON"):
        return _paragraph_subject(v, c)
    if v.pos[i] == "PRON":
        return Speaker(i, i, i)
    sp = noun_phrase(v, i)
    first = sp.first
    while first < i and _boundary(v, first, i):
        first += 1
    return Speaker(first, sp.last, sp.head)


def _possessive(v: DocView, i: int) -> bool:
    """"the States’ military": an apostrophe closing a plural word is no quotation mark."""
    return v.words[i] in ("’", "'") and i > 0 and v.end[i - 1] == v.start[i] and v.lower[i - 1].endswith("s")


def _quoted_between(v: DocView, a: int, b: int) -> bool:
    """Whether a quotation closes between tokens a and b, so that a lies inside it and b outside."""
    marks = [i for i in range(a + 1, b) if (_opens_quote(v.words[i]) or v.words[i] in _CLOSING_MARKS) and not _possessive(v, i)]
    return bool(marks) and v.words[marks[-1]] in _CLOSING_MARKS and len(marks) % 2 == 1


def _paragraph_subject(v: DocView, c: int) -> Speaker | None:
    """'7 p.m. // Donald Trump is questioning ..., encouraging ...': the subject opening the cue's own paragraph."""
    for i in range(c - 1, -1, -1):
        if v.para[i] != v.para[c]:
            break
        subject = v.dep[i] in ("nsubj", "nsubjpass") or v.para[v.head[i]] != v.para[c]  # or hung across the break
        if subject and v.pos[i] in ("PROPN", "NOUN", "PRON") and not _boundary(v, i, c):
            return Speaker(i, i, i) if v.pos[i] == "PRON" else noun_phrase(v, i)
    return None


def _speaker_of(v: DocView, c: int, cue: Cue, allow_inverted: bool) -> Speaker | None:
    if cue.lemma == "according to":
        to = c + 1
        for child in v.children[to] if to < len(v) else ():
            if v.dep[child] in ("pobj", "pcomp"):
                return noun_phrase(v, child)
        return _next_noun(v, to + 1, limit=6)
    node = c
    for _ in range(4):
        subj = _subject(v, node)
        if subj is None and node != c and v.lower[node] in _QUOTED_AS:
            subj = _child(v, node, "nsubjpass")  # "Holm was quoted as saying ...": the one quoted said it
        if subj is not None and node != c and _quoted_between(v, subj, c):
            # '"The line was a success," adding that ...': the clause climbed to is the quotation, whose subject is
            # not the speaker; the one who says the quotation is, further up
            if v.head[node] != node and v.dep[node] in _CLIMB | {"ccomp"}:
                node = v.head[node]
                continue
            return None
        if subj is not None:
            if v.lower[subj] in _RELATIVE and v.dep[node] == "relcl":
                return noun_phrase(v, v.head[node])
            return noun_phrase(v, subj)
        if node == c and allow_inverted:
            inverted = _inverted(v, c)
            if inverted is not None:
                return inverted
        if v.dep[node] in _CLIMB and v.head[node] != node:
            node = v.head[node]
            continue
        if v.dep[node] == "relcl":
            return noun_phrase(v, v.head[node])
        break
    return None


def _inverted(v: DocView, c: int) -> Speaker | None:
    """The subject after the verb: "said Lavrov", "said the minister", "says a spokesman for the ministry".

    A participle ("singing") has no subject after it, and words in quotation marks are what was said, not who."""
    if v.tag[c] == "VBG":
        return None
    i = c + 1
    while i < len(v) and v.pos[i] in _SKIP_AFTER_CUE and v.words[i] not in (",", ".", ":") and not _opens_quote(v.words[i]):
        i += 1
    if i >= len(v) or v.pos[i] not in ("PROPN", "NOUN", "DET", "ADJ", "PRON"):
        return None
    if v.pos[i] == "PRON" and v.lower[i] not in ("he", "she", "they", "it"):
        return None
    if v.pos[i] in ("NOUN", "ADJ"):
        return None  # "adding levity": a bare noun after the verb is its object; "said the minister" has a determiner
    return _next_noun(v, i, limit=6)


def _opens_quote(word: str) -> bool:
    return word in ('"', "“", "‘", "``", "«", "'")


def _next_noun(v: DocView, i: int, limit: int) -> Speaker | None:
    """The noun phrase whose head is the first noun within `limit` tokens of i (its rightmost compound part)."""
    end = min(len(v), i + limit)
    j = i
    while j < end and v.pos[j] in ("DET", "ADJ", "PROPN", "NOUN", "PRON", "NUM", "PART") and v.words[j] not in (",", ":"):
        if v.pos[j] == "PRON" or (v.pos[j] in ("PROPN", "NOUN") and not (j + 1 < end and v.pos[j + 1] in ("PROPN", "NOUN"))):
            return noun_phrase(v, j) if v.pos[j] != "PRON" else Speaker(j, j, j)
        j += 1
    return None


@lru_cache(maxsize=1)
def people_nouns() -> frozenset[str]:
    """Words for people and bodies of people (data/people_nouns.txt): someone who can hold a view, and no name."""
    text = (Path(__file__).with_name("data") / "people_nouns.txt").read_text("utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


@lru_cache(maxsize=1)
def statement_nouns() -> frozenset[str]:
    """Nouns for what someone put out (the cue nouns: statement, announcement, claim ...), singular and plural."""
    from .nominal import nouns

    return frozenset(nouns())


def is_pronoun(v: DocView, sp: Speaker) -> bool:
    return sp.first == sp.last and v.lower[sp.head] in _PRONOUNS


def name_part(v: DocView, sp: Speaker) -> str | None:
    """The proper-name run around the head ("Pat Caddell" of "longtime Democratic pollster Pat Caddell"), or None."""
    if v.pos[sp.head] != "PROPN" or not v.words[sp.head][:1].isupper():
        return None
    a = b = sp.head
    while a - 1 >= sp.first and v.pos[a - 1] == "PROPN":
        a -= 1
    while b + 1 <= sp.last and v.pos[b + 1] == "PROPN":
        b += 1
    if a == b and v.lower[a] in people_nouns():
        return None  # "Regulators" opening a sentence, tagged as a name
    return v.text[v.start[a]:v.end[_name_tail(v, b, sp.last)]]


_NAME_LINKS = frozenset({"of", "for", "the", "and", "on"})


def _name_tail(v: DocView, b: int, limit: int) -> int:
    """Where a name goes on through "of" / "for the" to more capitalised words: 'Coordination Headquarters for the
    Treatment of Prisoners of War' is one name."""
    end = b
    i = b + 1
    while i <= limit:
        j = i
        while j <= limit and v.lower[j] in _NAME_LINKS and v.words[j].islower():
            j += 1
        if j == i or j > limit or v.pos[j] != "PROPN" or not v.words[j][:1].isupper():
            break
        while j + 1 <= limit and v.pos[j + 1] == "PROPN" and v.words[j + 1][:1].isupper():
            j += 1
        end = i = j
        i += 1
    return end


class SpeakerResolver:
    """Turns speaker phrases into spans and the entity (id, canonical name) they refer to."""

    def __init__(self, v: DocView, article: Article) -> None:
        self.v = v
        self.text = article.text
        self.index = MentionIndex(article)

    def span(self, sp: Speaker) -> Span:
        """The speaker phrase's characters, every conjoined speaker included ("police and residents")."""
        v = self.v
        last = sp.last
        for c in v.children[sp.head]:
            if v.dep[c] == "conj" and c > sp.head and v.para[c] == v.para[sp.head]:
                last = max(last, noun_phrase(v, c).last)
        return Span.of(self.text, v.start[sp.first], v.end[last])

    def resolve(self, sp: Speaker) -> tuple[str | None, str | None]:
        """(entity id, canonical name): the entity a mention covers; else a proper name read off the phrase; never a bare pronoun."""
        v = self.v
        if any(v.dep[c] == "conj" and c > sp.head for c in v.children[sp.head]):
            return None, None  # "police and residents said", "Norway and Sweden said": no one speaker
        # Only a mention holding the phrase's head and lying within the phrase counts: "the Russian foreign minister"
        # is not Russia, and a mention running past the phrase (a name span that swallowed "told the Assembly") is no name.
        first, last = v.start[sp.first], v.end[sp.last]
        rows = [r for r in self.index.overlapping(v.start[sp.head], v.end[sp.head]) if r[0] >= first and r[1] <= last]
        if rows:
            best = max(rows, key=lambda r: r[1] - r[0])
            if any(r[0] == best[0] and r[1] == best[1] and r[2].id != best[2].id for r in rows):
                return None, None  # "the two leaders said": one mention of two entities, no one speaker
            return best[2].id, best[2].name
        if is_pronoun(v, sp):
            return None, None
        named = self._apposition(sp) or self._statement_owner(sp)
        if named is not None:
            return named
        return None, name_part(v, sp)

    def _statement_owner(self, sp: Speaker) -> tuple[str | None, str | None] | None:
        """'A Defense Ministry statement said', "the Kremlin's statement said": a statement speaks for its owner."""
        v = self.v
        if v.lower[sp.head] not in statement_nouns():
            return None
        owners = [c for c in v.children[sp.head] if c < sp.head and v.dep[c] in ("compound", "poss", "nmod") and v.pos[c] == "PROPN"]
        for prep in v.children[sp.head]:  # "a statement from the ministry", "a statement by Amnesty"
            if v.dep[prep] == "prep" and v.lower[prep] in ("from", "by", "of") and sp.head < prep <= max(sp.last, sp.head + 1):
                owners += [g for g in v.children[prep] if v.dep[g] == "pobj"]
        for c in owners:
            first = v.left_edge(c)
            rows = [r for r in self.index.overlapping(v.start[c], v.end[c]) if r[0] >= v.start[first]]
            if rows:
                entity = max(rows, key=lambda r: r[1] - r[0])[2]
                return entity.id, entity.name
            return None, name_part(v, Speaker(first, c, c))
        return None

    def _apposition(self, sp: Speaker) -> tuple[str | None, str | None] | None:
        """'A spokesman, David Mutua, said' / 'said her lawyer, Kerem Aydin': the name set beside a role noun is who spoke."""
        v = self.v
        for c in v.children[sp.head]:
            if v.dep[c] != "appos" or c < sp.head or v.pos[c] != "PROPN":
                continue
            rows = self.index.overlapping(v.start[c], v.end[c])
            if rows:
                entity = max(rows, key=lambda r: r[1] - r[0])[2]
                return entity.id, entity.name
            return None, name_part(v, Speaker(v.left_edge(c), c, c))
        return None
