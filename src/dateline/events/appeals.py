"""Appeals and demands: the speech act is the event; what it asks for only makes its code more specific.

CAMEO codes "urged Ankara to release all journalists" as one event, an appeal for the release of
persons (0253), from the EU to Turkey: the release has not happened, and coding it (even as
hypothetical) would put an act that nobody did into the data. So an act in the complement of a
verb of appeal or demand ("urged / called on / asked / pressed X to ...", "demanded that X ...",
"encouraged X to ...") joins the appeal: it lends the appeal the CAMEO code for asking for that
kind of act (data/extensions.tsv, kinds `appeal` and `demand`: 0253 for a release, 026 for talks,
1042 for a change of policy, ...) and is not coded itself. An event noun asked for ("called for
talks") refines the code the same way. A refused or negated act asked for ("demanded that X refuse
to recognize Y") leaves the plain code (020, 100): CAMEO has no code for asking someone not to act.

CAMEO also reads a speaker's "X must do Y" as a demand on X (100): the event is the demand, from
the speaker to X, coded on the demanded act's own words ("must withdraw this reform": 1042), which
is where a reader finds it in a quote.

Verbs that CAMEO files under other blocks but that ask someone to act when they govern an
infinitive ("encouraged firms to invest": CAMEO's own ENCOURAGE * INVESTMENT is 0211) take the
appeal block (020); "pressured X to cancel a strike", coercion (170) for CAMEO, demands an act: 10x. "invited X to visit" stays an invitation (its CAMEO code), the visit joined to it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from . import modes
from .actors import is_pronoun

if TYPE_CHECKING:
    from .coder import Candidate
    from .lexicon import Lexicon

APPEAL_ROOT, DEMAND_ROOT = "02", "10"
PLAIN = {APPEAL_ROOT: "020", DEMAND_ROOT: "100"}
# Verbs coded elsewhere by CAMEO that are appeals when they govern an act ('encouraged X to invest').
ASKING = frozenset({"encourage", "advise", "recommend", "persuade", "exhort", "implore", "entreat"})
INVITING = frozenset({"invite"})
# Verbs CAMEO codes as coercion (IMPEL: 170) that demand an act when they govern one ('pressured X to cancel').
PRESSING = frozenset({"pressure", "pressurise", "pressurize"})
SUBJECT_PRONOUNS = frozenset({"we", "i", "it", "they"})


def requester(verb: Token) -> Token | None:
    """The verb of appeal or demand whose complement holds this verb ('urged X to [release]', 'demanded that X
    [release]', 'urged X to stop Y and [return]'), or None."""
    node = verb
    for _ in range(4):
        head = node.head
        shared = node.dep_ == "conj" and head.pos_ == "VERB" and not _own_subject(node) and node.tag_ not in modes.FINITE_TAGS
        governed = node.dep_ == "xcomp" and head.lemma_.lower() in modes.GOVERNORS and head.lemma_.lower() not in modes.DEMAND_VERBS
        if not (shared or governed):  # 'to stop X and [return]', 'demanded that X refuse to [recognize]'
            break
        node = head
    head = node.head
    if head.i == node.i or head.pos_ != "VERB":
        return None
    lemma = head.lemma_.lower()
    if lemma not in modes.DEMAND_VERBS and lemma not in ASKING and lemma not in PRESSING:
        return None
    if node.dep_ == "xcomp" or (node.dep_ == "advcl" and _to_infinitive(node)):
        return head
    if node.dep_ == "ccomp" and _own_subject(node):
        return head
    return None


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _to_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _declined(verb: Token) -> bool:
    """Whether the act asked for is refused, failed or negated ('refuse to recognize', 'not to attend')."""
    chain, governors = modes.chain(verb)
    return any(modes.is_negated(t) for t in chain) or any(g.lemma_.lower() in modes.REFUSE | modes.FAIL for g in governors)


def _family(outer: Candidate) -> str | None:
    """The CAMEO block an asking verb's event falls in: appeal (02) or demand (10); None for an invitation."""
    root = outer.code[:2]
    if root in PLAIN:
        return root
    lemma = outer.trigger.lemma_.lower()
    if lemma in ASKING:
        return APPEAL_ROOT
    if lemma in PRESSING:
        return DEMAND_ROOT
    return None


def _refine(outer: Candidate, family: str, asked: str, rule: str, lex: Lexicon) -> None:
    """Give the asking event the code for asking for this kind of act, when its own code is the plain one."""
    kind = "appeal" if family == APPEAL_ROOT else "demand"
    if outer.code[:2] != family:  # an asking verb coded elsewhere by CAMEO ('encourage': 051)
        outer.code = outer.base = PLAIN[family]
    if outer.code == PLAIN[family] and (specific := lex.recode(kind, asked)):
        outer.code = outer.base = specific
    outer.rule = f"{outer.rule}+{kind}:{rule}"


def absorb_requests(by_token: dict[int, Candidate], lex: Lexicon) -> None:
    """Acts asked for join the appeal or demand that asks for them (see the module docstring)."""
    for i, cand in sorted(by_token.items()):
        verb = cand.trigger if cand.kind == "verb" else cand.light  # 'urged X to hold talks': the light verb is asked
        if i not in by_token or verb is None:
            continue
        asker = requester(verb)
        outer = by_token.get(asker.i) if asker is not None else None
        if outer is None or outer is cand:
            continue
        family = _family(outer)
        if family is None and asker.lemma_.lower() not in INVITING:
            continue
        if family is not None:
            _refine(outer, family, "" if _declined(verb) else cand.code, cand.rule, lex)
        else:
            outer.rule = f"{outer.rule}+invited:{cand.rule}"
        del by_token[i]
    for cand in by_token.values():
        if cand.kind == "verb" and "+appeal:" not in cand.rule and "+demand:" not in cand.rule:
            family = _family(cand)
            if family is not None and (noun := _asked_noun(cand.trigger, lex)) is not None:
                _refine(cand, family, noun[0], f"noun:{noun[1]}", lex)
            elif family is not None and cand.code[:2] != family and _asks_an_act(cand.trigger):
                _refine(cand, family, "", "act", lex)  # 'pressured X to cancel the strike': a demand all the same


def _asks_an_act(verb: Token) -> bool:
    return any(c.dep_ == "xcomp" and _to_infinitive(c) for c in verb.children)


def _asked_noun(verb: Token, lex: Lexicon) -> tuple[str, str] | None:
    """The code and lemma of an event noun asked for: 'called for talks', 'demanded negotiations'."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "for" for o in p.children if o.dep_ == "pobj"]
    for obj in objects:
        senses = lex.nouns.get(obj.lemma_.lower())
        if senses and not any(c.dep_ == "det" and c.lower_ == "no" for c in obj.children):
            return senses[-1].code, obj.lemma_.lower()
    return None


def speech_demands(speech: list[Token], by_token: dict[int, Candidate], lex: Lexicon) -> None:
    """'X said Y must do Z': CAMEO reads a speaker's 'must'/'should' about another party as a demand (10x). The act
    demanded carries the demand (its words are where the demand stands); without a coded act the speech verb does."""
    from .coder import Candidate

    for token in speech:
        if token.i in by_token:
            continue
        for clause in (c for c in token.children if c.dep_ == "ccomp"):
            if not any(a.dep_ == "aux" and a.lower_ in ("must", "should") for a in clause.children):
                continue
            subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and not (c.lower_ in SUBJECT_PRONOUNS and is_pronoun(c))]
            if not subjects:
                continue
            targets = [[t for s in subjects for t in (s, *[c for c in s.children if c.dep_ == "conj"])]]
            inner = by_token.get(clause.i)
            if inner is not None and inner.kind == "verb":
                asked = "" if _declined(clause) else inner.code
                code = lex.recode("demand", asked) or PLAIN[DEMAND_ROOT]
                inner.code = inner.base = code
                inner.rule = f"dateline:speech+must+demand:{inner.rule}"
                inner.speaker = token
                inner.targets = targets
                for conj in (c for c in clause.children if c.dep_ == "conj"):
                    by_token.pop(conj.i, None)  # 'must withdraw this reform and sit down with us': one demand
                continue
            cand = Candidate(token, PLAIN[DEMAND_ROOT], "dateline:speech+must", "verb", base=PLAIN[DEMAND_ROOT])
            cand.targets = targets
            by_token[token.i] = cand
