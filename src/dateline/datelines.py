"""Finds the wire dateline that opens a story: place, date text and agency, in the common agencies' styles."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import MONTH

_UP = r"A-ZÀ-ÖØ-Þ"
_LOW = r"a-zß-öø-ÿ"
# An upper-case place: "BELGRADE", "ST. PETERSBURG", "KYIV/MOSCOW", "N'DJAMENA", "RIO DE JANEIRO".
_PLACE_UP = rf"[{_UP}][{_UP}'’.\-]*(?:(?: |/|-)(?:[{_UP}][{_UP}'’.\-]*|de|da|du|al|el))*"
# A title-case place, only believed when an agency follows: "Beijing", "New Delhi".
_PLACE_TITLE = rf"[{_UP}][{_LOW}'’.\-]+(?: [{_UP}][{_LOW}'’.\-]+){{0,3}}"
# AP's region after the city: "HANOI, Vietnam", "SLIDELL, La.", "KYIV, Ukraine", "NEW YORK, N.Y."
_REGION = rf"[{_UP}][A-Za-z{_LOW}.'’\-]*(?: [{_UP}][A-Za-z{_LOW}.'’\-]*){{0,2}}"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_DATE = rf"(?:(?i:{MONTH})\s*{_DAY}(?:,?\s+(?:19|20)\d{{2}})?|{_DAY}\s+(?i:{MONTH})(?:,?\s+(?:19|20)\d{{2}})?|(?:19|20)\d{{2}}-\d{{2}}-\d{{2}})"
_AGENCY = r"[A-Z][A-Za-z.&'’\- ]{0,38}[A-Za-z.]"
_DASH = r"(?:--|—|–|-|:)"

_WIRE = re.compile(
    rf"^(?P<place>{_PLACE_UP}|{_PLACE_TITLE})"
    rf"(?:,\s*(?!(?i:{MONTH})\s*\d)(?P<region>{_REGION}))?"
    rf"(?:[,.]?\s+(?P<date>{_DATE}))?"
    rf"\s*(?:\((?P<agency>{_AGENCY})\)|/(?P<slashed>{_AGENCY})/)"
    rf"\s*(?P<sep>{_DASH}|\.)?"
)
_PLAIN = re.compile(
    rf"^(?P<place>{_PLACE_UP})"
    rf"(?:,\s*(?!(?i:{MONTH})\s*\d)(?P<region>{_REGION}))?"
    rf"(?:[,.]?\s+(?P<date>{_DATE}))?"
    rf"\s+(?P<sep>{_DASH})(?=\s)"
)
# Reuters' old (RCV1) style: "BRUSSELS 1996-08-22", then the story.
_ISO_STYLE = re.compile(rf"^(?P<place>{_PLACE_UP}) (?P<date>(?:19|20)\d{{2}}-\d{{2}}-\d{{2}})(?=\s|$)")
_MAX_LENGTH = 90
# Capitalised openers that look like places but label the paragraph instead ("FILE - In this photo ...").
_NOT_PLACES = frozenset({"FILE", "UPDATE", "UPDATED", "BREAKING", "BREAKING NEWS", "EXCLUSIVE", "ANALYSIS", "OPINION",
                         "WATCH", "VIDEO", "PHOTOS", "PHOTO", "CORRECTION", "EDITOR'S NOTE", "EDITORS NOTE", "NOTE", "LIVE"})
# Agencies whose dateline runs straight into the story with no dash: "Tirana, Albania (CNN)Albanian ..."
_NO_DASH_AGENCIES = frozenset({"CNN", "CNN Business", "TASS", "Reuters", "AP", "AFP", "Xinhua"})


@dataclass(frozen=True, slots=True)
class Found:
    """A dateline at the start of a paragraph: its length there and its parts."""

    end: int
    place: str
    date_text: str | None
    agency: str | None


def _place_ok(place: str) -> bool:
    letters = [c for c in place if c.isalpha()]
    return len(letters) >= 2


def find(paragraph: str) -> Found | None:
    """The dateline opening this paragraph, or None when it does not open with one."""
    head = paragraph[:160]
    for pattern in (_WIRE, _PLAIN, _ISO_STYLE):
        match = pattern.match(head)
        if match is None or not _place_ok(match["place"]) or match.end() > _MAX_LENGTH:
            continue
        if match["place"].rstrip(".") in _NOT_PLACES:
            continue
        if pattern is _PLAIN and match["place"].isupper() and len(match["place"]) <= 3 and not match["date"]:
            continue  # "UN - ..." or "EU -" open sentences more often than they are places
        groups = match.groupdict()
        agency = groups.get("agency") or groups.get("slashed")
        if pattern is _WIRE and not match["place"].isupper() and not groups.get("sep") and agency not in _NO_DASH_AGENCIES:
            continue  # "Goldman (GS) said ..." is a sentence, not a dateline
        place = match["place"] + (f", {groups['region']}" if groups.get("region") else "")
        return Found(end=len(head[:match.end()].rstrip()), place=place, date_text=match["date"],
                     agency=agency.strip() if agency else None)
    return None
