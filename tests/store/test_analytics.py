"""Analyst views (article lists, timelines, networks, actor profiles) agree with the events and quotes themselves."""

from __future__ import annotations

from collections import Counter, defaultdict

import pytest

from dateline.errors import UsageError
from dateline.store import Store
from dateline.store import analytics as an

from .stories import corpus

ALL = corpus()


@pytest.fixture
def filled(store: Store) -> Store:
    store.write_articles(ALL)
    return store


def test_articles_newest_first_with_their_counts(filled: Store) -> None:
    listed = an.list_articles(filled, limit=100)
    assert {a.article_id for a in listed} == {a.id for a in ALL}
    dated = [a.published for a in listed if a.published]
    assert dated == sorted(dated, reverse=True) and listed[-1].published is None
    by_id = {a.id: a for a in ALL}
    for row in listed:
        article = by_id[row.article_id]
        assert (row.entities, row.quotes, row.events) == (len(article.entities), len(article.quotes),
                                                            len(article.events))
        assert row.title == article.title
    assert an.count_articles(filled) == len(ALL)


def test_article_pages_and_filters(filled: Store) -> None:
    every = [a.article_id for a in an.list_articles(filled, limit=100)]
    pages = [a.article_id for o in range(0, len(every), 3) for a in an.list_articles(filled, limit=3, offset=o)]
    assert pages == every
    spring = {a.id for a in ALL if a.published and "2017-03-01" <= a.published <= "2017-04-30"}
    assert {a.article_id for a in an.list_articles(filled, since="2017-03", until="2017-04")} == spring
    assert an.count_articles(filled, since="2017-03", until="2017-04") == len(spring)
    wire_a = {a.id for a in ALL if a.source.domain == "wire-a.example"}
    assert {a.article_id for a in an.list_articles(filled, domain="WIRE-A.example")} == wire_a
    with_usa = {a.id for a in ALL if any(e.actor and e.actor.code == "USA" for e in a.entities)}
    assert {a.article_id for a in an.list_articles(filled, actor="usa")} == with_usa and with_usa


def test_search_count_matches_the_hits(filled: Store) -> None:
    for text in ("Kosovo", "sanctions OR flood", "nothingmatcheshere", "\"border posts\""):
        assert an.count_search(filled, text) == len(filled.search_articles(text, limit=100))
    assert an.count_search(filled, "Kosovo") > 0


@pytest.mark.parametrize("filters", [{}, {"speaker": "Lavrov"}, {"speaker": "Lavrov", "dedup": False},
                                     {"search": "Kosovo"}, {"search": "families", "dedup": False},
                                     {"since": "2017-03-03"}, {"speaker": "nobody"}])
def test_quote_count_matches_the_quotes(filled: Store, filters: dict) -> None:
    assert an.count_quotes(filled, **filters) == len(filled.quotes(limit=None, **filters))


def test_speaker_quotes_by_exact_code(filled: Store) -> None:
    said, total = an.speaker_quotes(filled, "RUSGOV")
    assert total == 1 and [q.speaker_name for q in said] == ["Sergei Lavrov"]  # three twins, listed once
    said, total = an.speaker_quotes(filled, "RUS")
    assert (said, total) == ([], 0)


def _month_tally(store: Store, dedup: bool) -> dict[str, Counter]:
    tally: dict[str, Counter] = defaultdict(Counter)
    for r in store.events(limit=None, dedup=dedup):
        if r.day:
            tally[r.day[:7]][r.quad_class] += 1
    return tally


@pytest.mark.parametrize("dedup", [True, False])
def test_monthly_timeline_counts_every_dated_event_by_quad(filled: Store, dedup: bool) -> None:
    expected = _month_tally(filled, dedup)
    buckets = an.timeline(filled, interval="month", dedup=dedup)
    periods = [b.period for b in buckets]
    assert periods[0] == min(expected) and periods[-1] == max(expected)
    assert len(periods) == len(set(periods)) and periods == sorted(periods)
    for b in buckets:
        want = expected.get(b.period, Counter())
        assert b.total == sum(want.values()) == b.quads.total
        assert (b.quads.verbal_cooperation, b.quads.material_cooperation, b.quads.verbal_conflict,
                b.quads.material_conflict) == (want[1], want[2], want[3], want[4])
    # gaps are filled: 2016-11 .. 2017-06 is eight months
    assert len(buckets) == 8 and an.timeline(filled, interval="month", fill=False, dedup=dedup) == \
        [b for b in buckets if b.total]


def test_timeline_intervals_and_filters(filled: Store) -> None:
    days = an.timeline(filled, interval="day", fill=False, source="RUS")
    expected = Counter(r.day for r in filled.events(limit=None, source="RUS") if r.day)
    assert {b.period: b.total for b in days} == dict(expected)
    years = an.timeline(filled, interval="year")
    assert [b.period for b in years] == ["2016", "2017"]
    assert sum(b.total for b in years) == sum(1 for r in filled.events(limit=None) if r.day)
    with pytest.raises(UsageError):
        an.timeline(filled, interval="week")  # type: ignore[arg-type]
    with pytest.raises(UsageError):
        an.timeline(filled, since="not a date")


