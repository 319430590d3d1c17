"""When an event happened: time expressions in its clause, resolved against the article's date.

"on Friday" is the most recent Friday on or before the article date (the next one for a future
event); "late in October" is the most recent October (month granularity); "yesterday", "last
week", "last month", "in 2014", "on December 4", "two days ago" each resolve with the granularity
the words support: day, month or year. "last week" gives the month that held it, since a week is
no granularity of its own here. Without a time expression the event takes the article's date.
"""

from __future__ import annotations

from bisect import bisect_left

import re
from datetime import date, timedelta

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

WEEKDAYS = {d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
MONTHS = {m: i + 1 for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july",
                                          "august", "september", "october", "november", "december"))}
MONTHS.update({m[:3]: n for m, n in list(MONTHS.items())})
MONTHS["sept"] = 9
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "several": 3, "few": 3}
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}  # the month each begins in
HISTORICAL_DAYS = 365
WORD = re.compile(r"[a-z]+|\d+")

Resolved = tuple[str, str]  # (ISO date or month or year, granularity)


def parse_anchor(text: str | None) -> date | None:
    """The article's date as a date, from 'YYYY-MM-DD' (longer timestamps are cut)."""
    if not text or len(text) < 10:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _day(d: date) -> Resolved:
    return d.isoformat(), "day"


def _month(year: int, month: int) -> Resolved:
    return f"{year:04d}-{month:02d}", "month"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + delta
    return n // 12, n % 12 + 1


def _weekday(anchor: date, wd: int, words: list[str], future: bool) -> Resolved:
    back = (anchor.weekday() - wd) % 7
    if "next" in words or (future and "last" not in words):
        ahead = (wd - anchor.weekday()) % 7 or (7 if "next" in words else 0)
        return _day(anchor + timedelta(days=ahead))
    if "last" in words and back == 0:
        back = 7
    return _day(anchor - timedelta(days=back))


def _relative(anchor: date, words: list[str]) -> Resolved | None:
    if "yesterday" in words or words[:2] == ["last", "night"]:
        return _day(anchor - timedelta(days=1))
    if "tomorrow" in words:
        return _day(anchor + timedelta(days=1))
    if words[:1] in (["today"], ["tonight"]) or words[:2] in (["this", "morning"], ["this", "afternoon"], ["this", "evening"]):
        return _day(anchor)
    for unit in ("week", "month", "year"):
        if unit in words or unit + "s" in words:
            step = -1 if "last" in words or "past" in words or "ago" in words else 1 if "next" in words else 0
            if unit == "year":
                n = _count(words) if "ago" in words else 1
                return f"{anchor.year + step * n:04d}", "year"
            if unit == "month":
                n = _count(words) if "ago" in words else 1
                return _month(*_shift_month(anchor.year, anchor.month, step * n))
            days = 7 * (_count(words) if "ago" in words else 1) * step
            moved = anchor + timedelta(days=days)
            return _month(moved.year, moved.month)
    if (season := next((SEASONS[w] for w in words if w in SEASONS), None)) is not None and \
            {"next", "last", "this", "coming", "past"} & set(words):
        year = anchor.year  # 'next spring' said in September is next year's; 'last spring' said in February last year's
        if "next" in words or "coming" in words:
            year += season <= anchor.month
        elif "last" in words or "past" in words:
            year -= season >= anchor.month
        return f"{year:04d}", "year"
    if "days" in words and "ago" in words:
        return _day(anchor - timedelta(days=_count(words)))
    return None


def _count(words: list[str]) -> int:
    for w in words:
        if w.isdigit():
            return int(w)
        if w in NUMBERS:
            return NUMBERS[w]
    return 1


