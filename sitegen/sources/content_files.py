"""Which files under content/ sitegen reads: the pages, and a unit's own static files.

Content comes from the repository only: a link (to a file or a folder, wherever
it leads) is never followed but reported as an error naming it, and so is a
file or folder that cannot be read: a section must never vanish from the
sites unsaid. The same holds for themes/ (:func:`report_links`).
"""

from __future__ import annotations

import os
from pathlib import Path

from sitegen import hints
from sitegen.errors import Problems
from sitegen.i18n import _
from sitegen.sources import static_trust
from sitegen.sources.layout import STATIC, translation_of
from sitegen.urls import BUNDLE_INDEX, UnsafePath, check, is_bundle


def discover(content_dir: Path, problems: Problems | None = None) -> list[Path]:
    """Every .md file under content/, sorted, skipping hidden files and editor backups.

    Content comes from the repository only: a link (to a file or a folder, wherever
    it leads) is never followed but reported as an error naming it, and so is a
    folder that cannot be read: a section must never vanish from the sites unsaid.
    """
    if not content_dir.is_dir():
        return []
    found: list[Path] = []
    # content/shared/static/ and content/offices/<id>/static/ hold files to copy, never pages
    shared, offices = f"{content_dir}/shared", content_dir / "offices"
    folders = [str(content_dir)]
    while folders:  # scandir, not os.walk: a link is known from the folder's listing, no lstat per file
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            if problems is not None:
                report_unreadable(Path(exc.filename or folder), exc, problems)
            continue
        here = Path(folder)
        for entry in entries:
            if entry.is_symlink() and not entry.name.startswith((".", "#")) and problems is not None:
                report_link(here / entry.name, problems)
        entries = [e for e in entries if not e.name.startswith((".", "#")) and not e.is_symlink()]
        dirs = [e.name for e in entries if e.is_dir(follow_symlinks=False)]
        files = [e.name for e in entries if not e.is_dir(follow_symlinks=False)]
        if folder == shared or here.parent == offices:
            dirs = [d for d in dirs if d != STATIC]  # static_files() reads them
        if BUNDLE_INDEX in files and is_bundle(_key_of(here.relative_to(content_dir), BUNDLE_INDEX)):
            files = _bundle_files(here, files, problems)
            dirs = []  # a bundle's subfolders hold its pictures, never pages
        for name in files:
            if not name.endswith(".md"):
                _refuse_misnamed(here / name, problems)
                continue
            found.append(Path(f"{folder}/{name}"))
        folders.extend(f"{folder}/{d}" for d in reversed(dirs))
    return sorted(found, key=str)


def _refuse_misnamed(path: Path, problems: Problems | None) -> None:
    """A page saved as "x.MD" or "x.markdown" is not read: say so, rather than never publishing it."""
    name = path.name
    suffix = name[name.rfind(".") :].lower() if "." in name else ""
    if problems is not None and suffix in hints.MARKDOWN_SUFFIXES:  # hidden files never reach here
        said = hints.misnamed_markdown(name)
        problems.error(path, 0, said.message, said.hint, said.code)


def report_links(folder: Path, problems: Problems) -> None:
    """Every link inside ``folder`` (themes/) as an error: its files come from the repository only."""
    if not folder.is_dir():
        return

    def unreadable(exc: OSError) -> None:
        if exc.filename:
            report_unreadable(Path(exc.filename), exc, problems)

    for here, dirs, files in os.walk(folder, onerror=unreadable):
        for name in sorted([*dirs, *files]):
            if os.path.islink(os.path.join(here, name)):
                report_link(Path(here, name), problems)
        dirs[:] = sorted(d for d in dirs if not os.path.islink(os.path.join(here, d)))


def report_link(path: Path, problems: Problems) -> None:
    """A link in content/, static/ or themes/: never followed, wherever it leads."""
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    problems.error(
        path,
        0,
        _(
            "this is a link (to {target}); sitegen publishes files of the repository only and never follows links",
            target=target,
        ),
        _("replace the link with a copy of the file or folder itself"),
        "linked-file",
    )


def report_unreadable(path: Path, exc: OSError, problems: Problems) -> None:
    """A file or folder the build cannot read: an error, never a silent gap in the sites."""
    reason = exc.strerror or exc
    problems.error(
        path,
        0,
        _("the folder cannot be read ({reason}), so nothing in it would be published", reason=reason)
        if path.is_dir()
        else _("the file cannot be read ({reason}), so nothing in it would be published", reason=reason),
        _(
            "give the user running sitegen permission to read it (chmod -R u+rX, or a+rX for CI), "
            "or delete it if it should go"
        ),
        "unreadable-file",
    )


def _key_of(folder: Path, name: str) -> str:
    """The key a file in ``folder`` (relative to content/) has within its scope."""
    parts = folder.parts
    scope = 2 if parts[:1] == ("offices",) else 1
    return "/".join((*parts[scope:], name))


def _bundle_files(here: Path, files: list[str], problems: Problems | None) -> list[str]:
    """A page bundle holds one page, index.md, and its translations (index.en.md); other Markdown is named."""
    kept = []
    for name in sorted(files):
        original, lang = translation_of(name)
        if name == BUNDLE_INDEX or (lang and original == BUNDLE_INDEX):
            kept.append(name)
        elif name.endswith(".md") and not name.startswith((".", "#")) and problems:
            problems.warning(
                here / name,
                0,
                _(
                    "{folder}/ is a page bundle (it has {index}), so this file is not published",
                    folder=here.name,
                    index=BUNDLE_INDEX,
                ),
                _("move it out of the folder to make it a page of its own"),
                "bundle-extra-file",
            )
    return kept


def static_files(
    content_dir: Path, office_id: str, problems: Problems, trusted: tuple[str, ...] = ()
) -> dict[str, Path]:
    """A unit's own files (search-engine verification, downloads): site path -> file.

    Only regular files of the repository are taken: a link is an error, and so is a
    file or folder that cannot be read. Each file is checked by what it is
    (:mod:`sitegen.sources.static_trust`: HTML and SVG sanitized, scripts refused unless
    the unit's ``trusted_static`` names them, photos stripped of camera data).
    """
    folder = content_dir / "offices" / office_id / STATIC
    if folder.is_symlink():
        report_link(folder, problems)
        return {}
    if not folder.is_dir():
        return {}
    found: dict[str, Path] = {}

    def unreadable(exc: OSError) -> None:
        if exc.filename:
            report_unreadable(Path(exc.filename), exc, problems)

    for here, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted([*dirs, *files]):
            if not name.startswith(".") and os.path.islink(os.path.join(here, name)):
                report_link(Path(here, name), problems)
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(here, d))]
        for name in sorted(files):
            path = Path(here, name)
            rel = path.relative_to(folder).as_posix()
            if name.startswith(".") or path.is_symlink():
                continue
            if not os.access(path, os.R_OK):
                report_unreadable(path, PermissionError(13, "Permission denied"), problems)
                continue
            try:
                site_path = check(rel)
            except UnsafePath:
                problems.error(
                    path,
                    0,
                    _("{rel!r} is not a usable file name on a website", rel=rel),
                    _("use letters, digits, - and _"),
                    "static-file-name",
                )
                continue
            try:
                ok = static_trust.check(path, rel, trusted, office_id, problems)
            except OSError as exc:
                report_unreadable(path, exc, problems)
                continue
            if ok:
                found[site_path] = path
    return dict(sorted(found.items()))
