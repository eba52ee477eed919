"""Rendering: planned files in, (output path, bytes) out. Pure: nothing is written here.

Every page goes through one template and then through the link rewriter, so
each internal link is checked against the exact set of files the unit's site
will contain. The plan (:mod:`sitegen.render.plan`) says which files those are;
while a template renders, the pages whose body it reads are noted, so a later
build knows which files an edited body changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from jinja2 import Environment, TemplateError, TemplateSyntaxError, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from sitegen.errors import Problems
from sitegen.i18n import _
from sitegen.render import links
from sitegen.sources import template_words
from sitegen.structure.site import Page, Site
from sitegen.urls import NOT_FOUND

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from sitegen.render.plan import Planned  # plan imports the tracing below: only mypy reads this


_READING: list[set[str]] = []  # while a template renders: the pages whose body it has read
UNTRACED = "*"  # noted when a template reads a ``body`` of something other than a page


def traced(env: Environment) -> Environment:
    """Have the theme's templates note every page whose ``body`` they read (once per environment).

    Apart from bodies, a template sees only what the unit's skeleton digests
    (:mod:`sitegen.build.dependencies`): the bodies a file read are therefore, with
    that skeleton, everything it was made from, whatever the theme shows where.
    """
    if getattr(env, "_sitegen_traced", False):
        return env
    get_attr, get_item = env.getattr, env.getitem

    def note(obj: object) -> None:
        _READING[-1].add(obj.path if isinstance(obj, Page) else UNTRACED)

    def getattr_(obj: object, attribute: str) -> object:
        if attribute == "body" and _READING:
            note(obj)
        return get_attr(obj, attribute)

    def getitem_(obj: object, argument: object) -> object:
        if argument == "body" and _READING:
            note(obj)
        return get_item(obj, argument)

    env.getattr, env.getitem = getattr_, getitem_  # type: ignore[method-assign]
    env._sitegen_traced = True  # type: ignore[attr-defined]
    return env


def unit_parts(env: Environment, unit_vars: Mapping[str, object]) -> Callable[..., Markup]:
    """``unit_part(name)`` for the unit's templates: a partial rendered once per language.

    The footer with its contact block is the same on every page of a unit in one language,
    and rendering it again for each page was a tenth of rendering the page. A part sees
    the unit's variables and the language, never the page (a theme's part that asks for
    one fails with Jinja's own message). Bodies it reads are noted for every page that
    shows it, as if the page had rendered it itself.
    """
    made: dict[tuple[str, str], tuple[Markup, set[str]]] = {}
    failed: dict[tuple[str, str], TemplateError] = {}

    @pass_context
    def unit_part(ctx: Context, name: str) -> Markup:
        lang = str(ctx["lang"])
        if (name, lang) in failed:
            raise failed[name, lang]  # every page showing it fails alike: said once (_template_problem)
        if (name, lang) not in made:
            _READING.append(set())
            try:
                text = env.get_template(name).render({**unit_vars, "lang": lang})
            except TemplateError as exc:
                exc.sitegen_part = name  # type: ignore[attr-defined]
                failed[name, lang] = exc
                raise
            finally:
                read = _READING.pop()
            made[name, lang] = Markup(text), read
        text, read = made[name, lang]
        if _READING:
            _READING[-1].update(read)
        return text

    return unit_part


def render(
    site: Site,
    planned: list[Planned],
    problems: Problems,
    existing: set[str] | None = None,
    reads: dict[str, tuple[str, ...]] | None = None,
) -> Iterator[tuple[str, bytes]]:
    """Render each planned file; HTML goes through the link checker. Problems are reported, not raised.

    Links are checked against ``existing``, by default the planned files themselves.
    ``reads`` receives, for each file made by a template or saying what it shows (a feed),
    the pages whose body it shows.
    """
    existing = existing if existing is not None else {p.path for p in planned}
    for item in planned:
        try:
            if item.templated and reads is not None:
                _READING.append(set())
                try:
                    data = item.make()
                finally:
                    reads[item.path] = tuple(sorted(_READING.pop()))
            else:
                data = item.make()
                if item.reads is not None and reads is not None:
                    reads[item.path] = item.reads
        except TemplateError as exc:
            _template_problem(problems, exc, item.path, site.office.id)
            continue
        if item.path.endswith(".html") and b"<table" in data:
            data = _wrap_tables(data.decode("utf-8")).encode("utf-8")
        if item.path.endswith(".html"):
            # the 404 page is served at any missing address: its links start at the site root
            text, broken = links.rewrite(
                data.decode("utf-8"), item.path, existing, from_root=_not_found(item.path)
            )
            for link in broken:
                _report_broken(site, item, link, problems, links.closest(link, item.path, existing))
            data = text.encode("utf-8")
        yield item.path, data


def _not_found(path: str) -> bool:
    """A not-found page ("404.html", "en/404.html"): a host shows it at any missing address below its folder."""
    return path == NOT_FOUND or (path.endswith("/" + NOT_FOUND) and path.count("/") == 1)


_TABLE = re.compile(r"<table\b.*?</table>", re.S)
_TABLE_LABEL = {"id": "Tabel, dapat digeser ke samping", "en": "Table, scrolls sideways"}


def _template_problem(problems: Problems, exc: TemplateError, path: str, unit: str) -> None:
    """A theme template that fails; a syntax slip (an {% if %} never closed) in the editor's words.

    A slip in the template's text fails every page made with it: said once, naming the units
    met, not once per page. An error while rendering names the page it met, or the unit
    part it met (:func:`unit_parts`), once for every page showing that part.
    """
    where = getattr(exc, "filename", None) or "themes"
    if isinstance(exc, TemplateSyntaxError):
        said = template_words.syntax_error(exc, exc.source or "")
        message = _("template error: {error}", error=said.message)
        problems.error(where, said.line, message, said.hint, "template-error", units=(unit,))
        return
    part = getattr(exc, "sitegen_part", None)
    if part is not None:  # the same on every page that shows the part: one message for them all
        rendering = _("while rendering {part}, shown on every page of unit {unit}", part=part, unit=unit)
    else:
        rendering = _("while rendering /{path} for unit {unit}", path=path, unit=unit)
    line = getattr(exc, "lineno", 0) or 0
    if where == "themes":
        where, line = _failing_template(exc) or (where, line)
    problems.error(where, line, _("template error: {error}", error=str(exc)), rendering, "template-error")


def _failing_template(exc: BaseException) -> tuple[str, int] | None:
    """The template file and line an error was raised at, from its traceback.

    Jinja names the file of a syntax slip, not of an error met while rendering (a value
    that is undefined); it does put the template's own file and line into the traceback.
    """
    found = None
    tb = exc.__traceback__
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if not name.endswith(".py") and not name.startswith("<"):
            found = name, tb.tb_lineno
        tb = tb.tb_next
    return found


def _wrap_tables(html: str) -> str:
    """Each table in a box of its own that scrolls sideways on a narrow phone, reachable by keyboard.

    Amounts never break mid-number ("Rp1.000.0|00"), so a table can be wider than a
    320 px screen; the box scrolls instead of the page, and being focusable (a named
    region) lets a keyboard reader scroll it too.
    """
    lang = "en" if '<html lang="en"' in html[:200] else "id"
    label = _TABLE_LABEL[lang]
    return _TABLE.sub(
        lambda m: (
            f'<div class="table-scroll" role="region" tabindex="0" aria-label="{label}">{m.group(0)}</div>'
        ),
        html,
    )


def _report_broken(site: Site, item: Planned, link: str, problems: Problems, near: str | None = None) -> None:
    source = item.source.source if item.source else None
    if source is not None and link == source.meta.image:
        problems.error(
            source.path,
            source.meta.line_of("image"),
            _("image {link} is not a file of the site", link=link),
            _(
                "put the picture beside the page (image: foto.jpg), under static/ (image: /img/foto.jpg), "
                "or give a full https:// address"
            ),
            "image-not-found",
            units=(site.office.id,),
            key="image",
        )
        return
    if source is not None and link == source.meta.source_url:
        problems.error(
            source.path,
            source.meta.line_of("source_url"),
            _("source_url {link} is not a page of the site", link=link),
            _(
                "link to a page this unit publishes, e.g. /profil/dasar-hukum/, or give a full https:// address"
            ),
            "source-url-not-found",
            units=(site.office.id,),
            key="source_url",
        )
        return
    made_by_value = source is not None and link not in source.body and "{{" in source.body
    if source is not None and (link in source.body or made_by_value):
        # a link written as is, or one an office value ({{ }}) makes: blame each line writing it
        # (the same address as a picture and as a link: both lines, or the second hides behind the first)
        places = _places(source.body, link) if link in source.body else [_value_link_at(source.body)]
        lines = sorted({source.body_line + source.body.count("\n", 0, at) for at in places})
        picture = _PICTURE.search(link)
        fix = (
            _(
                "put the picture in content/offices/{unit}/static/ or content/shared/static/",
                unit=site.office.id,
            )
            if picture
            else _("link to a page this unit publishes, e.g. /layanan/; check spelling and narrowing")
        )
        for line in lines:
            problems.error(
                source.path,
                line,
                _("broken link {link}", link=link),
                _("did you mean {near}? {fix}", near=near, fix=fix) if near else fix,
                "broken-link",
                units=(site.office.id,),
                target=links.target_file(link, item.path) or "",
            )
    elif item.origin is not None:  # a file of the unit's own static/, published as written
        text = item.origin.read_text("utf-8", errors="replace") if item.origin.is_file() else ""
        at = text.find(link)
        problems.error(
            item.origin,
            text.count("\n", 0, at) + 1 if at >= 0 else 0,
            _("broken link {link}", link=link),
            _("did you mean {near}? {fix}", near=near, fix=_("fix the link in this file"))
            if near
            else _("fix the link in this file: it leads to no page or file of the unit's site"),
            "broken-link",
            units=(site.office.id,),
        )
    else:
        problems.error(
            f"/{item.path}",
            0,
            _("broken link {link}", link=link),
            _("a template links to a page this unit does not have"),
            "broken-link",
            units=(site.office.id,),
        )


_PICTURE = re.compile(r"\.(?:jpe?g|png|webp|gif|svg)(?:[?#]|$)", re.I)
_VALUE_LINK = re.compile(r"""(?:href=|src=|\]\()["']?\s*\{\{""")


def _places(body: str, link: str) -> list[int]:
    """Where ``body`` writes ``link`` as a whole address (not as the start of a longer one)."""
    places, at = [], body.find(link)
    while at >= 0:
        after = body[at + len(link) : at + len(link) + 1]
        if not after or after in _ADDRESS_ENDS:
            places.append(at)
        at = body.find(link, at + 1)
    return places or [body.index(link)]


_ADDRESS_ENDS = frozenset(" \t\n)\"'>]|#?")


def _value_link_at(body: str) -> int:
    """Where a body makes a link from a ``{{ }}`` value: the first such link, else the first value."""
    match = _VALUE_LINK.search(body)
    return match.start() if match else body.index("{{")
