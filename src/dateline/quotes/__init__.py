"""Quotes: direct, indirect and mixed quotations with cue, speaker and resolved speaker entity.

The rules run in one order over one precomputed view of the parse: quotation marks are paired
(marks.py); each quotation looks for its reporting clause (direct.py) or is a transcript turn;
cue verbs outside quotations give indirect quotes (indirect.py); stand-alone quotations with no
cue continue the last speaker; finally speakers are resolved to entities (speakers.py).
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Article, Quote, Span
from . import view as view_module
from .direct import Pending, find_direct, find_transcript
from .found import Found
from .indirect import find_indirect
from .marks import Quoted, find_quoted
from .speakers import Speaker, SpeakerResolver, noun_phrase

# how many paragraphs back the last speaker may be for a stand-alone quotation to continue it
CONTINUATION_REACH = 1


def _continued(before: list[Found]) -> Found:
    """The quote a following quotation goes on from: the last one, unless that is an indirect aside of a direct
    quote's speaker in the same paragraph ('"...," she said, adding that ... "More."'), where the quotation resumes."""
    last = before[-1]
    if last.kind == "direct" or last.speaker is None:
        return last
    for f in reversed(before[:-1]):
        if f.paragraph != last.paragraph:
            break
        if f.kind == "direct" and f.speaker is not None and f.speaker.head == last.speaker.head:
            return f
    return last


def _continuations(found: list[Found], pending: list[Pending]) -> list[Found]:
    """Give each stand-alone quotation the speaker of the quote just before it, when that one is close enough."""
    out = sorted(found, key=lambda f: f.start)
    for p in pending:
        start = p.pieces[0].start
        before = [f for f in out if f.start < start]
        if not before:
            continue
        last = _continued(before)
        if last.speaker is None or not last.speech or p.paragraph - last.paragraph > CONTINUATION_REACH:
            continue
        for q in p.pieces:
            out.append(Found("direct", q.start, q.end, last.cue, last.speaker, "direct:continuation", p.paragraph))
        out.sort(key=lambda f: f.start)
    return out


def _mixed(found: list[Found], quoted: list[Quoted]) -> None:
    """An indirect quote whose content holds words in quotation marks is mixed."""
    for f in found:
        if f.kind == "indirect" and any(f.start <= q.open and (q.close or q.end) < f.end for q in quoted):
            f.kind = "mixed"


def find(doc: Doc, article: Article) -> list[Found]:
    """Every quote the rules find, in text order, before speakers are resolved."""
    v = view_module.build(doc, article)
    quoted = find_quoted(v.text)
    transcript = find_transcript(v)
    turns = {f.paragraph for f in transcript}
    quoted_here = [q for q in quoted if v.para[v.token_after(q.start)] not in turns]
    direct, pending, used = find_direct(v, quoted_here)
    direct += transcript
    spoken = [(f.start, f.end) for f in direct] + [(q.start, q.end) for p in pending for q in p.pieces]
    inside_marks = [(q.start, q.end) for q in quoted]
    indirect = find_indirect(v, inside_marks + [(f.start, f.end) for f in transcript], spoken, used)
    _mixed(indirect, quoted)
    return _continuations(direct + indirect, pending)


def _after_dateline(found: list[Found], article: Article, v: view_module.DocView) -> list[Found]:
    """The wire dateline ("OSLO, March 3 (Wire) -") is nobody's words and nobody's name: contents start after it,
    and a quote whose speaker the parser found inside it is dropped."""
    dl = article.structure.dateline
    if dl is None:
        return found
    text = article.text
    out = []
    for f in found:
        if f.speaker is not None and v.start[f.speaker.first] >= dl.start and v.end[f.speaker.last] <= dl.end:
            f.speaker = _past_dateline(v, f.speaker, dl.end)
            if f.speaker is None:
                continue
        elif f.speaker is not None and v.start[f.speaker.first] < dl.end <= v.start[f.speaker.last]:
            first = f.speaker.first  # 'BRUSSELS (Wire) - European Commission President Ursula Lindgren': the name only
            while v.start[first] < dl.end:
                first += 1
            f.speaker = Speaker(first, f.speaker.last, f.speaker.head)
        if f.start < dl.end and f.end > dl.start:
            start = max(f.start, dl.end)
            while start < f.end and (text[start].isspace() or text[start] in "-–—.:"):
                start += 1
            if len(text[start:f.end].split()) < 2:
                continue  # nothing of the content is left outside the dateline
            f.start = start
        out.append(f)
    return out


def _past_dateline(v: view_module.DocView, sp: Speaker, end: int) -> Speaker | None:
    """'STOCKHOLM (Wire) - Prime Minister Lars Holm said': the parser made the city the subject and the name its
    apposition; the name after the dateline is the speaker."""
    for c in v.children[sp.head]:
        if v.dep[c] == "appos" and v.start[c] >= end and v.pos[c] in ("PROPN", "NOUN"):
            np = noun_phrase(v, c)
            first = np.first
            while first < c and v.start[first] < end:
                first += 1
            return Speaker(first, np.last, c)
    return None


def find_quotes(doc: Doc, article: Article) -> list[Quote]:
    """Every quotation in the article, each with its speaker resolved to an entity."""
    if not article.text.strip():
        return []
    v = view_module.build(doc, article)
    resolver = SpeakerResolver(v, article)
    text = article.text
    out = []
    found = _after_dateline(find(doc, article), article, v)
    for n, f in enumerate(found, 1):
        speaker, entity, name = None, None, None
        if f.speaker is not None:
            speaker = resolver.span(f.speaker)
            entity, name = resolver.resolve(f.speaker)
        out.append(Quote(
            id=f"q{n}",
            kind=f.kind,  # type: ignore[arg-type]
            content=Span.of(text, f.start, f.end),
            cue=Span.of(text, *f.cue) if f.cue else None,
            speaker=speaker,
            speaker_entity=entity,
            speaker_name=name,
            rule=f.rule,
        ))
    return out
