"""The highlighted article text: faithful to the words, every annotation marked, nothing from the text executable."""

from __future__ import annotations

import html
import re
from dataclasses import replace

from dateline.model import Actor, Article, Entity, Event, EventActor, Mention, Quote, Source, Span
from dateline.web.highlight import collect, render, speaker_of

TEXT = 'Minister Ana Ruiz said on Monday: "We will <b>sign</b> the deal & go." She met Tom Lee in Rome.'


def _span(words: str, after: int = 0) -> Span:
    start = TEXT.index(words, after)
    return Span.of(TEXT, start, start + len(words))


def _article() -> Article:
    ruiz = Entity("e1", "Ana Ruiz", "PERSON", Actor("ESPGOV", "ESP", "GOV", None, "named:Ana Ruiz"),
                  [Mention(*_astuple(_span("Ana Ruiz")), "ner"), Mention(*_astuple(_span("She")), "coref:pronoun")])
    lee = Entity("e2", "Tom Lee", "PERSON", None, [Mention(*_astuple(_span("Tom Lee")), "ner")])
    quote = Quote("q1", "direct", _span("We will <b>sign</b> the deal & go."), _span("said"), _span("Ana Ruiz"),
                  "e1", None, "cue-colon")
    event = Event("v1", "057", "AGREE", _span('"We will <b>sign</b> the deal & go."'), _span("sign"), "verb:sign",
                  EventActor("We", "ESPGOV", "e1", _span("We")), None, "future", goldstein=8.0, quad_class=1)
    meet = Event("v2", "040", "CONSULT", _span("She met Tom Lee in Rome."), _span("met"), "verb:meet",
                 EventActor("She", "ESPGOV", "e1", _span("She")), EventActor("Tom Lee", None, "e2", _span("Tom Lee")))
    return Article("a1", Source(), TEXT, entities=[ruiz, lee], quotes=[quote], events=[event, meet])


def _astuple(span: Span) -> tuple[int, int, str]:
    return span.start, span.end, span.text


def _visible_text(markup: str) -> str:
    """The text a reader sees, without the labels added after quotes and triggers."""
    without_tags = re.sub(r'<span class="tag [^"]*" data-ann="[^"]*">.*?</span>', "", markup)
    return html.unescape(re.sub(r"<[^>]+>", "", without_tags))


def test_text_is_unchanged_and_escaped() -> None:
    markup, _ = render(_article())
    assert _visible_text(str(markup)) == TEXT
    assert "<b>" not in str(markup) and "&lt;b&gt;" in str(markup) and "&amp; go" in str(markup)


def test_every_annotation_is_marked_where_its_words_are() -> None:
    article = _article()
    markup, notes = render(article)
    segments = re.findall(r'<span class="hl ([^"]*)" data-ann="([^"]*)" title="([^"]*)" tabindex="0">([^<]*)</span>',
                          str(markup))
    covered: dict[str, str] = {}
    for classes, anns, _, piece in segments:
        for ann in anns.split():
            covered[ann] = covered.get(ann, "") + html.unescape(piece)
    assert set(notes) == {"e1", "e2", "q1", "v1", "v2"} <= set(covered)
    marks, _ = collect(article)
    for mark in marks:
        assert TEXT[mark.start:mark.end] in covered[mark.ann]
    trigger = [s for s in segments if "r-trigger" in s[0] and html.unescape(s[3]) == "sign"]
    assert trigger and "r-content" in trigger[0][0] and set(trigger[0][1].split()) >= {"q1", "v1"}


def test_tooltips_give_rule_and_evidence() -> None:
    markup, notes = render(_article())
    assert notes["q1"]["title"] == "Quote q1 (direct) — Ana Ruiz"
    assert ["rule", "cue-colon"] in notes["q1"]["fields"]
    assert notes["v1"]["evidence"] == '"We will <b>sign</b> the deal & go."'
    assert ["rule", "verb:sign"] in notes["v1"]["fields"] and ["mode", "future"] in notes["v1"]["fields"]
    assert ["source", "Ana Ruiz [ESPGOV]"] in notes["v2"]["fields"] and ["target", "Tom Lee"] in notes["v2"]["fields"]
    assert ["mention rules", "coref:pronoun, ner"] in notes["e1"]["fields"]
    assert "rule: verb:sign" in html.unescape(str(markup))


def test_quotes_carry_their_speaker_and_triggers_their_code() -> None:
    markup, _ = render(_article())
    tags = re.findall(r'<span class="tag (tag-\w+)" data-ann="(\w+)">([^<]*)</span>', str(markup))
    assert ("tag-quote", "q1", "Ana Ruiz") in tags
    assert ("tag-event", "v1", "057 AGREE (future)") in tags and ("tag-event", "v2", "040 CONSULT") in tags
    quote_end = str(markup).index('<span class="tag tag-quote" data-ann="q1">')
    assert _visible_text(str(markup)[:quote_end]).endswith("go.")  # the label sits right after the quote


def test_speaker_name_falls_back_to_entity_then_words() -> None:
    article = _article()
    quote = article.quotes[0]
    assert speaker_of(article, replace(quote, speaker_name="Ana M. Ruiz")) == "Ana M. Ruiz"
    assert speaker_of(article, quote) == "Ana Ruiz"
    assert speaker_of(article, replace(quote, speaker_entity=None)) == "Ana Ruiz"
    assert speaker_of(article, replace(quote, speaker_entity=None, speaker=None)) is None


def test_spans_outside_the_text_are_skipped_not_fatal() -> None:
    article = _article()
    broken = replace(article.entities[1], mentions=[Mention(500, 510, "nowhere", "ner")])
    markup, notes = render(replace(article, entities=[article.entities[0], broken]))
    assert _visible_text(str(markup)) == TEXT and "e2" in notes


def test_names_with_markup_are_escaped_in_tags_and_tooltips() -> None:
    article = _article()
    evil = replace(article.quotes[0], speaker_name='<img src=x onerror="alert(1)">')
    markup, _ = render(replace(article, quotes=[evil]))
    assert "<img" not in str(markup) and "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in str(markup)
