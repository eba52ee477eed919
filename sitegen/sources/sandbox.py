"""The sandbox editors' {{ }} and {% %} run in, and the limits that keep every page's work bounded.

Content is written by many people, any of whose accounts may be misused: what a page's
expressions may reach (a unit's public data, text and numbers out), which statements exist
(if, for, set), and how much work and text one page may make for one unit are decided here,
once. sitegen.sources.office_vars fills a body in with a unit's values inside this sandbox.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from functools import wraps
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, nodes
from jinja2.runtime import markup_join
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from jinja2.visitor import NodeTransformer

from sitegen.i18n import _

LIMIT = 100_000  # the most items a range, or characters one value, may have
STEPS = 200_000  # the most loop turns, calls and items made while one page is worked out for one unit
OUTPUT = 1_000_000  # the most characters the {{ }} and {% %} of one page may add to it, for one unit
MAX_BITS = 4096  # the largest whole number worked out: about 1,200 digits


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


BUDGET: ContextVar[Budget | None] = ContextVar("sitegen_budget", default=None)


def page_budget() -> Budget:
    budget = BUDGET.get()
    if budget is None:  # evaluated outside render(): a fresh budget, so the limits still hold
        budget = Budget()
        BUDGET.set(budget)
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


class Bounding(NodeTransformer):
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
        return super()._generate(Bounding().visit(source), *args, **kwargs)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        page_budget().step()
        return _check_value(super().call(__context, __obj, *args, **kwargs))

    def call_unop(self, context: Any, operator: str, arg: Any) -> Any:
        return _check_value(super().call_unop(context, operator, arg))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        page_budget().step()
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
        budget = page_budget()
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
    page_budget().step(count)
    return made


def printable(value: Any) -> Any:
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
        budget = page_budget()
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


ENV = BoundedSandbox(undefined=StrictUndefined, autoescape=True, finalize=printable)
ENV.globals.clear()
ENV.globals["range"] = _range
ENV.filters = {name: _bounded_filter(name, ENV.filters[name]) for name in _SAFE_FILTERS}
ENV.tests = {name: ENV.tests[name] for name in ("defined", "undefined", "none", "number", "string", "in")}


class TextList(tuple[object, ...]):
    """A list that reads as Indonesian prose when printed: "A, B dan C"."""

    conjunction = "dan"

    def __str__(self) -> str:
        items = [str(x) for x in self]
        if len(items) <= 1:
            return "".join(items)
        return ", ".join(items[:-1]) + f" {self.conjunction} " + items[-1]
