"""The language sitegen speaks to editors: Indonesian first, English on request.

Every message an editor sees is written in the code as an English msgid inside
``_()`` or ``ngettext()`` and translated from the catalog
``sitegen/locales/id/LC_MESSAGES/sitegen.po``. The catalog is read once per
process by :func:`read_catalog`, so the repository holds only the ``.po`` a
translator edits (no compiled ``.mo`` to forget). Babel's reader, which also
keeps comments, locations and flags for editing tools, took 0.1 s of every
command's start; the translations alone take a few milliseconds.

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
import os
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

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
    """The catalog of ``lang`` (sitegen's, or ``domain``'s); English (the msgids) has none.

    Untranslated and fuzzy entries are left out, so such a message shows in
    English rather than empty (tests/test_i18n.py keeps the catalog complete).
    """
    po = LOCALES / lang / "LC_MESSAGES" / f"{domain}.po"
    if lang == "en" or not po.is_file():
        return gettext.NullTranslations()
    return read_catalog(po.read_text(encoding="utf-8"))


class Catalog(gettext.NullTranslations):
    """The translated entries of one ``.po`` file, looked up as gettext's own catalogs are."""

    def __init__(self, messages: dict[str, str], plurals: dict[str, list[str]], plural: Callable[[int], int]):
        super().__init__()
        self._messages, self._plurals, self._plural = messages, plurals, plural

    def under(self, other: Catalog) -> Catalog:
        """This catalog with ``other``'s entries over its own (a theme's words over default's)."""
        return Catalog(self._messages | other._messages, self._plurals | other._plurals, other._plural)

    def gettext(self, message: str) -> str:
        return self._messages.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        forms = self._plurals.get(msgid1)
        if forms is None:
            return msgid1 if n == 1 else msgid2
        return forms[min(self._plural(n), len(forms) - 1)]


_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")\s*$')
_ESCAPE = re.compile(r"\\(.)")
_ESCAPED = {"n": "\n", "t": "\t", "r": "\r"}  # any other escaped character stands for itself


def read_catalog(text: str) -> Catalog:
    """A ``.po`` file's translations: every entry with a translation, not fuzzy, not obsolete.

    Entries with a context (``msgctxt``) are left out: sitegen's messages have none.
    """
    messages: dict[str, str] = {}
    plurals: dict[str, list[str]] = {}
    header = ""
    for entry in re.split(r"\n\s*\n", text):
        fields, fuzzy = _fields(entry)
        msgid = fields.get("msgid")
        if msgid == "":
            header = fields.get("msgstr", "")  # its plural rule counts even while marked fuzzy
        if not msgid or fuzzy or "msgctxt" in fields:
            continue
        if "msgid_plural" in fields:
            forms = [fields[key] for n in range(len(fields)) if (key := f"msgstr[{n}]") in fields]
            if forms and all(forms):
                plurals[msgid] = forms
        elif fields.get("msgstr"):
            messages[msgid] = fields["msgstr"]
    return Catalog(messages, plurals, _plural_rule(header))


def _plural_rule(header: str) -> Callable[[int], int]:
    """Which plural form a count takes, from the header's Plural-Forms; English's rule when it
    has none or one gettext cannot read (a slip in a header must not stop every command)."""
    rule = re.search(r"plural=([^;\n]+)", header)
    try:
        return gettext.c2py(rule.group(1)) if rule else _english_plural
    except ValueError:
        return _english_plural


def _english_plural(n: int) -> int:
    return int(n != 1)


def _fields(entry: str) -> tuple[dict[str, str], bool]:
    """One entry's keywords with their (joined, unescaped) strings, and whether it is fuzzy."""
    fields: dict[str, str] = {}
    fuzzy, key = False, ""
    for line in entry.splitlines():
        line = line.strip()
        if line.startswith("#"):
            fuzzy = fuzzy or (line.startswith("#,") and "fuzzy" in line)
            if line.startswith("#~"):
                return {}, False  # obsolete: kept for translators, never used
            continue
        found = _KEYWORD.match(line)
        if found:
            key = found.group(1)
            fields[key] = _unescape(found.group(2))
        elif line.startswith('"') and key:
            fields[key] += _unescape(line)
    return fields, fuzzy


def _unescape(quoted: str) -> str:
    return _ESCAPE.sub(lambda m: _ESCAPED.get(m.group(1), m.group(1)), quoted[1:-1])


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
