"""Office variables in shared Markdown: ``{{ office.name }}`` and friends.

A national page is written once and every unit publishes it with its own
name, address and hours. Editors' text is rendered in a sandboxed Jinja2
environment (sitegen.sources.sandbox) that can reach the unit's public data,
built here, and nothing else; an unknown name is a build error with file and line.

The speed trick: a body that only uses ``{{ expressions }}`` is converted to
HTML once, with each expression replaced by an inert marker, and each unit
then just substitutes its (escaped) values into the markers. Only a body with
``{% statements %}`` is rendered to Markdown per unit before conversion.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import time
from functools import cache
from types import SimpleNamespace
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SecurityError
from markupsafe import escape

from sitegen.config.offices_keys import CONTACTS, LINKS, WEEKDAYS
from sitegen.config.settings import Network, Office
from sitegen.dates import zone_abbr
from sitegen.i18n import N_, _
from sitegen.sources import template_words
from sitegen.sources.markdown import to_html
from sitegen.sources.sandbox import (
    BUDGET,
    ENV,
    OUTPUT,
    Bounding,
    Budget,
    ContentLimit,
    NotAvailable,
    TextList,
    page_budget,
    printable,
)
from sitegen.sources.sanitize import clean

_EXPR = re.compile(r"\{\{(.*?)\}\}", re.S)
_MARK = "\ue000{}\ue001"
_MARK_RE = re.compile("\ue000(\\d+)\ue001")
DAY_NAMES = dict(zip(WEEKDAYS, ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"), strict=True))
_ENGLISH_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# How each language names the days, writes a time and says "closed" and "and".
_WORDING = {
    "id": (DAY_NAMES, "%H.%M", "tutup", "dan"),
    "en": (dict(zip(WEEKDAYS, _ENGLISH_DAYS, strict=True)), "%H:%M", "closed", "and"),
}


class OfficeVarError(Exception):
    """An office variable could not be rendered; ``line`` is in the source file."""

    def __init__(self, line: int, message: str, hint: str):
        super().__init__(message)
        self.line, self.message, self.hint = line, message, hint


class EnglishList(TextList):
    """The same list on an English page: "A, B and C"."""

    conjunction = "and"


def _text_list(lang: str, items: Iterable[object]) -> TextList:
    return EnglishList(items) if lang == "en" else TextList(items)


def hours_text(office: Office, lang: str = "id") -> str:
    """ "Senin–Kamis 08.00–16.00 WIB; Jumat 08.00–11.30 dan 13.30–16.30 WIB; Sabtu–Minggu tutup".

    In English: "Monday–Thursday 08:00–16:00 WIB; …; Saturday–Sunday closed".
    """
    if not office.hours.days:
        return ""
    abbr = zone_abbr(office.tz)
    names, clock, closed, _ = _WORDING.get(lang, _WORDING["id"])

    def describe(ranges: tuple[tuple[time, time], ...]) -> str:
        if not ranges:
            return closed
        spans = [f"{a.strftime(clock)}–{b.strftime(clock)}" for a, b in ranges]
        return str(_text_list(lang, spans)) + f" {abbr}"

    groups: list[tuple[list[str], str]] = []
    for day in WEEKDAYS:
        text = describe(office.hours.on(day))
        if groups and groups[-1][1] == text:
            groups[-1][0].append(day)
        else:
            groups.append(([day], text))
    parts = []
    for days, text in groups:
        first, last = names[days[0]], names[days[-1]]
        parts.append(f"{first}{'–' + last if len(days) > 1 else ''} {text}")
    return "; ".join(parts)


def context(office: Office, network: Network, lang: str = "id") -> dict[str, Any]:
    """What an editor's Markdown may name: public facts about the unit and network.

    Values that are prose (opening hours, lists) read in the page's language.
    """
    parent = network.office(office.parent) if office.parent in network.ids else None
    # the units a regional office oversees, in offices.yaml order, each with the address of its own site
    units = tuple(
        SimpleNamespace(
            id=u.id,
            name=u.name,
            short_name=u.short_name,
            kind=u.kind,
            base_url=u.base_url,
            coverage=TextList(u.coverage),
            entry_points=TextList(u.entry_points),
            services=TextList(u.services),
        )
        for u in network.offices
        if u.parent == office.id
    )
    return {
        "office": SimpleNamespace(
            id=office.id,
            name=office.name,
            short_name=office.short_name,
            kind=office.kind,
            class_name=office.office_class.name if office.office_class else "",
            address=office.address,
            timezone_abbr=zone_abbr(office.tz),
            hours=hours_text(office, lang),
            coverage=_text_list(lang, office.coverage),
            entry_points=_text_list(lang, office.entry_points),
            services=_text_list(lang, office.services),
            base_url=office.base_url,
            contacts=SimpleNamespace(**{k: office.contact(k) for k in CONTACTS}),
            locality=office.locality,
            postal_code=office.postal_code,
            links=SimpleNamespace(**{k: office.link(k) for k in LINKS}),
            head=SimpleNamespace(name=office.head_of("name"), position=office.head_of("position")),
            integrity_zone=SimpleNamespace(status=office.zone_of("status"), year=office.zone_of("year")),
            service_points=tuple(
                SimpleNamespace(name=p.name, kind=p.kind, address=p.address, hours=p.hours)
                for p in office.service_points
            ),
            parent=SimpleNamespace(
                name=parent.name if parent else "", short_name=parent.short_name if parent else ""
            ),
            params=SimpleNamespace(**office.params),
            units=units,
        ),
        "network": SimpleNamespace(
            name=network.name, organisation=network.organisation, directorate=network.directorate
        ),
    }


NAMES_HINT = N_(
    "available: office.name, office.short_name, office.address, office.hours, office.coverage, "
    "office.entry_points, office.contacts.phone/whatsapp/email/press_phone/press_email, office.links.m_paspor "
    "(and portal, evisa, lapor, wbs, gratifikasi, skm), office.head.name/position, "
    "office.integrity_zone.status/year, office.parent.name, network.name; "
    "{% for point in office.service_points %} with point.name, point.kind, point.address, point.hours; "
    "{% for unit in office.units %} with unit.name, unit.short_name, unit.base_url, unit.coverage, "
    "unit.entry_points, unit.services"
)


Convert = Callable[["BodyTemplate", str], str]  # (body, the Markdown its statements made) -> HTML


@dataclass
class BodyTemplate:
    """A source body prepared once; ``render(ctx)`` gives the HTML for one unit."""

    kind: str  # "plain" | "expressions" | "statements"
    html: str = ""
    parts: tuple[str, ...] = ()
    expressions: tuple[tuple[int, str], ...] = ()  # (line, code); compiled on first use
    markdown: str = ""
    first_line: int = 1
    trusted: bool = False  # raw HTML kept as written (trusted_html); otherwise every output is sanitized
    _template: Template | None = field(default=None, repr=False, compare=False)

    def __getstate__(self) -> dict[str, Any]:
        """Pickled across processes (to and from the workers) without the compiled template."""
        return {**self.__dict__, "_template": None}

    def render(self, ctx: dict[str, Any], convert: Convert | None = None) -> str:
        """The body as the unit of ``ctx`` publishes it.

        ``convert`` turns the Markdown a body with statements made for the unit into HTML
        (:meth:`html_of`, or a cached copy of what it gave: :meth:`sitegen.sources.bodies.Bodies.convert`).
        """
        if self.kind == "plain":
            return self.html
        token = BUDGET.set(Budget())  # one budget for the whole page, however many expressions
        try:
            if self.kind == "expressions":
                out = [self.parts[0]]
                for i, (line, code) in enumerate(self.expressions):
                    value = str(escape(_evaluate(_compiled(code), ctx, line, code)))
                    try:
                        page_budget().wrote(len(value))
                    except ContentLimit as exc:
                        raise OfficeVarError(
                            line, f"{{{{ {_shown(code)} }}}}: {exc}", _(NAMES_HINT)
                        ) from None
                    out.append(value)
                    out.append(self.parts[i + 1])
                return "".join(out)
            markdown = self._render_statements(ctx)
        finally:
            BUDGET.reset(token)
        return convert(self, markdown) if convert is not None else self.html_of(markdown)

    def html_of(self, markdown: str) -> str:
        """The Markdown the statements made, as the page's HTML (sanitized unless trusted)."""
        html = to_html(markdown)
        return html if self.trusted else clean(html)

    def _render_statements(self, ctx: dict[str, Any]) -> str:
        if self._template is None:  # compiled once, rendered for every unit
            try:
                self._template = ENV.from_string(self.markdown)
            except TemplateSyntaxError as exc:
                raise _syntax_error(exc, self.markdown, self.first_line) from None
        template = self._template
        budget = page_budget()
        written = 0
        out = []
        try:
            for chunk in template.generate(ctx):
                written += len(chunk)
                out.append(chunk)
                if written > len(self.markdown) + OUTPUT:  # the page's own text is not counted
                    raise OfficeVarError(
                        self.first_line + max(budget.loop_line, 1) - 1,
                        _(
                            "the page's {{{{ }}}} and {{% %}} write more than {output} characters",
                            output=OUTPUT,
                        ),
                        _("write the text once instead of in a loop"),
                    )
            return "".join(out)
        except OfficeVarError:
            raise
        except RecursionError:
            raise OfficeVarError(self.first_line, _("the text nests too deeply"), _(NAMES_HINT)) from None
        except Exception as exc:  # noqa: BLE001 - anything an editor's text does wrong is theirs to fix
            line = _template_line(exc)
            raise OfficeVarError(self.first_line + line - 1, _describe(exc), _(NAMES_HINT)) from None


