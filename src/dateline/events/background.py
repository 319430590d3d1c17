"""What a sentence says only to describe someone or something: background, not an event it reports.

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

