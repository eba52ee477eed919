"""Reading built sites the way a browser or a feed reader would."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.links.append(value)


def links_of(html: str) -> list[str]:
    parser = LinkCollector()
    parser.feed(html)
    return parser.links


def broken_links(site_dir: Path) -> list[str]:
    """Every relative link in every HTML file that does not lead to a file of the site."""
    broken = []
    for page in sorted(site_dir.rglob("*.html")):
        rel_dir = page.parent.relative_to(site_dir).as_posix()
        for link in links_of(page.read_text(encoding="utf-8")):
            parts = urlsplit(link)
            if parts.scheme or link.startswith(("//", "#")):
                continue
            here = rel_dir
            if link.startswith("/"):
                if (
                    page.name != "404.html"
                ):  # a not-found page (404.html, en/404.html) is served at any address
                    broken.append(f"{page.relative_to(site_dir)}: root-relative link {link}")
                    continue
                here = "."
            target = posixpath.normpath(posixpath.join(here, unquote(parts.path).lstrip("/")))
            if parts.path.endswith("/") or parts.path in ("", "."):
                target = posixpath.join(target, "index.html")  # a page's folder: its index.html
            if target.startswith("..") or not (site_dir / target).is_file():
                broken.append(f"{page.relative_to(site_dir)}: {link}")
    return broken


def tree(root: Path) -> dict[str, bytes]:
    """Every file below root with its bytes (sitegen's own state folder excluded)."""
    if not root.exists():
        return {}
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".sitegen" not in p.relative_to(root).parts
    }


def published(root: Path) -> dict[str, bytes]:
    """What a deploy uploads: every unit's files and its manifest ``.sitegen/<id>.json``."""
    manifests = {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted((root / ".sitegen").glob("*.json"))
        if p.name != "journal.json"
    }
    return {**tree(root), **manifests}


def git(root: Path, *args: str) -> str:
    """Run git in ``root`` with a fixed identity; return its output."""
    import subprocess

    done = subprocess.run(
        ["git", "-c", "user.name=Uji", "-c", "user.email=uji@example.invalid", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def commit_all(root: Path, message: str = "change") -> str:
    """Make ``root`` a git repository if it is none, commit everything; return the commit."""
    if not (root / ".git").exists():
        git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "--allow-empty", "-m", message)
    return git(root, "rev-parse", "HEAD")
