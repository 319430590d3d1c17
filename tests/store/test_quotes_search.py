"""Quote queries and full-text search over article text and quotes, on both backends."""

from __future__ import annotations

import pytest

from dateline.errors import UsageError
from dateline.store import Store

from .stories import border, flood_aid, lavrov_original, lavrov_republished, lavrov_update, quiet, sanctions, undated

ALL = [lavrov_original(), lavrov_republished(), lavrov_update(), sanctions(), border(), flood_aid(), undated(), quiet()]
LAVROV_IDS = {a.id for a in ALL[:3]}


@pytest.fixture
def filled(store: Store) -> Store:
    store.write_articles(ALL)
    return store


def test_speaker_matches_any_case_and_part_of_the_name(filled: Store) -> None:
    every = filled.quotes(speaker="lavrov", dedup=False)
    assert {q.article_id for q in every} == LAVROV_IDS
    assert all(q.speaker_name == "Sergei Lavrov" and q.speaker_code == "RUSGOV" for q in every)
    assert [q.speaker_name for q in filled.quotes(speaker="Kyle")] == ["Kyle Scott"]
    assert filled.quotes(speaker="Nobody") == []


def test_speaker_by_actor_code(filled: Store) -> None:
    assert [q.speaker_name for q in filled.quotes(speaker="usagov")] == ["Kyle Scott"]


def test_like_wildcards_in_a_name_are_literal(filled: Store) -> None:
    assert filled.quotes(speaker="%") == []
    assert filled.quotes(speaker="_") == []


def test_repeated_quote_listed_once_with_its_article_count(filled: Store) -> None:
    once = filled.quotes(speaker="Lavrov")
    assert len(once) == 1 and once[0].num_articles == 3
    assert len(filled.quotes(speaker="Lavrov", dedup=False)) == 3


def test_dedup_respects_date_filters(filled: Store) -> None:
    # The update (published a day later) is the only one left; its twin outside the range must not hide it.
    later = filled.quotes(speaker="Lavrov", since="2017-03-03")
    assert [(q.article_id, q.num_articles) for q in later] == [(ALL[2].id, 1)]


@pytest.mark.parametrize("search, speakers", [
    ("Kosovo", {"Sergei Lavrov"}),
    ("kosovo settled", {"Sergei Lavrov"}),          # every word, any case
    ('"lost their homes"', {"Kyle Scott"}),          # a phrase
    ('"homes lost their"', set()),                   # words in another order are not the phrase
    ("families OR Kosovo", {"Sergei Lavrov", "Kyle Scott"}),
    ("family", {"Kyle Scott"}),                      # stemmed: family ~ families
    ("Kosovo -Belgrade", set()),                     # excluded word
    ("U.S. (aid)", set()),                           # punctuation is not a syntax error
])
def test_quote_search(filled: Store, search: str, speakers: set[str]) -> None:
    assert {q.speaker_name for q in filled.quotes(search=search, dedup=False)} == speakers


def test_search_and_speaker_combine(filled: Store) -> None:
    assert filled.quotes(search="Kosovo", speaker="Kyle") == []
    assert len(filled.quotes(search="Kosovo", speaker="Lavrov", dedup=False)) == 3


def test_quote_offsets_point_at_the_text(filled: Store) -> None:
    texts = {a.id: a.text for a in ALL}
    for q in filled.quotes(dedup=False, limit=None):
        assert texts[q.article_id][q.content_start:q.content_end] == q.content
        if q.speaker_start is not None:
            assert texts[q.article_id][q.speaker_start:q.speaker_end] == q.speaker


def test_quote_kind_article_and_paging(filled: Store) -> None:
    assert len(filled.quotes(kind="direct", dedup=False, limit=None)) == 4
    assert filled.quotes(kind="indirect") == []
    assert [q.article_id for q in filled.quotes(article=ALL[5].id)] == [ALL[5].id]
    every = filled.quotes(dedup=False, limit=None)
    assert filled.quotes(dedup=False, limit=2, offset=1) == every[1:3]


def test_bad_quote_filter(filled: Store) -> None:
    with pytest.raises(UsageError):
        filled.quotes(until="soon")
    with pytest.raises(UsageError):
        filled.quotes(said="x")


def test_article_search_ranks_and_snippets(filled: Store) -> None:
    hits = filled.search_articles("sanctions")
    assert [h.article_id for h in hits] == [ALL[3].id]
    assert "[sanctions]" in hits[0].snippet.lower()
    assert {h.article_id for h in filled.search_articles("Kosovo")} == LAVROV_IDS
    assert {h.article_id for h in filled.search_articles("flooded farms")} == {ALL[5].id}
    assert filled.search_articles("zebra") == []
    assert filled.search_articles("***") == []


def test_search_follows_rewrites(filled: Store) -> None:
    import dataclasses

    quiet_one = ALL[7]
    filled.write_articles([dataclasses.replace(quiet_one, title="Heatwave warning")])
    assert [h.article_id for h in filled.search_articles("heatwave")] == [quiet_one.id]
    assert [h.title for h in filled.search_articles("weather turns")] == ["Heatwave warning"]  # one entry, new title


@pytest.mark.parametrize("typed, fts5", [
    ("Kosovo", '"Kosovo"'),
    ("U.S. aid", '"U S" AND "aid"'),
    ('"lost their homes" Scott', '"lost their homes" AND "Scott"'),
    ("a OR b c", '("a" OR "b") AND "c"'),
    ("Kosovo -Belgrade", '("Kosovo") NOT "Belgrade"'),
    ("OR -x ***", None),
])
def test_sqlite_search_syntax(typed: str, fts5: str | None) -> None:
    from dateline.store.sqlite import to_fts5

    assert to_fts5(typed) == fts5
