"""Attributions beyond "X said": stances and speech acts with objects, agentless passives, and nominal attributions."""

from __future__ import annotations

import pytest

from .conftest import only

pytestmark = pytest.mark.slow

INTRO = "Finance Minister Maria Holm presented the budget in Vestby on Monday.\n\n"


@pytest.mark.parametrize("sentence, content, cue", [
    ("Holm cited rising prices as a reason to act.", "rising prices as a reason to act", "cited"),
    ("Holm is promising lower taxes and more jobs.", "lower taxes and more jobs", "promising"),
    ("Holm outlined a plan to rebuild the northern railway.", "a plan to rebuild the northern railway", "outlined"),
    ("Holm attacked the opposition for its spending record.", "the opposition for its spending record", "attacked"),
    ("Holm hailed the agreement as a turning point.", "the agreement as a turning point", "hailed"),
    ("Holm made clear that the tax would stay.", "the tax would stay", "made clear"),
    ("Holm made it clear that the tax would stay.", "the tax would stay", "made it clear"),
    ("Holm is raising questions about the cost of the bridge.", "the cost of the bridge", "raising questions"),
    ("Holm put forward a plan to cut the deficit.", "a plan to cut the deficit", "put forward"),
    ("Holm linked the floods to years of neglect.", "the floods to years of neglect", "linked"),
    ("Holm painted her rival as a friend of the banks.", "her rival as a friend of the banks", "painted"),
    ("Holm compared the plan to a house of cards.", "the plan to a house of cards", "compared"),
    ("Holm openly admires the old railway barons.", "the old railway barons", "admires"),
    ("Holm implied that the audit had been rushed.", "the audit had been rushed", "implied"),
])
def test_speech_acts_stances_and_idioms_with_their_content(annotate, sentence, content, cue):
    q = only(annotate(INTRO + sentence).quotes, content)
    assert q.content.text == content and q.cue.text == cue
    assert q.speaker_name == "Maria Holm"


def test_urging_someone_to_act(annotate):
    q = only(annotate(INTRO + "Holm encouraged farmers to apply for the new grants.").quotes, "grants")
    assert q.cue.text == "encouraged" and q.content.text.endswith("to apply for the new grants")
    assert q.speaker_name == "Maria Holm"


def test_a_name_alone_is_the_content_of_an_endorsement(annotate):
    article = annotate("Senator Lars Berg spent the week in Vestby.\n\nBerg endorsed Holm on Friday.")
    q = only(article.quotes, "Holm")
    assert q.content.text == "Holm" and q.cue.text == "endorsed" and q.speaker_name == "Lars Berg"


def test_a_common_noun_alone_is_not_content(annotate):
    article = annotate("Senator Lars Berg spent the week in Vestby.\n\nBerg endorsed it on Friday.")
    assert not any(q.cue and q.cue.text == "endorsed" for q in article.quotes)


@pytest.mark.parametrize("sentence, content, cue", [
    ("It was reported that the mayor had resigned.", "the mayor had resigned", "reported"),
    ("The envoy is said to have left the capital.", "The envoy is said to have left the capital", "said"),
    ("The losing side could be expected to appeal to the high court.",
     "The losing side could be expected to appeal to the high court", "expected"),
    ("The plan has been harshly criticized for its cost.", "The plan has been harshly criticized for its cost", "criticized"),
])
def test_agentless_passives_have_no_speaker(annotate, sentence, content, cue):
    q = only(annotate(INTRO + sentence).quotes, content)
    assert q.content.text == content and q.cue.text == cue
    assert q.speaker is None and q.speaker_name is None and q.rule == "indirect:passive"


@pytest.mark.parametrize("sentence", ["The deal was announced on Monday.", "The body was found in a river.",
                                      "The attack was planned for weeks."])
def test_a_passive_with_nothing_said_is_no_quote(annotate, sentence):
    assert annotate(INTRO + sentence).quotes == []


def test_quoted_as_saying(annotate):
    q = only(annotate(INTRO + "Holm was quoted as saying that the tax would stay.").quotes, "tax would stay")
    assert q.cue.text == "saying" and q.speaker.text == "Holm" and q.speaker_name == "Maria Holm"


def test_a_report_owned_by_a_named_outlet(annotate):
    q = only(annotate(INTRO + "A Vestby Post report that Holm had lost money angered her aides.").quotes, "lost money")
    assert q.cue.text == "report" and q.content.text == "Holm had lost money"
    assert q.speaker.text == "Vestby Post"


