"""Direct quotes: a quoted stretch and the reporting clause around it ("...," he said / Lavrov said: "...").

Each stretch of words inside quotation marks looks for its cue in the words after the closing mark up to the
end of the sentence (the trailing frame), then in the words before the opening mark back to the start of the
sentence (the leading frame), then inside itself ("We will, he said, win"). A stretch with no cue that stands
alone as a sentence or paragraph is left for the continuation rule (the last speaker goes on); any other
(a scare quote, a title, a fragment inside an indirect quote) is not a direct quote.
"""

from __future__ import annotations

from dataclasses import dataclass

from .cues import Cue, cue_at
from .found import Found
from .marks import Quoted
from .speakers import Speaker, name_from, noun_phrase, speaker_of
from .view import DocView

_MARK_CHARS = frozenset("\"“”«»‘’")
_LEAD_PUNCT = frozenset({":", ",", "—", "–", "-", "―"})
_DASHES = frozenset({"—", "―", "–", "--"})
_TRANSPARENT = frozenset({"PUNCT", "ADV", "SPACE", "PART"})
_FRAME_MAX = 30
# how many words a reporting clause after a quotation that closed its own sentence may have: few after a capital
# (else a new sentence), more after a small letter ('?" a narrator in the campaign ad asks.')
_CLAUSE_WORDS = {False: 6, True: 12}


@dataclass(slots=True)
class Attribution:
    """A cue found for a quoted stretch: cue token range, speaker, and the rule that found it."""

    cue_first: int
    cue_last: int
    speaker: Speaker | None
    rule: str
    chars: tuple[int, int] | None = None  # the cue's characters when they are only part of a token


@dataclass(slots=True)
class Pending:
    """A quoted stretch with no cue of its own that stands alone: the continuation rule decides it later."""

    pieces: list[Quoted]
    paragraph: int


def _is_mark(v: DocView, i: int) -> bool:
    word = v.words[i]
    return word in ("''", "``") or all(ch in _MARK_CHARS for ch in word)


def _frame_after(v: DocView, char: int, para: int) -> list[int]:
    """Tokens after a closing mark, to the end of the sentence (or paragraph, or the next quotation)."""
    out = []
    i = v.token_after(char)
    while i < len(v) and len(out) < _FRAME_MAX:
        if v.para[i] != para or v.pos[i] == "SPACE" and "\n" in v.words[i] or _is_mark(v, i):
            break
        out.append(i)
        if v.is_sentence_end(i):
            break
        i += 1
    return out


def _frame_before(v: DocView, char: int, para: int) -> list[int]:
    """Tokens before an opening mark, back to the start of the sentence (or paragraph, or the last quotation)."""
    out = []
    i = v.token_at(char) - 1 if char > 0 else -1
    while i >= 0 and len(out) < _FRAME_MAX:
        if v.para[i] != para or v.is_sentence_end(i) or _is_mark(v, i) or v.pos[i] == "SPACE":
            break
        out.append(i)
        i -= 1
    out.reverse()
    return out


def _has_words(v: DocView, tokens: list[int]) -> bool:
    return any(v.pos[i] not in ("PUNCT", "SPACE", "SYM") for i in tokens)


def _cues(v: DocView, tokens: list[int]) -> list[tuple[int, Cue, int]]:
    out = []
    last = tokens[-1] if tokens else -1
    for i in tokens:
        hit = cue_at(v.lower, v.pos, i)
        if hit is not None and hit[1] - 1 <= last:
            out.append((i, hit[0], hit[1] - 1))
    return out


def _trailing(v: DocView, frame: list[int], ends_sentence: bool) -> Attribution | None:
    """A cue at the head of the words after the quote: '," he said', '," said the minister', '," Lavrov, 68, told reporters'."""
    words = [i for i in frame if v.pos[i] not in ("PUNCT", "SPACE")]
    if not words:
        return None
    if ends_sentence and (len(words) > _CLAUSE_WORDS[v.words[words[0]][:1].islower()] or v.words[words[0]][:1].isupper() and len(words) > 4):
        return None  # a new sentence after a quote that ended with its own full stop (a small letter goes on the same one)
    for c, cue, c_last in _cues(v, frame):
        if any(v.dep[ch] == "ccomp" and ch > c_last for ch in v.children[c]):
            return None  # '"Face the Nation," Ryan said the shootings...': the verb reports its own clause
        sp = speaker_of(v, c, cue)
        if c > frame[0] and (sp is None or sp.head > c_last or sp.head < frame[0]) and v.pos[frame[0]] != "VERB":
            sp = name_from(v, frame[0], c) or sp  # '"...," Flynn, a top aide, said Thursday': the name before the cue
        allowed: set[int] = set()
        if sp is not None and sp.last < c:
            allowed = set(range(v.left_edge(sp.head), v.right_edge(sp.head) + 1))
        for i in frame:
            if i >= c:
                break
            if i not in allowed and v.pos[i] not in _TRANSPARENT and v.dep[i] not in ("aux", "neg", "auxpass"):
                return None
        return Attribution(c, c_last, sp, "direct:trailing")
    return None


