"""User actor files (YAML or CSV) that add or override actors; format in docs/actors.md."""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path
from typing import Any, Iterable, Iterator

import yaml

from ..errors import ConfigError
from .codes import split_code
from .lexicon import Entry, Lexicon, phrase_key

ENV = "DATELINE_ACTORS"
TYPES = {"person", "org", "place", "agent"}
PLACE_KINDS = {"country", "demonym", "capital", "city", "place"}
_CODE = re.compile(r"^(?:[A-Z]{3})+$")
_DAY = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
CSV_COLUMNS = ("name", "aliases", "type", "code", "from", "until", "role", "kind")


class _LineLoader(yaml.SafeLoader):
    """A YAML loader that records the line of every mapping, so errors can name it."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def _fail(path: str, line: int | None, reason: str) -> ConfigError:
    where = f"line {line}: " if line else ""
    return ConfigError(f"{where}{reason}", input=path)


def _day(value: Any, path: str, line: int | None, field: str) -> str | None:
    if value in (None, ""):
        return None
    text = str(value).strip()
    if not _DAY.match(text):
        raise _fail(path, line, f"{field} must be a date like 2015-12-04, not {text!r}")
    return text


def _code(value: Any, path: str, line: int | None) -> str:
    code = str(value or "").strip().upper()
    if not _CODE.match(code):
        raise _fail(path, line, f"code must be CAMEO letters in groups of three (e.g. SRBGOV), not {value!r}")
    country, rest = split_code(code)
    return (country or "") + rest


def _role_item(code: str, start: str | None, end: str | None, role: str | None) -> str:
    item = code
    if start or end:
        item += f"@{start or ''}..{end or ''}"
    if role:
        item += "#" + role.replace(";", ",").replace("#", " ")
    return item


def _entries_for(path: str, line: int | None, name: str, aliases: list[str], kind: str,
                 codes: list[str], extra: dict[str, str]) -> Iterator[Entry]:
    """Lexicon entries for one user actor."""
    if not name:
        raise _fail(path, line, "every actor needs a name")
    if kind not in TYPES:
        raise _fail(path, line, f"type must be one of {', '.join(sorted(TYPES))}, not {kind!r}")
    source = f"{path}:{line}" if line else path
    texts = [name] + [a for a in aliases if a]
    if kind == "place":
        country = extra.get("country") or (codes[0].split("@")[0] if codes else "")
        place_kind = extra.get("kind") or "place"
        if not re.match(r"^[A-Z]{3}$", country or ""):
            raise _fail(path, line, "a place needs a three-letter country code")
        if place_kind not in PLACE_KINDS:
            raise _fail(path, line, f"kind must be one of {', '.join(sorted(PLACE_KINDS))}")
        group = f"country:{country}" if place_kind in ("country", "demonym") else f"place:{phrase_key(name)}"
        for t in texts:
            yield Entry("place", phrase_key(t), country, place_kind, group, name=name, source=source)
        return
    if not codes:
        raise _fail(path, line, f"actor {name!r} has no code")
    if kind == "agent":
        for t in texts:
            yield Entry("agent", phrase_key(t), codes[0].split("@")[0], extra.get("kind") or "", f"agent:{phrase_key(t)}", source=source)
        return
    for t in texts:
        yield Entry("user", phrase_key(t), None, kind, f"user:{name}", name=name, codes=";".join(codes), source=source)


def _from_yaml(path: str, text: str) -> Iterator[Entry]:
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise _fail(path, mark.line + 1 if mark else None, f"not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if isinstance(data, dict) and "actors" in data:
        data = data["actors"]
    if not isinstance(data, list):
        raise _fail(path, None, "expected a list of actors (or a mapping with an 'actors' list)")
    for item in data:
        if not isinstance(item, dict):
            raise _fail(path, None, f"each actor must be a mapping, not {item!r}")
        line = item.get("__line__")
        aliases = item.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [aliases]
        codes = []
        if item.get("code"):
            codes.append(_role_item(_code(item["code"], path, line), _day(item.get("from"), path, line, "from"),
                                    _day(item.get("until"), path, line, "until"), item.get("role")))
        for c in item.get("codes") or []:
            if not isinstance(c, dict):
                c = {"code": c, "__line__": line}
            cl = c.get("__line__", line)
            codes.append(_role_item(_code(c.get("code"), path, cl), _day(c.get("from"), path, cl, "from"),
                                    _day(c.get("until"), path, cl, "until"), c.get("role")))
        kind = str(item.get("type") or ("person" if any(c.get("role") for c in item.get("codes") or [] if isinstance(c, dict)) else "org"))
        extra = {k: str(item[k]) for k in ("country", "kind") if item.get(k)}
        if kind == "place" and "country" in extra:
            extra["country"] = extra["country"].upper()
        yield from _entries_for(path, line, str(item.get("name") or "").strip(), [str(a) for a in aliases], kind, codes, extra)


def _from_csv(path: str, text: str) -> Iterator[Entry]:
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    if "name" not in header or not ({"code", "kind"} & set(header)):
        raise _fail(path, 1, f"the header must name the columns: {', '.join(CSV_COLUMNS)}")
    unknown = [h for h in header if h not in CSV_COLUMNS]
    if unknown:
        raise _fail(path, 1, f"unknown column {unknown[0]!r} (expected {', '.join(CSV_COLUMNS)})")
    actors: dict[str, dict[str, Any]] = {}
    for n, row in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items() if k}
        name = row.get("name", "")
        if not name:
            raise _fail(path, n, "every row needs a name")
        actor = actors.setdefault(name, {"line": n, "aliases": [], "type": "", "codes": [], "extra": {}})
        actor["aliases"] += [a.strip() for a in row.get("aliases", "").split("|") if a.strip()]
        actor["type"] = actor["type"] or row.get("type", "")
        if row.get("kind"):
            actor["extra"]["kind"] = row["kind"]
        if row.get("code"):
            code = _code(row["code"], path, n)
            if (actor["type"] or "") == "place":
                actor["extra"]["country"] = code
            actor["codes"].append(_role_item(code, _day(row.get("from"), path, n, "from"),
                                             _day(row.get("until"), path, n, "until"), row.get("role") or None))
    for name, a in actors.items():
        kind = a["type"] or ("person" if any("#" in c for c in a["codes"]) else "org")
        yield from _entries_for(path, a["line"], name, a["aliases"], kind, a["codes"], a["extra"])


def read_actor_file(path: str | os.PathLike[str]) -> list[Entry]:
    """Entries from one user actor file (.yaml/.yml or .csv); ConfigError naming the file and line when bad."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read actor file ({exc.__class__.__name__}: {exc})", input=name) from None
    suffix = Path(path).suffix.lower()
    if suffix in (".yaml", ".yml"):
        return list(_from_yaml(name, text))
    if suffix in (".csv", ".tsv"):
        return list(_from_csv(name, text if suffix == ".csv" else text.replace("\t", ",")))
    raise ConfigError("actor files must end in .yaml, .yml or .csv", input=name)


def with_files(base: Lexicon, paths: Iterable[str | os.PathLike[str]]) -> Lexicon:
    """The base lexicon plus the user files' actors (the base is not changed)."""
    entries = [e for p in paths for e in read_actor_file(p)]
    if not entries:
        return base
    lex = base.copy()
    lex.add(entries)
    return lex


def env_paths() -> list[str]:
    """Paths in $DATELINE_ACTORS (colon-separated)."""
    return [p for p in os.environ.get(ENV, "").split(os.pathsep) if p.strip()]


def with_env_files(base: Lexicon) -> Lexicon:
    """The base lexicon plus the actors of the files named in $DATELINE_ACTORS."""
    return with_files(base, env_paths())
