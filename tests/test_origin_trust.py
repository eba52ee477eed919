"""What a unit publishes on its own origin: a policy against script, and feeds that cannot lose items unsaid.

The hostile inputs themselves (scripts in static/, links, photos with their
location, unreadable folders) are in test_hostile_input.py; here are the walls
behind them: the Content-Security-Policy every page and host gets, the preview
keeping its live reload under that policy, and the feed guard judging a vanished
item against the content rather than the output that lost it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser

from click.testing import CliRunner

from sitegen import csp
from sitegen.cli import main
from sitegen.serve.livereload import SCRIPT

from .test_hostile_input import _without_root_read_rights

NOW = "2026-11-24T12:00:00+07:00"
ALPHA_NEWS = "content/offices/alpha/berita"


def build(project, *args: str):
    result = CliRunner().invoke(main, ["build", "--root", str(project.root), "--now", NOW, *args])
    assert result.exit_code == 0, result.output
    return result


class _Policy(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.policies: list[str] = []
        self.inline_scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(values.get("content") or "")
        if tag == "script":
            self._in_script = "src" not in values and values.get("type") != "application/ld+json"

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline_scripts.append(data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False


def test_every_page_declares_a_policy_that_forbids_inline_script(project):
    build(project)
    pages = sorted(p for p in (project.out / "alpha").rglob("index.html"))
    assert len(pages) > 10
    for page in pages:
        found = _Policy()
        found.feed(page.read_text(encoding="utf-8"))
        assert found.policies == [csp.POLICY], page  # the search page's too
        assert found.inline_scripts == [], page

    def script_src(policy: str) -> list[str]:
        return re.search(r"script-src ([^;]*)", policy).group(1).split()

    assert script_src(csp.POLICY) == ["'self'"]  # no inline script, no eval, anywhere
    assert script_src(csp.HEADER_POLICY) == ["'self'", "'wasm-unsafe-eval'"]  # Pagefind's worker only
    assert "object-src 'none'" in csp.POLICY


def test_each_site_has_a_headers_file_with_the_policy_for_hosts_that_read_one(project):
    build(project)
    headers = (project.out / "bravo/_headers").read_text()
    assert headers.splitlines()[0] == "/*"
    assert f"  Content-Security-Policy: {csp.HEADER_POLICY}; frame-ancestors 'self'" in headers
    assert "  X-Content-Type-Options: nosniff" in headers


def test_a_units_own_headers_file_clashes_with_it_by_name(project):
    project.write("content/offices/alpha/static/_headers", "/*\n  X-Frame-Options: ALLOW\n")
    result = CliRunner().invoke(main, ["build", "--root", str(project.root), "--now", NOW])
    assert result.exit_code == 1
    assert "content/offices/alpha/static/_headers: this file would replace /_headers" in result.output


def test_the_preview_lets_its_own_reload_script_run_and_nothing_else(project):
    build(project)
    page = (project.out / "alpha/index.html").read_text(encoding="utf-8")
    found = _Policy()
    found.feed(csp.allow_script(page, "abc123"))
    assert found.policies == [csp.POLICY.replace("script-src 'self'", "script-src 'nonce-abc123' 'self'")]
    assert SCRIPT.startswith("<script>")  # the server gives it the nonce when it adds it


# --- the feed guard: an item vanishing is a problem unless its page is gone from the content ---


def _diff(project, old, *args: str, ordinary_user: bool = False) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "sitegen", "feeds", "diff", *args, str(old), str(project.out)]
    drop = _without_root_read_rights if ordinary_user and os.geteuid() == 0 else None
    return subprocess.run(command, capture_output=True, text=True, preexec_fn=drop, timeout=300)


def test_items_lost_with_their_pages_are_caught_against_the_content(project, tmp_path):
    build(project)
    # moved, not copied: into the same output the build itself would refuse this loss (published
    # addresses gone); the guard must catch it on its own, e.g. against a host's copy
    shutil.move(project.out, tmp_path / "old")
    # a build that silently lost alpha's news (as an unreadable folder once did), pages and all
    news = project.root / ALPHA_NEWS
    news.rename(tmp_path / "away")
    build(project)
    (tmp_path / "away").rename(news)
    assert not (project.out / "alpha/berita/sosialisasi").exists()
    # the output alone cannot tell this from a deletion
    assert _diff(project, tmp_path / "old").returncode == 0
    result = _diff(project, tmp_path / "old", "--root", str(project.root))
    assert result.returncode == 1, result.stderr
    assert (
        "alpha/rss.xml: https://alpha.example.go.id/berita/sosialisasi/ vanished from the feed while its "
        "page is still in the content"
    ) in result.stderr


def test_a_deleted_or_withdrawn_item_may_leave_its_feed(project, tmp_path):
    """Deleted with its address redirected, or withdrawn with gone: — as the address check asks."""
    build(project)
    shutil.copytree(project.out, tmp_path / "old")
    (project.root / ALPHA_NEWS / "2026-10-01-sosialisasi.md").unlink()
    project.write(
        f"{ALPHA_NEWS}/2026-10-05-patroli.md",
        "---\ntitle: Patroli\ndate: 2026-10-05 14:00\ngone: Dicabut.\n"
        "aliases: [/berita/sosialisasi/]\n---\nx\n",
    )
    build(project)
    result = _diff(project, tmp_path / "old", "--root", str(project.root))
    assert result.returncode == 0, result.stderr


def test_the_guard_fails_when_the_content_cannot_be_read(project, tmp_path):
    build(project)
    shutil.copytree(project.out, tmp_path / "old")
    news = project.root / ALPHA_NEWS
    news.chmod(0)
    try:
        result = _diff(project, tmp_path / "old", "--root", str(project.root), ordinary_user=True)
    finally:
        news.chmod(0o755)
    assert result.returncode == 1, result.stderr
    assert f"{ALPHA_NEWS}: the folder cannot be read (Permission denied)" in result.stderr
    assert "a vanished item cannot be told from a deleted one" in result.stderr
