"""Actor codes completed from the sentence (context.py) and targets found further from the trigger."""

from __future__ import annotations

import pytest

from .conftest import only

pytestmark = pytest.mark.slow


def test_a_capital_as_subject_is_its_government_a_city_as_a_place_its_people(code):
    ev = only(code("Nairobi criticized Kampala on Monday."), "criticized")
    assert (ev.source.code, ev.target.code) == ("KENGOV", "UGAGOV")
    ev = only(code("Kenya imposed a curfew in Mombasa."), "imposed")
    assert ev.target.code == "KENCVL"


@pytest.mark.parametrize("text,trigger,side,expected", [
    # a settlement noun stands for its people
    ("Kenyan troops shelled the Somali town of Kismayo.", "shelled", "target", "SOMCVL"),
    # a phrase owned by a pronoun takes its antecedent's country
    ("Chilean officials said their forces had completed the withdrawal.", "completed", "source", "CHLMIL"),
    # the doer's own forces are no target when a place is named
    ("Turkey strengthened its forces in Cyprus.", "strengthened", "target", "CYP"),
    # the doer of what is investigated is the target
    ("Serbia is investigating alleged crimes by Serbian police.", "investigating", "target", "SRBCOP"),
    # a demand noun's clause names the target
    ("The rebels insisted on their demand that the Kenyan government should release the prisoners.", "insisted", "target", "KENGOV"),
    # a group without a country takes that of the state body it deals with; so does a former official
    ("Turkish police broke up a rally by students.", "broke", "target", "TUREDU"),
    ("An Argentine judge ordered former president Carlos Villa to appear.", "ordered", "target", "ARGELI"),
    # rebels acted against are the target before a place
    ("Burmese troops captured a rebel stronghold on the Thai border.", "captured", "target", "MMRREB"),
])
def test_actor_from_the_sentence(code, text, trigger, side, expected):
    assert getattr(only(code(text), trigger), side).code.startswith(expected)


def test_police_named_without_a_country_are_of_the_place(code):
    ev = only(code("Police arrested twenty students in Lagos on Monday."), "arrested")
    assert ev.source.code == "NGACOP" and ev.target.code.startswith("NGA")


def test_a_noun_target_can_hang_on_what_the_noun_acts_on(code):
    ev = only(code("Italy announced a suspension of air links with Serbia."), "suspension")
    assert (ev.source.code, ev.target.code) == ("ITA", "SRB")


@pytest.mark.parametrize("text", [
    "Kenyan students began a hunger strike to protest against Uganda's decision.",
    "Kenyan students staged a hunger strike in protest against violations by Ugandan police.",
])
def test_a_protest_is_against_what_its_purpose_names(code, text):
    ev = next(e for e in code(text) if e.cameo.startswith("142"))
    assert ev.target.code.startswith("UGA")


def test_a_threat_targets_the_party_its_condition_names(code):
    ev = next(e for e in code("Russia threatened to stop talks if Norway goes ahead with the plan.") if e.cameo.startswith("13"))
    assert ev.target.code == "NOR"


def test_a_verbless_parse_keeps_the_root_noun_as_doer(code):
    ev = only(code("Nurses from two Canadian charities donated and delivered medicine to Kenyan clinics."), "donated")
    assert ev.source.code.startswith("CAN") and ev.cameo.startswith("07")


def test_unattributed_violence_finds_its_place_in_the_subject_or_stays_unidentified(code):
    ev = only(code("A roadside bombing near the town of Kandahar killed two Canadian soldiers."), "killed")
    assert (ev.cameo, ev.source.code, ev.target.code) == ("1833", "AFGUAF", "CANMIL")
    ev = only(code("A car bombing killed two Canadian soldiers."), "killed")
    assert (ev.cameo, ev.source.code) == ("1832", "UAF")


def test_an_act_and_its_purpose_of_the_same_kind_are_one_event(code):
    events = code("Kenya met Uganda to discuss the border.")
    assert [e.trigger.text for e in events] == ["met"]
    assert "+purpose:" in events[0].rule and events[0].target.code == "UGA"
    events = code("Kenyan students began a hunger strike to protest against Uganda's decision.")
    assert len(events) == 1 and events[0].cameo == "142"


def test_a_purpose_of_another_kind_stays_an_event_of_its_own(code):
    events = code("Kenyan troops attacked the rebels to free Ugandan hostages.")
    assert {e.trigger.text for e in events} == {"attacked", "free"}


def test_a_jail_in_a_city_places_the_event_and_its_people(code):
    ev = only(code("Prisoners rioted at a jail in Lagos on Monday."), "rioted")
    assert ev.location.name == "Lagos" and ev.source.code == "NGACVL"


