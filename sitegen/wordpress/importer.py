"""One import, start to end: read the export, plan, write, and say what happened."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sitegen.config.settings import Network
from sitegen.errors import Problems
from sitegen.i18n import _
from sitegen.sources.layout import MAIN_SECTIONS
from sitegen.wordpress.plan import Plan, Planner
from sitegen.wordpress.record import Record
from sitegen.wordpress.writer import Outcome, write
from sitegen.wordpress.wxr import read_export


class ImportRefused(Exception):
    """The request cannot be carried out as asked (a usage error, exit 2)."""


@dataclass(frozen=True)
class Result:
    export: Path
    unit_dir: Path
    plan: Plan
    outcome: Outcome
    dry_run: bool


def import_wordpress(
    root: Path,
    network: Network,
    office_id: str,
    export_path: Path,
    problems: Problems,
    uploads: Path | None = None,
    pages_section: str = "profil",
    dry_run: bool = False,
) -> Result:
    """Bring ``export_path`` into ``content/offices/<office_id>/``.

    Raises :class:`ImportRefused` for a request that cannot be met, and
    :class:`~sitegen.wordpress.wxr.WxrError` for a file that is not a readable export
    (and :class:`~sitegen.wordpress.record.RecordError` for a damaged record).
    """
    if office_id not in network.ids:
        raise ImportRefused(
            _("unknown unit {unit!r}; known: {known}", unit=office_id, known=", ".join(network.ids))
        )
    if pages_section.split("/")[0] not in MAIN_SECTIONS or pages_section.split("/")[0] in (
        "berita",
        "pengumuman",
    ):
        raise ImportRefused(
            _(
                "pages cannot go into {section!r}; use one of layanan, informasi-publik, profil",
                section=pages_section,
            )
        )
    if uploads is not None and not uploads.is_dir():
        raise ImportRefused(
            _("{path} is not a folder; give a copy of the old site's wp-content/uploads/", path=uploads)
        )
    office = network.office(office_id)
    export = read_export(export_path)
    unit_dir = root / "content" / "offices" / office_id
    record = Record.load(unit_dir)
    plan = Planner(export, office, unit_dir, record, uploads, pages_section.strip("/"), problems).run()
    if uploads is not None and plan.uploads and not any(u.source for u in plan.uploads.values()):
        nested = next(
            (uploads / n for n in ("uploads", "wp-content/uploads") if (uploads / n).is_dir()), None
        )
        problems.warning(
            uploads,
            0,
            _("none of the {count} uploads the export names is in this folder", count=len(plan.uploads)),
            _("did you mean --uploads {path}?", path=nested)
            if nested
            else _("give the folder holding the year folders (2019/, 2020/ …)"),
            "import",
        )
    outcome = write(plan, record, unit_dir, problems, dry_run)
    return Result(export_path, unit_dir, plan, outcome, dry_run)
