"""A unit's web editor configuration (Decap CMS ``config.yml``), generated, never hand-written.

One editor per unit, at ``<unit site>/admin/``: its editors reach it at their own
site, see their unit's news, announcements and pages plus the shared pages, and the
preview uses their own site's stylesheet. Folders, file names and feed ids are
those of ``sitegen new`` (:mod:`sitegen.scaffold`), held to it by the tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from sitegen.cms import fields
from sitegen.cms.new_page import MAX_SLUG, NEW_PAGE
from sitegen.config.settings import Network, Office
from sitegen.i18n import _
from sitegen.sources.front_matter_keys import KNOWN_KEYS, LIST_KEYS
from sitegen.sources.layout import DATED_SECTIONS, MAIN_SECTIONS

FORMAT = (
    "sitegen-md"  # the file format the editor's script registers (front matter as `sitegen new` writes it)
)
LOCAL_PROXY = "http://127.0.0.1:8081/api/v1"  # decap-server, started by `sitegen serve --cms`
# the page folders an editor may add pages to: the sections of the sites without dates, and the
# service folders the shared content and the English section titles know
PAGE_FOLDERS = ("layanan", "layanan/wni", "layanan/wna", "layanan/detensi", "informasi-publik", "profil")
FOLDER_LABELS = {
    "berita": "Berita",
    "pengumuman": "Pengumuman",
    "layanan": "Layanan",
    "layanan/wni": "Layanan WNI",
    "layanan/wna": "Layanan WNA",
    "layanan/detensi": "Layanan detensi",
    "informasi-publik": "Informasi Publik",
    "profil": "Profil",
}


@dataclass(frozen=True)
class Local:
    """The editor served by ``sitegen serve --cms``: decap-server on this computer, no account."""

    proxy_url: str = LOCAL_PROXY


def scaffold_shape(office: Office) -> dict[str, Any]:
    """What the editor's script needs to write a new file as `sitegen new` would."""
    shapes: dict[str, Any] = {
        kind: {**shape, "comments": {key: "  # " + _(said) for key, said in shape["comments"].items()}}
        for kind, shape in NEW_PAGE.items()
    }
    shapes["author"] = f"Humas {office.short_name}"
    shapes["known_keys"] = list(KNOWN_KEYS)
    shapes["list_keys"] = list(LIST_KEYS)
    shapes["max_slug"] = MAX_SLUG
    return shapes


def editor_config(network: Network, office: Office, local: Local | None = None) -> dict[str, Any]:
    """The Decap configuration of ``office``'s editor (``local``: against decap-server on 127.0.0.1)."""
    editor = dict(network.editor)
    config: dict[str, Any] = {"backend": _backend(editor)}
    if local is not None:
        config["local_backend"] = {"url": local.proxy_url}
    if editor.get("workflow", "true") == "true" and local is None:
        config["publish_mode"] = "editorial_workflow"
    config.update(
        {
            "locale": "id",
            "site_url": office.base_url,
            "display_url": office.base_url,
            "media_folder": f"content/offices/{office.id}/static/img",
            "public_folder": "/img",
            "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
            "collections": collections(network, office),
        }
    )
    return config


def _backend(editor: dict[str, str]) -> dict[str, Any]:
    name = editor.get("backend", "github")
    backend: dict[str, Any] = {"name": name, "repo": editor.get("repo", "owner/repository")}
    backend["branch"] = editor.get("branch", "main")
    if name == "gitlab":
        backend["auth_type"] = "pkce"
        backend["app_id"] = editor.get("app_id", "")
    if "base_url" in editor:
        backend["base_url"] = editor["base_url"]
    if "api_root" in editor:
        backend["api_root"] = editor["api_root"]
    backend["commit_messages"] = {
        "create": "{{collection}}: tambah \u201c{{slug}}\u201d",
        "update": "{{collection}}: ubah \u201c{{slug}}\u201d",
        "delete": "{{collection}}: hapus \u201c{{slug}}\u201d",
        "uploadMedia": "Foto: tambah {{path}}",
        "deleteMedia": "Foto: hapus {{path}}",
    }
    return backend


