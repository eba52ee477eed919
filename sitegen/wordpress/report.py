"""The report an import ends with: counts first, then every place that needs an editor, as path:line."""

from __future__ import annotations

from collections import Counter

from sitegen.errors import Problems
from sitegen.i18n import _, ngettext
from sitegen.wordpress.importer import Result


def lines(result: Result, problems: Problems) -> list[str]:
    """The report as lines of text, the same for a first run and a re-run."""
    plan, done = result.plan, result.outcome
    entries = plan.entries
    news = sum(1 for e in entries if e.item.post_type == "post" and not e.draft)
    pages = sum(1 for e in entries if e.item.post_type == "page" and not e.draft)
    drafts = sum(1 for e in entries if e.draft)
    out = [
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
    left = len(done.kept) + len(done.deleted) + len(done.elsewhere)
    if left:
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
    if plan.protected:
        out.append(
            _(
                "  password-protected: {count}, imported as drafts without their text or summary",
                count=len(plan.protected),
            )
        )
        for item in plan.protected:
            out.append(f"    {problems.rel(result.export)}:{item.line}: {item.title or _('(no title)')}")
    if plan.undescribed:
        out.append(
            _(
                "  held back as drafts until their pictures are described: {count}",
                count=len(plan.undescribed),
            )
        )
        rel = {e.item.post_id: e.rel for e in entries}
        for item, held in plan.undescribed:
            out.append(f"    {problems.rel(result.unit_dir / rel[item.post_id])}: {held}")
    reasons = Counter(item.status for item, _reason in plan.skipped)
    skipped = ", ".join(f"{n} {status}" for status, n in sorted(reasons.items()))
    out.append(_("  skipped: {count}", count=len(plan.skipped)) + (f" ({skipped})" if skipped else ""))
    for item, reason in plan.skipped:
        out.append(
            f"    {problems.rel(result.export)}:{item.line}: {item.title or _('(no title)')}: {reason}"
        )
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
    present = sum(1 for u in plan.uploads.values() if u.present and u.target not in done.copied)
    out.append(
        _(
            "  uploads: {copied} copied, {present} already in place, {by_hand} to copy by hand",
            copied=len(done.copied),
            present=present,
            by_hand=len(done.by_hand),
        )
    )
    for upload in done.by_hand:
        out.append(f"    {upload.url} -> {problems.rel(result.unit_dir / upload.target)}")
    if done.by_hand:
        out.append(
            _("    (links to these keep their old address until the file is there and the import runs again)")
        )
    if plan.html_blocks:
        out.append(
            ngettext(
                "  kept as HTML: {count} block Markdown cannot hold (merged cells, figures, videos)",
                "  kept as HTML: {count} blocks Markdown cannot hold (merged cells, figures, videos)",
                plan.html_blocks,
            )
        )
    attention = [p for p in problems.items if p.severity != "info"]
    notes = [p for p in problems.items if p.severity == "info"]
    out.append(_("needing attention: {count}", count=len(attention)))
    out += [f"  {p}" for p in sorted(attention)]
    out += [f"  {p}" for p in sorted(notes)]
    record = problems.rel(result.unit_dir / "wordpress-import.json")
    out.append(
        _(
            "Entries would be recorded in {record}; next: sitegen check, then sitegen serve to read the pages.",
            record=record,
        )
        if result.dry_run
        else _(
            "Entries were recorded in {record}; next: sitegen check, then sitegen serve to read the pages.",
            record=record,
        )
    )
    return out
