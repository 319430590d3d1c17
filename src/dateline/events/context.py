"""Actor codes completed from the sentence around an event, where the phrase alone leaves them short.

The entity stage codes a phrase by its own words; the event coder knows more: the role the
phrase plays and where the event happened. Three completions, each noted in nothing but the code
(the phrase, its entity and the event's rule stay as they are):
- a capital or city standing as an actor gets a sector by its role, after the PLOVER
  gold-standard conventions: a capital that is a subject or object, or the party of a relation
  ("talks with Moscow", "a visit to Ankara"), stands for the government ("Moscow said" →
  RUSGOV); a capital named as the place where something happens, and any other city, stands for
  the people who live there ("a curfew in Algiers" → DZACVL); so does a settlement noun ("the
  Bosnian town of Gorazde" → BIHCVL);
- a phrase owned by a pronoun ("their forces") takes the country of the pronoun's antecedent:
  the speaker of the clause it stands in, else the subject of a clause above it;
- a group of a country's own society named without its country (police, protesters, rebels,
  prisoners, students) takes the country of the place the event happened in, else that of the
  state body it deals with; so does a former official ('former president X') dealt with by one;
- a human rights group named without a country is a non-governmental organisation (NGOHRI);
- force whose doer the text does not name takes CAMEO's unidentified armed forces of the place
  (see unattributed); an act done by a holder of state office may take its own code (0831).
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..actors.codes import sector_of, split_code
from ..model import Article, Event, EventActor, Location
from .where import countries, find_place, lookup, place_phrase

if TYPE_CHECKING:
    from .coder import Candidate
    from .lexicon import Lexicon

CORE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative"})
LOCATION_PREPS = frozenset({"in", "at", "near", "inside", "outside", "around", "across", "throughout", "within", "through",
                            "along"})
POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her"})
# Sectors of groups that act where they live; the state's own bodies (GOV, MIL, ...) act abroad too.
DOMESTIC_SECTORS = frozenset({"CVL", "OPP", "REB", "COP", "CRM", "LAB", "EDU", "BUS", "HLH", "MED", "AGR", "REL",
                              "SOC", "PTY", "JRN"})
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
INTERNAL_SECTORS = frozenset({"LEG", "JUD", "ELI"})  # bodies and people of a country's politics that seldom act abroad
# Verbs of harm that accidents share with attacks; unattributed, they code force only where the sentence names some.
HARM_VERBS = frozenset({"kill", "injure", "wound", "hurt", "hit", "strike", "crush", "die"})
VIOLENCE_WORDS = frozenset({
    # who uses force
    "gunman", "gunmen", "militant", "attacker", "assailant", "bomber", "insurgent", "rebel", "terrorist", "sniper",
    "militia", "guerrilla", "jihadist", "fighter", "kidnapper", "abductor", "captor", "torturer",
    # the force itself, after CAMEO's 18-20 (abduction, beating, torture, rape, bombing, assassination, shooting,
    # shelling, mass killing)
    "explosion", "blast", "raid", "gunfire", "crossfire", "firefight", "shooting", "stabbing", "explosive", "suicide",
    "ambush", "clash", "fighting", "battle", "combat", "war", "airstrike", "shell", "shelling", "mortar", "artillery",
    "missile", "rocket", "grenade", "landmine", "minefield", "torture", "beating", "rape", "abduction", "kidnapping",
    "hostage", "assassination", "execution", "beheading", "lynching", "massacre", "bombing", "stab", "shoot", "behead",
    "execute", "assassinate", "lynch"})
TRANSNATIONAL = frozenset({"IGO", "NGO", "IMG", "MNC"})
FORCE_ROOTS = frozenset({"15", "16", "17", "18", "19", "20"})
CIVIC_SECTORS = frozenset({"HRI"})  # sectors whose bare groups CAMEO codes as non-governmental organisations


@lru_cache(maxsize=1)
def _settlements() -> frozenset[str]:
    from .lexicon import load

    return frozenset(w for w in load().synsets.get("TOWN", []) if " " not in w)


def country_of(code: str | None) -> str | None:
    """The country (or transnational group) slot of a code, None for a bare sector ('REB')."""
    if not code:
        return None
    head, _ = split_code(code)
    return head if head and (head in countries() or head in ("IGO", "NGO", "IMG", "MNC")) else None


def place_sector(head: Token, code: str | None) -> str | None:
    """A bare country code of a capital, city or settlement, with the sector its role in the sentence gives."""
    if not code or len(code) != 3:
        return code
    name = place_phrase(head)
    place = lookup(name) if name else None
    if place is not None and place.kind in ("capital", "city") and place.country == code:
        first = head
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head  # 'called on Moscow and Kyiv': Kyiv plays Moscow's part
        party = first.dep_ in CORE_DEPS or first.dep_ == "poss" or (first.dep_ == "pobj" and first.head.lower_ not in LOCATION_PREPS)
        return code + ("GOV" if place.kind == "capital" and party else "CVL")
    if place is None and head.pos_ == "NOUN" and head.lemma_.lower() in _settlements():
        return code + "CVL"
    return code


def owner_pronoun(head: Token) -> Token | None:
    """The possessive pronoun that owns a phrase ('their forces', 'members of his government'), if any."""
    owners = [head, *[o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]]
    return next((c for o in owners for c in o.children if c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS), None)


def antecedents(head: Token) -> list[Token]:
    """Who a possessive pronoun on the head most likely means, nearest first: the subjects of the clauses above it."""
    out: list[Token] = []
    node = head
    for _ in range(6):
        parent = node.head
        if parent.i == node.i:
            break
        if parent.pos_ in ("VERB", "AUX"):
            out.extend(c for c in parent.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != head.i
                       and c.i < head.i and owner_pronoun(c) is None and c.lower_ not in POSSESSIVE_PRONOUNS)
        node = parent
    return out


def with_country(code: str | None, country: str | None) -> str | None:
    """A bare sector code given a country ('MIL' + 'BIH' → 'BIHMIL'); other codes unchanged."""
    if not code or not country or country_of(code) is not None:
        return code
    return country + code


def domestic(code: str | None) -> bool:
    """Whether a code is a bare sector of a group that acts where it lives (police, protesters, rebels)."""
    if not code or country_of(code) is not None:
        return False
    return sector_of(split_code(code)[1]) in DOMESTIC_SECTORS


OFFICE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})


def office_code(code: str, source: EventActor | None, lex: Lexicon) -> str | None:
    """The code of an act done by a holder of state office (an official who resigns leaves office: 0831)."""
    if source is None or not source.code or (up := lex.holder_code(code)) is None:
        return None
    return up if sector_of(split_code(source.code)[1]) in OFFICE_SECTORS else None


def localise(ev: Event, home: str | None = None) -> None:
    """Police, protesters, rebels named without a country are of the country the event happens in, else of the
    state whose body they deal with ('Turkish police stopped students', 'rebels demanded that Burundi's government').
    A state body named without a country ('the government', 'the ministry', 'the army', 'parliament') is the home
    country's, the country of the story's dateline (`home`), else of the place the event happens in: a careful
    coder reads an unqualified 'the government' in a Nairobi story as Kenya's; with neither, outside the use of
    force, it is the country of the other side when that side belongs to the country's own politics (_national)."""
    place = ev.location.country if ev.location is not None else None
    for side, other in (("source", ev.target), ("target", ev.source)):
        actor = getattr(ev, side)
        if actor is None:
            continue
        if domestic(actor.code) or _elite(actor.code):
            country = place if domestic(actor.code) else None
            if country is None and other is not None and (_state_body(other.code) or (_state(other.code) and ev.cameo[:2] == "14")):
                country = country_of(other.code)
        elif _bare_state(actor.code):
            country = home or place or (_national(other) if ev.cameo[:2] not in FORCE_ROOTS else None)
        elif sector_of(split_code(actor.code or "")[1]) in CIVIC_SECTORS and country_of(actor.code) is None:
            country = "NGO"  # 'human rights groups disputed that account': a group of civil society is an NGO
        else:
            continue
        if country:
            setattr(ev, side, replace(actor, code=with_country(actor.code, country)))


def _state(code: str | None) -> bool:
    """Whether a code is a country named as such ('Sweden's decision'), which acts as its state."""
    return bool(code) and len(code or "") == 3 and country_of(code) == code and code not in TRANSNATIONAL


def _national(other: EventActor | None) -> str | None:
    """The country of the other side when that side is a part of its country's own society or politics (a party,
    legislators, protesters, not the state as such): 'a member of the Syrian parliament protested the president's
    failure' is about Syria's president, while 'Johnson met Tillerson' pairs two governments. Force is left out
    (FORCE_ROOTS): the army a country's forces fight is seldom its own."""
    country = country_of(other.code) if other is not None else None
    if country is None or country in TRANSNATIONAL:
        return None
    return country if sector_of(split_code(other.code or "")[1]) in DOMESTIC_SECTORS | INTERNAL_SECTORS else None


def _bare_state(code: str | None) -> bool:
    """Whether a code is a state body without its country ('GOV', 'MIL', 'JUD')."""
    return bool(code) and country_of(code) is None and sector_of(split_code(code or "")[1]) in STATE_SECTORS


def _elite(code: str | None) -> bool:
    return bool(code) and country_of(code) is None and sector_of(split_code(code)[1]) == "ELI"


def _state_body(code: str | None) -> bool:
    """Whether a code is a country's own state body (its government, forces, police, courts, legislature)."""
    return country_of(code) is not None and country_of(code) not in TRANSNATIONAL and \
        sector_of(split_code(code or "")[1]) in STATE_SECTORS


def _violent(sent) -> bool:
    """Whether a sentence names force: a weapon, an attack or an armed group (CAMEO's &WEAPON set and our violence words)."""
    words = _violence_words()
    return any(t.lemma_.lower() in words or t.lower_ in words for t in sent)


@lru_cache(maxsize=1)
def _violence_words() -> frozenset[str]:
    from .lexicon import load

    lex = load()
    weapons = {w for w in lex.synsets.get("WEAPON", []) if " " not in w}
    nouns = {lemma for lemma, senses in lex.nouns.items() if any(s.code[:2] in ("18", "19", "20") for s in senses)}
    return frozenset(weapons | nouns | VIOLENCE_WORDS)


def _named_non_actor(words: Token) -> bool:
    from .actors import non_actor
    from .lexicon import load

    return non_actor(words, load().non_actors)


def unattributed(cand: Candidate, article: Article) -> EventActor | None:
    """CAMEO's actor for force or coercion whose doer the text does not name: 'a roadside bomb killed ...'
    and 'was arrested in X' have as source the place's country, with sector UAF (unidentified armed
    forces) for violence; the place may stand in the source's own words ('a bombing near Samarra');
    violence with no place at all is UAF alone. The source's words, when there are any, stay as its text."""
    root = cand.code[:2]
    if cand.kind != "verb" or root not in ("17", "18", "19", "20"):
        return None
    if cand.trigger.lemma_.lower() in HARM_VERBS and not _violent(cand.trigger.sent):
        return None  # 'seven people were killed when a tram derailed': harm with no sign of force is no attack
    words = cand.sources[0] if cand.sources else None
    if words is not None and _named_non_actor(words):
        return None  # 'a storm battered the coast': the doer is named, and is no armed force
    place = find_place(cand.trigger, cand.anchors, cand.code, None, None)
    if (place is None or place.country is None) and words is not None:
        place = find_place(words, (words,), cand.code, None, None)
    if (place is None or place.country is None) and article.dateline.place:
        place = find_place(cand.trigger, cand.anchors, cand.code, None, article.dateline.place)
    if place is None or place.country is None:
        if root == "17":
            return None
        place = Location(name="", country="")
    code = place.country + ("UAF" if root != "17" else "")
    if words is None:
        return EventActor(text=place.name or "unidentified forces", code=code)
    from .actors import ActorResolver

    start, end = ActorResolver.phrase(words)
    span = words.doc[start:end]
    return EventActor(text=span.text, code=code, span=article.span(span.start_char, span.end_char))
