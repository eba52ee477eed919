"""What a deploy must change on the host: one unit's new manifest against the last deployed one.

The manifest ``<out>/.sitegen/<id>.json`` lists every file sitegen made for a
unit with its SHA-256 (see :mod:`sitegen.build.output`). Comparing the new build's
manifest with the one recorded at the last deploy gives:

- **upload**: files that are new or whose bytes changed, assets first, then
  pages, then feeds and sitemaps, so that no page goes live before what it
  loads and no feed announces a page not yet there;
- **delete**: files the last deploy made that the new build no longer has,
  and nothing else: a file on the host that sitegen never listed (a search
  engine's verification file, an uploads folder) is never named.

Without an earlier manifest (a unit's first deploy) every file is uploaded and
nothing is deleted. A unit that left offices.yaml but whose manifest the host
still holds is *removed*: its plan deletes exactly the files that manifest
lists (the publishing script then deletes the manifest itself).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from sitegen.build import JOURNAL, STATE
from sitegen.config.readers import SLUG
from sitegen.i18n import _

FEED_NAMES = ("feed.json", "feeds.opml")
FEED_SUFFIXES = (".xml",)  # RSS, Atom, sitemap.xml


class PlanError(Exception):
    """A manifest is missing or unreadable, or the output awaits an interrupted build's end."""


@dataclass(frozen=True)
class DeployPlan:
    unit: str
    upload: tuple[str, ...]
    delete: tuple[str, ...]
    unchanged: int
    first: bool  # no earlier manifest: everything is uploaded

    def as_json(self) -> dict:
        return {
            "unit": self.unit,
            "upload": list(self.upload),
            "delete": list(self.delete),
            "unchanged": self.unchanged,
            "first_deploy": self.first,
        }


def manifest_file(out: Path, unit: str) -> Path:
    """Where a build into ``out`` records ``unit``'s manifest."""
    return out / STATE / f"{unit}.json"


def read_manifest(path: Path) -> dict[str, str]:
    """The ``files`` of a manifest: site path -> SHA-256."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PlanError(_("{path} does not exist", path=path)) from None
    except (OSError, ValueError) as exc:
        raise PlanError(_("{path} is not a readable manifest ({error})", path=path, error=exc)) from None
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict) or not all(isinstance(v, str) for v in files.values()):
        raise PlanError(
            _('{path} is not a sitegen manifest (it has no "files" object of digests)', path=path)
        )
    return files


def built_manifest(out: Path, unit: str) -> dict[str, str]:
    """The manifest of ``unit`` as the last build into ``out`` left it."""
    if (out / STATE / JOURNAL).exists():
        raise PlanError(
            _("a build into {path} was interrupted; run sitegen build again before deploying", path=out)
        )
    path = manifest_file(out, unit)
    if not path.exists():
        raise PlanError(
            _(
                "{out} holds no site of unit {unit!r} (no {path}); build it first",
                out=out,
                unit=unit,
                path=path,
            )
        )
    return read_manifest(path)


def deployed_manifest(against: Path, unit: str) -> dict[str, str] | None:
    """The last deployed manifest: a manifest file, or an output folder holding one (None: none yet)."""
    if against.is_dir():
        path = manifest_file(against, unit)
        return read_manifest(path) if path.exists() else None
    return read_manifest(against)


def removed_units(against: Path, known: tuple[str, ...]) -> list[str]:
    """Units the deployed output ``against`` holds a manifest for that are not in ``known``."""
    state = against / STATE
    if not state.is_dir():
        return []
    found = (p.stem for p in state.glob("*.json") if p.name != JOURNAL)
    return sorted(u for u in found if u not in known and SLUG.fullmatch(u))


def _order(path: str) -> tuple[int, str]:
    name = PurePosixPath(path).name
    if name in FEED_NAMES or name.endswith(FEED_SUFFIXES):
        return (2, path)
    if name.endswith(".html"):
        return (1, path)
    return (0, path)


def make_plan(unit: str, new: dict[str, str], old: dict[str, str] | None) -> DeployPlan:
    """The files to upload and to delete to turn the deployed site ``old`` into ``new``."""
    before = old or {}
    upload = sorted((p for p, digest in new.items() if before.get(p) != digest), key=_order)
    delete = sorted(p for p in before if p not in new)
    return DeployPlan(unit, tuple(upload), tuple(delete), len(new) - len(upload), old is None)
