"""Scores the actor stage: the seed's gold entities, and code_phrase on the PLOVER gold actors."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..actors import code_phrase_all, find_entities
from ..actors.codes import iso_code
from ..model import Actor, Entity, RawDocument, Source
from ..paths import shared_path
from ..structure import build_article

_PRONOUNS = {"he", "she", "his", "her", "they", "it", "its", "their"}
_GOLD_SECTORS = {"CIV": "CVL"}  # PLOVER's gold writes CIV for civilians (CAMEO: CVL)
_NP_MODIFIERS = {"amod", "compound", "nmod", "poss", "nummod", "det", "case"}


def _nlp(nlp: Language | None) -> Language:
    if nlp is not None:
        return nlp
    from .. import nlp as nlp_module

    return nlp_module.load()


def _norm(text: str) -> str:
    words = text.replace("’", "'").lower().replace("united nations", "un").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _code_ok(gold: str | None, actor: Actor | None) -> bool:
    """Gold 'IGO' accepts any IGO code; other gold codes must match exactly (after ISO mapping)."""
    if gold is None:
        return actor is None
    if actor is None:
        return False
    gold = iso_code(gold[:3]) + gold[3:]
    return actor.code.startswith(gold) if gold == "IGO" else actor.code == gold


def _match(gold: dict[str, Any], entities: list[Entity]) -> Entity | None:
    """The predicted entity for a gold one: same name, or a shared mention text."""
    names = {_norm(gold["name"])} | {_norm(m) for m in gold.get("mentions", []) if any(ch.isupper() for ch in m) and _norm(m) not in _PRONOUNS}
    best = None
    for e in entities:
        texts = {_norm(e.name)} | {_norm(m.text) for m in e.mentions}
        if _norm(e.name) in names:
            return e
        if best is None and names & texts:
            best = e
    return best


def score_seed(nlp: Language | None = None, shared: Path | None = None) -> dict[str, Any] | None:
    """How many of the seed's gold entities are found, and found with the right actor code (None without ../shared)."""
    text_path = (shared / "seed" / "000_f7ddba212c609172.txt") if shared else shared_path("seed", "000_f7ddba212c609172.txt")
    gold_path = (shared / "seed" / "gold.json") if shared else shared_path("seed", "gold.json")
    if not text_path or not gold_path or not text_path.exists():
        return None
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    published = gold["article"]["dateline"].get("resolved_date")
    article = build_article(RawDocument(source=Source(path=str(text_path)), content=text_path.read_text(encoding="utf-8")), published=published)
    doc = _nlp(nlp)(article.text)
    entities = find_entities(doc, article)
    rows = []
    for g in gold["entities"]:
        e = _match(g, entities)
        rows.append({
            "gold": g["name"], "gold_code": g.get("actor"), "found": e.name if e else None,
            "code": e.actor.code if e and e.actor else None, "code_ok": bool(e) and _code_ok(g.get("actor"), e.actor),
        })
    return {
        "gold_entities": len(rows),
        "found": sum(r["found"] is not None for r in rows),
        "found_with_code": sum(r["code_ok"] for r in rows),
        "predicted_entities": len(entities),
        "rows": rows,
    }


def _phrase_for(doc: Doc, start: int, end: int) -> tuple[Span | None, Span | None]:
    """The tokens of the gold actor text, and the noun phrase containing them (head's left edge to head)."""
    exact = doc.char_span(start, end, alignment_mode="expand")
    if exact is None:
        return None, None
    head: Token = exact.root
    while head.dep_ == "conj" and head.head.i < head.i and head.head.pos_ in ("ADJ", "PROPN") and head.head.dep_ in _NP_MODIFIERS:
        head = head.head  # 'Romanian' in 'Hungarian and Romanian officials': climb to the first conjunct
    while head.dep_ in _NP_MODIFIERS and head.head.pos_ in ("NOUN", "PROPN") and head.head.i > head.i:
        head = head.head
    np_start = min(head.left_edge.i, exact.start)
    np_end = max(head.i + 1, exact.end)
    return exact, doc[np_start:np_end]


def _actors_of(record: dict[str, Any], role: str) -> list[dict[str, Any]]:
    value = record.get(role)
    if isinstance(value, dict):
        value = [value]
    return [a for a in value if isinstance(a, dict) and a.get("actorText")] if isinstance(value, list) else []


