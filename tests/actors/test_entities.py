"""find_entities groups NER spans and lexicon matches into entities with coded actors and rule-tagged mentions."""

from __future__ import annotations

import pytest

from dateline import contract
from dateline.actors import find_entities

pytestmark = pytest.mark.slow

WIRE = (
    "ZAGREB, March 3 (Reuters) - Croatian Foreign Minister Marija Kovac met Hungarian officials on Tuesday.\n\n"
    "Kovac said the talks had been useful. The Organization for Security and Co-operation in Europe (OSCE) "
    "will send observers to the border, Kovac added.\n\n"
    "Police detained two protesters near the ministry. The OSCE said Croatia would cooperate."
)


@pytest.fixture
def wire(parse):
    article, doc = parse(WIRE, published="2016-03-03")
    article.entities = find_entities(doc, article)
    return article


def by_name(article, name):
    found = [e for e in article.entities if e.name == name]
    assert found, f"no entity {name!r} in {[e.name for e in article.entities]}"
    return found[0]


def test_mentions_are_real_spans_and_the_article_keeps_the_contract(wire) -> None:
    for e in wire.entities:
        for m in e.mentions:
            assert wire.text[m.start : m.end] == m.text
            assert m.rule
    assert contract.problems(wire.to_dict()) == []


def test_ids_follow_the_first_mention(wire) -> None:
    assert [e.id for e in wire.entities] == [f"e{i}" for i in range(1, len(wire.entities) + 1)]
    firsts = [min(m.start for m in e.mentions) for e in wire.entities]
    assert firsts == sorted(firsts)


def test_surname_mentions_join_the_full_name(wire) -> None:
    kovac = by_name(wire, "Marija Kovac")
    assert kovac.type == "PERSON"
    assert [m.text for m in kovac.mentions] == ["Marija Kovac", "Kovac", "Kovac"]
    assert [m.rule for m in kovac.mentions][1:] == ["surname", "surname"]


def test_title_gives_an_unknown_person_country_sector_and_role(wire) -> None:
    actor = by_name(wire, "Marija Kovac").actor
    assert (actor.code, actor.country, actor.sector, actor.role) == ("HRVGOV", "HRV", "GOV", "Foreign Minister")


def test_demonyms_attach_to_their_country(wire) -> None:
    croatia = by_name(wire, "Croatia")
    assert croatia.actor.code == "HRV" and croatia.type == "GPE"
    assert {(m.text, m.rule) for m in croatia.mentions} >= {("Croatian", "demonym"), ("Croatia", "ner")}


def test_a_country_named_only_by_its_demonym_still_becomes_an_entity(wire) -> None:
    hungary = by_name(wire, "Hungary")
    assert [m.rule for m in hungary.mentions] == ["demonym"]


def test_acronym_defined_in_parentheses_joins_the_long_name(wire) -> None:
    osce = by_name(wire, "Organization for Security and Co-operation in Europe")
    assert osce.actor.code.startswith("IGO")
    texts = [m.text for m in osce.mentions]
    assert texts.count("OSCE") == 2
    assert {m.rule for m in osce.mentions if m.text == "OSCE"} == {"acronym"}


def test_agent_phrases_are_entities(wire) -> None:
    officials = by_name(wire, "Hungarian officials")
    assert officials.actor.code == "HUNGOV" and officials.mentions[0].rule == "agent"
    assert by_name(wire, "Police").actor.code == "COP"


def test_news_agency_in_the_dateline_is_media(wire) -> None:
    reuters = by_name(wire, "Reuters")
    assert reuters.actor.sector == "MED"


def test_capital_used_as_actor_gets_the_country_code(parse) -> None:
    article, doc = parse("Moscow said on Monday it would answer Kyiv's proposal within a week.", "2022-01-10")
    moscow = next(e for e in find_entities(doc, article) if e.name == "Moscow")
    assert moscow.actor.code == "RUS" and moscow.type == "GPE"


def test_acronym_defined_in_the_text_for_an_unknown_body(parse) -> None:
    text = ("The Northern Fishermen Federation (NFF) called a strike on Monday. "
            "The NFF said the strike would last a week.")
    article, doc = parse(text)
    entities = find_entities(doc, article)
    nff = [e for e in entities if any(m.text == "NFF" for m in e.mentions)]
    assert len(nff) == 1
    assert nff[0].name == "Northern Fishermen Federation"
    assert [m.rule for m in nff[0].mentions if m.text == "NFF"] == ["acronym", "acronym"]


def test_known_people_are_coded_at_the_publication_date(parse) -> None:
    text = "Aleksandar Vucic met reporters in Belgrade. Vucic said little."
    early_article, early_doc = parse(text, "1999-05-01")
    late_article, late_doc = parse(text, "2015-05-01")
    early = next(e for e in find_entities(early_doc, early_article) if e.name == "Aleksandar Vucic")
    late = next(e for e in find_entities(late_doc, late_article) if e.name == "Aleksandar Vucic")
    assert early.actor.code == "SRBGOVMED"
    assert late.actor.code == "SRBGOV"
    assert len(late.mentions) == 2


def test_empty_text_gives_no_entities(parse) -> None:
    article, doc = parse("   ")
    assert find_entities(doc, article) == []


