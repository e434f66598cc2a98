"""One source of truth: `schema.FIELDS` → validator, JSON Schema; lists are data, not code."""

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import REPO, VALID_FRONT

from generator import schema
from generator.cli import main
from generator.jsonschema import SCHEMA_FILE, dumps, json_schema
from generator.project import load_project
from generator.vocab import load_vocab

LISTS = REPO / "practices" / "_lijsten"


@pytest.fixture(scope="module")
def vocab():
    found, problems = load_vocab(REPO / "practices" / "_lijsten")
    assert problems == []
    return found


@pytest.fixture(scope="module")
def js(vocab):
    return json_schema(vocab)


def slugs_in(file_name):
    """The slugs of a list file, read as plain lines (not through the code under test)."""
    text = (LISTS / file_name).read_text(encoding="utf-8")
    return re.findall(r"^- slug: *(\S+) *$", text, re.MULTILINE)


def test_every_field_is_in_the_schema(js):
    assert list(js["properties"]) == [f.key for f in schema.FIELDS]
    assert js["additionalProperties"] is False
    assert js["type"] == "object"


def test_required_keys_match(js):
    assert js["required"] == [f.key for f in schema.FIELDS if f.required]
    assert js["required"] == [
        "titel",
        "gemeenten",
        "sdgs",
        "beleidsdomeinen",
        "status",
        "jaar",
        "samenvatting",
    ]


def test_nested_objects_match(js):
    props = js["properties"]
    assert list(props["contact"]["properties"]) == ["naam", "dienst", "email", "url"]
    assert props["contact"]["anyOf"] == [{"required": ["naam"]}, {"required": ["dienst"]}]
    assert props["links"]["items"]["required"] == ["titel", "url"]
    assert list(props["afbeelding"]["properties"]) == ["pad", "alt"]
    assert props["afbeelding"]["required"] == ["pad", "alt"]
    for key in ["contact", "afbeelding"]:
        assert props[key]["additionalProperties"] is False


def test_limits_match(js):
    props = js["properties"]
    assert (props["titel"]["minLength"], props["titel"]["maxLength"]) == (5, 120)
    assert (props["samenvatting"]["minLength"], props["samenvatting"]["maxLength"]) == (40, 400)
    assert (props["sdgs"]["minItems"], props["sdgs"]["maxItems"]) == (1, 5)
    assert props["sdgs"]["uniqueItems"] is True
    assert props["jaar"]["minimum"] == schema.MIN_YEAR
    assert props["afbeelding"]["properties"]["alt"]["minLength"] == 5


def test_domain_enum_is_the_list_file(js):
    assert js["properties"]["beleidsdomeinen"]["items"]["enum"] == slugs_in("beleidsdomeinen.yml")
    assert len(slugs_in("beleidsdomeinen.yml")) >= 26


def test_other_enums_come_from_the_vocabularies(js, vocab):
    props = js["properties"]
    assert (
        props["lmb-categorie"]["enum"]
        == slugs_in("lmb-categorieen.yml")
        == [
            "financiele-steun-en-stedenbanden",
            "sensibilisering-en-educatie",
            "lokale-evenementen-en-acties",
            "beleidsmatige-verankering",
            "fair-trade",
        ]
    )
    assert (
        props["principes"]["items"]["enum"]
        == slugs_in("principes.yml")
        == [
            "leave-no-one-behind",
            "dwarsverbanden",
            "multi-stakeholder",
            "participatie",
            "transversaal-werken",
        ]
    )
    assert props["status"]["enum"] == ["gepland", "lopend", "afgerond"]
    assert props["sdgs"]["items"]["enum"] == list(range(1, 18))
    assert len(props["subdoelen"]["items"]["enum"]) == 169
    assert props["gemeenten"]["items"]["enum"] == list(vocab.municipalities)
    assert len(props["gemeenten"]["items"]["enum"]) == 285
    assert {"BJ", "SN", "ZA", "RW", "EC", "NI"} <= set(props["partnerlanden"]["items"]["enum"])


def test_required_domains_of_the_issue_are_in_the_list():
    assert {
        "armoede-en-sociaal-beleid",
        "welzijn-en-zorg",
        "gezondheid",
        "onderwijs-en-kinderopvang",
        "jeugd",
        "cultuur",
        "sport-en-vrije-tijd",
        "wonen",
        "ruimtelijke-ordening",
        "mobiliteit",
        "lokale-economie",
        "werk",
        "landbouw-en-voeding",
        "natuur-en-milieu",
        "klimaat-en-energie",
        "water",
        "afval-en-materialen",
        "veiligheid",
        "diversiteit-en-integratie",
        "gelijke-kansen-en-gender",
        "participatie-en-inspraak",
        "internationale-samenwerking",
        "duurzaam-aankoopbeleid",
        "organisatie-en-personeel",
        "financien",
        "communicatie",
    } <= set(slugs_in("beleidsdomeinen.yml"))


def test_every_domain_has_a_label_and_description(vocab):
    for term in vocab.domains.values():
        assert term.label and term.description, term.slug


