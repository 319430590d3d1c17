"""CAMEO verb patterns: compiled from PETRARCH syntax, matched against a verb's dependency context.

A PETRARCH pattern such as `- * (FOR SANCTIONS) [1312]` or `- * {HUMANITARIAN AID} [073]` lists
what must stand around the verb (`*`): plain words, noun phrases in braces, prepositional phrases
in parentheses, synonym sets (`&NAME`), and markers for the source (`$`) and target (`+`). Here a
pattern becomes elements that are checked against sets of lemmas taken from the verb's parse: the
words of its complements (objects, particles, prepositional phrases, an infinitive complement) and
of its subject side. Matching is by set membership, never by scanning the raw text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from spacy.tokens import Token

# Element kinds: ("w", alts) a word; ("np", slots) a phrase whose every slot must appear;
# ("pp", preps, slots, role) a prepositional phrase; ("src",) / ("tgt",) role markers.
Element = tuple

COMPLEMENT_DEPS = frozenset({"dobj", "dative", "attr", "oprd", "acomp", "prt", "advmod", "npadvmod", "compound:prt", "nsubjpass"})
PREP_DEPS = frozenset({"prep", "agent"})
PRE_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "neg", "advmod", "npadvmod"})
MARKERS = frozenset({"$", "+", "^", "%", "!", "*"})
GENERIC_HEADS = frozenset({"effort", "process", "program", "programme", "plan", "campaign", "operation", "mission",
                           "activity", "measure", "project", "scheme", "deal", "link", "supply", "delivery"})
MEASURES = frozenset({"dollar", "euro", "pound", "ton", "tonne", "kg", "kilogram", "worth", "part", "amount", "lot",
                      "number", "series", "batch", "shipment", "consignment", "package", "million", "billion", "load"})


def _plural_forms(word: str) -> list[str]:
    """The word and its likely singular, so 'ATTACKS' in a pattern also meets the lemma 'attack'."""
    forms = [word]
    if word.endswith("ies") and len(word) > 4:
        forms.append(word[:-3] + "y")
    elif word.endswith(("ses", "xes", "ches", "shes")):
        forms.append(word[:-2])
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        forms.append(word[:-1])
    return forms


def dictionary_word(raw: str) -> str:
    """A dictionary word in the coder's form: lowercase, underscores as spaces, no trailing marker."""
    return raw.strip("_").replace("_", " ").lower()


def split_tokens(pattern: str) -> list[str]:
    """Split a pattern into top-level tokens, keeping `{...}` and `(...)` groups whole."""
    out, buf, depth = [], "", 0
    for ch in pattern:
        if ch in "({":
            depth += 1
        elif ch in ")}":
            depth -= 1
        if ch.isspace() and depth == 0:
            if buf:
                out.append(buf)
            buf = ""
        else:
            buf += ch
    if buf:
        out.append(buf)
    return out


def word_slots(text: str, synsets: dict[str, list[str]]) -> list[list[str]]:
    """Word slots of a phrase: each slot lists the words that may fill it (a synset expands)."""
    slots = []
    for raw in text.replace("{", " ").replace("}", " ").split():
        if raw in MARKERS:
            continue
        if raw.startswith("&"):
            words = synsets.get(raw[1:].rstrip("_"), [])
            if words:
                slots.append(sorted({f for w in words for f in _plural_forms(w)}))
        else:
            slots.append(_plural_forms(dictionary_word(raw)))
    return slots


def compile_pattern(body: str, synsets: dict[str, list[str]]) -> dict | None:
    """A pattern body (between '- ' and its code) as JSON-ready pre/post element lists, or None without a '*'."""
    tokens = split_tokens(body)
    if "*" not in tokens:
        return None
    star = tokens.index("*")
    sides: dict[str, list[dict]] = {"pre": [], "post": []}
    for side, toks in (("pre", tokens[:star]), ("post", tokens[star + 1:])):
        for tok in toks:
            if tok in ("$", "+"):
                sides[side].append({"t": "src" if tok == "$" else "tgt"})
            elif tok in MARKERS:
                continue
            elif tok.startswith("("):
                inner = tok[1:-1].split(None, 1)
                preps = [dictionary_word(p) for p in inner[0].split("/")] if inner else []
                rest = inner[1] if len(inner) > 1 else ""
                role = "tgt" if "+" in rest.split() else "src" if "$" in rest.split() else None
                sides[side].append({"t": "pp", "preps": preps, "obj": word_slots(rest, synsets), "role": role})
            else:
                slots = word_slots(tok, synsets)
                if slots:
                    sides[side].append({"t": "np" if len(slots) > 1 else "w", "slots": slots})
    return sides


@dataclass(frozen=True, slots=True)
class Pattern:
    """One compiled pattern of a verb block, ready to match."""

    code: str | None
    paired: str | None
    pre: tuple[Element, ...]
    post: tuple[Element, ...]
    rule: str
    weight: int
    target_prep: frozenset[str] = frozenset()


def _element(raw: dict) -> Element:
    kind = raw["t"]
    if kind in ("src", "tgt"):
        return (kind,)
    slots = tuple(frozenset(s) for s in raw.get("slots") or raw.get("obj") or [])
    if kind == "pp":
        return ("pp", frozenset(raw["preps"]), slots, raw.get("role"))
    return (kind, slots)


