"""Photos, made light: checked, turned upright, resized to a few widths, encoded the same way every time.

Editors upload what a phone takes: 4000 px wide, several megabytes, rotated by
an EXIF flag and carrying the place it was taken. Readers are on cheap phones
over slow connections. So every picture a page publishes is re-encoded at a
few widths (never wider than the original), upright, without EXIF, XMP or
comments (no GPS position leaves the office), keeping only its colour profile.

The output depends only on the picture's bytes and the settings below: encoder
settings are fixed and nothing of the file or the clock is copied, so two
clean builds give the same bytes. Resized bytes are kept in the persistent
cache by the picture's digest and width (:class:`Resizer`), so a warm build
does not resize again.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from .cache import Cache
from .hints import picture_too_large

WIDTHS = (480, 960)  # the smaller widths offered, in pixels
MAX_WIDTH = 1600  # the widest published: the original, narrowed to this
MAX_BYTES = 20 * 1024 * 1024  # a larger upload is a mistake (a scan, a raw file), not a news photo
MAX_PIXELS = 50_000_000  # decoding more would take a phone-sized build far too much memory
JPEG = {"quality": 82, "optimize": True, "progressive": True, "subsampling": "4:2:0"}
PNG = {"optimize": True}
WEBP = {"quality": 80, "method": 4}
FORMATS = {  # what a picture may be, with its media type and the extension it is published with
    "JPEG": ("image/jpeg", "jpg"),
    "PNG": ("image/png", "png"),
    "WEBP": ("image/webp", "webp"),
}
_UPRIGHT_SWAPS = {5, 6, 7, 8}  # EXIF orientations that turn a picture on its side
_KEPT = 32  # resized pictures kept in memory within one build (a shared picture is written per unit)


class ImageError(ValueError):
    """A picture that cannot be published, in the editor's words, with what to do."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.message, self.hint = message, hint


@dataclass(frozen=True)
class Original:
    """A picture as the editor gave it: where, which bytes, how large once upright."""

    path: Path
    digest: str  # SHA-256 of the file's bytes
    width: int
    height: int
    format: str  # a key of FORMATS

    @property
    def mime(self) -> str:
        return FORMATS[self.format][0]

    @property
    def ext(self) -> str:
        return FORMATS[self.format][1]

    def widths(self) -> tuple[int, ...]:
        """The widths published: the smaller standard ones, then the original capped; never wider."""
        top = min(self.width, MAX_WIDTH)
        return (*(w for w in WIDTHS if w < top), top)

    def height_at(self, width: int) -> int:
        return max(1, round(self.height * width / self.width))


def _inspect(data: bytes) -> tuple[int, int, str]:
    """Width and height once upright, and format; raises ImageError for anything not publishable."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            fmt = image.format or ""
            if fmt not in FORMATS:
                raise ImageError(
                    f"a {fmt or 'picture'} file cannot be published as a photo",
                    "save it as JPEG (photos) or PNG (drawings, screenshots)",
                )
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise ImageError(
                    f"the picture is {width}×{height} pixels; at most {MAX_PIXELS // 1_000_000} million",
                    "make it smaller in a photo editor (2000 pixels wide is plenty)",
                )
            image.load()  # a file cut short or damaged fails here, not in the middle of a build's output
            if image.getexif().get(0x0112) in _UPRIGHT_SWAPS:
                width, height = height, width
    except ImageError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageError("this file is not a picture", "use a JPEG or PNG file") from None
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ImageError(
            f"the picture cannot be read ({exc})", "open it in a photo editor and save it again"
        ) from None
    return width, height, fmt


def resize(data: bytes, width: int) -> bytes:
    """The picture upright, ``width`` pixels wide (never wider than it is), stripped and re-encoded."""
    image = Image.open(io.BytesIO(data))
    fmt = image.format
    image = ImageOps.exif_transpose(image)
    icc = image.info.get("icc_profile")
    if fmt == "JPEG" and image.mode not in ("RGB", "L"):
        image, icc = image.convert("RGB"), None  # a CMYK profile no longer describes RGB pixels
    elif fmt != "JPEG" and image.mode not in ("RGB", "RGBA", "L", "LA"):
        image, icc = image.convert("RGBA"), None
    if width < image.width:
        height = max(1, round(image.height * width / image.width))
        image = image.resize((width, height), Image.Resampling.LANCZOS)
    image.info = {}  # no EXIF, XMP, comment or time travels with the pixels
    options: dict = {"JPEG": JPEG, "PNG": PNG, "WEBP": WEBP}[fmt]
    out = io.BytesIO()
    image.save(out, fmt, **options, **({"icc_profile": icc} if icc else {}))
    return out.getvalue()


class Resizer:
    """Originals read and checked once per build; resized bytes from the persistent cache or made once."""

    def __init__(self, cache: Cache | None = None):
        self.cache = cache if cache is not None else Cache(None)
        self._originals: dict[Path, Original | ImageError] = {}
        self._sizes: dict[tuple[str, int], int] = {}
        self._kept: OrderedDict[tuple[str, int], bytes] = OrderedDict()

    def original(self, path: Path) -> Original:
        """The picture at ``path``, checked; raises ImageError (missing, too large, not a picture)."""
        known = self._originals.get(path)
        if known is None:
            try:
                known = self._read(path)
            except ImageError as exc:
                known = exc
            self._originals[path] = known
        if isinstance(known, ImageError):
            raise known
        return known

    def _read(self, path: Path) -> Original:
        try:
            size = path.stat().st_size
            if size > MAX_BYTES:
                raise ImageError(
                    picture_too_large(size, MAX_BYTES),
                    "make it smaller in a photo editor (2000 pixels wide is plenty)",
                )
            data = path.read_bytes()
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            raise ImageError("no such file", "check the file name, or put the picture there") from None
        except OSError as exc:
            raise ImageError(f"the picture cannot be read ({exc.strerror})", "check the file") from None
        digest = hashlib.sha256(data).hexdigest()
        known = self.cache.lookup("picture", digest)
        if known is None:
            known = _inspect(data)
            self.cache.put("picture", digest, known)
            self.cache.save()
        width, height, fmt = known
        return Original(path, digest, width, height, fmt)

    def data(self, original: Original, width: int) -> bytes:
        """The published bytes of ``original`` at ``width``."""
        key = (original.digest, width)
        data = self._kept.get(key)
        if data is None:
            data = self.cache.lookup("resized", f"{original.digest}:{width}")
            if not isinstance(data, bytes):
                source = original.path.read_bytes()
                data = resize(source, width)
                if hashlib.sha256(source).hexdigest() == original.digest:  # not replaced meanwhile
                    self.cache.put("resized", f"{original.digest}:{width}", data)
                    self.cache.save()
            self._kept[key] = data
            while len(self._kept) > _KEPT:
                self._kept.popitem(last=False)
        self._kept.move_to_end(key)
        self._sizes[key] = len(data)
        return data

    def length(self, original: Original, width: int) -> int:
        """The byte length of the published picture (a feed's enclosure says it)."""
        size = self._sizes.get((original.digest, width))
        return size if size is not None else len(self.data(original, width))
