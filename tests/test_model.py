"""The data model round-trips through its JSON form and the contract catches broken spans."""

from __future__ import annotations

import pytest

from dateline import contract
from dateline.model import (Actor, Article, Dateline, Entity, Event, EventActor, Location, Mention,
                            Quote, Source, Span, Structure, article_id)

TEXT = "Ruritania backs Freedonia, minister says\n\nZENDA, May 2 (Reuters) - Ruritania backs Freedonia, Foreign Minister Anna Berg said."


def _article() -> Article:
    head = Span.of(TEXT, 0, 40)
    body_start = TEXT.index("ZENDA")
    body = Span.of(TEXT, body_start, len(TEXT))
    berg = TEXT.index("Anna Berg")
    said = TEXT.index("said")
    content = Span.of(TEXT, TEXT.index("Ruritania backs", body_start), TEXT.index(", Foreign"))
    return Article(
        id=article_id(TEXT),
        source=Source(path="x.txt", format="text"),
        text=TEXT,
        structure=Structure(headline=head, body=body, dateline=Span.of(TEXT, body_start, body_start + 23), paragraphs=[head, body]),
        dateline=Dateline(place="ZENDA", date="2024-05-02", date_text="May 2", agency="Reuters"),
        published="2024-05-02",
        published_from="cli",
        entities=[Entity("e1", "Anna Berg", "PERSON", Actor("RTAGOV", "RTA", "GOV", "Foreign Minister", "title"),
                         [Mention(berg, berg + 9, "Anna Berg", "name")])],
        quotes=[Quote("q1", "indirect", content, Span.of(TEXT, said, said + 4), Span.of(TEXT, berg, berg + 9), "e1", "Anna Berg")],
        events=[Event("v1", "051", "SUPPORT", body, Span.of(TEXT, content.start + 10, content.start + 15), "verb:back",
                      source=EventActor("Ruritania", "RTA"), target=EventActor("Freedonia", "FRE"), reported_by="q1",
                      location=Location("Zenda", "RTA", 1.0, 2.0), goldstein=3.0, quad_class=1)],
    )


def test_round_trip_keeps_every_field() -> None:
    article = _article()
    data = article.to_dict()
    assert Article.from_dict(data) == article
    assert data["entities"][0]["mentions"][0]["rule"] == "name"


def test_valid_article_keeps_the_contract() -> None:
    assert contract.problems(_article().to_dict()) == []


def test_contract_catches_span_text_mismatch() -> None:
    data = _article().to_dict()
    data["quotes"][0]["content"]["text"] = "something else"
    found = contract.problems(data)
    assert any("quotes[0].content" in p for p in found)


def test_contract_catches_unknown_reference() -> None:
    data = _article().to_dict()
    data["events"][0]["reported_by"] = "q9"
    with pytest.raises(ValueError, match="reported_by"):
        contract.check(data)


def test_article_id_ignores_whitespace_and_unicode_form() -> None:
    assert article_id("A  b\u00a0c\n") == article_id("A b c")
    assert article_id("A b c") != article_id("A b d")
