"""The evaluation gate: every recorded score has a floor, and the gate fails when a score drops below it.

Floors live in floors.json beside this module, with a fingerprint of the gold corpora they were
measured on. A floor only rises through `--record`; lowering one needs `--lower METRIC`, so a
drop is always a visible, deliberate diff. A metric that a scorer stops producing fails the gate.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import click

from ..paths import shared_dir

FLOORS = Path(__file__).with_name("floors.json")
REPO = Path(__file__).resolve().parents[3]
DOCS = REPO / "docs" / "evaluation.md"
REPO_PREFIX = "repo:"  # a corpus path inside the checkout (the wire set) rather than in ../shared
MARGIN = 0.005  # floors sit this far under the measured score, for platform noise in float sums

# suite -> (module, function taking the shared dir and returning {metric: score}, corpus paths it reads:
#           relative to ../shared, or to the checkout when they start with "repo:")
SUITES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "seed": ("dateline.evaluate.seed", "scores", ("seed",)),
    "actors": ("dateline.evaluate.actors", "scores", ("seed", "eval/events/plover-gsr-dev.json")),
    "html": ("dateline.evaluate.html", "scores", ("eval/html/scrapinghub/ground-truth.json",)),
    "quotes": ("dateline.evaluate.quotes", "scores", ("eval/quotes/polnear-dev", "seed/gold.json")),
    "events": ("dateline.evaluate.events", "scores", ("eval/events/plover-gsr-dev.json", "seed/gold.json")),
    "wire": ("dateline.evaluate.wire", "scores", ("repo:evaluation/wire",)),
}


@dataclass(frozen=True)
class Verdict:
    """The gate's finding for one metric."""

    metric: str
    score: float | None
    floor: float | None
    ok: bool
    note: str = ""


def fingerprint(shared: Path, paths: tuple[str, ...]) -> str:
    """A hash over the gold files a suite reads (in ../shared, or in the checkout for "repo:" paths), so a changed corpus is noticed."""
    digest = hashlib.sha256()
    for rel in paths:
        base = REPO if rel.startswith(REPO_PREFIX) else shared
        root = base / rel.removeprefix(REPO_PREFIX)
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        for file in files:
            digest.update(str(file.relative_to(base)).encode())
            digest.update(file.read_bytes() if file.exists() else b"<missing>")
    return digest.hexdigest()[:16]


def load_floors(path: Path = FLOORS) -> dict:
    """The recorded floors and corpus fingerprints."""
    if not path.exists():
        return {"corpus": {}, "floors": {}}
    return json.loads(path.read_text("utf-8"))


def scorer(suite: str) -> Callable[[Path], dict[str, float]] | None:
    """The scoring function of a suite, or None when its module is not part of this build."""
    module_name, func, _ = SUITES[suite]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            return None
        raise
    return getattr(module, func, None)


def judge(floors: dict[str, float], scores: dict[str, float], suites: set[str]) -> list[Verdict]:
    """Compare scores with floors: below a floor or missing fails; a new metric passes with no floor."""
    verdicts = []
    for metric, floor in sorted(floors.items()):
        if metric.split(".")[0] not in suites:
            continue
        score = scores.get(metric)
        if score is None or (isinstance(score, float) and math.isnan(score)):
            verdicts.append(Verdict(metric, None, floor, False, "no longer measured"))
        else:
            verdicts.append(Verdict(metric, score, floor, score >= floor - 1e-9, "" if score >= floor - 1e-9 else "below floor"))
    for metric in sorted(set(scores) - set(floors)):
        verdicts.append(Verdict(metric, scores[metric], None, True, "no floor yet"))
    return verdicts


def raised_floors(floors: dict[str, float], scores: dict[str, float], lower: set[str]) -> dict[str, float]:
    """New floors from scores: never lower than before unless the metric is named in `lower`."""
    out = dict(floors)
    for metric, score in scores.items():
        proposed = math.floor((score - MARGIN) * 1000) / 1000
        old = floors.get(metric)
        out[metric] = proposed if old is None or metric in lower else max(old, proposed)
    return out


