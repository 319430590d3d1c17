"""The actor stage alone: find_entities on already-parsed bench articles, against the bare parse.

Usage: .venv/bin/python benchmarks/bench_actors.py [--limit N] [--repeat R]
Parses ../shared/bench/news-please/ once (timed: the bare parse), then times find_entities
alone over the parsed docs (best of R rounds). Prints articles/s, ms/article, words/s, the
share the stage adds on top of the bare parse, the one-off lexicon load time and peak RSS.
"""

from __future__ import annotations

import argparse
import gc

from common import bench_files, peak_rss_mb, timed

from dateline import nlp
from dateline.actors import find_entities, lexicon
from dateline.pipeline import structure_all
from dateline.read import read_inputs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()

    files = [str(p) for p in bench_files(args.limit)]
    articles = [a for a in structure_all(read_inputs(files)) if not hasattr(a, "error")]
    language = nlp.load()
    with timed() as load:
        lexicon.get()
    list(language.pipe([a.text for a in articles[:4]]))  # warm up
    gc.collect()
    with timed() as parse:
        docs = list(language.pipe([a.text for a in articles], batch_size=args.batch_size))
    n = len(docs)
    words = sum(len(a.text.split()) for a in articles)
    for doc, article in zip(docs[:4], articles):
        find_entities(doc, article)  # warm caches
    rounds = []
    entities = 0
    for _ in range(args.repeat):
        gc.collect()
        with timed() as t:
            entities = sum(len(find_entities(doc, article)) for doc, article in zip(docs, articles))
        rounds.append(t[0])
    best = min(rounds)
    bare = parse[0]
    print(f"articles: {n} ({words} words, {words / n:.0f} per article); entities found: {entities} ({entities / n:.1f} per article)")
    print(f"lexicon load   : {load[0]:.2f} s (once per process)")
    print(f"bare parse     : {n / bare:8.2f} articles/s  {bare / n * 1000:7.2f} ms/article")
    print(f"find_entities  : {n / best:8.2f} articles/s  {best / n * 1000:7.2f} ms/article  {words / best:9.0f} words/s")
    print(f"stage / parse  : {best / bare * 100:.1f}% added on top of the bare parse")
    print(f"peak RSS       : {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