def _signature(v: DocView, close_end: int, para: int) -> Attribution | None:
    """'“...” ― Sonya Herridge': a dash then a name closing the paragraph (testimonials, embedded posts)."""
    i = close_end
    while i < len(v.text) and v.text[i] == " ":
        i += 1
    if i >= len(v.text) or v.text[i] not in "—―–":
        return None
    dash = v.token_at(i)
    first = v.token_after(i + 1)
    if first >= len(v) or v.para[first] != para or v.pos[first] != "PROPN":
        return None
    last = first
    while last + 1 < len(v) and v.pos[last + 1] == "PROPN" and v.para[last + 1] == para:
        last += 1
    return Attribution(dash, dash, Speaker(first, last, last), "direct:signature", (i, i + 1))


def _leading(v: DocView, frame: list[int], after_close: list[int]) -> Attribution | None:
    """A cue just before the quote: 'Lavrov said: "', 'He added, "', 'According to the diplomat, "', 'he said "'."""
    if not frame:
        return None
    before = frame[-1]
    cues = _cues(v, frame)
    if not cues:
        return None
    c, cue, c_last = cues[-1]
    if before != c_last and v.words[before] not in _LEAD_PUNCT:
        return None
    between = [i for i in frame if c_last < i < before]
    if any(v.pos[i] in ("VERB", "AUX") for i in between):
        return None
    if v.words[before] == "," and any(v.words[i] in (",", ";") for i in between):
        return None
    if _has_words(v, after_close) and not _participle_follows(v, after_close):
        return None  # the sentence goes on after the quotation: a fragment inside someone's clause
    if before == c_last and _reported_by(v, c, frame):
        return None
    return Attribution(c, c_last, speaker_of(v, c, cue), "direct:leading")


def _reported_by(v: DocView, c: int, frame: list[int]) -> bool:
    """'She said Moscow would respond "in a mirror manner"': a cue inside the clause another cue reports, with no
    colon or comma before the quotation, frames a fragment of that clause, not a quotation of its own."""
    node = c
    while v.dep[node] == "xcomp" and v.head[node] != node:  # "would have to respond"
        node = v.head[node]
    if v.dep[node] != "ccomp" or v.head[node] == node or not any(v.dep[ch] == "nsubj" for ch in v.children[node]):
        return False  # "but said ...": a second cue with no subject of its own frames its own quotation
    outer = v.head[node]
    hit = cue_at(v.lower, v.pos, outer) if outer in frame else None
    return hit is not None and hit[0].kind == "speech"  # "denouncing what it calls "..."" quotes the inner verb


def _participle_follows(v: DocView, after_close: list[int]) -> bool:
    """'Holm said: "...," adding that ...': a participle after the comma goes on with the same speaker's words."""
    words = [i for i in after_close if v.pos[i] not in ("PUNCT", "SPACE")]
    if not words or v.tag[words[0]] != "VBG":
        return False
    i = words[0] - 1
    while i >= 0 and v.pos[i] in ("PUNCT", "SPACE") and v.words[i] != ",":
        i -= 1
    return i >= 0 and v.words[i] == ","  # the comma may stand inside the marks (',"') or after them ('",')


def _opens_clause(v: DocView, lead_frame: list[int]) -> bool:
    """A quotation followed by its reporting clause starts a sentence or follows a colon, comma, dash or cue;
    one that follows other words ('on CBS's "Face the Nation," Ryan said') is a title or a fragment."""
    if not lead_frame:
        return True
    before = lead_frame[-1]
    return v.words[before] in _LEAD_PUNCT or cue_at(v.lower, v.pos, before) is not None or v.pos[before] == "SCONJ"


def _parenthetical(v: DocView, first: int, last: int) -> Attribution | None:
    """'We will, he said, never accept this': a reporting clause between commas inside the marks."""
    tokens = list(range(first, last + 1))
    for c, cue, c_last in _cues(v, tokens):
        sp = speaker_of(v, c, cue)
        if sp is None:
            continue
        lo, hi = min(sp.first, c), max(sp.last, c_last)
        if lo - 1 >= first and v.words[lo - 1] == "," and hi + 1 <= last and v.words[hi + 1] in (",", "."):
            if hi - lo <= 6:
                return Attribution(c, c_last, sp, "direct:parenthetical")
    return None


def _colon_paragraph(v: DocView, q: Quoted, para: int) -> list[int]:
    """For a quotation opening its paragraph: the previous paragraph's last sentence when it ends with a colon."""
    i = v.token_at(q.open) - 1
    while i >= 0 and v.pos[i] == "SPACE":
        i -= 1
    if i < 0 or v.words[i] != ":" or v.para[i] != para - 1:
        return []
    return _frame_before(v, v.start[i] + 1, para - 1)


