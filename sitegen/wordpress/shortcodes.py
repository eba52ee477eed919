"""WordPress shortcodes in a post's stored text: ``[caption]``, ``[gallery]``, ``[embed]``.

WordPress expands these when it shows a page; an export holds them as
written. The three that carry content readers saw are turned into the HTML
they stood for (a figure with its caption, the gallery's pictures, a video
player from a host the sites allow); a YouTube or Vimeo address alone on a
line (WordPress's automatic embed) too. Any other shortcode (a contact form,
a plugin's table) cannot be rebuilt: it is left in the text as written and
reported with its line, so an editor finds it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from sitegen.i18n import _

_ATTR = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))""")
_CAPTION = re.compile(r"\[(caption|wp_caption)(\s[^\]]*)?\](.*?)\[/\1\]", re.S)
_GALLERY = re.compile(r"\[gallery(\s[^\]]*)?\]")
_EMBED = re.compile(r"\[embed(\s[^\]]*)?\](.*?)\[/embed\]", re.S)
_BARE_VIDEO = re.compile(
    r"^[ \t]*(https?://(?:www\.|m\.)?(?:youtube\.com/watch\?\S+|youtu\.be/\S+|vimeo\.com/\d+))[ \t]*$", re.M
)
# the block editor's embed: <figure class="wp-block-embed …"><div class="wp-block-embed__wrapper">URL</div></figure>
_BLOCK_EMBED = re.compile(
    r"<figure\b[^>]*class=[\"'][^\"']*\bwp-block-embed\b[^\"']*[\"'][^>]*>(.*?)</figure>", re.S | re.I
)
_URL = re.compile(r"https?://[^\s<>\"']+")
_ANY = re.compile(r"\[([a-z][a-z0-9_-]*)((?:\s[^\[\]]*)?)\]")
# shortcodes WordPress itself or common plugins register; others are only reported when they look like one
KNOWN = {
    "video",
    "audio",
    "playlist",
    "contact-form-7",
    "contact-form",
    "wpforms",
    "pdf-embedder",
    "su_button",
}
_HANDLED = {"caption", "wp_caption", "gallery", "embed"}
_IMG = re.compile(r"<img\b[^>]*>", re.I)


@dataclass(frozen=True)
class Picture:
    """An attachment a gallery or caption can show."""

    url: str
    alt: str
    caption: str


@dataclass(frozen=True)
class Note:
    """Something an editor should look at, at ``offset`` in the post's stored text."""

    offset: int
    message: str
    hint: str = ""


def attributes(text: str | None) -> dict[str, str]:
    """``id="a" columns=2`` -> {"id": "a", "columns": "2"}."""
    return {
        m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None)
        for m in _ATTR.finditer(text or "")
    }


