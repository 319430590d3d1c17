"""CAMEO actor codes: splitting them into country and sector, and mapping CAMEO's old country codes to ISO."""

from __future__ import annotations

from ..model import Actor

# CAMEO and older dictionaries use a few country codes that ISO 3166 alpha-3 spells otherwise.
OLD_TO_ISO = {
    "JAP": "JPN", "ITL": "ITA", "KSV": "XKX", "TMP": "TLS", "ROM": "ROU", "ZAR": "COD",
    "BAH": "BHS", "ANG": "AGO", "GER": "DEU", "BRM": "MMR", "VTN": "VNM", "SER": "SRB",
    "CRO": "HRV", "BOS": "BIH", "UK": "GBR", "SPN": "ESP", "POR": "PRT", "SWZ": "SWZ",
}

# First slots that are not countries but still stand where a country stands in CAMEO.
INTERNATIONAL = {"IGO", "NGO", "MNC", "IMG", "INT", "UIS", "IGR"}
# CAMEO regions (used as the first slot for regional groups).
REGIONS = {
    "AFR", "ASA", "BLK", "CAF", "CAS", "CAU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM",
    "MEA", "MDT", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SEA", "WAF", "WEU", "WST",
}
# Sector (role) codes, from Phoenix.agents.txt and the CAMEO manual.
SECTORS = {
    "AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI", "JUD",
    "LAB", "LEG", "MED", "MIL", "OPP", "PTY", "RAD", "REB", "REF", "SPY", "UAF", "REL", "MOD",
    "SET", "JRN", "SOC", "IRC", "CIV", "PPL",
}
# Religious and ethnic qualifiers; they never stand as the first slot of a national actor here.
QUALIFIERS = {"BUD", "CHR", "CTH", "HIN", "JEW", "MUS", "MOS", "PRO", "ITH", "SHI", "SUN"}


def iso_code(code: str) -> str:
    """A country code in ISO alpha-3 (JAP -> JPN); other codes unchanged."""
    return OLD_TO_ISO.get(code, code)


def split_code(code: str) -> tuple[str | None, str]:
    """'RUSGOV' -> ('RUS', 'GOV'); 'IGOUNO' -> ('IGO', 'UNO'); 'GOV' -> (None, 'GOV')."""
    code = code.strip().upper()
    head = code[:3]
    if head in SECTORS and head not in INTERNATIONAL:
        return None, code
    return iso_code(head), code[3:]


def sector_of(rest: str) -> str | None:
    """The first sector segment of the part after the country (IGO 'UNOMIL' -> 'MIL')."""
    for i in range(0, len(rest) - 2, 3):
        seg = rest[i : i + 3]
        if seg in SECTORS:
            return seg
    return None


def make_actor(code: str, role: str | None = None, rule: str | None = None) -> Actor:
    """An Actor from a full CAMEO code, with country and sector filled in."""
    country, rest = split_code(code)
    code = (country or "") + rest
    return Actor(code=code, country=country, sector=sector_of(rest), role=role, rule=rule)


def combine(country_code: str | None, sector_code: str | None, role: str | None = None, rule: str | None = None) -> Actor | None:
    """Join a country (or IGO) code and a sector code: RUS + GOV -> RUSGOV."""
    if not country_code and not sector_code:
        return None
    base = country_code or ""
    sector = sector_code or ""
    if sector and base.endswith(sector[:3]):
        sector = ""  # the base already carries that sector (e.g. RUSGOV + GOV)
    return make_actor(base + sector, role=role, rule=rule)
