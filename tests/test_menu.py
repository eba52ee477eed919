"""The main menu is data: offices.yaml's network.menu, read and checked like every other setting."""

from pathlib import Path

from sitegen.build.pipeline import BuildOptions, build
from sitegen.build.project import load_project
from sitegen.config.offices import load_network
from sitegen.config.offices_keys import DEFAULT_MENU
from sitegen.errors import Problems

REPO = Path(__file__).resolve().parents[1]


def _network(tmp_path: Path, menu: str):
    text = (REPO / "offices.yaml").read_text(encoding="utf-8").replace("network:\n", "network:\n" + menu, 1)
    (tmp_path / "offices.yaml").write_text(text, encoding="utf-8")
    problems = Problems(tmp_path)
    return load_network(tmp_path / "offices.yaml", problems), problems


def test_without_a_menu_every_site_shows_the_five_sections(tmp_path):
    network, problems = _network(tmp_path, "")
    assert not problems.errors and network.menu == DEFAULT_MENU


def test_the_menu_in_offices_yaml_is_what_readers_see_in_that_order(tmp_path):
    network, problems = _network(tmp_path, "  menu:\n    layanan: Layanan Kami\n    berita: Kabar\n")
    assert not problems.errors
    assert network.menu == (("layanan", "Layanan Kami"), ("berita", "Kabar"))


def test_a_menu_entry_that_is_no_folder_or_has_no_label_is_a_located_error(tmp_path):
    _, problems = _network(tmp_path, "  menu:\n    Berita Terkini: Berita\n    layanan: ''\n")
    said = [(p.line, p.message) for p in problems.errors]
    assert any("is not a section folder" in message for _, message in said)
    assert any("has no label" in message for _, message in said)
    assert all(line > 1 for line, _ in said)


def test_the_built_menu_follows_offices_yaml(tmp_path):
    import shutil

    for name in ("content", "themes"):
        shutil.copytree(REPO / name, tmp_path / name)
    _network(tmp_path, "  menu:\n    layanan: Layanan Kami\n    berita: Kabar\n")
    build(load_project(tmp_path), BuildOptions(out=tmp_path / "public", office_ids=("sambas",)))
    home = (tmp_path / "public" / "sambas" / "index.html").read_text(encoding="utf-8")
    nav = home.split('class="wrap mainnav"', 1)[1].split("</nav>", 1)[0]
    assert nav.index("Layanan Kami") < nav.index("Kabar")
    assert "Pengumuman" not in nav


def test_a_theme_replaces_the_footer_alone_by_extending_default_and_overriding_its_block(tmp_path):
    import shutil

    for name in ("content", "themes"):
        shutil.copytree(REPO / name, tmp_path / name)
    yaml = (REPO / "offices.yaml").read_text(encoding="utf-8")
    (tmp_path / "offices.yaml").write_text(
        yaml.replace("  - id: sambas\n", "  - id: sambas\n    theme: baru\n", 1), encoding="utf-8"
    )
    own = tmp_path / "themes" / "baru" / "templates"
    own.mkdir(parents=True)
    (own / "base.html").write_text(
        '{% extends "default/base.html" %}{% block footer %}<footer>Kaki baru</footer>{% endblock %}\n',
        encoding="utf-8",
    )
    build(load_project(tmp_path), BuildOptions(out=tmp_path / "public", office_ids=("sambas",)))
    home = (tmp_path / "public" / "sambas" / "index.html").read_text(encoding="utf-8")
    assert "<footer>Kaki baru</footer>" in home and 'class="footer"' not in home
    assert 'class="wrap mainnav"' in home  # the header and its menu stay default's


def test_an_immigration_offices_home_offers_m_paspor_first_once_offices_yaml_names_its_address(tmp_path):
    import shutil

    for name in ("content", "themes"):
        shutil.copytree(REPO / name, tmp_path / name)
    yaml = (REPO / "offices.yaml").read_text(encoding="utf-8")
    address = "https://m-paspor.example.go.id/"  # a stand-in: the real address is not in the domain notes
    (tmp_path / "offices.yaml").write_text(
        yaml.replace("  links:\n", f"  links:\n    m_paspor: {address}\n", 1), encoding="utf-8"
    )
    build(
        load_project(tmp_path),
        BuildOptions(out=tmp_path / "public", office_ids=("sambas", "rudenim-pontianak")),
    )
    tasks = (
        (tmp_path / "public" / "sambas" / "index.html")
        .read_text(encoding="utf-8")
        .split('class="tasks"', 1)[1]
    )
    first = tasks.split("<li>", 2)[1]
    assert f'href="{address}"' in first and "M-Paspor" in first
    detention = (tmp_path / "public" / "rudenim-pontianak" / "index.html").read_text(encoding="utf-8")
    assert address not in detention.split('class="tasks"', 1)[1]  # a detention centre issues no passports
