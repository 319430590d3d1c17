"""Source and target of an event from the dependency parse, resolved to entities and actor codes.

Verbs: the subject is the source and the object the target; in the passive the subject is the
target and the `by` agent the source; an infinitive, participle or conjoined verb without a
subject takes its governor's ("after meeting X": the one who said so met X); a relative pronoun
stands for the noun it modifies; an unresolved pronoun in the complement of a speech verb is the
speaker, and "I"/"we" inside a quote are the quote's speaker. A target is the object when it
names an actor, else a prepositional object ("talks with X", "sanctions on X"), else the owner of
the object ("supports Serbia's position", "the policy Serbia pursues"). Event nouns take their
possessor or `by` phrase as source ("the Serbian prime minister's visit"), their listed
prepositions as target ("visit to Moscow"), or the subject of their light verb ("held talks").
Conjoined actors ("Russia and Serbia") each get their own event (see coder.pairs).
"""

from __future__ import annotations

from typing import Callable

from spacy.tokens import Token

from ..mentions import MentionIndex
from ..model import Actor, Article, EventActor, Quote
from .context import antecedents, country_of, owner_pronoun, place_sector, with_country
from .where import lookup, place_phrase

SUBJECTS = frozenset({"nsubj", "csubj", "expl"})
FINITE = frozenset({"VBD", "VBZ", "VBP"})  # tensed forms: never a participle, whatever the parser hung them on
INHERIT = frozenset({"xcomp", "conj", "pcomp", "advcl", "acl", "ccomp", "relcl", "acomp"})
RELATIVE = frozenset({"which", "that", "who", "whom", "whose"})
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "its", "their", "his", "her", "our", "my", "them", "him", "us"})
FIRST_PERSON = frozenset({"i", "we", "our", "my", "us"})
TARGET_PREPS = ("with", "to", "against", "on", "upon", "toward", "towards", "into", "at", "for", "from", "over", "between")
ACTOR_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
TRANSNATIONAL = frozenset({"IGO", "NGO", "IMG", "MNC", "UAF", "ISM"})
PHRASE_CUT = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "advcl"})
SEQUENCE_PREPS = frozenset({"after", "before", "during", "following"})
COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
HEAD_OF_STATE = ("President", "Vice President", "Vice-President")
SPEECH_HEADS = frozenset({"say", "tell", "announce", "declare", "state", "add", "stress", "claim", "insist", "confirm", "report"})

Coder = Callable[[object, str | None], Actor | None]


def is_pronoun(token: Token) -> bool:
    """Whether a token is a personal pronoun ('it', 'us'), not a name spelt like one ('the US')."""
    return token.lower_ in PRONOUNS and (token.pos_ == "PRON" or not token.text.isupper() or token.text == "I")


def _stage_coder(name: str) -> Callable | None:
    """A phrase coder of the entity stage ('code_phrase', 'code_phrase_all'), when this build has it."""
    from .. import actors as stage

    found = getattr(stage, name, None)
    if found is None:
        try:
            from ..actors import resolve as stage_resolve  # type: ignore[attr-defined]
        except ImportError:
            return None
        found = getattr(stage_resolve, name, None)
    return found


