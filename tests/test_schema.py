"""One declaration per key: the readers, the JSON Schemas, schemas/ and the docs' tables agree.

offices.yaml and front matter are each declared once; sitegen reads them from that
declaration and `sitegen schema` publishes it as JSON Schema for the editors' tools and
the web editor. These tests hold the copies to the declaration and the schema to the
reader: what the shipped repository holds passes both, and what the reader refuses the
schema refuses too.
"""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import UTC
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from sitegen.cli import main
from sitegen.config import yaml_lines
from sitegen.config.offices import load_network
from sitegen.config.offices_keys import OFFICES, UNIT
from sitegen.config.settings import Network, Office
from sitegen.dates import DateFormatError, parse_datetime
from sitegen.errors import Problems
from sitegen.sources.front_matter import FrontMatter, FrontMatterError, parse, split
from sitegen.sources.front_matter_keys import DATE_PATTERN, FRONT_MATTER
from sitegen.sources.layout import DATED_SECTIONS

from .conftest import OFFICES as TEST_OFFICES

REPO = Path(__file__).resolve().parents[1]


def printed(*args: str) -> str:
    result = CliRunner().invoke(main, ["schema", *args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def offices_schema() -> jsonschema.Draft202012Validator:
    """offices.yaml's schema as `sitegen schema offices` prints it."""
    return jsonschema.Draft202012Validator(json.loads(printed("offices")))


@pytest.fixture(scope="module")
def front_matter_schemas() -> tuple[jsonschema.Draft202012Validator, jsonschema.Draft202012Validator]:
    """A page's schema and a news item's or announcement's (#/$defs/dated)."""
    document = json.loads(printed("front-matter"))
    page = jsonschema.Draft202012Validator(document)
    return page, page.evolve(schema=document["$defs"]["dated"])


# --- the published copies ---


@pytest.mark.parametrize("contract", ["offices", "front-matter"])
def test_the_schemas_in_the_repository_are_what_sitegen_schema_prints(contract):
    shipped = (REPO / "schemas" / f"{contract}.schema.json").read_text(encoding="utf-8")
    assert shipped == printed(contract), f"run: sitegen schema {contract} > schemas/{contract}.schema.json"


@pytest.mark.parametrize("contract", ["offices", "front-matter"])
def test_each_schema_is_a_valid_draft_2020_12_schema(contract):
    document = json.loads(printed(contract))
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(document)


@pytest.mark.parametrize("contract", ["offices", "front-matter"])
def test_the_documentation_table_is_what_the_declaration_renders(contract):
    doc = (REPO / "docs" / "keys.md").read_text(encoding="utf-8")
    start = f"<!-- generated: sitegen schema {contract} --markdown -->\n"
    assert start in doc
    table = doc.split(start, 1)[1].split("<!-- end generated -->", 1)[0]
    assert table == printed(contract, "--markdown"), f"regenerate docs/keys.md from sitegen schema {contract}"


def test_an_unknown_contract_is_a_usage_error():
    result = CliRunner().invoke(main, ["schema", "offices.yaml"])
    assert result.exit_code == 2
    assert "offices" in result.output and "front-matter" in result.output


# --- one declaration: the Python objects hold exactly the declared keys ---


def test_a_unit_holds_one_field_per_declared_key():
    declared = {key.field for key in UNIT.keys}
    fields = {f.name for f in dataclasses.fields(Office)} - {"lines", "line"}
    assert fields == declared


def test_front_matter_holds_one_field_per_declared_key():
    fields = {f.name for f in dataclasses.fields(FrontMatter)} - {"lines"}
    assert fields == set(FRONT_MATTER.names)


def test_every_declared_key_says_what_it_holds_in_english_and_indonesian():
    def walk(key):
        yield key
        for sub in key.keys:
            yield from walk(sub)
        if key.item is not None:
            yield from walk(key.item)

    for key in (*walk(OFFICES), *walk(FRONT_MATTER)):
        assert key.en.strip() and key.id.strip(), key.name
        assert key.en != key.id, key.name


def test_a_key_added_to_the_declaration_is_known_to_the_reader(tmp_path, monkeypatch):
    """did-you-mean and the unknown-key check read the declaration, not a list of their own."""
    path = tmp_path / "offices.yaml"
    path.write_text(TEST_OFFICES.replace("    kind: rudenim\n", "    kind: rudenim\n    shortname: X\n"))
    problems = Problems(tmp_path)
    assert load_network(path, problems) is None
    assert any(
        "unknown key 'shortname' in a unit (did you mean 'short_name'?)" in str(p) for p in problems.errors
    )


# --- the shipped repository passes the schemas ---


def test_the_shipped_offices_yaml_passes_its_schema(offices_schema):
    data = yaml_lines.load((REPO / "offices.yaml").read_text(encoding="utf-8"))
    errors = [f"{list(e.path)}: {e.message}" for e in offices_schema.iter_errors(data)]
    assert errors == []


def test_the_shipped_offices_yaml_names_its_schema_for_editors():
    first = (REPO / "offices.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=schemas/offices.schema.json"
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    (target,) = [schema for schema, files in settings["yaml.schemas"].items() if "offices.yaml" in files]
    assert (REPO / target).resolve() == REPO / "schemas" / "offices.schema.json"


def _content_files() -> list[Path]:
    return sorted(p for p in (REPO / "content").rglob("*.md") if "static" not in p.parts)


def _is_dated(path: Path) -> bool:
    parts = path.relative_to(REPO / "content").parts
    inside = parts[2:] if parts[0] == "offices" else parts[1:]
    return len(inside) > 1 and inside[0] in DATED_SECTIONS and path.name != "_index.md"


def test_every_shipped_page_passes_the_front_matter_schema(front_matter_schemas):
    page, dated = front_matter_schemas
    files = _content_files()
    assert len(files) > 50  # the shipped content, not an empty folder
    refused = []
    for path in files:
        raw, _, first, _ = split(path.read_text(encoding="utf-8-sig"))
        data = yaml_lines.load(raw, first_line=first) if raw.strip() else {}
        validator = dated if _is_dated(path) else page
        refused += [f"{path.relative_to(REPO)}: {e.message}" for e in validator.iter_errors(data)]
    assert refused == []
    assert any(_is_dated(p) for p in files)


# --- the schema refuses what the reader refuses ---


def _load_test_offices() -> dict[str, Any]:
    return json.loads(json.dumps(yaml_lines.load(TEST_OFFICES)))


def _unit(data: dict[str, Any]) -> dict[str, Any]:
    return data["units"][0]


def _read_offices(tmp_path: Path, data: dict[str, Any]) -> tuple[Network | None, list[str], Any]:
    """``data`` written as offices.yaml and read: the network, the reader's errors, what the file holds."""
    path = tmp_path / "offices.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    problems = Problems(tmp_path)
    network = load_network(path, problems)
    return network, [str(p) for p in problems.errors], yaml_lines.load(path.read_text(encoding="utf-8"))


BAD_OFFICES = {
    "unknown key": (lambda d: _unit(d).update(timezon="Asia/Pontianak"), "unknown key 'timezon'"),
    "missing short_name": (lambda d: _unit(d).pop("short_name"), "has no 'short_name'"),
    "empty name": (lambda d: _unit(d).update(name=""), "has no 'name'"),
    "id not a slug": (lambda d: _unit(d).update(id="Alpha_1"), "is not a slug"),
    "unknown kind": (lambda d: _unit(d).update(kind="kantor"), "unknown kind 'kantor'"),
    "base_url not http": (lambda d: _unit(d).update(base_url="ftp://alpha.example/"), "base_url"),
    "base_url with a user": (
        lambda d: _unit(d).update(base_url="https://alpha.example@evil.example/"),
        "base_url",
    ),
    "base_url with a query": (lambda d: _unit(d).update(base_url="https://alpha.example/?a=1"), "base_url"),
    "hours unreadable": (lambda d: _unit(d)["hours"].update(senin="8 sampai 16"), "cannot read hours"),
    "hours impossible": (lambda d: _unit(d)["hours"].update(senin="08.00-24.30"), "impossible time"),
    "unknown weekday": (lambda d: _unit(d)["hours"].update(jum_at="08.00-16.00"), "unknown key 'jum_at'"),
    "e-mail with a space": (
        lambda d: _unit(d)["contacts"].update(email="humas @imigrasi.go.id"),
        "is not an e-mail address",
    ),
    "social on another domain": (
        lambda d: _unit(d).update(social={"facebook": "https://facebook.com.evil.example/kanim"}),
        "is not on facebook.com",
    ),
    "social naming no account": (
        lambda d: _unit(d).update(social={"instagram": "https://www.instagram.com/"}),
        "names no account",
    ),
    "social over http": (
        lambda d: _unit(d).update(social={"youtube": "http://youtube.com/@kanim"}),
        "social.youtube",
    ),
    "unknown service": (lambda d: _unit(d).update(services=["visa"]), "unknown service 'visa'"),
    "theme a path": (lambda d: _unit(d).update(theme="../lain"), "is not the name of a folder"),
    "accent not a colour": (lambda d: _unit(d).update(accent="biru"), "is not a colour"),
    "logo not a site path": (lambda d: _unit(d).update(logo="static/logo.png"), "is not a path of the site"),
    "banner leaving the site": (
        lambda d: _unit(d).update(banner="/../banner.jpg"),
        "is not a path of the site",
    ),
    "trusted_html a word": (lambda d: _unit(d).update(trusted_html="ya"), "must be true or false"),
    "trusted_static a word": (lambda d: _unit(d).update(trusted_static="semua"), "'trusted_static' must be"),
    "unverified unknown key": (lambda d: _unit(d).update(unverified=["alamat"]), "unknown unverified"),
    "params not a mapping": (lambda d: _unit(d).update(params="x"), "'params' must be a mapping"),
    "class date unreadable": (
        lambda d: _unit(d)["class"].update(as_of="1 Januari 2023"),
        "cannot read as_of date",
    ),
    "languages not a list": (lambda d: _unit(d).update(languages={"id": 1}), "must be a list of texts"),
    "language no site has": (
        lambda d: _unit(d).update(languages=["id", "english"]),
        "unknown language 'english'",
    ),
    "default language no site has": (
        lambda d: d["network"].update(default_language="inggris"),
        "unknown language 'inggris'",
    ),
    "page size zero": (
        lambda d: d["network"].update(list={"page_size": 0}),
        "must be a positive whole number",
    ),
    "feed items a word": (lambda d: d["network"]["feeds"].update(items="dua puluh"), "positive whole number"),
    "topic not a tag": (lambda d: d["network"].update(topics={"Layanan Publik": "x"}), "not written as tags"),
    "topic without a name": (lambda d: d["network"].update(topics={"plb": ""}), "needs a name"),
    "security contact over http": (
        lambda d: d["network"].update(security_contact="http://imigrasi.example/"),
        "security_contact",
    ),
    "no units": (lambda d: d.update(units=[]), "'units' must be a non-empty list"),
    "unknown top-level key": (lambda d: d.update(unit=[]), "unknown key 'unit' in top level"),
}


@pytest.mark.parametrize("case", BAD_OFFICES, ids=list(BAD_OFFICES))
def test_what_the_offices_reader_refuses_the_schema_refuses(tmp_path, offices_schema, case):
    change, said = BAD_OFFICES[case]
    data = _load_test_offices()
    change(data)
    network, errors, written = _read_offices(tmp_path, data)
    assert network is None
    assert any(said in error for error in errors), errors
    assert not offices_schema.is_valid(written)


def test_the_test_network_passes_both_the_reader_and_the_schema(tmp_path, offices_schema):
    data = _load_test_offices()
    _unit(data).update(
        accent="#0b3d6e",
        logo="/static/logo.png",
        social={"facebook": "https://www.facebook.com/kanim.alpha", "x": "https://x.com/kanimalpha"},
        trusted_static=["js/peta.js"],
        unverified=["address", "hours"],
    )
    _unit(data)["contacts"].update(email="humas@alpha.example.go.id", whatsapp="")
    _unit(data)["hours"].update(sabtu="tutup", jumat="08.00-11.30, 13.30-16.30")
    data["network"].update(security_contact="keamanan@uji.example", topics={"plb": "Pas Lintas Batas"})
    network, errors, written = _read_offices(tmp_path, data)
    assert network is not None, errors
    assert [e.message for e in offices_schema.iter_errors(written)] == []


BAD_FRONT_MATTER = {
    "unknown key": "title: Paspor\ntitel: Paspor",
    "no title": "summary: tanpa judul",
    "empty title": 'title: ""',
    "blank title": 'title: "   "',
    "title read as yes": "title: yes",
    "title a list": "title: [Paspor]",
    "date in words": "title: Paspor\ndate: 1 Desember 2026",
    "date with its zone": "title: Paspor\ndate: 2026-12-01 09:30 WIB",
    "month thirteen": "title: Paspor\ndate: 2026-13-01",
    "hour 24": "title: Paspor\nupdated: 2026-12-01 24:00",
    "expires empty": "title: Paspor\nexpires:",
    "tags in one line": "title: Paspor\ntags: paspor, visa",
    "tags a mapping": "title: Paspor\ntags: {paspor: 1}",
    "aliases with a gap": "title: Paspor\naliases: [/lama/, null]",
    "draft tidak": "title: Paspor\ndraft: tidak",
    "pinned a number": "title: Paspor\npinned: 1",
    "weight a word": "title: Paspor\nweight: sepuluh",
    "weight a flag": "title: Paspor\nweight: true",
    "params not a mapping": "title: Paspor\nparams: x",
    "slug with spaces": "title: Paspor\nslug: Paspor Baru",
    "image running a script": "title: Paspor\nimage: 'javascript:alert(1)'\nimage_alt: x",
    "image data address": "title: Paspor\nimage: ' DATA:image/png;base64,AAAA'\nimage_alt: x",
    "source_url no address": "title: Paspor\nsource_url: www.example.go.id",
    "source_url with a space": "title: Paspor\nsource_url: https://example.go.id/a b",
    "source_url another host's path": "title: Paspor\nsource_url: //evil.example/x",
    "gone without a reason": "title: Paspor\ngone: ' '",
}


@pytest.mark.parametrize("case", BAD_FRONT_MATTER, ids=list(BAD_FRONT_MATTER))
def test_what_the_front_matter_parser_refuses_the_schema_refuses(front_matter_schemas, case):
    raw = BAD_FRONT_MATTER[case] + "\n"
    with pytest.raises(FrontMatterError):
        parse(raw, 2, required_date=False)
    page, _ = front_matter_schemas
    assert not page.is_valid(yaml_lines.load(raw, first_line=2))


def test_news_without_a_date_is_refused_by_the_parser_and_the_dated_schema(front_matter_schemas):
    raw = "title: Rapat koordinasi\n"
    with pytest.raises(FrontMatterError, match="missing date"):
        parse(raw, 2, required_date=True)
    page, dated = front_matter_schemas
    data = yaml_lines.load(raw, first_line=2)
    assert page.is_valid(data)
    assert not dated.is_valid(data)


def test_a_picture_needs_its_description_in_the_schema_as_in_the_build(front_matter_schemas):
    page, _ = front_matter_schemas
    assert not page.is_valid({"title": "Paspor", "image": "foto.jpg"})
    assert not page.is_valid({"title": "Paspor", "image": "foto.jpg", "image_alt": " "})
    assert page.is_valid({"title": "Paspor", "image": "foto.jpg", "image_alt": "Petugas di loket paspor"})


GOOD_FRONT_MATTER = (
    "title: Paspor\ndate: 2026-12-01\nupdated: 2026-12-01 9.30\nexpires: 2026-12-31T23:59:00+07:00",
    "title: Paspor\ntags: paspor\naliases: [/berita/lama/]\noffices: [alpha]\nkinds: [kanim]",
    "title: Paspor\nservices: [paspor, plb]\ndraft: true\nweight: -3\nparams: {warna: biru}",
    "title: Paspor\nimage: /img/loket.jpg\nimage_alt: Petugas di loket\nsource_url: /profil/dasar-hukum/",
    "title: Paspor\nslug: paspor-baru\nsource: PP 45/2024\nsource_url: https://peraturan.go.id/pp-45",
    'title: Paspor\ngone: "Dicabut karena jadwal berubah"\npinned: false\nsample: true',
)


@pytest.mark.parametrize("raw", GOOD_FRONT_MATTER)
def test_what_the_parser_reads_the_schema_accepts(front_matter_schemas, raw):
    parse(raw + "\n", 2, required_date=False)
    page, _ = front_matter_schemas
    assert [e.message for e in page.iter_errors(yaml_lines.load(raw + "\n", first_line=2))] == []


DATES_READ = (
    "2026-12-01",
    "2026-12-01 09:30",
    "2026-12-01 9:30",
    "2026-12-01 09.30",
    "2026-12-01 9.30",
    "2026-12-01 09:30:15",
    "2026-12-01T09:30",
    "2026-12-01T09:30:15",
    "2026-12-01T09:30:00+07:00",
    "2026-12-01 09:30+07:00",
    "2026-12-01T09:30:00+0800",
    "2026-12-01T01:30:00Z",
)
DATES_REFUSED = (
    "01-12-2026",
    "2026/12/01",
    "2026-12-01 24:00",
    "2026-12-01 09:60",
    "1 Desember 2026",
    "2026-00-10",
    "2026-12-01 09:30 WIB",
    "",
)
# Read by the reader, yet not the forms the documentation gives: the schema (and so the web
# editor's forms) asks for the documented form, which the reader reads the same way.
DATES_READ_BUT_UNDOCUMENTED = ("2026-12-1", "2026-12-01 09:30 +07:00")


def _reads(written: str) -> bool:
    try:
        parse_datetime(written, UTC)
    except DateFormatError:
        return False
    return True


@pytest.mark.parametrize("written", DATES_READ)
def test_the_date_pattern_accepts_the_documented_dates_the_reader_reads(written):
    assert _reads(written)
    assert re.search(DATE_PATTERN, written)


@pytest.mark.parametrize("written", DATES_REFUSED)
def test_the_date_pattern_refuses_what_the_reader_refuses(written):
    assert not _reads(written)
    assert not re.search(DATE_PATTERN, written)


@pytest.mark.parametrize("written", DATES_READ_BUT_UNDOCUMENTED)
def test_the_date_pattern_asks_for_the_documented_form_where_the_reader_is_lenient(written):
    assert _reads(written)
    assert not re.search(DATE_PATTERN, written)


def test_a_value_may_be_one_item_without_a_comma_in_both(front_matter_schemas):
    page, _ = front_matter_schemas
    assert parse("title: Paspor\ntags: paspor\n", 2, required_date=False).tags == ("paspor",)
    assert page.is_valid({"title": "Paspor", "tags": "paspor"})
    assert not page.is_valid({"title": "Paspor", "kinds": "kantor"})  # one value still from the list


def test_the_schemas_say_defaults_and_examples_for_the_forms():
    document = json.loads(printed("offices"))
    unit = document["$defs"]["unit"]
    assert unit["properties"]["theme"]["default"] == "default"
    assert unit["properties"]["kind"]["enum"] == ["kanim", "rudenim", "kanwil"]
    assert unit["required"] == ["id", "name", "short_name", "kind", "base_url", "timezone"]
    assert unit["properties"]["unverified"]["items"]["enum"] == list(UNIT.names)
    assert document["properties"]["network"]["properties"]["list"]["properties"]["page_size"]["minimum"] == 1
    title = json.loads(printed("front-matter"))["properties"]["title"]
    assert title["x-description-id"] == "Judul halaman."
    assert title["examples"]


@pytest.mark.parametrize("title", ["Jam {{ office.short_name }}", "Jam {% if office.name %}x{% endif %}"])
def test_the_schema_the_web_editor_and_the_reader_all_refuse_office_variables_in_a_title(title):
    from sitegen.cms.fields import title as title_field

    schema = json.loads(printed("front-matter"))
    validator = jsonschema.Draft202012Validator(schema)
    assert not validator.is_valid({"title": title})
    assert validator.is_valid({"title": "Jam dan Lokasi Layanan"})
    regex = title_field()["pattern"][0]
    assert not re.match(regex, title) and re.match(regex, "Jam dan Lokasi Layanan")
    with pytest.raises(FrontMatterError):
        parse(f"title: {json.dumps(title)}", 2, required_date=False)


TEXT_KEYS = ("summary", "category", "author", "image_alt", "lang", "id", "source", "gone")


@pytest.mark.parametrize("key", TEXT_KEYS)
def test_office_variables_are_refused_in_every_text_key_by_the_reader_and_the_schema(key):
    schema = json.loads(printed("front-matter"))
    validator = jsonschema.Draft202012Validator(schema)
    with pytest.raises(FrontMatterError, match=key):
        parse(f"title: Paspor\n{key}: 'Humas {{{{ office.short_name }}}}'\n", 2, required_date=False)
    assert not validator.is_valid({"title": "Paspor", key: "Humas {{ office.short_name }}"})
    assert not validator.is_valid({"title": "Paspor", key: "{% if office.name %}x{% endif %}"})
