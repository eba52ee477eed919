"""The report an import ends with: counts first, then every place that needs an editor, as path:line."""

from __future__ import annotations

from collections import Counter

from sitegen.errors import Problems
from sitegen.wordpress.importer import Result


def lines(result: Result, problems: Problems) -> list[str]:
    """The report as lines of text, the same for a first run and a re-run."""
    plan, done = result.plan, result.outcome
    entries = plan.entries
    news = sum(1 for e in entries if e.item.post_type == "post" and not e.draft)
    pages = sum(1 for e in entries if e.item.post_type == "page" and not e.draft)
    drafts = sum(1 for e in entries if e.draft)
    verb = "would be" if result.dry_run else "were"
    out = [
        f"{problems.rel(result.export)} -> {problems.rel(result.unit_dir)}/"
        + (" (dry run: nothing written)" if result.dry_run else ""),
        f"  imported: {news} news, {pages} pages, {drafts} drafts (draft: true)"
        f" - {len(done.created)} created, {len(done.updated)} updated, {len(done.unchanged)} unchanged",
    ]
    left = len(done.kept) + len(done.deleted) + len(done.elsewhere)
    if left:
        out.append(
            f"  left alone: {len(done.kept)} changed by an editor, {len(done.deleted)} deleted by an editor, "
            f"{len(done.elsewhere)} already in another file"
        )
    if done.absent:
        out.append(f"  no longer in the export, kept as they are: {', '.join(done.absent)}")
    if plan.protected:
        out.append(
            f"  password-protected: {len(plan.protected)}, imported as drafts without their text or summary"
        )
        for item in plan.protected:
            out.append(f"    {problems.rel(result.export)}:{item.line}: {item.title or '(no title)'}")
    if plan.undescribed:
        out.append(
            f"  held back as drafts until their pictures are described: {len(plan.undescribed)}"
        )
        rel = {e.item.post_id: e.rel for e in entries}
        for item, held in plan.undescribed:
            out.append(f"    {problems.rel(result.unit_dir / rel[item.post_id])}: {held}")
    reasons = Counter(item.status for item, _ in plan.skipped)
    skipped = ", ".join(f"{n} {status}" for status, n in sorted(reasons.items()))
    out.append(f"  skipped: {len(plan.skipped)}" + (f" ({skipped})" if skipped else ""))
    for item, reason in plan.skipped:
        out.append(f"    {problems.rel(result.export)}:{item.line}: {item.title or '(no title)'}: {reason}")
    if plan.ignored:
        kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(plan.ignored.items()))
        out.append(f"  not pages or posts, not imported: {kinds}")
    if plan.comments:
        out.append(
            f"  comments: {plan.comments} approved comment(s) not imported (the sites have no comments)"
        )
    present = sum(1 for u in plan.uploads.values() if u.present and u.target not in done.copied)
    out.append(
        f"  uploads: {len(done.copied)} copied, {present} already in place, {len(done.by_hand)} to copy by hand"
    )
    for upload in done.by_hand:
        out.append(f"    {upload.url} -> {problems.rel(result.unit_dir / upload.target)}")
    if done.by_hand:
        out.append(
            "    (links to these keep their old address until the file is there and the import runs again)"
        )
    if plan.html_blocks:
        out.append(
            f"  kept as HTML: {plan.html_blocks} block(s) Markdown cannot hold (merged cells, figures, videos)"
        )
    attention = [p for p in problems.items if p.severity != "info"]
    notes = [p for p in problems.items if p.severity == "info"]
    out.append(f"needing attention: {len(attention)}")
    out += [f"  {p}" for p in sorted(attention)]
    out += [f"  {p}" for p in sorted(notes)]
    out.append(
        f"Entries {verb} recorded in {problems.rel(result.unit_dir / 'wordpress-import.json')}; "
        "next: sitegen check, then sitegen serve to read the pages."
    )
    return out