def build_pattern(raw: dict, rule: str) -> Pattern:
    """A Pattern from its JSON form; weight counts the words and phrases it needs, so specific ones win."""
    pre = tuple(_element(e) for e in raw.get("pre", []))
    post = tuple(_element(e) for e in raw.get("post", []))
    weight = 0
    target_prep: set[str] = set()
    for el in pre + post:
        if el[0] in ("w", "np"):
            weight += len(el[1])
        elif el[0] == "pp":
            weight += 1 + len(el[2])
            if el[3] == "tgt":
                target_prep |= el[1]
    code = raw.get("code")
    return Pattern(None if code in (None, "", "---") else code, raw.get("paired"), pre, post, rule, weight, frozenset(target_prep))


@dataclass(slots=True)
class VerbContext:
    """Lemmas around one verb: heads of its complements and their modifiers, its prepositional phrases, its subject side.

    A single pattern word must be a head (an object, particle, adverb, infinitive); the other words of
    a phrase pattern may be its modifiers ('{HUMANITARIAN AID}'), so 'research center' is no research.
    """

    post: set[str] = field(default_factory=set)
    mods: set[str] = field(default_factory=set)
    pre: set[str] = field(default_factory=set)
    pps: list[tuple[str, set[str], set[str], Token]] = field(default_factory=list)


def _words(tokens: Iterable[Token], into: set[str]) -> None:
    for t in tokens:
        into.add(t.lower_)
        into.add(t.lemma_.lower())


def _head_and_mods(head: Token, heads: set[str], mods: set[str]) -> None:
    """A phrase head (and its conjuncts) as heads, its compounds, adjectives and numbers as modifiers.

    A measure word passes its head on to what it measures: '5 million dollars of aid' is aid."""
    _words((head,), heads)
    if head.lemma_.lower() in GENERIC_HEADS:  # "mediation efforts", "aid program": the modifier names the act
        _words((c for c in head.children if c.dep_ == "compound"), heads)
    if head.lemma_.lower() in MEASURES:
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
            for obj in (o for o in prep.children if o.dep_ == "pobj"):
                _head_and_mods(obj, heads, mods)
    for child in head.children:
        if child.dep_ in ("compound", "amod", "nummod", "nmod", "poss", "det", "quantmod"):
            _words(child.subtree, mods)
        elif child.dep_ == "conj":
            _head_and_mods(child, heads, mods)


def _add_pps(head: Token, ctx: VerbContext) -> None:
    for child in head.children:
        if child.dep_ in PREP_DEPS:
            heads: set[str] = set()
            mods: set[str] = set()
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objs and all(o.ent_type_ in ("DATE", "TIME") for o in objs):
                continue  # "on Tuesday" is a time, not the "(ON)" of a pattern
            for obj in objs:
                _head_and_mods(obj, heads, mods)
            prep = child.lower_ if child.dep_ != "agent" else "by"
            ctx.pps.append((prep, heads, mods, objs[0] if objs else child))
            ctx.post.add(prep)


def verb_context(verb: Token) -> VerbContext:
    """Collect the lemma sets a pattern is matched against, walking only the verb's own dependents."""
    ctx = VerbContext()
    _add_pps(verb, ctx)
    for child in verb.children:
        dep = child.dep_
        if dep in COMPLEMENT_DEPS and child.i > verb.i:
            _head_and_mods(child, ctx.post, ctx.mods)
            if dep in ("dobj", "attr", "oprd", "dative"):
                _add_pps(child, ctx)
        elif dep == "xcomp":
            _words((child,), ctx.post)
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                # PETRARCH writes an infinitive as a phrase: ORDER * DIPLOMAT (TO LEAVE), * REPRESENTATIVES (TO RETURN)
                ctx.pps.append(("to", {child.lower_, child.lemma_.lower()}, set(), child))
            for sub in child.children:
                if sub.dep_ in ("aux", "prt", "neg"):
                    _words((sub,), ctx.post)
                elif sub.dep_ == "dobj":
                    _head_and_mods(sub, ctx.post, ctx.mods)
        elif dep in PRE_DEPS and child.i < verb.i:
            if dep.startswith("nsubj"):
                _head_and_mods(child, ctx.pre, ctx.pre)
            else:
                _words((child,), ctx.pre)
    return ctx


def _phrase_in(slots: tuple[frozenset[str], ...], heads: set[str], mods: set[str]) -> bool:
    """The last slot is a head; the others are its modifiers (or heads, for phrases the parse split)."""
    if not slots:
        return True
    if slots[-1].isdisjoint(heads):
        return False
    return all(not slot.isdisjoint(mods) or not slot.isdisjoint(heads) for slot in slots[:-1])


def matches(pattern: Pattern, ctx: VerbContext) -> tuple[bool, Token | None]:
    """Whether the pattern holds around the verb, and the object of its target phrase when it names one."""
    target: Token | None = None
    for side, elements in (("pre", pattern.pre), ("post", pattern.post)):
        heads = ctx.pre if side == "pre" else ctx.post
        mods = ctx.pre if side == "pre" else ctx.mods
        for el in elements:
            kind = el[0]
            if kind in ("w", "np"):
                if not _phrase_in(el[1], heads, mods):
                    return False, None
            elif kind == "pp":
                hit = next((pp for pp in ctx.pps if pp[0] in el[1] and _phrase_in(el[2], pp[1], pp[2])), None)
                if hit is None:
                    return False, None
                if el[3] == "tgt":
                    target = hit[3]
    return True, target


def best_match(patterns: Iterable[Pattern], ctx: VerbContext) -> tuple[Pattern | None, Token | None]:
    """The first matching pattern in order of weight (patterns arrive sorted), with its target token."""
    for pattern in patterns:
        ok, target = matches(pattern, ctx)
        if ok:
            return pattern, target
    return None, None
