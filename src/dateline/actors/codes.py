"""CAMEO actor codes (country and sector parts, CAMEO's old country codes to ISO) and the agent words that give sectors."""

from __future__ import annotations

from spacy.tokens import Token

from ..model import Actor
from .lexicon import Entry, Hit

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
    "SET", "JRN", "SOC", "IRC", "PPL",
}  # not CIV: PLOVER writes CIV for civilians, but CIV is Cote d'Ivoire
# Sectors that make a political actor even without a country ('police', 'rebels', 'the government').
ACTOR_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "OPP", "REB", "UAF", "SPY", "ELI", "PTY"}
# Titles too loose to code an unknown person without a country or organisation ('a spokeswoman said').
WEAK_TITLES = {
    "spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "official", "leader", "secretary",
    "director", "head", "chief", "chairman", "chairwoman", "member", "president", "vice president", "deputy",
    "speaker", "commander", "officer", "chief executive", "executive", "manager", "founder", "partner",
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

# Head words of agent phrases that name a body or a collective, not one person.
_GROUP_HEADS = {
    "government", "administration", "authorities", "authority", "cabinet", "ministry", "ministries",
    "parliament", "legislature", "senate", "congress", "assembly", "council", "committee", "commission",
    "court", "tribunal", "judiciary", "army", "military", "navy", "forces", "force", "troops", "police",
    "media", "press", "agency", "opposition", "party", "front", "movement", "group", "coalition", "regime",
    "junta", "union", "delegation", "company", "corporation", "industry", "militia", "office", "service",
    "department", "bureau", "chamber", "house", "duma", "board", "guard", "patrol", "unit", "brigade",
    "battalion", "division", "corps", "organization", "organisation", "network", "station", "newspaper",
    "television", "business", "bank", "university", "school", "alliance", "faction", "wing", "camp",
    "hospital", "college", "temple", "church", "mosque", "synagogue", "firm", "club", "team", "federation",
}
# Words before an agent word that do not change who is meant ("senior officials", "new president").
QUALIFIERS = {
    "senior", "top", "high", "high-ranking", "former", "ex", "then", "acting", "interim", "new", "outgoing",
    "incoming", "current", "deputy", "first", "chief", "leading", "local", "national", "federal", "state",
    "central", "regional", "provincial", "several", "two", "three", "many", "some", "other", "unnamed",
}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "both"}


def agent_entry(hit: Hit | None) -> Entry | None:
    """The agent entry of a hit, if it is an agent word."""
    return hit.first("agent") if hit is not None else None


def kind_of(entry: Entry) -> str:
    """'person' when the agent word names one person (minister), 'group' for a body (parliament)."""
    if entry.kind in ("person", "group"):
        return entry.kind
    head = entry.key.rsplit(" ", 1)[-1]
    if head in _GROUP_HEADS or head.endswith(("ment", "ry", "ity", "ion", "cy", "ure")):
        return "group"
    return "person"


def is_plural(token: Token) -> bool:
    """Whether a noun is plural (officials, troops, parliamentarians)."""
    return token.tag_ in ("NNS", "NNPS")


def names_people(entry: Entry, head: Token) -> bool:
    """Whether an agent phrase with this head names a group of people or a body (an entity of its own)."""
    return kind_of(entry) == "group" or is_plural(head)


def role_text(tokens: list[Token]) -> str:
    """A title as a role: 'foreign minister' -> 'Foreign Minister' (the words as written, in title case)."""
    words = []
    for t in tokens:
        w = t.text
        if w.lower() in ("of", "for", "and", "the", "on", "in"):
            words.append(w.lower())
        elif w.isupper() and len(w) <= 4:
            words.append(w)
        else:
            words.append(w[:1].upper() + w[1:].lower() if w.islower() or w.isupper() else w)
    return " ".join(words)
