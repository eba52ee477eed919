"""Themes come from the repository: a link out of themes/ is never read or published."""

from __future__ import annotations

import shutil

from click.testing import CliRunner

from sitegen.cli import main

from .conftest import REPO

NOW = "2026-11-24T12:00:00+07:00"
SERVICES = "    services: [paspor, izin-tinggal, plb]\n"


def build(project):
    return CliRunner().invoke(main, ["build", "--root", str(project.root), "--now", NOW])


def test_a_theme_folder_linked_from_outside_is_refused_naming_the_unit_and_link(project, tmp_path):
    """`themes/luar -> /tmp/x` with `theme: luar` is an offices.yaml error, nothing is published."""
    outside = tmp_path / "x"
    shutil.copytree(REPO / "themes/default", outside)
    (outside / "templates/base.html").write_text("DARI LUAR")
    (project.root / "themes/luar").symlink_to(outside, target_is_directory=True)
    project.write(
        "offices.yaml", project.read("offices.yaml").replace(SERVICES, SERVICES + "    theme: luar\n", 1)
    )
    result = build(project)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "offices.yaml:" in result.output
    assert "themes/luar is a link to a folder outside themes/" in result.output
    assert not any("DARI LUAR" in p.read_text() for p in project.out.rglob("*.html"))


def test_a_template_linked_from_outside_is_refused_naming_the_link(project, tmp_path):
    """A theme's template that is a link out of themes/ is an error naming it; nothing is published."""
    secret = tmp_path / "home.html"
    secret.write_text("RAHASIA DARI LUAR")
    theme = project.root / "themes/biru/templates"
    theme.mkdir(parents=True)
    (theme / "home.html").symlink_to(secret)
    project.write(
        "offices.yaml", project.read("offices.yaml").replace(SERVICES, SERVICES + "    theme: biru\n", 1)
    )
    result = build(project)
    assert result.exit_code == 1, result.output
    assert f"themes/biru/templates/home.html: this is a link (to {secret})" in result.output
    assert not any("RAHASIA" in p.read_text() for p in project.out.rglob("*.html"))


def test_a_theme_static_file_linked_into_the_repository_is_refused_too(project, tmp_path):
    """A static link resolving into the repository but outside themes/ is an error as well."""
    (project.root / "secret.txt").write_text("root:x:0:0")
    (project.root / "themes/default/static/secret.txt").symlink_to(project.root / "secret.txt")
    result = build(project)
    assert result.exit_code == 1, result.output
    assert "themes/default/static/secret.txt: this is a link" in result.output
    assert not list(project.out.rglob("secret.txt"))
