"""Event queries: every filter, paging, ordering, and counting an event once per near-duplicate cluster."""

from __future__ import annotations

import dataclasses

import pytest

from dateline.errors import UsageError
from dateline.model import Article
from dateline.store import EventRecord, Store

from .stories import border, flood_aid, lavrov_original, lavrov_republished, lavrov_update, quiet, sanctions, undated

L1, L2, L3 = lavrov_original(), lavrov_republished(), lavrov_update()
S, B, F, U, Q = sanctions(), border(), flood_aid(), undated(), quiet()
ALL = [L1, L2, L3, S, B, F, U, Q]


def ev(article: Article, *event_ids: str) -> set[tuple[str, str]]:
    return {(article.id, v) for v in event_ids}


def found(store: Store, **filters) -> set[tuple[str, str]]:
    return {(r.article_id, r.event_id) for r in store.events(dedup=False, limit=None, **filters)}


@pytest.fixture
def filled(store: Store) -> Store:
    store.write_articles(ALL)
    return store


@pytest.mark.parametrize("filters, expected", [
    ({"source": "RUS"}, ev(L1, "v1", "v2") | ev(L2, "v1", "v2") | ev(L3, "v1") | ev(S, "v2") | ev(B, "v1", "v3")),
    ({"source": "rusgov"}, ev(L1, "v1", "v2") | ev(L2, "v1", "v2") | ev(L3, "v1")),
    ({"target": "SRB"}, ev(L1, "v1") | ev(L2, "v1") | ev(L3, "v1") | ev(F, "v1")),
    ({"target": "RUS"}, ev(S, "v1") | ev(B, "v2")),
    ({"actor": "UKR"}, ev(B, "v1", "v2", "v3") | ev(U, "v1")),
    ({"source": "USA,SRB"}, ev(F, "v1") | ev(U, "v1")),
    ({"cameo": "05*"}, ev(L1, "v1") | ev(L2, "v1") | ev(L3, "v1") | ev(U, "v1")),
    ({"cameo": "051"}, ev(L1, "v1") | ev(L2, "v1") | ev(L3, "v1")),
    ({"cameo": "112,163"}, ev(S, "v1", "v2") | ev(B, "v2")),
    ({"cameo": "1*"}, ev(S, "v1", "v2") | ev(B, "v1", "v2")),
    ({"plover": "SUPPORT"}, ev(L1, "v1") | ev(L2, "v1") | ev(L3, "v1")),
    ({"plover": "aid"}, ev(B, "v3") | ev(F, "v1")),
    ({"mode": "future"}, ev(L1, "v2") | ev(L2, "v2")),
    ({"mode": "negated"}, ev(B, "v3")),
    ({"mode": "negated,future"}, ev(B, "v3") | ev(L1, "v2") | ev(L2, "v2")),
    ({"quad_class": 3}, ev(S, "v2") | ev(B, "v1", "v2")),
    ({"since": "2017-04"}, ev(S, "v1", "v2") | ev(B, "v1", "v2", "v3") | ev(U, "v1")),
    ({"until": "2017-03"}, ev(L1, "v1", "v2") | ev(L2, "v1", "v2") | ev(L3, "v1") | ev(F, "v1")),
    ({"since": "2017-03-02", "until": "2017-03-02"}, ev(L1, "v1", "v2") | ev(L2, "v1", "v2") | ev(L3, "v1")),
    ({"since": "2017", "until": "2017"}, ev(L1, "v1", "v2") | ev(L2, "v1", "v2") | ev(L3, "v1") | ev(S, "v1", "v2")
     | ev(B, "v1", "v2", "v3") | ev(U, "v1")),
    ({"source": "RUS", "since": "2017-05-01", "until": "2017-05-31"}, ev(B, "v1", "v3")),
    ({"article": S.id}, ev(S, "v1", "v2")),
    ({"cluster": min(L1.id, L2.id, L3.id)}, ev(L1, "v1", "v2") | ev(L2, "v1", "v2") | ev(L3, "v1")),
    ({"source": "CHN"}, set()),
])
def test_filter(filled: Store, filters: dict, expected: set) -> None:
    assert found(filled, **filters) == expected


def test_asserted_mode_means_no_mode(filled: Store) -> None:
    every = found(filled)
    assert found(filled, mode="asserted") == every - ev(L1, "v2") - ev(L2, "v2") - ev(B, "v3")


def test_event_day_falls_back_to_publication_and_widens_partial_dates(filled: Store) -> None:
    by_key = {(r.article_id, r.event_id): r for r in filled.events(dedup=False, limit=None)}
    assert by_key[(L3.id, "v1")].day == "2017-03-02"  # the event's own date beats the update's 2017-03-03
    assert by_key[(L1.id, "v2")].day == "2017-03-02"  # no event date: the article's
    assert by_key[(U.id, "v1")].day == "2017-06-01" and by_key[(U.id, "v1")].date == "2017-06"


def test_newest_first_and_undated_last(store: Store) -> None:
    no_day = dataclasses.replace(U, events=[dataclasses.replace(U.events[0], date=None, date_granularity=None)])
    store.write_articles([F, S, no_day, B])
    days = [r.day for r in store.events(dedup=False, limit=None)]
    assert days[-1] is None
    assert days[:-1] == sorted(days[:-1], reverse=True)


