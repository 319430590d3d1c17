"""People the small NER model misreads: a known first name it took for a place ('Sofia Marchetti', 'Tatyana' GPE +
'Voronina' LOC), a titled name it took for an organisation ('commissioner Tatyana Belova' as ORG), a name in
apposition to a word for one person ('Its chief, Amara Diallo,' as ORG). Such spans are relabelled PERSON before
they become candidates, so coreference and quotes see a person (with a gender, a surname, pronouns).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..coref.lexicon import first_names, role_nouns
from .codes import kind_of
from .lexicon import Hit


def first_name(toks: list[Token], i: int) -> bool:
    """A capitalised known first name followed by another capitalised name word ('Sofia Marchetti', 'Tatyana Voronina')."""
    nxt = i + 1
    return (toks[i].lower_ in first_names() and toks[i].text[:1].isupper() and nxt < len(toks)
            and toks[nxt].pos_ == "PROPN" and toks[nxt].text[:1].isupper())


def _titled(toks: list[Token], hits: dict[int, Hit], i: int) -> bool:
    """A title word or role noun just before token i ('commissioner Tatyana ...', 'Minister Tatyana ...')."""
    j = i - 1
    if j < 0:
        return False
    hit = hits.get(j)
    return (toks[j].pos_ == "NOUN" and toks[j].text.islower()) or bool(hit and hit.first("agent") and hit.end == i)


def _beside_person_word(hits: dict[int, Hit], ent: Span) -> bool:
    """'Its chief, Amara Diallo,' / 'a farmer, Sani Bello,': a name in apposition to a word for one person is a person."""
    root = ent.root
    if root.dep_ != "appos" or root.head.i >= ent.start or root.head.pos_ != "NOUN":
        return False
    if root.head.lower_ in role_nouns():
        return True
    hit = hits.get(root.head.i)
    agent = hit.first("agent") if hit is not None else None
    return agent is not None and kind_of(agent) == "person"


def people_spans(doc: Doc, toks: list[Token], hits: dict[int, Hit], ents: list[Span]) -> list[Span]:
    """The NER spans with misread people relabelled PERSON (and a split first name and surname joined)."""
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if (prev is not None and prev.end == ent.start and prev.end - prev.start == 1 and prev.label_ != "PERSON"
                and first_name(toks, prev.start) and _titled(toks, hits, prev.start) and all(t.pos_ == "PROPN" for t in ent)
                and not (ent.start in hits and hits[ent.start].first("place"))):
            out[-1] = Span(doc, prev.start, ent.end, label="PERSON")
            continue
        if (ent.label_ != "PERSON" and 2 <= len(ent) <= 3 and all(t.pos_ == "PROPN" for t in ent)
                and not any(i in hits for i in range(ent.start, ent.end))
                and (first_name(toks, ent.start) and _titled(toks, hits, ent.start) or _beside_person_word(hits, ent))):
            ent = Span(doc, ent.start, ent.end, label="PERSON")
        out.append(ent)
    return out
