"""Where documents come from: files, folders, stdin, gzip; and every bad input failing alone in one line."""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from dateline.errors import ConfigError, ReadError
from dateline.read import read_inputs
from dateline.read.sources import MAX_MB_SETTING, max_document_bytes

GOOD = ("Lithuania expels Belarusian diplomat\n\n"
        "VILNIUS (Reuters) - Lithuania expelled a Belarusian diplomat on Tuesday, the foreign ministry said, "
        "accusing Minsk of organising the smuggling of migrants across the border.\n")
OTHER = ("Estonia and Latvia sign rail accord\n\n"
         "RIGA, May 7 (AP) — Estonia and Latvia signed an agreement on Wednesday to finish their part of the "
         "Rail Baltica line by 2030, the two transport ministers said.\n")


def _names(items: list) -> list[str]:
    return [i.input if isinstance(i, ReadError) else i.source.path for i in items]


def test_folders_are_walked_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b" / "deep" / "c.txt").write_text(OTHER)
    (tmp_path / "b" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / ".hidden" / "x.txt").write_text(GOOD)
    items = list(read_inputs([str(tmp_path)]))
    assert _names(items) == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "deep" / "c.txt")]


def test_gzip_is_read_transparently_by_its_bytes(tmp_path: Path) -> None:
    (tmp_path / "story.txt.gz").write_bytes(gzip.compress(GOOD.encode()))
    (tmp_path / "disguised.txt").write_bytes(gzip.compress(OTHER.encode()))
    items = list(read_inputs([str(tmp_path / "story.txt.gz"), str(tmp_path / "disguised.txt")]))
    assert [i.content for i in items] == [GOOD, OTHER]  # type: ignore[union-attr]


def test_dash_reads_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(GOOD.encode("utf-16"))))
    (document,) = read_inputs(["-"])
    assert document.content == GOOD and document.source.path == "<stdin>"  # type: ignore[union-attr]


def test_gzip_on_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(gzip.compress(OTHER.encode()))))
    (document,) = read_inputs(["-"])
    assert document.content == OTHER  # type: ignore[union-attr]


def test_corrupt_gzip_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(gzip.compress(GOOD.encode() * 50)[:60])
    (error,) = read_inputs([str(path)])
    assert isinstance(error, ReadError) and "corrupt gzip" in str(error) and "\n" not in str(error)


def test_size_limit_is_a_setting(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(MAX_MB_SETTING, "0.0001")  # about 100 bytes
    assert max_document_bytes() == 104
    path = tmp_path / "feed.jsonl"
    short = json.dumps({"text": "Short."})
    path.write_text(short + "\n" + json.dumps({"text": "x" * 500}) + "\n" + short + "\n")
    items = list(read_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == ["RawDocument", "ReadError", "RawDocument"]
    assert "too large" in str(items[1]) and str(items[1]).startswith(f"{path}:2: ")
    monkeypatch.setenv(MAX_MB_SETTING, "lots")
    with pytest.raises(ConfigError):
        max_document_bytes()


def _bad_inputs(root: Path) -> dict[str, str]:
    """Every kind of bad input the issue names, each with the words its error must contain."""
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.bin").write_bytes(b"\x00\x01\x02\xff" * 1000 + os.urandom(4000))
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2000))
    (root / "invalid.txt").write_bytes(GOOD.encode() + b"\xe2\x80 and \xc3 more " + "é".encode() * 3)
    with open(root / "huge.txt", "wb") as handle:  # 50 MB of words, over the default 20 MB limit
        block = b"The council met again and talked at length. " * 1024
        for _ in range(50 * 1024 * 1024 // len(block) + 1):
            handle.write(block)
    (root / "huge.txt.gz").write_bytes(gzip.compress(b"All quiet on the border today. " * (25 * 1024 * 1024 // 31 + 1)))
    (root / "broken.html").write_text("<html><body><div><p><<<>>></div><script>var x = 1;")
    (root / "no-text.json").write_text(json.dumps({"title": "A title only", "url": "http://example.org/a"}))
    (root / "empty").mkdir()
    (root / "pictures").mkdir()
    (root / "pictures" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(100))
    return {
        "empty.txt": "empty file", "binary.bin": "binary file", "binary.txt": "binary file (a PNG image)",
        "invalid.txt": "invalid bytes", "huge.txt": "too large", "huge.txt.gz": "too large",
        "broken.html": "no article text", "no-text.json": "JSON without article text",
        "missing.txt": "no such file or directory", "empty": "no articles found", "pictures": "no articles found",
    }


def test_every_bad_input_fails_alone_in_one_line(tmp_path: Path) -> None:
    expected = _bad_inputs(tmp_path)
    (tmp_path / "good-1.txt").write_text(GOOD)
    (tmp_path / "good-2.txt").write_text(OTHER)
    paths = [str(tmp_path / "good-1.txt")] + [str(tmp_path / n) for n in expected] + [str(tmp_path / "good-2.txt")]
    items = list(read_inputs(paths))
    assert [i.content for i in items if not isinstance(i, ReadError)] == [GOOD, OTHER]  # type: ignore[union-attr]
    errors = {Path(e.input).name: str(e) for e in items if isinstance(e, ReadError)}
    assert set(errors) == set(expected)
    for name, words in expected.items():
        message = errors[name]
        assert "\n" not in message and message.startswith(str(tmp_path / name) + ": "), message
        assert words in message, message
