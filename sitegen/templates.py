"""Themes: Jinja2 templates with inheritance, and their static assets.

A unit may name a theme in offices.yaml. A theme overrides only the
templates and assets it has; everything else falls back to ``default``. An
override can extend the template it replaces as ``default/<name>``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateNotFound,
    select_autoescape,
)

from . import dates
from .feeds import catalogue
from .office_vars import DAY_NAMES, hours_text
from .urls import absolute, slugify

DEFAULT = "default"


def _inside(path: Path, folder: Path) -> bool:
    """Whether ``path``, links followed, lies in ``folder`` (itself resolved)."""
    return path.resolve().is_relative_to(folder)


class _InsideLoader(FileSystemLoader):
    """A template loader that never reads a file a link leads to outside themes/."""

    def __init__(self, folder: Path, themes_dir: Path) -> None:
        super().__init__(str(folder))
        self._root = themes_dir.resolve()

    def get_source(self, environment: Environment, template: str):
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
            long_date=dates.long_date,
            short_date=dates.short_date,
            clock=dates.clock,
            rupiah=dates.rupiah,
            iso=lambda d: d.isoformat(),
            absolute=absolute,
            slug=slugify,
            utc_offset=dates.utc_offset,
        )
        env.tests["slug_is"] = lambda value, slug: slugify(str(value)) == slug
        env.globals.update(
            hours_text=hours_text,
            zone_abbr=lambda office: dates.zone_abbr(office.tz),
            day_name=lambda day: DAY_NAMES[day],
            feed_catalogue=catalogue,
        )
        return env

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


_LOADED: dict[tuple[Path, str], tuple[tuple, Theme]] = {}


def load_theme(themes_dir: Path, name: str) -> Theme:
    """The theme, with its compiled templates reused until one of its files changes."""
    theme = Theme(themes_dir, name)
    fingerprint = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in theme.files())
    cached = _LOADED.get((themes_dir, name))
    if cached is not None and cached[0] == fingerprint:
        return cached[1]
    _LOADED[(themes_dir, name)] = (fingerprint, theme)
    return theme
