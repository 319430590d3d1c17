"""Readers are chosen by what a file holds, not by what it is called."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.read import read_inputs
from dateline.read.detect import binary_reason, sniff

PAGE = """<!DOCTYPE html><html><head><title>Talks resume</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Talks resume in Oslo</h1>
<p>OSLO (AFP) - Negotiators from Colombia and a rebel group resumed peace talks in Oslo on Monday after a pause of three months, Norway's foreign ministry said in a statement.</p>
<p>"Both delegations came back to the table in good faith," Norwegian envoy Ingrid Lund told reporters. She said the talks would continue through the week and that a joint statement could follow.</p>
<p>The talks broke down in March after an attack on a police station in Cauca province that killed four officers.</p>
</article><footer>All rights reserved</footer></body></html>"""
NEWS_PLEASE = {"title": "Talks resume in Oslo", "text": "OSLO (AFP) - Negotiators resumed peace talks in Oslo on Monday.",
               "date_publish": "2024-03-04 10:00:00", "url": "https://example.org/2024/03/04/oslo-talks"}
TEXT = "Talks resume in Oslo\n\nOSLO (AFP) - Negotiators resumed peace talks in Oslo on Monday, Norway said.\n"


@pytest.mark.parametrize("name,content,fmt", [
    ("page.txt", PAGE, "html"),
    ("story.html", TEXT, "text"),
    ("story", json.dumps(NEWS_PLEASE), "news-please"),
    ("story.txt", json.dumps(NEWS_PLEASE), "news-please"),
    ("stories.txt", json.dumps(NEWS_PLEASE) + "\n" + json.dumps(NEWS_PLEASE) + "\n", "jsonl"),
    ("notes.json", TEXT, "text"),
])
def test_content_decides_the_reader(tmp_path: Path, name: str, content: str, fmt: str) -> None:
    path = tmp_path / name
    path.write_text(content, "utf-8")
    documents = list(read_inputs([str(path)]))
    assert documents and all(getattr(d, "source", None) is not None for d in documents), documents
    assert {d.source.format for d in documents} == {fmt}


def test_text_opening_with_a_brace_is_still_text(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_text("{Editor's note: this story was updated.}\n\nOSLO (AFP) - Talks resumed on Monday.\n", "utf-8")
    (document,) = read_inputs([str(path)])
    assert document.source.format == "text"  # type: ignore[union-attr]


def test_format_option_overrides_the_content(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, "utf-8")
    (document,) = read_inputs([str(path)], format="text")
    assert document.source.format == "text" and "<article>" in document.content  # type: ignore[union-attr]


@pytest.mark.parametrize("head,expected", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"), (b"\x89PNG\r\n\x1a\n", "PNG"), (b"PK\x03\x04", "ZIP"),
    (b"plain\x00text\x00with\x00nuls" * 10, "NUL"),
])
def test_binary_files_are_named(head: bytes, expected: str) -> None:
    assert expected in (binary_reason(head) or "")


def test_text_and_utf16_are_not_binary() -> None:
    assert binary_reason(TEXT.encode()) is None
    assert binary_reason(b"RIFF between the allies widens, diplomats say\n\nThe two governments...") is None
    assert binary_reason(TEXT.encode("utf-16-le")) is None


def test_sniff_tells_json_from_jsonl() -> None:
    one = json.dumps(NEWS_PLEASE)
    assert sniff(one, "") == "json"
    assert sniff(json.dumps(NEWS_PLEASE, indent=2), "") == "json"
    assert sniff(one + "\n" + one, "") == "jsonl"
    assert sniff(one, ".jsonl") == "jsonl"
    assert sniff("[" + one + "]", "") == "json"