class ActorResolver:
    """Turns the head of a noun phrase into an EventActor, once per article's index of mentions."""

    def __init__(self, article: Article, date: str | None) -> None:
        self.article = article
        self.mentions = MentionIndex(article)
        self.dateline = article.structure.dateline if article.structure else None
        from .lexicon import load

        self.non_actors = load().non_actors
        self.date = date
        self.code_phrase = _stage_coder("code_phrase")
        self.code_phrase_all = _stage_coder("code_phrase_all")

    @staticmethod
    def phrase(head: Token) -> tuple[int, int]:
        """Token range a head stands for: its modifiers and 'of' phrase, not relative clauses, appositions or conjuncts."""
        left = right = head.i
        for child in head.children:
            if child.dep_ in PHRASE_CUT or (child.dep_ == "prep" and child.lower_ != "of"):
                continue
            left, right = min(left, child.left_edge.i), max(right, child.right_edge.i)
        return left, right + 1

    def resolve(self, head: Token, quote: Quote | None = None, depth: int = 0) -> EventActor | None:
        """The actor a phrase names (see _named), its code completed from the sentence (see context.py)."""
        if self.dateline is not None and self.dateline.start <= head.idx < self.dateline.end:
            return None  # 'NAIROBI, Kenya (AP) -': where the story was filed, not who acts
        actor = self._named(head, quote)
        if actor is None or actor.code is None:
            return actor
        code = place_sector(head, actor.code)
        if country_of(code) is None and owner_pronoun(head) is not None and depth < 2:
            for ante in antecedents(head):
                found = self.resolve(ante, quote, depth + 1)
                if found is not None and (country := country_of(found.code)):
                    code = with_country(code, country)
                    break
        if code != actor.code:
            actor = EventActor(actor.text, code, actor.entity, actor.span)
        return actor

    def _named(self, head: Token, quote: Quote | None) -> EventActor | None:
        """The actor a phrase names: an entity's code, else the phrase coder's, else a gazetteer place's country."""
        doc = head.doc
        start, end = self.phrase(head)
        span = doc[start:end]
        if quote is not None and head.lower_ in FIRST_PERSON and is_pronoun(head) and quote.speaker_entity:
            ent = self.article.entity(quote.speaker_entity)
            if ent is not None:
                return EventActor(text=head.text, code=ent.actor.code if ent.actor else None, entity=ent.id,
                                  span=self.article.span(head.idx, head.idx + len(head)))
        entity = self.mentions.at(span.start_char, span.end_char, head.idx)
        if entity is not None and head.pos_ == "NOUN" and self.code_phrase is not None and not self._holds(entity, head):
            # "the Peruvian president": the mention found is Peru's, a modifier; the phrase is the president
            actor = self.code_phrase(span, self.date)
            if actor is not None and actor.sector is not None:
                return EventActor(text=span.text, code=actor.code, span=self.article.span(span.start_char, span.end_char))
        code = entity.actor.code if entity is not None and entity.actor is not None else None
        if code is not None and country_of(code) is None and self.code_phrase is not None and span.end - span.start > 1:
            # "Turkey's Foreign Ministry": the mention names a ministry, the phrase whose it is
            whole = self.code_phrase(span, self.date)
            if whole is not None and country_of(whole.code) is not None and whole.code.endswith(code):
                code = whole.code
        if code is not None and len(code) == 3 and head.tag_ in ("NNS", "NNPS") and self.code_phrase is not None:
            # "up to 1,000 ethnic Turks", "Bosnian Serbs": a people, where the mention's entity is its country
            people = self.code_phrase(span, self.date)
            if people is not None and "people" in (people.rule or ""):
                return EventActor(text=span.text, code=people.code, span=self.article.span(span.start_char, span.end_char))
        if code is None and self.code_phrase is not None and not is_pronoun(head):
            actor = self.code_phrase(span, self.date)
            code = actor.code if actor is not None else None
        if code is None and entity is not None and entity.type == "PERSON" and _head_of_state(self.article.text, entity):
            code = "GOV"  # 'President Samuel Kiprono': a head of state, whose state the story's dateline says (localise)
        if code is None and (name := place_phrase(head)) and (place := lookup(name)):
            code = place.country
        if code is not None and len(code) == 3 and entity is not None and entity.type == "PERSON":
            # "Kenzo Oshima, the UN relief coordinator,": CAMEO codes a person by the role the text gives
            for appos in (c for c in head.children if c.dep_ == "appos"):
                if (role := self.resolve(appos, quote)) is not None and role.code and len(role.code) > 3:
                    return EventActor(span.text, role.code, entity.id, self.article.span(span.start_char, span.end_char))
        if code is None:
            for appos in (c for c in head.children if c.dep_ == "appos"):
                if (named := self.resolve(appos, quote)) is not None and named.code:
                    # "Kenya's neighbour, Uganda," is Uganda; "Ana Pop, Moldova's envoy," takes the envoy's code
                    return named if entity is None else EventActor(span.text, named.code, entity.id,
                                                                   self.article.span(span.start_char, span.end_char))
            if entity is None and not self._nameable(head):
                return None
        return EventActor(text=span.text, code=code, entity=entity.id if entity else None,
                          span=self.article.span(span.start_char, span.end_char))

    def resolve_all(self, head: Token, quote: Quote | None = None) -> list[EventActor]:
        """Like resolve, but a phrase whose modifiers are conjoined ('Hungarian and Romanian officials') gives one actor each."""
        joined = any(c.dep_ in ("amod", "compound") and any(g.dep_ == "conj" for g in c.children) for c in head.children) \
            or (head.pos_ == "NOUN" and any(o.dep_ == "pobj" and any(g.dep_ == "conj" for g in o.children)
                                            for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                                            for o in p.children))  # 'the commissions of Armenia and Azerbaijan'
        if joined and self.code_phrase_all is not None:
            start, end = self.phrase(head)
            span = head.doc[start:end]
            actors = self.code_phrase_all(span, self.date) or []
            if len(actors) > 1:
                where = self.article.span(span.start_char, span.end_char)
                return [EventActor(text=span.text, code=a.code, entity=None, span=where) for a in actors]
        actor = self.resolve(head, quote)
        return [actor] if actor is not None else []

    @staticmethod
    def _holds(entity, head: Token) -> bool:
        """Whether one of the entity's mentions covers the phrase's head word."""
        return any(m.start <= head.idx < m.end for m in entity.mentions)

    @staticmethod
    def _nameable(head: Token) -> bool:
        """Whether an uncoded phrase may still stand as an actor: a name or a common noun, not a pronoun or a thing-word."""
        return head.ent_type_ in ACTOR_ENTS or head.pos_ == "PROPN"


