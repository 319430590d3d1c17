"""Datelines in every wire style the issue lists, and openings that only look like datelines."""

from __future__ import annotations

import pytest

from dateline.datelines import find


@pytest.mark.parametrize("paragraph,dateline,place,date_text,agency", [
    ("BELGRADE, December 4 /TASS/. Serbia and Hungary signed a pipeline deal.", "BELGRADE, December 4 /TASS/.", "BELGRADE", "December 4", "TASS"),
    ("MOSCOW, Dec 4 (Reuters) - The central bank held rates.", "MOSCOW, Dec 4 (Reuters) -", "MOSCOW", "Dec 4", "Reuters"),
    ("HANOI, Vietnam (AP) — Floods closed schools.", "HANOI, Vietnam (AP) —", "HANOI, Vietnam", None, "AP"),
    ("PARIS (AFP) - Farmers blocked roads.", "PARIS (AFP) -", "PARIS", None, "AFP"),
    ("BEIJING, Sept. 15 (Xinhua) -- China launched a satellite.", "BEIJING, Sept. 15 (Xinhua) --", "BEIJING", "Sept. 15", "Xinhua"),
    ("BRUSSELS 1996-08-22", "BRUSSELS 1996-08-22", "BRUSSELS", "1996-08-22", None),
    ("BRUSSELS 1996-08-22 The Commission met.", "BRUSSELS 1996-08-22", "BRUSSELS", "1996-08-22", None),
    ("LONDON -- Rail workers went on strike.", "LONDON --", "LONDON", None, None),
    ("LONDON — Rail workers went on strike.", "LONDON —", "LONDON", None, None),
    ("UNITED NATIONS, Dec. 4, 2015 (AP) — The council voted.", "UNITED NATIONS, Dec. 4, 2015 (AP) —", "UNITED NATIONS", "Dec. 4, 2015", "AP"),
    ("ST. PETERSBURG, Russia (AP) — A bridge opened.", "ST. PETERSBURG, Russia (AP) —", "ST. PETERSBURG, Russia", None, "AP"),
    ("KYIV/MOSCOW, March 3 (Reuters) - Talks stalled.", "KYIV/MOSCOW, March 3 (Reuters) -", "KYIV/MOSCOW", "March 3", "Reuters"),
    ("NEW DELHI, 4 December (IANS) - Prices rose.", "NEW DELHI, 4 December (IANS) -", "NEW DELHI", "4 December", "IANS"),
    ("Beijing, Sept. 15 (Xinhua) -- Rain fell.", "Beijing, Sept. 15 (Xinhua) --", "Beijing", "Sept. 15", "Xinhua"),
    ("SLIDELL, La. — Police made an arrest.", "SLIDELL, La. —", "SLIDELL, La.", None, None),
    ("GENEVA, Dec 4 /Xinhua/ -- Talks began.", "GENEVA, Dec 4 /Xinhua/ --", "GENEVA", "Dec 4", "Xinhua"),
    ("Tirana, Albania (CNN)Protesters gathered.", "Tirana, Albania (CNN)", "Tirana, Albania", None, "CNN"),
])
def test_wire_styles(paragraph: str, dateline: str, place: str, date_text: str | None, agency: str | None) -> None:
    found = find(paragraph)
    assert found is not None
    assert paragraph[: found.end] == dateline
    assert (found.place, found.date_text, found.agency) == (place, date_text, agency)


@pytest.mark.parametrize("paragraph", [
    "Russia supports the policy Serbia pursues, the minister said.",
    "FILE - In this photo taken last year, a ship waits at anchor.",
    "UN - member states voted on Friday.",
    "Goldman (GS) said profits rose.",
    "A man (AP) - said nothing.",
    "The EU - and its members - agreed.",
    "",
])
def test_openings_that_are_not_datelines(paragraph: str) -> None:
    assert find(paragraph) is None
