"""The actor lexicon: places, named actors, agent words and user actors, matched on lowercased token sequences."""

from __future__ import annotations

import csv
import gzip
import io
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable, Iterator, Sequence

from spacy.tokens import Doc, Span, Token

# Tables, in the order a tie on the same phrase is broken: user entries win, then named actors.
TABLES = ("user", "named", "place", "agent")


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon phrase and what it means; `group` says which entries name the same thing."""

    table: str  # user | named | place | agent
    key: str  # lowercased tokens joined by spaces
    code: str | None  # place: ISO alpha-3; agent: sector code; named/user: None (see `codes`)
    kind: str  # place: country|demonym|capital|city|place; named: person|org; agent: person|group
    group: str  # entries with the same group are one real-world thing
    name: str | None = None  # display name
    codes: str = ""  # named/user: dated codes 'RUSGOV@2004-03-09..#Foreign Minister;...'
    source: str = ""  # where the entry came from (file:line for user entries)

    @property
    def label(self) -> str:
        """How a rule names this entry: 'place:russian', 'named:Sergey Lavrov'."""
        return f"{self.table}:{self.name or self.key}"


@dataclass(frozen=True, slots=True)
class Hit:
    """A lexicon match over tokens [start, end) of a doc."""

    start: int
    end: int
    entries: tuple[Entry, ...]

    def first(self, *tables: str) -> Entry | None:
        """The first entry of one of the given tables (all tables when none given)."""
        for e in self.entries:
            if not tables or e.table in tables:
                return e
        return None


def read_tsv(name: str) -> Iterator[list[str]]:
    """Rows of a packaged data file (gzipped or not), header skipped, comments dropped."""
    ref = resources.files("dateline.actors").joinpath("data", name)
    raw = ref.read_bytes()
    if name.endswith(".gz"):
        raw = gzip.decompress(raw)
    reader = csv.reader(io.StringIO(raw.decode("utf-8")), delimiter="\t", quoting=csv.QUOTE_NONE)
    next(reader, None)
    for row in reader:
        if row and not row[0].startswith("#"):
            yield row


class Lexicon:
    """Phrase tables keyed by lowercased token sequences; longest match wins."""

    def __init__(self, entries: Iterable[Entry] = ()) -> None:
        self.phrases: dict[str, tuple[Entry, ...]] = {}
        self.lengths: dict[str, tuple[int, ...]] = {}  # first token -> phrase lengths, longest first
        self.add(entries)

    def add(self, entries: Iterable[Entry]) -> None:
        """Add entries; an entry of an earlier table in TABLES sorts before later ones for one phrase."""
        grouped: dict[str, list[Entry]] = {}
        for e in entries:
            grouped.setdefault(e.key, []).append(e)
        lengths: dict[str, set[int]] = {k: set(v) for k, v in self.lengths.items()}
        for key, new in grouped.items():
            merged = new + list(self.phrases.get(key, ()))  # new entries win within a table
            merged.sort(key=lambda e: TABLES.index(e.table))
            self.phrases[key] = tuple(merged)
            toks = key.split(" ")
            lengths.setdefault(toks[0], set()).add(len(toks))
        self.lengths = {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}

    def copy(self) -> Lexicon:
        """A shallow copy to which user entries can be added without touching the shared one."""
        other = Lexicon()
        other.phrases = dict(self.phrases)
        other.lengths = dict(self.lengths)
        return other

    def get(self, phrase: str) -> tuple[Entry, ...]:
        """Entries for a phrase given as lowercased space-joined tokens."""
        return self.phrases.get(phrase, ())

    def match_at(self, words: Sequence[str], i: int, limit: int | None = None) -> tuple[int, tuple[Entry, ...]]:
        """Longest phrase starting at words[i] (ending before `limit`): (length, entries) or (0, ())."""
        sizes = self.lengths.get(words[i])
        if not sizes:
            return 0, ()
        stop = len(words) if limit is None else limit
        for n in sizes:
            if i + n > stop:
                continue
            entries = self.phrases.get(" ".join(words[i : i + n]) if n > 1 else words[i])
            if entries:
                return n, entries
        return 0, ()

    def _alone(self, entry: Entry, toks: Sequence[Token], words: Sequence[str], i: int) -> bool:
        """A one-word name must not be part of a longer name ('Tigers' in 'Liberation Tigers of Tamil Eelam',
        'Hassan' in 'Omar Hassan al-Bashir'); a title before a person's name is fine ('Minister Lavrov')."""
        if entry.table not in ("named", "user") or toks[i].is_upper:
            return True
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and nxt.is_title and nxt.pos_ == "PROPN":
            return False
        prev = toks[i - 1] if i > 0 else None
        if prev is None or not prev.is_title or prev.pos_ != "PROPN" or prev.is_sent_start:
            return True
        return entry.kind == "person" and any(e.table == "agent" for e in self.phrases.get(words[i - 1], ()))

    def scan(self, tokens: Sequence[Token] | Span | Doc, words: Sequence[str] | None = None) -> list[Hit]:
        """Greedy left-to-right longest matches over tokens, keeping only entries whose case fits."""
        toks = tokens if isinstance(tokens, list) else list(tokens)
        words = words if words is not None else [t.lower_ for t in toks]
        base = toks[0].i if toks else 0
        hits: list[Hit] = []
        lengths = self.lengths
        i, size = 0, len(toks)
        while i < size:
            if words[i] not in lengths:  # most words start no phrase: skip the call
                i += 1
                continue
            n, entries = self.match_at(words, i)
            if n:
                kept = tuple(e for e in entries if case_fits(e, toks[i : i + n]) and (n > 1 or self._alone(e, toks, words, i)))
                if kept:
                    hits.append(Hit(base + i, base + i + n, kept))
                    i += n
                    continue
                # a shorter phrase may still fit (e.g. 'US' vs 'us')
                for m in range(n - 1, 0, -1):
                    short = self.phrases.get(" ".join(words[i : i + m]))
                    if short:
                        kept = tuple(e for e in short if case_fits(e, toks[i : i + m]))
                        if kept:
                            hits.append(Hit(base + i, base + i + m, kept))
                            i += m - 1
                            break
            i += 1
        return hits


