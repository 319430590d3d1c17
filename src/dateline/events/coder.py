"""The trigger coder: finds event verbs and nouns in a parsed sentence and codes each in CAMEO.

Only verbs and the listed event nouns are looked at, each through the lexicon's lemma index, and
only their own dependents are walked. A verb takes the code of its most specific matching
pattern (patterns of our extensions first, then CAMEO's for that verb, then its block-mates'),
else its dictionary code; a light verb ("hold", "pay", "impose") with an event noun as object
lets the noun carry the event ("held talks with X" → noun:talk). Governing verbs ("plans to",
"refused to") give way to the event in their complement, whose modality they set (modes.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bisect import bisect_left

import numpy
from spacy.attrs import LEMMA as LEMMA_ATTR
from spacy.attrs import LOWER as LOWER_ATTR
from spacy.attrs import POS as POS_ATTR
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from . import modes
from .appeals import absorb_requests, speech_demands
from .background import alleged, describes
from .actors import (can_act, is_pronoun, clause_subjects, conjuncts, noun_sources, owners, phrase_objects, prep_objects, protested,
                     subject_of, verb_targets)
from .lexicon import Lexicon, NounSense, VerbSense, load
from .happenings import merge_happenings, merge_purposes
from .patterns import Pattern, best_match, verb_context
from .where import place_objects

OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "nsubjpass"})
SYMMETRIC_ROOTS = frozenset({"03", "04", "05", "06", "19"})
MUTUAL_VERBS = frozenset({"exchange", "swap", "trade"})
DROP_ROOTS = frozenset({"01"})  # public statements: no PLOVER type, and speech is what quotes record
# ... except two that analysts ask for: denying an accusation (016) and condolences (018), with no PLOVER type.
KEPT_STATEMENTS = frozenset({"016", "018"})
TEMPORAL_PREPS = frozenset({"during", "at", "amid", "on"})
CLAUSE_TARGET_ROOTS = frozenset({"02", "05", "10", "11", "12", "13"})
PLACE_TARGET_ROOTS = frozenset({"03", "04", "06", "07", "08", "09", "14", "15", "16", "17", "18", "19", "20"})
NOMINAL_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj"})
NAMING_VERBS = frozenset({"call", "label", "brand", "dub", "term"})
FORETELLING = frozenset({"warn", "caution"})  # verbs of warning, a threat only when someone is to act
FORCE_WORDS = frozenset({"force", "troop", "reservist", "reserve", "soldier", "army", "police", "militia", "unit", "warship",
                         "tank", "fighter", "jet", "division", "regiment", "guard", "militiaman", "recruit", "conscript"})
# What declining to do is only declining to speak (CAMEO 011, a statement): 'declined to comment / say whether'.
COMMENT_VERBS = frozenset({"comment", "say", "elaborate", "confirm", "specify", "disclose", "reveal", "answer", "detail",
                           "explain", "speculate", "name", "identify", "discuss", "speak", "talk", "give"})
READY = frozenset({"open", "ready", "willing", "prepared", "eager"})  # 'remained open to talks': an intent
COMMENT_NOUNS = frozenset({"comment", "interview", "reaction", "clarification", "detail"})  # what reporters ask for
# CAMEO blocks of travel verbs: they code a visit only where the text says where to ('went to Moscow');
# 'went missing', 'goes ahead with', 'left ten dead' are no consultations.
DESTINATIONS = {"GO_SOMEWHERE": frozenset({"to", "for", "into", "toward", "towards"}), "ARRIVE": frozenset({"in", "at", "to"})}


@dataclass(slots=True)
class Candidate:
    """An event found in a sentence, before its actors are resolved."""

    trigger: Token
    code: str
    rule: str
    kind: str  # "verb" or "noun"
    light: Token | None = None
    mode: str | None = None
    base: str = ""
    sources: list[Token] = field(default_factory=list)
    targets: list[list[Token]] = field(default_factory=list)
    place_target: Token | None = None
    reverse: bool = False
    needs_target: bool = False  # coded by a default that only holds when someone is acted on ('released' whom?)
    speaker: Token | None = None  # a demand in reported speech ('X must ..., Y said'): the speech verb's subject and mode

    @property
    def anchors(self) -> tuple[Token, ...]:
        """Tokens whose dependents belong to this event: the trigger, its light verb, or the verb of 'during X'."""
        if self.light is not None:
            return (self.trigger, self.light)
        if self.speaker is not None:
            return (self.trigger, self.speaker)
        head = self.trigger.head
        if self.kind == "noun" and self.trigger.dep_ == "pobj" and head.lower_ in TEMPORAL_PREPS:
            return (self.trigger, head.head)
        return (self.trigger,)

    @property
    def symmetric(self) -> bool:
        """Whether conjoined actors with no other target act on each other ("Russia and Serbia agreed")."""
        return self.code[:2] in SYMMETRIC_ROOTS or self.mutual

    @property
    def mutual(self) -> bool:
        """Whether the act is mutual by its very word ('exchanged prisoners', 'swapped detainees'): conjoined actors
        act on each other, and what they exchange is no target."""
        return self.kind == "verb" and self.trigger.lemma_.lower() in MUTUAL_VERBS


def _sense(token: Token, senses: list[VerbSense]) -> list[VerbSense]:
    """Senses of a verb in order of fit: those whose particles all stand beside it first."""
    around = {c.lower_ for c in token.children if c.dep_ in ("prt", "prep", "dobj", "advmod")}
    fitting = [s for s in senses if s.particles and all(p in around for p in s.particles)]
    return fitting + [s for s in senses if not s.particles]


def _event_noun(token: Token, lex: Lexicon) -> NounSense | None:
    senses = lex.nouns.get(token.lemma_.lower()) or lex.nouns.get(token.lower_)
    if not senses:
        return None
    mods = {c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod", "nmod")}
    for sense in senses:
        if sense.modifier is None or sense.modifier in mods:
            return sense
    return None


def _code_verb(token: Token, lex: Lexicon) -> tuple[str | None, str, Pattern | None, Token | None, bool]:
    """Code, rule, matched pattern, the pattern's target and whether roles reverse (a paired-only code)."""
    senses = lex.verbs.get(lex.lemma(token))
    if not senses:
        return None, "", None, None, False
    ordered = _sense(token, senses)
    if not ordered:
        return None, "", None, None, False
    ctx = verb_context(token)
    for sense in ordered:
        pattern, target = best_match(sense.patterns, ctx)
        if pattern is not None:
            if pattern.code is None and pattern.paired:
                return pattern.paired, pattern.rule, pattern, target, True
            return pattern.code, pattern.rule, pattern, target, False
    sense = ordered[0]
    if any(c.dep_ == "prt" and c.lower_ not in sense.particles for c in token.children):
        return None, "", None, None, False  # 'smashed down', 'went out', 'broke up': the particle makes another verb
    if sense.code is None and sense.paired:
        return sense.paired, sense.rule, None, None, True
    return sense.code, sense.rule, None, None, False


