"""Themes: Jinja2 templates with inheritance, and their static assets.

A unit may name a theme in offices.yaml. A theme overrides only the
templates and assets it has; everything else falls back to ``default``. An
override can extend the template it replaces as ``default/<name>``.

Interface text is written in Indonesian inside ``_("…")``, ``ngettext(…)`` or
``{% trans %}`` (Jinja's i18n extension, plural forms included) and translated
from gettext catalogs (``locales/<lang>/LC_MESSAGES/messages.po``, read as
sitegen reads its own: :func:`sitegen.i18n.read_catalog`), chosen per page by
the ``lang`` variable the renderer sets: one environment serves every
language, and dates follow the page's language too.
``themes/default/locales/messages.pot`` is extracted from the templates (see
``themes/default/babel.cfg``); tests/test_i18n_theme.py fails when a template
shows text outside a translation call or a catalog lacks one.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from babel import Locale
from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateNotFound,
    pass_context,
    select_autoescape,
)
from jinja2.runtime import Context
from markupsafe import Markup

from sitegen import dates
from sitegen.config.offices_keys import LANGUAGES, SOCIAL_PLATFORMS
from sitegen.i18n import Catalog, read_catalog
from sitegen.render.feeds import catalogue
from sitegen.sources.office_vars import DAY_NAMES, hours_text
from sitegen.urls import absolute, slugify

DEFAULT = "default"
SOURCE_LANGUAGE = "id"  # templates are written in Indonesian; catalogs translate from it
CATALOG = "locales/{lang}/LC_MESSAGES/messages.po"
LANGUAGE_NAMES = LANGUAGES  # each in its own language, declared with the codes offices.yaml allows


def _inside(path: Path, folder: Path) -> bool:
    """Whether ``path``, links followed, lies in ``folder`` (itself resolved)."""
    return path.resolve().is_relative_to(folder)


class _InsideLoader(FileSystemLoader):
    """A template loader that never reads a file a link leads to outside themes/."""

    def __init__(self, folder: Path, themes_dir: Path) -> None:
        super().__init__(str(folder))
        self._root = themes_dir.resolve()

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        if not _inside(Path(filename), self._root):
            raise TemplateNotFound(template)
        return source, filename, uptodate


@dataclass(frozen=True)
class Theme:
    """A theme and the chain it falls back through."""

    themes_dir: Path
    name: str

    @property
    def chain(self) -> list[Path]:
        dirs = [self.themes_dir / self.name]
        if self.name != DEFAULT:
            dirs.append(self.themes_dir / DEFAULT)
        return dirs

    def exists(self) -> bool:
        return (self.themes_dir / self.name).is_dir()

    def leads_outside(self) -> bool:
        """Whether the theme's folder is a link out of themes/ (``themes/x -> /tmp/x``): never used."""
        return not _inside(self.themes_dir / self.name, self.themes_dir.resolve())

    @cached_property
    def env(self) -> Environment:
        loaders = [_InsideLoader(d / "templates", self.themes_dir) for d in self.chain]
        loader = ChoiceLoader(
            [
                loaders[0],
                PrefixLoader(
                    {DEFAULT: _InsideLoader(self.themes_dir / DEFAULT / "templates", self.themes_dir)}
                ),
                *loaders[1:],
            ]
        )
        env = Environment(
            loader=loader,
            autoescape=select_autoescape(["html", "xml"]),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            extensions=["jinja2.ext.i18n"],
            # load_theme() makes a new Theme when any file of the chain changes; an environment's
            # templates are therefore never stale, and looking at their files again on every
            # page (Jinja's default) cost 0.3 s per 1,000 pages
            auto_reload=False,
        )
        env.filters.update(
            long_date=pass_context(lambda ctx, moment: dates.long_date(moment, _lang(ctx))),
            short_date=pass_context(lambda ctx, moment: dates.short_date(moment, _lang(ctx))),
            clock=pass_context(lambda ctx, moment: dates.clock(moment, _lang(ctx))),
            rupiah=dates.rupiah,
            iso=lambda d: d.isoformat(),
            absolute=absolute,
            slug=slugify,
            utc_offset=dates.utc_offset,
        )
        translations = self.translations

        # The page's language decides (pass_context). The extension fills %(name)s placeholders,
        # escaping their values; a translation is markup like the template it stands in.
        remembered = _remembered_gettext(translations)
        env.install_gettext_callables(  # type: ignore[attr-defined]
            gettext=remembered,  # wrapped by the extension; the unwrapped one is put in its place below
            ngettext=pass_context(
                lambda ctx, singular, plural, n: translations(_lang(ctx)).ngettext(singular, plural, n)
            ),
            newstyle=True,
        )
        env.globals["gettext"] = env.globals["_"] = remembered

        def gettext_in(lang: str, message: str, **values: object) -> Markup:
            """Text in a language other than the page's (the language switcher's notes)."""
            text = Markup(translations(lang).gettext(message))
            return text % values if values else text

        env.globals.update(
            gettext_in=gettext_in,
            language_name=lambda code: LANGUAGE_NAMES.get(code) or Locale.parse(code).get_display_name(code),
            hours_text=pass_context(lambda ctx, office: hours_text(office, _lang(ctx))),
            zone_abbr=lambda office: dates.zone_abbr(office.tz),
            day_name=lambda day: DAY_NAMES[day],
            feed_catalogue=catalogue,
            social_names={key: label for key, (label, _) in SOCIAL_PLATFORMS.items()},
        )
        return env

    @cached_property
    def catalogs(self) -> dict[str, Catalog]:
        """Language -> its catalog, the theme's own entries over default's.

        An untranslated or fuzzy entry is left out, so the page shows the
        Indonesian text rather than an empty string.
        """
        found: dict[str, Catalog] = {}
        for theme_dir in reversed(self.chain):
            for po in sorted(theme_dir.glob(CATALOG.format(lang="*"))):
                lang = po.parent.parent.name
                catalog = read_catalog(po.read_text(encoding="utf-8"))
                found[lang] = found[lang].under(catalog) if lang in found else catalog
        return found

    def translations(self, lang: str) -> gettext.NullTranslations:
        """The catalog of ``lang``; the source language (or a missing catalog) has none."""
        return self.catalogs.get(lang) or gettext.NullTranslations()

    def static_files(self) -> dict[str, Path]:
        """Output path ("static/site.css") -> source file, the theme's own winning over default's."""
        files: dict[str, Path] = {}
        for theme_dir in reversed(self.chain):
            static = theme_dir / "static"
            if static.is_dir():
                inside = self.themes_dir.resolve()
                for path in sorted(static.rglob("*")):
                    if not _inside(path, inside):
                        continue  # a theme publishes its own files, never one a link leads to
                    if path.is_file() and not path.name.startswith("."):
                        files["static/" + path.relative_to(static).as_posix()] = path
        return dict(sorted(files.items()))

    def files(self) -> list[Path]:
        """Every file the theme chain consists of (for change detection)."""
        return sorted(p for d in self.chain if d.is_dir() for p in d.rglob("*") if p.is_file())


