"""The web editor in a real browser: Chromium drives Decap CMS against decap-server on a clone.

An editor who has never used git writes for Sambas at its own site's /admin/; what
reaches the repository must be what a git user would have committed. Each test
works on a temporary clone of this repository with the editor enabled
(``network.editor`` in offices.yaml), served with the admin pages built against
decap-server (``SITEGEN_CMS_PROXY``, as ``sitegen serve --cms`` does), and starts
from a clean clone. The form is driven through its visible Indonesian labels
(sitegen.cms.fields and Decap's Indonesian locale), as an editor sees them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image

from sitegen.cms import local
from sitegen.config.offices import load_network
from sitegen.errors import Problems
from sitegen.scaffold import plan_page
from sitegen.sources.source import PLACEHOLDER

from . import quality

pytestmark = pytest.mark.gates

REPO = Path(__file__).resolve().parents[2]
NOW = "2026-11-25T12:00:00+07:00"
UNIT = "sambas"
ZONE = "Asia/Pontianak"  # Sambas' zone: the editor types the unit's own clock time
EDITOR = """  editor:
    backend: github
    repo: imigrasi-kalbar/situs
    base_url: https://oauth.imigrasi-kalbar.example
"""
ANNOUNCEMENT = "content/offices/sambas/pengumuman/2026-11-18-layanan-libur-natal-tahun-baru.md"
SHARED_PAGE = "content/shared/layanan/wni/biaya-paspor.md"
WAIT = 30_000  # ms: the longest any step of the editor may take on a busy machine


def run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        list(args), cwd=cwd, capture_output=True, text=True, env=env or dict(os.environ), timeout=600
    )


def sitegen(*args: str, cwd: Path, proxy: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "SITEGEN_CMS_PROXY"}
    if proxy:
        env["SITEGEN_CMS_PROXY"] = proxy
    return run(sys.executable, "-m", "sitegen", *args, cwd=cwd, env={**env, "PYTHONHASHSEED": "0"})


def git(clone: Path, *args: str) -> str:
    done = run("git", *args, cwd=clone)
    assert done.returncode == 0, done.stderr
    return done.stdout


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_listening(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, "decap-server stopped at once"
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"decap-server is not listening on 127.0.0.1:{port}")


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    """A clone of this repository, with the work tree's content and themes, and the editor enabled."""
    folder = tmp_path_factory.mktemp("cms") / "situs"
    done = run("git", "clone", "-q", "--no-hardlinks", str(REPO), str(folder), cwd=REPO)
    assert done.returncode == 0, done.stderr
    for name in ("content", "themes"):  # what is being tested, committed or not
        shutil.rmtree(folder / name)
        shutil.copytree(REPO / name, folder / name)
    offices = folder / "offices.yaml"
    shutil.copy(REPO / "offices.yaml", offices)
    offices.write_text(
        offices.read_text(encoding="utf-8").replace("  topics:", EDITOR + "  topics:", 1), encoding="utf-8"
    )
    for setting in (("user.name", "Gate"), ("user.email", "gate@example.invalid")):
        git(folder, "config", *setting)
    git(folder, "add", "-A")
    git(folder, "commit", "-qm", "Enable the web editor")
    return folder


@pytest.fixture(scope="module")
def editor_site(clone, tmp_path_factory) -> Iterator[str]:
    """decap-server writing into the clone, and Sambas' built site serving /admin/ against it."""
    program = local.program(REPO)
    assert program is not None, f"decap-server is missing: {local.INSTALL}"
    port = free_port()
    env = dict(os.environ, PORT=str(port), BIND_HOST="127.0.0.1", GIT_REPO_DIRECTORY=str(clone), MODE="fs")
    env["LOG_LEVEL"] = "warn"
    proxy = subprocess.Popen([str(program)], cwd=clone, env=env, stdin=subprocess.DEVNULL)
    try:
        wait_listening(port, proxy)
        out = tmp_path_factory.mktemp("editor-site")
        built = sitegen(
            "build", "--root", str(clone), "--out", str(out), "--office", UNIT, "--now", NOW, "-q",
            cwd=clone, proxy=f"http://127.0.0.1:{port}/api/v1",
        )  # fmt: skip
        assert built.returncode == 0, built.stderr
        with quality.served(out / UNIT) as base:
            yield base
    finally:
        proxy.terminate()
        proxy.wait(timeout=10)