def _label(verb: Token, lex: Lexicon) -> tuple[str | None, str] | None:
    """A verb of naming with its name ('called the plan a mistake', 'branded them terrorists'): no call or appeal,
    but a condemnation (111) when the name condemns (data/extensions.tsv, kind `label`); None when no name is given."""
    if lex.lemma(verb) not in NAMING_VERBS:
        return None
    name = next((c for c in verb.children if c.dep_ == "oprd"), None)
    if name is None or name.ent_type_ in ("DATE", "TIME"):
        return None  # 'called Thursday on X to ...': a day the parser took for a name
    word = name.lemma_.lower()
    return lex.recodes.get("label", {}).get(word), f"dateline:label:{word}"


def _light_object(verb: Token, lex: Lexicon) -> Token | None:
    if lex.lemma(verb) not in lex.light_verbs:
        return None
    return next((n for c in verb.children if c.dep_ in ("dobj", "attr") for n in conjuncts(c) if _event_noun(n, lex)), None)


def _object_of(noun: Token) -> Token:
    """The conjunct that stands in a noun's place in the clause: 'launched artillery, mortar and rocket fire' makes
    'rocket fire' the launch's object through the first conjunct."""
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i != noun.i:
        noun = noun.head
    return noun


class TriggerIndex:
    """Which tokens of a parsed document may trigger an event, found from one array of (POS, LEMMA) ids.

    Only those tokens become spaCy Token objects; the rest of the document is never walked.
    """

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        strings = doc.vocab.strings
        keys = _lexicon_hashes(lex, id(strings), strings)
        arr = doc.to_array([POS_ATTR, LEMMA_ATTR, LOWER_ATTR])
        pos, lemma = arr[:, 0], arr[:, 1]
        verb = (pos == strings["VERB"]) & (_member(lemma, keys[0]) | _member(arr[:, 2], keys[2]))
        noun = ((pos == strings["NOUN"]) | (pos == strings["PROPN"])) & _member(lemma, keys[1])
        self.verbs: list[int] = numpy.flatnonzero(verb).tolist()
        self.nouns: list[int] = numpy.flatnonzero(noun).tolist()

    def within(self, sent: SpacySpan) -> tuple[list[Token], list[Token]]:
        """The verb and noun trigger candidates of one sentence."""
        doc, lo, hi = sent.doc, sent.start, sent.end
        verbs = self.verbs[bisect_left(self.verbs, lo): bisect_left(self.verbs, hi)]
        nouns = self.nouns[bisect_left(self.nouns, lo): bisect_left(self.nouns, hi)]
        return [doc[i] for i in verbs], [doc[i] for i in nouns]


