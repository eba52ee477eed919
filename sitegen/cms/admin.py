"""The files of a unit's web editor, ``admin/`` on its own site.

Decap CMS is served from the site itself (``admin/decap-cms/``), the pinned copy in
``themes/default/admin/decap-cms/`` whose every file is checked against ``PINNED``
before it is published: no file of the editor comes from another host.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from sitegen import csp
from sitegen.cms.config import Local, config_yaml, editor_config, scaffold_shape
from sitegen.config.settings import Network, Office
from sitegen.i18n import _

FOLDER = "admin"
VENDOR = "decap-cms"
PINNED = "PINNED"
SCRIPTS = ("init.js", "locale-id.js", "sitegen-cms.js")  # ours, loaded around Decap's
LOCAL_ENV = "SITEGEN_CMS_PROXY"  # set by `sitegen serve --cms`: the preview's editor uses decap-server


class VendorError(Exception):
    """The pinned copy of Decap is not what was recorded (a changed, missing or extra file)."""


@dataclass(frozen=True)
class Pinned:
    """The vendored Decap files and their recorded digests."""

    folder: Path
    digests: dict[str, str]

    @classmethod
    def read(cls, admin_theme: Path) -> Pinned:
        folder = admin_theme / VENDOR
        try:
            lines = (folder / PINNED).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise VendorError(
                _("{path} cannot be read ({reason})", path=folder / PINNED, reason=exc.strerror)
            ) from None
        digests = {}
        for line in lines:
            if line and not line.startswith("#"):
                digest, name = line.split(maxsplit=1)
                digests[name] = digest
        return cls(folder, digests)

    def verified(self) -> dict[str, bytes]:
        """Every pinned file's bytes, each checked against its digest; nothing unrecorded."""
        present = {p.name for p in self.folder.iterdir() if p.is_file() and p.name != PINNED}
        extra = sorted(present - set(self.digests))
        if extra:
            raise VendorError(
                _(
                    "{folder}: {names} is not recorded in {pinned}",
                    folder=self.folder,
                    names=", ".join(extra),
                    pinned=PINNED,
                )
            )
        files = {}
        for name, digest in sorted(self.digests.items()):
            try:
                data = (self.folder / name).read_bytes()
            except OSError:
                raise VendorError(
                    _("{path} is recorded in {pinned} but missing", path=self.folder / name, pinned=PINNED)
                ) from None
            if hashlib.sha256(data).hexdigest() != digest:
                raise VendorError(
                    _(
                        "{path} differs from the digest recorded in {pinned} "
                        "(restore it with git, or update the pinned version as docs/web-editor.md says)",
                        path=self.folder / name,
                        pinned=PINNED,
                    )
                )
            files[name] = data
        return files


def admin_theme(themes_dir: Path) -> Path:
    """The editor's own files: only the default theme has them (a unit's theme changes the site, not the editor)."""
    return themes_dir / "default" / FOLDER


def git_hosts(editor: dict[str, str], local: Local | None) -> tuple[str, ...]:
    """Where the editor's requests go besides its own site: the git host's API, and its avatars."""
    if local is not None:
        return (local.proxy_url.split("/api/")[0],)
    backend = editor.get("backend", "github")
    if "api_root" in editor:
        origin = "/".join(editor["api_root"].split("/")[:3])
        return (origin,)
    if backend == "gitlab":
        return ("https://gitlab.com", "https://secure.gravatar.com")
    if backend == "gitea":
        return ()  # a self-hosted Gitea names its api_root
    return ("https://api.github.com", "https://avatars.githubusercontent.com")


def integrity(data: bytes) -> str:
    """A ``<script integrity>`` value: the browser refuses a file with other bytes."""
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def admin_files(
    network: Network, office: Office, themes_dir: Path, local: Local | None = None
) -> list[tuple[str, bytes]]:
    """``admin/index.html``, ``admin/config.yml``, our scripts and the pinned Decap, by site path."""
    theme = admin_theme(themes_dir)
    vendor = Pinned.read(theme).verified()
    ours = {name: (theme / name).read_bytes() for name in SCRIPTS}
    config = editor_config(network, office, local)
    settings = {
        "unit": office.id,
        "unit_name": office.name,
        "timezone": office.timezone,
        "languages": list(office.languages),
        "shape": scaffold_shape(office),
        "stylesheet": "../static/site.css",
        "accent": office.accent,
        "collections": [c["name"] for c in config["collections"]],
    }
    env = Environment(
        loader=FileSystemLoader(str(theme)),
        autoescape=select_autoescape(default=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    page = env.get_template("index.html").render(
        office=office,
        policy=csp.admin_policy(git_hosts(dict(network.editor), local)),
        settings=json.dumps(settings, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c"),
        scripts={name: integrity(data) for name, data in ours.items()},
        decap=integrity(vendor["decap-cms.js"]),
    )
    files = [
        (f"{FOLDER}/index.html", page.encode("utf-8")),
        (f"{FOLDER}/config.yml", config_yaml(config).encode("utf-8")),
    ]
    files += [(f"{FOLDER}/{name}", data) for name, data in ours.items()]
    files += [(f"{FOLDER}/{VENDOR}/{name}", data) for name, data in vendor.items()]
    return files


def editor_files(network: Network, office: Office, themes_dir: Path) -> list[tuple[str, bytes]]:
    """The build's hook: a unit's editor when offices.yaml names the git host (``network.editor``),
    or when ``sitegen serve --cms`` asks for one against decap-server; nothing otherwise."""
    proxy = os.environ.get(LOCAL_ENV)
    if proxy:
        return admin_files(network, office, themes_dir, Local(proxy))
    if not network.editor:
        return []
    return admin_files(network, office, themes_dir)
