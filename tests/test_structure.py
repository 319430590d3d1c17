"""Story structure: boilerplate out, headline, standfirst, dateline and paragraphs in, spans always true to the text."""

from __future__ import annotations

import json
from datetime import date

import pytest

from dateline import contract
from dateline.errors import StructureError, UsageError
from dateline.model import Article, RawDocument, Source
from dateline.structure import build_article, split_paragraphs

TODAY = date(2026, 11, 27)
STORY = (
    "All news\n\n"
    "Hungary backs Austria’s\u00a0plan for Danube shipping\n\n"
    "Budapest will co-fund the dredging of the river between Vienna and Bratislava\n\n"
    "Share\n\n"
    "VIENNA, December 4 /TASS/. Hungary supports the plan Austria has put forward for Danube shipping, "
    "Hungarian Foreign Minister Lajos\u00a0Kiss said after meeting his Austrian counterpart on Friday.\n\n"
    "\"We share the river, so we share the work,\" Kiss told reporters.\n\n"
    "Advertisement\n\n"
    "The two ministers will meet again in Budapest late in January.\n"
)


def _article(content: str, kind: str = "text", **fields: object) -> Article:
    raw = RawDocument(source=Source(path="story.txt", format="text"), content=content, kind=kind, **fields)  # type: ignore[arg-type]
    article = build_article(raw, today=TODAY)
    contract.check(article.to_dict())
    return article


def test_parts_of_a_wire_story() -> None:
    article = _article(STORY)
    st = article.structure
    assert st.headline.text == "Hungary backs Austria’s plan for Danube shipping"
    assert st.standfirst.text == "Budapest will co-fund the dredging of the river between Vienna and Bratislava"
    assert st.dateline.text == "VIENNA, December 4 /TASS/."
    assert (article.dateline.place, article.dateline.date_text, article.dateline.agency) == ("VIENNA", "December 4", "TASS")
    assert st.body.text.startswith("VIENNA, December 4 /TASS/. Hungary supports")
    assert st.body.text.endswith("late in January.")
    assert [p.text[:12] for p in st.paragraphs] == ["VIENNA, Dece", "\"We share th", "The two mini"]
    for furniture in ("All news", "Share\n", "Advertisement", "\u00a0"):
        assert furniture not in article.text
    assert "Lajos Kiss" in article.text


def test_section_labels_above_the_story_are_navigation() -> None:
    article = _article("World\n\nEurope\n\nHome > World > Europe\n\n" + STORY)
    assert article.structure.headline.text == "Hungary backs Austria’s plan for Danube shipping"
    assert "Europe\n" not in article.text and not article.text.startswith("World")


def test_text_without_spaces_is_not_taken_for_labels() -> None:
    content = "日本と韓国の外相が東京で会談した。\n\n両外相は北朝鮮への対応で協力することを確認した。\n"
    article = _article(content)
    assert article.text.startswith("日本と韓国") and len(article.structure.paragraphs) == 2


def test_spans_cover_the_text_in_order() -> None:
    article = _article(STORY)
    st = article.structure
    assert st.headline.start == 0 and st.body.end == len(article.text)
    assert st.headline.end < st.standfirst.start < st.standfirst.end < st.body.start == st.dateline.start
    assert st.paragraphs[0].start == st.body.start and st.paragraphs[-1].end == st.body.end


def test_same_story_in_other_whitespace_gets_the_same_id() -> None:
    messy = STORY.replace("\n", "\r\n").replace(" Hungary supports", "   Hungary\tsupports")
    assert _article(messy).id == _article(STORY).id


def test_no_clear_headline_means_all_body() -> None:
    text = ("The talks ended without agreement.\n\n"
            "Both delegations said they would consult their governments before the next round.\n")
    article = _article(text)
    assert article.structure.headline is None and article.structure.standfirst is None
    assert article.structure.body.text == article.text and len(article.structure.paragraphs) == 2


@pytest.mark.parametrize("text", ["Ministers meet in Vienna", "Ministers from ten countries met in Vienna on Friday."])
def test_a_single_sentence_is_body_not_headline(text: str) -> None:
    article = _article(text)
    assert article.structure.headline is None
    assert article.structure.body.text == text


def test_standfirst_without_dateline_is_a_summary_line() -> None:
    text = ("Ceasefire holds in border region\n\n"
            "Both armies report a quiet night after weeks of shelling\n\n"
            "The ceasefire agreed on Sunday held overnight, officials on both sides said.\n")
    st = _article(text).structure
    assert st.headline.text == "Ceasefire holds in border region"
    assert st.standfirst.text == "Both armies report a quiet night after weeks of shelling"
    assert st.body.text.startswith("The ceasefire")


def test_a_second_full_sentence_is_body_not_standfirst() -> None:
    text = ("Ceasefire holds in border region\n\n"
            "The ceasefire agreed on Sunday held overnight, officials on both sides said.\n\n"
            "Aid convoys are expected to cross on Tuesday.\n")
    st = _article(text).structure
    assert st.headline is not None and st.standfirst is None and len(st.paragraphs) == 2


