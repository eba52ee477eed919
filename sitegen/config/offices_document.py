"""offices.yaml's text read as YAML that remembers its lines, or the reason it cannot be.

Reading is kept apart from validating: a file that is missing, not UTF-8, not YAML
or not a mapping stops here with one located problem, and the readers of keys
(sitegen.config.network_readers, sitegen.config.unit_readers) only ever see a
``LineDict`` whose every key knows its line.
"""

from __future__ import annotations

import errno
import re
from pathlib import Path

from sitegen.config import yaml_lines
from sitegen.config.yaml_lines import LineDict
from sitegen.errors import Problems
from sitegen.i18n import _

# A line's indentation, tabs included: where a tab is an error YAML names.
_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)


def read_document(path: Path, problems: Problems) -> LineDict | None:
    """offices.yaml read as YAML with its lines; None (reported) when it cannot be read at all.

    Invisible control characters are reported here too, once for the whole file, but do not
    stop the reading: every other problem is reported in the same run.
    """
    text = _text(path, problems)
    return None if text is None else _parsed(path, text, problems)


def read_past_tabs(path: Path, width: int, problems: Problems) -> LineDict | None:
    """offices.yaml read with each tab of a line's indentation taken as ``width`` columns.

    Only for going on past tabs (see sitegen.config.offices.load_network): a tab is never
    accepted, but the file it broke can still say which units the content is checked against.
    """
    text = _text(path, problems)
    if text is None:
        return None
    return _parsed(path, _INDENT.sub(lambda found: found.group().expandtabs(width), text), problems)


def _parsed(path: Path, text: str, problems: Problems) -> LineDict | None:
    """``text`` as YAML with its lines, a mapping; None (reported) when it is not."""
    try:
        data = yaml_lines.load(text)
    except yaml_lines.YamlError as exc:
        for each in (exc, *exc.more):  # every line with a tab, not only the first
            problems.error(
                path,
                each.line,
                _("invalid YAML: {problem}", problem=each.message),
                each.hint or _("check indentation and quoting"),
                each.code,
            )
        return None
    if not isinstance(data, LineDict):
        problems.error(path, 1, _("offices.yaml must be a mapping with 'network' and 'units'"))
        return None
    for line, key, char in yaml_lines.unpublishable(data):
        problems.error(
            path,
            line,
            _("invisible control character {char} in {key}", char=char, key=key),
            _("delete it: no web page or feed can carry it (\\x.. and \\u.. escapes included)"),
            "control-character",
        )
    return data


def _text(path: Path, problems: Problems) -> str | None:
    """The file's text; None (reported, with the fix that fits the cause) when it cannot be had."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.error(
            path, 0, _("offices.yaml not found"), _("run sitegen from the repository root or pass --root")
        )
    except UnicodeDecodeError as exc:
        problems.error(
            path,
            1,
            _("not UTF-8 text ({reason})", reason=exc.reason),
            _("save the file as UTF-8"),
            "not-utf8",
        )
    except OSError as exc:
        problems.error(
            path,
            0,
            _("cannot be read ({reason})", reason=exc.strerror),
            _("use a shorter path to the repository (--root)")
            if exc.errno == errno.ENAMETOOLONG
            else _("check the file's permissions"),
            "unreadable-file",
        )
    return None
