"""Marks an article's text with what was found in it: entity mentions, quotes (with their speakers) and events.

Annotations overlap freely (a quote holds mentions and event triggers), so the text is cut at
every annotation boundary into flat segments; each segment carries the classes and ids of all the
annotations covering it, and a tooltip saying what they are and which rule made them. Every piece
of article text goes through markupsafe's escape: nothing in an article can become markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from ..model import Article, Event, EventActor, Quote, Span

MAX_TOOLTIP = 600


@dataclass(frozen=True, slots=True)
class Mark:
    """One annotated stretch: [start, end) of the text, which annotation, and its role there."""

    start: int
    end: int
    ann: str
    role: str  # mention, content, speaker, cue, trigger, source, target


@dataclass(slots=True)
class Note:
    """What the side panel and tooltips say about one annotation."""

    kind: str  # entity, quote, event
    title: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    evidence: str | None = None

    def tooltip(self) -> str:
        parts = [self.title, *(f"{k}: {v}" for k, v in self.fields if v)]
        return " · ".join(parts)[:MAX_TOOLTIP]

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "title": self.title, "fields": [list(f) for f in self.fields if f[1]],
                "evidence": self.evidence}


def speaker_of(article: Article, quote: Quote) -> str | None:
    """The name a quote is attributed to: the resolved name, else its entity's name, else the speaker's words."""
    if quote.speaker_name:
        return quote.speaker_name
    entity = article.entity(quote.speaker_entity)
    if entity:
        return entity.name
    return quote.speaker.text if quote.speaker else None


def actor_label(article: Article, actor: EventActor | None) -> str:
    """An event side as "words [CODE]", or "—" when the event has none."""
    if actor is None:
        return "—"
    entity = article.entity(actor.entity)
    code = actor.code or (entity.actor.code if entity and entity.actor else None)
    name = entity.name if entity else actor.text
    return f"{name} [{code}]" if code else name


def event_label(event: Event) -> str:
    """CAMEO code, PLOVER type and mode in a few characters, e.g. "051 SUPPORT (future)"."""
    label = f"{event.cameo} {event.plover or ''}".strip()
    return f"{label} ({event.mode})" if event.mode else label


def _fits(span: Span | None, size: int) -> bool:
    return span is not None and 0 <= span.start < span.end <= size


def collect(article: Article) -> tuple[list[Mark], dict[str, Note]]:
    """Every mark in the text, and a note for each annotation id (e1.., q1.., v1..)."""
    size = len(article.text)
    marks: list[Mark] = []
    notes: dict[str, Note] = {}
    for ent in article.entities:
        actor = ent.actor
        notes[ent.id] = Note("entity", f"{ent.name} ({ent.type})", [
            ("actor code", actor.code if actor else ""), ("role", (actor.role or "") if actor else ""),
            ("actor rule", (actor.rule or "") if actor else ""), ("mentions", str(len(ent.mentions))),
            ("mention rules", ", ".join(sorted({m.rule for m in ent.mentions if m.rule})))])
        marks += [Mark(m.start, m.end, ent.id, "mention") for m in ent.mentions if _fits(m, size)]
    for q in article.quotes:
        speaker = speaker_of(article, q)
        notes[q.id] = Note("quote", f"Quote {q.id} ({q.kind}) — {speaker or 'speaker unknown'}", [
            ("speaker", speaker or ""), ("speaker words", q.speaker.text if q.speaker else ""),
            ("cue", q.cue.text if q.cue else ""), ("rule", q.rule or "")], q.content.text)
        for span, role in ((q.content, "content"), (q.speaker, "speaker"), (q.cue, "cue")):
            if _fits(span, size):
                marks.append(Mark(span.start, span.end, q.id, role))  # type: ignore[union-attr]
    for v in article.events:
        notes[v.id] = Note("event", f"Event {v.id}: {event_label(v)}", [
            ("source", actor_label(article, v.source)), ("target", actor_label(article, v.target)),
            ("CAMEO", v.cameo), ("PLOVER", v.plover or ""), ("mode", v.mode or "asserted"),
            ("trigger", v.trigger.text), ("date", v.date or ""),
            ("place", v.location.name if v.location else ""),
            ("quad class", str(v.quad_class) if v.quad_class is not None else ""),
            ("Goldstein", f"{v.goldstein:+.1f}" if v.goldstein is not None else ""),
            ("reported in quote", v.reported_by or ""), ("rule", v.rule)], v.evidence.text)
        for side, role in ((v.source, "source"), (v.target, "target")):
            if side is not None and _fits(side.span, size):
                marks.append(Mark(side.span.start, side.span.end, v.id, role))  # type: ignore[union-attr]
        if _fits(v.trigger, size):
            marks.append(Mark(v.trigger.start, v.trigger.end, v.id, "trigger"))
    return marks, notes


def _tags(article: Article, size: int) -> dict[int, list[tuple[str, str, str]]]:
    """Labels shown right after a quote (its speaker) and an event trigger (its code), by text offset."""
    tags: dict[int, list[tuple[str, str, str]]] = {}
    for q in article.quotes:
        if _fits(q.content, size):
            tags.setdefault(q.content.end, []).append(("tag-quote", q.id, speaker_of(article, q) or "?"))
    for v in article.events:
        if _fits(v.trigger, size):
            tags.setdefault(v.trigger.end, []).append(("tag-event", v.id, event_label(v)))
    return tags


def render(article: Article) -> tuple[Markup, dict[str, dict[str, Any]]]:
    """The article text as escaped HTML with its annotations marked, and the notes for the side panel."""
    text = article.text
    marks, notes = collect(article)
    tags = _tags(article, len(text))
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks), *tags})
    starting: dict[int, list[Mark]] = {}
    for mark in marks:
        starting.setdefault(mark.start, []).append(mark)
    open_marks: list[Mark] = []
    out: list[str] = []
    for left, right in zip(cuts, cuts[1:] + [None]):
        for cls, ann, label in tags.get(left, []):
            out.append(f'<span class="tag {cls}" data-ann="{ann}">{escape(label)}</span>')
        if right is None:
            break
        open_marks = [m for m in open_marks if m.end > left] + starting.get(left, [])
        piece = escape(text[left:right])
        if not open_marks:
            out.append(str(piece))
            continue
        roles = sorted({f"r-{m.role}" for m in open_marks})
        anns = list(dict.fromkeys(m.ann for m in sorted(open_marks, key=lambda m: (m.end - m.start, m.ann))))
        tip = "\n".join(notes[a].tooltip() for a in anns if a in notes)
        out.append(f'<span class="hl {" ".join(roles)}" data-ann="{escape(" ".join(anns))}" '
                   f'title="{escape(tip)}" tabindex="0">{piece}</span>')
    return Markup("".join(out)), {ann: note.as_json() for ann, note in notes.items()}
