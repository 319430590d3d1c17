"""The event lexicon: CAMEO verbs and patterns, our extensions, event nouns, PLOVER types, Goldstein scores.

Data files (src/dateline/events/data/, see NOTICE there):
- cameo_verbs.json: derived from CAMEO.2.0.txt by scripts/build_event_lexicon.py (MIT).
- cameo_plover.tsv: derived from CAMEO2PLOVER-2021.txt by the same script (CC BY-SA 4.0).
- goldstein.tsv: the Goldstein (1992) conflict-cooperation weight of each CAMEO code.
- domains.tsv: ours, hand-written: heads of phrases that name no political actor (markets, weather, facilities,
  sport) and words of sports reporting.
- extensions.tsv: ours, hand-written: event nouns, light verbs, extra verbs and patterns, codes
  that PLOVER reads differently from CAMEO, PLOVER types for roots the 2021 table leaves out, and
  codes an act takes when an office holder does it (resigning).
Everything is loaded once per process and indexed by lemma.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .patterns import Pattern, build_pattern, compile_pattern

DATA = Path(__file__).with_name("data")


@dataclass(slots=True)
class VerbSense:
    """One dictionary entry of a verb lemma: its block, own code, required particles, its patterns."""

    lemma: str
    block: str
    code: str | None
    paired: str | None
    particles: tuple[str, ...]
    rule: str
    extra: list[Pattern] = field(default_factory=list)
    block_patterns: list[tuple[Pattern, frozenset[str]]] = field(default_factory=list)
    _ordered: list[Pattern] | None = None

    @property
    def patterns(self) -> list[Pattern]:
        """Our patterns first, then those CAMEO gave this verb itself (or its whole block), each by weight."""
        if self._ordered is None:
            # A pattern CAMEO recorded for another verb of the block ('take * PART') is idiom, not synonymy: skip it.
            own = [p for p, verbs in self.block_patterns if self.lemma in verbs or not verbs]
            extra = sorted(self.extra, key=lambda p: -p.weight)
            self._ordered = extra + own
        return self._ordered


@dataclass(frozen=True, slots=True)
class NounSense:
    """An event noun ('visit', 'talks', 'air strike') with the prepositions that introduce its target."""

    lemma: str
    code: str
    target_preps: tuple[str, ...]
    rule: str
    modifier: str | None = None


@dataclass(slots=True)
class Lexicon:
    """Everything the coder looks up, indexed by lowercase lemma."""

    verbs: dict[str, list[VerbSense]]
    nouns: dict[str, list[NounSense]]
    light_verbs: frozenset[str]
    plover: dict[str, tuple[str, str]]
    goldstein: dict[str, float]
    recodes: dict[str, dict[str, str]]
    inflections: dict[str, str] = field(default_factory=dict)
    synsets: dict[str, list[str]] = field(default_factory=dict)  # CAMEO's synonym sets ('TOWN', 'WEAPON')
    non_actors: frozenset[str] = frozenset()  # heads of phrases that name no political actor (domains.tsv)
    sport_words: frozenset[str] = frozenset()  # words of sports reporting (domains.tsv)

    def lemma(self, token) -> str:
        """A verb token's dictionary lemma, mending the lemmatizer's slips ('staged' → 'stag') from its inflection."""
        lemma = token.lemma_.lower()
        if lemma in self.verbs or lemma in self.light_verbs:
            return lemma
        return self.inflections.get(token.lower_, lemma)

    def recode(self, kind: str, code: str) -> str | None:
        """The intent ('intent'), refusal ('reject'), threat ('threat'), appeal ('appeal') or demand ('demand') code for an
        action code, if CAMEO has one."""
        return _lookup(self.recodes.get(kind, {}), code)

    def holder_code(self, code: str) -> str | None:
        """The code an act takes when an office holder does it ('083' resign → '0831' leave office), if any."""
        return self.recodes.get("holder", {}).get(code)

    def plover_type(self, code: str) -> str | None:
        """The PLOVER event type of a CAMEO code (most specific row of the table that covers it)."""
        row = _lookup(self.plover, code)
        return (row[0] or None) if row else None

    def plover_mode(self, code: str) -> str | None:
        """The PLOVER event mode (e.g. 'visit', 'arrest') of a CAMEO code, None when the table gives none."""
        row = _lookup(self.plover, code)
        return (row[1] or None) if row else None

    def goldstein_score(self, code: str) -> float | None:
        """The Goldstein weight of a CAMEO code, falling back to its parent code."""
        return _lookup(self.goldstein, code)


def _lookup(table: dict, code: str):
    for n in (len(code), 4, 3, 2):
        if n <= len(code) and code[:n] in table:
            return table[code[:n]]
    return None


def inflect(lemma: str) -> set[str]:
    """Regular English inflections of a verb lemma (stage → stages, staged, staging; ban → banned)."""
    forms = {lemma + "s", lemma + "ed", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.add(lemma + "es")
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def quad_class(code: str) -> int:
    """Quad class from the CAMEO root: 1 verbal and 2 material cooperation, 3 verbal and 4 material conflict."""
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def _rows(path: Path) -> list[list[str]]:
    """Tab-separated rows of a data file, without comments, blank lines or the header."""
    out = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if cells[0] in ("cameo", "kind"):  # the header row
            continue
        out.append(cells + [""] * (5 - len(cells)))
    return out


def _block_patterns(block: dict) -> list[tuple[Pattern, frozenset[str]]]:
    """A block's patterns compiled once, heaviest (most specific) first, each with the verbs it came from."""
    rows = sorted(block["patterns"], key=lambda raw: raw["line"])
    compiled = [(build_pattern(raw, f"CAMEO.2.0:{block['name']}:{raw['text']}"), frozenset(raw.get("verbs", ()))) for raw in rows]
    return sorted((c for c in compiled if c[0].pre or c[0].post), key=lambda c: -c[0].weight)


