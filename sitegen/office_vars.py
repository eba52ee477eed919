"""Office variables in shared Markdown: ``{{ office.name }}`` and friends.

A national page is written once and every unit publishes it with its own
name, address and hours. Editors' text is rendered in a sandboxed Jinja2
environment that can reach the unit's public data and nothing else; an
unknown name is a build error with file and line.

The speed trick: a body that only uses ``{{ expressions }}`` is converted to
HTML once, with each expression replaced by an inert marker, and each unit
then just substitutes its (escaped) values into the markers. Only a body with
``{% statements %}`` is rendered to Markdown per unit before conversion.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from types import SimpleNamespace
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from markupsafe import escape

from .config import WEEKDAYS, Network, Office
from .dates import zone_abbr
from .markdown import to_html

_ENV = ImmutableSandboxedEnvironment(undefined=StrictUndefined, autoescape=True)
_EXPR = re.compile(r"\{\{(.*?)\}\}", re.S)
_MARK = "\ue000{}\ue001"
_MARK_RE = re.compile("\ue000(\\d+)\ue001")
DAY_NAMES = dict(zip(WEEKDAYS, ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"), strict=True))


class OfficeVarError(Exception):
    """An office variable could not be rendered; ``line`` is in the source file."""

    def __init__(self, line: int, message: str, hint: str):
        super().__init__(message)
        self.line, self.message, self.hint = line, message, hint


class TextList(tuple):
    """A list that reads as Indonesian prose when printed: "A, B dan C"."""

    def __str__(self) -> str:
        items = [str(x) for x in self]
        if len(items) <= 1:
            return "".join(items)
        return ", ".join(items[:-1]) + " dan " + items[-1]


def hours_text(office: Office) -> str:
    """ "Senin–Kamis 08.00–16.00 WIB; Jumat 08.00–11.30 dan 13.30–16.30 WIB; Sabtu–Minggu tutup"."""
    if not office.hours.days:
        return ""
    abbr = zone_abbr(office.tz)

    def describe(ranges: tuple) -> str:
        if not ranges:
            return "tutup"
        spans = [f"{a.strftime('%H.%M')}–{b.strftime('%H.%M')}" for a, b in ranges]
        return str(TextList(spans)) + f" {abbr}"

    groups: list[tuple[list[str], str]] = []
    for day in WEEKDAYS:
        text = describe(office.hours.on(day))
        if groups and groups[-1][1] == text:
            groups[-1][0].append(day)
        else:
            groups.append(([day], text))
    parts = []
    for days, text in groups:
        first, last = DAY_NAMES[days[0]], DAY_NAMES[days[-1]]
        parts.append(f"{first}{'–' + last if len(days) > 1 else ''} {text}")
    return "; ".join(parts)


def context(office: Office, network: Network) -> dict[str, Any]:
    """What an editor's Markdown may name: public facts about the unit and network."""
    parent = network.office(office.parent) if office.parent in network.ids else None
    return {
        "office": SimpleNamespace(
            id=office.id,
            name=office.name,
            short_name=office.short_name,
            kind=office.kind,
            class_name=office.office_class.name if office.office_class else "",
            address=office.address,
            timezone_abbr=zone_abbr(office.tz),
            hours=hours_text(office),
            coverage=TextList(office.coverage),
            entry_points=TextList(office.entry_points),
            services=TextList(office.services),
            base_url=office.base_url,
            contacts=SimpleNamespace(**{k: office.contact(k) for k in ("phone", "whatsapp", "email")}),
            parent=SimpleNamespace(
                name=parent.name if parent else "", short_name=parent.short_name if parent else ""
            ),
            params=SimpleNamespace(**office.params),
        ),
        "network": SimpleNamespace(
            name=network.name, organisation=network.organisation, directorate=network.directorate
        ),
    }


NAMES_HINT = (
    "available: office.name, office.short_name, office.address, office.hours, office.coverage, "
    "office.entry_points, office.contacts.phone/whatsapp/email, office.parent.name, network.name"
)


