"""A unit's favicon, home-screen icon and default share picture, derived from its own logo.

Browsers ask for ``/favicon.ico`` and ``/apple-touch-icon.png`` whatever a page
says, and a shared link shows a picture: with a raster logo (``logo:`` in
offices.yaml, a PNG, JPEG, WebP or GIF among the unit's files) each is made from
it with Pillow, so a reader sees the unit's own mark in a tab, on a home screen
and in a chat. Without one, or with an SVG logo (nothing installed rasterises
SVG), the theme's neutral files stay; an SVG logo is still the page's
``image/svg+xml`` icon, which current browsers prefer.

The same logo gives the same bytes every time: pictures are made from pixels
only (no metadata, no timestamps), so an unchanged site rebuilds byte for byte.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from PIL import Image, UnidentifiedImageError

FAVICON = "favicon.ico"
FAVICON_SIZES = (16, 32, 48)
TOUCH_ICON = "apple-touch-icon.png"  # at the root, where iOS looks for it
TOUCH_SIZE = 180
SHARE_SIZE = (1200, 630)  # what Facebook, X and WhatsApp show large
DEFAULT_BACKGROUND = "#0b3d6e"  # the default theme's masthead, where the logo sits on every page
THEME_TOUCH_ICON = "static/apple-touch-icon.png"
THEME_SHARE = "static/share.png"
RASTER = (".png", ".jpg", ".jpeg", ".webp", ".gif")
_VERSION = "1"  # bump when the drawing changes: the share picture's name changes with it


@dataclass(frozen=True)
class Icons:
    """Where a unit's pages find their icons and share picture, and the files derived for it."""

    touch_icon: str = THEME_TOUCH_ICON  # site paths, without the leading "/"
    share_image: str = THEME_SHARE
    files: dict[str, Callable[[], bytes]] = field(default_factory=dict)  # site path -> its bytes


def icons_for(logo: Path | None, background: str, own: set[str] | frozenset[str] = frozenset()) -> Icons:
    """The icons of a unit whose logo is ``logo`` (None: the theme's), drawn on ``background`` ("#rrggbb").

    A file the unit publishes itself under the same name (``own``) wins over a derived one.
    """
    if logo is None or logo.suffix.lower() not in RASTER or not _readable(logo):
        return Icons()
    data = logo.read_bytes()
    background = background or DEFAULT_BACKGROUND
    digest = hashlib.sha256(repr((_VERSION, background)).encode() + data).hexdigest()[:10]
    share = f"static/share.{digest}.png"  # a new logo, a new name: networks cache share pictures long
    files: dict[str, Callable[[], bytes]] = {}
    if FAVICON not in own:
        files[FAVICON] = lambda: favicon(data)
    if TOUCH_ICON not in own:
        files[TOUCH_ICON] = lambda: touch_icon(data, background)
    files[share] = lambda: share_image(data, background)
    touch = TOUCH_ICON if TOUCH_ICON in files or TOUCH_ICON in own else THEME_TOUCH_ICON
    return Icons(touch, share, files)


def _readable(path: Path) -> bool:
    """Whether Pillow can read the logo (a broken file keeps the theme's icons, never stops the build)."""
    try:
        _logo(path.read_bytes())
    except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError):
        return False
    return True


@cache
def _logo(data: bytes) -> Image.Image:
    """The logo's pixels as RGBA, nothing else of the file (no metadata travels on)."""
    with Image.open(io.BytesIO(data)) as image:
        image.seek(0)  # an animated GIF: its first frame
        rgba = image.convert("RGBA")
    clean = Image.frombytes("RGBA", rgba.size, rgba.tobytes())
    box = clean.getbbox()  # trim transparent margins, so the mark fills its square
    return clean.crop(box) if box else clean


def _fitted(logo: Image.Image, size: int) -> Image.Image:
    """The logo scaled to fit a ``size`` square, centred on transparency."""
    scale = size / max(logo.size)
    width, height = max(1, round(logo.width * scale)), max(1, round(logo.height * scale))
    square = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    square.alpha_composite(
        logo.resize((width, height), Image.Resampling.LANCZOS), ((size - width) // 2, (size - height) // 2)
    )
    return square


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)  # no text chunks, no time: the same pixels, the same bytes
    return out.getvalue()


def favicon(data: bytes) -> bytes:
    """``favicon.ico`` holding the logo at 16, 32 and 48 pixels, transparency kept."""
    largest = _fitted(_logo(data), max(FAVICON_SIZES))
    out = io.BytesIO()
    largest.save(out, "ICO", sizes=[(s, s) for s in FAVICON_SIZES])
    return out.getvalue()


def _on_background(data: bytes, size: tuple[int, int], mark: int, background: str) -> bytes:
    """The logo, ``mark`` pixels at its longest, centred on ``background``, opaque."""
    canvas = Image.new("RGBA", size, background)
    fitted = _fitted(_logo(data), mark)
    canvas.alpha_composite(fitted, ((size[0] - mark) // 2, (size[1] - mark) // 2))
    return _png(canvas.convert("RGB"))


def touch_icon(data: bytes, background: str) -> bytes:
    """A 180 × 180 home-screen icon: iOS fills transparency with black, so the logo sits on the unit's colour."""
    return _on_background(data, (TOUCH_SIZE, TOUCH_SIZE), 140, background)


def share_image(data: bytes, background: str) -> bytes:
    """The 1200 × 630 picture a shared link shows when its page has none: the logo centred on the unit's colour."""
    return _on_background(data, SHARE_SIZE, 420, background)
