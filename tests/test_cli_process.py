"""`dateline process` and `dateline show` as a user runs them: outputs, summaries, exit statuses."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline import contract
from dateline.cli import main



pytestmark = pytest.mark.slow
ARTICLES = Path(__file__).resolve().parents[1] / "examples" / "articles"
STORY = ("Ghana and Togo agree to reopen border\n\n"
         "ACCRA, March 3 (Reuters) - Ghana and Togo agreed on Tuesday to reopen their main border crossing, "
         "Ghanaian Foreign Minister Kofi Mensah said after meeting his Togolese counterpart in Accra.\n\n"
         "\"Trade must flow again,\" Mensah told reporters.\n")


def _run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_examples_go_to_jsonl_and_keep_the_contract(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = _run("process", str(ARTICLES), "--no-db", "--jsonl", str(out))
    assert result.exit_code == 0, result.output
    articles = _lines(out)
    assert len(articles) >= 10
    for article in articles:
        contract.check(article)
    formats = {a["source"]["format"] for a in articles}
    assert formats == {"text", "html", "news-please", "jsonl"}
    agencies = {a["dateline"]["agency"] for a in articles}
    assert {"TASS", "Reuters", "AP", "AFP", "Xinhua", None} <= agencies
    assert {a["published_from"] for a in articles} >= {"metadata", "inferred", "dateline", "text", None}
    assert f"processed {len(articles)}, failed 0" in result.stderr
    assert "entities" in result.stderr and "quotes" in result.stderr and "events" in result.stderr


def test_failures_are_listed_and_the_rest_is_written(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(STORY)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\xff" * 500 + os.urandom(500))
    (tmp_path / "no-text.json").write_text(json.dumps({"title": "Nothing here"}))
    out = tmp_path / "out.jsonl"  # inside the input folder: the run must not read its own output
    missing = tmp_path / "missing.txt"
    result = _run("process", str(tmp_path), str(missing), "--no-db", "--jsonl", str(out))
    assert result.exit_code == 1
    assert [a["structure"]["headline"]["text"] for a in _lines(out)] == ["Ghana and Togo agree to reopen border"]
    failed = [line for line in result.stderr.splitlines() if line.strip().startswith("failed:")]
    assert len(failed) == 4
    for name, reason in (("binary.txt", "binary file"), ("empty.txt", "empty file"),
                         ("no-text.json", "JSON without article text"), ("missing.txt", "no such file")):
        assert any(str(tmp_path / name) in line and reason in line for line in failed), (name, failed)
    assert "processed 1, failed 4" in result.stderr


def test_stdin_to_stdout(tmp_path: Path) -> None:
    result = _run("process", "-", "--no-db", "--jsonl", "-", "--published", "2026-03-04", stdin=STORY)
    assert result.exit_code == 0, result.stderr
    (article,) = [json.loads(line) for line in result.stdout.splitlines()]
    contract.check(article)
    assert article["source"]["path"] == "<stdin>"
    assert (article["published"], article["published_from"], article["dateline"]["date"]) == ("2026-03-04", "cli", "2026-03-03")


@pytest.mark.parametrize("args", [
    ["process"],
    ["process", "x.txt", "--no-db"],
    ["process", "x.txt", "--no-db", "--db", "other.db", "--jsonl", "-"],
    ["process", "x.txt", "--published", "2015-13-01", "--no-db", "--jsonl", "-"],
    ["process", "x.txt", "--format", "pdf", "--no-db", "--jsonl", "-"],
    ["process", "-", "-", "--no-db", "--jsonl", "-"],
    ["process", str(ARTICLES), "--no-db", "--jsonl", "-", "--pipeline", "no_such_pipeline_xyz"],
    ["show", str(ARTICLES / "afp-paris-sahel.txt"), "--pipeline", "no_such_pipeline_xyz"],
])
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = _run(*args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def test_show_prints_the_structure() -> None:
    result = _run("show", str(ARTICLES / "tass-belgrade-energy.txt"), "--published", "2026-03-13")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Russia and Serbia agree to widen energy cooperation, Orlov says" in out
    assert "BELGRADE, March 12 /TASS/." in out and "agency TASS" in out and "date 2026-03-12" in out
    assert "2026-03-13 (given with --published)" in out
    assert "Paragraphs" in out and "entities" in out and "quotes" in out and "events" in out
    assert "All news" not in out


def test_show_json_and_missing_path(tmp_path: Path) -> None:
    result = _run("show", str(ARTICLES / "newsplease-addis-ababa-summit.json"), "--json")
    assert result.exit_code == 0
    contract.check(json.loads(result.stdout))
    missing = _run("show", str(tmp_path / "nope.txt"))
    assert missing.exit_code == 1
    assert f"{tmp_path / 'nope.txt'}: no such file or directory" in missing.stderr


def test_store_is_written_in_batches_and_a_rerun_adds_nothing(tmp_path: Path) -> None:
    from dateline.store import open_store

    db = tmp_path / "news.db"
    first = _run("process", str(ARTICLES), "--db", str(db))
    assert first.exit_code == 0, first.output
    assert f"to {db} (" in first.stderr and "new" in first.stderr
    again = _run("process", str(ARTICLES), "--db", str(db), "--jsonl", str(tmp_path / "out.jsonl"))
    assert again.exit_code == 0
    written = len(_lines(tmp_path / "out.jsonl"))
    with open_store(str(db)) as store:
        assert store.stats().articles == written
    assert "0 new" in again.stderr


@pytest.fixture
def restore_actors(monkeypatch: pytest.MonkeyPatch):
    """--actors changes the process's actors; put the packaged ones back afterwards."""
    from dateline.actors import lexicon

    monkeypatch.delenv("DATELINE_ACTORS", raising=False)
    yield
    lexicon.set_current(None)


