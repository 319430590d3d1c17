"""User actor files (YAML, CSV) add actors with dated roles; bad files fail with the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.actors import code_phrase, find_entities, lexicon, use_actor_files
from dateline.actors.user import ENV, read_actor_file
from dateline.errors import ConfigError

YAML = """\
actors:
  - name: Ilse Varga
    aliases: [Varga]
    type: person
    codes:
      - {code: HUNGOV, from: 2010-01-01, until: 2014-12-31, role: Interior Minister}
      - {code: HUNOPP, from: 2015-01-01, role: Opposition Leader}
  - name: Northern Fishermen Federation
    aliases: [NFF]
    code: NORLAB
  - name: Port Aurel
    type: place
    country: HUN
    kind: city
"""

CSV = """\
name,aliases,type,code,from,until,role
Tomas Rell,Rell,person,CZEGOV,2012-01-01,2016-12-31,Finance Minister
Tomas Rell,Rell,person,CZEBUS,2017-01-01,,
Baltic Grain Union,BGU,org,LVABUS,,,
"""


@pytest.fixture(autouse=True)
def _reset():
    yield
    use_actor_files(None)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.slow
def test_yaml_people_get_the_role_of_the_date(tmp_path, phrase) -> None:
    use_actor_files([write(tmp_path, "mine.yaml", YAML)])
    span = phrase("Ilse Varga spoke on Monday.", "Ilse Varga")
    then, now = code_phrase(span, "2012-06-01"), code_phrase(span, "2016-06-01")
    assert (then.code, then.role) == ("HUNGOV", "Interior Minister")
    assert (now.code, now.role) == ("HUNOPP", "Opposition Leader")
    assert "mine.yaml" not in now.rule and now.rule.startswith("user:Ilse Varga")


@pytest.mark.slow
def test_yaml_organisations_and_places(tmp_path, phrase) -> None:
    use_actor_files([write(tmp_path, "mine.yml", YAML)])
    assert code_phrase(phrase("The NFF called a strike.", "NFF")).code == "NORLAB"
    assert code_phrase(phrase("Dockers in Port Aurel walked out.", "Port Aurel")).code == "HUN"


@pytest.mark.slow
def test_csv_actors_group_rows_by_name(tmp_path, phrase, parse) -> None:
    use_actor_files([write(tmp_path, "mine.csv", CSV)])
    span = phrase("Tomas Rell resigned.", "Tomas Rell")
    assert code_phrase(span, "2013-01-01").code == "CZEGOV"
    assert code_phrase(span, "2018-01-01").code == "CZEBUS"
    article, doc = parse("Tomas Rell met the Baltic Grain Union. Rell said the BGU had agreed.", "2013-05-01")
    entities = find_entities(doc, article)
    rell = next(e for e in entities if e.name == "Tomas Rell")
    assert rell.actor.code == "CZEGOV" and len(rell.mentions) == 2


@pytest.mark.slow
def test_environment_variable_names_the_files(tmp_path, phrase, monkeypatch) -> None:
    first = write(tmp_path, "a.yaml", YAML)
    second = write(tmp_path, "b.csv", CSV)
    monkeypatch.setenv(ENV, f"{first}:{second}")
    lexicon.set_current(None)
    assert code_phrase(phrase("The NFF struck.", "NFF")).code == "NORLAB"
    assert code_phrase(phrase("Tomas Rell resigned.", "Tomas Rell"), "2013-01-01").code == "CZEGOV"
    monkeypatch.delenv(ENV)
    lexicon.set_current(None)
    assert code_phrase(phrase("Tomas Rell resigned.", "Tomas Rell"), "2013-01-01") is None


@pytest.mark.parametrize(
    ("name", "text", "line", "words"),
    [
        ("bad.yaml", "actors:\n  - name: X\n    code: SR\n", 2, "code must be CAMEO letters"),
        ("bad.yaml", "- name: X\n  code: SRBGOV\n- name: Y\n  code: SRBGOV\n  from: last year\n", 3, "from must be a date"),
        ("bad.yaml", "- name: X\n  type: robot\n  code: SRB\n", 1, "type must be one of"),
        ("bad.yaml", "- aliases: [X]\n  code: SRB\n", 1, "needs a name"),
        ("bad.yaml", "- name: X\n  type: org\n", 1, "has no code"),
        ("bad.yaml", "- name: X\n  code: SRB\n  - broken\n", 3, "not valid YAML"),
        ("bad.csv", "name,code,colour\nX,SRB,red\n", 1, "unknown column"),
        ("bad.csv", "name,code\nX,SRBGOV\n,SRB\n", 3, "needs a name"),
        ("bad.csv", "name,code,from\nX,SRBGOV,yesterday\n", 2, "from must be a date"),
    ],
)
def test_bad_files_name_the_file_and_line(tmp_path, name, text, line, words) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(ConfigError) as err:
        read_actor_file(path)
    message = str(err.value)
    assert str(path) in message and words in message and message.endswith("[E004]")
    assert f"line {line}:" in message


def test_missing_file_and_unknown_format(tmp_path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        read_actor_file(tmp_path / "absent.yaml")
    with pytest.raises(ConfigError, match=r"\.yaml, \.yml or \.csv"):
        read_actor_file(write(tmp_path, "actors.txt", "x"))
