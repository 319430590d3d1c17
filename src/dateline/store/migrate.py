"""Brings a database to the current schema version, one numbered SQL file per version and backend.

Files live in migrations/<backend>/NNNN_name.sql; a version may also have a Python step (run after
its SQL, in the same transaction) that backfills what SQL alone cannot compute. Each database
records the versions applied in `schema_version`; a database newer than this code is refused.
A version that has reached users is never edited: changes go into the next version.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Callable, Iterator

from ..errors import StoreError
from ..model import Article
from . import dedup
from .rows import in_lead, now_stamp, pack

if TYPE_CHECKING:
    from .base import Store

_NAME = re.compile(r"^(\d{4})_(\w+)\.sql$")



def _old_articles(store: Store) -> Iterator[tuple[int, str, Article]]:
    """(pk, id, Article) of every article, read from the plain-JSON column of versions 1 and 2."""
    last = -1
    while True:
        rows = store._all("SELECT pk, id, json FROM articles WHERE pk > ? ORDER BY pk LIMIT 500", (last,))
        if not rows:
            return
        for pk, article_id, payload in rows:
            last = pk
            yield pk, article_id, Article.from_dict(json.loads(payload))


def clusters(store: Store) -> None:
    """Step to version 2: lead flags, signatures and near-duplicate clusters for older articles."""
    for _, article_id, article in _old_articles(store):
        store._many("UPDATE events SET in_lead = ? WHERE article_id = ? AND id = ?",
                    [(int(in_lead(article, v.evidence)), article_id, v.id) for v in article.events])
        dedup.forget(store, [article_id])
        dedup.link(store, article_id, dedup.signature(article.text))


def first_mentions(store: Store) -> None:
    """Step to version 3: articles' JSON packed into `document` (the `json` column goes), events counted."""
    if store.backend == "sqlite" and sqlite3.sqlite_version_info < (3, 35):
        raise StoreError(f"upgrading this store to schema 3 needs SQLite 3.35 or newer "
                         f"(this Python has {sqlite3.sqlite_version})", input=store.display)
    for pk, _, article in _old_articles(store):
        store._run("UPDATE articles SET document = ? WHERE pk = ?", (pack(article), pk))
    store._run("ALTER TABLE articles DROP COLUMN json")
    dedup.recount(store, [r[0] for r in store._all("SELECT DISTINCT cluster_id FROM articles")])


# Python steps that follow a version's SQL: version -> function(store).
STEPS: dict[int, Callable[[Store], object]] = {2: clusters, 3: first_mentions}


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema version for one backend: its number, name and SQL text."""

    version: int
    name: str
    sql: str


@lru_cache(maxsize=None)
def migrations(backend: str) -> tuple[Migration, ...]:
    """Every migration shipped for a backend, in version order (numbers must run 1, 2, 3, ...)."""
    folder = resources.files("dateline.store").joinpath("migrations", backend)
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), match.group(2), entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise StoreError(f"migration files for {backend} are not numbered 1..N: {[m.version for m in found]}")
    return tuple(found)


def latest(backend: str) -> int:
    """The schema version this code writes."""
    return migrations(backend)[-1].version


def current(store: Store) -> int:
    """The version a database is at (0: empty, nothing of dateline's in it yet)."""
    tables = store._guard(store._tables, doing="opening")
    if "schema_version" not in tables:
        if tables - {"sqlite_sequence"}:
            raise StoreError("not a dateline database (it holds other tables and no schema_version)",
                             input=store.display)
        return 0
    row = store._one("SELECT MAX(version) FROM schema_version")
    return int(row[0]) if row and row[0] is not None else 0


def migrate(store: Store, target: int | None = None) -> list[int]:
    """Apply the pending migrations up to `target` (default: the latest); returns the versions applied."""
    steps = migrations(store.backend)
    goal = steps[-1].version if target is None else target
    if current(store) >= goal:
        version = current(store)
        if version > steps[-1].version:
            raise StoreError(f"schema version {version} is newer than this dateline understands "
                             f"({steps[-1].version}); upgrade dateline", input=store.display)
        return []
    applied = []
    with store._transaction():
        version = current(store)  # again, under the lock: another process may have just migrated
        for step in steps:
            if version < step.version <= goal:
                store._guard(store._run_script, step.sql, doing=f"migration {step.version} ({step.name})")
                if step.version in STEPS:
                    STEPS[step.version](store)
                store._run("INSERT INTO schema_version (version, applied, note) VALUES (?, ?, ?)",
                           (step.version, now_stamp(), step.name))
                applied.append(step.version)
    return applied
