"""Derive the event coder's data files from the CAMEO verb dictionary and the CAMEO→PLOVER table.

Reads `../shared/data/cameo/CAMEO.2.0.txt` (PETRARCH format, MIT, Open Event Data Alliance) and
`CAMEO2PLOVER-2021.txt` (CC BY-SA 4.0) and writes, under `src/dateline/events/data/`:

- `cameo_verbs.json`: verbs by lowercase lemma (block, own code, particles of multi-word verbs),
  and per block its default code and its patterns, each compiled into elements the coder matches
  against the dependency parse (words, noun phrases, prepositional phrases, source/target markers).
- `cameo_plover.tsv`: CAMEO code → PLOVER type, PLOVER mode, PLOVER context.

Run: `.venv/bin/python scripts/build_event_lexicon.py [--shared ../shared]`. The outputs are committed,
so the package works without ../shared; rerun only when the sources or this conversion change.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dateline.events.patterns import compile_pattern, dictionary_word  # noqa: E402

OUT = ROOT / "src" / "dateline" / "events" / "data"

BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
CODE = re.compile(r"\[([0-9-]*)(?::([0-9-]*))?\]")
FORMS = re.compile(r"\{([^}]*)\}")


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    """Synonym sets (`&NAME` then `+WORD` lines) as name → lowercase words."""
    sets: dict[str, list[str]] = {}
    current: str | None = None
    for line in lines:
        text = line.split("#", 1)[0].strip()
        if text.startswith("####### VERB PATTERNS"):
            break
        if text.startswith("&"):
            current = text[1:].strip()
            sets[current] = []
        elif text.startswith("+") and current:
            sets[current].append(dictionary_word(text[1:].split()[0]))
        elif not text:
            current = None
    return sets


def _codes(text: str) -> tuple[str | None, str | None] | None:
    """The `[primary:paired]` codes of a line; '---' (explicitly no event) stays as '---'."""
    match = CODE.search(text)
    if not match:
        return None
    primary, paired = match.group(1) or None, match.group(2) or None
    return primary, paired


def _verb_entries(text: str) -> list[tuple[str, list[str], list[str]]]:
    """A verb line as (lemma, particles, forms): '+MEET_WITH {+MET_WITH}' → ('meet', ['with'], ['met'])."""
    forms_match = FORMS.search(text)
    forms = forms_match.group(1).split() if forms_match else []
    head = FORMS.sub(" ", CODE.sub(" ", text)).split()
    if not head:
        return []
    word = head[0]
    multi = word.startswith("+")
    parts = [p for p in word.lstrip("+").split("_") if p]
    if not parts:
        return []
    if multi or len(parts) > 1 and parts[0] not in ("RE",):
        lemma, particles = parts[0].lower(), [p.lower() for p in parts[1:]]
    else:
        lemma, particles = "".join(parts).lower(), []
    form_words = [f.lstrip("+").split("_")[0].lower() for f in forms]
    return [(lemma, particles, form_words)]


def read_verbs(lines: list[str], synsets: dict[str, list[str]]) -> tuple[dict, dict]:
    """Verb entries by lemma and blocks (default code, patterns) by name."""
    verbs: dict[str, list[dict]] = {}
    blocks: dict[str, dict] = {}
    block: dict | None = None
    forms_of: dict[str, str] = {}
    in_verbs = False
    for lineno, line in enumerate(lines, 1):
        raw = line.rstrip("\n")
        if raw.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if raw.startswith("######## TRANSFORMATIONS"):
            break
        if not in_verbs:
            continue
        head = BLOCK.match(raw)
        if head:
            primary, paired = _codes(raw) or (None, None)
            block = {"name": head.group(1), "code": primary, "paired": paired, "patterns": [], "line": lineno}
            blocks[block["name"]] = block
            continue
        if block is None:
            continue
        text, _, comment = raw.partition("#")
        stripped = text.strip()
        if not stripped:
            continue
        if stripped.startswith("-"):
            codes = _codes(stripped)
            if codes is None:
                continue
            body = CODE.split(stripped[1:])[0].strip()
            compiled = compile_pattern(body, synsets)
            if compiled is None:
                continue
            origin = [forms_of.get(dictionary_word(w).split()[0], dictionary_word(w).split()[0]) for w in comment.split(",") if w.strip()]
            block["patterns"].append({
                "text": " ".join(body.split()), "code": codes[0], "paired": codes[1],
                "verbs": sorted(set(origin)), "line": lineno, **compiled,
            })
            continue
        for lemma, particles, forms in _verb_entries(stripped):
            own = _codes(stripped)
            entry = {"block": block["name"], "particles": particles, "line": lineno}
            if own:
                entry["code"], entry["paired"] = own
            verbs.setdefault(lemma, []).append(entry)
            for form in forms:
                forms_of.setdefault(form, lemma)
            forms_of.setdefault(lemma, lemma)
    _resolve_origins(verbs, blocks, forms_of)
    return verbs, blocks


def _base(word: str, known: set[str], forms_of: dict[str, str]) -> str | None:
    """The block verb an inflected form in a pattern comment stands for ('RULED_OUT' → 'rule')."""
    if word in forms_of and forms_of[word] in known:
        return forms_of[word]
    for cut, add in (("", ""), ("s", ""), ("es", ""), ("ed", ""), ("d", ""), ("ing", ""), ("ing", "e"), ("ied", "y"), ("ies", "y")):
        if word.endswith(cut) and (stem := word[: len(word) - len(cut)] + add) in known:
            return stem
        if cut in ("ed", "ing") and word.endswith(cut) and len(word) > len(cut) + 2:
            stem = word[: -len(cut) - 1]
            if word[-len(cut) - 1] == word[-len(cut) - 2] and stem in known:
                return stem
    return None


def _resolve_origins(verbs: dict[str, list[dict]], blocks: dict[str, dict], forms_of: dict[str, str]) -> None:
    """Tie each pattern to the block verbs its comment names; a pattern naming none applies to all."""
    members: dict[str, set[str]] = {}
    for lemma, entries in verbs.items():
        for entry in entries:
            members.setdefault(entry["block"], set()).add(lemma)
    for name, block in blocks.items():
        known = members.get(name, set())
        for pattern in block["patterns"]:
            resolved = {b for w in pattern["verbs"] if (b := _base(w, known, forms_of))}
            pattern["verbs"] = sorted(resolved)


def read_plover(path: Path) -> list[tuple[str, str, str, str]]:
    """Rows (cameo, plover type, plover mode, context) of the CAMEO→PLOVER table."""
    rows = []
    for line in path.read_text("utf-8").splitlines():
        text = line.split("#", 1)[0].strip()
        match = re.match(r"^(\d{2,4}):\s*(.*)$", text)
        if not match:
            continue
        fields = [f.strip() for f in match.group(2).split(",")]
        fields += [""] * (3 - len(fields))
        rows.append((match.group(1), fields[0], fields[1], fields[2]))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args(argv)
    cameo_dir = args.shared / "data" / "cameo"
    verb_file, plover_file = cameo_dir / "CAMEO.2.0.txt", cameo_dir / "CAMEO2PLOVER-2021.txt"
    if not verb_file.exists() or not plover_file.exists():
        print(f"missing {verb_file} or {plover_file}", file=sys.stderr)
        return 1
    lines = verb_file.read_text("utf-8", errors="replace").splitlines()
    synsets = read_synsets(lines)
    verbs, blocks = read_verbs(lines, synsets)
    OUT.mkdir(parents=True, exist_ok=True)
    lexicon = {
        "source": "CAMEO.2.0.txt (CAMEO verb pattern dictionary, Open Event Data Alliance, MIT), converted by scripts/build_event_lexicon.py",
        "verbs": dict(sorted(verbs.items())),
        "blocks": dict(sorted(blocks.items())),
    }
    (OUT / "cameo_verbs.json").write_text(json.dumps(lexicon, separators=(",", ":"), sort_keys=False) + "\n", "utf-8")
    rows = read_plover(plover_file)
    with (OUT / "cameo_plover.tsv").open("w", encoding="utf-8") as out:
        out.write("# CAMEO code -> PLOVER type, mode, context; from CAMEO2PLOVER-2021.txt (PLOVER Draft 0.8, CC BY-SA 4.0)\n")
        out.write("cameo\tplover\tmode\tcontext\n")
        for row in rows:
            out.write("\t".join(row) + "\n")
    n_patterns = sum(len(b["patterns"]) for b in blocks.values())
    print(f"{len(verbs)} verb lemmas, {len(blocks)} blocks, {n_patterns} patterns, {len(synsets)} synsets, {len(rows)} PLOVER rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
