"""Writes one partition's results as Parquet files, one per table, each appearing whole or not at all.

Layout under the output folder (a local or shared path, or an object-store URI pyarrow knows):

    articles/part-<key>.parquet   one row per article, the store's columns, with the full contract JSON
                                  (column `document`, zlib-compressed: `dateline.store.rows.unpack` reads it)
    entities/ mentions/ quotes/ events/part-<key>.parquet   the same rows the store writes

`<key>` names what the partition covers (parts.part_key), so a rerun writes the same names and a
partition is never half there: each file is written under a temporary name and renamed when
complete, and the articles file is renamed last, so its presence means the partition is done.
"""

from __future__ import annotations

import uuid
from typing import Any, Sequence

import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from ..model import Article
from ..store.rows import ARTICLE_COLUMNS, ENTITY_COLUMNS, EVENT_COLUMNS, MENTION_COLUMNS, QUOTE_COLUMNS, article_rows

TABLES: dict[str, tuple[str, ...]] = {
    "entities": ENTITY_COLUMNS,
    "mentions": MENTION_COLUMNS,
    "quotes": QUOTE_COLUMNS,
    "events": EVENT_COLUMNS,
    "articles": ARTICLE_COLUMNS,  # last: its file marks the partition complete
}
_FLOATS = frozenset({"lat", "lon", "goldstein"})
_INTS = frozenset({"mention_count", "quad_class", "in_lead"})
_BINARY = frozenset({"document"})  # the contract JSON, zlib-compressed as the store keeps it (store.rows.unpack)


def _type(column: str) -> pa.DataType:
    if column in _BINARY:
        return pa.binary()
    if column in _FLOATS:
        return pa.float64()
    if column in _INTS or column.endswith(("_start", "_end", "_char")):
        return pa.int64()
    return pa.string()


SCHEMAS = {table: pa.schema([(c, _type(c)) for c in columns]) for table, columns in TABLES.items()}


def filesystem(out: str) -> tuple[pafs.FileSystem, str]:
    """The filesystem and root path of an output folder: a plain path, or a URI such as s3://bucket/run."""
    if "://" in out:
        return pafs.FileSystem.from_uri(out)
    return pafs.LocalFileSystem(), out.rstrip("/") or "/"


def file_name(key: str) -> str:
    """The file name of a partition in every table folder."""
    return f"part-{key}.parquet"


def write_partition(out: str, key: str, articles: Sequence[Article]) -> int:
    """Write the partition's tables; returns the number of article rows."""
    fs, root = filesystem(out)
    rows = [article_rows(a) for a in articles]
    for table, schema in SCHEMAS.items():
        if table == "articles":
            records: list[tuple[Any, ...]] = [r.article for r in rows]
        else:
            records = [row for r in rows for row in getattr(r, table)]
        columns = list(zip(*records)) if records else [[] for _ in schema.names]
        data = pa.Table.from_arrays([pa.array(col, type=f.type) for col, f in zip(columns, schema)], schema=schema)
        folder = f"{root}/{table}"
        fs.create_dir(folder, recursive=True)
        temporary = f"{folder}/.{file_name(key)}.{uuid.uuid4().hex}.tmp"
        pq.write_table(data, temporary, filesystem=fs, compression="zstd")
        fs.move(temporary, f"{folder}/{file_name(key)}")
    return len(rows)


def done_keys(out: str) -> set[str]:
    """Keys of the partitions already complete under an output folder (one listing, not one look-up per part)."""
    fs, root = filesystem(out)
    selector = pafs.FileSelector(f"{root}/articles", allow_not_found=True)
    keys = set()
    for info in fs.get_file_info(selector):
        name = info.base_name
        if name.startswith("part-") and name.endswith(".parquet"):
            keys.add(name.removeprefix("part-").removesuffix(".parquet"))
    return keys


def read_table(out: str, table: str) -> pa.Table:
    """Every partition of one table as one Arrow table (for tests and quick looks; use a dataset for big runs)."""
    fs, root = filesystem(out)
    return pq.ParquetDataset(f"{root}/{table}", filesystem=fs).read()
