"""Publication dates: from the user, metadata, the URL, a timestamp line, the dateline, or a stated weekday; never invented."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Longest names first so "September" is not read as "Sep" + "tember".
MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_MONTH_NAME = re.compile(MONTH, re.I)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"

_FULL_DATES = (
    (re.compile(rf"(?<![\d.])(?P<y>{_YEAR})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})(?![\d])"), "ymd"),
    (re.compile(rf"(?<![\d.])(?P<y>{_YEAR})[./](?P<m>\d{{1,2}})[./](?P<d>\d{{1,2}})(?!\d)"), "ymd"),
    (re.compile(rf"(?<![\d.])(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>{_YEAR})(?!\d)"), "ymd"),
    (re.compile(rf"\b(?P<mn>{MONTH})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR})\b", re.I), "name"),
    (re.compile(rf"\b(?P<d>{_DAY})\s+(?P<mn>{MONTH}),?\s+(?P<y>{_YEAR})\b", re.I), "name"),
)
_MONTH_DAY = re.compile(rf"^(?:(?P<mn>{MONTH})\s+(?P<d>{_DAY})|(?P<d2>{_DAY})\s+(?P<mn2>{MONTH}))(?:,?\s+(?P<y>{_YEAR}))?$", re.I)
_ISO = re.compile(rf"^(?P<y>{_YEAR})-(?P<m>\d{{2}})-(?P<d>\d{{2}})$")
_URL_DATES = (
    re.compile(rf"/(?P<y>{_YEAR})[-/_](?P<m>\d{{2}})[-/_](?P<d>\d{{2}})(?=[/_.-]|$)"),  # /2017/09/15/ /2017-09-15/ /2017-09/15/
    re.compile(rf"(?<![\d])(?P<y>{_YEAR})(?P<m>[01]\d)(?P<d>[0-3]\d)(?![\d])"),  # /20170915/ or -20170915.html
)
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_YEAR_MENTION = re.compile(rf"(?<![\d.,/-])({_YEAR})(?![\d.,/-]\d)")
_EARLIEST_YEAR = 1980


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def month_number(name: str) -> int | None:
    """The month a name or abbreviation stands for ("Sept." -> 9)."""
    return MONTHS.get(name.lower().rstrip("."))


def find_full_date(text: str) -> tuple[str, int, int] | None:
    """The first date with day, month and year in a text: (ISO date, start, end)."""
    best: tuple[str, int, int] | None = None
    for pattern, style in _FULL_DATES:
        for match in pattern.finditer(text):
            month = int(match["m"]) if style == "ymd" else month_number(match["mn"])
            found = _valid(int(match["y"]), month or 0, _day(match["d"]))
            if found:
                if best is None or match.start() < best[1]:
                    best = (found.isoformat(), match.start(), match.end())
                break
    return best


def parse_date_text(text: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) for a dateline's date such as "Dec. 4", "4 December 2015" or "2015-12-04"."""
    text = text.strip()
    iso = _ISO.match(text)
    if iso:
        found = _valid(int(iso["y"]), int(iso["m"]), int(iso["d"]))
        return (found.year, found.month, found.day) if found else None
    match = _MONTH_DAY.match(text)
    if not match:
        return None
    month = month_number(match["mn"] or match["mn2"])
    day = _day(match["d"] or match["d2"])
    year = int(match["y"]) if match["y"] else None
    if month is None or _valid(year or 2000, month, day) is None:
        return None
    return year, month, day


def parse_metadata_date(value: str | None) -> str | None:
    """A metadata date ("2017-09-15T00:00:00", "Fri, 15 Sep 2017 10:00:00 GMT", "September 15, 2017") as YYYY-MM-DD."""
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    found = find_full_date(value)
    return found[0] if found else None


def date_from_url(url: str | None, today: date | None = None) -> str | None:
    """A publication date spelled in a URL's path (/2017/09/15/, /2017-09/15/, /20170915/), when it is a real past date."""
    if not url:
        return None
    path = urlsplit(url).path
    limit = today or date.today()
    for pattern in _URL_DATES:
        for match in pattern.finditer(path):
            found = _valid(int(match["y"]), int(match["m"]), int(match["d"]))
            if found and date(_EARLIEST_YEAR, 1, 1) <= found <= limit:
                return found.isoformat()
    return None


