"""news-please JSON and JSONL: fields map onto the document, and objects without text fail one by one."""

from __future__ import annotations

import json
from pathlib import Path

from dateline.errors import ReadError
from dateline.read import read_inputs

STORY = {
    "authors": ["Ana Reyes", "Tom Berg"], "date_publish": "2017-09-15T00:00:00",
    "description": "Ministers from Mexico and Canada met to discuss trade.",
    "source_domain": "news.example", "title": "Mexico and Canada discuss trade",
    "text": "Mexico and Canada discuss trade\nOTTAWA (Reuters) - Mexico's economy minister met Canadian officials on Friday.",
    "url": "http://news.example/world/2017-09/15/content_1.htm", "language": "en",
}


def _write(tmp_path: Path, name: str, content: str) -> str:
    path = tmp_path / name
    path.write_text(content, "utf-8")
    return str(path)


def test_fields_map_onto_the_document(tmp_path: Path) -> None:
    (document,) = read_inputs([_write(tmp_path, "a.json", json.dumps(STORY))])
    assert not isinstance(document, ReadError)
    assert document.kind == "fields" and document.source.format == "news-please"
    assert document.title == STORY["title"]
    assert document.description == STORY["description"]
    assert document.date_publish == STORY["date_publish"]
    assert document.source.url == STORY["url"] and document.source.domain == "news.example"
    assert document.author == "Ana Reyes; Tom Berg"
    assert document.content == STORY["text"]


def test_maintext_is_read_like_text(tmp_path: Path) -> None:
    story = {k: v for k, v in STORY.items() if k != "text"} | {"maintext": "OTTAWA (Reuters) - Talks went on."}
    (document,) = read_inputs([_write(tmp_path, "b.json", json.dumps(story))])
    assert document.content == "OTTAWA (Reuters) - Talks went on."  # type: ignore[union-attr]


def test_json_without_text_is_one_line_error(tmp_path: Path) -> None:
    empty = _write(tmp_path, "empty-text.json", json.dumps(STORY | {"text": ""}))
    missing = _write(tmp_path, "no-text.json", json.dumps({"title": "Only a title", "url": "http://x.example/"}))
    errors = list(read_inputs([empty, missing]))
    assert all(isinstance(e, ReadError) for e in errors)
    assert str(errors[0]) == f"{empty}: JSON without article text (its 'text' field is empty) [E001]"
    assert str(errors[1]) == f"{missing}: JSON without article text (no 'text' or 'maintext' field) [E001]"


def test_invalid_json_names_the_place(tmp_path: Path) -> None:
    (error,) = read_inputs([_write(tmp_path, "bad.json", '{"title": "x", "text": ')])
    assert isinstance(error, ReadError) and "invalid JSON (line 1" in str(error)


def test_jsonl_lines_are_articles_and_fail_alone(tmp_path: Path) -> None:
    lines = [json.dumps(STORY), "", json.dumps(STORY | {"text": "   "}), "{not json", json.dumps(STORY | {"title": "Second"})]
    path = _write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    items = list(read_inputs([path]))
    assert [type(i).__name__ for i in items] == ["RawDocument", "ReadError", "ReadError", "RawDocument"]
    assert items[0].source.path == f"{path}:1" and items[0].source.format == "jsonl"  # type: ignore[union-attr]
    assert str(items[1]).startswith(f"{path}:3: JSON without article text")
    assert str(items[2]).startswith(f"{path}:4: invalid JSON")
    assert items[3].title == "Second"  # type: ignore[union-attr]


def test_a_json_list_holds_several_articles(tmp_path: Path) -> None:
    path = _write(tmp_path, "list.json", json.dumps([STORY, {"title": "no text"}, STORY | {"title": "Third"}]))
    items = list(read_inputs([path]))
    assert [type(i).__name__ for i in items] == ["RawDocument", "ReadError", "RawDocument"]
    assert str(items[1]).startswith(f"{path}[1]: JSON without article text")
