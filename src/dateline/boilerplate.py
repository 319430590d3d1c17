"""Tells site furniture from article text, line by line: navigation, share buttons, cookie notices, captions, bylines."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Literal

from .dates import find_full_date

LineKind = Literal["boilerplate", "byline", "timestamp"]

_EDGE_PUNCT = " \t.:;,!?-–—|>»«•·*#()[]{}\"'“”‘’…"
_PREFIX = re.compile(
    r"^(?:read more|read also|also read|read next|see also|related|more from|more on|more about|watch|listen|"
    r"subscribe|sign up|follow us|click here|tap here|share (?:this|on|via)|download (?:the|our) app|"
    r"get the latest|join us|recommended|advertisement|sponsored)\b",
    re.I,
)
_COOKIE = re.compile(
    r"\b(?:we|site|website|page|partners)\s+(?:use|uses|are using)\s+cookies\b|\baccept(?:\s+all)?\s+cookies\b|"
    r"\bcookie\s+(?:policy|settings|preferences|consent|notice)\b|\bby\s+continuing\s+to\s+(?:use|browse|visit)\b",
    re.I,
)
_CODE = re.compile(r"\bfunction\s*\(|\bwindow\.\w|\bdocument\.\w|\bvar\s+\w+\s*=|=>|\}\s*\)\s*;|_taboola|googletag|<script", re.I)
_CREDIT = re.compile(
    r"(?:^|\|\s*|[.!?]\s*)(?:photo|image|picture|illustration|graphic|video|file photo|credit)"
    r"(?:\s+credit)?s?\s*:\s*[^.!?]{1,60}$",
    re.I,
)
_GALLERY = re.compile(r"\bImage \d+ of\b")
_CRUMB_SEPARATOR = re.compile(r"\s+[>»›/|]\s+")
_TRAILER = re.compile(r"^\((?:Reporting|Additional reporting|Writing|Editing|Compiled)\b.*\)$")
_BYLINE = re.compile(
    r"^(?:By|BY|Written by|Words by)\s+(?P<name>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|da|van|von|al|bin|el))*)"
    r"(?:\s*(?:,|\||/|–|—|-)\s*.{0,60})?$"
)
_TIMESTAMP_WORD = re.compile(r"\b(?:updated|published|posted|modified|last updated|first published|created|date)\b", re.I)
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|IST|MSK|[A-Z]{2,4}))?\b")


@lru_cache(maxsize=1)
def phrases() -> frozenset[str]:
    """The navigation phrases of boilerplate.txt, normalized for lookup."""
    text = resources.files("dateline").joinpath("boilerplate.txt").read_text("utf-8")
    rows = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return frozenset(_normal(row) for row in rows if row)


def _normal(line: str) -> str:
    return " ".join(line.strip(_EDGE_PUNCT).lower().split())


def byline_author(line: str) -> str | None:
    """The name in a byline such as "By Jane Roe, Staff Writer" (None when the line is not a byline)."""
    line = line.strip()
    if len(line) > 120 or line.endswith((".", "!", "?")):
        return None
    match = _BYLINE.match(line)
    if not match:
        return None
    name = match.group("name")
    # "By Friday, the talks..." is a sentence; a byline names a person (two words) or is short ("By Reuters").
    return name if len(name.split()) >= 2 or len(line.split()) <= 3 else None


def is_timestamp(line: str) -> bool:
    """A short line that only states when the page was published or updated (with perhaps a site or author name)."""
    words = line.split()
    if len(words) > 25:
        return False
    found = find_full_date(line)
    if found is None:
        return False
    if len(words) <= 15 and _TIMESTAMP_WORD.search(line):
        return True
    rest = _TIME.sub(" ", line[: found[1]] + " " + line[found[2]:])
    return len(rest.strip(_EDGE_PUNCT).split()) <= 3


def _is_breadcrumb(line: str) -> bool:
    """A navigation trail such as "Home > World > Europe" (three or more short steps)."""
    if line.startswith("|") or line.endswith("|"):
        return False  # a table row, as trafilatura writes tables
    steps = _CRUMB_SEPARATOR.split(line)
    return len(steps) >= 3 and all(0 < len(step.split()) <= 3 for step in steps)


def classify(line: str) -> LineKind | None:
    """What kind of non-article line this is, or None when it is article text."""
    stripped = line.strip()
    if not stripped:
        return None
    # Cheap substring tests guard each pattern: most lines are long article sentences and must pass quickly.
    words = stripped.count(" ") + 1
    if len(stripped) <= 60 and (_normal(stripped) in phrases() or not stripped.strip(_EDGE_PUNCT)):
        return "boilerplate"
    if words <= 15 and _PREFIX.match(stripped.lstrip(_EDGE_PUNCT)):
        return "boilerplate"
    lowered = stripped.lower()
    if words <= 80 and ("cookie" in lowered or "continuing" in lowered) and _COOKIE.search(stripped):
        return "boilerplate"
    if any(mark in stripped for mark in ("(", "=", "_", "<")) and _CODE.search(stripped):
        return "boilerplate"
    if ("Image " in stripped and _GALLERY.search(stripped)) or (stripped[0] == "(" and _TRAILER.match(stripped)):
        return "boilerplate"
    if words <= 20 and _is_breadcrumb(stripped):
        return "boilerplate"
    if words <= 40 and ":" in stripped and _CREDIT.search(stripped):
        return "boilerplate"
    if stripped[:2] in ("By", "BY", "Wr", "Wo") and byline_author(stripped):
        return "byline"
    if words <= 25 and any(ch.isdigit() for ch in stripped) and is_timestamp(stripped):
        return "timestamp"
    return None
