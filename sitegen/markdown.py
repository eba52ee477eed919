"""Markdown to HTML with one reused Python-Markdown instance.

Conversion is nearly all of a build's cost, so each source is converted once,
however many units publish it (see :mod:`sitegen.office_vars`), and the
converter is built once per process and reset between documents.
"""

from __future__ import annotations

import markdown

EXTENSIONS = ["extra", "sane_lists", "toc"]
EXTENSION_CONFIGS = {"toc": {"permalink": False}}
# Bumped whenever the Markdown settings change, so cached HTML is not reused.
VERSION = "md1:" + markdown.__version__ + ":" + ",".join(EXTENSIONS)

_converter: markdown.Markdown | None = None


def to_html(text: str) -> str:
    """Convert Markdown ``text`` to an HTML fragment."""
    global _converter
    if _converter is None:
        _converter = markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
    try:
        return _converter.reset().convert(text)
    except Exception:
        _converter = None  # never reuse a converter left in an unknown state
        raise
