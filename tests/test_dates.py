"""Publication dates: each rule, in order of trust, and the year inferred from a weekday only with its evidence."""

from __future__ import annotations

from datetime import date

import pytest

from dateline import dates

TODAY = date(2026, 11, 27)


@pytest.mark.parametrize("value,expected", [
    ("2017-09-15T00:00:00", "2017-09-15"), ("2017-09-15 17:52:00", "2017-09-15"), ("2023-10-17T08:00:00Z", "2023-10-17"),
    ("Fri, 15 Sep 2017 10:00:00 GMT", "2017-09-15"), ("September 15, 2017", "2017-09-15"), ("2017-09-15", "2017-09-15"),
    ("", None), ("not a date", None), (None, None),
])
def test_metadata_dates(value: str | None, expected: str | None) -> None:
    assert dates.parse_metadata_date(value) == expected


@pytest.mark.parametrize("url,expected", [
    ("http://africa.example.com/world/2017-09/15/content_32041310.htm", "2017-09-15"),
    ("https://www.example.com/sports/2016/11/03/a-b-c_story.html", "2016-11-03"),
    ("http://www.example.com/news/20180101/sun-fun-flowers", "2018-01-01"),
    ("https://example.com/2017-09-15/story", "2017-09-15"),
    ("https://example.com/article/12465519.php", None),
    ("https://example.com/2017/13/45/story", None),
    ("https://example.com/2031/01/01/future", None),
    ("https://example.com/story?date=2017-09-15", None),
    (None, None),
])
def test_url_dates(url: str | None, expected: str | None) -> None:
    assert dates.date_from_url(url, TODAY) == expected


@pytest.mark.parametrize("text,expected", [
    ("December 4", (None, 12, 4)), ("Dec 4", (None, 12, 4)), ("Dec. 4", (None, 12, 4)), ("Sept. 15", (None, 9, 15)),
    ("4 December", (None, 12, 4)), ("Dec. 4, 2015", (2015, 12, 4)), ("1996-08-22", (1996, 8, 22)),
    ("February 30", None), ("Friday", None),
])
def test_dateline_date_text(text: str, expected: tuple | None) -> None:
    assert dates.parse_date_text(text) == expected


def test_nearest_year_falls_either_side_of_new_year() -> None:
    assert dates.nearest(12, 31, date(2016, 1, 1)) == date(2015, 12, 31)
    assert dates.nearest(1, 1, date(2015, 12, 31)) == date(2016, 1, 1)
    assert dates.nearest(12, 4, date(2015, 12, 4)) == date(2015, 12, 4)


def test_cli_beats_metadata_beats_url_beats_text() -> None:
    url = "http://example.com/2017/09/14/story"
    stamp = ["Updated: 2017-09-13 10:00"]
    assert dates.resolve(cli="2017-09-16", metadata="2017-09-15", url=url, timestamps=stamp, today=TODAY)[0].source == "cli"
    assert dates.resolve(metadata="2017-09-15", url=url, timestamps=stamp, today=TODAY)[0].date == "2017-09-15"
    assert dates.resolve(url=url, timestamps=stamp, today=TODAY)[0].date == "2017-09-14"
    found = dates.resolve(timestamps=stamp, today=TODAY)[0]
    assert (found.date, found.source) == ("2017-09-13", "text") and "Updated: 2017-09-13" in found.evidence


def test_dateline_day_is_resolved_against_the_publication_date() -> None:
    published, dateline_date = dates.resolve(metadata="2016-01-02T08:00:00", date_text="Dec 31", today=TODAY)
    assert (published.date, dateline_date) == ("2016-01-02", "2015-12-31")


def test_a_dateline_with_a_year_dates_the_article() -> None:
    published, dateline_date = dates.resolve(date_text="1996-08-22", today=TODAY)
    assert (published.date, published.source, dateline_date) == ("1996-08-22", "dateline", "1996-08-22")


def test_year_inferred_from_the_weekday_names_its_evidence_and_the_other_years() -> None:
    published, dateline_date = dates.resolve(date_text="December 4", lead="the minister said on Friday.", today=TODAY)
    assert published.source == "inferred" and published.date == dateline_date == "2020-12-04"
    assert "Friday" in published.evidence and "December 4" in published.evidence
    assert "2015" in published.evidence and "2009" in published.evidence  # the other candidates are named


def test_years_the_text_mentions_narrow_the_inference() -> None:
    published, _ = dates.resolve(date_text="December 4", lead="talks on Friday", text="a deal signed in 2012", today=TODAY)
    assert published.date == "2015-12-04" and "2012" in published.evidence


def test_no_weekday_or_two_weekdays_leave_the_year_unknown() -> None:
    for lead in ("the minister said.", "talks on Friday after a meeting on Monday"):
        published, dateline_date = dates.resolve(date_text="December 4", lead=lead, today=TODAY)
        assert published.date is None and published.source is None and dateline_date is None
        assert published.evidence and published.evidence.startswith("unknown")


def test_candidate_years_all_fall_on_the_stated_weekday() -> None:
    years = dates.weekday_years(2, 29, 4, TODAY)  # 29 February on a Friday
    assert years == [2008, 1980]
    assert all(date(y, 2, 29).weekday() == 4 for y in years)
    assert dates.infer_year(2, 30, "Feb 30", "on Friday", "", TODAY) is None  # no such day, no year


def test_nothing_to_go_on_stays_unknown() -> None:
    published, dateline_date = dates.resolve(today=TODAY)
    assert (published.date, published.source, dateline_date) == (None, None, None)


@pytest.mark.parametrize("text,expected", [
    ("Updated: 2017-09-15 17:52", "2017-09-15"), ("Published By - News - 2017.12.30. 18:26", "2017-12-30"),
    ("15.09.2017", "2017-09-15"), ("Posted on September 15, 2017", "2017-09-15"), ("on 15 Sept 2017", "2017-09-15"),
    ("no date here", None),
])
def test_full_dates_in_text(text: str, expected: str | None) -> None:
    found = dates.find_full_date(text)
    assert (found[0] if found else None) == expected
