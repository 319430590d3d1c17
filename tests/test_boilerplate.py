"""Site furniture is recognised line by line; article sentences that share its words are kept."""

from __future__ import annotations

import pytest

from dateline.boilerplate import byline_author, classify


@pytest.mark.parametrize("line", [
    "All news", "Share", "SHARE", "Share this article", "Advertisement", "ADVERTISEMENT", "Read more", "Read more:",
    "READ MORE: Ministers agree new budget rules", "Related stories", "more-in", "Skip to main content", "* * *",
    "We use cookies to improve your experience. By continuing to browse you accept our cookie policy.",
    "Accept all cookies", "Sign up for our daily newsletter", "Follow us on Twitter",
    "window._widgets = window._widgets || []; _taboola.push({mode: 'x'});",
    "A protester waves a flag outside parliament. | Photo Credit: Reuters",
    "Illustration: Jane Doe", "Photo 3 of 9 Image 3 of 9 Crowds in the square",
    "(Reporting by Anna Sokolova; Editing by Mark Hill)", "Home > World > Europe", "News | Politics | Elections 2024",
])
def test_furniture_is_boilerplate(line: str) -> None:
    assert classify(line) == "boilerplate"


@pytest.mark.parametrize("line", [
    "Russia supports the policy Serbia pursues in the Balkans, the minister said.",
    "Share prices fell sharply in Tokyo after the announcement.",
    "The advertisement campaign was paid for by the ruling party, officials said.",
    "Read the full statement, the spokesman told reporters, and you will see we never agreed.",
    "The court ruled that the website's use of cookies broke the law, and fined the company 2 million euros.",
    "By Friday, the talks had collapsed.",
    "The meeting is scheduled for December 4, 2015.",
    "He added that Russia and Serbia had always been allies.",
    "| Pos | Player | Points |", "| 1 | Ana Reyes | 40 |",
    "Prices rose 3% year on year / 1.2% month on month / slower than expected by economists in a Reuters poll.",
])
def test_article_sentences_are_kept(line: str) -> None:
    assert classify(line) is None


@pytest.mark.parametrize("line,author", [
    ("By Tom Hartley", "Tom Hartley"), ("By Jane Roe, Staff Writer", "Jane Roe"), ("BY Ana Reyes and Tom Berg", "Ana Reyes and Tom Berg"),
    ("By Friday, the talks had collapsed.", None), ("By contrast the rebels", None),
])
def test_bylines_give_the_author(line: str, author: str | None) -> None:
    assert byline_author(line) == author
    assert (classify(line) == "byline") == (author is not None)


@pytest.mark.parametrize("line", [
    "Updated: 2017-09-15 17:52", "Xinhua | Updated: 2017-09-15 17:52", "Published 9:41 AM UTC, May 13, 2025",
    "2017-09-15 17:52", "Last updated on 15 September 2017",
])
def test_timestamp_lines(line: str) -> None:
    assert classify(line) == "timestamp"
