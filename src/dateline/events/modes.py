"""Modality of an event: stated as fact, future or intended, negated, hypothetical; and the code it then takes.

Read from the parse around the trigger, never from the raw text:
- future: a future auxiliary ("will meet", "'ll"), "would" in reported speech ("said it would
  allow"), or an intent governor ("is planning to visit", "intends to", "is ready to", "agreed
  to"). A cooperative action (CAMEO 04-08) stated as intended takes CAMEO's intent code (03x:
  "plans to visit" → 036), as CAMEO prescribes; the mode stays `future`.
  An act CAMEO itself codes as an expressed intent (03x: "agreed to set up", "pledged aid") is
  future as well: the words are said, the act they promise lies ahead.
- negated: `not`/`never`/`n't` on the verb or its governor, "no" on its object ("will support no
  attempts"), or "failed to". A cooperative action refused or negated as a commitment ("refused
  to allow", "will not meet", "will support no attempts") is itself a rejection: it is coded as
  CAMEO's 12x code for that action, with no mode, and never as the positive event. A negated
  fact ("did not meet") keeps its code with mode `negated`.
- hypothetical: "could", "might", "may", "should", "must", "would" outside reported speech, or
  a clause under "if"/"unless"; what someone demands ("demanded that X refuse to ..."); the
  purpose of a hypothetical or negated act ("must ensure security to allow aid in"); an act a noun
  only proposes ("an invitation to attend", "a call to end"), while a noun of intent makes it
  future ("its decision to send troops") and one of attempt leaves it done ("attempts to
  discriminate", as "tried to" does).
- a verb conjoined to another without a tense of its own ("will tighten sanctions and impose a
  blockade", "plans to meet X and sign a deal") shares that verb's auxiliaries and governors.
- threatened conflict ("threatened to impose sanctions") takes CAMEO's threat code (13x); force
  made ready ("the army prepared to resume shelling") is a show of force (150), not words of threat;
  "will not tolerate X" warns (130) rather than rejects.
`historical` is decided from the event's date (see when.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .lexicon import Lexicon

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "ll"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "should", "must", "would", "ought"})
INTENT = frozenset({"go", "plan", "intend", "prepare", "aim", "expect", "schedule", "set", "due", "going", "poised",
                    "ready", "willing", "prepared", "determined", "likely", "about", "propose", "mean",
                    "consider", "contemplate", "weigh", "mull", "open", "eager"})  # 'will consider closing its consulate': not done
COMMIT = frozenset({"agree", "offer", "promise", "pledge", "vow", "swear", "commit", "undertake", "volunteer", "consent"})
REFUSE = frozenset({"refuse", "decline", "reject", "unwilling", "reluctant"})
THREATEN = frozenset({"threaten"})
PREPARE = frozenset({"prepare", "poise", "poised", "gear", "mobilize", "mobilise", "mass"})  # readying force, not words
DESIRE = frozenset({"want", "wish", "hope", "seek", "like"})
ATTEMPT = frozenset({"try", "attempt", "strive", "endeavour", "endeavor", "continue", "begin", "start", "resume", "decide",
                     "help"})  # 'helped broker a deal': the deal is the act
FAIL = frozenset({"fail", "neglect"})
GOVERNORS = INTENT | COMMIT | REFUSE | THREATEN | DESIRE | FAIL | ATTEMPT
SPEECH = frozenset({"say", "tell", "announce", "declare", "state", "add", "stress", "note", "claim", "report",
                    "insist", "confirm", "indicate", "reply", "explain", "write", "warn", "assure", "reiterate", "conclude"})
CONDITIONAL = frozenset({"if", "unless", "whether"})
ENDURE = frozenset({"tolerate", "stand"})  # 'will not tolerate X' warns of what follows X
DEMAND_VERBS = frozenset({"demand", "urge", "ask", "call", "request", "insist", "press", "pressure", "appeal", "order",
                          "require", "want", "plead", "beg", "encourage", "invite", "advise", "recommend"})
PLANNED = frozenset({"planned", "proposed", "upcoming", "forthcoming", "expected", "possible", "future",
                     "scheduled", "prospective", "potential", "intended"})
VERBAL_ROOTS = ("01", "02", "05", "10", "11", "12")
FIRST_PERSON = frozenset({"i", "we"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
INTENT_NOUNS = frozenset({"plan", "intention", "intent", "promise", "pledge", "decision", "commitment", "readiness",
                          "willingness", "offer", "agreement", "vow", "resolve", "determination"})
ATTEMPT_NOUNS = frozenset({"attempt", "effort", "bid", "try", "drive", "campaign", "move", "step"})  # done, as 'tried to' is


@dataclass(slots=True)
class Modality:
    """The mode of an event and the code it takes once its modality is read."""

    mode: str | None
    code: str
    note: str | None = None


def governor(verb: Token) -> Token | None:
    """The verb or adjective that governs an infinitive complement ("plans to visit" → plan)."""
    head = verb.head
    # 'have sworn to fight' parsed as an adverbial clause; but 'started a strike to protest' is a purpose
    infinitive = verb.dep_ in ("xcomp", "acl") or (verb.dep_ == "advcl" and _to_infinitive(verb)
                                                   and not any(c.dep_ == "dobj" for c in head.children))
    if infinitive and head.lemma_.lower() in GOVERNORS:
        return head if head.lemma_.lower() != "go" or head.lower_ == "going" else None
    return None


def _to_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _auxes(verb: Token) -> list[str]:
    return [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]


def is_negated(token: Token) -> bool:
    """Whether a verb is negated ('did not meet') or its object is ('will support no attempts')."""
    if any(c.dep_ == "neg" for c in token.children):
        return True
    for c in token.children:
        if c.dep_ in ("dobj", "nsubjpass", "attr") and any(d.dep_ == "det" and d.lower_ in ("no", "neither") for d in c.children):
            return True
    return False


def _reported(verb: Token) -> bool:
    """Whether the clause is the complement of a speech verb (so 'would' is a future in the past)."""
    head = verb
    for _ in range(4):
        if head.dep_ == "ccomp" and head.head.lemma_.lower() in SPEECH:
            return True
        if head.head.i == head.i:
            return False
        head = head.head
    return False


def _conditional(verb: Token) -> bool:
    head = verb
    for _ in range(4):
        if head.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL for c in head.children):
            return True
        if head.head.i == head.i or head.pos_ == "NOUN":
            return False
        head = head.head
    return False


def _has_condition(verb: Token) -> bool:
    """Whether the clause carries an 'if'/'unless' condition of its own ('will withdraw unless ...')."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONAL for m in c.children) for c in verb.children)