def nearest(month: int, day: int, anchor: date) -> date | None:
    """The month and day in the year that puts them closest to the anchor (a dateline near New Year falls either side)."""
    options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _valid(y, month, day))]
    return min(options, key=lambda d: abs((d - anchor).days)) if options else None


def weekday_years(month: int, day: int, weekday: int, today: date) -> list[int]:
    """Every year up to today in which month/day fell on the weekday, latest first."""
    years = []
    for year in range(today.year, _EARLIEST_YEAR - 1, -1):
        found = _valid(year, month, day)
        if found and found <= today and found.weekday() == weekday:
            years.append(year)
    return years


@dataclass(slots=True)
class Inference:
    """A year inferred from a weekday, with what it rests on, for published_evidence."""

    date: str
    evidence: str


def infer_year(month: int, day: int, date_text: str, lead: str, text: str, today: date | None = None) -> Inference | None:
    """The year in which the dateline's day fell on the one weekday the lead names, with the other candidates listed."""
    names = {m.group(1) for m in _WEEKDAY.finditer(lead)}
    if len(names) != 1:
        return None
    weekday_name = names.pop()
    today = today or date.today()
    years = weekday_years(month, day, WEEKDAYS.index(weekday_name), today)
    if not years:
        return None
    mentioned = [int(y) for y in _YEAR_MENTION.findall(text) if _EARLIEST_YEAR <= int(y) <= today.year]
    if mentioned:
        floor = max(mentioned)
        later = [y for y in years if y >= floor]
        if not later:
            return None
        chosen, why = min(later), f"the first such year not before {floor}, the latest year the text mentions"
    else:
        chosen, why = years[0], "the latest such year up to today"
    others = [y for y in years if y != chosen][:4]
    also = f"; other candidate years: {', '.join(map(str, others))}" if others else ""
    evidence = (f"inferred from the dateline '{date_text}' and '{weekday_name}' in the lead: "
                f"{date_text} fell on a {weekday_name} in {chosen} ({why}){also}")
    return Inference(date(chosen, month, day).isoformat(), evidence)


@dataclass(slots=True)
class Published:
    """The publication date an article gets, where it came from, and the words or field it rests on."""

    date: str | None = None
    source: str | None = None
    evidence: str | None = None


def _given(cli: str | None, metadata: str | None, url: str | None, timestamps: list[str], today: date) -> Published | None:
    """A publication date someone stated: the user, the metadata, the URL, or a timestamp line of the page."""
    if cli:
        return Published(cli, "cli", "given with --published")
    found = parse_metadata_date(metadata)
    if found:
        return Published(found, "metadata", f"publication date field {metadata!r}")
    found = date_from_url(url, today)
    if found:
        return Published(found, "url", f"date in the URL {url}")
    for line in timestamps:
        stamp = find_full_date(line)
        if stamp:
            return Published(stamp[0], "text", f"timestamp line {line.strip()!r}")
    return None


def resolve(*, cli: str | None = None, metadata: str | None = None, url: str | None = None,
            timestamps: list[str] | None = None, date_text: str | None = None, lead: str = "", text: str = "",
            today: date | None = None) -> tuple[Published, str | None]:
    """The article's publication date and its dateline's full date, each only as far as the evidence goes."""
    today = today or date.today()
    published = _given(cli, metadata, url, timestamps or [], today)
    parsed = parse_date_text(date_text) if date_text else None
    if parsed is None:
        return published or Published(), None
    year, month, day = parsed
    if year is not None:
        stated = date(year, month, day).isoformat()
        return published or Published(stated, "dateline", f"the dateline's date {date_text!r}"), stated
    if published is not None:
        near = nearest(month, day, date.fromisoformat(published.date))  # type: ignore[arg-type]
        return published, near.isoformat() if near else None
    inferred = infer_year(month, day, date_text, lead, text, today)  # type: ignore[arg-type]
    if inferred is not None:
        return Published(inferred.date, "inferred", inferred.evidence), inferred.date
    why = f"unknown: the dateline's date {date_text!r} has no year, and no weekday in the lead settles one"
    return Published(None, None, why), None
