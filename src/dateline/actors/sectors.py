"""Agent words (sectors): which words name a government, an army, a court..., and whether they name one person or a body."""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import Entry, Hit

# Head words of agent phrases that name a body or a collective, not one person.
_GROUP_HEADS = {
    "government", "administration", "authorities", "authority", "cabinet", "ministry", "ministries",
    "parliament", "legislature", "senate", "congress", "assembly", "council", "committee", "commission",
    "court", "tribunal", "judiciary", "army", "military", "navy", "forces", "force", "troops", "police",
    "media", "press", "agency", "opposition", "party", "front", "movement", "group", "coalition", "regime",
    "junta", "union", "delegation", "company", "corporation", "industry", "militia", "office", "service",
    "department", "bureau", "chamber", "house", "duma", "board", "guard", "patrol", "unit", "brigade",
    "battalion", "division", "corps", "organization", "organisation", "network", "station", "newspaper",
    "television", "business", "bank", "university", "school", "alliance", "faction", "wing", "camp",
}
# Words before an agent word that do not change who is meant ("senior officials", "new president").
QUALIFIERS = {
    "senior", "top", "high", "high-ranking", "former", "ex", "then", "acting", "interim", "new", "outgoing",
    "incoming", "current", "deputy", "first", "chief", "leading", "local", "national", "federal", "state",
    "central", "regional", "provincial", "several", "two", "three", "many", "some", "other", "unnamed",
}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "both"}


def agent_entry(hit: Hit | None) -> Entry | None:
    """The agent entry of a hit, if it is an agent word."""
    return hit.first("agent") if hit is not None else None


def kind_of(entry: Entry) -> str:
    """'person' when the agent word names one person (minister), 'group' for a body (parliament)."""
    if entry.kind in ("person", "group"):
        return entry.kind
    head = entry.key.rsplit(" ", 1)[-1]
    if head in _GROUP_HEADS or head.endswith(("ment", "ry", "ity", "ion", "cy", "ure")):
        return "group"
    return "person"


def is_plural(token: Token) -> bool:
    """Whether a noun is plural (officials, troops, parliamentarians)."""
    return token.tag_ in ("NNS", "NNPS")


def names_people(entry: Entry, head: Token) -> bool:
    """Whether an agent phrase with this head names a group of people or a body (an entity of its own)."""
    return kind_of(entry) == "group" or is_plural(head)


def role_text(tokens: list[Token]) -> str:
    """A title as a role: 'foreign minister' -> 'Foreign Minister' (the words as written, in title case)."""
    words = []
    for t in tokens:
        w = t.text
        if w.lower() in ("of", "for", "and", "the", "on", "in"):
            words.append(w.lower())
        elif w.isupper() and len(w) <= 4:
            words.append(w)
        else:
            words.append(w[:1].upper() + w[1:].lower() if w.islower() or w.isupper() else w)
    return " ".join(words)
