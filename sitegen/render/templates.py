"""Themes: Jinja2 templates with inheritance, and their static assets.

A unit may name a theme in offices.yaml. A theme overrides only the
templates and assets it has; everything else falls back to ``default``. An
override can extend the template it replaces as ``default/<name>``.

Interface text is written in Indonesian inside ``_("…")`` and translated from
gettext catalogs (``locales/<lang>/LC_MESSAGES/messages.po``, read with
Babel), chosen per page by the ``lang`` variable the renderer sets: one
environment serves every language, and dates follow the page's language too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from babel import Locale
from babel.messages.pofile import read_po
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
from markupsafe import Markup, escape

from sitegen import dates
from sitegen.config.offices import SOCIAL_PLATFORMS
from sitegen.render.feeds import catalogue
from sitegen.sources.office_vars import DAY_NAMES, hours_text
from sitegen.urls import absolute, slugify

DEFAULT = "default"
SOURCE_LANGUAGE = "id"  # templates are written in Indonesian; catalogs translate from it
CATALOG = "locales/{lang}/LC_MESSAGES/messages.po"
LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}  # each in its own language


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
        catalogs = self.catalogs

        def translate(lang: str, message: str, **values: object) -> Markup:
            text = escape(catalogs.get(lang, {}).get(message, message))
            return text % values if values else text

        env.globals.update(
            _=pass_context(lambda ctx, message, **values: translate(_lang(ctx), message, **values)),
            gettext_in=translate,
            language_name=lambda code: LANGUAGE_NAMES.get(code) or Locale.parse(code).get_display_name(code),
            hours_text=pass_context(lambda ctx, office: hours_text(office, _lang(ctx))),
            zone_abbr=lambda office: dates.zone_abbr(office.tz),
            day_name=lambda day: DAY_NAMES[day],
            feed_catalogue=catalogue,
            social_names={key: label for key, (label, _) in SOCIAL_PLATFORMS.items()},
        )
        return env

    @cached_property
    def catalogs(self) -> dict[str, dict[str, str]]:
        """Language -> Indonesian text -> its translation; the theme's own over default's.

        An untranslated or fuzzy entry is left out, so the page shows the
        Indonesian text rather than an empty string.
        """
        found: dict[str, dict[str, str]] = {}
        for theme_dir in reversed(self.chain):
            for po in sorted(theme_dir.glob(CATALOG.format(lang="*"))):
                lang = po.parent.parent.name
                with po.open("rb") as handle:
                    catalog = read_po(handle)
                strings = found.setdefault(lang, {})
                for message in catalog:
                    if (
                        isinstance(message.id, str)
                        and message.id
                        and isinstance(message.string, str)
                        and message.string
                        and not message.fuzzy
                    ):
                        strings[message.id] = message.string
        return found

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
