"""Text pasted from Word (or LibreOffice, Outlook) made plain HTML before it is sanitized.

Editors write in Word and paste. Word's HTML carries its own classes
(``class="MsoNormal"``), layout styles (``style="mso-list:l0 level1 lfo1"``),
``<o:p>`` tags, conditional comments, and lists typed as paragraphs whose
number is followed by a run of non-breaking spaces ("1.&nbsp;&nbsp;&nbsp;
Paspor biasa"). The sanitizer's allow-list keeps a class and an empty style,
and such a "list" reads on a phone as ragged paragraphs that screen readers
do not announce as a list.

:func:`clean` removes all of that and turns runs of such paragraphs into a real
``<ol>`` (``<ul>`` for bullets), keeping the first number. Only HTML that
shows a trace of an office program is touched, so ordinary HTML an editor
wrote by hand is left exactly as it was. ``sitegen check`` names the first
line of each page holding such text (:func:`traces`), so the editor learns to
paste as plain text.
"""

from __future__ import annotations

import re

from sitegen.i18n import _

_NBSP = r"(?:&nbsp;|&#160;|\xa0)"
_TYPED_NUMBER = rf"\d[.)]{_NBSP}(?:\s|{_NBSP})*{_NBSP}"  # "1.&nbsp;&nbsp;&nbsp; " as Word types a list
_MARKERS = re.compile(
    rf"""class=["']?Mso|mso-|<o:p\b|urn:schemas-microsoft-com|<!--\[if |{_TYPED_NUMBER}""", re.I
)
# each marker holds one of these (lower case): a page without any is clean, found without the regex,
# whose six-way case-blind alternation tried at every character was a tenth of preparing a body
_MARKER_PARTS = ("mso", "<o:p", "urn:schemas-microsoft-com", "<!--[if", "&nbsp;", "&#160;", "\xa0")
_UNLOWERED = ("\u017f", "\u0131", "\u0130")  # ſ, ı, İ: the regex matches them to s and i, lower() does not
_CONDITIONAL = re.compile(r"<!--\[if[^\]]*\]>.*?<!\[endif\]-->", re.S | re.I)
_OFFICE_TAG = re.compile(r"</?[ovw]:\w+\b[^>]*>", re.I)  # <o:p>, </o:p>, <v:shape>, <w:wrap>
_CLASS = re.compile(r"""\s+class=(?:"([^"]*)"|'([^']*)'|(Mso\w*))""", re.I)
_STYLE = re.compile(r"""\s+style=(?:"([^"]*)"|'([^']*)')""", re.I)
_SPAN = re.compile(r"</?span\b[^>]*>", re.I)
_ALIGN_ONLY = re.compile(r"^\s*(?:text-align\s*:\s*[a-z]+\s*;?\s*)?$", re.I)
_PARAGRAPH = re.compile(r"(<p\b[^>]*>.*?</p>)", re.S)
_BLANK = r"(?:\s|&nbsp;|&#160;|\xa0)"
_NUMBERED = re.compile(rf"^<p\b[^>]*>{_BLANK}*(\d{{1,3}})[.)]{_BLANK}{{2,}}(.*)</p>$", re.S)
_BULLET = re.compile(rf"^<p\b[^>]*>{_BLANK}*[·•§▪o\-–]{_BLANK}{{2,}}(.*)</p>$", re.S)
_EMPTY_PARAGRAPH = re.compile(rf"<p>{_BLANK}*</p>")


def has_traces(html: str) -> bool:
    """Does the text show a trace of Word or another office program?"""
    lowered = html.lower()
    if not any(part in lowered for part in _MARKER_PARTS) and not any(c in html for c in _UNLOWERED):
        return False
    return _MARKERS.search(html) is not None


def traces(text: str) -> tuple[int, list[str]] | None:
    """(0-based line of the first trace, what was found) for an editor's text; None when clean."""
    found = _MARKERS.search(text)
    if found is None:
        return None
    what = []
    if re.search(r"""class=["']?Mso""", text, re.I):
        what.append(_("Mso classes"))
    if re.search(r"mso-", text, re.I):
        what.append(_("Word styles"))
    if re.search(r"<o:p\b", text, re.I):
        what.append(_("<o:p> tags"))
    if re.search(r"<!--\[if ", text, re.I):
        what.append(_("Word's conditional comments"))
    if re.search(_TYPED_NUMBER, text):
        what.append(_("list numbers typed with spaces"))
    return text.count("\n", 0, found.start()), what or [_("office markup")]


def clean(html: str) -> str:
    """Plain HTML from Word's: no Mso class, Word style, <o:p> or span; typed lists made real lists."""
    if not has_traces(html):
        return html
    html = _CONDITIONAL.sub("", html)
    html = _OFFICE_TAG.sub("", html)
    html = _CLASS.sub(_keep_class, html)
    html = _STYLE.sub(_keep_style, html)
    html = _SPAN.sub("", html)
    html = re.sub(r"<p\s*>", "<p>", html)
    html = _EMPTY_PARAGRAPH.sub("", html)
    return _real_lists(html)


def _keep_class(match: re.Match[str]) -> str:
    """Drop Word's own classes (MsoNormal, MsoListParagraphCxSpFirst); keep any other."""
    value = next((g for g in match.groups() if g is not None), "")
    kept = [c for c in value.split() if not c.lower().startswith("mso")]
    return f' class="{" ".join(kept)}"' if kept else ""


def _keep_style(match: re.Match[str]) -> str:
    """Keep a style that only aligns text (what tables may have); drop Word's layout."""
    value = next((g for g in match.groups() if g is not None), "")
    return f' style="{value.strip()}"' if value.strip() and _ALIGN_ONLY.match(value) else ""


def _real_lists(html: str) -> str:
    """Runs of "1.&nbsp;&nbsp; text" (or "·&nbsp;&nbsp; text") paragraphs become one <ol> (<ul>)."""
    parts = _PARAGRAPH.split(html)
    out: list[str] = []
    run: list[tuple[str, str, str]] = []  # (kind, first number, item HTML)
    pending = ""  # whitespace between two paragraphs of a run

    def flush() -> None:
        if not run:
            return
        kind, first = run[0][0], run[0][1]
        start = f' start="{first}"' if kind == "ol" and first not in ("", "1") else ""
        items = "".join(f"<li>{text.strip()}</li>" for _, _, text in run)
        out.append(f"<{kind}{start}>{items}</{kind}>")
        run.clear()

    for part in parts:
        numbered = _NUMBERED.match(part)
        bullet = _BULLET.match(part) if numbered is None else None
        item = ("ol", numbered.group(1), numbered.group(2)) if numbered else None
        item = item or (("ul", "", bullet.group(1)) if bullet else None)
        if item is not None:
            if run and run[0][0] != item[0]:
                flush()
            run.append(item)
            pending = ""
        elif run and not part.strip():
            pending += part
        else:
            flush()
            out.append(pending + part)
            pending = ""
    flush()
    out.append(pending)
    return "".join(out)