def _syntax_error(exc: TemplateSyntaxError, source: str, first_line: int) -> OfficeVarError:
    """A statement refused in content, or a slip in the {% %} and {{ }} pairs, at the file's line."""
    if isinstance(exc, NotAvailable) or _NO_FILTER.search(exc.message or ""):
        hint = (
            _(template_words.STATEMENTS_HINT)
            if isinstance(exc, NotAvailable)
            else _(template_words.PAIRS_HINT)
        )
        return OfficeVarError(
            first_line + (exc.lineno or 1) - 1, _("template syntax: {error}", error=_said(exc.message)), hint
        )
    said = template_words.syntax_error(exc, source, ENV)
    return OfficeVarError(first_line + said.line - 1, said.message, said.hint)


_NO_FILTER = re.compile(r"No (filter|test) named '([^']+)'")


def _said(message: str | None) -> str:
    """Jinja's words for the commonest slips, in the editor's language."""
    found = _NO_FILTER.search(message or "")
    if found is None:
        return message or ""
    if found.group(1) == "filter":
        return _("there is no filter {name!r} in content", name=found.group(2))
    return _("there is no test {name!r} in content", name=found.group(2))


def _parse(body: str, first_line: int) -> None:
    """Read a body's statements once, so a mistake or a refused statement is found before any unit renders."""
    try:
        Bounding().visit(ENV.parse(body))
    except TemplateSyntaxError as exc:
        raise _syntax_error(exc, body, first_line) from None
    except (ValueError, RecursionError, MemoryError) as exc:  # a number of 5,000 digits, ((((…)))) nested
        raise OfficeVarError(
            first_line, _("the text cannot be read ({reason})", reason=_describe(exc)), _(NAMES_HINT)
        ) from None


