"""The pages in real headless Chromium (Debian's, driven by Playwright), with screenshots at 1280 px and phone width.

The app runs in uvicorn on a free port; every request the browser makes elsewhere is blocked and
counted (the app must work with no internet), and any script error or CSP violation fails the test.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Iterator

import pytest

from dateline.model import Article

from .conftest import LiveServer

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
VIEWPORTS = {"1280": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(scope="module")
def live(sqlite_url: str) -> Iterator[LiveServer]:
    from dateline.web import create_app

    with LiveServer(create_app(sqlite_url)) as server:
        yield server


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        message = "Chromium not found; install it with scripts/setup-system.sh"
        if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
            pytest.fail(message + " (CI is set, so this is an error)", pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


class Tab:
    """A page at one viewport that records script errors and blocks (and counts) requests to other hosts."""

    def __init__(self, browser, live: LiveServer, viewport: str, shots: Path) -> None:
        self.context = browser.new_context(viewport=VIEWPORTS[viewport], device_scale_factor=1)
        self.page = self.context.new_page()
        self.viewport, self.shots, self.base = viewport, shots, live.url
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        self.page.route("**/*", self._only_local)

    def _only_local(self, route) -> None:
        if route.request.url.startswith(self.base) or route.request.url.startswith("data:"):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def open(self, path: str) -> None:
        response = self.page.goto(self.base + path)
        assert response is not None and response.status == 200, path
        self.page.wait_for_load_state("networkidle")

    def shot(self, name: str) -> Path:
        """Save a full-page screenshot, after checking nothing makes the page scroll sideways."""
        width = self.page.evaluate("document.documentElement.scrollWidth")
        assert width <= VIEWPORTS[self.viewport]["width"], f"{name} is {width} px wide"
        path = self.shots / f"{name}-{self.viewport}.png"
        self.page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 5000
        return path

    def close(self) -> None:
        self.context.close()
        assert self.errors == [], self.errors
        assert self.outside == [], self.outside


@pytest.fixture(params=list(VIEWPORTS))
def tab(request, browser, live: LiveServer, screenshots: Path) -> Iterator[Tab]:
    opened = Tab(browser, live, request.param, screenshots)
    yield opened
    opened.close()


def test_home_search_quotes_then_open_the_article_at_the_quote(tab: Tab, stories: dict[str, Article]) -> None:
    page = tab.page
    tab.open("/")
    assert page.locator("h1").inner_text() == "Who did what to whom, and who said what"
    assert page.locator("ul.articles li").count() == len(stories)
    tab.shot("home")
    page.get_by_label("Words in a quote").fill("Kosovo")
    page.get_by_role("button", name="Search quotes").click()
    page.wait_for_url("**/quotes?*")
    results = page.locator("li.quote-item")
    assert results.count() == 1
    assert "Sergey Lavrov" in results.first.locator(".speaker-name").inner_text()
    assert "Kosovo" in results.first.locator("blockquote").inner_text()
    tab.shot("quotes")
    results.first.locator("a.open-article").click()
    page.wait_for_url("**/articles/**#q*")
    quote_id = page.url.rsplit("#", 1)[1]
    highlighted = page.locator(f'#article-text .hl.r-content[data-ann~="{quote_id}"]')
    assert highlighted.count() >= 1 and "Kosovo" in " ".join(highlighted.all_inner_texts())
    assert "focus" in (highlighted.first.get_attribute("class") or "")  # the script jumped to the quote
    label = page.locator(f'#article-text .tag-quote[data-ann="{quote_id}"]')
    assert label.inner_text() == "Sergey Lavrov" and label.is_visible()
    panel = page.locator("#panel")
    assert panel.is_visible() and "Sergey Lavrov" in panel.inner_text() and "rule" in panel.inner_text()
    tab.shot("article")


def test_a_highlight_explains_its_evidence_and_rule(tab: Tab, stories: dict[str, Article]) -> None:
    article = stories["shelling"]
    event = article.events[1]
    tab.open(f"/articles/{article.id}")
    page = tab.page
    page.locator(f'#article-text .hl.r-trigger[data-ann~="{event.id}"]').first.click()
    panel = page.locator("#panel")
    assert panel.is_visible()
    text = panel.inner_text()
    assert f"Event {event.id}" in text and event.rule in text and event.evidence.text in text
    assert event.cameo in text and (event.mode or "asserted") in text
    page.get_by_label("events").uncheck()
    assert "hide-events" in (page.locator("#article-text").get_attribute("class") or "")
    assert not page.locator(f'.tag-event[data-ann="{event.id}"]').is_visible()


def test_actor_page_draws_the_timeline(tab: Tab) -> None:
    tab.open("/actors/RUS")
    page = tab.page
    bars = page.locator("#actor-timeline svg rect")
    assert bars.count() > 0 and bars.first.is_visible()
    assert page.locator("#actor-timeline svg").bounding_box()["width"] <= VIEWPORTS[tab.viewport]["width"]
    periods = {bars.nth(i).get_attribute("data-period") for i in range(bars.count())}
    assert periods <= {"2016-02", "2016-03", "2016-04", "2016-05", "2016-06"} and "2016-06" in periods
    tab.shot("actor")


def test_network_page_draws_nodes_that_open_actors(tab: Tab) -> None:
    tab.open("/network")
    page = tab.page
    nodes = page.locator("#network svg circle.node")
    expected = len(page.evaluate("JSON.parse(document.getElementById('network-data').textContent).nodes"))
    assert nodes.count() == expected > 0
    assert page.locator("#network svg line.edge").count() > 0
    box = page.locator("#network svg").bounding_box()
    assert box["width"] <= VIEWPORTS[tab.viewport]["width"]
    for i in range(nodes.count()):  # every node lies inside the drawing
        node = nodes.nth(i).bounding_box()
        assert box["x"] <= node["x"] and node["x"] + node["width"] <= box["x"] + box["width"] + 1
    tab.shot("network")
    code = nodes.first.get_attribute("data-code")
    nodes.first.click()
    page.wait_for_url(f"**/actors/{code}")


def test_events_page_filters_in_the_browser(tab: Tab) -> None:
    tab.open("/events")
    page = tab.page
    page.get_by_label("PLOVER").select_option("CONSULT")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**/events?*plover=CONSULT*")
    rows = page.locator("table.events tbody tr")
    assert rows.count() > 0
    assert all("CONSULT" in t for t in rows.all_inner_texts())
    assert page.locator("#events-timeline svg rect").count() > 0
    tab.shot("events")
