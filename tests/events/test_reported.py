"""Which quote reports an event: not one whose cue is the event's own speech act, nor words after a speech tag."""

from __future__ import annotations

import pytest

from dateline.events import find_events
from dateline.model import Quote, Span

from .conftest import make_article, only

pytestmark = pytest.mark.slow


def _coded(nlp, text: str, content: str, cue: str, actors: dict[str, str]):
    article = make_article(text, actors)
    start, at = text.index(content), text.index(cue)
    article.quotes = [Quote("q1", "indirect", Span.of(text, start, start + len(content)), cue=Span.of(text, at, at + len(cue)),
                            speaker_entity="e1")]
    return find_events(nlp(text), article)


def test_a_pledge_is_the_event_not_a_report_of_it(nlp):
    text = "Chile and Peru pledged to deepen cooperation in trade."
    events = _coded(nlp, text, "to deepen cooperation in trade", "pledged", {})
    assert events and all(e.trigger.text == "deepen" and e.reported_by is None for e in events)


def test_what_is_said_is_reported_by_the_quote(nlp):
    text = "Chile said Peru had attacked its border posts."
    ev = only(_coded(nlp, text, "Peru had attacked its border posts", "said", {}), "attacked")
    assert ev.reported_by == "q1"


def test_words_after_a_speech_tag_inside_a_quote_are_the_reporters(nlp):
    text = "Peru fired two missiles into the sea, the Chilean military said, days after Chile began its military drills."
    content = text[:-1]
    events = _coded(nlp, text, content, "said", {"the Chilean military": "CHLMIL"})
    assert only(events, "fired").reported_by == "q1"
    assert only(events, "drills").reported_by is None
