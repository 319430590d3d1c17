"""Remembers the expensive aggregates (totals, timelines, networks, rankings) until the store changes.

Aggregates scan every matching event; a store that is only read while it is served gives the
same answer each time, so the answer is kept, keyed by what was asked. The answers are dropped
when this app writes (writes.py clears them) and when the store's version moves on: on SQLite,
PRAGMA data_version, which changes whenever another connection commits; on PostgreSQL, the newest
article, quote and event row ids (new rows from any client) and, for changes that add no row, the
time, in steps of `ttl` seconds.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Any, Callable, Hashable, TypeVar

from ..errors import StoreError
from ..store import Store

T = TypeVar("T")
TTL_SECONDS = 60.0  # how long an answer lives on PostgreSQL when no new row says the store changed
_PG_VERSION = "SELECT (SELECT MAX(pk) FROM articles), (SELECT MAX(pk) FROM quotes), (SELECT MAX(pk) FROM events)"


class Results:
    """A small LRU of query answers, emptied whenever the store's version moves on."""

    def __init__(self, store: Store, size: int = 256, ttl: float = TTL_SECONDS) -> None:
        self.store = store
        self.size = size
        self.ttl = ttl
        self._lock = threading.Lock()
        self._answers: OrderedDict[Hashable, Any] = OrderedDict()
        self._version: Any = None
        self.hits = self.misses = 0

    def version(self) -> Any:
        """Something that differs after another client changes the store (see the module's note)."""
        if self.store.backend == "sqlite":
            row = self.store._one("PRAGMA data_version")
            return row[0] if row else None
        try:
            row = self.store._one(_PG_VERSION)
        except StoreError:  # the next query will say what is wrong; do not keep answers meanwhile
            return object()
        return (tuple(row or ()), int(time.monotonic() // self.ttl))

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The answer for key, computing (outside the lock) and keeping it when it is not known yet."""
        version = self.version()
        with self._lock:
            if version != self._version:
                self._answers.clear()
                self._version = version
            if key in self._answers:
                self._answers.move_to_end(key)
                self.hits += 1
                return self._answers[key]
            self.misses += 1
        answer = compute()
        with self._lock:
            if self._version == version:
                self._answers[key] = answer
                while len(self._answers) > self.size:
                    self._answers.popitem(last=False)
        return answer

    def clear(self) -> None:
        """Forget everything (after this app wrote to the store)."""
        with self._lock:
            self._answers.clear()
