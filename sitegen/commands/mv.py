"""`sitegen mv OLD NEW`: move a page (a file or a page bundle's folder) and keep its address.

Links others made to a page must keep working (see :mod:`sitegen.build.addresses`),
so the old URL goes into the moved page's ``aliases:``: the site answers it
with a redirect. Only that one line of the front matter changes; every other
byte of the file, comments included, stays as it was. The URLs come from the
build's own rules (:func:`sitegen.structure.model.url_of`), read from the file as the
build reads it.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import click

from sitegen.commands.common import EXIT_USAGE, fail, root_option
from sitegen.commands.language import argument, command
from sitegen.config.offices import load_network
from sitegen.errors import Problems
from sitegen.i18n import N_, _
from sitegen.sources.front_matter import FrontMatterError, parse, split
from sitegen.sources.layout import INDEX, STATIC, translation_of
from sitegen.sources.source import Source, read_source
from sitegen.structure.model import translated_url, url_of
from sitegen.urls import BUNDLE_INDEX

_FLOW = re.compile(r"^(?P<head>aliases\s*:\s*)\[(?P<inner>[^\]#]*)\](?P<tail>.*)$", re.S)
_SCALAR = re.compile(r"^(?P<head>aliases\s*:\s*)(?P<value>[^\s#\[][^#]*?)(?P<tail>\s*(?:#.*)?)$", re.S)
_ITEM = re.compile(r"^(?P<indent>\s*)-\s")


class MoveError(Exception):
    """The move is refused: nothing was changed."""


@dataclass(frozen=True)
class Moved:
    """One Markdown file that moves, with the address it had and the one it gets."""

    old: Path
    new: Path
    old_url: str
    new_url: str
    draft: bool


@command("mv", help=N_("Move a page to NEW and redirect its old address there (added to its aliases:)."))
@root_option
@argument("old", metavar=N_("OLD"), type=click.Path(path_type=Path))
@argument("new", metavar=N_("NEW"), type=click.Path(path_type=Path))
def mv_command(root: Path, old: Path, new: Path) -> None:
    """Move a page to NEW and redirect its old address there (added to its aliases:)."""
    problems = Problems(root)
    network = load_network(root / "offices.yaml", problems)
    if network is None:
        fail(problems.items)
    try:
        done = move(root, old, new, network.ids, problems)
    except MoveError as exc:
        click.echo(_("error: {problem}", problem=exc), err=True)
        sys.exit(EXIT_USAGE)
    if done is None:
        fail(problems.items)
    for line in done:
        click.echo(line)


def move(root: Path, old: Path, new: Path, ids: tuple[str, ...], problems: Problems) -> list[str] | None:
    """Move ``old`` to ``new`` inside content/, add each old URL to the moved page's aliases.

    Returns what was done, one line each; None (and ``problems`` filled) when a file does not
    parse, so its URL is unknown. Raises :class:`MoveError` for a move that is refused.
    """
    content = (root / "content").resolve()
    source = _inside(content, root / old if not old.is_absolute() else old, _("OLD"))
    target = _inside(content, root / new if not new.is_absolute() else new, _("NEW"))
    if not source.exists():
        raise MoveError(_("{path} does not exist", path=_show(root, source)))
    if target.is_dir():
        target = target / source.name  # into a folder, as mv does
    if target.exists() or target.is_symlink():
        raise MoveError(_("{path} already exists; sitegen mv never overwrites", path=_show(root, target)))
    files = _files(source, target)
    read = [read_source(old_file, content, ids, problems) for old_file, _new in files]
    before = [s for s in read if s is not None]
    if len(before) < len(read):
        return None  # a file that does not parse has no known address: fix it first
    _check_target(content, target, ids)
    target.parent.mkdir(parents=True, exist_ok=True)
    os.rename(source, target)
    originals = {new_file: new_file.read_bytes() for _old, new_file in files}
    try:
        reread = [read_source(new_file, content, ids, problems) for _old, new_file in files]
        after = [s for s in reread if s is not None]
        if len(after) < len(reread):
            raise MoveError(_("{path} would not be a page there (see above)", path=_show(root, target)))
        report = [_("moved {old} -> {new}", old=_show(root, source), new=_show(root, target))]
        moved = [
            Moved(old_file, new_file, _url(b, before), _url(a, after), b.meta.draft)
            for (old_file, new_file), b, a in zip(files, before, after, strict=True)
        ]
        for item in moved:
            report.append(_keep_address(root, item))
    except (MoveError, FrontMatterError):
        for path, data in originals.items():
            path.write_bytes(data)
        os.rename(target, source)
        raise
    for item in moved:
        overrides = _overrides(content, item.old, ids)
        for path in overrides:
            report.append(
                _(
                    "note: {path} replaced this page for its unit; move it too, to keep it replacing it",
                    path=_show(root, path),
                )
            )
    return report


def _inside(content: Path, path: Path, name: str) -> Path:
    """A path inside content/ (its own folders resolved), or a refusal."""
    resolved = path.parent.resolve() / path.name
    if content not in resolved.parents:
        raise MoveError(
            _(
                "{name} {path} is outside content/; sitegen mv moves pages inside content/",
                name=name,
                path=path,
            )
        )
    return resolved


def _files(source: Path, target: Path) -> list[tuple[Path, Path]]:
    """The Markdown files that move: a file and its translations beside it, or a bundle's texts."""
    if source.is_dir():
        if not (source / BUNDLE_INDEX).is_file():
            raise MoveError(
                _(
                    "{folder} is a folder without {index}; move its pages one by one",
                    folder=source,
                    index=BUNDLE_INDEX,
                )
            )
        if target.suffix == ".md":
            raise MoveError(_("a page bundle moves to a folder: drop '.md' from {name}", name=target.name))
        texts = sorted(p for p in source.glob("*.md") if translation_of(p.name)[0] == BUNDLE_INDEX)
        return [(p, target / p.name) for p in texts]
    if source.suffix != ".md":
        raise MoveError(_("{name} is not a page (a .md file or a page bundle's folder)", name=source.name))
    if source.name == INDEX:
        raise MoveError(
            _("{index} is a section's own page; move the section's pages one by one", index=INDEX)
        )
    original, lang = translation_of(source.name)
    if lang:
        raise MoveError(
            _(
                "{name} translates {original}: move {original}, its translations go with it",
                name=source.name,
                original=original,
            )
        )
    if target.suffix != ".md" or translation_of(target.name)[1]:
        raise MoveError(_("name the new file NAME.md, not {name}", name=target.name))
    stem = source.name.removesuffix(".md")
    moves = [(source, target)]
    for other in sorted(source.parent.glob(f"{stem}.*.md")):
        other_lang = translation_of(other.name)[1]
        if other_lang and other.name == f"{stem}.{other_lang}.md":
            moves.append((other, target.with_name(f"{target.name.removesuffix('.md')}.{other_lang}.md")))
    return moves


