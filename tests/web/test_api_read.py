"""The read API over a real store of our stories, on SQLite and PostgreSQL: every endpoint, filter and page."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from dateline import contract
from dateline.model import Article
from dateline.store import open_store

from .corpus import STORIES


def _all(client, url: str, page: int = 2) -> list[dict[str, Any]]:
    """Every item of a list endpoint, fetched `page` at a time; checks total stays put and pages do not overlap."""
    items: list[dict[str, Any]] = []
    total = None
    sep = "&" if "?" in url else "?"
    while True:
        body = client.get(f"{url}{sep}limit={page}&offset={len(items)}").json()
        total = body["total"] if total is None else total
        assert body["total"] == total and len(body["items"]) <= page
        items += body["items"]
        if len(body["items"]) < page:
            break
    assert len(items) == total
    return items


def _mentions(stories: dict[str, Article], **want: Any) -> set[tuple[str, str]]:
    """(article id, event id) of every event mention in the stories passing simple tests written here."""
    out = set()
    for article in stories.values():
        for v in article.events:
            src, tgt = (v.source.code if v.source else None), (v.target.code if v.target else None)
            day = v.date or article.published
            checks = {"source": lambda p: bool(src and src.startswith(p)),
                      "target": lambda p: bool(tgt and tgt.startswith(p)),
                      "actor": lambda p: bool((src and src.startswith(p)) or (tgt and tgt.startswith(p))),
                      "cameo": lambda p: v.cameo.startswith(p), "plover": lambda p: v.plover == p,
                      "mode": lambda p: (v.mode or "asserted") == p, "quad_class": lambda p: v.quad_class == p,
                      "since": lambda p: bool(day and day >= p), "until": lambda p: bool(day and day <= p)}
            if all(checks[k](value) for k, value in want.items()):
                out.add((article.id, v.id))
    return out


def test_openapi_documents_every_endpoint(client) -> None:
    doc = client.get("/openapi.json").json()
    paths = doc["paths"]
    for path in ("/api/stats", "/api/articles", "/api/articles/search", "/api/articles/{article_id}", "/api/events",
                 "/api/quotes", "/api/actors", "/api/actors/{code}", "/api/network", "/api/timeline"):
        assert "get" in paths[path], path
    assert "post" in paths["/api/articles"]
    assert all(not p.startswith("/api") or p in paths for p in paths)
    assert not any(p.startswith(("/articles", "/events", "/network")) for p in paths)  # pages stay out
    assert "422" not in str([op.get("responses") for ops in paths.values() for op in ops.values()
                             if "post" not in ops])
    assert "ErrorBody" in doc["components"]["schemas"]
    assert paths["/api/events"]["get"]["responses"]["400"]


def test_stats(client, stories) -> None:
    stats = client.get("/api/stats").json()
    assert stats["articles"] == len(stories)
    assert stats["quotes"] == sum(len(a.quotes) for a in stories.values())
    assert stats["events"] == sum(len(a.events) for a in stories.values())


def test_article_list_newest_first_with_counts(client, stories) -> None:
    items = _all(client, "/api/articles", page=3)
    assert {i["article_id"] for i in items} == {a.id for a in stories.values()}
    dated = [i["published"] for i in items if i["published"]]
    assert dated == sorted(dated, reverse=True) and items[-1]["published"] is None
    by_id = {a.id: a for a in stories.values()}
    for item in items:
        article = by_id[item["article_id"]]
        assert (item["entities"], item["quotes"], item["events"]) == (
            len(article.entities), len(article.quotes), len(article.events))
        assert item["title"] == article.title and article.text.startswith(item["lead"][:20])


@pytest.mark.parametrize("params, keys", [
    ("since=2016-05&until=2016-06-30", {"aid", "shelling"}),
    ("domain=wire-c.example", {"aid", "rail"}),
    ("since=2016-09-08", {"rail"}),
])
def test_article_filters(client, stories, params: str, keys: set[str]) -> None:
    body = client.get(f"/api/articles?{params}").json()
    assert {i["article_id"] for i in body["items"]} == {stories[k].id for k in keys} and body["total"] == len(keys)


def test_article_filter_by_actor(client, stories) -> None:
    naming = {a.id for a in stories.values() if any(e.actor and e.actor.code == "CHN" for e in a.entities)}
    assert naming == {stories["rail"].id}  # the pipeline codes China
    assert {i["article_id"] for i in client.get("/api/articles?actor=chn").json()["items"]} == naming


def test_full_text_search(client, stories) -> None:
    body = client.get("/api/articles/search?q=Kosovo").json()
    assert {h["article_id"] for h in body["items"]} == {stories["balkans"].id, stories["balkans-copy"].id}
    assert body["total"] == 2 and all("[Kosovo]" in h["snippet"] for h in body["items"])
    assert _all(client, "/api/articles/search?q=Kosovo", page=1) == body["items"]
    phrase = client.get("/api/articles/search", params={"q": '"high-speed rail"'}).json()
    assert [h["article_id"] for h in phrase["items"]] == [stories["rail"].id]
    either = client.get("/api/articles/search", params={"q": "Donetsk OR generators"}).json()
    assert {h["article_id"] for h in either["items"]} == {stories["shelling"].id, stories["aid"].id}
    assert client.get("/api/articles/search?q=zzzunmatched").json() == {"items": [], "total": 0}


def test_one_article_is_the_stored_contract(client, stories) -> None:
    for article in stories.values():
        body = client.get(f"/api/articles/{article.id}").json()
        assert body == article.to_dict()
        assert contract.problems(body) == []


def test_events_list_every_filter_against_the_stories(client, stories) -> None:
    every = _all(client, "/api/events?all_mentions=true", page=4)
    assert {(e["article_id"], e["event_id"]) for e in every} == _mentions(stories)
    for want, query in [({"source": "RUS"}, "source=RUS"), ({"target": "UKR"}, "target=ukr"),
                        ({"actor": "SRB"}, "actor=SRB"), ({"cameo": "05"}, "cameo=05*"),
                        ({"cameo": "112"}, "cameo=112"), ({"plover": "CONSULT"}, "plover=consult"),
                        ({"mode": "future"}, "mode=future"), ({"mode": "asserted"}, "mode=asserted"),
                        ({"quad_class": 4}, "quad_class=4"), ({"since": "2016-06-01"}, "since=2016-06"),
                        ({"until": "2016-03-31"}, "until=2016-03"),
                        ({"source": "RUS", "quad_class": 3}, "source=RUS&quad_class=3")]:
        got = _all(client, f"/api/events?all_mentions=true&{query}")
        assert {(e["article_id"], e["event_id"]) for e in got} == _mentions(stories, **want), query


@pytest.mark.parametrize("query", ["", "source=RUSGOV", "cameo=03*,04*", "plover=AGREE,CONSULT", "mode=negated",
                                   "article={aid}", "since=2016-02-11&until=2016-02-11"])
def test_events_match_the_store_api_once_per_cluster(client, store_url, stories, query: str) -> None:
    query = query.format(aid=stories["shelling"].id)
    got = _all(client, f"/api/events?{query}" if query else "/api/events")
    filters = dict(p.split("=") for p in query.split("&") if p)
    with open_store(store_url) as store:
        want = store.events(limit=None, **filters)
    assert [(e["article_id"], e["event_id"], e["num_articles"]) for e in got] == [
        (r.article_id, r.event_id, r.num_articles) for r in want]


def test_near_duplicates_count_once(client, stories) -> None:
    once = client.get("/api/events?cameo=112&source=RUSGOV").json()
    assert once["total"] == 1 and once["items"][0]["num_articles"] == 2
    mentions = client.get("/api/events?cameo=112&source=RUSGOV&all_mentions=true").json()
    assert mentions["total"] == 2
    total_mentions = sum(len(a.events) for a in stories.values())
    assert client.get("/api/events").json()["total"] == total_mentions - len(stories["balkans-copy"].events)


def test_event_records_point_at_their_words(client, stories) -> None:
    texts = {a.id: a.text for a in stories.values()}
    for e in _all(client, "/api/events?all_mentions=true", page=50):
        text = texts[e["article_id"]]
        assert text[e["trigger_start"]:e["trigger_end"]] == e["trigger_text"]
        assert text[e["evidence_start"]:e["evidence_end"]] == e["evidence_text"]
        assert e["rule"] == "test:story"


def test_quotes_by_speaker_and_words(client, stories) -> None:
    body = client.get("/api/quotes?speaker=Lavrov&q=Kosovo").json()
    assert body["total"] == 1 and len(body["items"]) == 1
    quote = body["items"][0]
    assert quote["speaker_name"] == "Sergey Lavrov" and "Kosovo" in quote["content"] and quote["num_articles"] == 2
    assert client.get("/api/quotes?speaker=Lavrov&q=Kosovo&all_mentions=true").json()["total"] == 2
    lavrov = {q["content"] for q in _all(client, "/api/quotes?speaker=lavrov")}
    said = {s.content for story in STORIES for s in story.said if s.name == "Sergey Lavrov"}
    assert lavrov == said
    words = _all(client, "/api/quotes?q=sanctions")
    assert [q["speaker_name"] for q in words] == ["Maria Zakharova"]
    assert client.get("/api/quotes?speaker=Nobody").json() == {"items": [], "total": 0}


def test_quote_filters_and_paging(client, stories) -> None:
    every = _all(client, "/api/quotes?all_mentions=true", page=2)
    assert len(every) == sum(len(a.quotes) for a in stories.values())
    texts = {a.id: a.text for a in stories.values()}
    assert all(texts[q["article_id"]][q["content_start"]:q["content_end"]] == q["content"] for q in every)
    one = client.get(f"/api/quotes?article={stories['aid'].id}").json()
    assert [q["speaker_name"] for q in one["items"]] == ["Pavlo Klimkin"]
    assert client.get("/api/quotes?kind=indirect").json()["total"] == 0
    summer = _all(client, "/api/quotes?since=2016-06&until=2016-07")
    assert {q["article_id"] for q in summer} == {stories["shelling"].id, stories["markup"].id}


def test_actors_ranked_and_paged(client, store_url) -> None:
    ranked = _all(client, "/api/actors", page=3)
    with open_store(store_url) as store:
        want = store.actors(top=1000)
        narrowed = store.actors(top=1000, quad_class=4)
    assert [(a["code"], a["events"], a["balance"]) for a in ranked] == [(a.code, a.events, a.balance) for a in want]
    assert {a["code"]: a["name"] for a in ranked}["RUS"] == "Russia"  # what its entities are called
    got = client.get("/api/actors?quad_class=4").json()
    assert [a["code"] for a in got["items"]] == [a.code for a in narrowed] and got["total"] == len(narrowed)


def test_actor_profile(client, store_url, stories) -> None:
    body = client.get("/api/actors/rusgov").json()
    assert body["code"] == "RUSGOV" and body["name"] == "Sergey Lavrov"
    summary = body["summary"]
    assert (summary["events"], summary["as_source"], summary["as_target"]) == (2, 2, 0)  # 112 and 040, once each
    assert (summary["cooperation"], summary["conflict"]) == (1, 1)
    assert {p["code"]: p["events"] for p in body["partners"]} == {"IGOWSTNAT": 1, "SRBGOV": 1}
    assert [t["period"] for t in body["timeline"]] == ["2016-02"]
    with open_store(store_url) as store:
        coded = [q for q in store.quotes(limit=None) if q.speaker_code == "RUSGOV"]
    assert body["quotes_total"] == len(coded) and len(body["quotes"]) == len(coded)
    assert all(q["speaker_name"] == "Sergey Lavrov" for q in body["quotes"])
    rus = client.get("/api/actors/RUS?interval=day").json()
    assert rus["summary"]["events"] == sum(p["as_source"] + p["as_target"] for p in rus["timeline"])
    assert sum(t["events"] for t in rus["event_types"]) == rus["summary"]["events"]
    assert rus["timeline"][0]["period"] == "2016-02-11" and len(rus["timeline"][-1]["period"]) == 10
    narrowed = client.get("/api/actors/RUS?since=2016-06-01&partners=1").json()
    assert len(narrowed["partners"]) == 1 and all(p["period"] >= "2016-06" for p in narrowed["timeline"])


def test_network(client, store_url) -> None:
    net = client.get("/api/network").json()
    with open_store(store_url) as store:
        pairs = Counter((r.source_code, r.target_code) for r in store.events(limit=None)
                        if r.source_code and r.target_code)
    assert {(e["source"], e["target"]): e["events"] for e in net["edges"]} == dict(pairs)
    assert net["total_edges"] == len(pairs)
    assert {n["code"] for n in net["nodes"]} == {c for pair in pairs for c in pair}
    top = client.get("/api/network?limit=2").json()
    assert len(top["edges"]) == 2 and top["total_edges"] == len(pairs)
    conflict = client.get("/api/network?quad_class=4").json()
    assert {(e["source"], e["target"]) for e in conflict["edges"]} == {("IGOEU", "RUS"), ("RUS", "UKR")}
    assert all(e["quads"]["material_conflict"] == e["events"] for e in conflict["edges"])
    dated = client.get("/api/network?since=2016-09-01&cameo=05*").json()
    assert [(e["source"], e["target"]) for e in dated["edges"]] == [("CHN", "SRB")]
    assert client.get("/api/network?min_events=50").json()["edges"] == []


def test_timeline(client, store_url) -> None:
    body = client.get("/api/timeline").json()
    periods = [b["period"] for b in body["items"]]
    assert body["interval"] == "month" and periods == [f"2016-{m:02d}" for m in range(2, 10)]  # gaps filled
    with open_store(store_url) as store:
        dated = [r for r in store.events(limit=None) if r.day]
    assert sum(b["total"] for b in body["items"]) == len(dated) and body["total"] == len(periods)
    by_month = Counter(r.day[:7] for r in dated)
    assert {b["period"]: b["total"] for b in body["items"] if b["total"]} == dict(by_month)
    for b in body["items"]:
        assert sum(b["quads"].values()) == b["total"]
    days = client.get("/api/timeline?interval=day&source=RUS&since=2016-06").json()["items"]
    assert [(b["period"], b["total"]) for b in days] == [("2016-06-20", 2)]
    assert [b["period"] for b in client.get("/api/timeline?interval=year").json()["items"]] == ["2016"]
    conflict = client.get("/api/timeline?quad_class=3&all_mentions=true").json()["items"]
    assert all(b["quads"]["verbal_conflict"] == b["total"] for b in conflict)