@pytest.fixture
def editor(browser, editor_site, clone):
    """A signed-in editor on a clean clone: Decap's local backend asks for no account, only "Masuk"."""
    git(clone, "reset", "-q", "--hard")
    git(clone, "clean", "-qfd")
    context = browser.new_context(viewport=quality.DESKTOP, timezone_id=ZONE, locale="id-ID")
    context.set_default_timeout(WAIT)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(f"{e.name}: {e.message} {e.stack}"))
    page.goto(editor_site + "admin/")
    page.get_by_role("button", name="Masuk").click()
    page.get_by_role("link", name="Berita").first.wait_for()
    page.base = editor_site  # type: ignore[attr-defined]
    yield page
    context.close()
    assert errors == []


# -- driving the form ---------------------------------------------------------------------------


def open_form(page, route: str) -> None:
    page.goto(page.base + "admin/#/collections/" + route)
    page.get_by_label("Judul").wait_for()


def write_body(page, text: str) -> None:
    """Types the text in the Markdown mode of "Isi" (Decap remembers the mode between forms)."""
    field = page.get_by_label("isian markdown")
    raw = field.locator(".cms-editor-raw [contenteditable=true]")
    if raw.count() == 0:
        field.get_by_role("switch").click()
    raw.click()
    page.keyboard.type(text)


def publish(page) -> None:
    page.get_by_role("button", name="Terbitkan").click()
    page.get_by_text("Terbitkan sekarang").click()


def published(page) -> None:
    page.get_by_text("Sudah terbit").wait_for()


def upload_photo(page, photo: Path) -> None:
    page.get_by_role("button", name="Pilih foto").click()
    page.locator("input[type=file]").set_input_files(str(photo))
    page.get_by_text(photo.name).wait_for()
    page.get_by_role("button", name="Pakai yang dipilih").click()  # the upload is selected by itself
    page.get_by_role("button", name="Ganti foto").wait_for()


def changed_files(clone: Path) -> list[str]:
    return git(clone, "status", "--porcelain", "--untracked-files=all").splitlines()


def git_user(clone: Path, title: str, moment: str, body: str) -> tuple[str, str]:
    """What `sitegen new berita TITLE --office sambas` plans, with the draft line deleted and the text written."""
    problems = Problems(clone)
    network = load_network(clone / "offices.yaml", problems)
    assert network is not None, problems.items
    page = plan_page(clone, network, "berita", title, network.office(UNIT), datetime.fromisoformat(moment))
    text = re.sub(r"^draft: true.*\n", "", page.text, flags=re.M).replace(PLACEHOLDER + "\n", body)
    return page.path.relative_to(clone).as_posix(), text


@pytest.fixture
def photo(tmp_path) -> Path:
    path = tmp_path / "paspor-keliling-tebas.jpg"
    Image.new("RGB", (1600, 1000), (30, 120, 60)).save(path, quality=85)
    return path


# -- the scenarios ------------------------------------------------------------------------------

TITLE = "Pelayanan Paspor Keliling di Kecamatan Tebas"
MOMENT = "2026-11-20T09:30:00+07:00"
BODY = (
    "Kantor Imigrasi Sambas membuka layanan paspor di Kecamatan Tebas.\n\nPemohon membawa KTP dan KK asli.\n"
)
ALT = "Petugas melayani pemohon paspor di balai desa Tebas"


