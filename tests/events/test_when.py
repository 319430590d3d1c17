"""Time expressions resolved against the article's date, with their granularity."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.events.when import is_ahead, is_historical, parse_anchor, resolve

from .conftest import only

FRIDAY = date(2015, 12, 4)  # a Friday


@pytest.mark.parametrize("text,expected", [
    ("on Friday", ("2015-12-04", "day")),
    ("on Wednesday", ("2015-12-02", "day")),
    ("last Friday", ("2015-11-27", "day")),
    ("Saturday", ("2015-11-28", "day")),
    ("yesterday", ("2015-12-03", "day")),
    ("today", ("2015-12-04", "day")),
    ("two days ago", ("2015-12-02", "day")),
    ("late in October", ("2015-10", "month")),
    ("in December", ("2015-12", "month")),
    ("in January", ("2015-01", "month")),
    ("last month", ("2015-11", "month")),
    ("last week", ("2015-11", "month")),
    ("on December 4", ("2015-12-04", "day")),
    ("on December 9", ("2014-12-09", "day")),
    ("4 March 2012", ("2012-03-04", "day")),
    ("in 2014", ("2014", "year")),
    ("last year", ("2014", "year")),
])
def test_past_expressions(text, expected):
    assert resolve(text, FRIDAY) == expected


@pytest.mark.parametrize("text,expected", [
    ("on Monday", ("2015-12-07", "day")),
    ("next Friday", ("2015-12-11", "day")),
    ("in January", ("2016-01", "month")),
    ("next month", ("2016-01", "month")),
    ("tomorrow", ("2015-12-05", "day")),
])
def test_future_events_look_ahead(text, expected):
    assert resolve(text, FRIDAY, future=True) == expected


@pytest.mark.parametrize("text,anchor,expected", [
    ("next spring", date(2023, 9, 15), ("2024", "year")),
    ("next summer", date(2023, 2, 1), ("2023", "year")),
    ("last spring", date(2023, 9, 15), ("2023", "year")),
    ("last winter", date(2023, 2, 1), ("2022", "year")),
    ("this autumn", date(2023, 2, 1), ("2023", "year")),
])
def test_seasons_resolve_to_their_year(text, anchor, expected):
    assert resolve(text, anchor) == expected


def test_a_period_is_ahead_when_it_begins_after_the_article():
    assert is_ahead(("2016", "year"), FRIDAY) and is_ahead(("2016-01", "month"), FRIDAY)
    assert not is_ahead(("2015", "year"), FRIDAY) and not is_ahead(("2015-12-04", "day"), FRIDAY)


def test_an_event_noun_dated_ahead_is_planned(code):
    ev = only(code("Officials prepared for the state visit of the Chilean president to Lima next spring.",
                   {"the Chilean president": "CHLGOV"}), "state visit")
    assert ev.mode == "future" and ev.date == "2016" and ev.cameo == "036"


def test_words_without_a_date_give_nothing():
    assert resolve("for a while", FRIDAY) is None
    assert resolve("", FRIDAY) is None


def test_anchor_parsing():
    assert parse_anchor("2015-12-04T10:00:00Z") == FRIDAY
    assert parse_anchor("2015") is None
    assert parse_anchor(None) is None
    assert parse_anchor("not a date") is None


def test_historical_means_ended_more_than_a_year_before():
    assert is_historical(("2013", "year"), FRIDAY)
    assert is_historical(("2014-10", "month"), FRIDAY)
    assert not is_historical(("2014-12", "month"), FRIDAY)
    assert not is_historical(("2015-10", "month"), FRIDAY)
    assert not is_historical(("2015-12-03", "day"), FRIDAY)
    assert not is_historical(("2010", "year"), None)


def test_a_day_the_parser_hangs_on_the_object_is_the_events(code):
    ev = code("The Kenyan president condemned the attack on Tuesday.")[0]  # 2015-12-04 is a Friday
    assert ev.date == "2015-12-01"
