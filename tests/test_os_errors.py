"""A failing machine (full disk, read-only output, permissions, names too long) is one line, never a traceback.

Issue #22: each of these ended a build with a Python traceback and no path. Now
each names the path and what to do, exits 1, and leaves the published sites as
they were. The faults are real: a file size limit set on the build's own
process (the kernel refuses the write as on a full disk), and permissions
checked by the kernel (tests run as root in CI, and root passes every
permission check, so the build runs without the capabilities that bypass
them, through util-linux's ``setpriv``; the files belong to ``nobody``).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import tree

NOW = "2026-11-24T12:00:00+07:00"
NOBODY = 65534
# root without the capabilities that let it read and write any file whatever its permissions
UNPRIVILEGED = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]


def sitegen(root: Path, *args: str, limit: int | None = None, unprivileged: bool = False):
    """sitegen in a process of its own, optionally with a file size limit or unprivileged."""

    def limited() -> None:
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [*(UNPRIVILEGED if unprivileged else []), sys.executable, "-m", "sitegen", *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=limited,
    )


def read_only(path: Path) -> None:
    """``path`` and everything in it belong to nobody, readable and not writable."""
    for item in [path, *path.rglob("*")]:
        os.chown(item, NOBODY, NOBODY, follow_symlinks=False)
        item.chmod(0o555 if item.is_dir() else 0o444)


def build(root: Path, **kwargs):
    return sitegen(root, "build", "--root", str(root), "--now", NOW, "--no-cache", **kwargs)


def assert_one_line(result, path: str, what: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith(f"error: {path}"), errors[0]
    assert what in errors[0]


@pytest.fixture
def open_project(project):
    return project.root


def test_a_full_disk_names_the_file_and_leaves_the_published_sites_as_they_were(open_project):
    assert build(open_project).returncode == 0
    before = tree(open_project / "public")
    news = open_project / "content/offices/alpha/berita/2026-11-02-panjang.md"
    news.write_text("---\ntitle: Panjang\ndate: 2026-11-02 09:00\n---\n" + "Kalimat panjang. " * 3000)
    result = build(open_project, limit=40_000)  # the new page is larger than the disk allows
    assert_one_line(result, str(open_project / "public"), "larger than this system allows")
    assert tree(open_project / "public") == before
    assert not (open_project / "public/.sitegen/staging").exists() or not any(
        (open_project / "public/.sitegen/staging").iterdir()
    )


def test_a_read_only_output_names_the_folder(open_project):
    assert build(open_project).returncode == 0
    before = tree(open_project / "public")
    (open_project / "content/offices/alpha/berita/2026-11-02-baru.md").write_text(
        "---\ntitle: Baru\ndate: 2026-11-02 09:00\n---\nBaru.\n"
    )
    read_only(open_project / "public")
    result = build(open_project, unprivileged=True)
    assert_one_line(result, str(open_project / "public"), "permission denied")
    assert tree(open_project / "public") == before


def test_an_unreadable_offices_yaml_is_a_located_error(open_project):
    os.chown(open_project / "offices.yaml", NOBODY, NOBODY)
    (open_project / "offices.yaml").chmod(0o000)
    result = build(open_project, unprivileged=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "offices.yaml: cannot be read (Permission denied)" in result.stderr


def test_a_content_folder_nobody_may_write_to_stops_sitegen_new_with_one_line(open_project):
    read_only(open_project / "content/offices/alpha/berita")
    result = sitegen(
        open_project,
        "new",
        "berita",
        "Kabar Baru",
        "--office",
        "alpha",
        "--root",
        str(open_project),
        unprivileged=True,
    )
    assert_one_line(result, str(open_project / "content/offices/alpha/berita"), "permission denied")


def test_a_title_too_long_for_a_file_name_is_refused_before_anything_is_made(open_project):
    before = tree(open_project / "content")
    title = ("Sosialisasi Paspor di Sekolah " * 11)[:315]
    result = sitegen(open_project, "new", "berita", title, "--office", "alpha", "--root", str(open_project))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "error: the title is 315 characters long; at most 150" in result.stderr
    assert tree(open_project / "content") == before


def test_letters_that_grow_when_made_plain_still_give_a_file_name_the_disk_accepts(open_project):
    result = sitegen(
        open_project, "new", "berita", "ﬃ" * 150, "--office", "alpha", "--root", str(open_project)
    )
    assert result.returncode == 0, result.stderr
    made = open_project / result.stdout.strip()
    assert made.is_file() and len(made.name.encode()) < 255


def test_a_title_with_a_control_character_is_refused(open_project):
    result = sitegen(
        open_project, "new", "berita", "Kabar\x01Baru", "--office", "alpha", "--root", str(open_project)
    )
    assert result.returncode == 1
    assert "invisible control character U+0001" in result.stderr


def test_a_swap_refused_half_way_is_finished_by_the_next_build(open_project):
    """A unit folder the swap may not move: the build fails naming it, and once the folder may
    move, the next build puts the new site in place. It never records files the folder does not
    hold (a manifest of the new pages over the old ones made every later build say "unchanged")."""
    public = open_project / "public"
    assert build(open_project).returncode == 0
    (open_project / "content/offices/alpha/berita/2026-11-02-baru.md").write_text(
        "---\ntitle: Baru\ndate: 2026-11-02 09:00\n---\nBaru.\n"
    )
    (public / "alpha").chmod(0o555)  # the swap moves the live folder aside: refused
    failed = build(open_project, unprivileged=True)
    assert failed.returncode == 1 and "Traceback" not in failed.stderr, failed.stderr
    assert f"{public}/alpha" in failed.stderr and "permission denied" in failed.stderr
    (public / "alpha").chmod(0o755)
    assert build(open_project).returncode == 0
    clean = sitegen(
        open_project, "build", "--root", str(open_project), "--now", NOW, "--no-cache", "--out", "clean"
    )
    assert clean.returncode == 0
    assert tree(public) == tree(open_project / "clean")
    assert "Baru" in (public / "alpha/berita/baru/index.html").read_text()


def test_a_cache_folder_that_cannot_be_made_is_said_once_and_the_build_goes_on(open_project):
    too_long = "c" * 300  # no file system takes a name this long
    result = sitegen(
        open_project, "build", "--root", str(open_project), "--now", NOW, "--cache-dir", too_long
    )
    assert result.returncode == 0, result.stderr
    warned = [line for line in result.stderr.splitlines() if "the cache cannot be used" in line]
    assert len(warned) == 1 and warned[0].startswith(f"warning: {too_long}/cache.sqlite: ")
    assert "this build runs without it" in warned[0] and "Traceback" not in result.stderr


def test_a_root_whose_path_is_too_long_says_so_not_permissions(tmp_path):
    root = tmp_path / ("r" * 300)
    result = sitegen(tmp_path, "check", "--root", str(root))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    said = result.stdout + result.stderr
    assert "too long" in said and "--root" in said and "permissions" not in said
