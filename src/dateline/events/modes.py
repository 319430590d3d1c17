"""Modality of an event: stated as fact, future or intended, negated, hypothetical; and the code it then takes.

Read from the parse around the trigger, never from the raw text:
- future: a future auxiliary ("will meet", "'ll"), "would" in reported speech ("said it would
  allow"), or an intent governor ("is planning to visit", "intends to", "is ready to", "agreed
  to"). A cooperative action (CAMEO 04-08) stated as intended takes CAMEO's intent code (03x:
  "plans to visit" → 036), as CAMEO prescribes; the mode stays `future`.
- negated: `not`/`never`/`n't` on the verb or its governor, "no" on its object ("will support no
  attempts"), or "failed to". A cooperative action refused or negated as a commitment ("refused
  to allow", "will not meet", "will support no attempts") is itself a rejection: it is coded as
  CAMEO's 12x code for that action, with no mode, and never as the positive event. A negated
  fact ("did not meet") keeps its code with mode `negated`.
- hypothetical: "could", "might", "may", "should", "must", "would" outside reported speech, or
  a clause under "if"/"unless".
- threatened conflict ("threatened to impose sanctions") takes CAMEO's threat code (13x).
`historical` is decided from the event's date (see when.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .lexicon import Lexicon

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "ll"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "should", "must", "would", "ought"})
INTENT = frozenset({"go", "plan", "intend", "prepare", "aim", "expect", "schedule", "set", "due", "going", "poised",
                    "ready", "willing", "prepared", "determined", "likely", "about", "propose", "mean"})
COMMIT = frozenset({"agree", "offer", "promise", "pledge", "vow", "commit", "undertake", "volunteer", "consent"})
REFUSE = frozenset({"refuse", "decline", "reject", "unwilling", "reluctant"})
THREATEN = frozenset({"threaten"})
DESIRE = frozenset({"want", "wish", "hope", "seek", "like"})
ATTEMPT = frozenset({"try", "attempt", "strive", "endeavour", "endeavor", "continue", "begin", "start", "resume", "decide"})
FAIL = frozenset({"fail", "neglect"})
GOVERNORS = INTENT | COMMIT | REFUSE | THREATEN | DESIRE | FAIL | ATTEMPT
SPEECH = frozenset({"say", "tell", "announce", "declare", "state", "add", "stress", "note", "claim", "report",
                    "insist", "confirm", "indicate", "reply", "explain", "write", "warn", "assure", "reiterate"})
CONDITIONAL = frozenset({"if", "unless", "whether"})
DEMAND_VERBS = frozenset({"demand", "urge", "ask", "call", "request", "insist", "press", "pressure", "appeal", "order",
                          "require", "want", "plead", "beg", "encourage", "invite", "advise", "recommend"})
PLANNED = frozenset({"planned", "proposed", "upcoming", "forthcoming", "expected", "possible", "future",
                     "scheduled", "prospective", "potential", "intended"})
VERBAL_ROOTS = ("01", "02", "05", "10", "11", "12")
FIRST_PERSON = frozenset({"i", "we"})


@dataclass(slots=True)
class Modality:
    """The mode of an event and the code it takes once its modality is read."""

    mode: str | None
    code: str
    note: str | None = None


def governor(verb: Token) -> Token | None:
    """The verb or adjective that governs an infinitive complement ("plans to visit" → plan)."""
    head = verb.head
    if verb.dep_ in ("xcomp", "acl") and head.lemma_.lower() in GOVERNORS:
        return head if head.lemma_.lower() != "go" or head.lower_ == "going" else None
    return None


def _auxes(verb: Token) -> list[str]:
    return [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]


def _negated(token: Token) -> bool:
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
    """Whether the clause is what someone demands or urges ('demanded that X end curbs', 'urged X to support')."""
    head = verb.head
    if head.lemma_.lower() not in DEMAND_VERBS:
        return False
    if verb.dep_ == "ccomp":
        return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    return verb.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in head.children)


def _first_person_subject(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in verb.children)


def _chain(verb: Token) -> list[Token]:
    """The verb and the governors above it ("will try to begin to ..."), nearest first."""
    chain = [verb]
    while (gov := governor(chain[-1])) is not None and len(chain) < 4:
        chain.append(gov)
    return chain


def _clause_verb(token: Token) -> Token:
    """For an adjective governor ('is ready to'), the copula it hangs from carries the auxiliaries."""
    return token.head if token.pos_ == "ADJ" and token.dep_ in ("acomp", "amod") else token


def verb_modality(verb: Token, code: str, lex: Lexicon) -> Modality:
    """Mode and code of an event whose trigger is a verb."""
    chain = _chain(verb)
    govs = [g.lemma_.lower() for g in chain[1:]]
    tops = [_clause_verb(t) for t in chain]
    auxes = {a for t in tops for a in _auxes(t)} | {a for t in chain for a in _auxes(t)}
    negated = any(_negated(t) for t in chain) or any(_negated(t) for t in tops[1:])
    cooperative = code[:2] in ("02", "03", "04", "05", "06", "07", "08")
    if any(g in FAIL for g in govs):
        return Modality("negated", code, "failed to")
    refused = any(g in REFUSE for g in govs)
    future = bool(auxes & FUTURE_AUX) or (bool(auxes & {"would"}) and _reported(tops[-1]))
    intended = any(g in INTENT or g in COMMIT for g in govs)
    desire = any(g in DESIRE for g in govs)
    if desire and not (_first_person_subject(tops[-1]) and code.startswith(VERBAL_ROOTS)):
        intended = True
    if refused or (negated and (future or intended)):
        rejected = lex.recode("reject", code) if cooperative else None
        if rejected:
            return Modality(None, rejected, "refusal")
        return Modality("negated", code, "refused" if refused else "negated")
    if negated:
        return Modality("negated", code, "negated")
    conflict = code[:2] in ("14", "15", "16", "17", "18", "19", "20")
    conditional = _conditional(tops[-1]) or _has_condition(tops[-1])
    threatened = any(g in THREATEN for g in govs) or (conflict and (future or intended or (conditional and bool(auxes & HYPOTHETICAL_AUX))))
    if threatened:
        # CAMEO codes a stated future coercive or violent action, or one made conditional, as a threat (13x).
        threat = lex.recode("threat", code)
        if threat is None and any(g in THREATEN for g in govs):
            threat = "130"  # "threatened to" something CAMEO has no threat code for: a threat all the same
        return Modality("future", threat or code, "threatened")
    if _demanded(tops[-1]):
        return Modality("hypothetical", code, "demanded")
    if (auxes & HYPOTHETICAL_AUX and not future) or conditional:
        return Modality("hypothetical", code, "hypothetical")
    if future or intended:
        intent = lex.recode("intent", code) if cooperative and not code.startswith("03") else None
        return Modality("future", intent or code, "intended" if intended else "future")
    return Modality(None, code)


def noun_modality(noun: Token, light: Token | None, code: str, lex: Lexicon) -> Modality:
    """Mode and code of an event whose trigger is an event noun, read from its light verb or its modifiers."""
    if light is not None:
        return verb_modality(light, code, lex)
    if any(c.dep_ == "amod" and c.lower_ in PLANNED for c in noun.children):
        intent = lex.recode("intent", code) if code[:2] in ("04", "05", "06", "07", "08") else None
        return Modality("future", intent or code, "planned")
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return Modality("negated", code, "negated")
    return Modality(None, code)
