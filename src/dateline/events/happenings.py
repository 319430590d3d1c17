"""One happening, one event: acts the sentence states twice over are joined into the event of the main clause.

News tells one act in several words: a purpose ("began a hunger strike to protest X", "met Y to
discuss Z"), a result or manner ("attacked the town, killing 12", "rioted, smashing furniture"),
an event noun that is the subject of its own verb ("Israeli air strikes killed ten", "the attack by
Kenyan troops killed five"). Coding each would count one attack or one meeting two or three times,
the double counting audits of GDELT complain of. Acts of another kind stay events of their own
("attacked the rebels to free hostages", "declared a curfew, arresting opponents"): a sentence can
state two events. The joined event keeps the main trigger, the more specific code of the two, the
targets of both (the main act's first), and notes the joined rule ("+purpose:", "+result:", "+agent:").

Who acts on whom is settled here too: the phrases become actors (resolve_actors, with reported-speech
pronouns read as their speaker), the best group of target phrases is chosen (choose_targets), and
conjoined sources of a symmetric act act on each other (pairs)
("Russia and Ukraine agreed"), also when the target only names them again ("a pact between the two
countries"); no actor acts on itself or on words inside its own phrase. A noun that restates an
event already coded in the sentence by the same actor ("his visit") is no second event (restates).
A reaction that names an act without its doer ("condemned the abduction", "rejected the criticism") is
aimed at whoever the story said did that act before (reaction_target); a denial answers the last accusation aimed
at the denier's country, or, with no denier named, the last one, whose accused is then the denier (accused_denier).
"The two sides" or "both countries" as a subject are the two parties of the sentence's own event (both_parties).
"""

from __future__ import annotations

from itertools import product
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..model import Event, EventActor, Quote
from .actors import ActorResolver, is_pronoun, non_actor, owners, titled_non_actor, has_country, speech_subject
from .context import LOCATION_PREPS, country_of, domestic

if TYPE_CHECKING:
    from .coder import Candidate
    from .lexicon import Lexicon


def _specificity(code: str) -> tuple[int, bool]:
    """Longer codes are more specific; of equal length, one that is not its block's catch-all ('190') is."""
    return len(code), not code.endswith("0")


def _join(outer: Candidate, inner: Candidate, how: str) -> None:
    if _specificity(inner.code) > _specificity(outer.code):
        outer.code = outer.base = inner.code
    outer.rule = f"{outer.rule}+{how}:{inner.rule}"
    outer.targets = outer.targets + inner.targets


def merge_purposes(by_token: dict[int, Candidate]) -> None:
    """An act and its purpose of the same kind are one happening ('began a hunger strike to protest X', 'met Y to
    discuss Z'): the purpose joins the act, lending its more specific code and its targets after the act's own."""
    for i, cand in list(by_token.items()):
        if cand.kind != "verb" or cand.trigger.dep_ not in ("advcl", "xcomp") or i not in by_token:
            continue
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in cand.trigger.children):
            continue
        outer = _at(cand.trigger.head, cand, by_token)
        if outer is None:
            continue
        if outer.code[:2] == cand.code[:2]:
            _join(outer, cand, "purpose")
        elif cand.code[:2] in VOICED_AIMS and outer.code[:2] in PRESSURE_ROOTS:
            outer.rule = f"{outer.rule}+aim:{cand.rule}"  # 'would blockade Paris to demand an end to X': the act presses
            outer.targets = outer.targets + cand.targets  # the demand, and keeps its own code
        else:
            continue
        del by_token[i]


