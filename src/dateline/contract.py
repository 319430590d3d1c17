"""Checks an article's JSON against the output contract: the JSON Schema plus span consistency."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any, Iterator

import jsonschema


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The JSON Schema of one article, shipped with the package."""
    text = resources.files("dateline.schema").joinpath("article.schema.json").read_text("utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema())


def _spans(obj: Any, path: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every span-shaped dict inside obj, with a readable path to it."""
    if isinstance(obj, dict):
        if {"start", "end", "text"} <= obj.keys() and isinstance(obj.get("start"), int):
            yield path, obj
        for key, value in obj.items():
            if key != "text":
                yield from _spans(value, f"{path}.{key}")
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            yield from _spans(value, f"{path}[{i}]")


def problems(article: dict[str, Any]) -> list[str]:
    """All the ways this article breaks the contract (empty when it keeps it)."""
    found = [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in _validator().iter_errors(article)]
    text = article.get("text")
    if isinstance(text, str):
        for path, span in _spans({k: v for k, v in article.items() if k != "text"}, "$"):
            start, end = span["start"], span["end"]
            if not 0 <= start <= end <= len(text):
                found.append(f"{path}: span {start}:{end} lies outside the text ({len(text)} chars)")
            elif text[start:end] != span["text"]:
                found.append(f"{path}: span text {span['text']!r} != text[{start}:{end}] {text[start:end]!r}")
    ids = {e.get("id") for e in article.get("entities", []) if isinstance(e, dict)}
    for q in article.get("quotes", []):
        if isinstance(q, dict) and q.get("speaker_entity") not in (None, *ids):
            found.append(f"quote {q.get('id')}: speaker_entity {q.get('speaker_entity')!r} is not an entity id")
    quote_ids = {q.get("id") for q in article.get("quotes", []) if isinstance(q, dict)}
    for v in article.get("events", []):
        if isinstance(v, dict) and v.get("reported_by") not in (None, *quote_ids):
            found.append(f"event {v.get('id')}: reported_by {v.get('reported_by')!r} is not a quote id")
    return found


def check(article: dict[str, Any]) -> None:
    """Raise ValueError listing every contract problem of this article."""
    found = problems(article)
    if found:
        raise ValueError("article breaks the output contract:\n  " + "\n  ".join(found))