def _locate(text: str, actor_text: str) -> tuple[int, int] | None:
    parts = [p.strip() for p in actor_text.split("...") if p.strip()]
    if not parts:
        return None
    first = text.find(parts[0])
    if first < 0:
        low = text.lower().find(parts[0].lower())
        if low < 0:
            return None
        first = low
    last_part = parts[-1]
    last = text.find(last_part, first)
    if last < 0:
        return None
    return first, last + len(last_part)


def _pick(actors: list[Actor], gold_country: str) -> Actor | None:
    """The actor for the gold one: among a compound's actors, the one with the gold country, else the first."""
    for a in actors:
        if a.country == gold_country:
            return a
    return actors[0] if actors else None


def score_plover(nlp: Language | None = None, path: Path | None = None) -> dict[str, Any] | None:
    """code_phrase on the phrase holding each PLOVER gold source/target: country and country+sector accuracy."""
    path = path or shared_path("eval", "events", "plover-gsr-dev.json")
    if path is None or not Path(path).exists():
        return None
    records = [r for r in json.loads(Path(path).read_text(encoding="utf-8")) if r.get("text") and r.get("event") != "DOCUMENT"]
    language = _nlp(nlp)
    counts: Counter[str] = Counter()
    misses: list[dict[str, Any]] = []
    for record, doc in zip(records, language.pipe(r["text"] for r in records)):
        for role in ("source", "target"):
            for gold in _actors_of(record, role):
                counts["actors"] += 1
                where = _locate(record["text"], gold["actorText"])
                if where is None:
                    counts["unlocated"] += 1
                    continue
                exact, np = _phrase_for(doc, *where)
                if np is None:
                    counts["unlocated"] += 1
                    continue
                gold_country = iso_code(str(gold.get("code", ""))[:3])
                raw_sector = gold.get("sector")
                gold_sector = None if not raw_sector else _GOLD_SECTORS.get(str(raw_sector)[:3].upper(), str(raw_sector)[:3].upper())
                for label, span in (("np", np), ("exact", exact)):
                    actor = _pick(code_phrase_all(span, record.get("date")), gold_country)
                    country_ok = actor is not None and actor.country == gold_country
                    counts[f"{label}_scored"] += 1
                    counts[f"{label}_coded"] += actor is not None
                    counts[f"{label}_country"] += country_ok
                    if raw_sector != "***":
                        counts[f"{label}_sector_scored"] += 1
                        counts[f"{label}_country_sector"] += country_ok and (actor.sector == gold_sector)
                    if label == "np" and not (country_ok and (raw_sector == "***" or actor.sector == gold_sector)):
                        misses.append({"phrase": np.text, "gold": f"{gold_country}{gold_sector or ''}",
                                       "got": actor.code if actor else None, "rule": actor.rule if actor else None})
    def ratio(a: str, b: str) -> float:
        return round(counts[a] / counts[b], 3) if counts[b] else 0.0

    return {
        "actors": counts["actors"],
        "unlocated": counts["unlocated"],
        "country_accuracy": ratio("np_country", "np_scored"),
        "country_sector_accuracy": ratio("np_country_sector", "np_sector_scored"),
        "coded": ratio("np_coded", "np_scored"),
        "exact_text_country_accuracy": ratio("exact_country", "exact_scored"),
        "exact_text_country_sector_accuracy": ratio("exact_country_sector", "exact_sector_scored"),
        "misses": misses,
    }


def scores(shared: Path | None = None, nlp: Language | None = None) -> dict[str, float]:
    """Flat scores for the evaluation gate (metrics absent when their gold data is)."""
    out: dict[str, float] = {}
    seed = score_seed(nlp, shared)
    if seed is not None:
        out["actors.seed_found"] = round(seed["found"] / seed["gold_entities"], 3)
        out["actors.seed_found_with_code"] = round(seed["found_with_code"] / seed["gold_entities"], 3)
    plover = score_plover(nlp, (shared / "eval" / "events" / "plover-gsr-dev.json") if shared else None)
    if plover is not None:
        for key in ("country_accuracy", "country_sector_accuracy", "coded"):
            out[f"actors.plover_{key}"] = plover[key]
    return out
