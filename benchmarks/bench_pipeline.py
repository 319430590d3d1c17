"""End to end on one process against a bare spaCy parse of the same texts, in the same run.

Usage: .venv/bin/python benchmarks/bench_pipeline.py [--limit N] [--repeat R]
Prints articles/s, words/s, s/article, peak RSS and the ratio end-to-end / bare parse.
"""

from __future__ import annotations

import argparse
import gc

from common import bench_files, peak_rss_mb, timed

from dateline import nlp
from dateline.pipeline import annotate_all, structure_all
from dateline.read import read_inputs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=2, help="alternate bare/e2e runs this many times; best of each")
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()

    files = [str(p) for p in bench_files(args.limit)]
    language = nlp.load()
    articles = [a for a in structure_all(read_inputs(files)) if not hasattr(a, "error")]
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    list(language.pipe(texts[:8]))  # warm up

    bare, e2e = [], []
    for _ in range(args.repeat):
        gc.collect()
        with timed() as t:
            for _doc in language.pipe(texts, batch_size=args.batch_size):
                pass
        bare.append(t[0])
        gc.collect()
        with timed() as t:
            outcomes = list(annotate_all(structure_all(read_inputs(files)), language, batch_size=args.batch_size))
        e2e.append(t[0])
    n = len(texts)
    b, e = min(bare), min(e2e)
    failed = sum(1 for o in outcomes if not o.ok)
    print(f"articles: {n} ({words} words, {words / n:.0f} per article); failed in e2e: {failed}")
    print(f"bare parse     : {n / b:7.2f} articles/s  {words / b:9.0f} words/s  {b / n:.3f} s/article")
    print(f"end to end     : {n / e:7.2f} articles/s  {words / e:9.0f} words/s  {e / n:.3f} s/article")
    print(f"ratio e2e/bare : {b / e:.3f} (throughput; 1.0 = no overhead)")
    print(f"peak RSS       : {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
