"""What entities, coreference and quotes add on top of a bare spaCy parse of the same texts, in the same run.

Usage: .venv/bin/python benchmarks/bench_quotes.py [--limit N] [--repeat R] [--batch-size B]
Prints the bare parse time, each stage's time per article (and per 600 words), the stage total over the
bare parse, words per article, quotes found, and peak RSS. Timings are wall-clock, best of R runs.
"""

from __future__ import annotations

import argparse
import gc
import time
from dataclasses import replace

from common import bench_texts, peak_rss_mb, timed

from dateline import coref, nlp
from dateline.actors import find_entities
from dateline.model import RawDocument, Source
from dateline.quotes import find_quotes
from dateline.structure import build_article


def _stages(pairs, clock: dict[str, float]) -> int:
    """Run entities, coreference and quotes on parsed docs, adding each stage's seconds to `clock`; returns quotes found."""
    found = 0
    for article, doc in pairs:
        doc.user_data.pop("dateline.view", None)  # every run builds the shared token view afresh
        t0 = time.perf_counter()
        article = replace(article, entities=find_entities(doc, article))
        t1 = time.perf_counter()
        article = replace(article, entities=coref.resolve(doc, article))
        t2 = time.perf_counter()
        quotes = find_quotes(doc, article)
        t3 = time.perf_counter()
        clock["entities"] += t1 - t0
        clock["coref"] += t2 - t1
        clock["quotes"] += t3 - t2
        found += len(quotes)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs, for the parse and the stages alike")
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()

    texts = bench_texts(args.limit)
    articles = [build_article(RawDocument(source=Source(format="text"), content=t)) for t in texts]
    articles = [a for a in articles if a.text]
    language = nlp.load()
    list(language.pipe([a.text for a in articles[:8]]))  # warm up
    n = len(articles)
    words = sum(len(a.text.split()) for a in articles)

    bare = []
    docs = []
    for _ in range(args.repeat):
        gc.collect()
        with timed() as t:
            docs = list(language.pipe([a.text for a in articles], batch_size=args.batch_size))
        bare.append(t[0])
    pairs = list(zip(articles, docs))

    best: dict[str, float] = {}
    found = 0
    for _ in range(args.repeat):
        gc.collect()
        clock = {"entities": 0.0, "coref": 0.0, "quotes": 0.0}
        found = _stages(pairs, clock)
        for stage, secs in clock.items():
            best[stage] = min(best.get(stage, secs), secs)

    b = min(bare)
    per600 = 600 / (words / n)
    print(f"articles: {n} ({words} words, {words / n:.0f} per article); quotes found: {found} ({found / n:.1f} per article)")
    print(f"bare parse      : {b / n * 1000:7.1f} ms/article  {n / b:6.2f} articles/s  {words / b:8.0f} words/s")
    for stage in ("entities", "coref", "quotes"):
        s = best[stage]
        print(f"{stage:16}: {s / n * 1000:7.2f} ms/article  {s / n * 1000 * per600:6.2f} ms per 600 words  {s / b:6.1%} of the parse")
    own = best["coref"] + best["quotes"]
    total = own + best["entities"]
    print(f"coref + quotes  : {own / n * 1000:7.2f} ms/article  {own / n * 1000 * per600:6.2f} ms per 600 words  {own / b:6.1%} of the parse")
    print(f"all three       : {total / n * 1000:7.2f} ms/article  {total / b:6.1%} of the parse (budget: at most 15%)")
    print(f"peak RSS        : {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