def test_metadata_title_replaces_its_copy_in_the_text() -> None:
    content = "Ceasefire holds\nCAIRO (AP) — The ceasefire held overnight.\nAid convoys crossed on Tuesday."
    article = _article(content, kind="fields", title="Ceasefire holds")
    assert article.text.count("Ceasefire holds") == 1
    assert article.structure.headline.text == "Ceasefire holds"
    assert article.structure.dateline.text == "CAIRO (AP) —"


def test_description_is_a_standfirst_only_when_the_body_lacks_it() -> None:
    content = "CAIRO (AP) — The ceasefire held overnight, officials said.\nAid convoys crossed on Tuesday."
    fresh = _article(content, kind="fields", title="Ceasefire holds", description="A quiet night along the border after weeks of fighting")
    assert fresh.structure.standfirst.text == "A quiet night along the border after weeks of fighting"
    repeated = _article(content, kind="fields", title="Ceasefire holds", description="The ceasefire held overnight, officials said.")
    truncated = _article(content, kind="fields", title="Ceasefire holds", description="A quiet night along the border after...")
    assert repeated.structure.standfirst is None and truncated.structure.standfirst is None


def test_bylines_and_timestamps_leave_the_text_but_inform_the_article() -> None:
    content = ("Ceasefire holds\n\nBy Maria Lopes\n\nUpdated: 2024-05-07 09:30\n\n"
               "CAIRO (AP) — The ceasefire held overnight, officials said.\n\nAid convoys crossed on Tuesday.\n")
    article = _article(content)
    assert "Maria Lopes" not in article.text and "Updated" not in article.text
    assert article.author == "Maria Lopes"
    assert (article.published, article.published_from) == ("2024-05-07", "text")


def test_repeated_paragraphs_are_dropped() -> None:
    content = "Ceasefire holds\n\nA caption under the photo.\n\nA caption under the photo.\n\nThe ceasefire held overnight.\n"
    assert _article(content).text.count("A caption under the photo.") == 1


def test_hard_wrapped_paragraphs_are_joined() -> None:
    content = ("Ceasefire holds in the north\n\n"
               "CAIRO (AP) — The ceasefire agreed on Sunday between the two armies held\n"
               "overnight, officials on both sides said, and aid convoys were expected\n"
               "to cross the border on Tuesday.\n"
               "Both sides said they would keep talking.\n")
    paragraphs = _article(content).structure.paragraphs
    assert [p.text[:10] for p in paragraphs] == ["CAIRO (AP)", "Both sides"]
    assert "held overnight" in paragraphs[0].text


def test_split_paragraphs_keeps_one_line_paragraphs_apart() -> None:
    assert split_paragraphs("One.\nTwo.\r\nThree.\n\n\nFour.") == ["One.", "Two.", "Three.", "Four."]


@pytest.mark.parametrize("content", ["All news\n\nShare\n\nAdvertisement\n", "*** --- ***", "Share\n\n12:30"])
def test_no_article_text_is_a_structure_error(content: str) -> None:
    with pytest.raises(StructureError) as caught:
        _article(content)
    assert str(caught.value).startswith("story.txt: no article text")


@pytest.mark.parametrize("content", ["", "   \n\n"])
def test_empty_text_gives_an_empty_article(content: str) -> None:
    article = _article(content)
    assert article.text == "" and article.structure.body is None and article.structure.paragraphs == []


def test_published_date_resolves_the_dateline() -> None:
    raw = RawDocument(source=Source(path="s.txt"), content=STORY)
    article = build_article(raw, published="2015-12-05", today=TODAY)
    assert (article.published, article.published_from, article.dateline.date) == ("2015-12-05", "cli", "2015-12-04")


def test_without_a_date_the_year_is_inferred_and_said_so() -> None:
    article = _article(STORY)
    assert article.published_from == "inferred" and article.published == article.dateline.date
    assert "Friday" in article.published_evidence and "other candidate years" in article.published_evidence


def test_bad_published_date_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        build_article(RawDocument(source=Source(path="s.txt"), content=STORY), published="04/12/2015")


@pytest.mark.shared
def test_seed_matches_gold(shared) -> None:
    """The canonical TASS story: every structural part exactly as the reference annotation says."""
    from dateline.read import read_inputs

    reference = json.loads((shared / "seed" / "gold.json").read_text("utf-8"))
    gold = reference["article"]
    (raw,) = read_inputs([str(shared / "seed" / reference["document"])])
    article = build_article(raw, today=TODAY)
    contract.check(article.to_dict())
    st = article.structure
    assert st.headline.text == gold["headline"]
    assert st.standfirst.text == gold["standfirst"]
    assert article.dateline.place == gold["dateline"]["place"]
    assert article.dateline.date_text == gold["dateline"]["date_text"]
    assert article.dateline.agency == gold["dateline"]["agency"]
    assert st.body.text.startswith(gold["body_starts_with"]) and st.body.text.endswith(gold["body_ends_with"])
    for furniture in gold["boilerplate"]:
        assert furniture not in article.text
    assert "\u00a0" not in article.text
    assert article.published_from == "inferred" and article.dateline.date[4:] == gold["dateline"]["resolved_date"][4:]
    assert gold["dateline"]["resolved_date"][:4] in article.published_evidence  # named as a candidate when not chosen
    given = build_article(raw, published=gold["dateline"]["resolved_date"])
    assert given.dateline.date == gold["dateline"]["resolved_date"]