def merge_happenings(cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """Join result and manner participles and subject event nouns into the verb event of the same PLOVER type; the
    violence of a riot ('prisoners rioted, setting fire to mattresses and smashing furniture') is the riot's."""
    by_token = {c.trigger.i: c for c in cands}
    for cand in cands:
        if cand.trigger.i not in by_token:
            continue
        outer = _host(cand, by_token)
        if outer is None or outer.mode != cand.mode:
            continue
        if lex.plover_type(outer.code) != lex.plover_type(cand.code):
            if cand.kind == "verb" and outer.code[:2] == "14" and cand.code[:2] in VIOLENT_ROOTS:
                outer.rule = f"{outer.rule}+manner:{cand.rule}"  # CAMEO's 145 (riot) is protest turned violent
                del by_token[cand.trigger.i]
            continue
        if cand.kind == "noun":  # "Israeli air strikes killed ten": the strikes' doers did the killing
            outer.sources = cand.sources or outer.sources
            _join(outer, cand, "agent")
        else:
            _join(outer, cand, "result")
        del by_token[cand.trigger.i]
    return [c for c in cands if c.trigger.i in by_token]


VIOLENT_ROOTS = frozenset({"17", "18", "19"})
# Words that voice an aim (appeals, demands, disapproval) and acts of pressure that can carry one.
VOICED_AIMS = frozenset({"02", "10", "11"})
PRESSURE_ROOTS = frozenset({"13", "14", "15", "16", "17", "18", "19", "20"})


def _host(cand: Candidate, by_token: dict) -> Candidate | None:
    """The event a candidate restates: the verb a subject noun acts through, or the verb a subject-less participle
    ('..., killing 12 civilians') hangs on."""
    token = cand.trigger
    if cand.kind == "noun" and token.dep_ == "nsubj" and cand.light is None:
        return by_token.get(token.head.i)
    if cand.kind == "verb" and token.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for c in token.children):
        if token.dep_ == "conj" and token.head.dep_ == "advcl" and token.head.tag_ == "VBG":
            token = token.head  # 'killing or wounding 50': the second participle hangs where the first does
        if token.dep_ == "advcl":
            return _at(token.head, cand, by_token)
    return None


def _at(head, cand: Candidate, by_token: dict) -> Candidate | None:
    """The other candidate whose trigger, or light verb, is the given token."""
    return next((c for c in by_token.values() if c is not cand and (c.trigger.i == head.i
                 or (c.light is not None and c.light.i == head.i))), None)


def _code_of(actor: EventActor | None) -> str | None:
    return actor.code or actor.entity or actor.text if actor else None


def restates(cand: Candidate, ev: Event, earlier: list[tuple[Candidate, Event]]) -> bool:
    """A target-less event noun that names an event already coded in the sentence by the same actor ('his visit')."""
    for other_cand, other in earlier:
        if other.evidence.start != ev.evidence.start:
            continue
        if (ev.cameo, _code_of(ev.source), _code_of(ev.target)) == (other.cameo, _code_of(other.source), _code_of(other.target)):
            return True
        if cand.kind == "noun" and ev.target is None and other_cand.base[:2] == cand.base[:2] and _code_of(other.source) == _code_of(ev.source):
            return True
    return False


def _same(a: EventActor | None, b: EventActor | None) -> bool:
    if a is None or b is None:
        return False
    if a.entity and a.entity == b.entity:
        return True
    return a.span is not None and b.span is not None and a.span.start == b.span.start and a.code == b.code


def pairs(cand: Candidate, sources: list[EventActor], targets: list[EventActor]) -> list[tuple[EventActor | None, EventActor | None]]:
    """Source-target pairs; conjoined sources act on each other when the target only names them again
    ('the United States and Jordan agreed on a pact between the two countries')."""
    if len(sources) >= 2 and targets and (cand.mutual or all(any(_same(s, t) or s.code == t.code for s in sources)
                                                             for t in targets)):
        targets = []  # 'Russia and Ukraine exchanged 150 prisoners': each side acts on the other
    if len(sources) >= 2 and not targets and cand.symmetric:
        return [(a, b) for a, b in product(sources, sources) if a is not b and not _same(a, b)]
    pairs = list(product(sources or [None], targets or [None]))
    return [(s, None if _same(s, t) or _inside(t, s) else t) for s, t in pairs]


def _inside(inner: EventActor | None, outer: EventActor | None) -> bool:
    """Whether one actor's words lie within another's ('the Ambassador of Morocco' holds 'Morocco'): no actor acts on itself."""
    if inner is None or outer is None or inner.span is None or outer.span is None:
        return False
    return outer.span.start <= inner.span.start and inner.span.end <= outer.span.end