def test_adding_a_domain_is_a_data_change(project, monkeypatch):
    monkeypatch.chdir(project.root)
    project.add(
        "praktijk.md", front=VALID_FRONT.replace("duurzaam-aankoopbeleid", "ontwikkelingseducatie")
    )
    before = [str(p) for p in load_project(project.root).problems]
    assert before == [
        "practices/praktijk.md:7: fout: beleidsdomeinen: 'ontwikkelingseducatie' is geen geldig "
        "beleidsdomein. De toegelaten waarden staan in practices/_lijsten/beleidsdomeinen.yml."
    ]

    lists = project.practices / "_lijsten" / "beleidsdomeinen.yml"
    with lists.open("a", encoding="utf-8") as f:
        f.write(
            "- slug: ontwikkelingseducatie\n  naam: Ontwikkelingseducatie\n"
            "  beschrijving: Educatie over mondiale vraagstukken.\n"
        )

    result = load_project(project.root)
    assert result.problems == []
    assert result.practices[0].beleidsdomeinen == ["ontwikkelingseducatie"]
    vocab, problems = load_vocab(project.root / "practices" / "_lijsten")
    assert problems == []
    assert json_schema(vocab)["properties"]["beleidsdomeinen"]["items"]["enum"][-1] == (
        "ontwikkelingseducatie"
    )
    assert vocab.domains["ontwikkelingseducatie"].label == "Ontwikkelingseducatie"


def test_schema_file_is_up_to_date(vocab):
    path = REPO / SCHEMA_FILE
    if not path.exists():
        pytest.skip(f"{SCHEMA_FILE} does not exist")
    assert path.read_text(encoding="utf-8") == dumps(vocab), (
        f"{SCHEMA_FILE} is stale: run `python -m generator schema --out {SCHEMA_FILE}`"
    )


def test_schema_command_prints_and_writes(vocab, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(REPO)
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == dumps(vocab)
    out = tmp_path / "schema.json"
    assert main(["schema", "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == json_schema(vocab)


# --- the schema accepts what the validator accepts -----------------------------------------


def conforms(value, spec, where="$"):
    """Problems of `value` against the subset of JSON Schema that `json_schema` uses."""
    found = []
    kind = spec.get("type")
    types = {"object": dict, "array": list, "string": str, "integer": int, "boolean": bool}
    if kind and not (
        isinstance(value, types[kind]) and not (kind == "integer" and isinstance(value, bool))
    ):
        return [f"{where}: not {kind}"]
    if "enum" in spec and value not in spec["enum"]:
        found.append(f"{where}: {value!r} not in enum")
    if isinstance(value, str):
        if len(value) < spec.get("minLength", 0) or len(value) > spec.get("maxLength", 10**9):
            found.append(f"{where}: length {len(value)}")
        if "pattern" in spec and not re.search(spec["pattern"], value):
            found.append(f"{where}: does not match {spec['pattern']}")
    if (
        isinstance(value, int)
        and not isinstance(value, bool)
        and (value < spec.get("minimum", -(10**9)) or value > spec.get("maximum", 10**9))
    ):
        found.append(f"{where}: {value} out of range")
    if isinstance(value, list):
        if len(value) < spec.get("minItems", 0) or len(value) > spec.get("maxItems", 10**9):
            found.append(f"{where}: {len(value)} items")
        for i, item in enumerate(value):
            found += conforms(item, spec.get("items", {}), f"{where}[{i}]")
    if isinstance(value, dict):
        found += [f"{where}: missing {k}" for k in spec.get("required", []) if k not in value]
        for key, item in value.items():
            if key not in spec.get("properties", {}):
                found.append(f"{where}: unexpected {key}")
            else:
                found += conforms(item, spec["properties"][key], f"{where}.{key}")
    return found


def test_repository_practices_conform_to_the_schema(js):
    files = sorted((REPO / "practices").glob("*.md"))
    assert files
    for path in files:
        front = path.read_text(encoding="utf-8").split("\n---\n", 1)[0].removeprefix("---\n")
        data = yaml.load(front, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        for key, value in data.items():
            if isinstance(value, dt.date):
                data[key] = value.isoformat()
        assert conforms(data, js) == [], path.name


def test_schema_rejects_what_the_validator_rejects(js):
    fields_only = {"type": "object", "properties": js["properties"]}
    assert conforms({"titel": "Kort"}, js) == [
        *[f"$: missing {k}" for k in js["required"] if k != "titel"],
        "$.titel: length 4",
    ]
    assert conforms({"sdgs": [0, 18]}, fields_only) == [
        "$.sdgs[0]: 0 not in enum",
        "$.sdgs[0]: 0 out of range",
        "$.sdgs[1]: 18 not in enum",
        "$.sdgs[1]: 18 out of range",
    ]
    assert conforms({"links": [{"titel": "Link", "url": "javascript:alert(1)"}]}, fields_only) == [
        "$.links[0].url: does not match ^https?://"
    ]
    assert conforms({"gemeente": ["Gent"]}, fields_only) == ["$: unexpected gemeente"]


def test_schema_is_written_in_dutch_for_editors(js):
    for spec in js["properties"].values():
        assert spec["title"] and spec["description"]
    assert Path(SCHEMA_FILE).name == "praktijk.schema.json"