def test_an_actor_is_no_target_of_itself(code):
    events = code("A dinner for the envoys was hosted by the Ambassador of Morocco.")
    hosted = only(events, "hosted")
    assert hosted.source.code.startswith("MAR")
    assert hosted.target is None or "Morocco" not in hosted.target.text


def test_a_present_participle_on_an_agent_noun_describes_that_noun(code):
    events = code("Kenyan troops attacked Somali rebels fighting the government.")  # background.py: no event of its own
    assert [e.trigger.text for e in events] == ["attacked"]
    assert only(events, "attacked").target.code.startswith("SOM")


def test_helping_to_do_something_is_doing_it(code):
    events = code("Norway helped broker a ceasefire between Sudan and Chad.")
    assert "helped" not in {e.trigger.text for e in events}


@pytest.mark.parametrize("text,trigger,cameo,target", [
    ("Syrian troops attacked the town, killing 12 civilians.", "attacked", "202", "SYRCVL"),  # a result joins its act
    ("Israeli air strikes killed ten Palestinians in Gaza.", "killed", "195", "PSE"),  # a subject event noun too
])
def test_one_happening_is_one_event(code, text, trigger, cameo, target):
    events = code(text)
    assert len(events) == 1
    ev = only(events, trigger)
    assert ev.cameo == cameo and ev.target.code.startswith(target)


def test_where_two_parties_meet_is_not_whom_they_meet(code):
    events = code("Russia and Ukraine held talks in Minsk.")
    assert {(e.source.code, e.target.code) for e in events} == {("RUS", "UKR"), ("UKR", "RUS")}


def test_a_people_is_not_its_state_and_lives_where_the_event_happens(code):
    ev = only(code("Up to 1,000 ethnic Turks began a hunger strike in Sofia."), "hunger strike")
    assert ev.source.code == "BGRCVL"


def _pipeline_events(text: str, published: str = "2024-06-05"):
    from dateline import contract
    from dateline.pipeline import process_text

    article = process_text(text, published=published)
    contract.check(article.to_dict())
    return article.events


@pytest.mark.parametrize("text,trigger,side,expected", [
    # an unqualified state body is the dateline country's
    ("ACCRA (Reuters) - The ministry summoned Togo's ambassador on Monday.", "summoned", "source", "GHAGOV"),
    ("NAIROBI, Kenya (AP) - Parliament rejected the opposition's demands on Tuesday.", "rejected", "source", "KENLEG"),
    # a capitalised 'President' before an unknown name is a head of state: of the dateline country
    ("LOME (AFP) - President Koffi Amenyo condemned the attack on Tuesday.", "condemned", "source", "TGOGOV"),
    # the phrase says whose ministry the entity is
    ("ACCRA (Reuters) - Togo's Foreign Ministry rejected the criticism.", "rejected", "source", "TGOGOV"),
])
def test_state_bodies_named_without_a_country(text, trigger, side, expected):
    ev = only(_pipeline_events(text), trigger)
    assert getattr(ev, side).code == expected


def test_a_state_body_keeps_the_country_its_words_give():
    ev = only(_pipeline_events("ACCRA (Reuters) - Togolese police arrested two Ghanaian traders in Lome."), "arrested")
    assert ev.source.code == "TGOCOP"


def test_a_group_without_a_country_takes_that_of_the_country_it_acts_on(code):
    ev = only(code("Hundreds of students began a sit-in on Monday to protest against Norway's decision."), "protest")
    assert (ev.source.code, ev.target.code[:3]) == ("NOREDU", "NOR")


def test_a_state_body_without_a_country_takes_that_of_the_other_side(code):
    ev = only(code("A member of the Peruvian congress began a hunger strike to protest the president's silence.",
                   {"A member of the Peruvian congress": "PERLEG", "the president": "GOV"}), "hunger strike")
    assert (ev.source.code, ev.target.code) == ("PERLEG", "PERGOV")


def test_the_forces_a_country_fights_are_not_its_own(code):
    ev = only(code("Chilean jets shot down a helicopter on Monday.", {"a helicopter": "MIL"}), "shot")
    assert ev.target.code == "MIL"


def test_a_human_rights_group_without_a_country_is_an_ngo(code):
    ev = only(code("Human rights groups disputed that account.", {"Human rights groups": "HRI"}), "disputed")
    assert ev.source.code == "NGOHRI" and ev.plover == "ACCUSE"


def test_two_governments_stay_apart(code):
    ev = only(code("The foreign minister met Rex Tillerson on Monday.", {"The foreign minister": "GOV", "Rex Tillerson": "USAGOV"}),
              "met")
    assert ev.source.code != "USAGOV"


def test_a_capital_marched_through_is_a_place_not_its_government(code):
    ev = only(code("Tens of thousands of people marched through central Lima on Friday."), "marched")
    assert ev.target is None or ev.target.code != "PERGOV"
    assert ev.location.name.endswith("Lima") and ev.source.code == "PERCVL"  # where they march places them
