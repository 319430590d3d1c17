"""Plain-text reading: every encoding a newsroom archive throws at us decodes to the same story."""

from __future__ import annotations

import codecs

import pytest

from dateline.errors import ReadError
from dateline.model import Source
from dateline.read import read_bytes
from dateline.read.text import decode

STORY = ("Ministers meet in Geneva\n\n"
         "GENEVA, May 2 (Reuters) - The foreign ministers of Greece and Türkiye met in Geneva on Friday "
         "and agreed to resume talks on maritime borders, officials said. “We chose dialogue,” the Greek "
         "minister said after the meeting.\n")
LATIN = ("Außenminister treffen sich in Genf\n\n"
         "GENF, 2. Mai - Die Außenminister Griechenlands und Österreichs trafen sich am Freitag in Genf. "
         "Sie einigten sich darauf, die Gespräche über Grenzfragen fortzusetzen, sagten Diplomaten. "
         "Der griechische Minister sprach von einem „guten Tag für Europa“ und würdigte die Rolle der Schweiz.\n")
FRENCH = ("Les ministres se réunissent à Genève\n\n"
          "GENÈVE, 2 mai - Les ministres des Affaires étrangères de la Grèce et de la Türkiye se sont réunis "
          "vendredi à Genève et ont décidé de reprendre les négociations, selon des diplomates. « Nous avons "
          "choisi le dialogue », a déclaré le ministre grec, qui a remercié la Suisse pour son accueil.\n")
CYRILLIC = ("Министры встретились в Женеве\n\n"
            "ЖЕНЕВА, 2 мая. Министры иностранных дел Греции и Турции встретились в пятницу в Женеве и "
            "договорились возобновить переговоры о морских границах, сообщили дипломаты. Министр заявил, "
            "что стороны выбрали диалог, и поблагодарил Швейцарию за помощь в организации встречи.\n")


def _read(data: bytes, name: str = "story.txt") -> str:
    (document,) = list(read_bytes(data, Source(path=name)))
    assert document.kind == "text"
    return document.content


@pytest.mark.parametrize("encoded", [
    STORY.encode("utf-8"),
    codecs.BOM_UTF8 + STORY.encode("utf-8"),
    codecs.BOM_UTF16_LE + STORY.encode("utf-16-le"),
    codecs.BOM_UTF16_BE + STORY.encode("utf-16-be"),
    STORY.encode("utf-16-le"),
    STORY.encode("utf-16-be"),
], ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-16-le", "utf-16-be"])
def test_unicode_encodings_decode_to_the_same_text(encoded: bytes) -> None:
    assert _read(encoded) == STORY


@pytest.mark.parametrize("text,encoding", [(LATIN, "cp1252"), (FRENCH, "latin-1"), (FRENCH, "cp1252"), (CYRILLIC, "cp1251"), (CYRILLIC, "koi8-r")])
def test_legacy_encodings_are_detected(text: str, encoding: str) -> None:
    assert _read(text.encode(encoding)) == text


def test_broken_utf8_is_an_error_not_mojibake() -> None:
    data = STORY.encode("utf-8").replace(b"\xe2\x80\x9c", b"\xe2\x80")  # a curly quote cut short
    with pytest.raises(ReadError) as caught:
        decode(data, "broken.txt")
    message = str(caught.value)
    assert message.startswith("broken.txt: invalid bytes") and "\n" not in message


def test_bytes_that_are_no_text_in_any_encoding_are_an_error() -> None:
    data = bytes(range(0x80, 0x100)) * 8
    with pytest.raises(ReadError, match="invalid bytes|binary"):
        list(read_bytes(data, Source(path="noise.txt")))
