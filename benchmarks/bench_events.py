"""The event coder alone, on text parsed beforehand: sentences/s and ms/article.

Usage: .venv/bin/python benchmarks/bench_events.py [--limit N] [--repeat R]
Reads and parses the bench corpus once (untimed), runs the earlier language stages (entities,
coreference, quotes) once so the coder sees what it sees in the pipeline, then times
`find_events` alone over all parsed articles, best of R runs. Also prints the bare parse time of
the same texts, so the coder's share of the language side can be read off.
"""

from __future__ import annotations

import argparse
import gc
from dataclasses import replace

from common import bench_files, peak_rss_mb, timed

from dateline import coref, nlp, quotes
from dateline.actors import find_entities
from dateline.events import find_events
from dateline.events.lexicon import load
from dateline.pipeline import structure_all
from dateline.read import read_inputs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    files = [str(p) for p in bench_files(args.limit)]
    language = nlp.load()
    articles = [a for a in structure_all(read_inputs(files)) if not hasattr(a, "error")]
    with timed() as parse_time:
        docs = list(language.pipe((a.text for a in articles), batch_size=32))
    prepared = []
    for article, doc in zip(articles, docs):
        article = replace(article, entities=find_entities(doc, article))
        article = replace(article, entities=coref.resolve(doc, article))
        prepared.append((replace(article, quotes=quotes.find_quotes(doc, article)), doc))
    load()  # the lexicon loads once per process; not part of per-article cost
    sentences = sum(1 for doc in docs for _ in doc.sents)
    words = sum(len(a.text.split()) for a in articles)

    runs, events = [], 0
    for _ in range(args.repeat):
        gc.collect()
        with timed() as t:
            events = sum(len(find_events(doc, article)) for article, doc in prepared)
        runs.append(t[0])
    best = min(runs)
    n = len(prepared)
    print(f"articles: {n} ({sentences} sentences, {words} words); events coded: {events} ({events / n:.1f} per article)")
    print(f"coder alone : {sentences / best:8.0f} sentences/s  {1000 * best / n:6.2f} ms/article  (best of {args.repeat})")
    print(f"bare parse  : {1000 * parse_time[0] / n:6.1f} ms/article; coder share of it: {best / parse_time[0]:.1%}")
    print(f"peak RSS    : {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