def test_actors_option_codes_an_unknown_body(tmp_path: Path, restore_actors) -> None:
    story = ("Harbour board rejects fee plan\n\n"
             "ACCRA, March 3 (Reuters) - The Volta Pilots Guild criticised Togo on Tuesday over port fees, "
             "officials said.\n")
    source = tmp_path / "story.txt"
    source.write_text(story, encoding="utf-8")
    before = _run("process", str(source), "--no-db", "--jsonl", str(tmp_path / "before.jsonl"))
    assert before.exit_code == 0, before.output
    coded = {e["name"]: (e.get("actor") or {}).get("code") for e in _lines(tmp_path / "before.jsonl")[0]["entities"]}
    assert coded.get("the Volta Pilots Guild", coded.get("Volta Pilots Guild")) != "GHALAB"

    actors = tmp_path / "mine.csv"
    actors.write_text("name,aliases,type,code\nVolta Pilots Guild,VPG,org,GHALAB\n", encoding="utf-8")
    after = _run("process", str(source), "--no-db", "--jsonl", str(tmp_path / "after.jsonl"), "--actors", str(actors))
    assert after.exit_code == 0, after.output
    entities = _lines(tmp_path / "after.jsonl")[0]["entities"]
    assert any("Volta Pilots Guild" in e["name"] and e["actor"]["code"] == "GHALAB" for e in entities), entities


def test_a_bad_actor_file_stops_before_any_work(tmp_path: Path, restore_actors) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - name: Someone\n    code: XY\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["process", str(ARTICLES), "--no-db", "--jsonl", str(tmp_path / "o.jsonl"),
                                       "--actors", str(bad)])
    assert result.exit_code == 2
    assert "bad.yaml" in result.output and "CAMEO" in result.output
    assert not (tmp_path / "o.jsonl").exists()


def test_query_commands_do_not_load_spacy() -> None:
    import subprocess
    import sys

    code = ("import sys; from dateline.cli import main; "
            "main(['stats', '--help'], standalone_mode=False); print('spacy' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False"


def test_help_lists_every_command() -> None:
    result = _run("--help")
    for name in ("process", "show", "events", "quotes", "actors", "stats", "export", "eval", "serve"):
        assert f"  {name} " in result.output
