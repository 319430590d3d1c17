"""Coreference on small texts with the entities given by hand, so each rule is tested alone."""

from __future__ import annotations

import pytest

from dateline import coref
from dateline.model import Actor, Entity, Mention, RawDocument, Source
from dateline.structure import build_article

pytestmark = pytest.mark.slow


def _occurrences(text: str, needle: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out, start = [], 0
    while (k := text.find(needle, start)) >= 0:
        span = (k, k + len(needle))
        if not any(s < span[1] and span[0] < e for s, e in taken):
            out.append(span)
        start = k + 1
    return out


@pytest.fixture
def resolve(nlp):
    """resolve(text, entities) -> the resolved entities; each entity: (name, type, [mention strings], actor or None)."""

    def _resolve(text: str, specs: list[tuple[str, str, list[str], Actor | None]]) -> list[Entity]:
        article = build_article(RawDocument(source=Source(format="text"), content=text))
        taken: list[tuple[int, int]] = []
        entities = []
        for n, (name, typ, strings, actor) in enumerate(specs, 1):
            mentions = []
            for s in strings:
                for a, b in _occurrences(article.text, s, taken):
                    taken.append((a, b))
                    mentions.append(Mention(a, b, article.text[a:b], "test"))
            entities.append(Entity(f"e{n}", name, typ, actor, mentions))
        article.entities = entities
        before = [list(e.mentions) for e in entities]
        out = coref.resolve(nlp(article.text), article)
        assert [list(e.mentions) for e in entities] == before, "the input entities must not change"
        for e in out:
            for m in e.mentions:
                assert article.text[m.start:m.end] == m.text
        return out

    return _resolve


def added(entities: list[Entity], name: str) -> list[tuple[str, str]]:
    (e,) = [e for e in entities if e.name == name]
    return [(m.text, m.rule) for m in e.mentions if m.rule != "test"]


FM = Actor("NORGOV", "NOR", "GOV", "Foreign Minister", "test")
PM = Actor("SWEGOV", "SWE", "GOV", "Prime Minister", "test")
NOR = Actor("NOR", "NOR", None, None, "place:Norway (country)")
SWE = Actor("SWE", "SWE", None, None, "place:Sweden (country)")
DNK = Actor("DNK", "DNK", None, None, "place:Denmark (country)")


def test_he_goes_to_the_nearest_man(resolve):
    ents = resolve("Foreign Minister Anna Berg met Prime Minister Erik Lund. He said the talks went well.",
                   [("Anna Berg", "PERSON", ["Anna Berg"], FM), ("Erik Lund", "PERSON", ["Erik Lund"], PM)])
    assert added(ents, "Erik Lund") == [("He", "pronoun")]
    assert added(ents, "Anna Berg") == []


def test_she_skips_a_nearer_man(resolve):
    ents = resolve("Anna Berg met Erik Lund in Oslo. She said the talks went well.",
                   [("Anna Berg", "PERSON", ["Anna Berg"], None), ("Erik Lund", "PERSON", ["Erik Lund"], None)])
    assert added(ents, "Anna Berg") == [("She", "pronoun")]


def test_a_title_shows_gender(resolve):
    ents = resolve("Mrs. Kowal met Mr. Nowak in Warsaw. She said the meeting was useful.",
                   [("Kowal", "PERSON", ["Kowal"], None), ("Nowak", "PERSON", ["Nowak"], None)])
    assert added(ents, "Kowal") == [("She", "pronoun")]


def test_an_earlier_pronoun_shows_gender(resolve):
    ents = resolve("Dr. Okafor met Dr. Adeyemi on Monday. Okafor said she was hopeful. He disagreed.",
                   [("Okafor", "PERSON", ["Okafor"], None), ("Adeyemi", "PERSON", ["Adeyemi"], None)])
    assert added(ents, "Okafor") == [("she", "pronoun")]
    assert added(ents, "Adeyemi") == [("He", "pronoun")]


def test_his_goes_to_the_person_just_named(resolve):
    ents = resolve("According to Berg, Prime Minister Erik Lund will visit Oslo, but the date of his visit is open.",
                   [("Anna Berg", "PERSON", ["Berg"], FM), ("Erik Lund", "PERSON", ["Erik Lund"], PM)])
    assert added(ents, "Erik Lund") == [("his", "pronoun")]


def test_its_goes_to_an_organisation_or_country_not_a_person(resolve):
    ents = resolve("Norway and its neighbours signed the pact. Anna Berg welcomed it.",
                   [("Norway", "GPE", ["Norway"], NOR), ("Anna Berg", "PERSON", ["Anna Berg"], FM)])
    assert ("its", "pronoun") in added(ents, "Norway")
    assert added(ents, "Anna Berg") == []


def test_they_goes_to_a_group(resolve):
    ents = resolve("Norwegian lawmakers met on Monday. They voted against the plan.",
                   [("Norwegian lawmakers", "NORP", ["Norwegian lawmakers"], Actor("NORLEG", "NOR", "LEG", None, "agent:lawmakers"))])
    assert added(ents, "Norwegian lawmakers") == [("They", "pronoun")]


def test_a_pronoun_with_no_antecedent_is_left_alone(resolve):
    ents = resolve("He arrived late. Anna Berg spoke first.", [("Anna Berg", "PERSON", ["Anna Berg"], FM)])
    assert added(ents, "Anna Berg") == []


def test_role_description_with_nationality_picks_the_right_minister(resolve):
    text = ("Norwegian Foreign Minister Anna Berg met Swedish Prime Minister Erik Lund. "
            "The Norwegian foreign minister said the talks went well. The Swedish prime minister agreed.")
    ents = resolve(text, [("Norway", "GPE", ["Norwegian"], NOR), ("Sweden", "GPE", ["Swedish"], SWE),
                          ("Anna Berg", "PERSON", ["Anna Berg"], FM), ("Erik Lund", "PERSON", ["Erik Lund"], PM)])
    assert added(ents, "Anna Berg") == [("The Norwegian foreign minister", "role:foreign minister")]
    assert added(ents, "Erik Lund") == [("The Swedish prime minister", "role:prime minister")]


def test_the_diplomat_means_the_foreign_minister(resolve):
    ents = resolve("Foreign Minister Anna Berg met Prime Minister Erik Lund. According to the diplomat, talks will resume.",
                   [("Anna Berg", "PERSON", ["Anna Berg"], FM), ("Erik Lund", "PERSON", ["Erik Lund"], PM)])
    assert added(ents, "Anna Berg") == [("the diplomat", "role:diplomat")]


def test_the_minister_and_the_president(resolve):
    pres = Actor("NORGOV", "NOR", "GOV", "President", "test")
    ents = resolve("President Ola Dahl met Foreign Minister Anna Berg. The minister spoke first and the president second.",
                   [("Ola Dahl", "PERSON", ["Ola Dahl"], pres), ("Anna Berg", "PERSON", ["Anna Berg"], FM)])
    assert added(ents, "Anna Berg") == [("The minister", "role:minister")]
    assert added(ents, "Ola Dahl") == [("the president", "role:president")]


def test_the_spokeswoman_is_a_woman_who_speaks_for_someone(resolve):
    ents = resolve("Ministry spokeswoman Ingrid Sand and spokesman Per Vik spoke on Monday. The spokeswoman said talks would go on.",
                   [("Ingrid Sand", "PERSON", ["Ingrid Sand"], None), ("Per Vik", "PERSON", ["Per Vik"], None)])
    assert added(ents, "Ingrid Sand") == [("The spokeswoman", "role:spokeswoman")]
    assert added(ents, "Per Vik") == []


def test_a_role_nobody_holds_is_not_linked(resolve):
    ents = resolve("Foreign Minister Anna Berg arrived. The defence minister was absent.",
                   [("Anna Berg", "PERSON", ["Anna Berg"], FM)])
    assert added(ents, "Anna Berg") == []


def test_the_kremlin_is_the_russian_government(resolve):
    ents = resolve("Anna Berg spoke on Monday. The Kremlin rejected the plan.", [("Anna Berg", "PERSON", ["Anna Berg"], FM)])
    (kremlin,) = [e for e in ents if e.name == "Kremlin"]
    assert kremlin.actor.code == "RUSGOV" and kremlin.type == "ORG"
    assert [(m.text, m.rule) for m in kremlin.mentions] == [("The Kremlin", "metonym")]
    assert kremlin.id not in {"e1"}


def test_the_white_house_joins_an_existing_us_government_entity(resolve):
    usgov = Actor("USAGOV", "USA", "GOV", None, "test")
    ents = resolve("The US administration met on Monday. The White House said nothing.",
                   [("US administration", "ORG", ["US administration"], usgov)])
    assert added(ents, "US administration") == [("The White House", "metonym")]


def test_the_two_countries_are_the_two_most_talked_about(resolve):
    text = ("Norway and Sweden met. Norway wants a deal and Sweden agrees. Denmark watched. "
            "The two countries signed on Friday.")
    ents = resolve(text, [("Norway", "GPE", ["Norway"], NOR), ("Sweden", "GPE", ["Sweden"], SWE), ("Denmark", "GPE", ["Denmark"], DNK)])
    assert added(ents, "Norway") == [("The two countries", "two-countries")]
    assert added(ents, "Sweden") == [("The two countries", "two-countries")]
    assert added(ents, "Denmark") == []


def test_a_missed_surname_joins_its_person(resolve):
    ents = resolve("Foreign Minister Anna Berg arrived on Monday. Mr. Lund was absent. Berg spoke first.",
                   [("Anna Berg", "PERSON", ["Anna Berg"], FM)])
    assert added(ents, "Anna Berg") == [("Berg", "surname")]


def test_a_surname_with_a_title(resolve):
    ents = resolve("Erik Lund arrived on Monday. Later Mr. Lund spoke.", [("Erik Lund", "PERSON", ["Erik Lund"], None)])
    assert added(ents, "Erik Lund") == [("Mr. Lund", "surname")]


def test_he_prefers_the_subject_to_a_nearer_object(resolve):
    ents = resolve('Lars Holm thanked the Danish side and invited Erik Lund to visit Bergen. "Our doors are open," he said.',
                   [("Lars Holm", "PERSON", ["Lars Holm"], None), ("Erik Lund", "PERSON", ["Erik Lund"], None)])
    assert added(ents, "Lars Holm") == [("he", "pronoun")]
    assert added(ents, "Erik Lund") == []


def test_he_prefers_the_speaker_to_the_one_spoken_of(resolve):
    ents = resolve("Lars Holm said President Erik Lund would travel to Oslo in May. He declined to say when.",
                   [("Lars Holm", "PERSON", ["Lars Holm"], None), ("Erik Lund", "PERSON", ["Erik Lund"], None)])
    assert added(ents, "Lars Holm") == [("He", "pronoun")]


def test_it_is_no_one_named_in_what_it_reports(resolve):
    army = Actor("NORMIL", "NOR", "MIL", None, "test")
    ents = resolve("The missiles flew 300 km, the Norwegian army said. Sweden has raised its alert level, it said.",
                   [("Norwegian army", "ORG", ["Norwegian army"], army), ("Sweden", "GPE", ["Sweden"], SWE)])
    assert ("it", "pronoun") in added(ents, "Norwegian army")
    assert ("it", "pronoun") not in added(ents, "Sweden")


def test_it_is_not_a_body_named_in_the_plural(resolve):
    parties = Actor("PTY", None, "PTY", None, "agent:parties")
    ents = resolve("The parties agreed to meet again, the commission said. The next round will be in Oslo, it added.",
                   [("The parties", "ORG", ["The parties"], parties)])
    assert added(ents, "The parties") == []


def test_an_owned_body_that_speaks_becomes_an_entity_and_later_descriptions_join_it(resolve):
    text = ("The Norwegian government's press service said talks would resume. "
            '"Both sides agreed to meet again," the press service said. The next round will be in Oslo, it added.')
    ents = resolve(text, [("Norway", "GPE", ["Norwegian"], NOR)])
    (body,) = [e for e in ents if e.name == "Norwegian government's press service"]
    assert body.type == "ORG" and body.actor is not None and body.actor.country == "NOR"
    assert [m.text for m in body.mentions] == ["The Norwegian government's press service", "the press service", "it"]


def test_a_bare_body_noun_means_the_body_named_before(resolve):
    ministry = Actor("LVAGOV", "LVA", "GOV", None, "test")
    ents = resolve("The Latvian Foreign Ministry summoned the envoy on Monday. The ministry said the talks were over.",
                   [("Latvian Foreign Ministry", "ORG", ["Latvian Foreign Ministry"], ministry)])
    assert added(ents, "Latvian Foreign Ministry") == [("The ministry", "body:ministry")]


def test_nobodys_office_is_no_entity(resolve):
    ents = resolve("The office said the bridge would reopen on Friday.", [])
    assert ents == []


def test_they_prefers_a_plural_group_to_a_singular_body(resolve):
    students = Actor("NORCVL", "NOR", "CVL", None, "agent:students")
    text = "Police detained nine students in Bergen, the Bergen governor's office said. They were released later."
    ents = resolve(text, [("nine students", "NORP", ["nine students"], students)])
    assert added(ents, "nine students") == [("They", "pronoun")]


def test_a_counterpart_holds_the_same_office_and_the_nationality_before_it(resolve):
    text = ("Norwegian Foreign Minister Anna Berg met her Swedish counterpart Erik Lund in Oslo. "
            "Berg spoke first. The Swedish minister said the talks went well.")
    ents = resolve(text, [("Norway", "GPE", ["Norwegian"], NOR), ("Sweden", "GPE", ["Swedish"], SWE),
                          ("Anna Berg", "PERSON", ["Anna Berg", "Berg"], FM), ("Erik Lund", "PERSON", ["Erik Lund"], None)])
    assert added(ents, "Erik Lund") == [("The Swedish minister", "role:minister")]
    assert added(ents, "Anna Berg") == [("her", "pronoun")]


def test_a_bare_body_the_actor_stage_made_an_entity_joins_the_named_body(resolve):
    ministry = Actor("LVAGOV", "LVA", "GOV", None, "test")
    bare = Actor("GOV", None, "GOV", None, "agent:ministry")
    text = ("The Latvian Foreign Ministry summoned the envoy on Monday. The ministry said the talks were over. "
            "Russian Foreign Ministry spokeswoman Ola Dahl disagreed.")
    ents = resolve(text, [("Latvian Foreign Ministry", "ORG", ["Latvian Foreign Ministry"], ministry),
                          ("the ministry", "ORG", ["The ministry"], bare),
                          ("Foreign Ministry", "ORG", ["Foreign Ministry"], bare)])
    assert added(ents, "Latvian Foreign Ministry") == [("The ministry", "body:ministry")]
    assert "the ministry" not in [e.name for e in ents]
    assert [m.text for m in next(e for e in ents if e.name == "Foreign Ministry").mentions] == ["Foreign Ministry"]


def test_a_countrys_possessive_opens_a_role_description(resolve):
    text = "Norwegian Foreign Minister Anna Berg met Prime Minister Erik Lund. Norway's top diplomat said the talks went well."
    ents = resolve(text, [("Norway", "GPE", ["Norwegian", "Norway"], NOR), ("Anna Berg", "PERSON", ["Anna Berg"], FM),
                          ("Erik Lund", "PERSON", ["Erik Lund"], PM)])
    assert added(ents, "Anna Berg") == [("Norway's top diplomat", "role:diplomat")]


def test_a_body_in_a_role_description_must_be_in_the_title(resolve):
    kremlin = Actor("RUSGOV", "RUS", "GOV", None, "test")
    spokesman = Actor("RUSGOV", "RUS", "GOV", "Spokesman", "test")
    text = ("Kremlin spokesman Ivan Sokol spoke first. Defence ministry spokesman Oleg Rudin spoke next. "
            "The Kremlin spokesman said talks would go on.")
    ents = resolve(text, [("Kremlin", "ORG", ["Kremlin"], kremlin), ("Ivan Sokol", "PERSON", ["Ivan Sokol"], spokesman),
                          ("Oleg Rudin", "PERSON", ["Oleg Rudin"], spokesman)])
    assert added(ents, "Ivan Sokol") == [("The Kremlin spokesman", "role:kremlin spokesman")]
    assert added(ents, "Oleg Rudin") == []


def test_a_name_in_apposition_to_the_subject_is_as_prominent_as_the_subject(resolve):
    rebels = Actor("REB", None, "REB", None, "agent:rebel group")
    text = "The main rebel group, the Northern Front, insisted on its demands."
    ents = resolve(text, [("main rebel group", "ORG", ["main rebel group"], rebels), ("Northern Front", "ORG", ["Northern Front"], None)])
    assert added(ents, "Northern Front") == [("its", "pronoun")]


def test_a_role_set_after_a_name_is_the_persons_role(resolve):
    ents = resolve("Lucia Mendez, a senator, said she was worried. Erik Lund spoke next. The senator added that talks would go on.",
                   [("Lucia Mendez", "PERSON", ["Lucia Mendez"], None), ("Erik Lund", "PERSON", ["Erik Lund"], None)])
    assert ("The senator", "role:senator") in added(ents, "Lucia Mendez")


def test_the_n_year_old_is_the_person_in_focus(resolve):
    text = 'Former general Julio Vargas met Ana Ruiz on Monday. "We have seen it before," the 67-year-old said.'
    ents = resolve(text, [("Julio Vargas", "PERSON", ["Julio Vargas"], None), ("Ana Ruiz", "PERSON", ["Ana Ruiz"], None)])
    assert added(ents, "Julio Vargas") == [("the 67-year-old", "age")]


def test_a_generic_noun_means_the_latest_organisation_of_its_kind(resolve):
    nato = Actor("IGOWSTNAT", "IGO", None, None, "test")
    text = "Volvo said it would cut jobs. NATO met in Brussels. The carmaker said the cuts were needed. The alliance said nothing."
    ents = resolve(text, [("Volvo", "ORG", ["Volvo"], None), ("NATO", "ORG", ["NATO"], nato)])
    assert ("The carmaker", "generic:carmaker") in added(ents, "Volvo")
    assert added(ents, "NATO") == [("The alliance", "generic:alliance")]


def test_the_dateline_city_is_no_antecedent(resolve):
    oslo = Actor("NOR", "NOR", None, None, "place:OSLO (capital)")
    ents = resolve("OSLO (Wire) - The Nordic council said on Friday that it would meet again.",
                   [("OSLO", "GPE", ["OSLO"], oslo)])
    assert added(ents, "OSLO") == []


def test_an_abbreviated_title_and_a_state_in_the_description(resolve):
    text = "Sen. Lindsay Moore said on Monday that the bill would pass. Later the Vermont senator said it might not."
    vermont = Actor("USA", "USA", None, None, "place:Vermont (state)")
    ents = resolve(text, [("Lindsay Moore", "PERSON", ["Lindsay Moore"], None), ("Vermont", "GPE", ["Vermont"], vermont)])
    assert ("the Vermont senator", "role:senator") in added(ents, "Lindsay Moore")
