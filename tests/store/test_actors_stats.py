"""Actor rankings with their cooperation/conflict balance, and store statistics."""

from __future__ import annotations

import pytest

from dateline.store import Store
from dateline.store.migrate import latest

from .stories import border, flood_aid, lavrov_original, lavrov_republished, lavrov_update, quiet, sanctions, undated

ALL = [lavrov_original(), lavrov_republished(), lavrov_update(), sanctions(), border(), flood_aid(), undated(), quiet()]


@pytest.fixture
def filled(store: Store) -> Store:
    store.write_articles(ALL)
    return store


def _tally(dedup: bool) -> dict[str, list[tuple[int, float | None, bool]]]:
    """Code -> (quad class, goldstein, as source) of every event side, from the articles themselves."""
    seen: set[tuple] = set()
    out: dict[str, list[tuple[int, float | None, bool]]] = {}
    for article in ALL:
        cluster = "L" if article in ALL[:3] else article.id
        for v in article.events:
            key = (cluster, v.source and v.source.code, v.target and v.target.code, v.cameo, v.mode)
            if dedup and key in seen:
                continue
            seen.add(key)
            for side, is_source in ((v.source, True), (v.target, False)):
                if side and side.code:
                    out.setdefault(side.code, []).append((v.quad_class, v.goldstein, is_source))
    return out


@pytest.mark.parametrize("dedup", [True, False])
def test_actor_counts_and_balance_match_the_articles(filled: Store, dedup: bool) -> None:
    expected = _tally(dedup)
    ranked = filled.actors(top=50, dedup=dedup)
    assert {a.code for a in ranked} == set(expected)
    for actor in ranked:
        sides = expected[actor.code]
        coop = sum(1 for q, _, _ in sides if q in (1, 2))
        conflict = sum(1 for q, _, _ in sides if q in (3, 4))
        assert actor.events == len(sides) == actor.as_source + actor.as_target
        assert actor.as_source == sum(1 for *_, s in sides if s)
        assert (actor.cooperation, actor.conflict) == (coop, conflict)
        assert actor.balance == pytest.approx((coop - conflict) / (coop + conflict))
        assert actor.mean_goldstein == pytest.approx(sum(g for _, g, _ in sides) / len(sides))
    counts = [a.events for a in ranked]
    assert counts == sorted(counts, reverse=True)


def test_top_limits_and_names(filled: Store) -> None:
    top = filled.actors(top=2)
    assert len(top) == 2 and top[0].code == "RUS"
    names = {a.code: a.name for a in filled.actors(top=50)}
    assert names["RUSGOV"] == "Sergei Lavrov" and names["SRB"] == "Serbia"


def test_actors_take_event_filters(filled: Store) -> None:
    in_may = filled.actors(top=50, since="2017-05-01", until="2017-05-31")
    assert {a.code for a in in_may} == {"RUS", "UKR"}
    assert all(a.conflict + a.cooperation == a.events for a in in_may)


def test_stats_describe_the_store(filled: Store) -> None:
    stats = filled.stats()
    assert stats.articles == len(ALL)
    assert stats.clusters == len(ALL) - 2  # three versions of one story
    assert stats.events == sum(len(a.events) for a in ALL)
    assert stats.events_distinct == filled.count_events()
    assert stats.quotes == sum(len(a.quotes) for a in ALL) == stats.quotes_attributed
    assert stats.entities == sum(len(a.entities) for a in ALL)
    assert (stats.first_published, stats.last_published) == ("2016-11-05", "2017-05-20")
    assert (stats.first_event_day, stats.last_event_day) == ("2016-11-05", "2017-06-01")
    assert sum(stats.quad_classes.values()) == stats.events
    assert stats.top_domains[0] == ("wire-a.example", 3)
    assert stats.schema_version == latest(stats.backend)
    assert stats.backend in ("sqlite", "postgres")


def test_stats_of_an_empty_store(store: Store) -> None:
    stats = store.stats()
    assert (stats.articles, stats.events, stats.first_published, stats.top_domains) == (0, 0, None, [])
