"""click in the editors' language: help texts, usage lines and click's own errors.

Two kinds of words reach an editor through click. sitegen's own (each command's and
option's help, metavars) are msgids marked with ``N_`` and translated when they are read,
not when the module is imported: the language is chosen by ``--lang``, which click reads
only after the commands exist, and a test process runs commands in both languages.
click's own words ("Usage:", "Error: ...", "Missing argument ...") come from its
``gettext``; :func:`speak_through_catalog` points those lookups at the ``click`` catalog
next to sitegen's (``locales/<lang>/LC_MESSAGES/click.po``), so they follow the same choice.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, TypeVar

import click

from sitegen import i18n
from sitegen.i18n import N_, _

F = TypeVar("F", bound=Callable[..., Any])

CLICK_DOMAIN = "click"

# click's modules that name gettext's ``_`` or ``ngettext`` for words a person reads.
_CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types", "utils")

# The metavars click makes from a parameter's type, for the catalog (read through _ in make_metavar).
TYPE_METAVARS = (N_("DIRECTORY"), N_("FILE"), N_("PATH"), N_("INTEGER"), N_("INTEGER RANGE"), N_("TEXT"))


def _click_gettext(message: str) -> str:
    return i18n.translations(i18n.current(), CLICK_DOMAIN).gettext(message)


def _click_ngettext(singular: str, plural: str, count: int) -> str:
    return i18n.translations(i18n.current(), CLICK_DOMAIN).ngettext(singular, plural, count)


def speak_through_catalog() -> None:
    """Have click look its own messages up in sitegen's ``click`` catalog, in the language of the moment.

    click binds ``gettext``'s functions by name in each module and formats after the lookup,
    so replacing those names is all it takes; the standard library's gettext would need a
    compiled .mo on disk, and the repository keeps only the .po a translator edits.
    """
    replacements = {"_": _click_gettext, "ngettext": _click_ngettext}
    for module in _CLICK_MODULES:
        try:
            names = vars(importlib.import_module(f"click.{module}"))
        except ImportError:  # a later click laid out otherwise: its words stay English, sitegen still runs
            continue
        names.update({name: function for name, function in replacements.items() if name in names})


class Translated:
    """An attribute holding a msgid (or a flag), read in the current language."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = f"_msgid_{name}"

    def __get__(self, obj: object, owner: type | None = None) -> Any:
        value = getattr(obj, self.slot, None)
        return _(value) if isinstance(value, str) and value else value

    def __set__(self, obj: object, value: Any) -> None:
        setattr(obj, self.slot, value)


class Option(click.Option):
    """An option whose help, default text and metavar are shown in the editor's language."""

    help = Translated()
    show_default = Translated()

    def make_metavar(self, ctx: click.Context) -> str:
        return _(super().make_metavar(ctx))


class Argument(click.Argument):
    """An argument whose name in the usage line and in "missing argument" is in the editor's language."""

    def make_metavar(self, ctx: click.Context) -> str:
        return _(super().make_metavar(ctx))


class Command(click.Command):
    """A command whose help, usage line and ``--help`` option speak the editor's language."""

    help = Translated()
    short_help = Translated()
    options_metavar = Translated()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", N_("[OPTIONS]"))
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        """click's ``--help``, with its help read when shown (click's own is fixed when first made)."""
        names = self.get_help_option_names(ctx)
        if not names or not self.add_help_option:
            return None
        if self._help_option is None:
            click.help_option(*names, cls=Option, help=N_("Show this message and exit."))(self)
            self._help_option = self.params.pop()  # type: ignore[assignment]
        return self._help_option


def command(name: str, **attrs: Any) -> Callable[[F], Command]:
    """``click.command`` making a :class:`Command`; give its help as ``help=N_(...)``."""
    return click.command(name, cls=Command, **attrs)


def option(*decls: str, **attrs: Any) -> Callable[[F], F]:
    """``click.option`` making an :class:`Option`; give its help as ``help=N_(...)``."""
    return click.option(*decls, cls=Option, **attrs)


def argument(*decls: str, **attrs: Any) -> Callable[[F], F]:
    """``click.argument`` making an :class:`Argument`; give its metavar as ``metavar=N_(...)``."""
    return click.argument(*decls, cls=Argument, **attrs)


class Group(Command, click.Group):
    """A group of commands, listed and used in the editor's language; its commands are :class:`Command`."""

    command_class = Command
    subcommand_metavar = Translated()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("subcommand_metavar", N_("COMMAND [ARGS]..."))
        super().__init__(*args, **kwargs)


def group(name: str, **attrs: Any) -> Callable[[F], Group]:
    """``click.group`` making a :class:`Group`; give its help as ``help=N_(...)``."""
    return click.group(name, cls=Group, **attrs)
