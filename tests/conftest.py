"""Small, self-contained projects for specifications, written into tmp_path."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# Every program the specifications and gates run, with the Debian package .ci/run installs it
# from. A test run without one of them stops at once, naming it: a check that would pass only
# where the program happened to be installed protects nobody.
PROGRAMS = {
    "git": "git",
    "rsync": "rsync",
    "chromium": "chromium",
    "java": "default-jre-headless",
    "node": "nodejs",
    "npm": "npm",
    "setpriv": "util-linux",
}


def pytest_sessionstart(session: pytest.Session) -> None:
    missing = [
        f"{name} (Debian package {package})" for name, package in PROGRAMS.items() if not shutil.which(name)
    ]
    if missing:
        pytest.exit(
            "programs the tests run are missing: " + ", ".join(missing) + "; .ci/run installs them", 3
        )


@pytest.fixture(autouse=True, scope="session")
def english_messages() -> Iterator[None]:
    """Specifications read sitegen's messages in English (its msgids); only tests/test_i18n*.py
    ask for the editors' Indonesian. Set in the environment for the whole session, so that
    module fixtures and a sitegen run as a program (the preview, CI scripts) speak English too."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LANGUAGE", "en")
        yield


@pytest.fixture(autouse=True)
def language_from_environment() -> None:
    """No test inherits a language another one chose with ``sitegen --lang``."""
    from sitegen import i18n

    i18n.use(None)


SHIPPED_NOW = datetime(2026, 11, 24, 5, 0, tzinfo=UTC)  # the moment the shipped-site specifications build at

OFFICES = """\
network:
  name: Jaringan Uji
  organisation: Kementerian Uji
  directorate: Direktorat Jenderal Uji
  default_language: id
  feeds:
    items: 20
    id_authority: uji.example,2026
units:
  - id: alpha
    name: Kantor Imigrasi Kelas I TPI Alpha
    short_name: Kanim Alpha
    kind: kanim
    class: {name: Kelas I TPI, as_of: 2023-01-01}
    parent: wilayah
    base_url: https://alpha.example.go.id/
    timezone: Asia/Pontianak
    address: Jl. Contoh No. 1, Alpha
    contacts: {phone: "(0561) 000000 — contoh"}
    hours: {senin: 08.00-16.00, selasa: 08.00-16.00, rabu: 08.00-16.00, kamis: 08.00-16.00, jumat: 08.00-16.30}
    coverage: [Kota Alpha, Kabupaten Beta]
    services: [paspor, izin-tinggal, plb]
  - id: bravo
    name: Kantor Imigrasi Kelas II Non TPI Bravo
    short_name: Kanim Bravo
    kind: kanim
    parent: wilayah
    base_url: https://bravo.example.go.id/
    timezone: Asia/Makassar
    address: Jl. Contoh No. 2, Bravo
    services: [paspor, izin-tinggal]
  - id: rudenim
    name: Rumah Detensi Imigrasi Charlie
    short_name: Rudenim Charlie
    kind: rudenim
    parent: wilayah
    base_url: https://rudenim.example.go.id/
    timezone: Asia/Jayapura
    services: [detensi]
  - id: wilayah
    name: Kantor Wilayah Uji
    short_name: Kanwil Uji
    kind: kanwil
    base_url: https://wilayah.example.go.id/
    timezone: Asia/Pontianak
"""

