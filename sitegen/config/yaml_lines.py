"""YAML that remembers where each key stood, so errors can name the line.

Timestamps are deliberately *not* resolved by YAML: ``2024-12-01 10:00`` stays
a string and :mod:`sitegen.dates` reads it in the unit's own time zone, instead
of YAML silently choosing UTC or a naive datetime.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml

# What no web page or feed may carry: XML 1.0 refuses these characters, and a feed
# writer meeting one stops the whole build. Written as YAML escapes ("\x01",
# "\uFFFE") they are not in the file's raw text, so values are checked after
# reading. DEL and the C1 controls (U+0080-U+009F, the traces of text decoded with the
# wrong code page) are allowed by XML but never meant, and some terminals act on them.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


class LineDict(dict[str, Any]):
    """A mapping that knows its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list[Any]):
    """A sequence that knows its own line and each item's line (1-based)."""

    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


# libyaml's parser where it is installed (several times faster), PyYAML's own otherwise
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc, valid-type]
    pass


# Keep timestamps as strings: dates are interpreted in the unit's time zone.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _DuplicateKey(yaml.constructor.ConstructorError):
    """A key written twice in one mapping, with the (1-based) line of its first writing."""

    def __init__(self, key: str, first: int, mark: yaml.Mark) -> None:
        super().__init__(None, None, f"duplicate key {key!r}", mark)
        self.key = key
        self.first = first


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            key = str(key)
        if key in result:
            raise _DuplicateKey(key, result.key_lines[key], key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


class YamlError(Exception):
    """Broken YAML, with the 1-based line where the parser gave up."""

    def __init__(
        self,
        line: int,
        message: str,
        hint: str = "",
        code: str = "yaml-invalid",
        more: tuple[YamlError, ...] = (),
    ):
        super().__init__(message)
        self.line = line
        self.message = message
        self.hint = hint
        self.code = code  # its kind (sitegen.codes): "yaml-tab" or "yaml-invalid"
        self.more = more  # the same problem on later lines (every tab), so one run names them all


def _first_tab(text: str, upto: int, named: bool) -> tuple[int, int] | None:
    """(0-based line, 1-based column) of the tab that broke the YAML, if a tab did.

    A tab in a line's indentation always does; elsewhere only the one on the line
    where YAML stopped, when its message names the tab character.
    """
    rows = text.splitlines()[: upto + 1]
    for number, row in enumerate(rows):
        indent = row[: len(row) - len(row.lstrip(" \t"))]
        if "\t" in indent or (named and number == upto and "\t" in row):
            return number, row.index("\t") + 1
    return None


def _tabs(text: str, first: tuple[int, int]) -> list[tuple[int, int]]:
    """The tab that broke the YAML and each later one that breaks it too, (0-based line, column).

    Found as YAML finds them: the text is read again with each found line left empty (its
    line count kept), until it reads or stops at something other than a tab; so a tab that
    YAML reads without complaint (in a block scalar, between flow items) is not named.
    """
    rows = text.splitlines(keepends=True)
    found = [first]
    while len(found) <= text.count("\t"):
        rows[found[-1][0]] = "\n"
        again = "".join(rows)
        try:
            yaml.load(again, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
            break
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            tab = _first_tab(again, mark.line if mark else 0, "'\\t'" in (exc.problem or ""))
            if tab is None or tab[0] <= found[-1][0]:
                break
            found.append(tab)
        except yaml.YAMLError:
            break
    return found


def _tab_error(line: int, column: int) -> YamlError:
    """A tab at ``line``, said with the word "tab" (YAML says "cannot start any token")."""
    from sitegen.hints import yaml_tab  # only on this rare path

    said = yaml_tab(line, column)
    return YamlError(line, said.message, said.hint, said.code)


def _open_quote(text: str, stopped: int) -> tuple[int, str] | None:
    """(0-based line, quote) of a quoted value left open, when that is why YAML stopped at ``stopped``.

    A quote never closed makes YAML stop at the end of the text; one closed only by the
    next quote in the file makes a value of several lines, and YAML stops on the line
    where it ends. Either way the editor's slip is on the line the quote opens, so the
    text is scanned again (PyYAML's own scanner, whose marks count characters) to find it.
    """
    tokens = []
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            tokens.append(token)
    except yaml.MarkedYAMLError as exc:
        opened = exc.context_mark
        if exc.context == "while scanning a quoted scalar" and opened is not None:
            return opened.line, text[opened.index]
    for token in tokens:
        start, end = token.start_mark, token.end_mark
        if (
            isinstance(token, yaml.ScalarToken)
            and token.style in ("'", '"')
            and start.line < stopped == end.line
        ):
            return start.line, str(token.style)
    return None


def _said(line: int, said: Any) -> YamlError:
    """A YamlError at ``line`` in an editor's words (a sitegen.hints.Hint)."""
    return YamlError(line, said.message, said.hint, said.code)


def load(text: str, first_line: int = 1) -> Any:
    """Parse ``text``; line numbers are offset so that its first line is ``first_line``."""
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except _DuplicateKey as exc:  # YAML's words are English and name only the second line
        from sitegen.hints import yaml_duplicate_key  # only on this rare path

        second = exc.problem_mark.line if exc.problem_mark else 0
        raise _said(second + first_line, yaml_duplicate_key(exc.key, exc.first + first_line - 1)) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + first_line) if mark else first_line
        problem = exc.problem or "invalid YAML"
        tab = _first_tab(text, mark.line if mark else 0, "'\\t'" in problem)
        if tab is not None:  # YAML says "cannot start any token"; the editor needs the word "tab"
            first, *more = (_tab_error(row + first_line, column) for row, column in _tabs(text, tab))
            raise YamlError(first.line, first.message, first.hint, first.code, tuple(more)) from None
        from sitegen.hints import yaml_open_quote, yaml_problem  # only on this rare path

        quote = _open_quote(text, mark.line if mark else 0)
        if quote is not None:  # YAML stops where the value ends, lines after the slip
            raise _said(quote[0] + first_line, yaml_open_quote(quote[1])) from None
        raise YamlError(line, yaml_problem(problem)) from None
    except yaml.reader.ReaderError as exc:  # a raw control character: at its own line, by its code
        from sitegen.i18n import _

        # found again here: libyaml's reader reports where its chunk ended, not the character
        found = yaml.reader.Reader.NON_PRINTABLE.search(text)
        at = found.start() if found else exc.position
        line = text.count("\n", 0, at) + first_line
        code = ord(found.group()) if found else ord(str(exc.character)[:1] or "\0")
        raise YamlError(
            line,
            _("invisible control character U+{code:04X} in the text", code=code),
            _("delete it (it often comes from copying out of a PDF or a word processor)"),
            "control-character",
        ) from None
    except yaml.YAMLError as exc:
        raise YamlError(first_line, str(exc)) from None
    swallowed = _swallowed_key(text)
    if swallowed is not None:  # valid YAML, but a key line became part of a quoted value
        from sitegen.hints import yaml_open_quote  # only on this rare path

        raise _said(swallowed[0] + first_line, yaml_open_quote(swallowed[1]))
    if first_line != 1:
        _shift(data, first_line - 1)
    return data


_KEY_LINE = re.compile(r"\s*[A-Za-z_][A-Za-z0-9_-]*:(?:\s|$)")


def _swallowed_key(text: str) -> tuple[int, str] | None:
    """(0-based line, quote) of a quoted value that runs on over a line reading as a key of its own.

    A quote left open and closed by a quote that ends a later line is valid YAML (a quoted
    value may span lines): the keys between are read as part of the value and go missing
    without a word. Editors never mean a key line inside a value, so it is the open-quote
    slip. Only a text with a line holding an odd number of one quote is scanned again.
    """
    lines = text.split("\n")
    if not any(line.count('"') % 2 or line.count("'") % 2 for line in lines):
        return None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if not isinstance(token, yaml.ScalarToken) or token.style not in ("'", '"'):
                continue
            start, end = token.start_mark.line, token.end_mark.line
            if any(_KEY_LINE.match(lines[n]) for n in range(start + 1, end + 1)):
                return start, str(token.style)
    except yaml.YAMLError:
        return None
    return None


def _shift(data: Any, offset: int) -> None:
    if isinstance(data, LineDict):
        data.line += offset
        data.key_lines = {k: v + offset for k, v in data.key_lines.items()}
        for value in data.values():
            _shift(value, offset)
    elif isinstance(data, LineList):
        data.line += offset
        data.item_lines = [v + offset for v in data.item_lines]
        for value in data:
            _shift(value, offset)


def unpublishable(data: Any, line: int = 1, key: str = "") -> Iterator[tuple[int, str, str]]:
    """Every text in ``data`` (keys too) holding a character no page or feed can carry.

    Yields (line, key path, "U+0001") so that the error names the value's own line.
    """
    if isinstance(data, str):
        found = NOT_XML.search(data)
        if found:
            yield line, key, f"U+{ord(found.group()):04X}"
    elif isinstance(data, dict):
        for name, value in data.items():
            where = data.line_of(name) if isinstance(data, LineDict) else line
            path = f"{key}.{name}" if key else str(name)
            yield from unpublishable(str(name), where, path)
            yield from unpublishable(value, where, path)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            where = data.line_of(index) if isinstance(data, LineList) else line
            yield from unpublishable(value, where, f"{key}[{index}]")