def resolve_actors(heads: list[Token], resolver: ActorResolver, quote: Quote | None, trigger: Token, subject: bool = False) -> list[EventActor]:
    """Resolve phrase heads to actors; an unresolved subject pronoun in reported speech is the speaker."""
    out = []
    for head in heads:
        if subject and non_actor(head, resolver.non_actors):
            continue  # 'Investors cheered', 'a storm battered': no political actor acts
        found = resolver.resolve_all(head, quote)
        if len(found) > 1:
            out.extend(found)
            continue
        actor = found[0] if found else None
        if subject and is_pronoun(head) and head.dep_ == "nsubj":
            for speaker in speech_subject(trigger):
                if is_pronoun(speaker) or (said := resolver.resolve(speaker, quote)) is None:
                    continue
                if actor is None or actor.code is None or _narrows(said.code, actor.code):
                    actor = said  # "Uganda's army said it had killed": it is the army, not only Uganda
                break
        if actor is not None and not (subject and titled_non_actor(resolver.article.text, resolver.article.entity(actor.entity),
                                                                   resolver.non_actors)):
            out.append(actor)
    return out


def _narrows(speaker: str | None, pronoun: str | None) -> bool:
    """Whether the speaker's code is the pronoun's made more specific (UGAMIL for UGA)."""
    return bool(speaker and pronoun) and len(speaker) > len(pronoun) and speaker.startswith(pronoun)


OPPONENTS = frozenset({"REB", "OPP", "CRM", "UAF"})
# Measures a government takes: protested with no author named, they are the government's.
POLICIES = frozenset({"tax", "law", "reform", "policy", "decision", "measure", "bill", "budget", "plan", "ban", "cut",
                      "curfew", "decree", "austerity", "privatization", "privatisation", "levy", "tariff", "subsidy",
                      "regulation", "amendment", "verdict", "ruling", "sentence", "arrest", "detention"})


def choose_targets(cand: Candidate, resolver: ActorResolver, quote: Quote | None, reciprocal: bool = False,
                   sources: list[EventActor] = ()) -> list[EventActor]:
    """The first candidate group of targets whose actors carry a country, or name a group acted against within a
    country (rebels, opposition, criminals: they take one from the event), or a group of a society as the subject
    of the passive ('seven people were killed'); else the first naming any actor. A phrase that names the source
    again ('reneged on his commitment to X': the commitment is the source's own) is passed over for the next."""
    fallback: list[EventActor] = []
    policy = _policy(cand) if cand.code[:2] == "14" else None
    for n, group in enumerate(cand.targets):
        if (reciprocal or policy is not None) and group and _where(group[0]):
            continue  # "Russia and Ukraine held talks in Minsk": where parties meet, not whom they meet
        actors = [a for a in resolve_actors(group, resolver, quote, cand.trigger) if a.code or _actor_entity(resolver, a)]
        if not reciprocal:
            actors = [a for a in actors if not any(_same(s, a) or _inside(a, s) for s in sources)]
        patient = n == 0 and bool(group) and group[0].dep_ == "nsubjpass"
        if actors and any(has_country(a.code) or (a.code or "")[:3] in OPPONENTS or (patient and domestic(a.code))
                          for a in actors):
            return actors  # the passive's own subject, if only 'seven people' or 'students', comes first
        if actors and not fallback:
            fallback = actors
    if not fallback and policy is not None:
        start, end = resolver.phrase(policy)
        span = policy.doc[start:end]
        return [EventActor(span.text, "GOV", span=resolver.article.span(span.start_char, span.end_char))]
    return fallback


def _singulars(tok: Token) -> set[str]:
    """A noun's lemma and its plural stripped by hand, for lemmas the tagger gets wrong ('taxes' → 'taxis')."""
    low = tok.lower_
    return {tok.lemma_.lower(), low, low[:-1] if low.endswith("s") else low, low[:-2] if low.endswith("es") else low}


def _policy(cand: Candidate) -> Token | None:
    """What a protest is against when it names no one: a measure, whose author is the government ('marched against
    new taxes on fuel', 'protested the reform'), localised like any state body named without its country."""
    for group in cand.targets:
        for tok in group:
            if tok.pos_ == "NOUN" and not tok.ent_type_ and not POLICIES.isdisjoint(_singulars(tok)) and \
                    (tok.dep_ == "dobj" or (tok.dep_ == "pobj" and tok.head.lower_ in ("against", "over"))):
                return tok
    return None


def _where(token: Token) -> bool:
    """Whether a token is the object of a preposition of place ('in Minsk', 'at the summit')."""
    return token.dep_ == "pobj" and token.head.lower_ in LOCATION_PREPS


def _actor_entity(resolver: ActorResolver, actor: EventActor) -> bool:
    """Whether an uncoded actor is still an entity that can act (a person, organisation, place or group)."""
    ent = resolver.article.entity(actor.entity)
    return ent is not None and ent.type in ("PERSON", "ORG", "GPE", "NORP", "LOC")


