"""`dateline eval html`: main-text extraction scored on the scrapinghub article-extraction benchmark's own measure."""

from __future__ import annotations

import gzip
import json
import re
import statistics
import time
from collections import Counter
from pathlib import Path
from typing import Any

import click

from ..errors import DatelineError
from ..model import Source
from ..paths import shared_path
from ..read.html import read_html
from ..structure import build_article

BENCHMARK = ("eval", "html", "scrapinghub")
_WORD = re.compile(r"\w+")
SHINGLE = 4


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """The benchmark's unit: runs of n word tokens (a text shorter than n counts as one run)."""
    tokens = _WORD.findall(text or "")
    if len(tokens) < n:
        return Counter([tuple(tokens)] if tokens else [])
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def match_counts(true: str, pred: str) -> tuple[float, float, float]:
    """(tp, fp, fn) over shingles, divided by their sum so every page weighs the same."""
    gold, got = shingles(true), shingles(pred)
    tp = sum((gold & got).values())
    fp = sum((got - gold).values())
    fn = sum((gold - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def summarize(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    """Mean precision over pages that predicted something, mean recall over pages with gold text, F1 of the two."""
    precisions = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def article_body(html: str, name: str) -> str:
    """What dateline keeps as a page's article body: trafilatura's main text after our structure stage."""
    try:
        article = build_article(read_html(html, Source(path=name, format="html")))
    except DatelineError:
        return ""
    body = article.structure.body
    return body.text if body else ""


def measure(root: Path | None = None, limit: int | None = None) -> dict[str, Any]:
    """Precision, recall and F1 of main-text extraction on the benchmark (``{"skipped": reason}`` without ../shared)."""
    root = root or shared_path(*BENCHMARK)
    if root is None or not (root / "ground-truth.json").is_file():
        return {"skipped": "../shared/eval/html/scrapinghub is not present"}
    truth = json.loads((root / "ground-truth.json").read_text("utf-8"))
    keys = sorted(truth)[:limit] if limit else sorted(truth)
    counts, empty, worst = [], 0, []
    started = time.perf_counter()
    for key in keys:
        page = root / "html" / f"{key}.html.gz"
        html = gzip.decompress(page.read_bytes()).decode("utf-8", errors="replace") if page.is_file() else ""
        body = article_body(html, page.name)
        empty += not body
        tp_fp_fn = match_counts(truth[key].get("articleBody", ""), body)
        counts.append(tp_fp_fn)
        worst.append((2 * tp_fp_fn[0] / (2 * tp_fp_fn[0] + tp_fp_fn[1] + tp_fp_fn[2] or 1), key))
    seconds = time.perf_counter() - started
    result: dict[str, Any] = summarize(counts)
    result.update(pages=len(keys), empty=empty, seconds=round(seconds, 2),
                  ms_per_page=round(1000 * seconds / max(1, len(keys)), 1),
                  worst=[key for _, key in sorted(worst)[:5]])
    return result


def scores(shared: Path) -> dict[str, float]:
    """The gate's view: html.precision, html.recall and html.f1 on the whole benchmark."""
    result = measure(shared.joinpath(*BENCHMARK))
    return {f"html.{k}": float(result[k]) for k in ("precision", "recall", "f1") if k in result}


@click.command(name="html")
@click.option("--limit", type=int, default=None, help="Score only the first N pages (for a quick look).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def command(limit: int | None, as_json: bool) -> None:
    """Score HTML main-text extraction on ../shared/eval/html/scrapinghub (4-gram shingle P/R/F1)."""
    result = measure(limit=limit)
    if as_json:
        click.echo(json.dumps(result, indent=2))
        return
    if "skipped" in result:
        click.echo(f"html: skipped ({result['skipped']})")
        return
    click.echo(f"html main text on {result['pages']} pages: precision {result['precision']:.3f}  "
               f"recall {result['recall']:.3f}  F1 {result['f1']:.3f}  "
               f"({result['empty']} empty, {result['ms_per_page']} ms/page)")
