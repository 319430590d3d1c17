"""The wire evaluation set shipped in the repo (evaluation/wire): stories and gold with their character spans located.

The set's conventions are in evaluation/wire/GUIDELINES.md; this module reads them into plain objects the scorer
matches against, and lists whatever in gold.json breaks them (a span that is not in its story, a malformed code).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

WIRE_DIR = Path(__file__).resolve().parents[3] / "evaluation" / "wire"
SPLITS = ("dev", "test")
QUOTE_KINDS = frozenset({"direct", "indirect", "mixed"})
MODES = frozenset({"future", "negated", "hypothetical"})

_CAMEO = re.compile(r"^\d{2,4}$")
_ACTOR = re.compile(r"^(?:[A-Z]{3})+$")
_DATE = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$")

Span = tuple[int, int]


def normalize_name(name: str | None) -> str:
    """A speaker name compared without case, Unicode form, curly apostrophes, a possessive 's or a leading 'the'."""
    text = unicodedata.normalize("NFC", (name or "").replace("’", "'")).casefold()
    text = " ".join(re.sub(r"'s\b", "", text).split())
    return text[4:] if text.startswith("the ") else text


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """One gold attribution: its content words, the cue and who may be named as speaker (empty when anonymous)."""

    kind: str
    content: str
    span: Span
    cue: str | None
    speaker: str | None
    names: frozenset[str]


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One gold event with the codes, actors and modes a careful coder could defend."""

    index: int
    source: str | None
    target: str | None
    cameo: str
    plover: str | None
    acceptable: tuple[str, ...]
    mode: str | None
    modes_ok: tuple[str | None, ...]
    date: str | None
    location: str | None
    location_country: str | None
    evidence: str
    span: Span
    alts: tuple[Span, ...]
    reported: bool
    sources: tuple[str | None, ...]
    targets: tuple[str | None, ...]

    def code_ok(self, code: str) -> bool:
        """A predicted code is right when it starts with the gold code or an acceptable one (codes are prefixes)."""
        return any(code.startswith(c) for c in (self.cameo, *self.acceptable))

    def root_ok(self, code: str) -> bool:
        """The looser test: the predicted code's CAMEO root is the root of the gold code or of an acceptable one."""
        return code[:2] in {c[:2] for c in (self.cameo, *self.acceptable)}


@dataclass(frozen=True, slots=True)
class Trap:
    """A non-event: words a coder must not code, except with the codes or modes it tolerates."""

    evidence: str
    span: Span
    note: str
    acceptable: tuple[str, ...]
    modes: tuple[str, ...]

    def tolerates(self, code: str, mode: str | None) -> bool:
        """Whether an event coded here with this code and mode is defensible."""
        return any(code.startswith(c) for c in self.acceptable) or (mode is not None and mode in self.modes)


@dataclass(frozen=True, slots=True)
class GoldStory:
    """A story of the set: its text, publication date, split and gold."""

    name: str
    split: str
    published: str
    path: Path
    text: str
    body_start: int
    quotes: tuple[GoldQuote, ...]
    events: tuple[GoldEvent, ...]
    traps: tuple[Trap, ...]


def _span(text: str, words: str) -> Span:
    start = text.find(words)
    return (start, start + len(words)) if start >= 0 else (-1, -1)


def _quote(text: str, q: dict[str, Any]) -> GoldQuote:
    names = frozenset(normalize_name(n) for n in [q.get("speaker"), *q.get("speaker_alternatives", [])] if n)
    return GoldQuote(q["kind"], q["content"], _span(text, q["content"]), q.get("cue"), q.get("speaker"), names)


def _event(text: str, index: int, e: dict[str, Any]) -> GoldEvent:
    return GoldEvent(
        index=index, source=e.get("source"), target=e.get("target"), cameo=e["cameo"], plover=e.get("plover"),
        acceptable=tuple(e.get("acceptable", [])), mode=e.get("mode"), modes_ok=(e.get("mode"), *e.get("mode_acceptable", [])),
        date=e.get("date"), location=e.get("location"), location_country=e.get("location_country"),
        evidence=e["evidence"], span=_span(text, e["evidence"]), alts=tuple(_span(text, a) for a in e.get("evidence_alt", [])),
        reported=bool(e.get("reported_by_quote")),
        sources=(e.get("source"), *e.get("source_acceptable", [])), targets=(e.get("target"), *e.get("target_acceptable", [])),
    )


def _trap(text: str, n: dict[str, Any]) -> Trap:
    return Trap(n["evidence"], _span(text, n["evidence"]), n.get("note", ""), tuple(n.get("acceptable", [])), tuple(n.get("allowed_modes", [])))


def read_gold(directory: Path = WIRE_DIR) -> dict[str, Any]:
    """gold.json as stored."""
    return json.loads((directory / "gold.json").read_text("utf-8"))