def _ends_sentence(text: str, q: Quoted) -> bool:
    tail = text[q.start:q.end].rstrip()
    return tail.endswith((".", "!", "?", "…"))


def _title_like(text: str) -> bool:
    """Most words capitalised and no closing punctuation: a title or a name, not speech."""
    words = [w for w in text.split() if w[:1].isalpha()]
    if not words or text.rstrip().endswith((".", "!", "?", ",")):
        return not words
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) >= 0.7


def _groups(quoted: list[Quoted]) -> list[list[Quoted]]:
    """Stretches chained across paragraphs (each continuing the one before) form one quotation."""
    groups: list[list[Quoted]] = []
    for q in quoted:
        if q.continues and groups and groups[-1][-1].close is None:
            groups[-1].append(q)
        else:
            groups.append([q])
    return groups


def _word_count(v: DocView, q: Quoted) -> int:
    lo, hi = v.token_after(q.start), v.token_at(q.end - 1)
    return sum(1 for i in range(lo, hi + 1) if v.pos[i] not in ("PUNCT", "SPACE", "SYM"))


def attribute(v: DocView, group: list[Quoted]) -> Attribution | None:
    """The cue and speaker of one quotation, from its frames or from inside it."""
    head, tail = group[0], group[-1]
    para_head = v.para[v.token_after(head.start)]
    para_tail = v.para[v.token_at(tail.end - 1)]
    after = _frame_after(v, tail.close_end, para_tail) if tail.close_end is not None else []
    lead_frame = _frame_before(v, head.open, para_head) or _colon_paragraph(v, head, para_head)
    trailing = _signature(v, tail.close_end, para_tail) if tail.close_end is not None else None
    if trailing is None and after and _opens_clause(v, lead_frame):
        trailing = _trailing(v, after, _ends_sentence(v.text, tail))
    if trailing is not None and (trailing.speaker is not None or not lead_frame):
        return trailing
    # words after a quotation that closed its own sentence ("...smart.” Trump was...") start a new one
    rest = [] if trailing is not None or _ends_sentence(v.text, tail) else after
    leading = _leading(v, lead_frame, rest)
    if leading is not None:
        return leading
    if trailing is not None:
        return trailing
    for q in group:
        inside = _parenthetical(v, v.token_after(q.start), v.token_at(q.end - 1))
        if inside is not None:
            return inside
    return None


def find_direct(v: DocView, quoted: list[Quoted]) -> tuple[list[Found], list[Pending], set[int]]:
    """Direct quotes with their own cue; stand-alone uncued quotations left pending; the cue tokens used."""
    found: list[Found] = []
    pending: list[Pending] = []
    used: set[int] = set()
    for group in _groups(quoted):
        head = group[0]
        para = v.para[v.token_after(head.start)]
        words = sum(_word_count(v, q) for q in group)
        if words == 0:
            continue
        att = attribute(v, group)
        in_head = v.in_head_zone(head.open)
        if att is not None and not (in_head and att.speaker is None) and (words > 2 or att.rule != "direct:leading"):
            cue = att.chars or (v.start[att.cue_first], v.end[att.cue_last])
            used.update(range(att.cue_first, att.cue_last + 1))
            for n, q in enumerate(group):
                rule = att.rule if n == 0 else "direct:multi-paragraph"
                found.append(Found("direct", q.start, q.end, cue, att.speaker, rule, v.para[v.token_after(q.start)]))
            continue
        if in_head or words < 3 or not head.double:
            continue
        text = v.text[head.start:group[-1].end]
        if _title_like(text):
            continue
        lead = _frame_before(v, head.open, para)
        tail = group[-1]
        after = _frame_after(v, tail.close_end, v.para[v.token_at(tail.end - 1)]) if tail.close_end is not None else []
        if not _has_words(v, lead) and not _has_words(v, after):
            pending.append(Pending(group, para))
    return found, pending, used


def find_transcript(v: DocView) -> list[Found]:
    """'WALLACE: Let's start with...': a paragraph opened by a speaker's name in capitals and a colon (interviews, transcripts)."""
    out = []
    for first, last in v.para_bounds:
        while first < last and _is_mark(v, first):
            first += 1
        i = first
        while i < last and i - first < 3 and v.words[i].isupper() and len(v.words[i]) > 1 and v.pos[i] in ("PROPN", "NOUN"):
            i += 1
        if i == first or i >= last - 1 or v.words[i] != ":":
            continue
        end = last - 1
        while end > i and v.pos[end] == "SPACE":
            end -= 1
        start_tok = i + 1
        if end - start_tok < 2:
            continue
        sp = noun_phrase(v, i - 1)
        sp = Speaker(first, i - 1, i - 1) if sp.first > first else sp
        out.append(Found("direct", v.start[start_tok], v.end[end], (v.start[i], v.end[i]), sp, "direct:transcript", v.para[first]))
    return out
