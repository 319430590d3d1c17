"""The offline gazetteer and the place of an event."""

from __future__ import annotations

from dateline.events.where import countries, dateline_place, geocode, lookup


def test_capitals_and_cities_have_country_and_coordinates():
    belgrade = lookup("Belgrade")
    assert belgrade.country == "SRB" and belgrade.kind == "capital"
    assert abs(belgrade.lat - 44.8) < 0.1 and abs(belgrade.lon - 20.47) < 0.1
    assert lookup("MOSCOW").country == "RUS"
    assert lookup("the Hague") is not None


def test_countries_and_aliases_have_no_point():
    serbia = geocode("Serbia")
    assert serbia.country == "SRB" and serbia.lat is None
    assert lookup("Britain").country == "GBR"
    assert lookup("U.S.").country == "USA"


def test_unknown_places_keep_their_name():
    loc = geocode("Nowhereville")
    assert loc.name == "Nowhereville" and loc.country is None


def test_country_codes():
    assert {"SRB", "RUS", "XKX", "USA"} <= countries()


def test_a_dateline_naming_city_and_country_is_the_city_vouched_for_by_the_country():
    nairobi = dateline_place("NAIROBI, Kenya")
    assert (nairobi.name, nairobi.country) == ("Nairobi", "KEN") and nairobi.lat is not None
    assert dateline_place("Smalltown, Kenya").country == "KEN"  # a town the gazetteer lacks
    assert dateline_place("Tripoli, Lebanon").country == "LBN"  # not Libya's Tripoli
    assert dateline_place("MOSCOW").country == "RUS"


def test_an_event_in_a_city_country_dateline_story_is_placed_in_that_country(code):
    ev = code("Police arrested dozens of protesters on Wednesday.", {"Police": "COP"}, place="NAIROBI, Kenya")[0]
    assert ev.location.country == "KEN" and ev.source.code == "KENCOP"