def load(directory: Path = WIRE_DIR) -> list[GoldStory]:
    """Every story of the set with its gold, in file-name order."""
    out = []
    for name, s in sorted(read_gold(directory)["stories"].items()):
        path = directory / "stories" / name
        text = path.read_text("utf-8")
        body = text.find(s.get("body_starts_with", ""))
        out.append(GoldStory(
            name=name, split=s["split"], published=s["published"], path=path, text=text, body_start=max(body, 0),
            quotes=tuple(_quote(text, q) for q in s["quotes"]),
            events=tuple(_event(text, i, e) for i, e in enumerate(s["events"])),
            traps=tuple(_trap(text, n) for n in s["non_events"]),
        ))
    return out


def available(directory: Path = WIRE_DIR) -> bool:
    """Whether the set is here (it lives in the repo, not in an installed package)."""
    return (directory / "gold.json").is_file()


def _code_problems(where: str, codes: list[Any]) -> list[str]:
    return [f"{where}: malformed CAMEO code {c!r}" for c in codes if not isinstance(c, str) or not _CAMEO.match(c)]


def _actor_problems(where: str, codes: list[Any], nullable: bool) -> list[str]:
    return [f"{where}: malformed actor code {c!r}" for c in codes
            if not (c is None and nullable) and not (isinstance(c, str) and _ACTOR.match(c))]


def _unique(where: str, text: str, words: Any) -> list[str]:
    if not isinstance(words, str) or not words:
        return [f"{where}: no text"]
    count = text.count(words)
    return [] if count == 1 else [f"{where}: {'not in the story' if count == 0 else 'found more than once'}: {words[:60]!r}"]


def _event_problems(where: str, text: str, e: dict[str, Any]) -> list[str]:
    from ..events.lexicon import load as lexicon

    out = _code_problems(where, [e.get("cameo"), *e.get("acceptable", [])])
    out += _actor_problems(where, [e.get("source"), *e.get("source_acceptable", [])], nullable=False)
    out += _actor_problems(where, [e.get("target"), *e.get("target_acceptable", [])], nullable=True)
    if not out and e.get("plover") != lexicon().plover_type(e["cameo"]):
        out.append(f"{where}: plover {e.get('plover')!r} is not the table's type for {e['cameo']}")
    for mode in (e.get("mode"), *e.get("mode_acceptable", [])):
        if mode is not None and mode not in MODES:
            out.append(f"{where}: unknown mode {mode!r}")
    if e.get("date") is not None and not _DATE.match(str(e["date"])):
        out.append(f"{where}: malformed date {e['date']!r}")
    if e.get("location_country") is not None and not re.match(r"^[A-Z]{3}$", str(e["location_country"])):
        out.append(f"{where}: malformed location_country {e['location_country']!r}")
    if not isinstance(e.get("reported_by_quote"), bool):
        out.append(f"{where}: reported_by_quote must be true or false")
    for words in (e.get("evidence"), *e.get("evidence_alt", [])):
        out += _unique(where, text, words)
    return out


def problems(directory: Path = WIRE_DIR) -> list[str]:
    """Everything in gold.json that breaks the guidelines' form: spans not in their story, malformed codes, dates, modes."""
    out: list[str] = []
    for name, s in sorted(read_gold(directory)["stories"].items()):
        path = directory / "stories" / name
        if not path.is_file():
            out.append(f"{name}: story file missing")
            continue
        text = path.read_text("utf-8")
        number = int(name[:2]) if name[:2].isdigit() else -1
        if s.get("split") != ("dev" if number % 2 else "test"):
            out.append(f"{name}: split should be {'dev' if number % 2 else 'test'} (odd numbers are dev)")
        if not _DATE.match(str(s.get("published"))) or len(str(s.get("published"))) != 10:
            out.append(f"{name}: published must be YYYY-MM-DD")
        out += _unique(f"{name} body_starts_with", text, s.get("body_starts_with"))
        for i, q in enumerate(s.get("quotes", [])):
            where = f"{name} quote {i + 1}"
            if q.get("kind") not in QUOTE_KINDS:
                out.append(f"{where}: unknown kind {q.get('kind')!r}")
            if q.get("content") not in text:
                out.append(f"{where}: content not in the story: {str(q.get('content'))[:60]!r}")
            if q.get("cue") is not None and q["cue"] not in text:
                out.append(f"{where}: cue not in the story: {q['cue']!r}")
        for i, e in enumerate(s.get("events", [])):
            out += _event_problems(f"{name} event {i + 1}", text, e)
        for i, n in enumerate(s.get("non_events", [])):
            where = f"{name} non-event {i + 1}"
            out += _unique(where, text, n.get("evidence")) + _code_problems(where, n.get("acceptable", []))
            out += [f"{where}: unknown mode {m!r}" for m in n.get("allowed_modes", []) if m not in MODES | {"historical"}]
    return out