def _member(values: numpy.ndarray, keys: numpy.ndarray) -> numpy.ndarray:
    """Which values are among the sorted keys: a binary search, cheaper than hashing for a few thousand tokens."""
    at = numpy.searchsorted(keys, values).clip(0, len(keys) - 1)
    return keys[at] == values


_HASHES: dict[int, tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]] = {}


def _lexicon_hashes(lex: Lexicon, key: int, strings) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
    """Hash ids of every lemma that can matter: coded verbs, governors, speech verbs; event nouns."""
    if key not in _HASHES:
        verbs = set(lex.verbs) | modes.GOVERNORS | modes.SPEECH | lex.light_verbs
        words = {w for v in verbs for w in (v, v.capitalize())}
        nouns = {w for n in lex.nouns for w in (n, n.capitalize())}
        _HASHES[key] = (numpy.array(sorted(strings.add(w) for w in words), dtype=numpy.uint64),
                        numpy.array(sorted(strings.add(w) for w in nouns), dtype=numpy.uint64),
                        numpy.array(sorted(strings.add(w) for w in lex.inflections), dtype=numpy.uint64))
    return _HASHES[key]


def find_candidates(sent: SpacySpan, lex: Lexicon, index: TriggerIndex | None = None) -> list[Candidate]:
    """Every coded event trigger of one sentence, with its modality and candidate actors."""
    verbs, nouns = index.within(sent) if index is not None else _scan(sent, lex)
    by_token: dict[int, Candidate] = {}
    matched_objects: set[int] = set()
    governors: list[Token] = []
    speech: list[Token] = []
    for token in verbs:
        if token.dep_ in ("amod", "compound") or (token.tag_ == "VBN" and token.dep_ in NOMINAL_DEPS):
            continue  # a participle used as an adjective ("the planned deployment") or a noun ("the wounded") names no act
        if alleged(token) or describes(token) or _interviewed(token):
            continue  # what an accusation alleges, or what a clause says to describe a noun, is no reported act
        lemma = lex.lemma(token)
        if lemma in modes.SPEECH:
            speech.append(token)
        if lemma in modes.GOVERNORS:
            governors.append(token)
        if (label := _label(token, lex)) is not None:
            if label[0] is not None:  # 'called the expulsions "a provocation"': a condemnation
                by_token[token.i] = Candidate(token, label[0], label[1], "verb", base=label[0])
                by_token[token.i].targets = _verb_target_groups(token, None, label[0])
            continue
        code, rule, pattern, ptarget, reverse = _code_verb(token, lex)
        if code is None and pattern is None and lemma == "deny" and any(c.dep_ == "ccomp" for c in token.children):
            code, rule = "016", "dateline:deny:that"  # 'denied that its diplomats had any link to the plot'
        if pattern is not None:
            matched_objects.update(c.i for c in token.children if c.dep_ in OBJECT_DEPS)
            if code is None:
                continue
        elif _light_object(token, lex) is not None:
            continue
        if code is None or (code[:2] in DROP_ROOTS and code[:3] not in KEPT_STATEMENTS) or \
                (pattern is None and not _destined(token, rule)) or (pattern is None and _forecast(token, lemma)):
            continue
        place = ptarget or next((c for c in token.children if c.dep_ == "dobj"), None)
        by_token[token.i] = Candidate(token, code, rule, "verb", base=code, place_target=place, reverse=reverse,
                                      needs_target=pattern is None and rule.split(":")[1:2] == ["RELEASE"])
        by_token[token.i].targets = _verb_target_groups(token, ptarget, code)
    for token in nouns:
        if token.i in matched_objects or alleged(token):
            continue
        sense = _event_noun(token, lex)
        if sense is None:
            continue
        cand = _noun_candidate(token, sense, lex, by_token)
        if cand is not None:
            by_token[token.i] = cand
    for gov in governors:
        _govern(gov, by_token)
    speech_demands(speech, by_token, lex)
    absorb_requests(by_token, lex)
    merge_purposes(by_token)
    out = []
    for cand in sorted(by_token.values(), key=lambda c: c.trigger.i):
        if cand.kind == "verb":
            modality = modes.verb_modality(cand.speaker or cand.trigger, cand.code, lex)
            cand.sources, _ = subject_of(cand.speaker or cand.trigger)
        else:
            modality = modes.noun_modality(cand.trigger, cand.light, cand.code, lex)
        cand.code, cand.mode = modality.code, modality.mode
        if modality.note == "refusal":
            cand.rule = f"{cand.rule}+refusal"
        elif modality.note in ("intended", "planned", "threatened", "prepared", "warning") and cand.code != cand.base:
            cand.rule = f"{cand.rule}+{modality.note}"
        if cand.reverse:
            cand.sources, cand.targets = (cand.targets[0] if cand.targets else []), [cand.sources]
        out.append(cand)
    return merge_happenings(out, lex)


