"""Near-duplicate stories: MinHash over word shingles, LSH band keys kept in the store, clusters by union.

Every article gets a MinHash signature of its word 3-shingles. Its LSH band keys (datasketch's
optimal banding for the threshold) go into the `bands` table, so candidates are found with one
indexed lookup whatever the size of the store and from any process. A candidate whose estimated
Jaccard similarity reaches the threshold is linked, and linked articles share a cluster id: the
smallest article id in the connected group, so the clusters do not depend on ingest order.

Within a cluster, mentions with the same source and target codes, CAMEO code, day and mode are
one event: recount() marks the first-stored mention of each and stores the group's NumMentions,
NumArticles and NumSources on every mention, so deduplicated queries are a plain filter.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterable

import numpy as np

from .query import EVENT_KEY

if TYPE_CHECKING:
    from .base import Store

NUM_PERM = 128
THRESHOLD = 0.5
SHINGLE = 3
MIN_SHINGLES = 5  # fewer than this and the estimate is noise: the article stays alone
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _bands() -> tuple[tuple[int, int], ...]:
    """Band ranges over the signature, chosen by datasketch for the threshold."""
    from datasketch import MinHashLSH  # imported on first write: it pulls in scipy, slow for read-only commands

    return tuple(MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM).hashranges)


@lru_cache(maxsize=1)
def _template() -> Any:
    """A MinHash whose permutations are built once and copied per article."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=1)


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """The distinct lower-cased word n-grams of a text."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + size]).encode() for i in range(len(words) - size + 1)}


def signature(text: str) -> np.ndarray | None:
    """The MinHash signature of a text (uint32), or None when it is too short to compare."""
    grams = shingles(text)
    if len(grams) < MIN_SHINGLES:
        return None
    mh = _template().copy()
    mh.update_batch(list(grams))
    return mh.hashvalues.astype(np.uint32)


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 64-bit key per LSH band (the band's number is hashed in, so bands never collide)."""
    keys = []
    for number, (start, end) in enumerate(_bands()):
        digest = hashlib.blake2b(sig[start:end].tobytes(), digest_size=8, salt=number.to_bytes(2, "big")).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return keys


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


def _placeholders(n: int) -> str:
    return ", ".join("?" * n)


def link(store: Store, article_id: str, sig: np.ndarray | None) -> str:
    """Record an article's signature and bands, join it to its near-duplicates; returns its cluster id.

    Runs inside the caller's transaction; the article's row must exist and its old bands be gone.
    """
    own = store._one("SELECT cluster_id FROM articles WHERE id = ?", (article_id,))
    clusters = {own[0] if own and own[0] else article_id}
    if sig is not None:
        keys = band_keys(sig)
        found = store._all(f"SELECT DISTINCT article_id FROM bands WHERE key IN ({_placeholders(len(keys))})"
                           " AND article_id <> ?", (*keys, article_id))
        store._many("INSERT INTO bands (key, article_id) VALUES (?, ?)", [(k, article_id) for k in keys])
        store._run("INSERT INTO signatures (article_id, minhash) VALUES (?, ?) ON CONFLICT (article_id) "
                   "DO UPDATE SET minhash = excluded.minhash", (article_id, sig.tobytes()))
        candidates = [row[0] for row in found]
        if candidates:
            rows = store._all("SELECT s.minhash, a.cluster_id FROM signatures s JOIN articles a ON a.id = s.article_id"
                              f" WHERE s.article_id IN ({_placeholders(len(candidates))})", candidates)
            for blob, cluster in rows:
                if similarity(sig, np.frombuffer(bytes(blob), dtype=np.uint32)) >= THRESHOLD:
                    clusters.add(cluster)
    target = min(clusters)
    others = sorted(c for c in clusters if c != target)
    store._run("UPDATE articles SET cluster_id = ? WHERE id = ?", (target, article_id))
    if others:
        store._run(f"UPDATE articles SET cluster_id = ? WHERE cluster_id IN ({_placeholders(len(others))})",
                   (target, *others))
    return target


def recount(store: Store, clusters: Iterable[str]) -> None:
    """Recompute first mentions and group counts of every event in these clusters (changed rows only)."""
    todo = sorted(set(clusters))
    width = len(EVENT_KEY) + 1  # the key columns and the cluster
    for start in range(0, len(todo), 400):
        chunk = todo[start:start + 400]
        rows = store._all(
            f"SELECT e.pk, {', '.join('e.' + c for c in EVENT_KEY)}, a.cluster_id, e.article_id, "
            f"COALESCE(a.domain, a.id), e.first_mention, e.num_mentions, e.num_articles, e.num_sources "
            f"FROM articles a JOIN events e ON e.article_id = a.id "
            f"WHERE a.cluster_id IN ({_placeholders(len(chunk))})", chunk)
        groups: dict[tuple[Any, ...], list[tuple[Any, ...]]] = {}
        for row in rows:
            groups.setdefault(tuple(row[1:1 + width]), []).append(row)
        changed = []
        for members in groups.values():
            first = min(r[0] for r in members)
            counts = (len(members), len({r[1 + width] for r in members}), len({r[2 + width] for r in members}))
            for r in members:
                wanted = (int(r[0] == first), *counts)
                if tuple(r[3 + width:]) != wanted:
                    changed.append((*wanted, r[0]))
        store._many("UPDATE events SET first_mention = ?, num_mentions = ?, num_articles = ?, num_sources = ? "
                    "WHERE pk = ?", changed)


def forget(store: Store, article_ids: Iterable[str]) -> None:
    """Drop the signatures and bands of articles about to be rewritten."""
    for article_id in article_ids:
        store._run("DELETE FROM bands WHERE article_id = ?", (article_id,))
        store._run("DELETE FROM signatures WHERE article_id = ?", (article_id,))
