"""Turns what a user types into a full-text query each backend accepts, with the same meaning on both.

Words must all appear (stemmed), "quoted phrases" must appear as phrases, OR between two terms
means either, and -word excludes. PostgreSQL reads this syntax natively (websearch_to_tsquery);
SQLite's FTS5 gets it rewritten here so that punctuation in a search never becomes a syntax error.
"""

from __future__ import annotations

import re

_TOKENS = re.compile(r'-?"[^"]*"?|\S+')
_WORD = re.compile(r"\w+")


def _phrase(text: str) -> str | None:
    words = _WORD.findall(text)
    return '"' + " ".join(words) + '"' if words else None


def to_fts5(query: str) -> str | None:
    """An FTS5 MATCH expression for a web-search style query (None when nothing searchable is left)."""
    positive: list[str] = []
    negative: list[str] = []
    pending_or = False
    for token in _TOKENS.findall(query):
        if token == "OR":
            pending_or = bool(positive)
            continue
        exclude = token.startswith("-") and len(token) > 1
        phrase = _phrase(token[1:] if exclude else token)
        if phrase is None:
            continue
        if exclude:
            negative.append(phrase)
        elif pending_or:
            positive[-1] = f"({positive[-1]} OR {phrase})"
            pending_or = False
        else:
            positive.append(phrase)
    if not positive:
        return None
    expr = " AND ".join(positive)
    for phrase in negative:
        expr = f"({expr}) NOT {phrase}"
    return expr