FILES = {
    "shared/_index.md": "---\ntitle: Beranda\n---\nSelamat datang di situs {{ office.name }}.\n",
    "shared/layanan/_index.md": "---\ntitle: Layanan\n---\nLayanan kami.\n",
    "shared/layanan/paspor-baru.md": (
        "---\ntitle: Paspor Baru\nservices: [paspor]\nweight: 1\n---\n"
        "Datang ke {{ office.name }} di {{ office.address }}.\n\n"
        "Lihat juga [biaya](/layanan/biaya-paspor/).\n"
    ),
    "shared/layanan/biaya-paspor.md": (
        "---\ntitle: Biaya Paspor\nservices: [paspor]\nverified: 2026-11-01\nsource: PP 45/2024\n---\n"
        "| Jenis | Biaya |\n|---|---|\n| Elektronik 10 tahun | Rp950.000 |\n"
    ),
    "shared/layanan/pas-lintas-batas.md": "---\ntitle: Pas Lintas Batas\nservices: [plb]\n---\nPLB.\n",
    "shared/layanan/kunjungan-deteni.md": "---\ntitle: Kunjungan Deteni\nkinds: [rudenim]\n---\nJadwal.\n",
    "shared/informasi-publik/permohonan.md": (
        "---\ntitle: Permohonan Informasi\n---\nDijawab dalam 10 hari kerja oleh {{ office.short_name }}.\n"
    ),
    "shared/profil/_index.md": "---\ntitle: Profil\n---\nProfil {{ office.name }}.\n",
    "offices/alpha/berita/2026-10-01-sosialisasi.md": (
        "---\ntitle: Sosialisasi Paspor\ndate: 2026-10-01 09:30\nauthor: Humas Alpha\n"
        "category: Kegiatan\ntags: [paspor, sosialisasi]\n---\nIsi berita.\n"
    ),
    "offices/alpha/berita/2026-10-05-patroli.md": (
        "---\ntitle: Patroli Perbatasan\ndate: 2026-10-05 14:00\ntags: [perbatasan]\n---\nPatroli.\n"
    ),
    "offices/alpha/pengumuman/2026-11-18-libur.md": (
        "---\ntitle: Libur Natal\ndate: 2026-11-18 08:00\nexpires: 2027-01-02 23:59\n---\nTutup.\n"
    ),
    "offices/bravo/berita/2026-09-01-wbk.md": (
        "---\ntitle: Pencanangan WBK\ndate: 2026-09-01 10:00\ntags: [zona-integritas]\n---\nWBK.\n"
    ),
    "offices/bravo/layanan/paspor-baru.md": "---\ntitle: Paspor Baru di Bravo\n---\nKhusus Bravo.\n",
    "offices/rudenim/berita/2026-08-01-deportasi.md": (
        "---\ntitle: Deportasi\ndate: 2026-08-01 10:00\n---\nDeportasi dilaksanakan.\n"
    ),
    "offices/wilayah/berita/2026-07-01-rakor.md": (
        "---\ntitle: Rapat Koordinasi\ndate: 2026-07-01 10:00\n---\nRakor.\n"
    ),
}


class Fixture:
    """A tiny network on disk, with helpers to change it the way an editor would."""

    def __init__(self, root: Path):
        self.root = root
        root.mkdir(parents=True)
        (root / "offices.yaml").write_text(OFFICES, encoding="utf-8")
        for rel, text in FILES.items():
            self.write(f"content/{rel}", text)
        # a copy of the real themes, so fixtures render exactly what users get
        shutil.copytree(REPO / "themes", root / "themes")

    def write(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def read(self, rel: str) -> str:
        return (self.root / rel).read_text(encoding="utf-8")

    @property
    def out(self) -> Path:
        return self.root / "public"


@pytest.fixture
def project(tmp_path: Path) -> Fixture:
    return Fixture(tmp_path / "repo")


def copy_of_repository(root: Path) -> Path:
    """The repository's own offices.yaml, content and themes, copied into ``root``."""
    for name in ("content", "themes"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "offices.yaml", root / "offices.yaml")
    return root


@pytest.fixture(scope="session")
def shipped(tmp_path_factory) -> Path:
    """The shipped network as readers get it, built once for every specification that reads it."""
    from sitegen.build.pipeline import BuildOptions, build
    from sitegen.build.project import load_project

    root = copy_of_repository(tmp_path_factory.mktemp("shipped"))
    build(load_project(root), BuildOptions(out=root / "public", now=SHIPPED_NOW))
    return root / "public"
