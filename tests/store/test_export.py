"""Exports: GDELT 2.0 event table that GDELT tooling loads, Parquet that reads back typed, JSONL and CSV."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from dateline import contract
from dateline.errors import UsageError
from dateline.store import EventQuery, Store
from dateline.store import export as export_module
from dateline.store.export import export
from dateline.store.records import ArticleRecord, EventRecord, QuoteRecord, pandas_dtypes

from .stories import corpus

# The GDELT 2.0 Event Database codebook's columns, in file order (tab-separated, no header row).
PUBLISHED_GDELT_COLUMNS = """
GLOBALEVENTID SQLDATE MonthYear Year FractionDate
Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code
Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code
Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code
Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code
IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone
Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat
Actor1Geo_Long Actor1Geo_FeatureID
Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code Actor2Geo_Lat
Actor2Geo_Long Actor2Geo_FeatureID
ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat
ActionGeo_Long ActionGeo_FeatureID
DATEADDED SOURCEURL
""".split()
INTEGER_COLUMNS = ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "NumMentions", "NumSources",
                   "NumArticles", "ActionGeo_Type", "DATEADDED"]
FLOAT_COLUMNS = ["FractionDate", "GoldsteinScale", "ActionGeo_Lat", "ActionGeo_Long"]
CODE_COLUMNS = ["EventCode", "EventBaseCode", "EventRootCode", "Actor1Code", "Actor2Code", "ActionGeo_CountryCode"]
ALL = corpus()


@pytest.fixture
def filled(store: Store) -> Store:
    store.write_articles(ALL)
    return store


def _load_gdelt(path) -> pd.DataFrame:
    """The way GDELT scripts read an export file: no header, the published names, codes as strings."""
    return pd.read_csv(path, sep="\t", header=None, names=PUBLISHED_GDELT_COLUMNS,
                       dtype={c: str for c in CODE_COLUMNS}, keep_default_na=True)


def test_gdelt_export_loads_with_the_published_columns(filled: Store, tmp_path) -> None:
    path = tmp_path / "events.export.CSV"
    rows = export(filled, "events", "gdelt", path)
    raw = pd.read_csv(path, sep="\t", header=None)
    assert raw.shape == (rows, 61)
    frame = _load_gdelt(path)
    for column in INTEGER_COLUMNS:
        assert pd.api.types.is_integer_dtype(frame[column]), column
    for column in FLOAT_COLUMNS:
        assert pd.api.types.is_float_dtype(frame[column]), column
    assert frame["EventCode"].str.fullmatch(r"\d{2,4}").all()
    assert frame["GLOBALEVENTID"].is_unique
    assert frame["DATEADDED"].astype(str).str.fullmatch(r"\d{14}").all()
    assert (frame["FractionDate"].astype(int) == frame["Year"]).all()
    assert ((frame["SQLDATE"] // 100) == frame["MonthYear"]).all()


def test_gdelt_rows_carry_our_codes_counts_and_places(filled: Store, tmp_path) -> None:
    path = tmp_path / "events.tsv"
    export(filled, "events", "gdelt", path)
    frame = _load_gdelt(path)
    support = frame[frame["EventCode"] == "051"]
    assert len(support) == 1  # three articles, two outlets, one event
    one = support.iloc[0]
    assert (one["NumMentions"], one["NumArticles"], one["NumSources"]) == (3, 3, 2)
    assert (one["Actor1Code"], one["Actor1CountryCode"], one["Actor1Type1Code"]) == ("RUSGOV", "RUS", "GOV")
    assert (one["Actor2Code"], one["EventBaseCode"], one["EventRootCode"]) == ("SRB", "051", "05")
    assert (one["QuadClass"], one["GoldsteinScale"], one["IsRootEvent"]) == (1, 3.4, 1)
    assert one["SQLDATE"] == 20170302 and one["SOURCEURL"] == ALL[0].source.url
    aid = frame[(frame["EventCode"] == "070") & (frame["Actor1Code"] == "USA")].iloc[0]
    assert aid["ActionGeo_Type"] == 4 and aid["ActionGeo_CountryCode"] == "RI"  # Serbia's FIPS code
    assert aid["ActionGeo_FullName"] == "Belgrade, Serbia" and aid["ActionGeo_Lat"] == pytest.approx(44.8176)
    assert frame["AvgTone"].isna().all()  # not measured: left empty rather than invented


def test_gdelt_leaves_out_what_did_not_happen_unless_asked(filled: Store) -> None:
    buffer = io.StringIO()
    export(filled, "events", "gdelt", buffer)
    frame = _load_gdelt(io.StringIO(buffer.getvalue()))
    assert set(frame["EventCode"]) == {"051", "163", "112", "138", "070", "057"}  # no future 036, no negated aid
    assert len(frame) == filled.count_events(mode="asserted,historical")
    future = io.StringIO()
    export(filled, "events", "gdelt", future, EventQuery(mode="future"))
    assert _load_gdelt(io.StringIO(future.getvalue()))["EventCode"].tolist() == ["036"]


@pytest.mark.parametrize("what, cls", [("events", EventRecord), ("quotes", QuoteRecord), ("articles", ArticleRecord)])
def test_parquet_reads_back_with_the_right_dtypes(filled: Store, tmp_path, what: str, cls: type) -> None:
    path = tmp_path / f"{what}.parquet"
    rows = export(filled, what, "parquet", path)
    frame = pd.read_parquet(path)
    assert len(frame) == rows > 0
    assert {c: str(t) for c, t in frame.dtypes.items()} == pandas_dtypes(cls)


def test_parquet_events_equal_the_api(filled: Store, tmp_path) -> None:
    path = tmp_path / "events.parquet"
    export(filled, "events", "parquet", path)
    stored = pd.read_parquet(path).sort_values("gid").reset_index(drop=True)
    api = filled.events_frame(dedup=False, limit=None).sort_values("gid").reset_index(drop=True)
    pd.testing.assert_frame_equal(stored, api)


def test_empty_parquet_keeps_its_columns(store: Store, tmp_path) -> None:
    path = tmp_path / "none.parquet"
    assert export(store, "events", "parquet", path) == 0
    assert {c: str(t) for c, t in pd.read_parquet(path).dtypes.items()} == pandas_dtypes(EventRecord)


def test_jsonl_articles_are_the_contract(filled: Store, tmp_path) -> None:
    path = tmp_path / "articles.jsonl"
    assert export(filled, "articles", "jsonl", path) == len(ALL)
    lines = path.read_text("utf-8").splitlines()
    for line, article in zip(lines, ALL):
        data = json.loads(line)
        assert contract.problems(data) == []
        assert data == article.to_dict()


def test_csv_round_trips_through_pandas(filled: Store, tmp_path) -> None:
    path = tmp_path / "quotes.csv"
    export(filled, "quotes", "csv", path)
    frame = pd.read_csv(path)
    assert list(frame.columns) == list(pandas_dtypes(QuoteRecord))
    assert len(frame) == sum(len(a.quotes) for a in ALL)
    assert set(frame["speaker_name"]) == {"Sergei Lavrov", "Kyle Scott"}


def test_event_exports_follow_the_query(filled: Store) -> None:
    buffer = io.StringIO()
    rows = export(filled, "events", "jsonl", buffer, EventQuery(source="RUS", dedup=False, limit=None))
    records = [json.loads(line) for line in buffer.getvalue().splitlines()]
    assert rows == len(records) == len(filled.events(source="RUS", dedup=False, limit=None))


def test_chunked_dedup_counts_match_the_api(filled: Store, monkeypatch) -> None:
    monkeypatch.setattr(export_module, "CHUNK", 2)  # cluster siblings fall in different chunks
    streamed = {r.gid: (r.num_mentions, r.num_articles, r.num_sources)
                for r in export_module.iter_events(filled, EventQuery(limit=None))}
    api = {r.gid: (r.num_mentions, r.num_articles, r.num_sources) for r in filled.events(limit=None)}
    assert streamed == api


@pytest.mark.parametrize("what, fmt, out, message", [
    ("articles", "gdelt", "x.tsv", "events only"),
    ("events", "parquet", "-", "file name"),
    ("events", "xlsx", "x.xlsx", "unknown export format"),
    ("people", "csv", "x.csv", "cannot export"),
])
def test_export_usage_errors(filled: Store, what: str, fmt: str, out: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        export(filled, what, fmt, out)
