"""Scores the whole pipeline on the seed story against its reference annotation (../shared/seed)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from ..model import Article
from ..paths import shared_dir

SEED = "000_f7ddba212c609172.txt"


def _seed_paths(shared: Path) -> tuple[Path, Path]:
    return shared / "seed" / SEED, shared / "seed" / "gold.json"


def process_seed(shared: Path, published: str | None = "2015-12-04") -> Article:
    """Run the full pipeline on the seed file, dated as the gold says unless told otherwise."""
    from ..pipeline import process_paths

    (outcome,) = list(process_paths([str(_seed_paths(shared)[0])], published=published))
    if outcome.article is None:
        raise RuntimeError(f"the seed failed to process: {outcome.error}")
    return outcome.article


def _norm(text: str | None) -> str:
    return " ".join((text or "").replace("\u00a0", " ").split())


def structure_checks(article: Article, gold: dict[str, Any]) -> dict[str, bool]:
    """Each structural fact of the gold annotation, true where the article has it right."""
    g = gold["article"]
    st, dl = article.structure, article.dateline
    body = _norm(st.body.text if st.body else "")
    return {
        "headline": _norm(st.headline.text if st.headline else None) == _norm(g["headline"]),
        "standfirst": _norm(st.standfirst.text if st.standfirst else None) == _norm(g["standfirst"]),
        "dateline_place": dl.place == g["dateline"]["place"],
        "dateline_date_text": dl.date_text == g["dateline"]["date_text"],
        "dateline_agency": dl.agency == g["dateline"]["agency"],
        "dateline_date": dl.date == g["dateline"]["resolved_date"],
        "body_start": body.startswith(_norm(g["body_starts_with"])),
        "body_end": body.endswith(_norm(g["body_ends_with"])),
        "boilerplate_dropped": all(_norm(b) not in _norm(article.text) for b in g["boilerplate"]),
    }


def _code_matches(gold_code: str | None, code: str | None) -> bool:
    """A gold code of bare 'IGO' accepts any IGO code; otherwise codes must be equal."""
    if gold_code is None:
        return True
    if code is None:
        return False
    return code.startswith("IGO") if gold_code == "IGO" else code == gold_code


def entity_checks(article: Article, gold: dict[str, Any]) -> dict[str, bool]:
    """For each gold entity with an actor code: found (by name or a mention) with the right code."""
    out: dict[str, bool] = {}
    for g in gold["entities"]:
        if not g.get("actor"):
            continue
        names = {_norm(g["name"]).lower(), *(_norm(m).lower() for m in g.get("mentions", []))}
        found = [
            e for e in article.entities
            if _norm(e.name).lower() in names or any(_norm(m.text).lower() == _norm(g["name"]).lower() for m in e.mentions)
        ]
        out[g["name"]] = any(_code_matches(g["actor"], e.actor.code if e.actor else None) for e in found)
    return out


def scores(shared: Path) -> dict[str, float]:
    """Seed scores: share of structure facts right, share of coded gold entities found with their code."""
    _, gold_path = _seed_paths(shared)
    gold = json.loads(gold_path.read_text("utf-8"))
    article = process_seed(shared)
    st = structure_checks(article, gold)
    ents = entity_checks(article, gold)
    return {
        "seed.structure": sum(st.values()) / len(st),
        "seed.entities": sum(ents.values()) / len(ents) if ents else 0.0,
    }


@click.command(name="seed")
def command() -> None:
    """Score structure and entities of the seed story against ../shared/seed/gold.json."""
    root = shared_dir()
    if root is None:
        raise click.ClickException("../shared is not present: nothing to score")
    _, gold_path = _seed_paths(root)
    gold = json.loads(gold_path.read_text("utf-8"))
    article = process_seed(root)
    for title, checks in (("structure", structure_checks(article, gold)), ("entities", entity_checks(article, gold))):
        click.echo(f"{title}: {sum(checks.values())}/{len(checks)}")
        for name, ok in checks.items():
            click.echo(f"  {'ok ' if ok else 'MISS'} {name}")