def non_actor(head: Token, words: frozenset[str]) -> bool:
    """Whether a phrase names no political actor, so cannot be an event's source: a market, price or currency
    ('Investors cheered', 'the shilling recovered'), weather ('a storm battered'), a facility ('Brussels Airport
    cancelled flights'), a team or player, also by the title before a name ('Brazil coach X admitted')."""
    if head.lemma_.lower() in words or head.lower_ in words:
        return True
    return head.ent_type_ == "PERSON" and any(c.dep_ == "compound" and c.lemma_.lower() in words for c in head.children)


def _head_of_state(text: str, entity) -> bool:
    """Whether a person is titled 'President' (capitalised, right before a mention): in news style the title of a
    head of state; a firm's president is 'X, president of Y'."""
    return any(text[max(0, m.start - 16): m.start].rstrip().endswith(HEAD_OF_STATE) for m in entity.mentions)


def titled_non_actor(text: str, entity, words: frozenset[str]) -> bool:
    """Whether a person is introduced by a title that is no political office ('Brazil coach X'): also when a
    pronoun ('he said he would not resign') stands for them."""
    return entity is not None and entity.type == "PERSON" and any(
        (text[max(0, m.start - 12): m.start].split() or [""])[-1].lower() in words
        for m in entity.mentions if m.text[:1].isupper() and m.text.lower() not in PRONOUNS)


def conjuncts(head: Token) -> list[Token]:
    """A phrase head and the heads conjoined with it ("Russia and Serbia" → [Russia, Serbia])."""
    out = [head]
    for child in head.children:
        if child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN", "PRON"):
            out.extend(conjuncts(child))
    return out


def _relative_antecedent(token: Token) -> Token:
    """'which'/'who' as subject of a relative clause stands for the noun it modifies: the nearest name before it
    inside that noun's phrase, since the parser often hangs the clause on the phrase's head ('a seat at the UN, which')."""
    if token.lower_ not in RELATIVE or token.head.dep_ != "relcl":
        return token
    antecedent = token.head.head
    for cand in reversed(token.doc[antecedent.left_edge.i: token.i]):
        if cand.pos_ == "PROPN" and cand.ent_type_ in ACTOR_ENTS and cand.dep_ != "compound":
            return cand
    return antecedent


