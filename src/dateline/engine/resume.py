"""What a rerun can skip: article ids and input paths already in the store, held as compact hash sets.

A backfill of ten million articles must not hold ten million Python strings to know what is done,
so each key is kept as an 8-byte hash in a sorted NumPy array (80 MB per ten million keys) that
worker processes and Dask workers receive once. A hash collision (about one chance in 10^5 for
ten million keys) would skip one document that was not done; the summary counts every skip.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Iterable

import numpy as np

if TYPE_CHECKING:
    from ..store import Store


def key_hash(key: str) -> int:
    """A string as a 64-bit number, the same in every process and on every host."""
    digest = hashlib.blake2b(key.encode("utf-8", "surrogateescape"), digest_size=8).digest()
    return int.from_bytes(digest, "little")


class KnownSet:
    """A set of strings that answers `in` from 8 bytes per member; picklable, so it travels to workers."""

    __slots__ = ("_keys",)

    def __init__(self, keys: Iterable[str] = ()) -> None:
        hashes = np.fromiter((key_hash(k) for k in keys), dtype=np.uint64)
        self._keys = np.unique(hashes)  # sorted, without repeats

    @classmethod
    def of_hashes(cls, hashes: np.ndarray) -> KnownSet:
        """A set from hashes already computed with key_hash."""
        known = cls()
        known._keys = np.unique(hashes.astype(np.uint64, copy=False))
        return known

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str) or not len(self._keys):
            return False
        value = np.uint64(key_hash(key))
        i = int(np.searchsorted(self._keys, value))
        return i < len(self._keys) and self._keys[i] == value

    def __len__(self) -> int:
        return len(self._keys)

    def __getstate__(self) -> np.ndarray:
        return self._keys

    def __setstate__(self, state: np.ndarray) -> None:
        self._keys = state

    def __repr__(self) -> str:
        return f"<KnownSet of {len(self)}>"


class Done:
    """What the store already holds: article ids (skipped before parsing) and input paths (not read at all)."""

    def __init__(self, ids: KnownSet, paths: KnownSet) -> None:
        self.ids = ids
        self.paths = paths

    @classmethod
    def from_store(cls, store: Store, chunk: int = 100_000) -> Done:
        """Every stored article's id and input path, read by primary-key ranges (bounded memory on both backends)."""
        ids: list[np.ndarray] = []
        paths: list[np.ndarray] = []
        last = -1
        while True:
            # The store's own statement helper: one narrow query per chunk, no JSON decoded.
            rows = store._all("SELECT pk, id, path FROM articles WHERE pk > ? ORDER BY pk LIMIT ?", (last, chunk))
            if not rows:
                break
            last = rows[-1][0]
            ids.append(np.fromiter((key_hash(r[1]) for r in rows), dtype=np.uint64, count=len(rows)))
            paths.append(np.fromiter((key_hash(r[2]) for r in rows if r[2]), dtype=np.uint64))
        empty = np.zeros(0, dtype=np.uint64)
        return cls(KnownSet.of_hashes(np.concatenate(ids or [empty])), KnownSet.of_hashes(np.concatenate(paths or [empty])))

    def __len__(self) -> int:
        return len(self.ids)
