"""Short wire-style stories written for the store tests (fictional events, our own words)."""

from __future__ import annotations

from dateline.model import Article, Location

from .factory import Did, Said, Story, Who, build

RUSSIA = Who("Russia", "RUS", "RUS", None, words=("Moscow",))
LAVROV = Who("Sergei Lavrov", "RUSGOV", "RUS", "GOV", "PERSON", words=("Lavrov",))
SERBIA = Who("Serbia", "SRB", "SRB", None, words=("Belgrade",))
UKRAINE = Who("Ukraine", "UKR", "UKR", None, words=("Kyiv",))
EU = Who("European Union", "IGOEU", None, "IGO", "ORG", words=("Brussels",))
USA = Who("United States", "USA", "USA", None, words=("Washington",))
BELGRADE = Location("Belgrade", "SRB", 44.8176, 20.4633)

_LAVROV_PARAS = [
    "MOSCOW, March 2 - Russian Foreign Minister Sergei Lavrov on Thursday praised Serbia for what he called "
    "a patient and principled line on Kosovo, telling reporters after talks at his ministry that the two "
    "governments saw the region in much the same way.",
    "\"Kosovo cannot be settled over the heads of the people in Belgrade,\" Lavrov said, adding that any "
    "deal reached without Serbian consent would not last and would only stir fresh trouble in the Balkans.",
    "The minister said he will meet his Serbian counterpart again next month in Belgrade to discuss energy "
    "projects, rail links and a long-delayed agreement on cultural exchanges between the two countries.",
]


def _lavrov(headline: str, url: str, domain: str) -> Article:
    return build(Story(
        headline, list(_LAVROV_PARAS), [LAVROV, SERBIA, RUSSIA],
        [Did("praised", "051", "SUPPORT", "Sergei Lavrov", "Serbia", goldstein=3.4, quad_class=1, date="2017-03-02"),
         Did("will meet", "036", "CONSULT", "Lavrov", "Serbian", mode="future", goldstein=4.0, quad_class=1,
             location=BELGRADE)],
        [Said("Kosovo cannot be settled over the heads of the people in Belgrade", "Lavrov")],
        url=url, domain=domain, published="2017-03-02"))


def lavrov_original() -> Article:
    """The first version of a story, from one outlet."""
    return _lavrov("Lavrov praises Serbia's stance on Kosovo", "https://wire-a.example/world/lavrov-serbia",
                   "wire-a.example")


def lavrov_republished() -> Article:
    """The same story carried by a second outlet under its own headline (a near-duplicate)."""
    return _lavrov("Russia's Lavrov backs Belgrade over Kosovo", "https://news-b.example/2017/03/02/lavrov",
                   "news-b.example")


def lavrov_update() -> Article:
    """A later update of the first story: one more paragraph at the end."""
    paras = [*_LAVROV_PARAS, "Serbian officials welcomed the remarks later in the day and said a date for the "
                             "visit would be announced once both sides had agreed on the agenda."]
    return build(Story(
        "UPDATE 1-Lavrov praises Serbia's stance on Kosovo", paras, [LAVROV, SERBIA, RUSSIA],
        [Did("praised", "051", "SUPPORT", "Sergei Lavrov", "Serbia", goldstein=3.4, quad_class=1, date="2017-03-02")],
        [Said("Kosovo cannot be settled over the heads of the people in Belgrade", "Lavrov")],
        url="https://wire-a.example/world/lavrov-serbia-update", domain="wire-a.example", published="2017-03-03"))


def sanctions() -> Article:
    """Sanctions and an accusation in return."""
    return build(Story(
        "EU adds names to Russia sanctions list",
        ["BRUSSELS, April 10 - The European Union imposed fresh sanctions on Russia on Monday, freezing the "
         "assets of nine officials it blamed for the unrest along the eastern border of Ukraine.",
         "Moscow accused Brussels of bowing to pressure from Washington and said it would study a mirror response."],
        [EU, RUSSIA, UKRAINE, USA],
        [Did("imposed", "163", "SANCTION", "European Union", "Russia", goldstein=-8.0, quad_class=4),
         Did("accused", "112", "ACCUSE", "Moscow", "Brussels", goldstein=-2.0, quad_class=3)],
        url="https://wire-a.example/europe/sanctions", domain="wire-a.example", published="2017-04-10"))


def border() -> Article:
    """A threat, an accusation, and a denied aid delivery (negated mode)."""
    return build(Story(
        "Kyiv says Russian troops threatened border posts",
        ["KYIV, May 20 - Ukraine said on Saturday that Russia had threatened to use force against two of its "
         "border posts, and it accused Moscow of moving artillery closer to the frontier overnight.",
         "Russian officials denied the claim. Moscow did not deliver the promised humanitarian aid to Kyiv, "
         "a spokesman for the Ukrainian government told a briefing."],
        [UKRAINE, RUSSIA],
        [Did("threatened", "138", "THREATEN", "Russia", "Ukraine", goldstein=-7.0, quad_class=3),
         Did("accused", "112", "ACCUSE", "Ukraine", "Moscow", goldstein=-2.0, quad_class=3),
         Did("deliver", "070", "AID", "Moscow", "Kyiv", mode="negated", goldstein=7.0, quad_class=2)],
        url="https://news-b.example/2017/05/20/border", domain="news-b.example", published="2017-05-20"))


def flood_aid() -> Article:
    """Aid with a quote from a named official."""
    return build(Story(
        "US sends flood relief to Serbia",
        ["BELGRADE, Nov 5 - The United States sent tents, water pumps and medical kits to Serbia on Saturday "
         "after a week of heavy rain flooded farms and villages in the west of the country.",
         "\"We stand with the families who lost their homes,\" Ambassador Kyle Scott told local television, "
         "promising that a second shipment would follow within days."],
        [USA, SERBIA, Who("Kyle Scott", "USAGOV", "USA", "GOV", "PERSON", words=("Ambassador Kyle Scott",))],
        [Did("sent", "070", "AID", "United States", "Serbia", goldstein=7.0, quad_class=2, location=BELGRADE)],
        [Said("We stand with the families who lost their homes", "Ambassador Kyle Scott", cue="told")],
        url="https://wire-c.example/aid", domain="wire-c.example", published="2016-11-05"))


def undated() -> Article:
    """No publication date; the event carries a month-level date of its own."""
    return build(Story(
        "Serbia and Ukraine to hold talks on trade",
        ["Serbia agreed to hold trade talks with Ukraine in June, the two foreign ministries said in a joint "
         "statement that gave no further details of the agenda or of who would lead the delegations."],
        [SERBIA, UKRAINE],
        [Did("agreed", "057", "AGREE", "Serbia", "Ukraine", goldstein=8.0, quad_class=1, date="2017-06")]))


def quiet() -> Article:
    """A story with nothing coded in it."""
    return build(Story("Weather turns mild across the region",
                       ["Temperatures climbed well above the seasonal average on Sunday, and forecasters expect "
                        "the mild spell to last until the end of the week."],
                       url="https://wire-c.example/weather", domain="wire-c.example", published="2017-02-12"))


def corpus() -> list[Article]:
    """Every story, near-duplicates included."""
    return [lavrov_original(), lavrov_republished(), lavrov_update(), sanctions(), border(), flood_aid(),
            undated(), quiet()]