def _demanded(verb: Token) -> bool:
    """Whether the clause is what someone demands or urges ('demanded that X end curbs', 'urged X to support',
    'its demands that X grant ...')."""
    head = verb.head
    if verb.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" and head.dep_ in ("dobj", "pobj") \
            and head.head.lemma_.lower() in DEMAND_VERBS and head.lemma_.lower() not in DEMAND_VERBS:
        head = head.head  # "demanded an admission that X murdered ...": what is demanded, not what is stated
    if head.lemma_.lower() not in DEMAND_VERBS:
        return False
    if verb.dep_ == "ccomp" or (verb.dep_ == "acl" and head.pos_ in ("NOUN", "VERB")):
        return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    return verb.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in head.children)


def _first_person_subject(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in verb.children)


def _shared_conjunct(verb: Token) -> Token | None:
    """The first conjunct a tenseless conjoined verb shares its auxiliaries and governors with
    ('will tighten X and impose Y': impose → tighten); a finite conjunct ('... and signed') has its own."""
    if verb.dep_ != "conj" or verb.tag_ in FINITE_TAGS or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
        return None
    return verb.head


def chain(verb: Token) -> tuple[list[Token], list[Token]]:
    """The verb, the conjunct it shares a tense with, and the governors above them ("will try to begin to ..."),
    nearest first; and the governors alone (a shared conjunct's lemma governs nothing: 'setting fire and smashing')."""
    links, govs = [verb], []
    while len(links) < 5:
        top = links[-1]
        if (gov := governor(top)) is not None:
            govs.append(gov)
        elif (gov := _shared_conjunct(top)) is None:
            break
        links.append(gov)
    return links, govs


