"""Every offices.yaml setting that becomes a link is checked when the file is read, and escaped where it is written.

Issue #22: a base_url holding ``"><script>`` reached the content HTML of RSS,
Atom and JSON Feed raw (the pages escaped it), and an e-mail address with
``?bcc=…``, social addresses and security_contact were published unchecked.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

from sitegen.build.pipeline import BuildOptions, build
from sitegen.build.project import load_project
from sitegen.cli import main
from sitegen.config.readers import url_problem

NOW = "2026-11-24T12:00:00+07:00"
ALPHA = '    contacts: {phone: "(0561) 000000 — contoh"}\n'
SCRIPT = '"><script>alert(1)</script>'


def check(project):
    return CliRunner().invoke(main, ["check", "--root", str(project.root), "--now", NOW])


def with_alpha(project, lines: str) -> None:
    """Replace unit alpha's contacts line with ``lines``."""
    text = project.read("offices.yaml")
    assert ALPHA in text
    project.write("offices.yaml", text.replace(ALPHA, lines, 1))


def with_network(project, line: str) -> None:
    text = project.read("offices.yaml")
    project.write("offices.yaml", text.replace("network:\n", f"network:\n{line}", 1))


REFUSED_UNIT = {
    "base_url ending an attribute": (
        ALPHA + f"    base_url: 'https://alpha.example.go.id/{SCRIPT}'\n",
        "base_url 'https://alpha.example.go.id/\"><script>",
    ),
    "base_url javascript:": (
        ALPHA + "    base_url: javascript:alert(1)\n",
        "is not an absolute http(s) URL",
    ),
    "base_url with a user name": (
        ALPHA + "    base_url: https://alpha.go.id@evil.example/\n",
        "has a user name before the host",
    ),
    "base_url with a query": (ALPHA + "    base_url: https://alpha.go.id/?x=1\n", "has a ? or # part"),
    "base_url without a host": (ALPHA + "    base_url: https:///jalan/\n", "has no valid host name"),
    "e-mail adding a bcc": (
        "    contacts: {email: 'kanim@imigrasi.go.id?bcc=semua@example.com'}\n",
        "contacts.email 'kanim@imigrasi.go.id?bcc=semua@example.com' is not an e-mail address",
    ),
    "e-mail with a header after a line break": (
        '    contacts: {email: "kanim@imigrasi.go.id\\nBcc: x@example.com"}\n',
        "is not an e-mail address",
    ),
    "e-mail written as mailto:": (
        "    contacts: {email: 'mailto:kanim@imigrasi.go.id'}\n",
        "is not an e-mail address",
    ),
    "social ending an attribute": (
        ALPHA + f"    social: {{facebook: 'https://www.facebook.com/kanim{SCRIPT}'}}\n",
        "which no web address may hold",
    ),
    "social javascript:": (
        ALPHA + "    social: {facebook: 'javascript://www.facebook.com/%0aalert(1)'}\n",
        "is not an https:// address",
    ),
    "social behind a user name": (
        ALPHA + "    social: {facebook: 'https://www.facebook.com@evil.example/kanim'}\n",
        "has a user name before the host",
    ),
}


@pytest.mark.parametrize("case", REFUSED_UNIT, ids=list(REFUSED_UNIT))
def test_a_unit_setting_that_is_no_safe_address_is_a_located_error(project, case):
    lines, expected = REFUSED_UNIT[case]
    if "base_url:" in lines:  # the unit's own base_url is replaced, not repeated
        text = project.read("offices.yaml").replace("    base_url: https://alpha.example.go.id/\n", "", 1)
        project.write("offices.yaml", text)
    with_alpha(project, lines)
    result = check(project)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "offices.yaml:" in result.output and expected in result.output


@pytest.mark.parametrize(
    "value",
    [
        "mailto:keamanan@imigrasi.go.id?bcc=x@example.com",
        "keamanan@imigrasi.go.id?subject=x",
        f"https://imigrasi.go.id/{SCRIPT}",
        "javascript:alert(1)",
        "https://user@evil.example/",
    ],
)
def test_a_security_contact_that_is_no_safe_address_is_a_located_error(project, value):
    with_network(project, f"  security_contact: '{value}'\n")
    result = check(project)
    assert result.exit_code == 1, result.output
    assert "offices.yaml:" in result.output
    assert "security_contact" in result.output and "is neither an e-mail address" in result.output


