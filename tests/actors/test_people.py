"""Known actors' dated roles are resolved against the article's date."""

from __future__ import annotations

from dateline.actors.people import article_date, normalise_date, parse_roles, resolve
from dateline.model import Article, Dateline, Source

# A made-up career: envoy, then minister from mid-2004 on, elite ('ELI') outside dated roles.
CAREER = "RUTGOV@1994-09-22..2004-07-12#Ambassador to the UN;RUTGOVMIL@2004-07-13..2009-12-31#Defence Minister;RUTELI"


def test_roles_parse_with_dates_and_notes() -> None:
    roles = parse_roles(CAREER)
    assert [r.code for r in roles] == ["RUTGOV", "RUTGOVMIL", "RUTELI"]
    assert roles[1].start == "2004-07-13" and roles[1].end == "2009-12-31"
    assert roles[1].title == "Defence Minister"


def test_two_dates_give_two_codes() -> None:
    early, _ = resolve(CAREER, "2000-05-01", "named:X")
    later, _ = resolve(CAREER, "2006-05-01", "named:X")
    assert early.code == "RUTGOV" and early.role == "Ambassador to the UN"
    assert later.code == "RUTGOVMIL" and later.role == "Defence Minister"
    assert "2006-05-01" in later.rule


def test_after_the_roles_end_the_undated_code_applies() -> None:
    actor, _ = resolve(CAREER, "2015-01-01", "named:X")
    assert actor.code == "RUTELI"


def test_without_a_date_the_most_recent_role_is_used_and_said() -> None:
    actor, _ = resolve(CAREER, None, "named:X")
    assert actor.code == "RUTGOVMIL"
    assert "no date" in actor.rule


def test_no_role_at_the_date_keeps_only_the_country() -> None:
    actor, _ = resolve("RUTGOV@2004-01-01..2005-01-01", "1990-01-01", "named:X")
    assert actor.code == "RUT" and actor.sector is None


def test_dates_normalise_and_fall_back_to_the_dateline() -> None:
    assert normalise_date("2015-12-04T09:30:00Z") == "2015-12-04"
    assert normalise_date("2015") == "2015-07-01"
    assert normalise_date("December") is None
    article = Article(id="x", source=Source(), text="t", dateline=Dateline(date="2016-03-01"))
    assert article_date(article) == "2016-03-01"
