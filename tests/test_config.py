"""offices.yaml: the units and the network, validated with line numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.config.offices import load_network
from sitegen.errors import Problems

from .conftest import OFFICES


def load(tmp_path: Path, text: str):
    path = tmp_path / "offices.yaml"
    path.write_text(text, encoding="utf-8")
    problems = Problems(tmp_path)
    return load_network(path, problems), [str(p) for p in problems.errors]


def test_a_valid_file_gives_every_unit_in_order(tmp_path):
    network, errors = load(tmp_path, OFFICES)
    assert errors == []
    assert network.ids == ("alpha", "bravo", "rudenim", "wilayah")
    alpha = network.office("alpha")
    assert alpha.office_class.name == "Kelas I TPI"
    assert alpha.parent == "wilayah"
    assert alpha.hours.on("jumat")[0][1].strftime("%H.%M") == "16.30"
    assert alpha.hours.on("sabtu") == ()
    assert network.children("wilayah") == tuple(network.offices[:3])


def test_an_unknown_key_is_an_error_naming_its_line_and_the_likely_fix(tmp_path):
    text = OFFICES.replace("    timezone: Asia/Makassar", "    timezon: Asia/Makassar")
    network, errors = load(tmp_path, text)
    assert network is None
    line = text.splitlines().index("    timezon: Asia/Makassar") + 1
    assert f"offices.yaml:{line}: unknown key 'timezon' in a unit (did you mean 'timezone'?)" in errors


def test_a_duplicate_unit_id_is_an_error(tmp_path):
    network, errors = load(tmp_path, OFFICES.replace("  - id: bravo", "  - id: alpha"))
    assert network is None
    assert any("duplicate unit id 'alpha'" in e for e in errors)


def test_a_bad_time_zone_is_an_error_with_the_indonesian_zones_as_hint(tmp_path):
    network, errors = load(tmp_path, OFFICES.replace("Asia/Makassar", "Asia/Makasar"))
    assert network is None
    assert any("unknown time zone 'Asia/Makasar'" in e and "Asia/Jayapura (WIT)" in e for e in errors)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "parent: wilayah\n    base_url: https://alpha",
            "parent: kanwil\n    base_url: https://alpha",
            "unknown parent 'kanwil'",
        ),
        ("kind: rudenim", "kind: detensi", "unknown kind 'detensi'"),
        ("services: [detensi]", "services: [deportasi]", "unknown service 'deportasi'"),
        ("jumat: 08.00-16.30", "jumat: pagi", "cannot read hours 'pagi' for jumat"),
        ("https://bravo.example.go.id/", "bravo.example.go.id", "is not an absolute http(s) URL"),
        ("  - id: bravo", "  - id: Bravo Office", "is not a slug"),
    ],
)
def test_values_are_checked(tmp_path, old, new, message):
    assert old in OFFICES
    network, errors = load(tmp_path, OFFICES.replace(old, new, 1))
    assert network is None
    assert any(message in e for e in errors), errors


def test_broken_yaml_names_the_line(tmp_path):
    network, errors = load(tmp_path, OFFICES.replace("name: Jaringan Uji", "name: [Jaringan Uji"))
    assert network is None
    assert errors and errors[0].startswith("offices.yaml:") and "invalid YAML" in errors[0]


def test_every_problem_is_reported_in_one_run(tmp_path):
    text = OFFICES.replace("timezone: Asia/Makassar", "timezone: Mars/Olympus").replace(
        "kind: rudenim", "kind: x"
    )
    _, errors = load(tmp_path, text)
    assert len(errors) == 2


def test_every_line_with_a_tab_is_reported_at_its_own_line(tmp_path):
    text = OFFICES.replace("    timezone: Asia/Makassar", "\ttimezone: Asia/Makassar").replace(
        "    timezone: Asia/Jayapura", "\ttimezone: Asia/Jayapura"
    )
    network, errors = load(tmp_path, text)
    assert network is None
    lines = [n for n, row in enumerate(text.splitlines(), 1) if row.startswith("\t")]
    assert errors == [
        f"offices.yaml:{line}: invalid YAML: a tab character at line {line}, column 1: YAML does not allow "
        "tabs (replace the tab with spaces (two spaces per level of indentation))"
        for line in lines
    ]


def line_of(text: str, row: str) -> int:
    """The 1-based line of the first line of ``text`` that is ``row``."""
    return text.splitlines().index(row) + 1


@pytest.mark.parametrize(
    ("written", "meant"),
    [("english", "en"), ("Inggris", "en"), ("en-US", "en"), ("indonesia", "id"), ("Bahasa Indonesia", "id")],
)
def test_an_unknown_language_is_refused_at_its_line_with_the_code_meant(tmp_path, written, meant):
    text = OFFICES.replace(
        "    timezone: Asia/Makassar", f"    timezone: Asia/Makassar\n    languages: [id, {written}]"
    )
    network, errors = load(tmp_path, text)
    assert network is None
    line = line_of(text, f"    languages: [id, {written}]")
    assert errors == [
        f"offices.yaml:{line}: unknown language {written!r} in languages: a site is published only in id, en "
        f"(did you mean {meant!r}? use one of: id, en)"
    ]


def test_an_unknown_language_in_a_list_of_lines_is_refused_at_its_own_line(tmp_path):
    text = OFFICES.replace(
        "    timezone: Asia/Makassar", "    timezone: Asia/Makassar\n    languages:\n      - id\n      - jawa"
    )
    _, errors = load(tmp_path, text)
    assert errors == [
        f"offices.yaml:{line_of(text, '      - jawa')}: unknown language 'jawa' in languages: "
        "a site is published only in id, en (use one of: id, en)"
    ]


def test_a_language_listed_twice_is_refused_at_its_second_line(tmp_path):
    text = OFFICES.replace(
        "    timezone: Asia/Makassar",
        "    timezone: Asia/Makassar\n    languages:\n      - id\n      - en\n      - en",
    )
    network, errors = load(tmp_path, text)
    assert network is None
    second = [n for n, row in enumerate(text.splitlines(), 1) if row == "      - en"][1]
    assert errors == [
        f"offices.yaml:{second}: language 'en' is listed twice in "
        "languages (write each language once, e.g. languages: [id, en])"
    ]


def test_an_unknown_default_language_of_the_network_is_refused_at_its_line(tmp_path):
    text = OFFICES.replace("default_language: id", "default_language: english")
    network, errors = load(tmp_path, text)
    assert network is None
    assert errors == [
        f"offices.yaml:{line_of(text, '  default_language: english')}: unknown language 'english' in "
        "network.default_language: a site is published only in id, en (did you mean 'en'? use one of: id, en)"
    ]


@pytest.mark.parametrize(("written", "fixed"), [("[en]", "[id, en]"), ("[en, id]", "[id, en]")])
def test_languages_not_starting_with_the_default_language_are_refused_with_the_list_to_write(
    tmp_path, written, fixed
):
    text = OFFICES.replace(
        "    timezone: Asia/Makassar", f"    timezone: Asia/Makassar\n    languages: {written}"
    )
    network, errors = load(tmp_path, text)
    assert network is None
    assert errors == [
        f"offices.yaml:{line_of(text, f'    languages: {written}')}: languages: {written} does not start with "
        f"the network's default language 'id': every site is published in it first (write languages: {fixed})"
    ]


def test_languages_are_kept_as_written_and_a_unit_writing_none_publishes_the_default_alone(tmp_path):
    text = OFFICES.replace("default_language: id", "default_language: en").replace(
        "    timezone: Asia/Makassar", "    timezone: Asia/Makassar\n    languages: [en, id]"
    )
    network, errors = load(tmp_path, text)
    assert errors == []
    assert network.office("bravo").languages == ("en", "id")
    assert network.office("alpha").languages == ("en",)


@pytest.mark.parametrize(
    "address",
    ["https://alpha.example.go.id/", "https://alpha.example.go.id", "http://ALPHA.example.go.id/"],
)
def test_two_units_at_one_address_are_refused_at_the_second_naming_the_first(tmp_path, address):
    text = OFFICES.replace("base_url: https://bravo.example.go.id/", f"base_url: {address}")
    network, errors = load(tmp_path, text)
    assert network is None
    first = line_of(OFFICES, "    base_url: https://alpha.example.go.id/")
    second = line_of(OFFICES, "    base_url: https://bravo.example.go.id/")
    url = address if address.endswith("/") else address + "/"
    assert errors == [
        f"offices.yaml:{second}: base_url {url!r} is already the address of unit 'alpha' (line {first}) "
        "(give every unit its own base_url)"
    ]


def test_two_units_on_one_host_at_different_paths_are_two_addresses(tmp_path):
    text = OFFICES.replace("https://bravo.example.go.id/", "https://alpha.example.go.id/bravo/")
    network, errors = load(tmp_path, text)
    assert errors == []


@pytest.mark.parametrize(
    "later",
    [
        "    address: Jl. Contoh No. 2, Bravo",  # the quote is never closed: YAML stops at the end
        '    address: "Jl. Contoh No. 2, Bravo"',  # the next quote closes it: YAML stops there
        '    address: Jl. Contoh No. 2, Bravo"',  # a quote ending a line closes it: valid YAML, a key lost
    ],
)
def test_a_quote_left_open_is_reported_at_the_line_it_opens(tmp_path, later):
    text = OFFICES.replace(
        "    name: Kantor Imigrasi Kelas II Non TPI Bravo",
        '    name: "Kantor Imigrasi Kelas II Non TPI Bravo',
    )
    text = text.replace("    address: Jl. Contoh No. 2, Bravo", later)
    network, errors = load(tmp_path, text)
    assert network is None
    line = line_of(text, '    name: "Kantor Imigrasi Kelas II Non TPI Bravo')
    assert errors == [
        f'offices.yaml:{line}: invalid YAML: the quote " that opens this value is not closed on this line '
        '(add the closing " at the end of the value, or remove the opening one)'
    ]


def test_a_key_written_twice_is_reported_at_its_second_line_naming_the_first(tmp_path):
    text = OFFICES.replace("    kind: rudenim", "    kind: rudenim\n    kind: kanim")
    network, errors = load(tmp_path, text)
    assert network is None
    first = line_of(text, "    kind: rudenim")
    assert errors == [
        f"offices.yaml:{first + 1}: invalid YAML: the key 'kind' is written twice (first at line {first}) "
        "(keep one 'kind:' line and delete the other; if this one belongs to another part, "
        "indent it like that part's keys)"
    ]
