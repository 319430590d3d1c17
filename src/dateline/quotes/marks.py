"""Pairs quotation marks into quoted stretches: straight and curly marks, nesting, and quotes that run across paragraphs.

News convention for a quotation over several paragraphs: each paragraph opens with a mark, only the last
one closes. A paragraph that ends with a quotation still open therefore ends that stretch there, and the
stretch that opens the next paragraph continues it. Apostrophes (Serbia’s, don’t) are not marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKS = re.compile("''|``|[\"“”«»‘’\n]")
_OPENERS_BEFORE = set("([{—–-/:")
_DOUBLE = frozenset('"“”«»')
# Typewriter stand-ins: two apostrophes for a double mark (common in some archives), two backticks to open one.
_ALIASES = {"''": '"', "``": "“"}


@dataclass(slots=True)
class Quoted:
    """A top-level quoted stretch: where its marks are and where its words are."""

    open: int  # where the opening mark starts (a mark may be two characters: '' or ``)
    close: int | None  # where the closing mark starts
    start: int
    end: int
    paragraph: int
    continues: bool = False  # it opens a paragraph that carries on a quotation left open in the paragraph before
    double: bool = True
    close_end: int | None = None  # just after the closing mark


def _direction(ch: str, prev: str, nxt: str, stack: list[str]) -> str | None:
    """'open', 'close', or None (not a quotation mark here) for one mark in its context."""
    space_before = prev.isspace() or prev in _OPENERS_BEFORE or prev in "\"“«‘"
    space_after = nxt.isspace() or nxt in ".,;:!?)]}…—–-"
    if ch in "«":
        return "open"
    if ch in "»":
        return "close"
    if ch == "‘":
        return None if prev.isalnum() else "open"
    if ch == "’":
        if prev.isalnum() and nxt.isalnum():
            return None  # an apostrophe inside a word
        return "close" if "‘" in stack else None
    if ch == "“":
        return "close" if (not space_before and space_after and stack) else "open"
    if ch == "”":
        return "open" if (space_before and not space_after and not stack) else "close"
    # the straight mark: its neighbours decide, the stack breaks ties
    if space_before and not space_after:
        return "open"
    if not space_before and (space_after or not stack or stack[-1] in _DOUBLE):
        return "close" if stack else "open"
    return "close" if stack and stack[-1] == '"' else "open"


def _para_end(text: str, start: int, nl: int) -> int:
    """End of a paragraph's words (trailing spaces dropped) before the newline at `nl`."""
    end = nl
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def find_quoted(text: str) -> list[Quoted]:
    """Every top-level quoted stretch of a text, in order."""
    out: list[Quoted] = []
    stack: list[str] = []
    top_open = top_start = -1
    top_double = True
    paragraph = 0
    para_start = 0
    carried = False  # the previous paragraph ended inside a double quotation
    for m in _MARKS.finditer(text + "\n"):
        ch, i, j = m.group(), m.start(), m.end()
        ch = _ALIASES.get(ch, ch)
        if ch == "\n":
            if not text[para_start:i].strip():  # a blank line between paragraphs
                para_start = i + 1
                continue
            carried = False
            if stack and top_double:
                end = _para_end(text, top_start, i)
                if end > top_start:
                    out.append(Quoted(top_open, None, top_start, end, paragraph, _continues(out, paragraph, top_open, para_start, text)))
                    carried = True
            stack.clear()
            paragraph += 1
            para_start = i + 1
            continue
        prev = text[i - 1] if i > para_start else "\n"
        nxt = text[j] if j < len(text) else "\n"
        role = _direction(ch, prev, nxt, stack)
        if role == "open":
            if not stack:
                top_open, top_start, top_double = i, j, ch in _DOUBLE
            stack.append(ch)
        elif role == "close" and stack:
            if ch in _DOUBLE:
                while stack and stack[-1] not in _DOUBLE:
                    stack.pop()
                if stack:
                    stack.pop()
            else:
                while stack and stack[-1] != "‘":
                    stack.pop()
                if stack:
                    stack.pop()
            if not stack:
                start, end = top_start, i
                if end > start:
                    cont = carried and text[para_start:top_open].strip() == ""
                    out.append(Quoted(top_open, i, start, end, paragraph, cont, top_double, j))
                carried = False
    return out


def _continues(out: list[Quoted], paragraph: int, top_open: int, para_start: int, text: str) -> bool:
    """An unclosed stretch continues the one before when it opens its paragraph and the previous paragraph left one open."""
    if not out or text[para_start:top_open].strip():
        return False
    last = out[-1]
    return last.close is None and last.paragraph == paragraph - 1