def test_network_edges_are_the_coded_pairs(filled: Store) -> None:
    pairs: dict[tuple[str, str], list] = defaultdict(list)
    for r in filled.events(limit=None):
        if r.source_code and r.target_code:
            pairs[(r.source_code, r.target_code)].append(r)
    net = an.network(filled)
    assert net.total_edges == len(pairs) == len(net.edges)
    for edge in net.edges:
        events = pairs[(edge.source, edge.target)]
        assert edge.events == len(events) == edge.quads.total
        assert edge.quads.verbal_conflict == sum(1 for r in events if r.quad_class == 3)
        goldstein = [r.goldstein for r in events if r.goldstein is not None]
        assert edge.mean_goldstein == pytest.approx(sum(goldstein) / len(goldstein))
    weights = [e.events for e in net.edges]
    assert weights == sorted(weights, reverse=True)
    codes = {c for pair in pairs for c in pair}
    assert {n.code for n in net.nodes} == codes
    for node in net.nodes:
        assert node.as_source == sum(len(v) for (s, _), v in pairs.items() if s == node.code)
        assert node.as_target == sum(len(v) for (_, t), v in pairs.items() if t == node.code)
    names = {n.code: n.name for n in net.nodes}
    assert names["RUSGOV"] == "Sergei Lavrov"


def test_network_limits_and_filters(filled: Store) -> None:
    top = an.network(filled, max_edges=2)
    assert len(top.edges) == 2 and top.total_edges == an.network(filled).total_edges
    assert {n.code for n in top.nodes} == {c for e in top.edges for c in (e.source, e.target)}
    conflict = an.network(filled, quad_class=3)
    assert conflict.edges and all(e.quads.verbal_conflict == e.events for e in conflict.edges)
    assert an.network(filled, min_events=99).edges == []
    assert an.network(filled, since="2016-01-01", until="2016-12-31").edges[0].source == "USA"


def test_ranked_actors_page_through_the_ranking(filled: Store) -> None:
    everyone = filled.actors(top=100)
    pages = []
    for offset in range(0, len(everyone), 2):
        page, total = an.ranked_actors(filled, limit=2, offset=offset)
        assert total == len(everyone)
        pages += page
    assert [(a.code, a.events, a.balance) for a in pages] == [(a.code, a.events, a.balance) for a in everyone]
    assert an.ranked_actors(filled, limit=2, offset=100) == ([], len(everyone))  # past the end: still the total
    assert an.ranked_actors(filled, limit=5, quad_class=4)[1] == len(filled.actors(top=100, quad_class=4))


def test_display_names_prefer_what_entities_are_called(filled: Store) -> None:
    names = an.display_names(filled, ["RUS", "RUSGOV", "USA", "ZZZ"])
    assert names == {"RUS": "Russia", "RUSGOV": "Sergei Lavrov", "USA": "United States"}
    ranked, _ = an.ranked_actors(filled, limit=3)
    assert ranked[0].code == "RUS" and ranked[0].name == "Russia"
    assert an.display_names(filled, []) == {}


def test_actor_profile_matches_its_events(filled: Store) -> None:
    profile = an.actor_profile(filled, "rus")
    assert profile is not None and profile.code == "RUS"
    ranked = {a.code: a for a in filled.actors(top=100)}
    summary = profile.summary
    assert (summary.events, summary.as_source, summary.cooperation, summary.conflict) == (
        ranked["RUS"].events, ranked["RUS"].as_source, ranked["RUS"].cooperation, ranked["RUS"].conflict)
    assert profile.quads.total == summary.events
    assert sum(p.as_source for p in profile.timeline) == summary.as_source
    assert sum(p.as_target for p in profile.timeline) + sum(
        1 for r in filled.events(limit=None, target="RUS") if r.target_code == "RUS" and not r.day) == summary.as_target
    partners = Counter()
    for r in filled.events(limit=None):
        if r.source_code == "RUS" and r.target_code:
            partners[r.target_code] += 1
        if r.target_code == "RUS" and r.source_code:
            partners[r.source_code] += 1
    assert {p.code: p.events for p in profile.partners} == dict(partners)
    assert all(p.outgoing + p.incoming == p.events for p in profile.partners)
    assert sum(t.events for t in profile.event_types) == summary.events
    assert "Russia" in profile.names


def test_actor_profile_with_only_quotes_and_unknown_codes(filled: Store) -> None:
    scott = an.actor_profile(filled, "USAGOV")
    assert scott is not None and scott.summary.events == 0 and scott.quotes_total == 1
    assert scott.name == "Kyle Scott"
    assert an.actor_profile(filled, "ZZZ") is None
    narrowed = an.actor_profile(filled, "RUS", since="2017-05-01")
    assert narrowed is not None and all(p.period >= "2017-05" for p in narrowed.timeline)