def run_suites(shared: Path, only: set[str]) -> tuple[dict[str, float], dict[str, str], list[str]]:
    """Run the selected suites; returns scores, corpus fingerprints and the suites that are absent."""
    scores: dict[str, float] = {}
    prints: dict[str, str] = {}
    absent = []
    for suite in SUITES:
        if suite not in only:
            continue
        fn = scorer(suite)
        if fn is None:
            absent.append(suite)
            continue
        for metric, value in fn(shared).items():
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                scores[metric if metric.startswith(f"{suite}.") else f"{suite}.{metric}"] = float(value)
        prints[suite] = fingerprint(shared, SUITES[suite][2])
    return scores, prints, absent


def docs_table(floors: dict[str, float], scores: dict[str, float]) -> str:
    """The markdown table of scores and floors that docs/evaluation.md carries."""
    rows = ["| metric | score | floor |", "|---|---:|---:|"]
    for metric in sorted(set(floors) | set(scores)):
        score = scores.get(metric)
        floor = floors.get(metric)
        rows.append(f"| `{metric}` | {'—' if score is None else f'{score:.3f}'} | {'—' if floor is None else f'{floor:.3f}'} |")
    return "\n".join(rows)


def update_docs(table: str, path: Path = DOCS) -> None:
    """Replace the generated table between the gate's markers in docs/evaluation.md."""
    text = path.read_text("utf-8")
    new = re.sub(r"(<!-- gate:begin -->\n).*?(\n<!-- gate:end -->)", lambda m: m.group(1) + table + m.group(2), text, flags=re.S)
    path.write_text(new, "utf-8")


@click.command(name="gate")
@click.option("--only", multiple=True, type=click.Choice(sorted(SUITES)), help="Run only these suites.")
@click.option("--record", is_flag=True, help="Raise floors to the measured scores (never lowers them).")
@click.option("--lower", multiple=True, help="With --record: allow this metric's floor to drop (say why in the commit).")
@click.option("--write-docs", is_flag=True, help="Rewrite the score table in docs/evaluation.md.")
@click.option("--report", is_flag=True, help="Print every score, not only failures.")
def command(only: tuple[str, ...], record: bool, lower: tuple[str, ...], write_docs: bool, report: bool) -> None:
    """Fail when any score drops below its recorded floor (or its corpus changed)."""
    root = shared_dir()
    if root is None:
        click.echo("gate: ../shared is not present; nothing to check")
        return
    chosen = set(only) or set(SUITES)
    recorded = load_floors()
    scores, prints, absent = run_suites(root, chosen)
    for suite in absent:
        click.echo(f"gate: suite {suite!r} is not part of this build", err=True)
    if record:
        recorded["floors"] = raised_floors(recorded["floors"], scores, set(lower))
        recorded["corpus"].update(prints)
        FLOORS.write_text(json.dumps(recorded, indent=1, sort_keys=True) + "\n", "utf-8")
        click.echo(f"gate: floors recorded in {FLOORS}")
    verdicts = judge(recorded["floors"], scores, chosen - set(absent))
    changed = [s for s, fp in prints.items() if recorded["corpus"].get(s) not in (None, fp)]
    for v in verdicts:
        if report or not v.ok:
            score = "—" if v.score is None else f"{v.score:.3f}"
            floor = "—" if v.floor is None else f"{v.floor:.3f}"
            click.echo(f"{'ok  ' if v.ok else 'FAIL'} {v.metric:40} {score:>7}  floor {floor:>7}  {v.note}")
    if write_docs:
        update_docs(docs_table(recorded["floors"], scores))
    failed = [v for v in verdicts if not v.ok]
    if changed and not record:
        raise click.ClickException(f"gold corpus changed for {', '.join(changed)}: re-measure and re-record floors on purpose (--record)")
    if failed:
        raise click.ClickException(f"{len(failed)} score(s) below their floor")
