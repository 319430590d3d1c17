"""Planning parts: files grouped in order, big JSONL split into line ranges, stdin and gzip inline, resume skips."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from dateline.engine.parts import Part, Planner, line_ranges
from dateline.engine.work import Settings, read_units
from dateline.errors import DatelineError
from dateline.model import RawDocument
from dateline.read import read_inputs


def _jsonl(path: Path, n: int, final_newline: bool = True) -> list[str]:
    lines = [json.dumps({"title": f"Story {i}", "text": f"Body of story {i}.\nSecond line {i}."}) for i in range(n)]
    path.write_text("\n".join(lines) + ("\n" if final_newline else ""), encoding="utf-8")
    return lines


def _docs(items: list) -> list[str]:
    """Documents and errors as comparable text, whichever way they were read."""
    out = []
    for item in items:
        if isinstance(item, DatelineError):
            out.append(f"error {item}")
        else:
            assert isinstance(item, RawDocument)
            out.append(repr(item))
    return out


def _via_parts(paths: list[str], planner: Planner) -> list:
    items = []
    for part in planner.plan(paths):
        if isinstance(part, DatelineError):
            items.append(part)
        else:
            items.extend(doc for _, doc in read_units(part, Settings()))
    return items


def test_files_are_grouped_in_walk_order_and_errors_keep_their_place(tmp_path: Path) -> None:
    for i in range(5):
        (tmp_path / f"a{i}.txt").write_text(f"Story {i}\n\nBody {i} of a story.\n")
    missing = str(tmp_path / "missing.txt")
    parts = list(Planner(files_per_part=2).plan([str(tmp_path), missing, str(tmp_path / "a0.txt")]))
    kinds = [p.kind if isinstance(p, Part) else "error" for p in parts]
    assert kinds == ["files", "files", "files", "error", "files"]
    names = [p.unit_name(u) for p in parts if isinstance(p, Part) for u in p.active()]
    assert names == [str(tmp_path / f"a{i}.txt") for i in range(5)] + [str(tmp_path / "a0.txt")]
    assert "no such file" in str(parts[3])
    again = list(Planner(files_per_part=2).plan([str(tmp_path), missing, str(tmp_path / "a0.txt")]))
    assert [getattr(p, "key", None) for p in again] == [getattr(p, "key", None) for p in parts]  # stable names


@pytest.mark.parametrize("final_newline", [True, False])
def test_line_ranges_cover_the_file_exactly(tmp_path: Path, final_newline: bool) -> None:
    path = tmp_path / "feed.jsonl"
    lines = _jsonl(path, 23, final_newline)
    ranges = list(line_ranges(path, 5))
    assert [r[2] for r in ranges] == [1, 6, 11, 16, 21]
    assert [r[3] for r in ranges] == [5, 5, 5, 5, 3]
    data = path.read_bytes()
    assert b"".join(data[s:e] for s, e, _, _ in ranges) == data
    assert all(ranges[i][1] == ranges[i + 1][0] for i in range(len(ranges) - 1))
    assert data[ranges[1][0]:ranges[1][1]].decode().splitlines() == lines[5:10]


def test_big_jsonl_is_split_and_reads_the_same_documents(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = _jsonl(path, 30)
    lines[4] = "{broken"
    lines[9] = ""
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    parts = list(Planner(lines_per_part=8).plan([str(path)]))
    assert [p.kind for p in parts] == ["range"] * 4
    assert parts[1].unit_name(0) == f"{path}:9"
    assert _docs(_via_parts([str(path)], Planner(lines_per_part=8))) == _docs(list(read_inputs([str(path)])))


def test_small_jsonl_stays_one_file(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    _jsonl(path, 5)
    (part,) = Planner(lines_per_part=8).plan([str(path)])
    assert part.kind == "files" and part.files == (str(path),)


def test_gzip_jsonl_travels_inline(tmp_path: Path) -> None:
    plain = tmp_path / "plain.jsonl"
    _jsonl(plain, 12)
    packed = tmp_path / "feed.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    plain.unlink()
    parts = list(Planner(lines_per_part=5).plan([str(packed)]))
    assert [(p.kind, p.first_line, p.count) for p in parts] == [("lines", 1, 5), ("lines", 6, 5), ("lines", 11, 2)]
    assert _docs(_via_parts([str(packed)], Planner(lines_per_part=5))) == _docs(list(read_inputs([str(packed)])))


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))


def test_stdin_jsonl_is_streamed_and_text_travels_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "feed.jsonl"
    _jsonl(path, 7)
    _stdin(monkeypatch, path.read_bytes())
    parts = list(Planner(lines_per_part=3).plan(["-"]))
    assert [(p.kind, p.unit_name(0)) for p in parts] == [("lines", "<stdin>:1"), ("lines", "<stdin>:4"),
                                                          ("lines", "<stdin>:7")]
    _stdin(monkeypatch, b"Headline here\n\nA story body that is long enough to be an article.\n")
    (part,) = Planner().plan(["-"])
    assert part.kind == "bytes" and part.unit_name(0) == "<stdin>"
    _stdin(monkeypatch, b"\n \n\n")
    (part,) = Planner().plan(["-"])
    ((_, error),) = read_units(part, Settings())
    assert str(error) == "<stdin>: empty file (only whitespace) [E001]"


def test_resume_skips_known_files_and_lines_but_keeps_part_keys(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(4):
        (folder / f"s{i}.txt").write_text(f"Story {i}\n\nBody {i}.\n")
    feed = tmp_path / "feed.jsonl"
    _jsonl(feed, 12)
    known = {str(folder / "s1.txt"), f"{feed}:2", f"{feed}:3"} | {f"{feed}:{n}" for n in range(6, 11)}
    skipped: list[str] = []
    plain = list(Planner(lines_per_part=5).plan([str(folder), str(feed)]))
    resumed = list(Planner(lines_per_part=5, skip_name=known.__contains__, on_skip=skipped.append)
                   .plan([str(folder), str(feed)]))
    assert sorted(skipped) == sorted(known)
    names = [p.unit_name(u) for p in resumed for u in p.active()]
    assert names == [str(folder / f"s{i}.txt") for i in (0, 2, 3)] + [f"{feed}:{n}" for n in (1, 4, 5, 11, 12)]
    assert [p.key for p in resumed[1:]] == [plain[1].key, plain[3].key]  # the JSONL parts keep their names
    assert resumed[1].only == frozenset({0, 3, 4})


def test_relative_names_are_read_from_the_clients_folder(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "one.txt").write_text("Headline\n\nA body of text for the story.\n")
    _jsonl(tmp_path / "in" / "feed.jsonl", 3)
    settings = Settings(base_dir=str(tmp_path))  # a worker whose own folder is elsewhere
    files = Part("files", files=("in/one.txt",), key="k")
    ((_, doc),) = read_units(files, settings)
    assert isinstance(doc, RawDocument) and doc.source.path == "in/one.txt"
    size = (tmp_path / "in" / "feed.jsonl").stat().st_size
    lines = Part("range", path="in/feed.jsonl", start=0, end=size, count=3, key="r")
    assert [d.source.path for _, d in read_units(lines, settings)] == [f"in/feed.jsonl:{n}" for n in (1, 2, 3)]
