"""Reading and structuring on the 421 news-please files of ../shared: what was read, with what, how fast.

Run: .venv/bin/python benchmarks/read_structure.py [FOLDER]
Prints counts (read, with headline, with date by source, failed by reason) and the cost per article of
read + structure (no spaCy), with peak memory. Timings are provisional on a shared machine.
"""

from __future__ import annotations

import re
import resource
import sys
import time
from collections import Counter
from pathlib import Path

from dateline.errors import DatelineError
from dateline.paths import shared_path
from dateline.read import read_inputs
from dateline.structure import build_article


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else shared_path("bench", "news-please")
    if folder is None or not folder.is_dir():
        print("skipped: ../shared/bench/news-please is not present")
        return 0
    counts: Counter[str] = Counter()
    dated: Counter[str] = Counter()
    failed: Counter[str] = Counter()
    words = 0
    started = time.perf_counter()
    for item in read_inputs([str(folder)]):
        try:
            if isinstance(item, DatelineError):
                raise item
            article = build_article(item)
        except DatelineError as exc:
            failed[re.sub(r"\s*\[E\d+\]$", "", exc.reason)] += 1
            continue
        counts["read"] += 1
        words += len(article.text.split())
        counts["with headline"] += article.structure.headline is not None
        counts["with standfirst"] += article.structure.standfirst is not None
        counts["with dateline"] += article.structure.dateline is not None
        dated[article.published_from or "unknown"] += 1
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB
    total = counts["read"] + sum(failed.values())
    print(f"files: {total}")
    for key in ("read", "with headline", "with standfirst", "with dateline"):
        print(f"{key + ':':<17}{counts[key]}")
    print("published from:  " + ", ".join(f"{k} {v}" for k, v in dated.most_common()))
    print(f"failed:          {sum(failed.values())}")
    for reason, n in failed.most_common():
        print(f"  {n:>4}  {reason}")
    print(f"read+structure:  {1000 * seconds / max(1, total):.2f} ms/file, {counts['read'] / seconds:.0f} articles/s, "
          f"{words / seconds:,.0f} words/s, peak RSS {peak / 2**20:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
