"""The import record: what an import wrote, so running it again is safe.

``content/offices/<id>/wordpress-import.json`` lists, for every item it
made, the file and the SHA-256 of the bytes it wrote, and the same for every
picture or document it copied. A later run compares: a file still holding
exactly those bytes is the import's own and may be brought up to date; a file
with other bytes was changed by an editor and is left alone; a file that is
gone was deleted on purpose and is not made again.

Why a file beside the content, not keys in each page's front matter: it
travels with the content in git (a re-run on another machine or in CI knows
the same), it covers copied pictures too, and the pages keep the front matter
every editor knows, with nothing in them to break by editing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.i18n import _

NAME = "wordpress-import.json"
VERSION = 1


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Record:
    """Item key (the old GUID) -> the file written for it, and copied files, each with its digest."""

    path: Path
    items: dict[str, dict[str, str]] = field(default_factory=dict)  # key -> {"path": rel, "sha256": …}
    files: dict[str, str] = field(default_factory=dict)  # rel under the unit's folder -> sha256

    @classmethod
    def load(cls, unit_dir: Path) -> Record:
        """The unit's record, or an empty one; a damaged record is an error, never silently reset."""
        path = unit_dir / NAME
        if not path.exists():
            return cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            items = {
                str(k): {"path": str(v["path"]), "sha256": str(v["sha256"])} for k, v in data["items"].items()
            }
            files = {str(k): str(v) for k, v in data["files"].items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise RecordError(
                _(
                    "{path}: the import record cannot be read ({kind}); restore it from git "
                    "(without it a new import cannot tell an editor's changes from its own)",
                    path=path,
                    kind=exc.__class__.__name__,
                )
            ) from None
        return cls(path, items, files)

    def path_of(self, key: str) -> str | None:
        entry = self.items.get(key)
        return entry["path"] if entry else None

    def text(self) -> str:
        """The record as written: sorted, so that an unchanged import leaves it byte for byte."""
        data = {"version": VERSION, "items": self.items, "files": self.files}
        return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"

    def save(self) -> None:
        text = self.text()
        if not self.path.exists() or self.path.read_text(encoding="utf-8") != text:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(text, encoding="utf-8")


class RecordError(Exception):
    """The record exists but cannot be read."""
