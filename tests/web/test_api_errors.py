"""Bad requests get a 4xx with a JSON error body (pages get an HTML page), and every response is locked down."""

from __future__ import annotations

import pytest

from dateline.errors import UsageError

from .conftest import TestClient

BAD = [
    "/api/articles?limit=0", "/api/articles?limit=201", "/api/articles?offset=-1", "/api/articles?limit=abc",
    "/api/articles?since=2016-13", "/api/articles?until=2016-02-30", "/api/articles?since=yesterday",
    "/api/articles?since=2016-05&until=2016-04", "/api/articles?actor=R!S",
    "/api/articles/search", "/api/articles/search?q=", "/api/articles/search?q=" + "x" * 201,
    "/api/events?source=R-US", "/api/events?target=" + "A" * 16, "/api/events?cameo=abc", "/api/events?cameo=05**",
    "/api/events?plover=NOTATYPE", "/api/events?mode=sometimes", "/api/events?quad_class=5",
    "/api/events?quad_class=x", "/api/events?since=2016-1-1", "/api/events?all_mentions=maybe",
    "/api/events?limit=1000", "/api/quotes?kind=shouted", "/api/quotes?since=20160101",
    "/api/quotes?q=" + "w" * 201, "/api/actors?limit=500", "/api/actors?mode=often",
    "/api/actors/R$", "/api/actors/RUS?interval=week", "/api/actors/RUS?partners=0", "/api/actors/RUS?quotes=101",
    "/api/network?limit=0", "/api/network?limit=501", "/api/network?min_events=0", "/api/network?cameo=x",
    "/api/timeline?interval=hour", "/api/timeline?until=2016-02-31",
]


@pytest.mark.parametrize("url", BAD)
def test_bad_parameters_are_400_with_a_json_reason(sqlite_client: TestClient, url: str) -> None:
    response = sqlite_client.get(url)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["status"] == 400 and isinstance(body["error"], str) and body["error"]
    assert "Traceback" not in response.text


def test_validation_errors_name_the_parameter(sqlite_client: TestClient) -> None:
    body = sqlite_client.get("/api/events?limit=1000").json()
    assert body["error"].startswith("query.limit") and body["details"][0]["where"] == "query.limit"
    assert "since" in sqlite_client.get("/api/events?since=2016-13").json()["error"]


@pytest.mark.parametrize("url", ["/api/articles/0000000000000000", "/api/actors/ZZZ", "/api/nothing-here"])
def test_unknown_things_are_404_json(sqlite_client: TestClient, url: str) -> None:
    response = sqlite_client.get(url)
    assert response.status_code == 404
    assert response.json()["status"] == 404 and response.json()["error"]


def test_wrong_method_is_405_json(sqlite_client: TestClient) -> None:
    response = sqlite_client.delete("/api/articles")
    assert response.status_code == 405 and response.json()["status"] == 405


@pytest.mark.parametrize("url, status", [("/no-such-page", 404), ("/articles/0000000000000000", 404),
                                         ("/actors/ZZZ", 404), ("/events?since=2016-13", 400),
                                         ("/events?limit=999", 400), ("/network?cameo=x", 400)])
def test_pages_answer_errors_in_html(sqlite_client: TestClient, url: str, status: int) -> None:
    response = sqlite_client.get(url)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert "<h1>" in response.text and "Traceback" not in response.text


@pytest.mark.parametrize("url", ["/api/stats", "/", "/static/app.css", "/api/nothing-here"])
def test_security_headers_on_everything(sqlite_client: TestClient, url: str) -> None:
    headers = sqlite_client.get(url).headers
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp and "http" not in csp
    assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"


def test_no_docs_page_that_would_load_a_cdn(sqlite_client: TestClient) -> None:
    assert sqlite_client.get("/docs").status_code == 404
    assert sqlite_client.get("/redoc").status_code == 404


def test_only_the_allowed_hosts_are_served(sqlite_url: str) -> None:
    from dateline.web import create_app

    with TestClient(create_app(sqlite_url, allowed_hosts=["127.0.0.1", "localhost"]),
                    base_url="http://127.0.0.1") as guarded:
        assert guarded.get("/api/stats").status_code == 200
        assert guarded.get("/api/stats", headers={"host": "attacker.example"}).status_code == 400


def test_a_store_that_does_not_exist_is_not_created_for_reading(tmp_path) -> None:
    from dateline.errors import StoreError
    from dateline.web import create_app

    with pytest.raises(StoreError):
        create_app(str(tmp_path / "missing.db"))
    assert not (tmp_path / "missing.db").exists()


def test_short_write_tokens_are_refused(tmp_path) -> None:
    from dateline.web import create_app

    with pytest.raises(UsageError):
        create_app(str(tmp_path / "new.db"), write_token="short")
