"""CAMEO codes split into country and sector, old CAMEO country codes become ISO."""

from __future__ import annotations

from dateline.actors.codes import combine, iso_code, make_actor, split_code


def test_old_cameo_country_codes_map_to_iso() -> None:
    assert iso_code("JAP") == "JPN"
    assert iso_code("ITL") == "ITA"
    assert iso_code("KSV") == "XKX"
    assert iso_code("RUS") == "RUS"


def test_split_code_separates_country_sector_and_igo() -> None:
    assert split_code("RUSGOV") == ("RUS", "GOV")
    assert split_code("JAPGOV") == ("JPN", "GOV")
    assert split_code("IGOUNO") == ("IGO", "UNO")
    assert split_code("REB") == (None, "REB")


def test_make_actor_finds_the_sector_after_an_igo_code() -> None:
    actor = make_actor("IGOUNOMIL")
    assert (actor.country, actor.sector) == ("IGO", "MIL")
    assert make_actor("IGOEURCOE").sector is None
    assert make_actor("SRBGOVMED").sector == "GOV"


def test_combine_does_not_repeat_a_sector() -> None:
    assert combine("RUS", "GOV").code == "RUSGOV"
    assert combine("RUSGOV", "GOV").code == "RUSGOV"
    assert combine(None, "COP").code == "COP"
    assert combine(None, None) is None