def _condition_subjects(verb: Token) -> list[list[Token]]:
    """The party a threat's condition names ('... unless X withdraws', 'threatened to stop talks if X goes ahead')."""
    around = [verb, *[c for c in verb.children if c.dep_ == "xcomp"]] + ([verb.head] if verb.dep_ == "xcomp" else [])
    return [[s] for v in around for c in v.children if c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children)
            for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _destined(verb: Token, rule: str) -> bool:
    """Whether a verb coded by its dictionary default may stand: a travel verb needs a destination, 'call' a party
    called ('called Lima', not 'what it called its involvement', 'called the plan a mistake'), and mobilising (150) a
    force ('mobilized troops', not 'mobilized pressure groups')."""
    parts = rule.split(":")
    if len(parts) >= 3 and parts[1] == "MOBILIZE" and parts[2] != "summon":
        return all(_force(c) for c in verb.children if c.dep_ == "dobj")  # 'mobilized troops', not 'pressure groups'
    if len(parts) >= 3 and parts[1] == "CALL":
        party = [c for c in verb.children if c.dep_ == "dobj" and c.ent_type_ in ("PERSON", "GPE", "ORG", "NORP")]
        return bool(party) and not any(c.dep_ in ("oprd", "xcomp", "ccomp") for c in verb.children)
    if len(parts) < 3 or parts[1] not in DESTINATIONS:
        return True
    return any(c.dep_ == "prep" and c.lower_ in DESTINATIONS[parts[1]] for c in verb.children) or \
        (parts[2] == "tour" and any(c.dep_ == "dobj" for c in verb.children))