def test_limit_and_offset_page_through_everything_once(filled: Store) -> None:
    every = [(r.article_id, r.event_id) for r in filled.events(dedup=False, limit=None)]
    pages = [filled.events(dedup=False, limit=4, offset=o) for o in range(0, len(every), 4)]
    assert all(len(p) <= 4 for p in pages)
    assert [(r.article_id, r.event_id) for p in pages for r in p] == every
    assert filled.events(dedup=False, limit=None, offset=len(every)) == []


def test_records_point_at_their_words(filled: Store) -> None:
    texts = {a.id: a.text for a in ALL}
    for r in filled.events(dedup=False, limit=None):
        text = texts[r.article_id]
        assert text[r.evidence_start:r.evidence_end] == r.evidence_text
        assert text[r.trigger_start:r.trigger_end] == r.trigger_text
        if r.source_start is not None:
            assert text[r.source_start:r.source_end] == r.source_text
        assert r.rule == "test"


def test_lead_flag(filled: Store) -> None:
    by_key = {(r.article_id, r.event_id): r for r in filled.events(dedup=False, limit=None)}
    assert by_key[(L1.id, "v1")].in_lead is True   # first paragraph
    assert by_key[(L1.id, "v2")].in_lead is False  # third paragraph


def test_dedup_counts_an_event_once_per_cluster(filled: Store) -> None:
    support = filled.events(cameo="051")
    assert len(support) == 1
    one: EventRecord = support[0]
    assert (one.num_mentions, one.num_articles, one.num_sources) == (3, 3, 2)
    assert one.article_id == L1.id  # the first-stored mention stands for the cluster
    meet = filled.events(mode="future")
    assert [(r.num_mentions, r.num_articles, r.num_sources) for r in meet] == [(2, 2, 2)]
    lonely = filled.events(cameo="163")
    assert [(r.num_mentions, r.num_articles, r.num_sources) for r in lonely] == [(1, 1, 1)]


def test_dedup_and_plain_counts(filled: Store) -> None:
    total = sum(len(a.events) for a in ALL)
    assert filled.count_events(dedup=False) == total == len(filled.events(dedup=False, limit=None))
    distinct = filled.count_events()
    assert distinct == len(filled.events(limit=None)) == total - 3  # 051 twice more, 036 once more
    assert filled.count_events(source="RUS") == len(filled.events(source="RUS", limit=None))


def test_dedup_merges_near_duplicates_but_not_unrelated_stories(store: Store) -> None:
    other = dataclasses.replace(B, id="1234567890abcdef", text=B.text + " ")
    store.write_articles([B, other])
    assert store._one("SELECT COUNT(DISTINCT cluster_id) FROM articles")[0] == 1  # near-identical text
    threats = store.events(cameo="138")
    assert len(threats) == 1 and threats[0].num_articles == 2
    store.write_articles([F])
    assert len(store.events(cameo="070", dedup=True)) == 2  # F and B's aid events: different clusters


@pytest.mark.parametrize("filters, message", [
    ({"since": "yesterday"}, "not a date"),
    ({"cameo": "abc"}, "CAMEO"),
    ({"mode": "maybe"}, "unknown mode"),
    ({"source": "RU S"}, "actor code"),
    ({"colour": "red"}, "unknown filter"),
])
def test_bad_filters_are_usage_errors(filled: Store, filters: dict, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        filled.events(**filters)


def test_frame_has_the_right_dtypes(filled: Store) -> None:
    frame = filled.events_frame(source="RUS")
    assert len(frame) == len(filled.events(source="RUS"))
    assert str(frame["day"].dtype) == "datetime64[ms]"
    assert str(frame["goldstein"].dtype) == "float64"
    assert str(frame["quad_class"].dtype) == "Int64"
    assert str(frame["cameo"].dtype) == "string"
    assert str(frame["in_lead"].dtype) == "boolean"
    empty = filled.events_frame(source="CHN")
    assert len(empty) == 0 and list(empty.columns) == list(frame.columns)


def test_every_mention_carries_its_events_counts(filled: Store) -> None:
    mentions = filled.events(cameo="051", dedup=False)
    assert len(mentions) == 3
    assert {(r.num_mentions, r.num_articles, r.num_sources) for r in mentions} == {(3, 3, 2)}


def test_an_articles_own_events_are_all_listed(filled: Store) -> None:
    # L2's events are not first mentions of their cluster, but asking for L2 lists them.
    assert {r.event_id for r in filled.events(article=L2.id)} == {"v1", "v2"}


def test_counts_follow_later_writes(store: Store) -> None:
    store.write_articles([L1])
    assert [(r.num_articles, r.article_id) for r in store.events(cameo="051")] == [(1, L1.id)]
    store.write_articles([L2, L3])  # the story spreads
    assert [(r.num_articles, r.num_sources) for r in store.events(cameo="051")] == [(3, 2)]
    store.write_articles([L1])  # re-processing the first version: still one event, same counts
    assert [(r.num_articles, r.num_sources) for r in store.events(cameo="051")] == [(3, 2)]
    assert store.count_events(cameo="051") == 1 and store.count_events(cameo="051", dedup=False) == 3
