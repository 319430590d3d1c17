"""A few dozen short wire stories of our own (fictional), plus broken inputs, laid out as a user's folder would be."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"

_PLACES = [("NAIROBI", "Kenya", "Kenyan"), ("LIMA", "Peru", "Peruvian"), ("HANOI", "Vietnam", "Vietnamese"),
           ("OSLO", "Norway", "Norwegian"), ("ACCRA", "Ghana", "Ghanaian"), ("MANILA", "the Philippines", "Philippine"),
           ("ANKARA", "Turkey", "Turkish"), ("QUITO", "Ecuador", "Ecuadorian"), ("RABAT", "Morocco", "Moroccan")]
_PEOPLE = ["Amina Wekesa", "Carlos Huaman", "Linh Tran", "Ingrid Solberg", "Kwame Asante", "Maria Dizon",
           "Emre Yildiz", "Lucia Paredes", "Youssef Alami", "Petra Novak", "Jonas Berg"]
_TOPICS = ["fishing rights", "a rail link", "grain exports", "power lines", "customs checks", "water sharing",
           "migrant workers", "port fees"]
_AGENCIES = ["Reuters", "AFP", "AP"]
_MONTHS = ["March", "April", "May", "June"]


def story(i: int) -> str:
    """The i-th story: headline, a wire dateline, a quote with a named speaker, and a second paragraph."""
    city, country, adjective = _PLACES[i % len(_PLACES)]
    _, other, other_adjective = _PLACES[(i * 5 + 3) % len(_PLACES)]
    person = _PEOPLE[i % len(_PEOPLE)]
    rival = _PEOPLE[(i * 7 + 2) % len(_PEOPLE)]
    topic = _TOPICS[i % len(_TOPICS)]
    agency = _AGENCIES[i % len(_AGENCIES)]
    month = _MONTHS[i % len(_MONTHS)]
    surname = person.split()[-1]
    return (f"{country.removeprefix('the ').capitalize()} and {other.removeprefix('the ')} talk over {topic}\n\n"
            f"{city}, {month} {i % 27 + 1} ({agency}) - {adjective} Foreign Minister {person} met her "
            f"{other_adjective} counterpart {rival} on Tuesday to discuss {topic}, officials said, after weeks "
            f"of tension between the two governments over story number {i}.\n\n"
            f"\"We want an agreement before the end of the year,\" {surname} told reporters after the meeting. "
            f"{rival} said {other} would study the proposal and reply within a month.\n\n"
            f"The two countries signed a first accord on {topic} in {2000 + i % 20}, but it lapsed when "
            f"parliament in {other.removeprefix('the ')} refused to ratify it.\n")


def _record(i: int) -> dict:
    text = story(i)
    headline, body = text.split("\n\n", 1)
    return {"title": headline, "text": body, "date_publish": f"2026-0{i % 4 + 3}-{i % 27 + 1:02d} 09:00:00",
            "url": f"https://wire.example/{i}", "source_domain": "wire.example", "authors": []}


def build(folder: Path, stories: int = 24, jsonl_lines: int = 20, gz_lines: int = 10) -> Path:
    """Write the corpus under `folder` and return it: examples, stories, JSONL (plain and gzip), broken files."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(EXAMPLES, folder / "examples")
    wire = folder / "wire"
    wire.mkdir()
    for i in range(stories):
        (wire / f"story-{i:03d}.txt").write_text(story(i), encoding="utf-8")
    lines = [json.dumps(_record(100 + i)) for i in range(jsonl_lines)]
    lines[3] = "{not json"  # a bad line fails alone
    lines[7] = ""  # a blank line is no document
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    packed = "\n".join(json.dumps(_record(200 + i)) for i in range(gz_lines)) + "\n"
    (folder / "feed-packed.jsonl.gz").write_bytes(gzip.compress(packed.encode("utf-8")))
    broken = folder / "broken"
    broken.mkdir()
    (broken / "empty.txt").write_text("")
    (broken / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 300)
    (broken / "no-text.json").write_text(json.dumps({"title": "Only a title"}))
    return folder
