"""The language sitegen speaks to editors: Indonesian first, English on request.

Every message an editor sees is written in the code as an English msgid inside
``_()`` or ``ngettext()`` and translated from the catalog
``sitegen/locales/id/LC_MESSAGES/sitegen.po``. The catalog is read with Babel
and compiled in memory once per process, so the repository holds only the
``.po`` a translator edits (no compiled ``.mo`` to forget).

The language is chosen, in this order, by ``sitegen --lang``, then the first of
LANGUAGE, LC_ALL, LC_MESSAGES, LANG that is set (as gettext reads them): one
starting with ``en`` means English; anything else, or nothing, Indonesian.

Placeholders are named and filled after translation (``_("'{key}' must be a
list", key=key)``), so a translator may move them; key names, paths and values
stay as written. Messages are translated when they are made: a worker forked by
the build inherits the language with the rest of the process.
"""

from __future__ import annotations

import gettext
import io
import os
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALES = Path(__file__).resolve().parent / "locales"
DOMAIN = "sitegen"
LANGUAGES = ("id", "en")  # "id" is the default; "en" is the language of the msgids
DEFAULT = "id"
ENV_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_chosen: str | None = None  # set by ``sitegen --lang``; None: from the environment


def use(lang: str | None) -> None:
    """Speak ``lang`` from now on in this process; None: as the environment asks."""
    global _chosen
    _chosen = lang


def from_environment(environ: dict[str, str] | os._Environ[str] = os.environ) -> str:
    """The language the locale variables ask for: English for ``en*``, else Indonesian."""
    for name in ENV_VARS:
        value = environ.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else DEFAULT
    return DEFAULT


def current() -> str:
    """The language messages are being written in now."""
    return _chosen or from_environment()


@cache
def translations(lang: str, domain: str = DOMAIN) -> gettext.NullTranslations:
    """The compiled catalog of ``lang`` (sitegen's, or ``domain``'s); English (the msgids) has none.

    Untranslated and fuzzy entries are left out, so such a message shows in
    English rather than empty (tests/test_i18n.py keeps the catalog complete).
    """
    po = LOCALES / lang / "LC_MESSAGES" / f"{domain}.po"
    if lang == "en" or not po.is_file():
        return gettext.NullTranslations()
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=domain)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def _(message: str, /, **values: object) -> str:
    """``message`` in the current language, its ``{placeholders}`` filled with ``values``."""
    text = translations(current()).gettext(message)
    return text.format(**values) if values else text


def ngettext(singular: str, plural: str, count: int, /, **values: object) -> str:
    """The form of a message that fits ``count`` (filled in as ``{count}``), in the current language."""
    text = translations(current()).ngettext(singular, plural, count)
    return text.format(count=count, **values)


def N_(message: str, /) -> str:
    """Mark ``message`` for the catalog without translating it yet (a table read later through ``_``)."""
    return message
