"""The 421 real news-please files: every article is read with its headline and every date the data holds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline import contract
from dateline.dates import date_from_url
from dateline.errors import DatelineError
from dateline.read import read_inputs
from dateline.structure import build_article


def _expected(path: Path) -> str:
    """What the file holds, judged by plain json: 'article', 'empty file' or 'no text'."""
    raw = path.read_bytes()
    if not raw.strip():
        return "empty file"
    obj = json.loads(raw)
    text = obj.get("maintext") or obj.get("text") or ""
    return "article" if text.strip() else "JSON without article text"


@pytest.mark.shared
@pytest.mark.slow
def test_every_news_please_file_is_read_or_fails_with_its_reason(shared: Path) -> None:
    folder = shared / "bench" / "news-please"
    files = sorted(folder.glob("*.json"))
    expected = {str(p): _expected(p) for p in files}
    seen: dict[str, object] = {}
    for item in read_inputs([str(folder)]):
        if isinstance(item, DatelineError):
            seen[item.input] = item
            continue
        try:
            seen[item.source.path] = (item, build_article(item))  # type: ignore[index]
        except DatelineError as exc:
            seen[item.source.path] = exc  # type: ignore[index]
    assert set(seen) == set(expected)  # the batch finished and lost nothing
    for name, what in expected.items():
        result = seen[name]
        if what != "article":
            assert isinstance(result, DatelineError) and what in str(result) and "\n" not in str(result), result
            continue
        assert not isinstance(result, DatelineError), result
        raw, article = result  # type: ignore[misc]
        contract.check(article.to_dict())
        assert article.structure.headline is not None and article.structure.body is not None, name
        if raw.date_publish:
            assert article.published_from == "metadata" and article.published == raw.date_publish[:10], name
        elif date_from_url(raw.source.url):
            assert article.published_from == "url", name
