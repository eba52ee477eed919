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
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import time
from functools import cache, wraps
from types import SimpleNamespace
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateError, TemplateSyntaxError, UndefinedError, nodes
from jinja2.runtime import markup_join
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from jinja2.visitor import NodeTransformer
from markupsafe import escape

from sitegen.config.offices_keys import CONTACTS, LINKS, WEEKDAYS
from sitegen.config.settings import Network, Office
from sitegen.dates import zone_abbr
from sitegen.i18n import N_, _
from sitegen.sources import template_words
from sitegen.sources.markdown import to_html
from sitegen.sources.sanitize import clean

LIMIT = 100_000  # the most items a range, or characters one value, may have
STEPS = 200_000  # the most loop turns, calls and items made while one page is worked out for one unit
OUTPUT = 1_000_000  # the most characters the {{ }} and {% %} of one page may add to it, for one unit
MAX_BITS = 4096  # the largest whole number worked out: about 1,200 digits
_STATEMENTS_HINT = template_words.STATEMENTS_HINT


class ContentLimit(SecurityError):
    """An expression asked for more work or text than any page needs."""


class NotAvailable(TemplateSyntaxError):
    """A statement content may not use ({% macro %}, recursive loops): the hint lists those it may."""


@dataclass
class Budget:
    """The work one page may do for one unit, counted across all its expressions and loops.

    A limit per call alone is not enough: two nested loops of 100,000 turns each
    are within every call's limit and never finish.
    """

    steps: int = 0
    output: int = 0
    loop_line: int = 0  # the template line of the loop running now, to locate a page that writes too much

    def step(self, n: int = 1) -> None:
        self.steps += n
        if self.steps > STEPS:
            raise ContentLimit(
                _("the page works through more than {steps} loop turns and values", steps=STEPS)
            )

    def wrote(self, n: int) -> None:
        self.output += n
        if self.output > OUTPUT:
            raise ContentLimit(
                _("the page's {{{{ }}}} and {{% %}} write more than {output} characters", output=OUTPUT)
            )


_BUDGET: ContextVar[Budget | None] = ContextVar("sitegen_budget", default=None)


def _budget() -> Budget:
    budget = _BUDGET.get()
    if budget is None:  # evaluated outside render(): a fresh budget, so the limits still hold
        budget = Budget()
        _BUDGET.set(budget)
    return budget


def _printable_type(value: Any) -> bool:
    return value is None or isinstance(value, (str, int, float))


def _check_value(value: Any) -> Any:
    """Every value made in the sandbox: text up to LIMIT characters, numbers up to MAX_BITS."""
    if isinstance(value, str) and len(value) > LIMIT:
        raise ContentLimit(_("a text of {size} characters; at most {limit}", size=len(value), limit=LIMIT))
    if isinstance(value, int) and value.bit_length() > MAX_BITS:
        raise ContentLimit(_("a number of {bits} bits is too large a number", bits=value.bit_length()))
    if isinstance(value, (list, tuple)) and len(value) > LIMIT:
        raise ContentLimit(_("a list of {size} items; at most {limit}", size=len(value), limit=LIMIT))
    return value


def _text_of(value: Any) -> Any:
    """The value as it may print: text, a number or a list that reads as prose; else refused."""
    if _printable_type(value) or isinstance(value, TextList):
        return value
    raise ContentLimit(_("this names a group of values, not one; write e.g. office.name"))


def _length(value: Any) -> int:
    try:
        return len(value)
    except (TypeError, OverflowError):
        return 1