def resolve(text: str, anchor: date, future: bool = False) -> Resolved | None:
    """Resolve one time expression against the anchor date; None when its words give no date."""
    words = WORD.findall(text.lower())
    if not words:
        return None
    if rel := _relative(anchor, words):
        return rel
    for w in words:
        if w in WEEKDAYS:
            return _weekday(anchor, WEEKDAYS[w], words, future)
    years = [int(w) for w in words if len(w) == 4 and w.isdigit() and 1800 <= int(w) <= 2200]
    month = next((MONTHS[w] for w in words if w in MONTHS and not (w == "may" and len(words) == 1)), None)
    days = [int(w) for w in words if w.isdigit() and len(w) <= 2 and 1 <= int(w) <= 31]
    if month is None:
        return (f"{years[0]:04d}", "year") if years else None
    year = years[0] if years else anchor.year
    if days:
        try:
            when = date(year, month, days[0])
        except ValueError:
            return _month(year, month)
        if not years and not future and when > anchor:
            when = when.replace(year=year - 1) if not (month == 2 and days[0] == 29) else when
        elif not years and future and when < anchor:
            when = when.replace(year=year + 1) if not (month == 2 and days[0] == 29) else when
        return _day(when)
    if not years and not future and (year, month) > (anchor.year, anchor.month):
        year -= 1
    elif not years and future and (year, month) < (anchor.year, anchor.month):
        year += 1
    return _month(year, month)


def _belongs(ent: SpacySpan, anchors: tuple[Token, ...]) -> bool:
    """Whether a time expression attaches to the event's own clause (not to another verb's)."""
    head = ent.root.head
    on_day = head.lower_ == "on"
    for _ in range(6):
        if head in anchors:
            return True
        if on_day and head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "attr") and head.head in anchors:
            return True  # 'arrested dozens of people on Wednesday': the parser hangs the day on the object
        if head.pos_ in ("VERB", "AUX", "NOUN", "PROPN") or head.head.i == head.i:
            return False
        head = head.head
    return False


def _expression(ent: SpacySpan, sent_start: int) -> str:
    """The time expression with the words before it that qualify it ('late in October', 'last Friday')."""
    doc = ent.doc
    start = ent.start
    while start > sent_start and doc[start - 1].lower_ in ("late", "early", "mid", "in", "on", "last", "next", "this"):
        start -= 1
    return doc[start:ent.end].text


class TimeIndex:
    """A document's DATE and TIME entities, read once (a sentence's own `.ents` walks the whole document's)."""

    def __init__(self, doc) -> None:
        self.ents = [ent for ent in doc.ents if ent.label_ in ("DATE", "TIME")]
        self.starts = [ent.start for ent in self.ents]

    def within(self, sent: SpacySpan) -> list[SpacySpan]:
        """The time expressions inside one sentence."""
        lo = bisect_left(self.starts, sent.start)
        hi = bisect_left(self.starts, sent.end)
        return [ent for ent in self.ents[lo:hi] if ent.end <= sent.end]


def event_date(anchors: tuple[Token, ...], anchor: date | None, future: bool,
               times: list[SpacySpan] | None = None, sent_start: int | None = None) -> Resolved | None:
    """The date of an event: a time expression of its clause, else the article's date; None without either.

    `times` and `sent_start` (the sentence's time expressions and first token) spare a walk of the sentence per event."""
    if anchor is None:
        return None
    if times is None or sent_start is None:
        sent = anchors[0].sent
        times, sent_start = TimeIndex(sent.doc).within(sent), sent.start
    for ent in times:
        if _belongs(ent, anchors):
            if found := resolve(_expression(ent, sent_start), anchor, future):
                return found
    return _day(anchor)


def is_ahead(resolved: Resolved, anchor: date | None) -> bool:
    """Whether the event's period begins after the article date ('the visit next spring')."""
    if anchor is None:
        return False
    text, granularity = resolved
    year = int(text[:4])
    begin = date(year, 1, 1) if granularity == "year" else date(year, int(text[5:7]), 1) if granularity == "month" \
        else date.fromisoformat(text)
    return begin > anchor


def is_historical(resolved: Resolved, anchor: date | None) -> bool:
    """Whether the event's period ended more than a year before the article date."""
    if anchor is None:
        return False
    text, granularity = resolved
    year = int(text[:4])
    if granularity == "year":
        end = date(year, 12, 31)
    elif granularity == "month":
        y, m = _shift_month(year, int(text[5:7]), 1)
        end = date(y, m, 1) - timedelta(days=1)
    else:
        end = date.fromisoformat(text)
    return (anchor - end).days > HISTORICAL_DAYS