def _check_target(content: Path, target: Path, ids: tuple[str, ...]) -> None:
    """Only where the build reads pages: a section of content/shared/ or of a unit, never static/."""
    parts = target.relative_to(content).parts
    scope_len = 2 if parts[:1] == ("offices",) else 1
    if parts[:1] not in (("shared",), ("offices",)) or len(parts) <= scope_len + 1:
        raise MoveError(
            _("move pages into a section: content/shared/<section>/… or content/offices/<id>/<section>/…")
        )
    if parts[0] == "offices" and parts[1] not in ids:
        raise MoveError(
            _(
                "offices/{unit}/ names no unit in offices.yaml; known: {known}",
                unit=parts[1],
                known=", ".join(ids),
            )
        )
    if parts[scope_len] == STATIC:
        raise MoveError(_("static/ holds files copied as they are, not pages"))


def _url(source: Source, together: list[Source]) -> str:
    """The URL the build gives ``source`` (a translation: its original's, under its language)."""
    if not source.lang:
        return url_of(source.key, source.meta)
    original = next((s for s in together if not s.lang), None)
    base = url_of(original.key, original.meta) if original else url_of(source.original_key, source.meta)
    return translated_url(source.lang, base)


def _keep_address(root: Path, item: Moved) -> str:
    """Add the old URL to the moved file's aliases; say what was done."""
    shown = _show(root, item.new)
    if item.old_url == item.new_url:
        return _("/{url} stays the address of {path}", url=item.new_url, path=shown)
    if item.draft:
        return _("{path} is a draft, never published: /{url} needs no redirect", path=shown, url=item.old_url)
    alias = f"/{item.old_url}"
    text = item.new.read_text(encoding="utf-8")
    raw, _body, first, _rest = split(text.replace("\r\n", "\n"))
    meta = parse(raw, first, required_date=False)
    if alias in meta.aliases:
        return _("/{old} already redirects to /{new}", old=item.old_url, new=item.new_url)
    edited = add_alias(text, alias, meta.lines.get("aliases"))
    raw2, _b, first2, _rest2 = split(edited.replace("\r\n", "\n"))
    if alias not in parse(raw2, first2, required_date=False).aliases:
        raise MoveError(
            _("could not add {alias} to aliases: of {path}; add it by hand", alias=alias, path=shown)
        )
    item.new.write_text(edited, encoding="utf-8", newline="")
    line = parse(raw2, first2, required_date=False).line_of("aliases")
    return _(
        "/{old} now redirects to /{new} (aliases: in {path}:{line})",
        old=item.old_url,
        new=item.new_url,
        path=shown,
        line=line,
    )


def add_alias(text: str, alias: str, line: int | None) -> str:
    """``text`` with ``alias`` added to its front matter's aliases; every other byte kept.

    ``line`` is the 1-based line of the ``aliases:`` key (None: there is none yet, and a
    line is added just before the closing ``---``).
    """
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    if line is None:
        # the opening '---' is the file's first line; the first '---' after it closes the block
        close = next(i for i in range(1, len(lines)) if lines[i].rstrip("\r\n") == "---")
        lines.insert(close, f"aliases: [{alias}]{newline}")
        return "".join(lines)
    index = line - 1
    current = lines[index]
    body = current.rstrip("\r\n")
    ending = current[len(body) :]
    flow = _FLOW.match(body)
    if flow:
        inner = flow["inner"].strip()
        items = f"{inner}, {alias}" if inner else alias
        lines[index] = f"{flow['head']}[{items}]{flow['tail']}{ending}"
        return "".join(lines)
    scalar = _SCALAR.match(body)
    if scalar:
        lines[index] = f"{scalar['head']}[{scalar['value'].strip()}, {alias}]{scalar['tail']}{ending}"
        return "".join(lines)
    last, indent = index, "  "
    for i in range(index + 1, len(lines)):
        item = _ITEM.match(lines[i])
        if item:
            last, indent = i, item["indent"]
        elif lines[i].strip() and not lines[i].lstrip().startswith("#"):
            break
    lines.insert(last + 1, f"{indent}- {alias}{newline}")
    return "".join(lines)


def _overrides(content: Path, old: Path, ids: tuple[str, ...]) -> list[Path]:
    """Units' own files that replaced a moved shared page (they no longer do at its new place)."""
    rel = old.relative_to(content).parts
    if rel[:1] != ("shared",):
        return []
    key = Path(*rel[1:])
    return [content / "offices" / unit / key for unit in ids if (content / "offices" / unit / key).exists()]


def _show(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
