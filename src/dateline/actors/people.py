"""Known actors' dated codes: what a person (or body) was on the article's date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Actor, Article
from . import lexicon
from .codes import make_actor
from .lexicon import Entry

_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
# Notes in the Phoenix files that read like a role ("Foreign Minister"), not like bookkeeping.
_ROLE_NOTE = re.compile(
    r"\b(minister|president|premier|chancellor|ambassador|secretary|speaker|governor|king|queen|"
    r"chief|commander|general|leader|chairman|head|director|mayor|envoy|prosecutor|judge)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Role:
    """One dated code of a known actor: code, first and last day (ISO, None = open), and a note."""

    code: str
    start: str | None = None
    end: str | None = None
    note: str = ""

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, day: str) -> bool:
        """Whether the role held on that day."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def title(self) -> str | None:
        """The note when it names a role ('Foreign Minister'), else None."""
        return self.note if self.note and _ROLE_NOTE.search(self.note) else None


@lru_cache(maxsize=4096)
def parse_roles(codes: str) -> tuple[Role, ...]:
    """'RUSGOV@2004-03-09..#Foreign Minister;RUSELI' -> Roles."""
    roles = []
    for item in codes.split(";"):
        item = item.strip()
        if not item:
            continue
        item, _, note = item.partition("#")
        code, _, span = item.partition("@")
        start = end = None
        if span:
            a, _, b = span.partition("..")
            start, end = a or None, b or None
        roles.append(Role(code.strip(), start, end, note.strip()))
    return tuple(roles)


def normalise_date(value: str | None) -> str | None:
    """An ISO day for comparisons: '2015-12-04T10:00' -> '2015-12-04'; '2015' -> '2015-07-01'; bad -> None."""
    if not value:
        return None
    m = _DATE.match(value.strip())
    if not m:
        return None
    year, month, day = m.group(1), m.group(2), m.group(3)
    if month is None:
        return f"{year}-07-01"
    return f"{year}-{month}-{day or '15'}"


def article_date(article: Article) -> str | None:
    """The date actors are coded at: the publication date, else the dateline's date."""
    return normalise_date(article.published) or normalise_date(article.dateline.date if article.dateline else None)


def resolve(codes: str, date: str | None, label: str) -> tuple[Actor | None, Role | None]:
    """The actor a known entry stands for on `date` (ISO day or None), with the role that gave it.

    A dated role covering the date wins (the latest-starting one when several do); else the
    undated code (what the dictionary says the person is outside their dated roles, often ELI);
    without a date, the most recent role, and the rule says so.
    """
    roles = parse_roles(codes)
    if not roles:
        return None, None
    day = normalise_date(date)
    dated = [r for r in roles if r.dated]
    undated = [r for r in roles if not r.dated]
    if not dated:
        chosen = undated[0]
        return make_actor(chosen.code, role=chosen.title, rule=f"{label} ({chosen.code})"), chosen
    if day is None:
        current = [r for r in dated if r.end is None] or dated
        chosen = max(current, key=lambda r: (r.start or "", r.end or "9999")) if current else undated[0]
        why = "no date: most recent role"
    else:
        covering = [r for r in dated if r.covers(day)]
        if covering:
            chosen = max(covering, key=lambda r: (r.start or "", r.code.count("")))
            why = f"role on {day}"
        elif undated:
            chosen = undated[0]
            why = f"no dated role on {day}"
        else:
            # Known, but with no role on that date: only the country can be said.
            nearest = min(dated, key=lambda r: _distance(r, day))
            country = make_actor(nearest.code).country
            actor = make_actor(country, rule=f"{label} (no role on {day})") if country else None
            return actor, None
    actor = make_actor(chosen.code, role=chosen.title, rule=f"{label} ({why}: {_describe(chosen)})")
    return actor, chosen


_surnames: tuple[int, dict[str, list[Entry]]] | None = None


def _surname_index() -> dict[str, list[Entry]]:
    """Known people by surname (last word of their multi-word names), built once per lexicon."""
    global _surnames
    lex = lexicon.get()
    if _surnames is None or _surnames[0] != id(lex):
        index: dict[str, dict[str, Entry]] = {}
        for entries in lex.phrases.values():
            for e in entries:
                if e.kind == "person" and e.table in ("named", "user") and " " in e.key:
                    index.setdefault(e.key.rsplit(" ", 1)[1], {}).setdefault(e.group, e)
        _surnames = (id(lex), {k: list(v.values()) for k, v in index.items()})
    return _surnames[1]


def by_surname(surname: str, date: str | None) -> Entry | None:
    """The one known person with this surname who held a (non-elite) role on the date; None when not exactly one."""
    people = _surname_index().get(surname, [])
    day = normalise_date(date)
    if day is None:
        return people[0] if len(people) == 1 else None
    holding = [e for e in people if any(r.dated and r.covers(day) and not r.code.endswith("ELI") for r in parse_roles(e.codes))]
    return holding[0] if len(holding) == 1 else None


def _describe(role: Role) -> str:
    """'RUSGOV 2004-03-09..' for a dated role, the bare code otherwise."""
    if not role.dated:
        return role.code
    return f"{role.code} {role.start or ''}..{role.end or ''}"


def _distance(role: Role, day: str) -> int:
    """Rough distance in days between a role and a day, for picking the nearest role."""
    def num(d: str) -> int:
        return int(d[:4]) * 372 + int(d[5:7]) * 31 + int(d[8:10])

    target = num(day)
    lo = num(role.start) if role.start else -(10**9)
    hi = num(role.end) if role.end else 10**9
    return 0 if lo <= target <= hi else min(abs(target - lo), abs(target - hi))