def prepare(body: str, first_line: int, trusted: bool = False) -> BodyTemplate:
    """Analyse a body once: plain Markdown, expressions only, or statements.

    Unless ``trusted``, the HTML kept (and cached) is already sanitized: plain bodies and
    the text around ``{{ }}`` markers are cleaned here, and a marker's escaped value is
    put only between tags. A marker inside a tag (an attribute) or one the sanitizer
    moved sends the body down the statements path, which cleans each unit's HTML.
    """
    if "{{" not in body and "{%" not in body and "{#" not in body:
        html = to_html(body)
        return BodyTemplate("plain", html=html if trusted else clean(html), trusted=trusted)
    statements = BodyTemplate("statements", markdown=body, first_line=first_line, trusted=trusted)
    if "{%" in body or "{#" in body:
        _parse(body, first_line)
        return statements
    _expressions_closed(body, first_line)
    expressions = []
    pieces = []
    last = 0
    for i, match in enumerate(_EXPR.finditer(body)):
        line = first_line + body.count("\n", 0, match.start())
        code = match.group(1).strip()
        try:
            _compiled(code)
        except TemplateSyntaxError as exc:
            raise OfficeVarError(
                line,
                _("cannot read {{{{ {code} }}}}: {error}", code=_shown(code), error=_said(exc.message)),
                _(NAMES_HINT),
            ) from None
        except (ValueError, RecursionError, MemoryError) as exc:
            raise OfficeVarError(
                line,
                _("cannot read {{{{ {code} }}}}: {error}", code=_shown(code), error=_describe(exc)),
                _(NAMES_HINT),
            ) from None
        expressions.append((line, code))
        pieces.append(body[last : match.start()])
        pieces.append(_MARK.format(i))
        last = match.end()
    pieces.append(body[last:])
    html = to_html("".join(pieces))
    if not trusted:
        html = clean(html)
    parts = _MARK_RE.split(html)
    # split() yields text, index, text, index, ...: markers must come back in order, once each
    indices = [int(x) for x in parts[1::2]]
    if indices != list(range(len(expressions))):
        # Markdown or the sanitizer moved or dropped a marker (e.g. inside raw HTML).
        return statements
    texts = parts[0::2]
    if any(text.rfind("<") > text.rfind(">") for text in texts[:-1]):
        return statements  # a value inside a tag (an attribute) is cleaned with the unit's HTML
    return BodyTemplate("expressions", parts=tuple(texts), expressions=tuple(expressions), trusted=trusted)


