"""Which name a quote's speaker gets: a name set beside a role noun, a body described rather than named, several speakers."""

from __future__ import annotations

import pytest

from .conftest import only

pytestmark = pytest.mark.slow


def test_a_name_in_apposition_to_a_role_noun_speaks(annotate):
    article = annotate(
        "The mayor's office declined to comment on the closures.\n\n"
        "A spokeswoman, Linnea Sjoberg, said the bridge would reopen on Friday."
    )
    assert only(article.quotes, "reopen").speaker_name == "Linnea Sjoberg"


def test_an_inverted_speaker_with_a_name_in_apposition(annotate):
    article = annotate('"The ruling is a setback," said her lawyer, Tomas Ekberg, outside the court in Malmo.')
    assert only(article.quotes, "setback").speaker_name == "Tomas Ekberg"


def test_a_body_described_by_its_owner_is_named_by_the_description(annotate):
    article = annotate(
        "OSLO, May 2 (Wire) - Police detained nine students in Bergen on Friday, the Bergen governor's office said.\n\n"
        "The students were released after questioning, the office added."
    )
    assert only(article.quotes, "nine students").speaker_name == "Bergen governor's office"
    assert only(article.quotes, "released").speaker_name == "Bergen governor's office"


def test_a_name_goes_on_through_of_and_for_the(nlp):
    from dateline.quotes import view
    from dateline.quotes.speakers import name_part, noun_phrase

    text = "In Tromso, the Coordination Council for the Protection of Coastal Fishermen accused Sweden of lying."
    v = view.build(nlp(text))
    head = v.words.index("Council")
    assert name_part(v, noun_phrase(v, head)) == "Coordination Council for the Protection of Coastal Fishermen"


def test_a_name_the_parser_hung_on_the_dateline_city_speaks(annotate):
    # the parser makes "STOCKHOLM" the subject of "said" and the minister its apposition
    article = annotate("STOCKHOLM (Wire) - Swedish Prime Minister Lars Holm said on Monday his government would cut fuel taxes.")
    q = only(article.quotes, "fuel taxes")
    assert q.speaker_name == "Lars Holm"
    assert q.speaker.text == "Swedish Prime Minister Lars Holm"


def test_the_short_name_of_a_body_is_the_body_and_the_dateline_is_no_part_of_a_speaker(annotate):
    article = annotate(
        "BRUSSELS (Wire) - European Commission President Ursula Lindgren on Thursday urged member states to agree "
        "on the migration pact before the summer.\n\n"
        "The Commission said in a statement that talks would continue."
    )
    urged = only(article.quotes, "migration pact")
    assert urged.speaker.text == "European Commission President Ursula Lindgren"
    assert only(article.quotes, "talks would continue").speaker_name == "European Commission"


def test_she_after_a_chief_named_in_apposition(annotate):
    article = annotate(
        "GENEVA (Wire) - The UN refugee agency said on Friday that more people had fled the fighting. Its chief, "
        'Amara Diallo, warned that funding was running out.\n\n"We are at breaking point," she told a news conference.'
    )
    assert only(article.quotes, "funding").speaker_name == "Amara Diallo"
    assert only(article.quotes, "breaking point").speaker_name == "Amara Diallo"


def test_several_speakers_at_once_name_no_one(annotate):
    article = annotate("Gunmen abducted 27 workers on Saturday, police and residents said. "
                       "Norway and Sweden said they would send aid.")
    q = only(article.quotes, "27 workers")
    assert q.speaker.text == "police and residents"
    assert q.speaker_name is None and q.speaker_entity is None
    assert only(article.quotes, "send aid").speaker_name is None


def test_the_two_leaders_are_no_one_speaker(annotate):
    article = annotate("Norwegian Prime Minister Lars Holm met Swedish Prime Minister Eva Strand in Oslo on Monday. "
                       "The two leaders said they would build a new railway.")
    q = only(article.quotes, "railway")
    assert q.speaker.text == "The two leaders"
    assert q.speaker_name is None


def test_a_statement_speaks_for_its_owner(annotate):
    article = annotate("BOGOTA (Wire) - A Defense Ministry statement said troops had killed four rebels near the border.")
    assert only(article.quotes, "four rebels").speaker_name == "Defense Ministry"


def test_a_statement_from_or_by_a_body_speaks_for_it(annotate):
    article = annotate("In a statement, the Belarusian Interior Ministry said the detentions were lawful. According to a "
                       "statement from the ministry, the activists had planned riots.")
    assert only(article.quotes, "planned riots").speaker_name == "Belarusian Interior Ministry"


def test_the_military_after_a_countrys_military_is_that_military(annotate):
    article = annotate("Norway's military said its troops had arrested two suspects. "
                       '"We will act wherever needed," the military said.')
    assert only(article.quotes, "wherever needed").speaker_name == only(article.quotes, "two suspects").speaker_name
    assert only(article.quotes, "two suspects").speaker_name is not None
