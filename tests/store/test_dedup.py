"""Near-duplicate clustering: MinHash over word shingles, bands in the store, clusters by connection."""

from __future__ import annotations

import random

import pytest

from dateline.model import Article, Source, article_id
from dateline.store import Store, open_store
from dateline.store import dedup

from .stories import corpus

_VOCAB = ("minister talks border trade port grain envoy summit pledge court ruling vote rally strike "
          "convoy ceasefire treaty budget loan harbour bridge election senate mayor council embassy").split()


def _paragraph(seed: int, words: int = 60) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(_VOCAB) for _ in range(words)) + "."


def _article(text: str, domain: str = "x.example") -> Article:
    return Article(id=article_id(text), source=Source(url=f"https://{domain}/{article_id(text)}", domain=domain),
                   text=text)


def test_shingles_are_lower_case_word_triples() -> None:
    assert dedup.shingles("The Cat sat, on the mat") == {b"the cat sat", b"cat sat on", b"sat on the", b"on the mat"}
    assert dedup.shingles("Two words") == {b"two words"}
    assert dedup.shingles("") == set()


def test_too_short_to_compare_has_no_signature() -> None:
    assert dedup.signature("Brief item.") is None
    assert dedup.signature(_paragraph(1)) is not None


def test_similarity_separates_copies_from_other_stories() -> None:
    one, other = _paragraph(1), _paragraph(2)
    assert dedup.similarity(dedup.signature(one), dedup.signature(one)) == 1.0
    assert dedup.similarity(dedup.signature(one), dedup.signature("UPDATE " + one + " More later.")) >= dedup.THRESHOLD
    assert dedup.similarity(dedup.signature(one), dedup.signature(other)) < 0.2


def test_band_keys_are_stable_and_distinct_per_band() -> None:
    sig = dedup.signature(_paragraph(3))
    keys = dedup.band_keys(sig)
    assert keys == dedup.band_keys(dedup.signature(_paragraph(3)))
    assert len(keys) == len(set(keys)) > 1
    assert all(-2**63 <= k < 2**63 for k in keys)


def test_clusters_bridge_through_a_shared_version(store: Store) -> None:
    p1, p2, p3 = _paragraph(11), _paragraph(12), _paragraph(13)
    first, last, whole = _article(p1 + "\n" + p2), _article(p2 + "\n" + p3), _article(p1 + "\n" + p2 + "\n" + p3)
    store.write_articles([first, last])
    cluster = dict(store._all("SELECT id, cluster_id FROM articles"))
    assert cluster[first.id] != cluster[last.id]  # a third in common is not enough
    store.write_articles([whole])  # ...but a version holding both joins them
    cluster = dict(store._all("SELECT id, cluster_id FROM articles"))
    assert set(cluster.values()) == {min(first.id, last.id, whole.id)}


def test_clusters_do_not_depend_on_order(tmp_path) -> None:
    stories = corpus() + [_article(_paragraph(n)) for n in range(5)]
    results = []
    for name, order in (("forward", stories), ("backward", stories[::-1])):
        with open_store(str(tmp_path / f"{name}.db")) as store:
            for article in order:  # one batch each, like separate runs
                store.write_articles([article])
            results.append(dict(store._all("SELECT id, cluster_id FROM articles")))
    assert results[0] == results[1]


def test_dedup_can_be_switched_off(tmp_path) -> None:
    with open_store(str(tmp_path / "plain.db"), dedup=False) as store:
        store.write_articles(corpus())
        assert store.stats().clusters == len(corpus())
        assert store._one("SELECT COUNT(*) FROM bands")[0] == 0


@pytest.mark.parametrize("words", [4, 6])
def test_short_articles_stay_alone(store: Store, words: int) -> None:
    text = " ".join(_VOCAB[:words])
    store.write_articles([_article(text), _article(text + " again")])
    assert store.stats().clusters == 2
