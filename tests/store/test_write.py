"""Writing: articles read back exactly, re-writing replaces rather than duplicates, batches are atomic."""

from __future__ import annotations

import dataclasses

import pytest

from dateline.errors import StoreError
from dateline.store import Store, open_store

from .stories import border, corpus, flood_aid, lavrov_original, quiet, sanctions


def _counts(store: Store) -> dict[str, int]:
    return {t: store._one(f"SELECT COUNT(*) FROM {t}")[0]
            for t in ("articles", "entities", "mentions", "quotes", "events", "signatures", "bands")}


def test_article_reads_back_exactly(store: Store) -> None:
    articles = corpus()
    store.write_articles(articles)
    for article in articles:
        assert store.get_article(article.id) == article
    assert store.get_article("0000000000000000") is None
    assert [a.id for a in store.iter_articles(chunk=3)] == [a.id for a in articles]


def test_rows_mirror_the_article(store: Store) -> None:
    articles = corpus()
    result = store.write_articles(articles)
    counts = _counts(store)
    assert result.new == counts["articles"] == len(articles)
    assert counts["entities"] == sum(len(a.entities) for a in articles) == result.entities
    assert counts["mentions"] == sum(len(e.mentions) for a in articles for e in a.entities)
    assert counts["quotes"] == sum(len(a.quotes) for a in articles) == result.quotes
    assert counts["events"] == sum(len(a.events) for a in articles) == result.events


def test_writing_twice_changes_no_count(store: Store) -> None:
    store.write_articles(corpus())
    before = _counts(store)
    again = store.write_articles(corpus())
    assert again.new == 0 and again.replaced == len(corpus())
    assert _counts(store) == before


def test_rewrite_replaces_the_rows_of_that_article_only(store: Store) -> None:
    first, other = border(), sanctions()
    store.write_articles([first, other])
    fewer = dataclasses.replace(first, events=first.events[:1])
    result = store.write_articles([fewer])
    assert (result.new, result.replaced, result.events) == (0, 1, 1)
    assert store.get_article(first.id) == fewer
    assert len(store.events(article=first.id, dedup=False)) == 1
    assert len(store.events(article=other.id, dedup=False)) == len(other.events)


def test_same_article_twice_in_one_batch_keeps_the_last(store: Store) -> None:
    article = flood_aid()
    changed = dataclasses.replace(article, title="A different title")
    result = store.write_articles([article, changed])
    assert result.new == 1
    assert _counts(store)["articles"] == 1
    assert store.get_article(article.id).title == "A different title"
    assert _counts(store)["events"] == len(article.events)


def test_failed_batch_leaves_nothing_behind(store: Store) -> None:
    store.write_articles([quiet()])
    good = lavrov_original()
    bad = sanctions()
    # A rule-less event passes Python but breaks a NOT NULL column, after the articles rows went in.
    broken = dataclasses.replace(bad, events=[dataclasses.replace(bad.events[0], rule=None)])
    with pytest.raises(StoreError, match="rule"):
        store.write_articles([good, broken])
    assert _counts(store)["articles"] == 1
    assert not store.has_article(good.id)
    store.write_articles([good])  # the store is still usable afterwards
    assert store.has_article(good.id)


def test_empty_batch_is_a_no_op(store: Store) -> None:
    assert store.write_articles([]).articles == 0
    assert _counts(store)["articles"] == 0


def test_reopening_keeps_data_and_schema(store_url: str) -> None:
    with open_store(store_url) as store:
        store.write_articles(corpus())
        version = store.schema_version()
    with open_store(store_url, create=False) as store:
        assert store.schema_version() == version
        assert store.stats().articles == len(corpus())


def test_sqlite_uses_wal(tmp_path) -> None:
    with open_store(str(tmp_path / "x.db")) as store:
        assert store._one("PRAGMA journal_mode")[0].lower() == "wal"


def test_stored_json_is_the_contract_form() -> None:
    import json

    from dateline.store.rows import article_json

    for article in corpus():
        assert json.loads(article_json(article)) == article.to_dict()
        assert article_json(article) == json.dumps(article.to_dict(), ensure_ascii=False, separators=(",", ":"))


def test_concurrent_writers_still_find_each_others_duplicates(store_url: str) -> None:
    from .factory import run_together
    from .stories import lavrov_republished, lavrov_update

    with open_store(store_url):
        pass  # schema in place before the race

    def writer(article) -> None:
        with open_store(store_url) as own:
            own.write_articles([article])

    assert run_together(writer, [lavrov_original(), lavrov_republished(), lavrov_update()]) == []
    with open_store(store_url) as store:
        assert store.stats().clusters == 1
        assert [(r.num_articles, r.num_sources) for r in store.events(cameo="051")] == [(3, 2)]


def test_large_batches(store: Store) -> None:
    from dateline.model import Article, Source, article_id

    texts = [f"Item number {n} of a long batch." for n in range(1200)]
    articles = [Article(id=article_id(t), source=Source(path=f"{n}.txt"), text=t) for n, t in enumerate(texts)]
    assert store.write_articles(articles).new == 1200
    again = store.write_articles(articles)
    assert (again.new, again.replaced) == (0, 1200)
    assert _counts(store)["articles"] == 1200
