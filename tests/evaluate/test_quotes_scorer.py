"""The quote scorer: token overlap, one-to-one matching, PolNeAR's brat files, and the command on real data."""

from __future__ import annotations

from collections import Counter

import pytest
from click.testing import CliRunner

from dateline.evaluate.polnear import load_corpus, parse_ann
from dateline.evaluate.quote_match import Tally, Unit, char_map, mapped, match, merge_by_cue, overlap, speaker_correct, tokens

ANN = (
    "T1\tSource 0 9\tAnna Berg\n"
    "T2\tCue 10 14\tsaid\n"
    "T3\tContent 15 30;40 52\ttalks will go on the deal holds\n"
    "T4\tAttribution 10 14\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tCue 60 72\taccording to\n"
    "T6\tContent 80 95\tprices will rise\n"
    "T7\tAttribution-no-source 60 72\taccording to\n"
    "E2\tAttribution-no-source:T7 Cue:T5 Content:T6\n"
    "T8\tDiscuss 100 110\tsomething\n"
)


def unit(text: str, cue=(), speaker=(), mentions=(), name=None) -> Unit:
    return Unit(tokens(text), cue, None, speaker, mentions, name)


def test_overlap_counts_shared_words_over_the_longer_span():
    assert overlap(tokens('"We will win,"'), tokens("we will win")) == 1.0
    assert overlap(tokens("a b c d"), tokens("a b")) == 0.5
    assert overlap(tokens(""), tokens("a")) == 0.0
    assert overlap(tokens("no no no"), tokens("no")) == pytest.approx(1 / 3)


def test_matching_is_one_to_one_best_first():
    pred = [unit("a b c d"), unit("a b c")]
    gold = [unit("a b c")]
    assert match(pred, gold, 0.3) == [(1, 0, 1.0)]


def test_threshold_is_inclusive_and_separates_the_two_levels():
    pred, gold = [unit("a b c x y z q r s t")], [unit("a b c")]
    assert match(pred, gold, 0.3) == [(0, 0, 0.3)]
    assert match(pred, gold, 0.8) == []


def test_pieces_sharing_a_cue_are_one_attribution():
    merged = merge_by_cue([unit("a b", cue=((5, 9),)), unit("c d", cue=((5, 9),)), unit("e", cue=((20, 24),))])
    assert len(merged) == 2
    assert merged[0].content == Counter({"a": 1, "b": 1, "c": 1, "d": 1})


def test_speaker_is_right_by_span_or_by_an_entity_mention():
    gold = unit("x", speaker=((0, 9),))
    assert speaker_correct(unit("x", speaker=((5, 9),)), gold)
    assert speaker_correct(unit("x", speaker=((50, 52),), mentions=((0, 4),)), gold)
    assert not speaker_correct(unit("x", speaker=((50, 52),)), gold)
    assert speaker_correct(unit("x", name="Anna Berg"), Unit(Counter(), speaker_name="Anna Berg"))


def test_tally_weights_annotators_so_an_article_counts_once():
    tally = Tally()
    for gold in ([unit("a b")], [unit("a b"), unit("c d")]):
        tally.add([unit("a b")], gold, 0.3, weight=0.5)
    scores = tally.scores()
    assert scores["precision"] == 1.0
    assert scores["recall"] == pytest.approx(1 / 1.5)


def test_parse_ann_reads_discontinuous_content_and_sourceless_attributions():
    found = parse_ann(ANN)
    assert len(found) == 2
    first, second = found
    assert first.content == ((15, 30), (40, 52)) and first.cue == ((10, 14),) and first.source == ((0, 9),)
    assert second.source == () and second.cue == ((60, 72),)


def test_load_corpus_keeps_each_annotator(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "story.txt").write_text("x" * 120, "utf-8")
    for who in ("ab12", "cd34"):
        (tmp_path / "attributions" / f"story_{who}.ann").write_text(ANN, "utf-8")
    (tmp_path / "attributions" / "orphan_ab12.ann").write_text(ANN, "utf-8")
    docs = load_corpus(tmp_path)
    assert [d.name for d in docs] == ["story"]
    assert sorted(docs[0].annotations) == ["ab12", "cd34"]


def test_spans_move_back_onto_the_original_text():
    original = "  Headline\n\nBody says hello."
    derived = original.strip()
    offsets = char_map(original, derived)
    (start, end), = mapped([(derived.index("says"), derived.index("says") + 4)], offsets)
    assert original[start:end] == "says"


@pytest.mark.shared
@pytest.mark.slow
def test_seed_scores_are_perfect(shared):
    from dateline.evaluate.quotes import score_seed

    scores = score_seed(shared)["dateline@0.8"]
    assert scores["f1"] == 1.0 and scores["speaker_accuracy"] == 1.0 and scores["cue_accuracy"] == 1.0


@pytest.mark.shared
@pytest.mark.slow
def test_the_command_scores_a_few_polnear_articles(shared, tmp_path):
    from dateline.cli import main

    errors = tmp_path / "errors.txt"
    result = CliRunner().invoke(main, ["eval", "quotes", "--limit", "3", "--errors", str(errors)])
    assert result.exit_code == 0, result.output
    assert "dateline@0.3" in result.output and "seed" in result.output
    assert errors.exists()