def _purpose_head(verb: Token) -> Token | None:
    """The verb or noun a 'to'-infinitive serves ('must ensure security [to allow] aid in', 'an invitation [to attend]')."""
    if verb.dep_ not in ("advcl", "xcomp", "acl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    return verb.head if verb.head.i != verb.i else None


def _purpose_modality(verb: Token, code: str, lex: Lexicon, depth: int) -> Modality | None:
    """A 'to'-purpose of a hypothetical or negated act is hypothetical; a noun's infinitive is proposed, or intended."""
    head = _purpose_head(verb)
    if head is None:
        return None
    if head.pos_ in ("NOUN", "PROPN"):
        if head.lemma_.lower() in ATTEMPT_NOUNS:
            if code[:2] in ("04", "05", "06", "07", "08"):  # 'efforts to hold dialogue': sought, not yet had
                return Modality("future", lex.recode("intent", code) or code, "intended")
            return None  # 'attempts to discriminate', as 'tried to': CAMEO codes an attempted act of force as the act
        if head.lemma_.lower() in INTENT_NOUNS:
            intent = lex.recode("intent", code) if code[:2] in ("04", "05", "06", "07", "08") else None
            return Modality("future", intent or code, "intended")
        return Modality("hypothetical", code, "proposed")
    if head.pos_ == "VERB" and depth < 3:
        outer = verb_modality(head, code, lex, depth + 1)
        if outer.mode in ("hypothetical", "negated") and outer.note not in ("refusal", "refused", "failed to"):
            return Modality("hypothetical", code, outer.note)
    return None


def _clause_verb(token: Token) -> Token:
    """For an adjective governor ('is ready to'), the copula it hangs from carries the auxiliaries."""
    return token.head if token.pos_ == "ADJ" and token.dep_ in ("acomp", "amod") else token


def verb_modality(verb: Token, code: str, lex: Lexicon, depth: int = 0, intended: bool = False) -> Modality:
    """Mode and code of an event whose trigger is a verb (or whose light verb is `verb`, itself an intent when
    `intended`: 'planned a strike')."""
    links, governors = chain(verb)
    govs = [g.lemma_.lower() for g in governors]
    tops = [_clause_verb(t) for t in links]
    auxes = {a for t in tops for a in _auxes(t)} | {a for t in links for a in _auxes(t)}
    negated = any(is_negated(t) for t in links) or any(is_negated(t) for t in tops[1:])
    cooperative = code[:2] in ("02", "03", "04", "05", "06", "07", "08")
    if any(g in FAIL for g in govs):
        return Modality("negated", code, "failed to")
    refused = any(g in REFUSE for g in govs)
    future = bool(auxes & FUTURE_AUX) or (bool(auxes & {"would"}) and _reported(tops[-1]))
    intended = intended or any(g in INTENT or g in COMMIT for g in govs)
    desire = any(g in DESIRE for g in govs)
    if desire and not (_first_person_subject(tops[-1]) and code.startswith(VERBAL_ROOTS)):
        intended = True
    demanded = _demanded(tops[-1])
    if refused or (negated and (future or intended)):
        rejected = lex.recode("reject", code) if cooperative else None
        if demanded:  # "demanded that its partners refuse to recognize X": asked for, not done
            return Modality("hypothetical", rejected or code, "demanded")
        if rejected and verb.lemma_.lower() in ENDURE and not refused:
            return Modality(None, "130", "warning")  # 'will not tolerate any provocation': a warning, not a rejection
        if rejected:
            return Modality(None, rejected, "refusal")
        return Modality("negated", code, "refused" if refused else "negated")
    if negated:
        return Modality("negated", code, "negated")
    conflict = code[:2] in ("14", "15", "16", "17", "18", "19", "20")
    conditional = _conditional(tops[-1]) or _has_condition(tops[-1])
    threatened = any(g in THREATEN for g in govs) or (conflict and (future or intended or (conditional and bool(auxes & HYPOTHETICAL_AUX))))
    if conflict and code[:2] in ("18", "19", "20") and any(g in PREPARE for g in govs) and not future and not conditional:
        return Modality(None, "150", "prepared")  # 'the army prepared to resume shelling': a force made ready (CAMEO 15)
    if threatened:
        # CAMEO codes a stated future coercive or violent action, or one made conditional, as a threat (13x).
        threat = lex.recode("threat", code)
        if threat is None and any(g in THREATEN for g in govs):
            threat = "130"  # "threatened to" something CAMEO has no threat code for: a threat all the same
        return Modality(None, threat or code, "threatened")  # the threat is made: CAMEO's event is the threat
    if demanded:
        return Modality("hypothetical", code, "demanded")
    if (auxes & HYPOTHETICAL_AUX and not future) or conditional:
        return Modality("hypothetical", code, "hypothetical")
    last_verb = next((t for t in reversed(links) if t.pos_ in ("VERB", "AUX")), verb)
    if not (future or intended) and (purpose := _purpose_modality(last_verb, code, lex, depth)) is not None:
        return purpose
    if future or intended:
        intent = lex.recode("intent", code) if cooperative and not code.startswith("03") else None
        return Modality("future", intent or code, "intended" if intended else "future")
    return _stated(code)


def _stated(code: str) -> Modality:
    """An act stated as done; an expressed intent (CAMEO 03: 'agreed to set up', 'pledged to deepen', 'offered aid')
    is done as words but what it promises lies ahead, so its mode is future (as PLOVER's AGREE reads it)."""
    return Modality("future", code, "intent") if code.startswith("03") else Modality(None, code)


def noun_modality(noun: Token, light: Token | None, code: str, lex: Lexicon) -> Modality:
    """Mode and code of an event whose trigger is an event noun, read from its light verb or its modifiers."""
    if light is not None:
        outer = verb_modality(light, code, lex)
        if outer.mode is None and light.lemma_.lower() in INTENT:  # "the strike they were planning", "prepared an attack"
            return verb_modality(light, code, lex, intended=True)
        return outer
    if any(c.dep_ == "amod" and c.lower_ in PLANNED for c in noun.children):
        intent = lex.recode("intent", code) if code[:2] in ("04", "05", "06", "07", "08") else None
        return Modality("future", intent or code, "planned")
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return Modality("negated", code, "negated")
    return _stated(code)
