"""The HTML pages, rendered by the server: what the store holds is what they show, and article text stays text."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from dateline.model import Article

from .checks import assert_article_page, embedded
from .conftest import TestClient


def _get(client: TestClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.text[:500])
    assert response.headers["content-type"].startswith("text/html")
    return response.text


@pytest.mark.parametrize("url", ["/", "/articles", "/articles?q=Kosovo", "/articles?since=2016-06&domain=news-b.example",
                                 "/events", "/events?source=RUS&interval=day", "/events?plover=AGREE&mode=negated",
                                 "/actors", "/actors?quad_class=4", "/actors/RUS", "/actors/RUSGOV?interval=year",
                                 "/network", "/network?cameo=1*&limit=5", "/quotes", "/quotes?q=Kosovo&speaker=Lavrov",
                                 "/events?all_mentions=true&limit=2&offset=2"])
def test_every_page_renders(client: TestClient, url: str) -> None:
    page = _get(client, url)
    assert page.startswith("<!doctype html>") and "</html>" in page
    assert not re.search(r"""(src|href)=["']https?://""", page.replace('href="https://wire', "")), "nothing from elsewhere"


def test_article_page_highlights_every_quote_with_its_speaker_and_every_event(client: TestClient,
                                                                              stories: dict[str, Article]) -> None:
    for article in stories.values():
        page = _get(client, f"/articles/{article.id}")
        assert_article_page(page, article)
        assert f"{len(article.quotes)} quotes · {len(article.events)} events" in page


def test_article_text_cannot_inject_markup(client: TestClient, stories: dict[str, Article]) -> None:
    article = stories["markup"]
    page = _get(client, f"/articles/{article.id}")
    for raw in ("<script>alert", "<img src=x", "<b>hacked", "<i>Nothing", "<admin>"):
        assert raw not in page
    assert "&lt;script&gt;alert(" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "Taras Boyko &lt;admin&gt;" in page
    notes_block = re.search(r'id="notes">(.*?)</script>', page, re.S).group(1)  # type: ignore[union-attr]
    assert "<" not in notes_block and ">" not in notes_block
    assert embedded(page, "notes")["q1"]["evidence"] == article.quotes[0].content.text
    for url in ("/quotes?speaker=Boyko", "/articles?q=ministry", "/"):
        listed = _get(client, url)
        assert "<script>alert" not in listed and "<admin>" not in listed and "<i>Nothing" not in listed


def test_article_page_links_its_actors_and_source(client: TestClient, stories: dict[str, Article]) -> None:
    article = stories["sanctions"]
    page = _get(client, f"/articles/{article.id}")
    assert f'href="{article.source.url}" rel="noopener noreferrer nofollow"' in page
    for code in {e.actor.code for e in article.entities if e.actor}:
        assert f'href="/actors/{code}"' in page


def test_events_page_filters_and_pages(client: TestClient) -> None:
    page = _get(client, "/events?source=RUS&all_mentions=true&limit=2")
    rows = re.findall(r'<td data-label="Source">.*?class="code" href="/actors/(\w+)"', page, re.S)
    assert rows and all(code.startswith("RUS") for code in rows) and len(rows) == 2
    total = client.get("/api/events?source=RUS&all_mentions=true").json()["total"]
    assert f"1–2 of {total}" in page
    nxt = re.search(r'<a rel="next" href="([^"]+)"', page)
    assert nxt
    query = parse_qs(urlsplit(html.unescape(nxt.group(1))).query)
    assert query["source"] == ["RUS"] and query["offset"] == ["2"] and query["all_mentions"] == ["true"]
    selected = _get(client, "/events?plover=consult")
    assert "<option selected>CONSULT</option>" in selected


def test_events_page_charts_what_matched(client: TestClient) -> None:
    page = _get(client, "/events?source=RUS")
    chart = embedded(page, "events-timeline-data")
    timeline = client.get("/api/timeline?source=RUS").json()["items"]
    assert chart["periods"] == [b["period"] for b in timeline]  # type: ignore[index]
    totals = [sum(s["values"][i] for s in chart["series"]) for i in range(len(chart["periods"]))]  # type: ignore[index]
    assert totals == [b["total"] for b in timeline]


def test_actor_page_shows_its_profile_and_timeline(client: TestClient) -> None:
    profile = client.get("/api/actors/RUS").json()
    page = _get(client, "/actors/RUS")
    chart = embedded(page, "actor-timeline-data")
    assert chart["periods"] == [p["period"] for p in profile["timeline"]]  # type: ignore[index]
    sums = [sum(s["values"][i] for s in chart["series"]) for i in range(len(chart["periods"]))]  # type: ignore[index]
    assert sums == [p["as_source"] + p["as_target"] for p in profile["timeline"]]
    for partner in profile["partners"]:
        assert f'href="/actors/{partner["code"]}"' in page
    assert f"<dt>Events</dt><dd>{profile['summary']['events']}</dd>" in page


def test_network_page_embeds_the_graph(client: TestClient) -> None:
    page = _get(client, "/network?quad_class=4")
    graph = embedded(page, "network-data")
    assert graph == client.get("/api/network?quad_class=4&limit=60").json()
    assert len(re.findall(r'<tr><td><a class="code" href="/actors/', page)) == len(graph["edges"])  # type: ignore[index]


def test_quote_search_page_links_to_the_quote(client: TestClient, stories: dict[str, Article]) -> None:
    page = _get(client, "/quotes?q=Kosovo&speaker=Lavrov")
    items = re.findall(r'<li class="quote-item">.*?</li>', page, re.S)
    assert len(items) == 1
    assert "Sergey Lavrov" in items[0] and "Kosovo" in items[0]
    link = re.search(r'href="/articles/(\w+)#(q\d+)"', items[0])
    assert link and link.group(1) in {stories["balkans"].id, stories["balkans-copy"].id}
    assert "in 2 articles" in items[0] and "<mark>Kosovo</mark>" in items[0]
    escaped = _get(client, "/quotes?q=stolen")
    assert "&lt;i&gt;Nothing&lt;/i&gt; was <mark>stolen</mark> &amp; the site is back" in escaped
    inflected = _get(client, "/quotes?q=sanction")  # the search is stemmed, and so is the marking
    assert "<mark>sanctions</mark>" in inflected
    assert "No quote matches." in _get(client, "/quotes?q=zzzunmatched")


def test_home_page_lists_latest_articles_and_top_actors(client: TestClient, stories: dict[str, Article]) -> None:
    page = _get(client, "/")
    latest = re.findall(r'<li><a href="/articles/(\w+)">', page)
    assert latest[0] == stories["rail"].id and set(latest) == {a.id for a in stories.values()}
    top = client.get("/api/actors?limit=10").json()["items"]
    assert re.findall(r'<li><a class="code" href="/actors/(\w+)">', page) == [a["code"] for a in top]
