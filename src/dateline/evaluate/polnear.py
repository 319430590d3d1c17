"""Reads the PolNeAR attribution corpus (brat standoff) into gold attributions per article and annotator.

Layout (../shared/eval/quotes/polnear-dev): `text/<name>.txt` holds an article; `attributions/<name>_<annotator>.ann`
holds one annotator's coding of it. In an .ann file, `T` lines are text-bound spans (`Source`, `Cue`, `Content`,
`Attribution`, plus `Discuss`/`Discard` that we ignore), possibly discontinuous (`s e;s e`), and `E` lines tie
them into one attribution: `E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1` (or `Attribution-no-source:...`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

Ranges = tuple[tuple[int, int], ...]

_ANN_NAME = re.compile(r"^(?P<doc>.+)_(?P<annotator>[0-9a-f]{4})\.ann$")


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One annotated attribution: who (source), the cue, and what (content), as character ranges."""

    content: Ranges
    cue: Ranges = ()
    source: Ranges = ()


@dataclass(slots=True)
class GoldDocument:
    """An article's text and each annotator's attributions for it."""

    name: str
    text: str
    annotations: dict[str, list[GoldAttribution]] = field(default_factory=dict)


def _ranges(spec: str) -> Ranges:
    """Parse brat's `s e;s e` range list."""
    out = []
    for part in spec.split(";"):
        start, end = part.split()
        out.append((int(start), int(end)))
    return tuple(out)


def parse_ann(content: str) -> list[GoldAttribution]:
    """The attributions of one .ann file; events without a content span are dropped (nothing to score)."""
    spans: dict[str, tuple[str, Ranges]] = {}
    events: list[dict[str, str]] = []
    for line in content.splitlines():
        parts = line.split("\t")
        if not parts or not parts[0]:
            continue
        if parts[0].startswith("T") and len(parts) >= 2:
            label, _, spec = parts[1].partition(" ")
            spans[parts[0]] = (label, _ranges(spec))
        elif parts[0].startswith("E") and len(parts) >= 2:
            roles = {}
            for arg in parts[1].split():
                role, _, ref = arg.partition(":")
                roles[role] = ref
            events.append(roles)
    out = []
    for roles in events:
        if not any(r.startswith("Attribution") for r in roles):
            continue
        content = spans.get(roles.get("Content", ""))
        if content is None:
            continue
        cue = spans.get(roles.get("Cue", ""))
        source = spans.get(roles.get("Source", ""))
        out.append(GoldAttribution(content=content[1], cue=cue[1] if cue else (), source=source[1] if source else ()))
    return out


def load_corpus(root: Path) -> list[GoldDocument]:
    """Every article of a PolNeAR split with its annotators' attributions, sorted by name."""
    docs: dict[str, GoldDocument] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        match = _ANN_NAME.match(ann.name)
        if match is None:
            continue
        name = match["doc"]
        text_path = root / "text" / f"{name}.txt"
        if not text_path.exists():
            continue
        if name not in docs:
            docs[name] = GoldDocument(name, text_path.read_text("utf-8"))
        docs[name].annotations[match["annotator"]] = parse_ann(ann.read_text("utf-8"))
    return [docs[k] for k in sorted(docs)]
