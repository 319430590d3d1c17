"""Fills a store with synthetic events (1,000,000 by default) and times the query APIs and commands.

Usage: .venv/bin/python benchmarks/bench_store.py [--events N] [--per-article K] [--db PATH]
                                                  [--pg postgresql://... [--pg-only]] [--repeat R] [--reuse]
Prints fill throughput, then p50/p95/max milliseconds per query kind (actor + date range is the
one with a target: p95 under 100 ms on SQLite), and the end-to-end time of `dateline events`.
The synthetic texts are random words, so near-duplicate clustering finds (almost) nothing.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from typing import Any, Callable, Iterator

from common import peak_rss_mb, timed

from dateline.model import (Actor, Article, Entity, Event, EventActor, Location, Mention, Quote, Source, Span,
                            Structure)
from dateline.store import Store, open_store

COUNTRIES = ("RUS SRB UKR USA CHN FRA DEU GBR TUR IRN ISR SYR IRQ EGY IND PAK JPN KOR PRK BRA MEX ARG VEN COL "
             "NGA ZAF ETH KEN SDN LBY POL HUN ROU BGR GRC ITA ESP PRT NLD BEL SWE NOR FIN DNK AUT CHE CZE SVK "
             "HRV BIH MNE MKD ALB KOS GEO ARM AZE KAZ").split()
SECTORS = ("", "GOV", "MIL", "REB", "BUS", "CVL")
CAMEO = [("010", "CONSULT", 1, 0.0), ("036", "CONSULT", 1, 4.0), ("042", "CONSULT", 1, 1.9),
         ("051", "SUPPORT", 1, 3.4), ("057", "AGREE", 1, 8.0), ("061", "COOPERATE", 2, 6.4),
         ("070", "AID", 2, 7.0), ("0841", "YIELD", 2, 5.0), ("112", "ACCUSE", 3, -2.0),
         ("120", "REJECT", 3, -4.0), ("138", "THREATEN", 3, -7.0), ("141", "PROTEST", 3, -6.5),
         ("163", "SANCTION", 4, -8.0), ("173", "COERCE", 4, -5.0), ("190", "ASSAULT", 4, -10.0),
         ("193", "ASSAULT", 4, -10.0)]
MODES = (None,) * 12 + ("future", "negated", "hypothetical", "historical")
WORDS = [f"w{n}" for n in range(3000)]
SPEAKERS = [f"Speaker{n} Name{n % 97}" for n in range(500)]
START, DAYS = date(2015, 1, 1), 5 * 365


def synthetic(n_articles: int, per_article: int, seed: int) -> Iterator[Article]:
    """Articles whose text holds one sentence per event, with entities, a quote and coded events."""
    rng = random.Random(seed)
    for n in range(n_articles):
        published = (START + timedelta(days=rng.randrange(DAYS))).isoformat()
        sentences, events, entities = [], [], {}
        pos = 0
        for k in range(per_article):
            src = rng.choice(COUNTRIES) + rng.choice(SECTORS)
            tgt = rng.choice(COUNTRIES) + rng.choice(SECTORS)
            cameo, plover, quad, gold = rng.choice(CAMEO)
            filler = " ".join(rng.choice(WORDS) for _ in range(6))
            sentence = f"{src} acted on {tgt} {filler}."
            s_span, t_span = Span(pos, pos + len(src), src), Span(pos + len(src) + 10, pos + len(src) + 10 + len(tgt), tgt)
            trigger = Span(pos + len(src) + 1, pos + len(src) + 6, "acted")
            for code, span in ((src, s_span), (tgt, t_span)):
                ent = entities.setdefault(code, Entity(f"e{len(entities) + 1}", code.title(), "GPE",
                                                       Actor(code, code[:3], code[3:] or None, None, "bench"), []))
                ent.mentions.append(Mention(span.start, span.end, span.text, "bench"))
            events.append(Event(f"v{k + 1}", cameo, plover, Span(pos, pos + len(sentence), sentence), trigger, "bench",
                                EventActor(src, src, entities[src].id, s_span), EventActor(tgt, tgt, entities[tgt].id, t_span),
                                rng.choice(MODES), published, "day",
                                Location("Somewhere", src[:3], None, None) if k == 0 else None, None, gold, quad))
            sentences.append(sentence)
            pos += len(sentence) + 1
        quote_text = " ".join(rng.choice(WORDS) for _ in range(10))
        text = " ".join(sentences) + f' "{quote_text}," said {rng.choice(SPEAKERS)}.'
        q_start = text.index(quote_text)
        speaker_start = text.rindex("said ") + 5
        speaker = text[speaker_start:-1]
        quotes = [Quote("q1", "direct", Span(q_start, q_start + len(quote_text), quote_text),
                        Span(speaker_start - 5, speaker_start - 1, "said"),
                        Span(speaker_start, speaker_start + len(speaker), speaker), None, speaker, "bench")]
        body = Span(0, len(text), text)
        yield Article(id=f"{seed:04x}{n:012x}", source=Source(url=f"https://site{n % 40}.example/{n}",
                                                             domain=f"site{n % 40}.example"),
                      text=text, structure=Structure(body=body, paragraphs=[body]), published=published,
                      entities=list(entities.values()), quotes=quotes, events=events)


def fill(store: Store, n_events: int, per_article: int, batch: int = 500) -> None:
    n_articles = n_events // per_article
    done = 0
    started = time.perf_counter()
    chunk: list[Article] = []
    for article in synthetic(n_articles, per_article, seed=7):
        chunk.append(article)
        if len(chunk) >= batch:
            store.write_articles(chunk)
            done += len(chunk)
            chunk = []
            if done % (batch * 20) == 0:
                rate = done / (time.perf_counter() - started)
                print(f"  {done:,} articles ({done * per_article:,} events), {rate:,.0f} articles/s", flush=True)
    store.write_articles(chunk)
    seconds = time.perf_counter() - started
    print(f"fill: {n_articles:,} articles, {n_articles * per_article:,} events in {seconds:,.1f} s "
          f"({n_articles / seconds:,.0f} articles/s, {n_articles * per_article / seconds:,.0f} events/s)")


def _day(rng: random.Random) -> str:
    return (START + timedelta(days=rng.randrange(DAYS - 90))).isoformat()


def _plus(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def cases(store: Store) -> list[tuple[str, Callable[[random.Random], Any], int]]:
    """(name, one call with random parameters, how many repeats relative to --repeat)."""
    def actor_range(rng: random.Random, dedup: bool = True) -> Any:
        since = _day(rng)
        return store.events(source=rng.choice(COUNTRIES), since=since, until=_plus(since, 90), dedup=dedup, limit=50)

    return [
        ("events --source C --since/--until (90 days)", actor_range, 1),
        ("  same, --all-mentions", lambda rng: actor_range(rng, dedup=False), 1),
        ("events --source CGOV --since/--until (1 year)", lambda rng: store.events(
            source=rng.choice(COUNTRIES) + "GOV", since=(d := _day(rng)), until=_plus(d, 365), limit=50), 1),
        ("events --actor C --since/--until (90 days)", lambda rng: store.events(
            actor=rng.choice(COUNTRIES), since=(d := _day(rng)), until=_plus(d, 90), limit=50), 1),
        ("events --source C --target D", lambda rng: store.events(
            source=rng.choice(COUNTRIES), target=rng.choice(COUNTRIES), limit=50), 1),
        ("events --cameo '19*' --since/--until (30 days)", lambda rng: store.events(
            cameo="19*", since=(d := _day(rng)), until=_plus(d, 30), limit=50), 1),
        ("events --plover SANCTION --mode future", lambda rng: store.events(plover="SANCTION", mode="future", limit=50), 1),
        ("events (newest 50, no filter)", lambda rng: store.events(limit=50, offset=rng.randrange(1000)), 1),
        ("count --source C --since/--until (90 days)", lambda rng: store.count_events(
            source=rng.choice(COUNTRIES), since=(d := _day(rng)), until=_plus(d, 90)), 1),
        ("quotes --speaker NAME", lambda rng: store.quotes(speaker=rng.choice(SPEAKERS), limit=50), 1),
        ("quotes --search WORD", lambda rng: store.quotes(search=rng.choice(WORDS), limit=50), 1),
        ("actors --top 20 --since/--until (90 days)", lambda rng: store.actors(
            20, since=(d := _day(rng)), until=_plus(d, 90)), 1),
        ("actors --top 20 (whole store)", lambda rng: store.actors(20), 0),
        ("stats", lambda rng: store.stats(), 0),
    ]


def measure(store: Store, repeat: int) -> None:
    rng = random.Random(1)
    print(f"\n{'query':48} {'p50 ms':>9} {'p95 ms':>9} {'max ms':>9} {'rows':>6}  (n)")
    for name, call, weight in cases(store):
        n = repeat if weight else 3
        call(rng)  # warm the cache once
        times, rows = [], 0
        for _ in range(n):
            with timed() as t:
                result = call(rng)
            times.append(t[0] * 1000)
            rows = len(result) if isinstance(result, list) else 1
        times.sort()
        p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
        print(f"{name:48} {statistics.median(times):9.1f} {p95:9.1f} {times[-1]:9.1f} {rows:6}  ({n})", flush=True)


def cli_timing(db: str, repeat: int = 5) -> None:
    """The whole command, Python start-up and imports included."""
    cmd = [sys.executable, "-c", "from dateline.cli import run; run()", "events", "--db", db, "--source", "RUS",
           "--since", "2016-03-01", "--until", "2016-05-31", "--format", "json"]
    times = []
    for _ in range(repeat):
        with timed() as t:
            subprocess.run(cmd, check=True, capture_output=True)
        times.append(t[0] * 1000)
    print(f"\n`dateline events --source RUS --since --until --format json` end to end: "
          f"median {statistics.median(times):.0f} ms (min {min(times):.0f}, n={repeat})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--per-article", type=int, default=10)
    parser.add_argument("--db", help="SQLite file to fill (default: a temporary file, removed afterwards)")
    parser.add_argument("--pg", help="also fill and measure this (empty) PostgreSQL database")
    parser.add_argument("--pg-only", action="store_true", help="with --pg: skip the SQLite store")
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--reuse", action="store_true", help="measure an already filled --db without filling")
    args = parser.parse_args()

    tmp = None
    if args.db is None:
        tmp = tempfile.TemporaryDirectory(prefix="dateline-bench-")
        args.db = os.path.join(tmp.name, "bench.db")
    targets = ([] if args.pg and args.pg_only else [args.db]) + ([args.pg] if args.pg else [])
    for url in targets:
        print(f"\n== {url}")
        with open_store(url) as store:
            if not (args.reuse and store.stats().events):
                fill(store, args.events, args.per_article)
            store.optimize()
            stats = store.stats()
            size = f", {stats.size_bytes / 1e6:,.0f} MB on disk" if stats.size_bytes else ""
            print(f"store: {stats.articles:,} articles, {stats.events:,} events, {stats.quotes:,} quotes{size}")
            measure(store, args.repeat)
        if url == args.db:
            cli_timing(url)
    print(f"\npeak RSS {peak_rss_mb():,.0f} MB")
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