def subject_of(verb: Token, depth: int = 0) -> tuple[list[Token], bool]:
    """Heads of the verb's acting subject (and whether it came from a passive agent), inherited where missing."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    for child in verb.children:
        if child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return conjuncts(objs[0]), True
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS and c.lower_ not in ("there",)]
    if subjects:
        return [_relative_antecedent(h) for h in conjuncts(_acting_subject(subjects, verb))], False
    if passive or depth > 3 or verb.head.i == verb.i:
        return [], False
    head = verb.head
    if verb.dep_ in INHERIT or head.dep_ == "prep":
        if head.pos_ == "ADP":
            head = head.head
        if verb.dep_ in ("acl", "xcomp") and head.pos_ in ("NOUN", "PROPN"):  # an xcomp on a noun is its acl misparsed
            owner = [c for c in head.children if c.dep_ == "poss" and not is_pronoun(c)] or prep_objects(head, ("by",))
            if owner and _to_infinitive(verb):  # "Washington's decision to send", "efforts by X to hold talks"
                return [_relative_antecedent(h) for h in conjuncts(owner[0])], False
            if verb.tag_ == "VBG" and can_act(head):
                return [_relative_antecedent(h) for h in conjuncts(head)], False  # "rebels fighting the army"
            if head.dep_ in ("dobj", "attr", "pobj") and head.head.pos_ in ("VERB", "AUX"):
                return subject_of(head.head, depth + 1)
            if (root := root_noun(head)) is not None and (verb.tag_ in FINITE or acts_on_something(verb)):
                return conjuncts(root), False  # a verbless parse: "Nurses from X donated and delivered supplies"
            return [], False
        if verb.dep_ == "relcl":
            return [], False
        if verb.dep_ == "ccomp" and head.lemma_.lower() not in SPEECH_HEADS:
            return [], False
        if verb.dep_ == "conj":
            # "X was indicted by Y and will resign": the conjunct shares the grammatical subject, not the agent
            shared = [c for c in head.children if c.dep_ == "nsubjpass"]
            if shared:
                return [_relative_antecedent(h) for h in conjuncts(shared[0])], False
        return subject_of(head, depth + 1)
    return [], False


def _acting_subject(subjects: list[Token], verb: Token) -> Token:
    """The subject that acts when the parser found several: the one nearest the verb ('NAIROBI (AP) - Parliament
    rejected', '..., police spokesman X said'), unless commas set it off as an apposition of the first ('Members of
    the association, a body linked to the AU, investigated')."""
    before = [s for s in subjects if s.i < verb.i]
    if len(before) < 2:
        return subjects[0]
    last = before[-1]
    if any(t.text == "," for t in verb.doc[last.right_edge.i: verb.i]):  # the phrase, or what follows it, ends in a comma
        return before[0]
    return last


def _to_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def can_act(noun: Token) -> bool:
    """Whether a noun names someone who can act: a name, or an agent word ('rebels'), not 'a declaration'."""
    if noun.ent_type_ in ACTOR_ENTS:
        return True
    from ..actors import lexicon

    return any(e.table == "agent" for e in lexicon.get().get(noun.lemma_.lower()))


def root_noun(noun: Token) -> Token | None:
    """The noun heading a sentence the parser found no verb for, when this noun is (inside) its phrase."""
    while noun.dep_ in ("pobj", "prep") and noun.head.i != noun.i:
        noun = noun.head
    return noun if noun.dep_ == "ROOT" and noun.pos_ in ("NOUN", "PROPN") else None


def acts_on_something(verb: Token) -> bool:
    """Whether a participle the parser hung on the sentence's root noun is really its active verb: it (or a verb
    conjoined to it) has an object, which a passive participle ('Troops killed in raid') never has."""
    verbs = [verb, *[c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]]
    return any(c.dep_ in ("dobj", "dative") for v in verbs for c in v.children)


def speech_subject(verb: Token) -> list[Token]:
    """The subject of the speech verb whose complement holds this verb, for pronoun subjects ('X said it would')."""
    head = verb
    for _ in range(4):
        if head.dep_ == "ccomp" and head.head.lemma_.lower() in SPEECH_HEADS:
            subj, _ = subject_of(head.head)
            return subj
        if head.head.i == head.i:
            break
        head = head.head
    return []


def passive_target(verb: Token) -> list[Token]:
    """The grammatical subject of a passive verb, which undergoes the event."""
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            return [_relative_antecedent(h) for h in conjuncts(child)]
    return []


def prep_map(head: Token) -> dict[str, list[Token]]:
    """The head's prepositions and their objects (with conjuncts), times left out, in one walk of its children."""
    found: dict[str, list[Token]] = {}
    for child in head.children:
        if child.dep_ == "prep" or (child.dep_ == "dative" and child.pos_ == "ADP"):  # 'sent X to Y': 'to' parsed as dative
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.ent_type_ not in ("DATE", "TIME"):
                    found.setdefault(child.lower_, []).extend(conjuncts(obj))
    return found


def prep_objects(head: Token, preps: tuple[str, ...]) -> list[Token]:
    """Objects of the head's prepositions, in the order of the given prepositions."""
    found = prep_map(head)
    return [t for p in preps for t in found.get(p, [])]


def owners(noun: Token) -> list[Token]:
    """Whose thing a noun names: its possessor, a name or nationality modifying it, a relative clause's subject,
    its doer ('crimes by X', 'the demonstration staged by X'), 'of X'."""
    out: list[Token] = []
    for child in noun.children:
        if child.dep_ == "poss":
            out.extend(conjuncts(child))
    for child in noun.children:
        if child.dep_ in ("compound", "amod") and (child.ent_type_ in ("GPE", "NORP", "ORG") or child.pos_ == "PROPN"):
            out.append(child)
    for child in noun.children:
        if child.dep_ == "relcl":
            out.extend(h for c in child.children if c.dep_ == "nsubj" for h in conjuncts(c))
    out.extend(prep_objects(noun, ("by",)))
    for child in noun.children:
        if child.dep_ == "acl":
            out.extend(h for a in child.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"
                       for h in conjuncts(o))
    out.extend(prep_objects(noun, ("of",)))
    return out


def reflexive(noun: Token) -> bool:
    """Whether a noun is owned by a pronoun and names no one else ('its forces', 'their envoy'): the doer's own,
    seldom what it acts on ('our Serbian friends' names Serbia, so it stays)."""
    owned = any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our", "my") for c in noun.children)
    return owned and not any(c.dep_ in ("amod", "compound") and (c.ent_type_ in ("GPE", "NORP", "ORG") or c.pos_ == "PROPN")
                             for c in noun.children)


def verb_targets(verb: Token, pattern_target: Token | None, depth: int = 0) -> list[list[Token]]:
    """Candidate target groups for a verb event, best first; the coder keeps the first that names an actor."""
    groups: list[list[Token]] = []
    if pattern_target is not None:
        groups.append(conjuncts(pattern_target))
    if passive := passive_target(verb):
        groups.append(passive)
    objects = [c for c in verb.children if c.dep_ in ("dative", "dobj", "attr", "oprd")
               or (c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.i > verb.i and c.ent_type_ not in ("DATE", "TIME"))]
    objects.sort(key=lambda c: c.dep_ != "dative")
    groups.extend(conjuncts(obj) for obj in objects if not reflexive(obj))
    for xcomp in (c for c in verb.children if c.dep_ == "xcomp"):  # "ordered X to appear" parsed with X as appear's subject
        groups.extend(conjuncts(s) for s in xcomp.children if s.dep_ == "nsubj" and not is_pronoun(s))
    by_prep = prep_map(verb)
    groups.extend(by_prep[p] for p in TARGET_PREPS if p in by_prep)
    for obj in objects:
        if objs := prep_objects(obj, TARGET_PREPS):
            groups.append(objs)
        if own := owners(obj):
            groups.append(own)
    groups.extend(conjuncts(obj) for obj in objects if reflexive(obj))  # "strengthened its forces in X": X first
    for obj in (o for p in TARGET_PREPS for o in by_prep.get(p, ())):  # "reneged on its pledge to X", "ended talks with Y's envoy"
        groups.extend(g for g in (prep_objects(obj, TARGET_PREPS), owners(obj)) if g)
    if depth < 1:  # 'approved a law recognizing the opposition's victories', 'rejected an invitation to attend X's meeting'
        for clause in (c for obj in objects for c in obj.children if c.dep_ == "acl" and c.pos_ == "VERB"):
            groups.extend(verb_targets(clause, None, depth + 1))
    return groups


def protested(verb: Token) -> list[list[Token]]:
    """Whom a protest is against when the act itself names nobody: 'began a hunger strike to protest (against) X',
    'staged a strike in protest against X' (X, or whose X is: 'Sweden's decision', 'violations by the police')."""
    things: list[Token] = []
    for child in verb.children:
        if child.dep_ in ("advcl", "xcomp") and child.lemma_.lower() == "protest":
            things.extend(c for c in child.children if c.dep_ == "dobj")
            things.extend(prep_objects(child, ("against", "at", "over")))
        elif child.dep_ == "prep" and child.lower_ == "in":
            for noun in (o for o in child.children if o.dep_ == "pobj" and o.lemma_.lower() == "protest"):
                things.extend(prep_objects(noun, ("against", "at", "over", "of")))
    groups: list[list[Token]] = []
    for thing in things:
        groups.append(conjuncts(thing))
        if own := owners(thing):
            groups.append(own)
    return groups


def phrase_objects(verb: Token, limit: int = 15) -> list[list[Token]]:
    """Nouns of the verb's own phrase after it, nearest first: the last resort for a target when the parse hangs
    the object somewhere odd ('kidnapped up to 16 advisers' parses 'advisers' under 'up to')."""
    out = []
    doc = verb.doc
    for tok in doc[verb.i + 1: min(verb.i + 1 + limit, verb.sent.end)]:
        named = tok.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") and tok.dep_ in ("poss", "compound", "amod", "nmod")
        if named and tok.head.pos_ == "NOUN" and tok.head.i > tok.i:
            tok = tok.head  # "deliberations with the Nigerian government": the government, not 'Nigerian'
        if not named and (tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in ("dobj", "pobj", "dative", "attr")):
            continue
        head, local = tok.head, True
        while head.i != verb.i:
            if head.pos_ in ("VERB", "AUX") or head.dep_ in ("relcl", "acl", "advcl", "ccomp") or head.head.i == head.i \
                    or (head.dep_ == "prep" and head.lower_ == "as"):  # 'condemned X as a violation of Y': a label
                local = False
                break
            head = head.head
        if local and tok.ent_type_ not in ("DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL"):
            out.append([tok])
    return out


def has_country(code: str | None) -> bool:
    """Whether an actor code starts with a country or a transnational group, not a bare sector ('MIL')."""
    if not code or len(code) < 3:
        return False
    from .where import countries

    return code[:3] in countries() or code[:3] in TRANSNATIONAL


def clause_subjects(verb: Token) -> list[Token]:
    """Subjects of the verb's complement clause: whom a demand or accusation is about ('demanded that X end ...',
    'insisted on its demands that X grant ...')."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for noun in (o for o in prep.children if o.dep_ == "pobj"):
            clauses.extend(c for c in noun.children if c.dep_ in ("ccomp", "acl"))
    for clause in clauses:
        for sub in clause.children:
            if sub.dep_ in ("nsubj", "nsubjpass") and not is_pronoun(sub):
                return conjuncts(sub)
    return []


def noun_sources(noun: Token, code: str) -> list[Token]:
    """The actor behind an event noun: its possessor, its 'by' phrase, a nationality or name modifying it."""
    for child in noun.children:
        if child.dep_ == "poss":
            if is_pronoun(child) and noun.dep_ in ("dobj", "attr") and noun.head.pos_ == "VERB":
                subject, _ = subject_of(noun.head)  # "X completed its investigation": its = X
                if subject:
                    return subject
            return conjuncts(child)
    if by := prep_objects(noun, ("by",)):
        return by
    between = prep_objects(noun, ("between",))
    if len(between) >= 2:
        return between
    if noun.dep_ == "pobj" and noun.head.lower_ in SEQUENCE_PREPS and noun.head.head.pos_ in ("VERB", "AUX") \
            and code[:2] in COOPERATIVE_ROOTS and prep_objects(noun, ("with", "to")):
        subject, _ = subject_of(noun.head.head)  # 'X said after talks with Y': X held the talks
        if subject:
            return subject
    # A nationality or organisation names the actor ("Israeli air strikes"); a place-name compound names a place,
    # and a name on an agreement names the agreement ("the Dayton agreements").
    if code.startswith("057"):
        return []
    return [c for c in noun.children if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "ORG")][:1]