def case_fits(entry: Entry, toks: Sequence[Token]) -> bool:
    """Names need a capital letter (acronyms of up to 3 letters need all capitals); agent words need none."""
    if entry.table == "agent":
        return True
    first = toks[0].text
    if len(toks) == 1:
        letters = [c for c in first if c.isalpha()]
        if len(letters) <= 3:
            return first.isupper()
        if entry.table == "named" and entry.kind == "org" and len(letters) <= 5 and entry.key.isalpha():
            # short org names (acronyms like 'PACE', 'OSCE') only as written in capitals, or in title case
            return first.isupper() or first.istitle()
    return any(c.isupper() for c in first) or not first[:1].isalpha()


@lru_cache(maxsize=1)
def _tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


def phrase_key(text: str) -> str:
    """The lookup key of a phrase written as text: spaCy's tokens, lowercased, 'the' dropped."""
    words = [t.lower_ for t in _tokenizer()(" ".join(text.replace("_", " ").split()))]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _entries() -> Iterator[Entry]:
    """Every packaged entry: our hand-written tables first, then those derived from Phoenix."""
    for text, iso, kind, *_ in read_tsv("places.extra.tsv"):
        key = phrase_key(text)
        yield Entry("place", key, iso, kind, _place_group(key, iso, kind), source="places.extra.tsv")
    for key, iso, kind in read_tsv("places.tsv.gz"):
        yield Entry("place", key, iso, kind, _place_group(key, iso, kind), source="places.tsv.gz")
        if kind == "demonym" and key.endswith(("an", "i")) and " " not in key:  # 'Albanian' -> 'Albanians'
            yield Entry("place", key + "s", iso, kind, _place_group(key, iso, kind), source="places.tsv.gz")
    for ident, kind, name, texts, codes, *_ in read_tsv("named.extra.tsv"):
        for text in [name] + [t for t in texts.split("|") if t]:
            yield Entry("named", phrase_key(text), None, kind, "x" + ident, name=name, codes=codes, source="named.extra.tsv")
    for ident, kind, name, keys, codes in read_tsv("named.tsv.gz"):
        for key in keys.split("|"):
            yield Entry("named", key, None, kind, ident, name=name, codes=codes, source="named.tsv.gz")
    for text, code, kind, *_ in read_tsv("agents.extra.tsv"):
        key = phrase_key(text)
        yield Entry("agent", key, code, kind, "agent:" + key, source="agents.extra.tsv")
        words = key.split(" ")
        plural = " ".join(words[:-1] + [pluralize(words[-1])])
        yield Entry("agent", plural, code, kind, "agent:" + plural, source="agents.extra.tsv")
    for key, code in read_tsv("agents.tsv.gz"):
        yield Entry("agent", key, code, "", "agent:" + key, source="agents.tsv.gz")


def pluralize(word: str) -> str:
    """English plural of an agent head word (man -> men, army -> armies, official -> officials); keeps case."""
    lower = word.lower()
    if lower.endswith("man"):
        return word[:-3] + ("MEN" if word.isupper() else "men")
    if lower.endswith("y") and lower[-2:-1] not in "aeiou":
        return word[:-1] + ("IES" if word.isupper() else "ies")
    if lower.endswith(("s", "sh", "ch", "x", "z")):
        return word + ("ES" if word.isupper() else "es")
    return word + ("S" if word.isupper() else "s")


def _place_group(key: str, iso: str, kind: str) -> str:
    """Country names and demonyms group to the country; other places to themselves."""
    return f"country:{iso}" if kind in ("country", "demonym") else f"place:{key}"


def _dedupe(entries: Iterable[Entry]) -> Iterator[Entry]:
    """Keep the first entry per (table, key): the hand-written tables override derived ones."""
    seen: set[tuple[str, str]] = set()
    for e in entries:
        mark = (e.table, e.key)
        if mark in seen:
            continue
        seen.add(mark)
        yield e


_lock = threading.Lock()
_base: Lexicon | None = None
_current: Lexicon | None = None


def base() -> Lexicon:
    """The packaged lexicon, loaded once per process."""
    global _base
    with _lock:
        if _base is None:
            _base = Lexicon(e for e in _dedupe(_entries()) if e.code != "-")  # '-' in our tables removes a word
        return _base


def get() -> Lexicon:
    """The lexicon in use: the packaged one plus user actors ($DATELINE_ACTORS or use_actor_files)."""
    global _current
    if _current is None:
        from . import user

        _current = user.with_env_files(base())
    return _current


def set_current(lexicon: Lexicon | None) -> None:
    """Replace the lexicon in use (None: reload from the packaged data and $DATELINE_ACTORS)."""
    global _current
    _current = lexicon
