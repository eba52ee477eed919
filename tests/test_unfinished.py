"""Unfinished pages are named by `sitegen check`; a fee page names its source and readers see it."""

from __future__ import annotations

from click.testing import CliRunner

from sitegen.build.pipeline import BuildOptions, build
from sitegen.build.project import load_project
from sitegen.cli import main

from .test_check import NOW, check, real_data


def test_a_fact_still_to_be_filled_in_is_a_warning_at_its_line_and_fails_strict(project):
    real_data(project)
    project.write(
        "content/shared/informasi-publik/daftar-informasi.md",
        "---\ntitle: Daftar Informasi Publik\n---\n"
        "| No. | Informasi |\n|---|---|\n| 1 | Profil kantor |\n| 2 | *Belum diisi* |\n",
    )
    relaxed = check(project)
    assert relaxed.exit_code == 0, relaxed.output
    assert (
        "content/shared/informasi-publik/daftar-informasi.md:7: warning: not yet filled in: "
        "| 2 | *Belum diisi* |" in relaxed.output
    )
    assert check(project, "--strict").exit_code == 1


def test_a_page_with_headings_only_is_an_empty_promise(project):
    real_data(project)
    project.write(
        "content/shared/informasi-publik/berkala.md", "---\ntitle: Informasi Berkala\n---\n## A\n\n## B\n"
    )
    result = check(project)
    assert "informasi-publik/berkala.md:2: warning: the page has no text yet" in result.output


def test_a_draft_may_be_unfinished(project):
    real_data(project)
    project.write(
        "content/shared/informasi-publik/berkala.md",
        "---\ntitle: Informasi Berkala\ndraft: true\n---\nIsi: belum diisi.\n",
    )
    result = check(project, "--strict")
    assert result.exit_code == 0, result.output


def test_a_page_verified_without_its_source_is_a_warning_at_the_verified_line(project):
    real_data(project)
    project.write(
        "content/shared/layanan/biaya-paspor.md",
        "---\ntitle: Biaya Paspor\nservices: [paspor]\nverified: 2026-11-01\n---\nRp350.000\n",
    )
    result = check(project)
    assert (
        "content/shared/layanan/biaya-paspor.md:4: warning: the page says when its facts were verified, "
        "but not against what" in result.output
    )


def test_the_source_is_shown_under_the_page_and_links_where_it_can_be_read(project):
    project.write(
        "content/shared/layanan/biaya-paspor.md",
        "---\ntitle: Biaya Paspor\nservices: [paspor]\nverified: 2026-11-01\n"
        "source: PP 45/2024\nsource_url: https://peraturan.example.go.id/pp-45-2024\n---\nRp350.000\n",
    )
    project.write(
        "content/shared/layanan/biaya-visa.md",
        "---\ntitle: Biaya Lain\nservices: [paspor]\nsource: Dasar hukum\nsource_url: /profil/\n---\nx\n",
    )
    project.write("content/shared/layanan/tanpa-tautan.md", "---\ntitle: T\nsource: Surat edaran\n---\nx\n")
    build(load_project(project.root), BuildOptions(out=project.out))
    fee = (project.out / "alpha/layanan/biaya-paspor/index.html").read_text()
    assert (
        '<p class="source">Sumber: <a href="https://peraturan.example.go.id/pp-45-2024">PP 45/2024</a></p>'
        in fee
    )
    # a path of the site becomes a relative link, like every internal link
    assert (
        '<p class="source">Sumber: <a href="../../profil/">Dasar hukum</a></p>'
        in (project.out / "alpha/layanan/biaya-visa/index.html").read_text()
    )
    assert (
        '<p class="source">Sumber: Surat edaran</p>'
        in (project.out / "alpha/layanan/tanpa-tautan/index.html").read_text()
    )


def test_a_source_address_that_cannot_be_opened_is_an_error_at_its_line(project):
    project.write(
        "content/shared/layanan/biaya-paspor.md",
        "---\ntitle: Biaya Paspor\nsource: PP 45/2024\nsource_url: javascript:alert(1)\n---\nx\n",
    )
    project.write("content/shared/layanan/lain.md", "---\ntitle: Lain\nsource_url: /tidak-ada/\n---\nx\n")
    result = CliRunner().invoke(main, ["check", "--root", str(project.root), "--now", NOW])
    assert result.exit_code == 1
    assert (
        "content/shared/layanan/biaya-paspor.md:4: 'source_url' 'javascript:alert(1)' is neither"
        in result.output
    )
    assert (
        "content/shared/layanan/lain.md:3: source_url /tidak-ada/ is not a page of the site" in result.output
    )
