"""Wire-style stories written for the web tests (fictional, our own words), processed through the real pipeline.

The pipeline gives each story its structure and entities. Until the quote and event stages are
on main they find nothing, so each story also says which quotes and events it holds; those are
added on top of the pipeline's output (speakers and actors resolved to the pipeline's own
entities where it found them), which keeps the web tests' expectations fixed whatever the stages do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from dateline import contract
from dateline.mentions import MentionIndex
from dateline.model import Article, Event, EventActor, Quote, Source, Span


@dataclass(frozen=True)
class Said:
    """A quote: its words, the words naming the speaker, the cue, and who it resolves to."""

    content: str
    speaker: str
    name: str
    cue: str = "said"
    kind: str = "direct"


@dataclass(frozen=True)
class Did:
    """An event: trigger word, CAMEO and PLOVER, source and target (words, code), mode, quad class, Goldstein."""

    trigger: str
    cameo: str
    plover: str
    source: tuple[str, str] | None
    target: tuple[str, str] | None
    quad: int
    goldstein: float
    mode: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Story:
    """One article: headline, paragraphs, where and when it was published, and what is in it."""

    key: str
    headline: str
    paragraphs: tuple[str, ...]
    published: str | None
    url: str | None
    said: tuple[Said, ...] = ()
    did: tuple[Did, ...] = ()

    @property
    def text(self) -> str:
        return "\n\n".join([self.headline, *self.paragraphs])


_BALKANS = (
    "MOSCOW, Feb 11 (Wire) - Russian Foreign Minister Sergey Lavrov on Thursday accused NATO of stoking "
    "tension in the Balkans and urged Western capitals to respect the position of Serbia on Kosovo.",
    "\"Any settlement on Kosovo that ignores Belgrade will not hold,\" Lavrov told reporters after meeting "
    "Serbian Foreign Minister Ivica Dacic in Moscow.",
    "\"We are ready to help both sides find a fair solution,\" he said, adding that Russia will send a "
    "delegation to Belgrade in March.",
)
_BALKAN_QUOTES = (Said("Any settlement on Kosovo that ignores Belgrade will not hold", "Lavrov", "Sergey Lavrov", "told"),
                  Said("We are ready to help both sides find a fair solution", "he", "Sergey Lavrov"))
_BALKAN_EVENTS = (Did("accused", "112", "ACCUSE", ("Sergey Lavrov", "RUSGOV"), ("NATO", "IGOWSTNAT"), 3, -2.0),
                  Did("meeting", "040", "CONSULT", ("Lavrov", "RUSGOV"), ("Ivica Dacic", "SRBGOV"), 1, 1.0),
                  Did("send", "036", "CONSULT", ("Russia", "RUS"), ("Belgrade", "SRB"), 1, 4.0, mode="future"))

STORIES = (
    Story("balkans", "Lavrov says any Kosovo deal must respect Serbia", _BALKANS, "2016-02-11",
          "https://wire-a.example/world/lavrov-kosovo", _BALKAN_QUOTES, _BALKAN_EVENTS),
    Story("balkans-copy", "Russia's top diplomat backs Belgrade over Kosovo", _BALKANS, "2016-02-11",
          "https://news-b.example/2016/02/11/lavrov", _BALKAN_QUOTES, _BALKAN_EVENTS),
    Story("sanctions", "EU extends economic sanctions on Russia for six months", (
        "BRUSSELS, March 15 (Wire) - The European Union on Tuesday extended its economic sanctions on Russia "
        "for another six months, citing the lack of progress in eastern Ukraine.",
        "Moscow condemned the decision. \"These sanctions only hurt ordinary Europeans,\" Foreign Ministry "
        "spokeswoman Maria Zakharova said in a statement.",
    ), "2016-03-15", "https://wire-a.example/europe/sanctions",
        (Said("These sanctions only hurt ordinary Europeans", "Maria Zakharova", "Maria Zakharova"),),
        (Did("extended", "163", "SANCTION", ("The European Union", "IGOEU"), ("Russia", "RUS"), 4, -8.0),
         Did("condemned", "111", "ACCUSE", ("Moscow", "RUS"), None, 3, -2.0))),
    Story("aid", "United States sends winter aid to Ukraine", (
        "KYIV, May 3 (Wire) - The United States delivered generators and medical supplies to Ukraine on "
        "Tuesday for towns near the front line.",
        "\"We are grateful to our American partners for this help,\" Ukrainian Foreign Minister Pavlo Klimkin "
        "told a news conference in Kyiv.",
    ), "2016-05-03", "https://wire-c.example/aid-ukraine",
        (Said("We are grateful to our American partners for this help", "Pavlo Klimkin", "Pavlo Klimkin", "told"),),
        (Did("delivered", "070", "AID", ("The United States", "USA"), ("Ukraine", "UKR"), 2, 7.0),)),
    Story("shelling", "Ukraine accuses Russia over shelling near Donetsk", (
        "KYIV, June 20 (Wire) - Ukraine accused Russia on Monday of shelling its positions near Donetsk "
        "overnight, and said Moscow had not agreed to a new round of talks.",
        "\"These claims are false and Kyiv knows it,\" Lavrov said when asked about the report in Moscow.",
    ), "2016-06-20", "https://news-b.example/2016/06/20/donetsk",
        (Said("These claims are false and Kyiv knows it", "Lavrov", "Sergey Lavrov"),),
        (Did("accused", "112", "ACCUSE", ("Ukraine", "UKR"), ("Russia", "RUS"), 3, -2.0),
         Did("shelling", "190", "ASSAULT", ("Russia", "RUS"), ("Ukraine", "UKR"), 4, -10.0, mode="historical"),
         Did("agreed", "057", "AGREE", ("Moscow", "RUS"), None, 1, 8.0, mode="negated"))),
    Story("rail", "China and Serbia sign high-speed rail deal", (
        "BELGRADE, Sept 8 (Wire) - China and Serbia signed a deal on Thursday to modernise the railway "
        "between Belgrade and Budapest, and Serbia will host a summit on the project next year.",
        "\"This railway will bring our region closer to Europe,\" Serbian Prime Minister Aleksandar Vucic "
        "said at the signing ceremony in Belgrade.",
    ), "2016-09-08", "https://wire-c.example/rail",
        (Said("This railway will bring our region closer to Europe", "Aleksandar Vucic", "Aleksandar Vucic"),),
        (Did("signed", "057", "AGREE", ("China", "CHN"), ("Serbia", "SRB"), 1, 8.0),
         Did("host", "036", "CONSULT", ("Serbia", "SRB"), None, 1, 4.0, mode="future"))),
    Story("markup", "Ministry site shows <script>alert('x')</script> after attack", (
        "KYIV, July 1 (Wire) - Visitors to a ministry website on Friday saw the text <b>hacked</b> & "
        "a broken <img src=x onerror=alert(1)> tag in place of the news page.",
        "\"<i>Nothing</i> was stolen & the site is back,\" spokesman Taras Boyko said.",
    ), "2016-07-01", "https://wire-a.example/tech/ministry-site",
        (Said("<i>Nothing</i> was stolen & the site is back", "Taras Boyko", "Taras Boyko <admin>"),), ()),
    Story("undated", "Serbia and Ukraine to talk trade", (
        "Serbia offered to hold trade talks with Ukraine, the two foreign ministries said, without naming a "
        "date for the meeting.",
    ), None, None, (), (Did("offered", "030", "COOPERATE", ("Serbia", "SRB"), ("Ukraine", "UKR"), 1, 4.0),)),
)


def _find(text: str, words: str, near: int = 0) -> Span:
    """Words as a whole-word span: the first at or after `near`, else the first anywhere."""
    pattern = re.compile(r"(?<!\w)" + re.escape(words) + r"(?!\w)")
    match = pattern.search(text, near) or pattern.search(text)
    assert match, f"{words!r} is not in the story"
    return Span.of(text, match.start(), match.end())


def _sentence(text: str, at: int) -> Span:
    """The sentence around offset `at` (sentences end at '. ' or a line break)."""
    stop = text.rfind(". ", 0, at)
    start = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, at) + 1)
    ends = [i for i in (text.find(". ", at), text.find("\n", at)) if i >= 0]
    end = min(ends) if ends else len(text)
    return Span.of(text, start, end + 1 if text[end:end + 1] == "." else end)


def annotate(article: Article, story: Story) -> Article:
    """The pipeline's article with the story's title, URL, quotes and events added on top."""
    text = article.text
    index = MentionIndex(article)

    def entity(span: Span) -> str | None:
        found = index.at(span.start, span.end)
        return found.id if found else None

    quotes = []
    for n, said in enumerate(story.said, 1):
        content = _find(text, said.content)
        speaker = _find(text, said.speaker, content.end)
        cue = _find(text, said.cue, content.end)
        quotes.append(Quote(f"q{n}", said.kind, content, cue, speaker,  # type: ignore[arg-type]
                            entity(speaker) if said.speaker != "he" else None, said.name, "test:story"))
    events = []
    for n, did in enumerate(story.did, 1):
        trigger = _find(text, did.trigger, len(story.headline))  # in the body, not the headline
        evidence = _sentence(text, trigger.start)

        def side(who: tuple[str, str] | None) -> EventActor | None:
            if who is None:
                return None
            span = _find(text, who[0], evidence.start)
            return EventActor(span.text, who[1], entity(span), span)

        events.append(Event(f"v{n}", did.cameo, did.plover, evidence, trigger, "test:story", side(did.source),
                            side(did.target), did.mode, did.date, None, None, None, did.goldstein, did.quad))  # type: ignore[arg-type]
    source = Source(path=None, url=story.url, format="text",
                    domain=story.url.split("/")[2] if story.url else None)
    annotated = replace(article, title=story.headline, source=source, quotes=quotes, events=events)
    problems = contract.problems(annotated.to_dict())
    assert not problems, problems
    return annotated


def build(language: object) -> dict[str, Article]:
    """Every story processed by the real pipeline and annotated, by key."""
    from dateline.pipeline import process_text

    return {s.key: annotate(process_text(s.text, published=s.published, language=language), s)  # type: ignore[arg-type]
            for s in STORIES}


@dataclass
class Expected:
    """Figures computed from the stories themselves, to check what the API and pages report."""

    articles: dict[str, Article] = field(default_factory=dict)

    def quotes_by(self, name_part: str) -> list[Quote]:
        return [q for a in self.articles.values() for q in a.quotes
                if q.speaker_name and name_part.lower() in q.speaker_name.lower()]
