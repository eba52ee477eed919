"""`sitegen deploy plan`: from the manifests, exactly the files a deploy uploads and deletes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from sitegen.cli import main
from sitegen.publish.plan import make_plan

NOW = "2026-11-24T12:00:00+07:00"


def build(project, *args: str, now: str = NOW) -> str:
    result = CliRunner().invoke(main, ["build", "--root", str(project.root), "--now", now, *args])
    assert result.exit_code == 0, result.output
    return result.stderr


def plan(project, unit: str, *args: str) -> dict:
    result = CliRunner().invoke(
        main, ["deploy", "plan", "--root", str(project.root), "--unit", unit, "--format", "json", *args]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def deployed(project, tmp_path: Path) -> Path:
    """A copy of the output as the host now holds it (what CI keeps from the last deploy)."""
    copy = tmp_path / "deployed"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(project.out, copy)
    return copy


def test_a_first_deploy_uploads_every_file_assets_before_pages_before_feeds(project):
    build(project)
    first = plan(project, "alpha")
    manifest = json.loads((project.out / ".sitegen/alpha.json").read_text(encoding="utf-8"))["files"]
    assert sorted(first["upload"]) == sorted(manifest) and first["delete"] == []
    assert first["first_deploy"] is True and first["unchanged"] == 0
    kinds = [
        2 if p.endswith((".xml", "feed.json", ".opml")) else 1 if p.endswith(".html") else 0
        for p in first["upload"]
    ]
    assert kinds == sorted(kinds) and kinds[0] == 0 and kinds[-1] == 2


def test_an_unchanged_site_needs_no_upload(project, tmp_path):
    build(project)
    last = deployed(project, tmp_path)
    build(project)
    again = plan(project, "bravo", "--against", str(last))
    assert again["upload"] == [] and again["delete"] == [] and again["first_deploy"] is False
    assert again["unchanged"] == len(json.loads((project.out / ".sitegen/bravo.json").read_text())["files"])


def test_an_edit_uploads_what_changed_and_nothing_else(project, tmp_path):
    build(project)
    last = deployed(project, tmp_path)
    project.write(
        "content/offices/alpha/berita/2026-10-05-patroli.md",
        "---\ntitle: Patroli Perbatasan\ndate: 2026-10-05 14:00\ntags: [perbatasan]\n---\nPatroli malam.\n",
    )
    build(project)
    edit = plan(project, "alpha", "--against", str(last))
    assert "berita/patroli/index.html" in edit["upload"]
    assert "layanan/paspor-baru/index.html" not in edit["upload"]  # untouched pages stay on the host
    # the search index names its fragments by their content: only replaced fragments go
    assert all(p.startswith("pagefind/") for p in edit["delete"])
    for path in edit["upload"]:  # each listed file differs from the deployed one
        assert (project.out / "alpha" / path).read_bytes() != _bytes(last / "alpha" / path)
    assert plan(project, "rudenim", "--against", str(last))["upload"] == []


def remove_patroli(project) -> None:
    """Delete the only item on topic perbatasan as an editor must: its address redirects (aliases:).

    Its topic's page and feeds, which only it kept alive, leave the site (sitegen.build.addresses).
    """
    (project.root / "content/offices/alpha/berita/2026-10-05-patroli.md").unlink()
    news = "content/offices/alpha/berita/2026-10-01-sosialisasi.md"
    project.write(news, project.read(news).replace("tags:", "aliases: [/berita/patroli/]\ntags:"))


def _bytes(path: Path) -> bytes | None:
    return path.read_bytes() if path.exists() else None


def test_a_removed_page_is_deleted_and_a_file_sitegen_did_not_make_never_is(project, tmp_path):
    build(project)
    (project.out / "alpha/google1234.html").write_text("google-site-verification\n", encoding="utf-8")
    last = deployed(project, tmp_path)
    remove_patroli(project)
    build(project)
    gone = plan(project, "alpha", "--against", str(last / ".sitegen/alpha.json"))  # a manifest file works too
    assert {"tag/perbatasan/index.html", "tag/perbatasan/rss.xml"} <= set(gone["delete"])
    assert "berita/patroli/index.html" in gone["upload"]  # now the redirect
    assert all(not (project.out / "alpha" / p).exists() for p in gone["delete"])
    assert "google1234.html" not in gone["upload"] + gone["delete"]


def test_bare_lists_feed_rsync_and_the_summary_goes_to_stderr(project, tmp_path):
    build(project)
    last = deployed(project, tmp_path)
    remove_patroli(project)
    build(project)
    args = ["deploy", "plan", "--root", str(project.root), "--unit", "alpha", "--against", str(last)]
    upload = CliRunner().invoke(main, [*args, "--format", "upload"])
    delete = CliRunner().invoke(main, [*args, "--format", "delete"])
    assert upload.exit_code == delete.exit_code == 0
    assert all((project.out / "alpha" / p).is_file() for p in upload.stdout.splitlines())
    assert "tag/perbatasan/index.html" in delete.stdout.splitlines()
    assert "berita/patroli/index.html" in upload.stdout.splitlines()
    assert "alpha: " in upload.stderr and " to upload, " in upload.stderr
    text = CliRunner().invoke(main, args)
    assert "delete tag/perbatasan/index.html" in text.stdout.splitlines()


def test_a_missing_or_broken_manifest_is_a_usage_error(project, tmp_path):
    runner = CliRunner()
    args = ["deploy", "plan", "--root", str(project.root)]
    result = runner.invoke(main, [*args, "--unit", "alpha"])
    assert result.exit_code == 2 and "holds no site of unit 'alpha'" in result.stderr
    build(project)
    broken = tmp_path / "broken.json"
    broken.write_text("{}", encoding="utf-8")
    result = runner.invoke(main, [*args, "--unit", "alpha", "--against", str(broken)])
    assert result.exit_code == 2 and "is not a sitegen manifest" in result.stderr
    result = runner.invoke(main, [*args, "--unit", "../alpha"])
    assert result.exit_code == 2 and "is not a unit id" in result.output
    (project.out / ".sitegen/journal.json").write_text("{}", encoding="utf-8")
    result = runner.invoke(main, [*args, "--unit", "alpha"])
    assert result.exit_code == 2 and "was interrupted" in result.stderr


def test_the_plan_compares_digests_not_names():
    old = {"a.css": "1", "index.html": "2", "old/index.html": "3"}
    new = {"a.css": "1", "index.html": "9", "rss.xml": "4", "b.js": "5"}
    result = make_plan("u", new, old)
    assert result.upload == ("b.js", "index.html", "rss.xml")
    assert result.delete == ("old/index.html",) and result.unchanged == 1 and not result.first


def test_the_hourly_build_publishes_what_came_due_and_only_that(project, tmp_path):
    """A scheduled run: the build names the next change; a run after it uploads the new page alone."""
    project.write(
        "content/offices/alpha/berita/2026-12-01-jadwal.md",
        "---\ntitle: Jadwal Desember\ndate: 2026-12-01 08:00\n---\nTerbit nanti.\n",
    )
    stderr = build(project, now="2026-11-30T08:00:00+07:00")
    assert "next change: 2026-12-01T08:00:00+07:00" in stderr
    assert not (project.out / "alpha/berita/jadwal").exists()
    last = deployed(project, tmp_path)
    build(project, now="2026-11-30T09:00:00+07:00")  # an hour later, nothing due
    assert all(
        plan(project, u, "--against", str(last))["upload"] == [] for u in ("alpha", "bravo", "wilayah")
    )
    build(project, now="2026-12-01T08:30:00+07:00")  # the first hourly run after its time
    due = plan(project, "alpha", "--against", str(last))
    assert "berita/jadwal/index.html" in due["upload"] and "berita/index.html" in due["upload"]
    assert plan(project, "bravo", "--against", str(last))["upload"] == []
    assert "wilayah/rss.xml" in plan(project, "wilayah", "--against", str(last))["upload"]
