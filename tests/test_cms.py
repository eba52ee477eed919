"""The web editor's generated files: configuration, pinned Decap, policy, CODEOWNERS, the build's admin/."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from sitegen import csp
from sitegen.cli import main
from sitegen.cms import local
from sitegen.cms.admin import PINNED, Pinned, VendorError, admin_files, admin_theme
from sitegen.cms.config import editor_config
from sitegen.config.offices import load_network
from sitegen.errors import Problems
from sitegen.sources.front_matter_keys import KNOWN_KEYS

ROOT = Path(__file__).resolve().parents[1]
VENDOR = admin_theme(ROOT / "themes") / "decap-cms"
EDITOR = """  editor:
    backend: github
    repo: imigrasi-kalbar/situs
    base_url: https://oauth.imigrasi-kalbar.example
"""


@pytest.fixture()
def project(tmp_path):
    """A copy of the shipped network whose offices.yaml names a git host and Sambas' editors."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "themes", tmp_path / "themes")
    text = (ROOT / "offices.yaml").read_text(encoding="utf-8")
    text = text.replace("  topics:", EDITOR + "  topics:", 1)
    text = text.replace(
        "  - id: sambas\n",
        "  - id: sambas\n    editors: ['@humas-sambas', '@imigrasi-kalbar/kanim-sambas']\n",
        1,
    )
    (tmp_path / "offices.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def network_of(root: Path):
    problems = Problems(root)
    network = load_network(root / "offices.yaml", problems)
    assert network is not None, problems.items
    return network


def test_every_pinned_decap_file_has_the_recorded_digest():
    recorded = Pinned.read(admin_theme(ROOT / "themes")).digests
    present = sorted(p.name for p in VENDOR.iterdir() if p.name != PINNED)
    assert sorted(recorded) == present
    for name, digest in recorded.items():
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == digest, name
    assert "decap-cms.js" in recorded and "LICENSE" in recorded and "decap-cms.js.LICENSE.txt" in recorded
    assert "decap-cms 3.16.3" in (VENDOR / PINNED).read_text(encoding="utf-8")


def test_a_changed_decap_file_is_refused(tmp_path):
    shutil.copytree(ROOT / "themes", tmp_path / "themes")
    with (admin_theme(tmp_path / "themes") / "decap-cms" / "decap-cms.js").open("ab") as handle:
        handle.write(b"\n// added\n")
    with pytest.raises(VendorError, match="differs from the digest"):
        Pinned.read(admin_theme(tmp_path / "themes")).verified()


def test_collections_follow_sitegen_new_folders_and_the_front_matter_keys(project):
    network = network_of(project)
    config = editor_config(network, network.office("sambas"))
    by_name = {c["name"]: c for c in config["collections"]}
    assert by_name["berita"]["folder"] == "content/offices/sambas/berita"
    assert by_name["pengumuman"]["folder"] == "content/offices/sambas/pengumuman"
    assert by_name["bersama-layanan-wni"]["folder"] == "content/shared/layanan/wni"
    assert by_name["unit-layanan-wni"]["folder"] == "content/offices/sambas/layanan/wni"
    announcement = [f["name"] for f in by_name["pengumuman"]["fields"]]
    assert announcement[:3] == ["title", "date", "expires"]
    assert "expires" not in [f["name"] for f in by_name["berita"]["fields"]]
    for collection in config["collections"]:
        for field in collection["fields"]:
            assert field["name"] in (*KNOWN_KEYS, "body", "_asli")
    tags = next(f for f in by_name["berita"]["fields"] if f["name"] == "tags")
    assert [o["value"] for o in tags["options"]] == [t for t, _ in network.topics]
    assert config["backend"] == {**config["backend"], "name": "github", "repo": "imigrasi-kalbar/situs"}
    assert config["publish_mode"] == "editorial_workflow"
    assert config["locale"] == "id"


def test_english_versions_only_for_units_that_publish_english(project):
    network = network_of(project)
    english = [o for o in network.offices if "en" in o.languages]
    indonesian = [o for o in network.offices if "en" not in o.languages]
    assert english and indonesian
    for office, wanted in ((english[0], True), (indonesian[0], False)):
        names = [c for c in editor_config(network, office)["collections"] if c.get("extension") == "en.md"]
        assert bool(names) is wanted, office.id


def test_every_label_and_hint_of_ours_is_indonesian(project):
    network = network_of(project)
    english_words = {"the", "and", "of", "is", "required", "title", "date"}
    for collection in editor_config(network, network.office("sambas"))["collections"]:
        for field in collection["fields"]:
            for key in ("label", "hint"):
                words = set(str(field.get(key, "")).lower().replace(".", " ").split())
                assert not words & english_words, (collection["name"], field["name"], field.get(key))


def test_the_admin_page_loads_only_the_sites_own_scripts_with_their_integrity(project):
    network = network_of(project)
    files = dict(admin_files(network, network.office("sambas"), project / "themes"))
    page = files["admin/index.html"].decode()
    sources = [s for s in page.split('src="')[1:]]
    assert [s.split('"')[0] for s in sources] == [
        "init.js",
        "decap-cms/decap-cms.js",
        "locale-id.js",
        "sitegen-cms.js",
    ]
    assert page.count('integrity="sha384-') == 4
    assert "http" not in "".join(s.split('"')[0] for s in sources)
    assert "admin/decap-cms/decap-cms.js" in files
    assert yaml.safe_load(files["admin/config.yml"].decode())["collections"]


def test_only_the_admin_page_has_the_editors_policy():
    admin = csp.admin_policy(("https://api.github.com",))
    assert "'unsafe-eval'" in admin and "connect-src 'self' blob: https://api.github.com" in admin
    assert "'unsafe-eval'" not in csp.POLICY and "'unsafe-eval'" not in csp.HEADER_POLICY
    assert "connect-src 'self';" in csp.POLICY


def test_the_build_publishes_an_editor_only_when_offices_yaml_names_the_git_host(project, tmp_path):
    runner = CliRunner()
    out = tmp_path / "out"
    result = runner.invoke(main, ["build", "--root", str(project), "--out", str(out), "--office", "sambas"])
    assert result.exit_code == 0, result.output
    assert (out / "sambas/admin/index.html").is_file()
    assert (out / "sambas/admin/decap-cms/decap-cms.js").is_file()
    plain = tmp_path / "plain"
    result = runner.invoke(main, ["build", "--root", str(ROOT), "--out", str(plain), "--office", "sambas"])
    assert result.exit_code == 0, result.output
    assert not (plain / "sambas/admin").exists()
    for page in ("index.html", "berita/index.html", "rss.xml", "atom.xml"):
        assert (out / "sambas" / page).read_bytes() == (plain / "sambas" / page).read_bytes()


def test_codeowners_names_each_units_editors_and_check_says_when_stale(project):
    runner = CliRunner()
    stale = runner.invoke(main, ["cms", "--root", str(project), "--check"])
    assert stale.exit_code == 1 and "run `sitegen cms`" in stale.output
    wrote = runner.invoke(main, ["cms", "--root", str(project)])
    assert wrote.exit_code == 0, wrote.output
    lines = (project / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
    assert "/content/offices/sambas/ @humas-sambas @imigrasi-kalbar/kanim-sambas" in lines
    assert runner.invoke(main, ["cms", "--root", str(project), "--check"]).exit_code == 0


def test_an_editor_that_is_no_account_is_a_located_error(project):
    path = project / "offices.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("'@humas-sambas'", "'humas sambas'"), encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["cms", "--root", str(project)])
    assert result.exit_code == 1
    assert "offices.yaml:" in result.output and "'humas sambas'" in result.output


def test_serve_cms_without_node_says_what_to_install(project, monkeypatch):
    monkeypatch.setattr(local.shutil, "which", lambda _name: None)
    result = CliRunner().invoke(main, ["serve", "--root", str(project), "--cms", "--port", "0"])
    assert result.exit_code == 2
    assert "needs Node.js" in result.output and "npm ci --prefix .ci/tools" in result.output
