"""A flat, precomputed view of a parsed Doc (plain Python lists), built once and shared by coreference and quotes.

Reading token attributes through spaCy's Token objects costs far more than a list lookup, and the
language stages touch each token several times; `doc.to_array` hands every attribute over at once.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import numpy as np
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LENGTH, LOWER, POS, SENT_START, TAG
from spacy.tokens import Doc

from ..model import Article

_KEY = "dateline.view"
_SENT_END = frozenset({".", "!", "?"})


@dataclass(slots=True)
class DocView:
    """Token attributes as lists, paragraph and sentence numbers, and the article zones quotes must avoid."""

    doc: Doc
    text: str
    words: list[str]
    lower: list[str]
    pos: list[str]
    tag: list[str]
    dep: list[str]
    head: list[int]
    start: list[int]
    end: list[int]
    ent: list[str]
    ent_begin: list[bool]
    sent: list[int]
    para: list[int]
    children: list[list[int]]
    para_bounds: list[tuple[int, int]]
    head_zone_end: int

    def __len__(self) -> int:
        return len(self.words)

    def token_at(self, char: int) -> int:
        """The token holding a character offset (or the one just before it)."""
        return max(0, bisect_right(self.start, char) - 1)

    def token_after(self, char: int) -> int:
        """The first token starting at or after a character offset (len(self) when none)."""
        i = bisect_right(self.start, char - 1)
        return i

    def is_space(self, i: int) -> bool:
        return self.pos[i] == "SPACE"

    def is_sentence_end(self, i: int) -> bool:
        """A token that ends a sentence by its own punctuation."""
        return self.words[i] in _SENT_END

    def left_edge(self, i: int) -> int:
        return self.doc[i].left_edge.i

    def right_edge(self, i: int) -> int:
        return self.doc[i].right_edge.i

    def in_head_zone(self, char: int) -> bool:
        """Whether a character lies in the headline or standfirst, where quotes are reported only when unmistakable."""
        return char < self.head_zone_end


def _strings(doc: Doc, column: np.ndarray) -> list[str]:
    lookup = doc.vocab.strings
    cache: dict[int, str] = {}
    out = []
    for value in column.tolist():
        s = cache.get(value)
        if s is None:
            s = cache[value] = lookup[value] if value else ""
        out.append(s)
    return out


_TERMINAL = (".", "!", "?", "…", "\"", "”", "’", "'", ":")
_HEADLINE_WORDS = 40


def _head_zone_end(article: Article | None, text: str, starts: list[int], ends: list[int], bounds: list[tuple[int, int]]) -> int:
    """End of the headline/standfirst block: the structure stage's spans when it found them; otherwise the leading
    paragraphs that stop without a full stop (a headline and standfirst as scraped), else 0 (all body)."""
    if article is not None:
        st = article.structure
        known = [s.end for s in (st.headline, st.standfirst) if s is not None]
        if known:
            return max(known)
    end = 0
    for first, last in bounds:
        words = text[starts[first]:ends[last - 1]].rstrip()
        if words.endswith(_TERMINAL) or len(words.split()) > _HEADLINE_WORDS:
            break
        end = ends[last - 1]
    return end


def build(doc: Doc, article: Article | None = None) -> DocView:
    """The view of a doc; cached on the doc so every stage after the parse shares one."""
    cached = doc.user_data.get(_KEY)
    if cached is not None:
        return cached
    n = len(doc)
    # doc.text and iterating Tokens build a Python object per token; the article's text and the arrays are enough
    arr = doc.to_array([LOWER, POS, TAG, DEP, HEAD, IDX, ENT_TYPE, ENT_IOB, SENT_START, LENGTH]) if n else np.zeros((0, 10), dtype=np.uint64)
    start = arr[:, 5].astype(np.int64).tolist()
    end = [s + k for s, k in zip(start, arr[:, 9].astype(np.int64).tolist())]
    text = article.text if article is not None else doc.text
    if n and (end[-1] > len(text) or text[start[-1]:end[-1]] != doc[-1].text or text[start[0]:end[0]] != doc[0].text):
        text = doc.text  # the doc was parsed from some other text
    words = [text[s:e] for s, e in zip(start, end)]
    rel = arr[:, 4].astype(np.int64).tolist()
    head = [i + r for i, r in enumerate(rel)]
    children: list[list[int]] = [[] for _ in range(n)]
    for i, h in enumerate(head):
        if h != i:
            children[h].append(i)
    pos = _strings(doc, arr[:, 1])
    sent_flags = arr[:, 8].astype(np.int64).tolist()
    sent, para = [0] * n, [0] * n
    s_no = p_no = 0
    para_bounds: list[tuple[int, int]] = []
    p_first = 0
    for i in range(n):
        if i and sent_flags[i] == 1:
            s_no += 1
        sent[i] = s_no
        para[i] = p_no
        if pos[i] == "SPACE" and "\n" in words[i]:
            # the line break closes its paragraph; the next token opens the next one
            if i > p_first:
                para_bounds.append((p_first, i))
                p_no += 1
                s_no += 1
            p_first = i + 1
    if p_first < n:
        para_bounds.append((p_first, n))
    view = DocView(
        doc=doc,
        text=text,
        words=words,
        lower=_strings(doc, arr[:, 0]),
        pos=pos,
        tag=_strings(doc, arr[:, 2]),
        dep=_strings(doc, arr[:, 3]),
        head=head,
        start=start,
        end=end,
        ent=_strings(doc, arr[:, 6]),
        ent_begin=[v == 3 for v in arr[:, 7].tolist()],
        sent=sent,
        para=para,
        children=children,
        para_bounds=para_bounds,
        head_zone_end=_head_zone_end(article, text, start, end, para_bounds),
    )
    doc.user_data[_KEY] = view
    return view