@dataclass
class BodyTemplate:
    """A source body prepared once; ``render(ctx)`` gives the HTML for one unit."""

    kind: str  # "plain" | "expressions" | "statements"
    html: str = ""
    parts: tuple[str, ...] = ()
    expressions: tuple[tuple[int, str], ...] = ()  # (line, code); compiled on first use
    markdown: str = ""
    first_line: int = 1
    _template: Template | None = field(default=None, repr=False, compare=False)

    def __getstate__(self) -> dict[str, Any]:
        """Pickled into the cache and across processes without the compiled template."""
        return {**self.__dict__, "_template": None}

    def render(self, ctx: dict[str, Any]) -> str:
        if self.kind == "plain":
            return self.html
        if self.kind == "expressions":
            out = [self.parts[0]]
            for i, (line, code) in enumerate(self.expressions):
                out.append(str(escape(_evaluate(_compiled(code), ctx, line, code))))
                out.append(self.parts[i + 1])
            return "".join(out)
        return to_html(self._render_statements(ctx))

    def _render_statements(self, ctx: dict[str, Any]) -> str:
        if self._template is None:  # compiled once, rendered for every unit
            try:
                self._template = _ENV.from_string(self.markdown)
            except TemplateSyntaxError as exc:
                raise OfficeVarError(
                    self.first_line + (exc.lineno or 1) - 1,
                    f"template syntax: {exc.message}",
                    "check the {% %} and {{ }} pairs",
                ) from None
        template = self._template
        try:
            return template.render(ctx)
        except (UndefinedError, SecurityError, TemplateError, TypeError, AttributeError) as exc:
            line = _template_line(exc)
            raise OfficeVarError(self.first_line + line - 1, _describe(exc), NAMES_HINT) from None


def prepare(body: str, first_line: int) -> BodyTemplate:
    """Analyse a body once: plain Markdown, expressions only, or statements."""
    if "{{" not in body and "{%" not in body and "{#" not in body:
        return BodyTemplate("plain", html=to_html(body))
    if "{%" in body or "{#" in body:
        try:
            _ENV.parse(body)
        except TemplateSyntaxError as exc:
            raise OfficeVarError(
                first_line + (exc.lineno or 1) - 1,
                f"template syntax: {exc.message}",
                "check the {% %} and {{ }} pairs",
            ) from None
        return BodyTemplate("statements", markdown=body, first_line=first_line)
    expressions = []
    pieces = []
    last = 0
    for i, match in enumerate(_EXPR.finditer(body)):
        line = first_line + body.count("\n", 0, match.start())
        code = match.group(1).strip()
        try:
            _compiled(code)
        except TemplateSyntaxError as exc:
            raise OfficeVarError(line, f"cannot read {{{{ {code} }}}}: {exc.message}", NAMES_HINT) from None
        expressions.append((line, code))
        pieces.append(body[last : match.start()])
        pieces.append(_MARK.format(i))
        last = match.end()
    pieces.append(body[last:])
    html = to_html("".join(pieces))
    parts = _MARK_RE.split(html)
    # split() yields text, index, text, index, ...: markers must come back in order, once each
    indices = [int(x) for x in parts[1::2]]
    if indices != list(range(len(expressions))):
        # Markdown moved or dropped a marker (e.g. inside raw HTML); fall back to the general path.
        return BodyTemplate("statements", markdown=body, first_line=first_line)
    return BodyTemplate("expressions", parts=tuple(parts[0::2]), expressions=tuple(expressions))


@cache
def _compiled(code: str) -> Callable[..., Any]:
    return _ENV.compile_expression(code, undefined_to_none=False)


def _evaluate(expr: Callable[..., Any], ctx: dict[str, Any], line: int, code: str) -> Any:
    try:
        value = expr(**ctx)
        if isinstance(value, StrictUndefined):
            str(value)
        return value
    except (UndefinedError, SecurityError, TemplateError, TypeError, AttributeError) as exc:
        raise OfficeVarError(line, f"{{{{ {code} }}}}: {_describe(exc)}", NAMES_HINT) from None


def _describe(exc: Exception) -> str:
    if isinstance(exc, UndefinedError):
        return f"unknown name ({exc.message})"
    if isinstance(exc, SecurityError):
        return f"not allowed in content ({exc})"
    return str(exc)


def _template_line(exc: BaseException) -> int:
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename == "<template>" and frame.lineno:
            return frame.lineno
    return 1