class _Bounding(NodeTransformer):
    """Rewrites a parsed template so every loop, ``~`` and output is counted against the page's budget."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        if node.recursive:
            raise NotAvailable(_("recursive loops are not available in content"), node.lineno)
        node = self.generic_visit(node)
        node.iter = nodes.Call(
            nodes.EnvironmentAttribute("bounded_loop", lineno=node.lineno),
            [node.iter, nodes.Const(node.lineno)],
            [],
            None,
            None,
            lineno=node.lineno,
        )
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        node = self.generic_visit(node)
        return nodes.Call(
            nodes.EnvironmentAttribute("bounded_concat", lineno=node.lineno),
            [nodes.Tuple(node.nodes, "load", lineno=node.lineno)],
            [],
            None,
            None,
            lineno=node.lineno,
        )

    def generic_visit(self, node: nodes.Node, *args: Any, **kwargs: Any) -> Any:
        refused: tuple[type[nodes.Node], ...] = (
            nodes.Macro, nodes.CallBlock, nodes.FilterBlock, nodes.AssignBlock, nodes.Block,
            nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends, nodes.Scope,
        )  # fmt: skip
        if isinstance(node, refused):
            raise NotAvailable(
                _("{{% {name} %}} is not available in content", name=type(node).__name__.lower()), node.lineno
            )
        return super().generic_visit(node, *args, **kwargs)


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """The sandbox editors' text runs in: public data only, bounded work, text out.

    Jinja's own sandbox stops attribute escapes (``__class__``); this one also
    refuses method calls, Jinja's helper globals (``lipsum``, ``namespace``,
    ``self`` printing Python objects with memory addresses), any statement but
    if, for and set, and any value printed that is not text or a number. Work is
    bounded per value (text up to LIMIT characters, numbers up to MAX_BITS bits,
    checked before an operation runs) and per page (STEPS loop turns, calls and
    items made; OUTPUT characters written), so no page can hang or exhaust a build.
    """

    intercepted_binops = frozenset({"*", "**", "%", "//", "/", "+", "-"})
    intercepted_unops = frozenset({"-", "+"})

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return not attr.startswith("_") and not callable(value)

    def _generate(self, source: nodes.Template, *args: Any, **kwargs: Any) -> str:
        return super()._generate(_Bounding().visit(source), *args, **kwargs)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        _budget().step()
        return _check_value(super().call(__context, __obj, *args, **kwargs))

    def call_unop(self, context: Any, operator: str, arg: Any) -> Any:
        return _check_value(super().call_unop(context, operator, arg))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _budget().step()
        numbers = isinstance(left, int) and isinstance(right, int)
        # the result has at least (bits of left - 1) * right bits, and at most twice that: refused
        # before it is worked out when that is too many already, else checked once it is made
        if (
            operator == "**"
            and numbers
            and abs(left) > 1
            and (right > MAX_BITS or (abs(left).bit_length() - 1) * max(right, 0) > MAX_BITS)
        ):
            raise ContentLimit(
                _("{left} ** {right} is too large a number", left=_number(left), right=_number(right))
            )
        if operator == "*" and numbers and left.bit_length() + right.bit_length() > MAX_BITS + 1:
            raise ContentLimit(_("the product is too large a number"))
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > LIMIT:
                    raise ContentLimit(
                        _("repeating text {n} times makes more than {limit} characters", n=n, limit=LIMIT)
                    )
        sequences = isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple))
        if operator == "+" and sequences and len(left) + len(right) > LIMIT:
            raise ContentLimit(_("joining these makes more than {limit} characters", limit=LIMIT))
        if operator == "%" and isinstance(left, str):
            raise ContentLimit(_("'%' formatting is not available in content; join text with ~"))
        return _check_value(super().call_binop(context, operator, left, right))

    @staticmethod
    def bounded_loop(iterable: Any, line: int) -> Iterator[Any]:
        """Every turn of every loop counts against the page's budget."""
        budget = _budget()
        outer = budget.loop_line
        budget.loop_line = line
        try:
            for item in iterable:
                budget.step()
                yield item
        finally:
            budget.loop_line = outer

    @staticmethod
    def bounded_concat(items: tuple[object, ...]) -> str:
        """``a ~ b``: text and numbers only (an object would print its Python address), bounded."""
        texts = [str(_text_of(item)) for item in items]
        if sum(map(len, texts)) > LIMIT:
            raise ContentLimit(_("joining these makes more than {limit} characters", limit=LIMIT))
        return markup_join(items)


def _number(n: int) -> str:
    """A number as a message shows it: one of a thousand digits is named by its length."""
    digits = len(str(abs(n))) if n.bit_length() <= MAX_BITS else n.bit_length() * 3 // 10
    return str(n) if digits <= 20 else _("a number of {digits} digits", digits=digits)


def _range(*args: int) -> range:
    made = range(*args)
    try:
        count = len(made)
    except OverflowError:
        count = LIMIT + 1
    if count > LIMIT:
        raise ContentLimit(_("range of {count} numbers; at most {limit}", count=count, limit=LIMIT))
    _budget().step(count)
    return made


def _printable(value: Any) -> Any:
    """Only text and numbers reach a page: an object would print its Python address."""
    return _text_of(value)