def collections(network: Network, office: Office) -> list[dict[str, Any]]:
    """The unit's news and announcements, its own pages, the shared pages, and English versions."""
    english = "en" in office.languages
    unit = f"content/offices/{office.id}"
    found: list[dict[str, Any]] = []
    for section in DATED_SECTIONS:
        found.append(
            {
                "name": section,
                "label": FOLDER_LABELS[section],
                "label_singular": FOLDER_LABELS[section],
                "description": f"{FOLDER_LABELS[section]} {office.short_name}. Nama berkas dan id umpan "
                "dibuat seperti oleh `sitegen new`.",
                "folder": f"{unit}/{section}",
                "create": True,
                "format": FORMAT,
                "extension": "md",
                "slug": "{{fields._berkas}}",
                "identifier_field": "title",
                "summary": "{{title}} \u00b7 {{filename}}.{{extension}}",
                "sortable_fields": ["date", "title"],
                "media_folder": f"/{unit}/static/img/{section}",
                "public_folder": f"/img/{section}",
                "fields": fields.dated_fields(network, section == "pengumuman"),
            }
        )
    for scope, folder_root, label, what in (
        ("unit", unit, f"{office.short_name}:", _OWN_PAGES),
        ("bersama", "content/shared", "Bersama:", _SHARED_PAGES),
    ):
        for folder in PAGE_FOLDERS:
            name = f"{scope}-{folder.replace('/', '-')}"
            base = {
                "name": name,
                "label": f"{label} {FOLDER_LABELS[folder]}",
                "description": what,
                "folder": f"{folder_root}/{folder}",
                "create": True,
                "format": FORMAT,
                "extension": "md",
                "slug": "{{fields._berkas}}",
                "identifier_field": "title",
                "summary": "{{title}} \u00b7 {{filename}}.{{extension}}",
                "media_folder": f"/{folder_root}/static/img",
                "public_folder": "/img",
            }
            found.append({**base, "fields": fields.page_fields()})
            if english:
                found.append(
                    {
                        **base,
                        "name": f"{name}-en",
                        "label": f"{label} {FOLDER_LABELS[folder]} (English)",
                        "label_singular": "English translation",
                        "description": _ENGLISH,
                        "extension": "en.md",
                        "fields": [_original(name), *fields.page_fields(translation=True)],
                    }
                )
    return found


def _original(collection: str) -> dict[str, Any]:
    """The Indonesian page an English file translates: it names the file (``NAME.en.md``)."""
    return {
        "name": "_asli",
        "label": "Terjemahan dari halaman",
        "widget": "relation",
        "collection": collection,
        "search_fields": ["title"],
        "value_field": "{{filename}}",
        "display_fields": ["title", "{{filename}}"],
        "required": False,
        "hint": "Untuk terjemahan baru: pilih halaman berbahasa Indonesia; berkasnya menjadi NAMA.en.md di sampingnya.",
    }


_OWN_PAGES = (
    "Halaman milik unit ini saja. Halaman dengan nama berkas yang sama dengan halaman bersama "
    "menggantikan halaman bersama itu untuk unit ini saja (seperti `sitegen new --override`)."
)
_SHARED_PAGES = (
    "Halaman bersama: diterbitkan oleh setiap unit (kecuali dibatasi dengan offices, exclude_offices, "
    "kinds atau services). Perubahan di sini mengubah situs semua unit; penggantinya untuk satu unit "
    "dibuat di bagian halaman unit dengan nama berkas yang sama."
)
_ENGLISH = (
    "Terjemahan bahasa Inggris (NAMA.en.md di samping halaman berbahasa Indonesia), untuk unit yang "
    "menerbitkan bahasa Inggris."
)


def config_yaml(config: dict[str, Any]) -> str:
    """The configuration as YAML, the same bytes for the same inputs."""
    head = "# Generated by `sitegen cms` from offices.yaml and the front-matter rules: do not edit.\n"
    return head + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000)


def main_sections_ok() -> bool:
    """The folders above are sections of the sites (a renamed section fails the tests, not the editor)."""
    return all(folder.split("/")[0] in MAIN_SECTIONS for folder in PAGE_FOLDERS)