def video_embed(url: str) -> str | None:
    """A player for a YouTube or Vimeo address, from the hosts the sites allow; None for anything else."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.").removeprefix("m.")
    video = ""
    if host == "youtube.com" and parts.path == "/watch":
        video = (parse_qs(parts.query).get("v") or [""])[0]
        player = "https://www.youtube-nocookie.com/embed/"
    elif host == "youtu.be":
        video = parts.path.strip("/")
        player = "https://www.youtube-nocookie.com/embed/"
    elif host == "vimeo.com":
        video = parts.path.strip("/")
        player = "https://player.vimeo.com/video/"
    if not re.fullmatch(r"[A-Za-z0-9_-]{4,64}", video):
        return None
    return (
        f'<figure class="video"><iframe src="{player}{video}" title="Video" width="560" height="315" '
        "allowfullscreen></iframe></figure>"
    )


def expand(
    text: str, pictures: dict[int, Picture], own_pictures: Callable[[], list[Picture]]
) -> tuple[str, list[Note]]:
    """The text with the shortcodes it can rebuild replaced by HTML, and notes on the rest.

    ``pictures`` are the export's attachments by id; ``own_pictures`` those attached to
    this post, for a ``[gallery]`` naming no ids. Offsets in the notes point into ``text``.
    """
    expansion = _Expansion(text, pictures, own_pictures)
    expansion.rebuild()
    expansion.remove_unknown()
    expansion.remove_closing_tags()
    return expansion.result()


class _Expansion:
    """One post's text while its shortcodes are expanded: the edits decided so far, and the notes.

    Edits are collected against the original text and applied once at the end, so every
    offset (of a match, of a note) points into the text as the export holds it.
    """

    def __init__(
        self, text: str, pictures: dict[int, Picture], own_pictures: Callable[[], list[Picture]]
    ) -> None:
        self.text = text
        self.pictures = pictures
        self.own_pictures = own_pictures
        self.notes: list[Note] = []
        self.edits: list[tuple[int, int, str]] = []  # (start, end, replacement) in ``text``

    # -- the steps, in order ----------------------------------------------------------------------

    def rebuild(self) -> None:
        """Replace what can be rebuilt, kind by kind; a match overlapping an earlier edit is left alone."""
        for pattern, make in _MAKERS:
            for match in pattern.finditer(self.text):
                if not self._overlaps(match):
                    self.edits.append((match.start(), match.end(), make(self, match)))

    def remove_unknown(self) -> None:
        """Remove and report the other shortcodes, those that look like one (a plain ``[word]`` stays)."""
        for match in _ANY.finditer(self.text):
            name = match.group(1)
            if name in _HANDLED or self._inside(match.start()):
                continue
            closed = f"[/{name}]" in self.text
            if name in KNOWN or closed or "=" in match.group(2):
                self.notes.append(
                    Note(
                        match.start(),
                        _("shortcode {code} cannot be rebuilt and was removed", code=match.group(0))
                        + (_(" (the text between its tags is kept)") if closed else ""),
                        _("rebuild it by hand if readers need it: a link, a table or plain text"),
                    )
                )
                self.edits.append((match.start(), match.end(), ""))

    def remove_closing_tags(self) -> None:
        """Remove the closing tags of shortcodes that were opened too, keeping the text between them."""
        closing = {n for _start, _end, n in _closing(self.text)}
        opened = {m.group(1) for m in _ANY.finditer(self.text)}
        for name in closing & opened - _HANDLED:
            for match in re.finditer(re.escape(f"[/{name}]"), self.text):
                if not self._inside(match.start()):
                    self.edits.append((match.start(), match.end(), ""))

    def result(self) -> tuple[str, list[Note]]:
        """The text with every edit made, and the notes in the order of the text."""
        out, last = [], 0
        for start, end, replacement in sorted(self.edits):
            out += [self.text[last:start], replacement]
            last = end
        out.append(self.text[last:])
        return "".join(out), sorted(self.notes, key=lambda n: n.offset)

    def _overlaps(self, match: re.Match[str]) -> bool:
        return any(start < match.end() and match.start() < end for start, end, _text in self.edits)

    def _inside(self, offset: int) -> bool:
        return any(start <= offset < end for start, end, _text in self.edits)

    def _note(self, match: re.Match[str], message: str, hint: str = "") -> None:
        self.notes.append(Note(match.start(), message, hint))

    # -- one handler per kind: the HTML a match stands for ----------------------------------------

    def caption(self, m: re.Match[str]) -> str:
        """``[caption]``: a figure with its picture (and link) and the caption's words."""
        attrs = attributes(m.group(2))
        inner = m.group(3)
        image = _IMG.search(inner)
        if image is None:
            self._note(m, _("[caption] without a picture; its text was kept as a paragraph"))
            return f"\n\n<p>{inner.strip()}</p>\n\n"
        # the picture, possibly inside a link, then the caption's text (or the old caption="" form)
        linked = re.search(r"<a\b[^>]*>\s*" + re.escape(image.group(0)) + r"\s*</a>", inner, re.I)
        figure = linked.group(0) if linked else image.group(0)
        words = (inner[: (linked or image).start()] + inner[(linked or image).end() :]).strip()
        words = words or attrs.get("caption", "")  # stored as HTML, cleaned with the rest
        caption_html = f"<figcaption>{words}</figcaption>" if words else ""
        return f"\n\n<figure>{figure}{caption_html}</figure>\n\n"

    def gallery(self, m: re.Match[str]) -> str:
        """``[gallery]``: its pictures one after another; an empty one is left out."""
        attrs = attributes(m.group(1))
        ids = [x.strip() for x in attrs.get("ids", attrs.get("include", "")).split(",") if x.strip()]
        shown = self._named_pictures(m, ids) if ids else self.own_pictures()
        if not shown:
            self._note(m, _("[gallery] shows no picture; it was left out"))
            return "\n\n"
        return "\n\n" + "\n\n".join(_picture(p) for p in shown) + "\n\n"

    def _named_pictures(self, m: re.Match[str], ids: list[str]) -> list[Picture]:
        """The attachments a gallery names, in its order; each one the export lacks is reported."""
        shown: list[Picture] = []
        for ident in ids:
            picture = self.pictures.get(int(ident)) if ident.isdigit() else None
            if picture is None:
                self._note(m, _("[gallery] names attachment {ident}, which the export lacks", ident=ident))
            else:
                shown.append(picture)
        return shown

    def embed(self, m: re.Match[str]) -> str:
        """``[embed]URL[/embed]``: a player for an allowed host, else a plain link."""
        url = html.unescape(m.group(2).strip())
        player = video_embed(url)
        if player:
            return f"\n\n{player}\n\n"
        self._note(
            m,
            _("[embed] of {url} became a plain link", url=url),
            _("only YouTube and Vimeo players are embedded"),
        )
        return _link(url)

    def block_embed(self, m: re.Match[str]) -> str:
        """The block editor's embed figure: a player (keeping its caption), else a plain link."""
        inner = m.group(1)
        caption = re.search(r"<figcaption\b[^>]*>(.*?)</figcaption>", inner, re.S | re.I)
        found = _URL.search(re.sub(r"<figcaption\b.*?</figcaption>", "", inner, flags=re.S | re.I))
        url = html.unescape(found.group(0)) if found else ""
        player = video_embed(url) if url else None
        if player:
            if caption:
                player = player.replace(
                    "</figure>", f"<figcaption>{caption.group(1).strip()}</figcaption></figure>"
                )
            return f"\n\n{player}\n\n"
        if not url:
            self._note(m, _("an embed block without an address was left out"))
            return "\n\n"
        self._note(
            m,
            _("the embed of {url} became a plain link", url=url),
            _("only YouTube and Vimeo players are embedded; nothing else loads from another host"),
        )
        return _link(url)

    def bare(self, m: re.Match[str]) -> str:
        """A video address alone on its line (WordPress's automatic embed): a player, else as it was."""
        player = video_embed(html.unescape(m.group(1)))
        return player if player else m.group(0)


# the kinds rebuilt, in order: an earlier kind's match wins over a later one it overlaps
_MAKERS: tuple[tuple[re.Pattern[str], Callable[[_Expansion, re.Match[str]], str]], ...] = (
    (_BLOCK_EMBED, _Expansion.block_embed),
    (_CAPTION, _Expansion.caption),
    (_GALLERY, _Expansion.gallery),
    (_EMBED, _Expansion.embed),
    (_BARE_VIDEO, _Expansion.bare),
)


def _link(url: str) -> str:
    """A paragraph linking to ``url``: what an embed from a host the sites do not allow becomes."""
    return f'\n\n<p><a href="{html.escape(url)}">{html.escape(url)}</a></p>\n\n'


def _closing(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(1)) for m in re.finditer(r"\[/([a-z][a-z0-9_-]*)\]", text)]


def _picture(picture: Picture) -> str:
    image = f'<img src="{html.escape(picture.url)}" alt="{html.escape(picture.alt)}">'
    if picture.caption:
        return f"<figure>{image}<figcaption>{html.escape(picture.caption)}</figcaption></figure>"
    return f"<p>{image}</p>"