_TEXT_FILTERS = {"upper", "lower", "title", "capitalize", "trim", "replace", "escape", "e", "string"}
_TEXT_FILTERS |= {"truncate", "wordcount", "int", "float", "round", "abs"}
_SAFE_FILTERS = ["upper", "lower", "title", "capitalize", "default", "d", "join", "length", "count"]
_SAFE_FILTERS += ["first", "last", "trim", "replace", "escape", "e", "string", "int", "float", "round"]
_SAFE_FILTERS += ["sort", "list", "unique", "truncate", "wordcount", "abs", "max", "min", "sum"]


def _bounded_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that checks its input before it works and its result after."""
    passes = getattr(func, "jinja_pass_arg", None) is not None

    @wraps(func)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        value = args[1] if passes else args[0]
        rest = args[2:] if passes else args[1:]
        budget = _budget()
        budget.step(1 + (_length(value) if not isinstance(value, str) else 0))
        if name in _TEXT_FILTERS:
            _text_of(value)
        if name == "join":
            items = [str(_text_of(item)) for item in value]
            separator = str(rest[0]) if rest else str(kwargs.get("d", ""))
            if sum(map(len, items)) + len(separator) * max(len(items) - 1, 0) > LIMIT:
                raise ContentLimit(_("joining these makes more than {limit} characters", limit=LIMIT))
        if name == "replace" and isinstance(value, str) and len(rest) >= 2:
            old, new = str(rest[0]), str(rest[1])
            times = value.count(old) if old else len(value) + 1
            if len(value) + times * (len(new) - len(old)) > LIMIT:
                raise ContentLimit(_("replacing makes more than {limit} characters", limit=LIMIT))
        return _check_value(func(*args, **kwargs))

    return bounded


_ENV = BoundedSandbox(undefined=StrictUndefined, autoescape=True, finalize=_printable)
_ENV.globals.clear()
_ENV.globals["range"] = _range
_ENV.filters = {name: _bounded_filter(name, _ENV.filters[name]) for name in _SAFE_FILTERS}
_ENV.tests = {name: _ENV.tests[name] for name in ("defined", "undefined", "none", "number", "string", "in")}
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


class TextList(tuple[object, ...]):
    """A list that reads as Indonesian prose when printed: "A, B dan C"."""

    conjunction = "dan"

    def __str__(self) -> str:
        items = [str(x) for x in self]
        if len(items) <= 1:
            return "".join(items)
        return ", ".join(items[:-1]) + f" {self.conjunction} " + items[-1]


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
        token = _BUDGET.set(Budget())  # one budget for the whole page, however many expressions
        try:
            if self.kind == "expressions":
                out = [self.parts[0]]
                for i, (line, code) in enumerate(self.expressions):
                    value = str(escape(_evaluate(_compiled(code), ctx, line, code)))
                    try:
                        _budget().wrote(len(value))
                    except ContentLimit as exc:
                        raise OfficeVarError(
                            line, f"{{{{ {_shown(code)} }}}}: {exc}", _(NAMES_HINT)
                        ) from None
                    out.append(value)
                    out.append(self.parts[i + 1])
                return "".join(out)
            markdown = self._render_statements(ctx)
        finally:
            _BUDGET.reset(token)
        return convert(self, markdown) if convert is not None else self.html_of(markdown)

    def html_of(self, markdown: str) -> str:
        """The Markdown the statements made, as the page's HTML (sanitized unless trusted)."""
        html = to_html(markdown)
        return html if self.trusted else clean(html)

    def _render_statements(self, ctx: dict[str, Any]) -> str:
        if self._template is None:  # compiled once, rendered for every unit
            try:
                self._template = _ENV.from_string(self.markdown)
            except TemplateSyntaxError as exc:
                raise _syntax_error(exc, self.markdown, self.first_line) from None
        template = self._template
        budget = _budget()
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
        hint = _(_STATEMENTS_HINT) if isinstance(exc, NotAvailable) else _(template_words.PAIRS_HINT)
        return OfficeVarError(
            first_line + (exc.lineno or 1) - 1, _("template syntax: {error}", error=_said(exc.message)), hint
        )
    said = template_words.syntax_error(exc, source, _ENV)
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
        _Bounding().visit(_ENV.parse(body))
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
    return _ENV.compile_expression(code, undefined_to_none=False)


def _evaluate(expr: Callable[..., Any], ctx: dict[str, Any], line: int, code: str) -> Any:
    try:
        value = expr(**ctx)
        if isinstance(value, StrictUndefined):
            str(value)
        return _printable(value)
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