def test_her_bet_is_that(annotate):
    q = only(annotate(INTRO + "Holm's bet is that lower taxes will bring growth.").quotes, "lower taxes")
    assert q.cue.text == "bet" and q.content.text == "lower taxes will bring growth" and q.speaker_name == "Maria Holm"


def test_in_her_view(annotate):
    q = only(annotate(INTRO + "In Holm's view, the budget is a bet on growth.").quotes, "budget")
    assert q.cue.text == "view" and q.content.text == "the budget is a bet on growth" and q.speaker_name == "Maria Holm"


def test_a_contrasting_attribution_ends_the_content(annotate):
    article = annotate(INTRO + "Holm said the new rules would cut costs for farmers, though she noted that prices could "
                               "rise in the north.")
    said, noted = only(article.quotes, "cut costs"), only(article.quotes, "prices could rise")
    assert said.content.text == "the new rules would cut costs for farmers"
    assert noted.cue.text == "noted" and noted.content.text == "prices could rise in the north"


def test_quick_to_deny(annotate):
    q = only(annotate(INTRO + "Holm was quick to deny that the plan would raise taxes.").quotes, "raise taxes")
    assert q.cue.text == "deny" and q.speaker_name == "Maria Holm"


def test_a_share_of_poll_respondents_holds_a_preference(annotate):
    q = only(annotate(INTRO + "In the survey, 46 percent of voters would choose Holm.").quotes, "Holm")
    assert q.cue.text == "choose" and q.content.text == "Holm" and q.speaker.text == "46 percent of voters"


def test_a_survey_shows(annotate):
    q = only(annotate(INTRO + "The latest survey shows Holm with a narrow lead.").quotes, "narrow lead")
    assert q.cue.text == "shows" and q.content.text == "Holm with a narrow lead" and q.speaker.text == "The latest survey"


def test_people_named_by_what_they_practise_hold_views(annotate):
    q = only(annotate(INTRO + "Environmentalists worry that the mine will poison the river.").quotes, "poison")
    assert q.cue.text == "worry" and q.speaker.text == "Environmentalists" and q.speaker_name is None


def test_words_read_out_or_sung_frame_a_quotation(annotate):
    article = annotate(INTRO + '"We will not give up the northern line," the letter read. At the rally, the band leader '
                               'called the mayor to the stage, singing "It is our time to lead."')
    letter, song = only(article.quotes, "northern line"), only(article.quotes, "our time")
    assert letter.cue.text == "read" and letter.speaker.text == "the letter"
    assert song.cue.text == "singing" and song.speaker.text == "the band leader"


def test_a_that_clause_hung_on_the_people_told_is_what_they_were_told(annotate):
    article = annotate(INTRO + "In Vestby last week, Holm told a meeting of northern farmers that few people understood "
                               "the stakes better than they did.")
    q = only(article.quotes, "few people")
    assert q.cue.text == "told" and q.content.text == "few people understood the stakes better than they did"


def test_according_to_x_opening_a_sentence_the_parser_broke(annotate):
    article = annotate(INTRO + "The opposition has asked the speaker to check the figures. According to radio host "
                               'Per Lind, the move reeks of "fear" and desperation.')
    q = only(article.quotes, "reeks")
    assert q.cue.text == "According to" and q.content.text == 'the move reeks of "fear" and desperation'


@pytest.mark.parametrize("sentence, content, cue", [
    ("Although Holm has admitted using the loophole, she does not defend it.", "using the loophole", "admitted"),
    ("Berg suggested looking at the bills again.", "looking at the bills again", "suggested"),
])
def test_a_gerund_is_what_was_admitted_or_suggested(annotate, sentence, content, cue):
    q = only(annotate(INTRO + sentence).quotes, content)
    assert q.content.text == content and q.cue.text == cue


@pytest.mark.parametrize("sentence", ["Rebels attacked an army base near the border on Sunday.",
                                      "Protesters attacked a government building in the capital."])
def test_a_physical_attack_is_no_stance(annotate, sentence):
    assert not any(q.cue and q.cue.text == "attacked" for q in annotate(INTRO + sentence).quotes)


def test_an_aside_inside_the_content_stays_in_it(annotate):
    article = annotate(INTRO + "The ministry accused Azeri forces, which hold the ridge, of shelling the villages.")
    q = only(article.quotes, "Azeri forces")
    assert q.content.text == "Azeri forces, which hold the ridge, of shelling the villages"