def _interviewed(verb: Token) -> bool:
    """'Asked about a possible response, Mattis said ...': a reporter's question framing the answer, no appeal."""
    return verb.lemma_.lower() == "ask" and verb.tag_ == "VBN" and verb.dep_ == "advcl" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)


def _forecast(verb: Token, lemma: str) -> bool:
    """Whether a warning only foretells what things will do ('warned that the sanctions would hurt companies', 'warned
    the launch will raise tensions'), not what someone will do to someone: no threat."""
    if lemma not in FORETELLING or any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return False
    subjects = [s for c in verb.children if c.dep_ == "ccomp" for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and not any(is_pronoun(s) or can_act(s) for s in subjects)


def _force(noun: Token) -> bool:
    """Whether a noun names armed force ('troops', 'reserves', 'warships', 'police'): CAMEO's &MILITARY and a few more."""
    words = load().synsets.get("MILITARY", [])
    return noun.lemma_.lower() in FORCE_WORDS or noun.lower_ in words or noun.lemma_.lower() in words


def _verb_target_groups(verb: Token, ptarget: Token | None, code: str) -> list[list[Token]]:
    """Where a verb event's target may stand, best first: its own objects and phrases; for a governor
    ('refused to respond to X', 'offered to hand over to X') those of its complement; for a threat the
    party its condition names ('unless X ...'); the clause a demand is about; the place it happens in."""
    groups = verb_targets(verb, ptarget)
    for xcomp in (c for c in verb.children if c.dep_ == "xcomp"):
        groups.extend(verb_targets(xcomp, None))
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and not _own_subject(c)):
        groups.extend(verb_targets(conj, None))  # "donated and delivered supplies to X": the shared object's X
    threat = code[:2] == "13" or (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in modes.THREATEN)
    if threat:
        groups.extend(_condition_subjects(verb))
    if code[:2] == "14":
        groups.extend(protested(verb))
    if code[:2] in CLAUSE_TARGET_ROOTS and (subjects := clause_subjects(verb)):
        groups.append(subjects)
    if code[:2] in PLACE_TARGET_ROOTS and (places := place_objects(verb)):
        groups.append(places)
    groups.extend(phrase_objects(verb))
    for xcomp in (c for c in verb.children if c.dep_ == "xcomp"):
        groups.extend(phrase_objects(xcomp))
    if verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and verb.head.pos_ == "VERB":
        groups.extend(verb_targets(verb.head, None))  # 'sent inspectors to X to monitor the work': X is watched
        if places := place_objects(verb.head):
            groups.append(places)
    return groups


def _scan(sent: SpacySpan, lex: Lexicon) -> tuple[list[Token], list[Token]]:
    """Trigger candidates of a sentence without a document index (slower; for single sentences)."""
    verbs = [t for t in sent if t.pos_ == "VERB"]
    nouns = [t for t in sent if t.pos_ in ("NOUN", "PROPN") and _event_noun(t, lex)]
    return verbs, nouns


