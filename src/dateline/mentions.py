"""Finds which entity a stretch of text refers to, for the stages after entities and coreference."""

from __future__ import annotations

from bisect import bisect_right

from .model import Article, Entity


class MentionIndex:
    """Maps character ranges of an article to the entities whose mentions cover them."""

    def __init__(self, article: Article) -> None:
        rows = sorted(((m.start, m.end, ent) for ent in article.entities for m in ent.mentions), key=lambda r: (r[0], r[1]))
        self._starts = [r[0] for r in rows]
        self._rows = rows
        self._longest = max((e - s for s, e, _ in rows), default=0)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        """Every (start, end, entity) mention that overlaps [start, end)."""
        lo = bisect_right(self._starts, start - self._longest - 1)
        hi = bisect_right(self._starts, end - 1)
        return [r for r in self._rows[lo:hi] if r[0] < end and r[1] > start]

    def at(self, start: int, end: int, head: int | None = None) -> Entity | None:
        """The entity a phrase refers to: the mention holding its head, else the longest inside it, else the tightest around it."""
        rows = self.overlapping(start, end)
        if not rows:
            return None
        if head is not None:
            holding = [r for r in rows if r[0] <= head < r[1]]
            if holding:
                return max(holding, key=lambda r: (r[0] >= start and r[1] <= end, r[1] - r[0]))[2]
        inside = [r for r in rows if r[0] >= start and r[1] <= end]
        if inside:
            return max(inside, key=lambda r: r[1] - r[0])[2]
        return min(rows, key=lambda r: r[1] - r[0])[2]