def _lang(ctx: Context) -> str:
    return ctx.get("lang") or SOURCE_LANGUAGE


def _remembered_gettext(translations: Callable[[str], gettext.NullTranslations]) -> Callable[..., str]:
    """Jinja's new-style ``gettext`` (and ``_``), each text looked up and formatted once per language.

    A page shows some thirty interface texts, and Jinja's own chain (an alias calling a
    wrapper calling the lookup, then ``Markup % {}``) cost a quarter of rendering a page
    (profiled on the ``network`` bench). This does what that chain does (the translation
    as markup where the template autoescapes, always formatted with its ``%(name)s``
    values) and keeps each result that has no values to format.
    """
    known: dict[tuple[str, str, bool], str] = {}

    @pass_context
    def gettext_(ctx: Context, message: str, **variables: object) -> str:
        key = (_lang(ctx), message, ctx.eval_ctx.autoescape)
        if not variables and key in known:
            return known[key]
        text = translations(key[0]).gettext(message)
        text = (Markup(text) if key[2] else text) % variables
        if not variables:
            known[key] = text
        return text

    return gettext_


_LOADED: dict[tuple[Path, str], tuple[tuple[tuple[str, int, int], ...], Theme]] = {}


def load_theme(themes_dir: Path, name: str) -> Theme:
    """The theme, with its compiled templates reused until one of its files changes."""
    theme = Theme(themes_dir, name)
    fingerprint = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in theme.files())
    cached = _LOADED.get((themes_dir, name))
    if cached is not None and cached[0] == fingerprint:
        return cached[1]
    _LOADED[(themes_dir, name)] = (fingerprint, theme)
    return theme