def _expressions_closed(body: str, first_line: int) -> None:
    """Every ``{{`` opens an expression closed by ``}}``: ``{{ office.name }`` would be published as it is."""
    closed = {match.start(): match.group(1) for match in _EXPR.finditer(body)}
    for brace in re.finditer(r"\{\{", body):
        code = closed.get(brace.start())
        if code is None or "{{" in code:  # never closed, or closed only by the next expression's }}
            message, hint = template_words.unclosed_expression()
            raise OfficeVarError(first_line + body.count("\n", 0, brace.start()), message, hint)


def _shown(code: str) -> str:
    """An expression as a message quotes it: a 5,000-digit number is not repeated in full."""
    return code if len(code) <= 60 else code[:57] + "…"


@cache
def _compiled(code: str) -> Callable[..., Any]:
    return ENV.compile_expression(code, undefined_to_none=False)


def _evaluate(expr: Callable[..., Any], ctx: dict[str, Any], line: int, code: str) -> Any:
    try:
        value = expr(**ctx)
        if isinstance(value, StrictUndefined):
            str(value)
        return printable(value)
    except Exception as exc:  # noqa: BLE001 - anything an editor's text does wrong is theirs to fix
        raise OfficeVarError(line, f"{{{{ {_shown(code)} }}}}: {_describe(exc)}", _(NAMES_HINT)) from None


_NO_ATTRIBUTE = re.compile(r"has no attribute '([^']+)'")
_UNDEFINED = re.compile(r"'([^']+)' is undefined")


def _describe(exc: Exception) -> str:
    """The editor's words, never Python's ('types.SimpleNamespace object' has no attribute)."""
    if isinstance(exc, UndefinedError):
        text = exc.message or ""
        found = _NO_ATTRIBUTE.search(text) or _UNDEFINED.search(text)
        name = found.group(1) if found else text
        return _("unknown name {name!r}", name=name)
    if isinstance(exc, ContentLimit):
        return str(exc)
    if isinstance(exc, SecurityError):
        return _("not allowed in content (only a unit's public data can be named)")
    if isinstance(exc, RecursionError):
        return _("the text nests too deeply")
    if isinstance(exc, MemoryError):
        return _("too large to work out")
    if isinstance(exc, ZeroDivisionError):
        return _("division by zero")
    if isinstance(exc, ValueError) and "integer string conversion" in str(exc):
        return _("a number of more than 4300 digits is too large a number")
    if isinstance(exc, (TypeError, AttributeError)):  # Python's words name its own types: not said
        return _("cannot be worked out: these values do not go together")
    if isinstance(exc, ArithmeticError):
        return _("too large to work out")
    if isinstance(exc, (TemplateError, ValueError)):
        return _("cannot be worked out ({reason})", reason=_said(str(exc)))
    return _("cannot be worked out ({reason})", reason=type(exc).__name__)


def _template_line(exc: BaseException) -> int:
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename == "<template>" and frame.lineno:
            return frame.lineno
    return 1