def test_ordinary_addresses_are_accepted_and_published(project):
    with_alpha(
        project,
        '    contacts: {phone: "(0561) 123456", email: kanim.alpha@imigrasi.go.id}\n'
        "    social: {facebook: 'https://www.facebook.com/kanim.alpha', youtube: 'https://youtu.be/abc?t=1'}\n",
    )
    with_network(project, "  security_contact: keamanan@imigrasi.go.id\n")
    result = CliRunner().invoke(main, ["build", "--root", str(project.root), "--now", NOW])
    assert result.exit_code == 0, result.output
    page = (project.out / "alpha/index.html").read_text()
    assert 'href="mailto:kanim.alpha@imigrasi.go.id"' in page
    assert "https://www.facebook.com/kanim.alpha" in (project.out / "alpha/profil/index.html").read_text()


@pytest.mark.parametrize(
    ("url", "fit"),
    [
        ("https://pontianak.imigrasi.go.id/", True),
        ("http://localhost:8000/alpha/", True),
        ("https://xn--mgbh0fb.example/", True),
        ("https://a.example:99999999999/", False),
        ("https://a.example/ x", False),
        ("https://a.example/\\", False),
        ("https://a_b.example/", False),
        ("ftp://a.example/", False),
    ],
)
def test_which_addresses_are_fit_to_publish(url, fit):
    assert (url_problem(url, ("http", "https")) == "") is fit


def test_an_unsafe_base_url_on_the_command_line_is_a_usage_error(project):
    result = CliRunner().invoke(
        main, ["build", "--root", str(project.root), "--base-url", f"alpha=https://a.example/{SCRIPT}"]
    )
    assert result.exit_code == 2
    assert "--base-url" in result.output


def test_feeds_escape_the_address_in_their_content_html_as_pages_do(project):
    """Were an address with a quote to get past the checks, every feed format would still keep it text."""
    project.write(
        "content/offices/alpha/berita/2026-11-10-tautan.md",
        "---\ntitle: Tautan\ndate: 2026-11-10 09:00\n---\nLihat [layanan](/layanan/paspor-baru/).\n",
    )
    hostile = f"https://alpha.example.go.id/{SCRIPT}/"
    build(
        load_project(project.root, {"alpha": hostile}),
        BuildOptions(out=project.out, now=datetime.fromisoformat(NOW)),
    )
    rss = ElementTree.parse(project.out / "alpha/berita/rss.xml")
    atom = ElementTree.parse(project.out / "alpha/berita/atom.xml")
    json_feed = json.loads((project.out / "alpha/berita/feed.json").read_text())
    contents = {  # the HTML each reader gets, after the feed's own XML or JSON is decoded
        "rss": [e.text for e in rss.iter("{http://purl.org/rss/1.0/modules/content/}encoded")],
        "atom": [e.text for e in atom.iter("{http://www.w3.org/2005/Atom}content")],
        "json": [item["content_html"] for item in json_feed["items"]],
    }
    for fmt, htmls in contents.items():
        linking = [h for h in htmls if "Lihat" in h]
        assert linking, fmt
        for html in htmls:
            assert "<script>" not in html, fmt
        assert 'href="https://alpha.example.go.id/&quot;&gt;&lt;script&gt;' in linking[0], fmt


# Slips in offices.yaml that once passed in silence or ended in a traceback: (what unit alpha
# or bravo says, what the slip makes of it, what the located error says).
ZONE = "    timezone: Asia/Pontianak\n"
OFFICES_SLIPS = {
    "a language no site has": (ZONE, ZONE + "    languages: [id, english]\n", "unknown language 'english'"),
    "the default language not first": (ZONE, ZONE + "    languages: [en]\n", "write languages: [id, en]"),
    "another unit's address": (
        "https://bravo.example.go.id/",
        "https://alpha.example.go.id/",
        "is already the address of unit 'alpha'",
    ),
    "a quote left open": (
        "address: Jl. Contoh No. 1",
        'address: "Jl. Contoh No. 1',
        "is not closed on this line",
    ),
    "a key written twice": (
        "    kind: kanim\n",
        "    kind: kanim\n    kind: kanim\n",
        "'kind' is written twice",
    ),
}


@pytest.mark.parametrize("command", ["check", "build"])
@pytest.mark.parametrize("case", OFFICES_SLIPS, ids=list(OFFICES_SLIPS))
def test_a_slip_in_offices_yaml_is_a_located_error_and_nothing_is_built(project, command, case):
    old, new, expected = OFFICES_SLIPS[case]
    text = project.read("offices.yaml")
    assert old in text
    project.write("offices.yaml", text.replace(old, new, 1))
    result = CliRunner().invoke(main, [command, "--root", str(project.root), "--now", NOW])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert re.search(rf"^offices\.yaml:\d+: .*{re.escape(expected)}", result.output, re.M), result.output
    assert not project.out.exists()