# Reactions to an act (praise, demands, disapproval, rejection, threats, protest) and the words that name an act the
# lexicon has no event noun for, with the CAMEO roots of what they name.
REACTION_ROOTS = frozenset({"05", "10", "11", "12", "13", "14"})
ACT_WORDS = {"violence": ("14", "17", "18", "19", "20"), "killing": ("18", "19", "20"), "launch": ("15", "19"),
             "test": ("15",), "progress": ("03", "04", "05", "06", "08"), "crackdown": ("17",)}
DEFINITE = frozenset({"the", "this", "these", "that", "those"})
ACCUSING = ("11", "16", "17")  # what a denial answers: accusations, and the sanctions and legal steps that imply one


def reaction_target(cand: Candidate, ev: Event, before: list[Event], here: list[tuple[Candidate, Event]],
                    lex: Lexicon) -> EventActor | None:
    """The doer of the act a reaction names without its doer ('condemned the abduction', 'rejected the criticism',
    'called the expulsions a provocation'): the story told that act before, so its source is the reaction's target."""
    if cand.kind != "verb" or ev.target is not None:
        return None
    if ev.cameo.startswith("016"):
        roots = set(ACCUSING)  # 'denied the charges', 'denied that its diplomats had any link': the accuser's claim
    elif ev.cameo[:2] in REACTION_ROOTS:
        obj = next((c for c in cand.trigger.children if c.dep_ == "dobj"), None)
        if obj is None or owners(obj) or not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in obj.children):
            return None
        roots = _act_roots(obj, lex)
    else:
        return None
    own = ev.source.code if ev.source else None
    doers = [other.source for other in [*reversed([e for _, e in here]), *reversed(before)]
             if other.cameo[:2] in roots and other.source is not None and other.source.code and other.source.code != own
             and not _same(other.source, ev.source)]
    # a doer with a country first: 'the rocket, launched from near the border' guessed at, 'North Korea fired' named
    return next((d for d in doers if country_of(d.code)), doers[0] if doers else None)


def accused_denier(ev: Event, before: list[Event], here: list[tuple[Candidate, Event]]) -> Event | None:
    """For a denial, the accusation it answers: the last one aimed at the denier's country, or, where the text leaves
    the denier unnamed ('She has denied the charges' with no one to refer to), the last one at all, whose accused
    then is the denier."""
    if not ev.cameo.startswith("016"):
        return None
    known = country_of(ev.source.code) if ev.source is not None else None
    for other in [*reversed([e for _, e in here]), *reversed(before)]:
        if other.cameo[:2] in ACCUSING and other.target is not None and other.target.code and other.source is not None \
                and (known is None or country_of(other.target.code) == known):
            return other
    return None


def _act_roots(noun: Token, lex: Lexicon) -> set[str]:
    """The CAMEO roots of the acts a noun names: its event-noun senses, else the few words ACT_WORDS lists."""
    for word in _singulars(noun):
        if senses := lex.nouns.get(word):
            return {s.code[:2] for s in senses}
        if word in ACT_WORDS:
            return set(ACT_WORDS[word])
    return set()


PAIR_WORDS = frozenset({"side", "country", "nation", "party", "government", "leader", "minister", "state", "neighbour",
                        "neighbor", "delegation"})


def both_parties(heads: list[Token], here: list[tuple[Candidate, Event]]) -> list[EventActor]:
    """'the two sides', 'both countries' as the subject: the two parties of the sentence's event between two countries
    ('X held a phone conversation with Y, during which the two sides pledged to deepen cooperation'); a later
    sentence's 'the two countries' may name another pair, so only the sentence's own events are read."""
    if len(heads) != 1 or heads[0].lemma_.lower() not in PAIR_WORDS or heads[0].tag_ not in ("NNS", "NNPS"):
        return []
    if not any((c.dep_ == "nummod" and c.lower_ == "two") or (c.dep_ in ("det", "predet") and c.lower_ == "both")
               for c in heads[0].children):
        return []
    for _, other in reversed(here):
        if other.source is None or other.target is None:
            continue
        one, two = country_of(other.source.code), country_of(other.target.code)
        if one is not None and two is not None and one != two:
            return [other.source, other.target]
    return []