def test_a_news_item_written_in_the_browser_is_what_a_git_user_commits_and_is_published(
    editor, clone, photo, tmp_path, screenshots
):
    path, expected = git_user(clone, TITLE, MOMENT, BODY)  # planned on the clean clone, as a git user would
    open_form(editor, "berita/new")
    editor.get_by_label("Judul").fill(TITLE)
    editor.get_by_label("Tanggal dan jam terbit").fill(MOMENT[:16])
    upload_photo(editor, photo)
    editor.get_by_label("Keterangan foto utama").fill(ALT)
    write_body(editor, BODY.rstrip("\n"))
    preview = editor.frame_locator("iframe").first  # the preview shows the page as the site will
    preview.get_by_role("heading", name=TITLE).wait_for()
    assert preview.get_by_role("img", name=ALT).count() == 1
    editor.screenshot(path=str(screenshots / "web-editor-1280.png"))  # docs/screenshots/ is chosen by hand
    publish(editor)
    published(editor)

    image = f"/img/berita/{photo.name}"
    assert sorted(changed_files(clone)) == [
        f"?? {path}",
        f"?? content/offices/sambas/static/img/berita/{photo.name}",
    ]
    written = (clone / path).read_text(encoding="utf-8")
    # sitegen new defines every line but the picture's two, which follow its keys in the contract's order
    head, rest = expected.split("\n---\n", 1)
    assert written == f"{head}\nimage: {image}\nimage_alt: {ALT}\n---\n{rest}"
    assert (
        clone / "content/offices/sambas/static/img/berita" / photo.name
    ).read_bytes() == photo.read_bytes()

    checked = sitegen(
        "check", "--root", str(clone), "--strict", "--now", NOW, "--format", "json", path, cwd=clone
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert json.loads(checked.stdout)["problems"] == []

    out = tmp_path / "public"
    built = sitegen(
        "build", "--root", str(clone), "--out", str(out), "--office", UNIT, "--now", NOW, "-q", cwd=clone
    )
    assert built.returncode == 0, built.stderr
    slug = Path(path).stem[len("2026-11-20-") :]
    article = (out / UNIT / "berita" / slug / "index.html").read_text(encoding="utf-8")
    assert re.search(rf"<h1[^>]*>\s*{re.escape(TITLE)}\s*</h1>", article), article
    pictures = re.findall(r"<img [^>]*>", article)
    assert any(f'alt="{ALT}"' in img and photo.stem in img for img in pictures), pictures
    for feed in ("rss.xml", "atom.xml"):
        text = (out / UNIT / feed).read_text(encoding="utf-8")
        assert TITLE in text and "berita/20261120T023000Z" in text, feed


def test_editing_an_announcements_expiry_changes_only_that_line(editor, clone):
    before = (clone / ANNOUNCEMENT).read_text(encoding="utf-8")
    open_form(editor, "pengumuman/entries/" + Path(ANNOUNCEMENT).stem)
    editor.get_by_label("Berlaku sampai").fill("2027-01-05")
    publish(editor)
    published(editor)
    after = (clone / ANNOUNCEMENT).read_text(encoding="utf-8")
    assert changed_files(clone) == [f" M {ANNOUNCEMENT}"]
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    assert len(old) == len(new)
    assert [(a, b) for a, b in zip(old, new, strict=True) if a != b] == [
        ("expires: 2027-01-02 23:59\n", "expires: 2027-01-05\n")
    ]


def test_an_english_translation_is_written_beside_the_indonesian_page(editor, clone):
    indonesian = (clone / SHARED_PAGE).read_text(encoding="utf-8")
    title = re.search(r"^title: (.*)$", indonesian, re.M).group(1)
    open_form(editor, "bersama-layanan-wni-en/new")
    editor.get_by_label("Judul").fill("Passport Fees")
    editor.get_by_label("Terjemahan dari halaman").fill(title)
    editor.get_by_role("option", name=title).first.click()
    write_body(editor, "Passport fees follow Government Regulation 45 of 2024.")
    publish(editor)
    published(editor)
    english = SHARED_PAGE.replace(".md", ".en.md")
    assert changed_files(clone) == [f"?? {english}"]
    assert (clone / english).read_text(encoding="utf-8") == (
        '---\ntitle: "Passport Fees"\nsummary: ""\n---\n\nPassport fees follow Government Regulation 45 of 2024.\n'
    )
    assert (clone / SHARED_PAGE).read_text(encoding="utf-8") == indonesian
    checked = sitegen(
        "check", "--root", str(clone), "--strict", "--now", NOW, "--format", "json", english, cwd=clone
    )
    assert json.loads(checked.stdout)["errors"] == 0, checked.stdout


def refused(page, said: str) -> None:
    """The save is refused with ``said`` on screen and the form is still unsaved."""
    page.get_by_text(said, exact=False).first.wait_for()
    assert page.get_by_text("Sudah terbit").count() == 0


def test_a_photo_without_its_description_is_refused_and_nothing_is_written(editor, clone, photo):
    open_form(editor, "berita/new")
    editor.get_by_label("Judul").fill(TITLE)
    editor.get_by_label("Tanggal dan jam terbit").fill(MOMENT[:16])
    upload_photo(editor, photo)
    write_body(editor, "Teks.")
    publish(editor)
    refused(editor, "Foto utama perlu keterangan")
    assert changed_files(clone) == []


def test_an_expiry_before_the_date_is_refused_and_nothing_is_written(editor, clone):
    open_form(editor, "pengumuman/new")
    editor.get_by_label("Judul").fill("Layanan Paspor Ditutup Sementara")
    editor.get_by_label("Tanggal dan jam terbit").fill(MOMENT[:16])
    editor.get_by_label("Berlaku sampai").fill("2026-11-10")
    write_body(editor, "Teks.")
    publish(editor)
    refused(editor, "sebelum tanggal terbit")
    assert changed_files(clone) == []
