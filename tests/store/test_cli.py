"""The query and export commands, on both backends: options reach the API, output is what scripts expect."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from dataclasses import fields

import pandas as pd
import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.store import EventRecord, open_store

from .stories import corpus

ALL = corpus()


@pytest.fixture
def db(store_url: str) -> str:
    with open_store(store_url) as store:
        store.write_articles(ALL)
    return store_url


def run(*args: str, env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def run_real(*args: str) -> subprocess.CompletedProcess[str]:
    """The installed entry point (with its error handling), in a fresh process."""
    return subprocess.run([sys.executable, "-c", "from dateline.cli import run; run()", *args],
                          capture_output=True, text=True, timeout=120)


def test_events_json_matches_the_api(db: str) -> None:
    out = json.loads(run("events", "--db", db, "--source", "RUS", "--since", "2017-04", "--format", "json"))
    with open_store(db) as store:
        api = store.events(source="RUS", since="2017-04", limit=50)
    assert [r["gid"] for r in out] == [r.gid for r in api] and len(out) == 3
    assert set(out[0]) == {f.name for f in fields(EventRecord)}


@pytest.mark.parametrize("args, expected", [
    (["--cameo", "05*"], 2),                 # 051 once (three mentions) and 057
    (["--cameo", "05*", "--all-mentions"], 4),
    (["--plover", "SUPPORT", "--target", "SRB"], 1),
    (["--mode", "future"], 1),
    (["--actor", "UKR", "--quad-class", "3"], 2),
    (["--until", "2016"], 1),
])
def test_event_options_filter(db: str, args: list[str], expected: int) -> None:
    assert len(json.loads(run("events", "--db", db, "--format", "json", *args))) == expected
    assert run("events", "--db", db, "--count", *args).strip() == str(expected)


def test_limit_and_offset(db: str) -> None:
    first = json.loads(run("events", "--db", db, "--format", "json", "--limit", "2", "--all-mentions"))
    second = json.loads(run("events", "--db", db, "--format", "json", "--limit", "2", "--offset", "2", "--all-mentions"))
    assert len(first) == len(second) == 2 and {r["gid"] for r in first}.isdisjoint(r["gid"] for r in second)


def test_events_csv_has_every_field(db: str) -> None:
    rows = list(csv.reader(io.StringIO(run("events", "--db", db, "--format", "csv"))))
    assert rows[0] == [f.name for f in fields(EventRecord)]
    assert len(rows) == 1 + 9


def test_table_is_aligned(db: str) -> None:
    out = run("events", "--db", db, "--source", "RUS")
    lines = [line for line in out.splitlines() if line.startswith(("┃", "│", "┏", "└"))]
    assert len(lines) >= 5 + 3 and len({len(line) for line in lines}) == 1
    assert "RUSGOV" in out and "3/2" in out  # the once-per-cluster counts: articles/sources


def test_quotes_command(db: str) -> None:
    out = json.loads(run("quotes", "--db", db, "--speaker", "Lavrov", "--search", "Kosovo", "--format", "json"))
    assert [(q["speaker_name"], q["num_articles"]) for q in out] == [("Sergei Lavrov", 3)]
    every = json.loads(run("quotes", "--db", db, "--search", "Kosovo", "--all-mentions", "--format", "json"))
    assert len(every) == 3
    assert "Kyle Scott" in run("quotes", "--db", db)


def test_actors_command(db: str) -> None:
    out = json.loads(run("actors", "--db", db, "--top", "2", "--format", "json"))
    assert [a["code"] for a in out] == ["RUS", "UKR"]
    assert out[0]["balance"] == pytest.approx(-0.6)
    assert "Balance" in run("actors", "--db", db)


def test_stats_command(db: str) -> None:
    out = json.loads(run("stats", "--db", db, "--format", "json"))
    assert (out["articles"], out["events"], out["quotes"]) == (8, 12, 4)
    assert "near-duplicate clusters" in run("stats", "--db", db)


def test_db_from_the_environment(db: str) -> None:
    out = json.loads(run("stats", "--format", "json", env={"DATELINE_DB": db}))
    assert out["articles"] == len(ALL)


@pytest.mark.parametrize("fmt, suffix", [("jsonl", ".jsonl"), ("csv", ".csv"), ("parquet", ".parquet")])
def test_export_command_infers_the_format(db: str, tmp_path, fmt: str, suffix: str) -> None:
    out = tmp_path / f"events{suffix}"
    run("export", "--db", db, "--what", "events", str(out))
    if fmt == "parquet":
        assert len(pd.read_parquet(out)) == 12
    elif fmt == "csv":
        assert len(pd.read_csv(out)) == 12
    else:
        assert len(out.read_text().splitlines()) == 12


def test_export_gdelt_to_stdout_with_filters(db: str) -> None:
    out = run("export", "--db", db, "--format", "gdelt", "--source", "RUS", "-")
    lines = out.splitlines()
    assert lines and all(len(line.split("\t")) == 61 for line in lines)
    assert {line.split("\t")[5][:3] for line in lines} == {"RUS"}


def test_export_dedup_flag(db: str) -> None:
    plain = run("export", "--db", db, "--format", "jsonl", "-").splitlines()
    once = run("export", "--db", db, "--format", "jsonl", "--dedup", "-").splitlines()
    assert (len(plain), len(once)) == (12, 9)


def test_export_articles_jsonl(db: str) -> None:
    out = run("export", "--db", db, "--what", "articles", "--format", "jsonl", "-")
    assert [json.loads(line)["id"] for line in out.splitlines()] == [a.id for a in ALL]


@pytest.mark.parametrize("args, message", [
    (["events", "--db", "{missing}"], "no such database"),
    (["events", "--db", "{notdb}"], "not a SQLite database"),
    (["stats", "--db", "postgresql://who:pw@127.0.0.1:9/none?connect_timeout=3"], "cannot connect"),
    (["events", "--db", "{db}", "--since", "last week"], "not a date"),
    (["export", "--db", "{db}", "{tmp}/out.txt"], "cannot tell the format"),
    (["export", "--db", "{db}", "--what", "quotes", "--source", "RUS", "{tmp}/q.csv"], "only apply"),
])
def test_errors_are_one_line(tmp_path, args: list[str], message: str) -> None:
    good = tmp_path / "good.db"
    with open_store(str(good)) as store:
        store.write_articles(ALL[:1])
    notdb = tmp_path / "notes.db"
    notdb.write_text("not a database at all " * 100)
    values = {"missing": str(tmp_path / "missing.db"), "notdb": str(notdb), "db": str(good), "tmp": str(tmp_path)}
    proc = run_real(*[a.format(**values) for a in args])
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("error: ") and message in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert not (tmp_path / "missing.db").exists()
