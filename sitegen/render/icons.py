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

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from PIL import Image, UnidentifiedImageError

FAVICON = "favicon.ico"
FAVICON_SIZES = (16, 32, 48)
TOUCH_ICON = "static/apple-touch-icon.png"  # every page names it (<link rel="apple-touch-icon">)
TOUCH_SIZE = 180
SHARE_IMAGE = "static/share.png"  # og:image and twitter:image of a page without a picture of its own
SHARE_SIZE = (1200, 630)  # what Facebook, X and WhatsApp show large
DEFAULT_BACKGROUND = "#0b3d6e"  # the default theme's masthead, where the logo sits on every page
RASTER = (".png", ".jpg", ".jpeg", ".webp", ".gif")


@dataclass(frozen=True)
class Icons:
    """The files derived from a unit's logo, by the site path they take over from the theme."""

    files: dict[str, Callable[[], bytes]] = field(default_factory=dict)  # site path -> its bytes


def icons_for(logo: Path | None, background: str, own: set[str] | frozenset[str] = frozenset()) -> Icons:
    """The icons of a unit whose logo is ``logo`` (None: the theme's), drawn on ``background`` ("#rrggbb").

    They take the theme's addresses (``favicon.ico``, ``static/apple-touch-icon.png``,
    ``static/share.png``), so every page names the same files whatever the logo: a new
    logo changes those files' bytes, never a page. A file the unit publishes itself
    under one of these names (``own``) wins over the derived one.
    """
    if logo is None or logo.suffix.lower() not in RASTER or not _readable(logo):
        return Icons()
    data = logo.read_bytes()
    background = background or DEFAULT_BACKGROUND
    made: dict[str, Callable[[], bytes]] = {
        FAVICON: lambda: favicon(data),
        TOUCH_ICON: lambda: touch_icon(data, background),
        SHARE_IMAGE: lambda: share_image(data, background),
    }
    return Icons({path: make for path, make in made.items() if path not in own})


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