def test_generic_groups_without_a_country_are_not_entities(parse) -> None:
    text = "Many people fled the beach. The passengers were calm, and police closed the road."
    article, doc = parse(text)
    names = {e.name: e for e in find_entities(doc, article)}
    assert "Many people" not in names and "The passengers" not in names
    assert names["police"].actor.code == "COP"


def test_a_common_name_is_not_coded_as_a_foreign_official_without_that_country(parse) -> None:
    # The packaged data knows an Australian minister called Chris Evans (2008-2010).
    article, doc = parse("The actor Chris Evans attended a film premiere in Los Angeles.", "2009-05-02")
    evans = next(e for e in find_entities(doc, article) if e.name == "Chris Evans")
    assert evans.actor is None
    article, doc = parse("Chris Evans told reporters in Canberra that Australia would act.", "2009-05-02")
    evans = next(e for e in find_entities(doc, article) if e.name == "Chris Evans")
    assert evans.actor is not None and evans.actor.code == "AUSGOV"


def test_a_forename_alone_joins_the_one_full_name_it_starts(parse) -> None:
    text = "Mitchell Weiss, 52, was on the flight. Friends said Mitchell loved to travel."
    article, doc = parse(text)
    weiss = next(e for e in find_entities(doc, article) if e.name == "Mitchell Weiss")
    assert [(m.text, m.rule) for m in weiss.mentions] == [("Mitchell Weiss", "ner"), ("Mitchell", "forename")]


def test_continents_are_not_countries(parse) -> None:
    article, doc = parse("Exports to North America and Latin America fell, while the United States grew.")
    entities = {e.name: e for e in find_entities(doc, article)}
    assert entities["United States"].actor.code == "USA"
    assert all(e.actor is None for name, e in entities.items() if "America" in name and name != "United States")


def test_an_office_before_a_name_is_a_title_not_an_organisation(parse) -> None:
    article, doc = parse("Secretary of State Rex Tillerson met Chinese officials in Beijing.", "2017-06-01")
    entities = find_entities(doc, article)
    assert not any(e.name == "Secretary of State" for e in entities)
    assert next(e for e in entities if e.name == "Chinese officials").actor.code == "CHNGOV"


def test_a_surname_opening_the_headline_joins_the_full_name(parse) -> None:
    text = "Kovac: Croatia backs the plan\n\nZAGREB, March 3 - Croatian Foreign Minister Marija Kovac backed the plan on Tuesday."
    article, doc = parse(text)
    kovac = next(e for e in find_entities(doc, article) if e.name == "Marija Kovac")
    assert kovac.mentions[0].text == "Kovac" and kovac.mentions[0].start == article.text.index("Kovac")
    assert kovac.id == "e1"


def test_leaders_of_an_unnamed_owner_are_left_to_coreference(parse) -> None:
    article, doc = parse("Russia supports the policy Serbia and its leaders pursue, officials said.")
    names = [e.name for e in find_entities(doc, article)]
    assert "its leaders" not in names and "officials" not in names


def test_agreements_and_numbered_resolutions_are_laws_not_organisations(parse) -> None:
    text = ("Both sides backed the Minsk agreements and Security Council Resolution 2202 on Monday. "
            "Kyiv said Minsk remained the only basis for talks.")
    article, doc = parse(text)
    entities = find_entities(doc, article)
    laws = {e.name: e for e in entities if e.type == "LAW"}
    assert "Security Council Resolution 2202" in laws
    assert all(e.actor is None for e in laws.values())
    council = [e for e in entities if e.type == "ORG" and any(m.text == "Security Council" for m in e.mentions)]
    assert council and council[0].actor.code == "IGOUNO"
    assert "Minsk agreements" in laws


@pytest.mark.parametrize("text, name", [
    ("Russian human rights commissioner Tatyana Belova said further talks were possible.", "Tatyana Belova"),
    ("EU foreign affairs spokeswoman Sofia Ferrante said the verdict was worrying.", "Sofia Ferrante"),
])
def test_a_titled_first_name_and_surname_are_a_person(parse, text, name) -> None:
    """A first name that is also a city (Sofia), or a name the NER took for an organisation, still names a person."""
    article, doc = parse(text, published="2024-01-10")
    article.entities = find_entities(doc, article)
    person = by_name(article, name)
    assert person.type == "PERSON"
    assert person.actor is None or person.actor.country != "BGR"


def test_a_one_word_short_name_joins_the_longer_body(parse) -> None:
    article, doc = parse("The Nordic Fisheries Commission met in Bergen on Monday. The Commission said quotas would fall.",
                         published="2024-01-10")
    article.entities = find_entities(doc, article)
    body = by_name(article, "Nordic Fisheries Commission")
    assert [m.text for m in body.mentions] == ["Nordic Fisheries Commission", "Commission"]


def test_a_name_in_apposition_to_a_word_for_one_person_is_a_person(parse) -> None:
    article, doc = parse("GENEVA (Wire) - The UN refugee agency said more people had fled. Its chief, Amara Diallo, warned "
                         "that funding was running out.", published="2024-01-10")
    article.entities = find_entities(doc, article)
    assert by_name(article, "Amara Diallo").type == "PERSON"


def test_the_north_after_north_korea_is_north_korea(parse) -> None:
    article, doc = parse("SEOUL (Wire) - North Korea fired a missile on Monday. Seoul urged the North to return to talks.",
                         published="2024-01-10")
    article.entities = find_entities(doc, article)
    assert "North" in [m.text for m in by_name(article, "North Korea").mentions]
