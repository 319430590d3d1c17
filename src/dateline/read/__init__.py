"""Readers: turn paths, folders, stdin and gzip into RawDocuments (or one-line ReadErrors)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from ..errors import ReadError
from ..model import RawDocument, Source


def read_inputs(paths: Iterable[str], format: str = "auto") -> Iterator[RawDocument | ReadError]:
    """Every document found under the given paths, in order; failures come back as ReadError values."""
    # Placeholder until issue 2 lands the real readers: UTF-8 text files and folders of them.
    for name in paths:
        path = Path(name)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            try:
                text = file.read_text("utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                yield ReadError(str(exc), input=str(file))
                continue
            yield RawDocument(source=Source(path=str(file), format="text"), content=text)