def _cameo_verbs(data: dict) -> dict[str, list[VerbSense]]:
    blocks = data["blocks"]
    compiled = {name: _block_patterns(block) for name, block in blocks.items()}
    verbs: dict[str, list[VerbSense]] = {}
    for lemma, entries in data["verbs"].items():
        for entry in entries:
            block = blocks[entry["block"]]
            code = entry.get("code", block["code"])
            paired = entry.get("paired", block.get("paired"))
            sense = VerbSense(
                lemma, entry["block"], None if code in (None, "---") else code, paired,
                tuple(entry["particles"]), f"CAMEO.2.0:{entry['block']}:{lemma}",
                block_patterns=compiled[entry["block"]],
            )
            verbs.setdefault(lemma, []).append(sense)
    return verbs


def _apply_extensions(rows: list[list[str]], verbs: dict[str, list[VerbSense]],
                      synsets: dict[str, list[str]]) -> tuple[dict, set, dict, dict]:
    nouns: dict[str, list[NounSense]] = {}
    light: set[str] = set()
    plover_extra: dict[str, tuple[str, str]] = {}
    recodes: dict[str, dict[str, str]] = {"intent": {}, "reject": {}, "threat": {}, "holder": {}, "appeal": {}, "demand": {}, "label": {}}
    for kind, key, code, arg, note in (r[:5] for r in rows):
        if kind in recodes:
            recodes[kind][key] = code
        elif kind == "noun":
            preps = tuple(p.strip() for p in arg.split(",") if p.strip())
            *mods, head = key.split()
            sense = NounSense(head, code, preps, f"noun:{key}", " ".join(mods) or None)
            nouns.setdefault(head, []).append(sense)
        elif kind == "light":
            light.add(key)
        elif kind == "verb":
            # A verb we add, or whose default code we change; it keeps its CAMEO patterns, and its phrasal
            # senses ('give in', 'take over') keep their own codes.
            senses = verbs.setdefault(key, [])
            plain = [sense for sense in senses if not sense.particles]
            if not plain:
                plain = [VerbSense(key, "dateline", None, None, (), f"dateline:verb:{key}")]
                senses.extend(plain)
            for sense in plain:
                sense.code, sense.rule = (code or None), f"dateline:verb:{key}"
        elif kind == "pattern":
            unknown = [w for w in arg.replace("{", " ").replace("}", " ").replace("(", " ").replace(")", " ").split()
                       if w.startswith("&") and w[1:] not in synsets]
            if unknown:
                raise ValueError(f"extensions.tsv: unknown synonym set {unknown[0]} in {arg!r}")
            compiled = compile_pattern(arg, synsets)
            if compiled is None:
                raise ValueError(f"extensions.tsv: pattern without '*': {arg!r}")
            pattern = build_pattern({**compiled, "code": code}, f"dateline:{key}:{arg}")
            senses = verbs.setdefault(key, [VerbSense(key, "dateline", None, None, (), f"dateline:verb:{key}")])
            for sense in senses:
                sense.extra.append(pattern)
        elif kind == "plover":
            plover_extra[key] = (code, arg)
    for senses in nouns.values():
        senses.sort(key=lambda n: n.modifier is None)  # "air strike" before "strike"
    return nouns, light, plover_extra, recodes


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """The lexicon, loaded once per process from the package's data files."""
    data = json.loads((DATA / "cameo_verbs.json").read_text("utf-8"))
    verbs = _cameo_verbs(data)
    nouns, light, plover_extra, recodes = _apply_extensions(_rows(DATA / "extensions.tsv"), verbs, data.get("synsets", {}))
    plover = {r[0]: (r[1], r[2].strip()) for r in _rows(DATA / "cameo_plover.tsv")}
    for code, row in plover_extra.items():
        plover.setdefault(code, row)
    goldstein = {r[0]: float(r[1]) for r in _rows(DATA / "goldstein.tsv")}
    known = set(verbs) | light
    inflections = {form: lemma for lemma in sorted(known) for form in inflect(lemma) if form not in known}
    domains: dict[str, set[str]] = {"nonactor": set(), "sport": set()}
    for kind, word, *_ in _rows(DATA / "domains.tsv"):
        domains.setdefault(kind, set()).add(word.lower())
    return Lexicon(verbs, nouns, frozenset(light), plover, goldstein, recodes, inflections, data.get("synsets", {}),
                   frozenset(domains["nonactor"]), frozenset(domains["sport"]))
