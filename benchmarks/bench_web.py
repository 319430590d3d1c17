"""Times the web app's endpoints on an existing store: the first (cold) answer and the remembered (warm) one.

Usage: .venv/bin/python benchmarks/bench_web.py --db PATH|URL [--repeat 3]
Fill a large store first, e.g. with the store benchmark's synthetic events (benchmarks/bench_store.py
--db /tmp/big.db) or `dateline process ... --db /tmp/big.db`. Requests go through the real app
in-process (no network); each URL's cold time comes from a fresh app, so nothing is cached yet.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

URLS = [
    "/api/events", "/api/events?source=RUS&since=2016-01&until=2016-03", "/api/events?all_mentions=true",
    "/api/timeline", "/api/timeline?all_mentions=true", "/api/timeline?actor=RUS&interval=day",
    "/api/network", "/api/network?all_mentions=true", "/api/network?since=2016-01&until=2016-03",
    "/api/actors", "/api/actors?all_mentions=true", "/api/actors/RUS", "/api/actors/RUSGOV",
    "/api/articles", "/api/articles/search?q=Kosovo", "/api/quotes?q=Kosovo", "/api/quotes?speaker=Lavrov",
    "/", "/events", "/actors/RUS", "/network", "/quotes?q=Kosovo",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="the store to serve")
    parser.add_argument("--repeat", type=int, default=3, help="warm requests per URL")
    args = parser.parse_args()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from dateline.store import open_store
    from dateline.web import create_app

    with open_store(args.db, create=False) as store:
        stats = store.stats()
    print(f"store: {stats.articles:,} articles, {stats.events:,} events ({stats.events_distinct:,} distinct), "
          f"{stats.quotes:,} quotes ({stats.backend})")
    print(f"{'cold ms':>9} {'warm ms':>9}  url")
    for url in URLS:
        with TestClient(create_app(args.db)) as client:
            started = time.perf_counter()
            status = client.get(url).status_code
            cold = (time.perf_counter() - started) * 1000
            warm = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                client.get(url)
                warm.append((time.perf_counter() - started) * 1000)
        flag = "" if status == 200 else f"  (HTTP {status})"
        print(f"{cold:9.0f} {statistics.median(warm):9.0f}  {url}{flag}", flush=True)


if __name__ == "__main__":
    main()
