"""What a sentence says without reporting it as an act: descriptions of a noun, and what an accusation alleges.

A clause that modifies a noun tells the reader who or what the noun is, not what the story
reports as news: a relative clause ("the members of his government, whom they had taken hostage
two weeks ago", "a resolution that aims to impose a blockade") or a reduced one, a participle
standing after its noun ("a lunch hosted by the ambassador", "the channel, disputed by Argentina
and Chile", "rebels fighting to topple the government"). Coders of CAMEO and PLOVER code the
clause that carries the news, so such a clause codes no event of its own, and neither does a verb
that hangs from it (its complement, purpose or conjunct: "fighting to topple").
A noun-modifying clause that is really a sentence's verb, which the parser hung on the only noun it
found ("Doctors from two aid groups donated and delivered goods to X"), still codes its event, and
so does a content clause with a subject of its own ("a statement that three people had been shot").
What an accusation alleges ("accused X of violating rights", "charged four people with preparing
attacks", "an allegation that the NPFL had taken the city") is the claim's content, not a coded fact:
the accusation itself is the event (see alleged).
A gerund after a noun's preposition names what the noun is about ("an Indian proposal for signing a
trade pact", "his commitment to holding elections"): the noun's content, not a second act.
"""

from __future__ import annotations

from spacy.tokens import Token

from .actors import acts_on_something, root_noun

NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})  # "one of its boats, seized by X"
CLAUSE_OWN = frozenset({"nsubj", "nsubjpass", "mark", "aux", "auxpass", "expl"})
UPWARD = frozenset({"xcomp", "conj", "advcl"})  # how a verb hangs from the clause it belongs to
PARTICIPLES = frozenset({"VBN", "VBG"})
MAX_HOPS = 4
# Verbs whose 'of'/'for'/'with' phrase holds what is alleged: 'accused X of violating', 'suspected of blowing up'.
CLAIM_VERBS = frozenset({"accuse", "blame", "suspect", "charge", "indict", "convict", "allege", "fault"})
GROUND_PREPS = frozenset({"of", "for", "with"})
CLAIM_NOUNS = frozenset({"allegation", "accusation", "claim", "charge", "suspicion", "rumour", "rumor"})
ALLEGED_CHAIN = frozenset({"xcomp", "dobj", "conj", "advcl"})  # how an act hangs below the alleging phrase
# Verbs whose grounds ('expelled X for spying') are what the object is said to have done: not the subject's act.
PUNITIVE_VERBS = frozenset({"expel", "arrest", "detain", "sentence", "jail", "imprison", "punish", "fine", "execute",
                            "deport", "prosecute", "try", "sanction", "sue", "condemn", "criticize", "criticise", "denounce"})
SEQUENCE = frozenset({"after", "before", "during", "since", "following", "upon", "on", "by", "despite", "while"})
# Nouns of a message, whose participle states what the message does ('a statement condemning X').
MESSAGES = frozenset({"statement", "declaration", "letter", "resolution", "communique", "message", "note", "appeal",
                      "report", "announcement", "decree", "petition", "motion", "bill", "memorandum", "manifesto"})


def describes(token: Token) -> bool:
    """Whether a verb lies in a clause that only describes a noun (see the module docstring)."""
    node = token
    for _ in range(MAX_HOPS):
        head = node.head
        if head.i == node.i:
            return False
        if node.dep_ == "relcl":
            return True
        if node.dep_ == "acl" and _reduced_relative(node):
            return True
        if node.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ not in SEQUENCE and head.head.pos_ == "NOUN":
            return True  # 'a proposal for signing a pact', 'his commitment to holding elections': the noun's content
        if node.dep_ not in UPWARD or _own_subject(node):
            return False  # a verb with a subject of its own is a clause of its own, however the parser hung it
        node = head
    return False


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _reduced_relative(verb: Token) -> bool:
    """A participle after its noun with no clause of its own: 'a lunch hosted by X', 'rebels fighting Y'; not the
    verb of a verbless parse ('Doctors from X donated goods') nor a clause with its own subject or marker."""
    head = verb.head
    if verb.tag_ not in PARTICIPLES or head.pos_ not in NOMINAL or root_noun(head) is not None:
        return False
    if any(c.dep_ in CLAUSE_OWN for c in verb.children):
        return False
    if verb.tag_ == "VBG" and head.lemma_.lower() in MESSAGES:
        return False  # 'issued a declaration demanding that X ...': the message's act is its issuer's
    if verb.tag_ == "VBN" and acts_on_something(verb):
        return False  # a passive participle takes no object: this one is an active verb the parser misread
    return True


def alleged(token: Token) -> bool:
    """What an accusation alleges ('accused X of violating rights', 'accusing them of helping to plan attacks',
    'charged four people with preparing attacks'): the claim's content, not a coded fact; the accusation itself is
    the event (with the accused as its target)."""
    node = token
    for _ in range(4):
        if _alleged_here(node):
            return True
        if node.dep_ not in ALLEGED_CHAIN or node.head.i == node.i:
            return False
        node = node.head
    return False


def _alleged_here(token: Token) -> bool:
    head = token.head
    if token.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" and head.lemma_.lower() in CLAIM_NOUNS:
        return True  # "an allegation that the NPFL had taken over the city"
    if token.dep_ == "advcl" and token.tag_ == "VBG" and head.lemma_.lower() in CLAIM_VERBS \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return True  # 'accused X of firing at Y, wounding a soldier': the harm is the alleged act's, not the accuser's
    if token.dep_ not in ("pcomp", "pobj") or head.dep_ != "prep" or head.lower_ not in GROUND_PREPS:
        return False
    claimer = head.head
    if claimer.dep_ == "acl" and claimer.tag_ == "VBN":
        claimer = claimer.head  # 'expelled two diplomats based in Geneva [for spying]': the grounds reach past the participle
    if claimer.dep_ == "dobj" and claimer.pos_ in ("NOUN", "PROPN", "PRON"):
        claimer = claimer.head  # 'accused Azerbaijani forces [of firing]': the parse hangs the grounds on the accused
    return claimer.lemma_.lower() in CLAIM_VERBS or (head.lower_ == "for" and claimer.lemma_.lower() in PUNITIVE_VERBS)
