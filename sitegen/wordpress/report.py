"""The report an import ends with: counts first, then every place that needs an editor, as path:line."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from sitegen.errors import Problems
from sitegen.i18n import _, ngettext
from sitegen.wordpress.importer import Result


def lines(result: Result, problems: Problems) -> list[str]:
    """The report as lines of text, the same for a first run and a re-run."""
    return [line for part in _PARTS for line in part(result, problems)]


def _headline(result: Result, problems: Problems) -> list[str]:
    """Where from and where to, and how many items of each kind were written how."""
    entries, done = result.plan.entries, result.outcome
    news = sum(1 for e in entries if e.item.post_type == "post" and not e.draft)
    pages = sum(1 for e in entries if e.item.post_type == "page" and not e.draft)
    drafts = sum(1 for e in entries if e.draft)
    return [
        f"{problems.rel(result.export)} -> {problems.rel(result.unit_dir)}/"
        + (_(" (dry run: nothing written)") if result.dry_run else ""),
        _(
            "  imported: {news} news, {pages} pages, {drafts} drafts (draft: true)"
            " - {created} created, {updated} updated, {unchanged} unchanged",
            news=news,
            pages=pages,
            drafts=drafts,
            created=len(done.created),
            updated=len(done.updated),
            unchanged=len(done.unchanged),
        ),
    ]


def _left_alone(result: Result, problems: Problems) -> list[str]:
    """The files an editor owns now (changed, deleted, or elsewhere) and those gone from the export."""
    done = result.outcome
    out = []
    if len(done.kept) + len(done.deleted) + len(done.elsewhere):
        out.append(
            _(
                "  left alone: {kept} changed by an editor, {deleted} deleted by an editor, "
                "{elsewhere} already in another file",
                kept=len(done.kept),
                deleted=len(done.deleted),
                elsewhere=len(done.elsewhere),
            )
        )
    if done.absent:
        out.append(_("  no longer in the export, kept as they are: {paths}", paths=", ".join(done.absent)))
    return out


def _protected(result: Result, problems: Problems) -> list[str]:
    """The password-protected items, each with its line in the export: an editor decides on them."""
    protected = result.plan.protected
    if not protected:
        return []
    out = [
        _(
            "  password-protected: {count}, imported as drafts without their text or summary",
            count=len(protected),
        )
    ]
    for item in protected:
        out.append(f"    {problems.rel(result.export)}:{item.line}: {item.title or _('(no title)')}")
    return out


def _undescribed(result: Result, problems: Problems) -> list[str]:
    """The items held back until their pictures are described, each by its new file."""
    plan = result.plan
    if not plan.undescribed:
        return []
    out = [
        _(
            "  held back as drafts until their pictures are described: {count}",
            count=len(plan.undescribed),
        )
    ]
    rel = {e.item.post_id: e.rel for e in plan.entries}
    for item, held in plan.undescribed:
        out.append(f"    {problems.rel(result.unit_dir / rel[item.post_id])}: {held}")
    return out


def _skipped(result: Result, problems: Problems) -> list[str]:
    """How many items were skipped, by status (always said, even when none), and each with its line."""
    skipped_items = result.plan.skipped
    reasons = Counter(item.status for item, _reason in skipped_items)
    skipped = ", ".join(f"{n} {status}" for status, n in sorted(reasons.items()))
    out = [_("  skipped: {count}", count=len(skipped_items)) + (f" ({skipped})" if skipped else "")]
    for item, reason in skipped_items:
        out.append(
            f"    {problems.rel(result.export)}:{item.line}: {item.title or _('(no title)')}: {reason}"
        )
    return out


def _not_imported(result: Result, problems: Problems) -> list[str]:
    """What the export holds that the sites have no place for: other post types, comments."""
    plan = result.plan
    out = []
    if plan.ignored:
        kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(plan.ignored.items()))
        out.append(_("  not pages or posts, not imported: {kinds}", kinds=kinds))
    if plan.comments:
        out.append(
            ngettext(
                "  comments: {count} approved comment not imported (the sites have no comments)",
                "  comments: {count} approved comments not imported (the sites have no comments)",
                plan.comments,
            )
        )
    return out


def _uploads(result: Result, problems: Problems) -> list[str]:
    """The uploads copied, already there, and those to copy by hand (each listed, with why it matters)."""
    done = result.outcome
    present = sum(1 for u in result.plan.uploads.values() if u.present and u.target not in done.copied)
    out = [
        _(
            "  uploads: {copied} copied, {present} already in place, {by_hand} to copy by hand",
            copied=len(done.copied),
            present=present,
            by_hand=len(done.by_hand),
        )
    ]
    for upload in done.by_hand:
        out.append(f"    {upload.url} -> {problems.rel(result.unit_dir / upload.target)}")
    if done.by_hand:
        out.append(
            _("    (links to these keep their old address until the file is there and the import runs again)")
        )
    return out


def _html_blocks(result: Result, problems: Problems) -> list[str]:
    """How many blocks stayed HTML, so an editor knows the Markdown is not all there is."""
    if not result.plan.html_blocks:
        return []
    return [
        ngettext(
            "  kept as HTML: {count} block Markdown cannot hold (merged cells, figures, videos)",
            "  kept as HTML: {count} blocks Markdown cannot hold (merged cells, figures, videos)",
            result.plan.html_blocks,
        )
    ]


def _attention(result: Result, problems: Problems) -> list[str]:
    """Every problem as path:line: warnings and errors (counted) first, then the notes."""
    attention = [p for p in problems.items if p.severity != "info"]
    notes = [p for p in problems.items if p.severity == "info"]
    out = [_("needing attention: {count}", count=len(attention))]
    out += [f"  {p}" for p in sorted(attention)]
    out += [f"  {p}" for p in sorted(notes)]
    return out


def _next_steps(result: Result, problems: Problems) -> list[str]:
    """Where the record is, and what to run next."""
    record = problems.rel(result.unit_dir / "wordpress-import.json")
    return [
        _(
            "Entries would be recorded in {record}; next: sitegen check, then sitegen serve to read the pages.",
            record=record,
        )
        if result.dry_run
        else _(
            "Entries were recorded in {record}; next: sitegen check, then sitegen serve to read the pages.",
            record=record,
        )
    ]


# the report's parts, in the order it shows them
_PARTS: tuple[Callable[[Result, Problems], list[str]], ...] = (
    _headline,
    _left_alone,
    _protected,
    _undescribed,
    _skipped,
    _not_imported,
    _uploads,
    _html_blocks,
    _attention,
    _next_steps,
)