def _noun_candidate(noun: Token, sense: NounSense, lex: Lexicon, by_token: dict[int, Candidate]) -> Candidate | None:
    """An event noun coded through its light verb, or through its own possessor or 'by' phrase."""
    if any(t.lemma_.lower() in COMMENT_NOUNS for t in prep_objects(noun, ("for",))):
        return None  # 'did not respond to a request for comment': a reporter's question, no appeal
    place = _object_of(noun)
    head = place.head
    code = sense.code
    if place.dep_ in ("dobj", "attr") and head.pos_ == "VERB" and lex.lemma(head) in lex.light_verbs and head.i not in by_token:
        if describes(head):
            return None  # 'a resolution that aims to impose a blockade': the light verb describes a noun
        cand = Candidate(noun, code, f"{sense.rule}+light:{lex.lemma(head)}", "noun", light=head, base=code)
        cand.sources, _ = subject_of(head)
        if code == "150" and len(cand.sources) >= 2:  # 'Seoul and Washington began their military drills'
            cand.code = cand.base = "062"
            cand.rule = f"{cand.rule}+joint"
        groups = [g for g in (prep_objects(noun, sense.target_preps), prep_objects(head, sense.target_preps),
                              [c for c in head.children if c.dep_ == "dative"], owners(noun), _acted_on(noun, sense)) if g]
        if code[:2] == "14":
            groups.extend(protested(head))
        cand.targets = groups
        cand.place_target = groups[0][0] if groups else None
        return cand
    if (ready := _readiness(noun)) is not None:  # 'Washington remained open to talks with Pyongyang': talks intended
        cand = Candidate(noun, code, f"{sense.rule}+ready:{ready.lemma_.lower()}", "noun", light=ready, base=code)
        cand.sources, _ = subject_of(ready.head)
        cand.targets = [g for g in (prep_objects(noun, sense.target_preps), owners(noun)) if g]
        cand.place_target = cand.targets[0][0] if cand.targets else None
        return cand
    sources = noun_sources(noun, code) or _doers_of(noun, sense)
    if not sources:
        return None
    if place.dep_ in ("dobj", "attr") and head.i in by_token and not any(c.dep_ == "poss" for c in noun.children):
        return None  # "condemned the Israeli attack": the verb's event; the noun's actor is only a modifier
    if all(is_pronoun(s) for s in sources) and not prep_objects(noun, sense.target_preps):
        # "insisted on its demands", "until their demands are met": a reference back to the owner's known act
        return None
    cand = Candidate(noun, code, sense.rule, "noun", base=code)
    targets = prep_objects(noun, sense.target_preps) or _acted_on(noun, sense)
    if len(sources) >= 2 and not targets and prep_objects(noun, ("between",)):
        cand.sources = sources
    else:
        cand.sources = sources
        cand.targets = [targets] if targets else []
    cand.place_target = targets[0] if targets else None
    return cand


def _readiness(noun: Token) -> Token | None:
    """The adjective of readiness an event noun completes ('open to talks', 'ready for dialogue'), said of a subject."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("to", "for") or prep.head.pos_ != "ADJ":
        return None
    adjective = prep.head
    return adjective if adjective.lemma_.lower() in READY and adjective.dep_ == "acomp" else None


def _doers_of(noun: Token, sense: NounSense) -> list[Token]:
    """'the state visit of the Brazilian president to Beijing': the 'of' phrase of a visit names who visits, unless
    'of' is how the noun names its target ('a tour of the region'); 'a meeting of ministers' names no one who acts."""
    if sense.code[:3] not in ("042", "043", "044") or "of" in sense.target_preps:
        return []
    return prep_objects(noun, ("of",))


def _acted_on(noun: Token, sense: NounSense) -> list[Token]:
    """'a suspension of air links with Serbia': the target hangs on what the event noun acts on."""
    return [t for thing in prep_objects(noun, ("of",)) for t in prep_objects(thing, sense.target_preps)]


def _govern(gov: Token, by_token: dict[int, Candidate]) -> None:
    """A governing verb yields to the event in its complement; intent and desire verbs alone code nothing."""
    xcomps = [c for c in gov.children if c.dep_ == "xcomp" or (c.dep_ == "advcl" and (g := modes.governor(c)) is not None
                                                                and g.i == gov.i)]
    lemma = gov.lemma_.lower()
    if any(c.i in by_token for c in xcomps) or (xcomps and (lemma in modes.INTENT or lemma in modes.DESIRE or lemma in modes.FAIL)):
        by_token.pop(gov.i, None)
    elif lemma in modes.REFUSE and xcomps and all(_comment(c) for c in xcomps):
        by_token.pop(gov.i, None)  # 'declined to comment': CAMEO's 011 (decline comment), a statement, not a rejection


def _comment(verb: Token) -> bool:
    """Whether an act is only speaking about something ('to comment', 'to say whether', 'to discuss the matter'),
    not speaking with a party ('refused to talk with the rebels' is a refusal to meet)."""
    if verb.lemma_.lower() not in COMMENT_VERBS:
        return False
    return not any(c.dep_ == "prep" and c.lower_ in ("with", "to") for c in verb.children if verb.lemma_.lower() in ("discuss", "speak", "talk"))
