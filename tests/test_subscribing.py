"""The Langganan page explains subscribing in plain words and lists each unit's official social accounts."""

from __future__ import annotations

from .test_check import check
from .test_feeds import build

ACCOUNTS = """    social:
      instagram: https://www.instagram.com/kanim.alpha/
      youtube: https://www.youtube.com/@kanimalpha
"""


def with_social(project, block: str) -> None:
    offices = project.read("offices.yaml")
    project.write(
        "offices.yaml",
        offices.replace(
            "    services: [paspor, izin-tinggal, plb]\n",
            f"    services: [paspor, izin-tinggal, plb]\n{block}",
            1,
        ),
    )


def langganan(project, unit: str = "bravo") -> str:
    return (project.out / f"{unit}/langganan/index.html").read_text()


def test_subscribing_is_explained_without_jargon(project):
    build(project)
    page = langganan(project, "alpha")
    assert "Dengan berlangganan, Anda mendapat kabar setiap kali Kantor Imigrasi Kelas I TPI Alpha" in page
    assert "Cara berlangganan" in page and 'cari "RSS reader" atau "pembaca RSS" di Google Play' in page
    assert "umpan" not in page.lower()
    assert "daftar langganan semua unit Jaringan Uji</a>" in page  # the OPML, named for what it does


def test_every_unit_lists_the_official_accounts_of_every_unit_of_the_network(project):
    with_social(project, ACCOUNTS)
    build(project)
    page = langganan(project)
    assert (
        'Kantor Imigrasi Kelas I TPI Alpha: <a href="https://www.instagram.com/kanim.alpha/">Instagram</a> · '
        '<a href="https://www.youtube.com/@kanimalpha">YouTube</a>' in page
    )
    assert "Rumah Detensi Imigrasi Charlie: belum ada akun yang dicantumkan" in page
    profile = (project.out / "alpha/profil/index.html").read_text()
    assert '<a href="https://www.youtube.com/@kanimalpha">YouTube</a>' in profile


def test_with_no_account_listed_the_page_says_so(project):
    build(project)
    assert "Situs ini belum mencantumkan akun media sosial resmi unit mana pun di Jaringan Uji." in langganan(
        project
    )


def test_an_account_address_that_is_not_the_platforms_own_is_an_error_at_its_line(project):
    with_social(
        project,
        "    social:\n"
        "      facebook: http://www.facebook.com/kanim.alpha\n"
        "      instagram: https://instagram.com.akun-resmi.id/kanim.alpha\n"
        "      x: https://x.com/\n"
        "      tiktok: https://www.tiktok.com/@kanim.alpha\n"
        "      telegram: https://t.me/kanimalpha\n",
    )
    result = check(project)
    assert result.exit_code == 1
    assert (
        "offices.yaml:24: social.facebook 'http://www.facebook.com/kanim.alpha' is not an https:// address"
        in result.output
    )
    assert (
        "offices.yaml:25: social.instagram 'https://instagram.com.akun-resmi.id/kanim.alpha' is not on instagram.com"
        in result.output
    )
    assert "offices.yaml:26: social.x 'https://x.com/' names no account" in result.output
    assert "offices.yaml:28: unknown key 'telegram' in social" in result.output
    assert "social.tiktok" not in result.output  # a right address passes
