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
import struct
import warnings
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from PIL import Image, ImageOps, UnidentifiedImageError

from sitegen.hints import picture_too_large
from sitegen.sources.cache import Cache

WIDTHS = (480, 960)  # the smaller widths offered, in pixels
MAX_WIDTH = 1600  # the widest published: the original, narrowed to this
MAX_BYTES = 20 * 1024 * 1024  # a larger upload is a mistake (a scan, a raw file), not a news photo
MAX_PIXELS = 50_000_000  # decoding more would take a phone-sized build far too much memory
JPEG: dict[str, Any] = {"quality": 82, "optimize": True, "progressive": True, "subsampling": "4:2:0"}
PNG: dict[str, Any] = {"optimize": True}
WEBP: dict[str, Any] = {"quality": 80, "method": 4}
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
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageError(
            f"the file declares a picture of more than {(Image.MAX_IMAGE_PIXELS or 0) // 1_000_000} million "
            "pixels, far beyond any photo: refused as a decompression bomb",
            "use the camera's own JPEG, or save the picture again at a normal size",
        ) from None
    except UnidentifiedImageError:
        raise ImageError("this file is not a picture", "use a JPEG or PNG file") from None
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ImageError(
            f"the picture cannot be read ({exc})", "open it in a photo editor and save it again"
        ) from None
    return width, height, fmt


def resize(data: bytes, width: int) -> bytes:
    """The picture upright, ``width`` pixels wide (never wider than it is), stripped and re-encoded."""
    opened = Image.open(io.BytesIO(data))
    fmt = opened.format or ""
    image = ImageOps.exif_transpose(opened)
    icc = image.info.get("icc_profile")
    displayable = _displayable(image, alpha=fmt != "JPEG")
    if displayable.mode != image.mode:
        icc = None  # a CMYK or 16-bit profile no longer describes the converted pixels
    image = displayable
    if width < image.width:
        height = max(1, round(image.height * width / image.width))
        image = image.resize((width, height), Image.Resampling.LANCZOS)
    image.info = {}  # no EXIF, XMP, comment or time travels with the pixels
    options = {"JPEG": JPEG, "PNG": PNG, "WEBP": WEBP}[fmt]
    out = io.BytesIO()
    image.save(out, fmt, **options, **({"icc_profile": icc} if icc else {}))
    return out.getvalue()


_EIGHT_BIT = ("L", "LA", "RGB", "RGBA")


def _displayable(image: Image.Image, alpha: bool) -> Image.Image:
    """The picture in a mode browsers show (L, LA, RGB, RGBA), its tones kept, whatever it came as.

    Pillow's plain ``convert`` clips wider samples to 255: a 16-bit greyscale scan
    (values up to 65535) would come out white. Deeper modes are scaled instead.
    """
    mode = image.mode
    if mode in ("I;16", "I;16L", "I;16B", "I;16N", "I", "F"):
        image = _to_eight_bit(image)
    elif mode == "1":
        image = image.convert("L")
    elif mode in ("P", "PA"):
        transparent = mode == "PA" or "transparency" in image.info
        image = image.convert("RGBA" if transparent else "RGB")
    elif mode == "La":
        image = image.convert("LA")
    elif mode == "RGBa":
        image = image.convert("RGBA")
    elif mode not in _EIGHT_BIT:
        image = image.convert("RGB")  # CMYK, YCbCr, LAB, HSV
    if not alpha and image.mode in ("LA", "RGBA"):
        image = image.convert(image.mode[0] if image.mode == "LA" else "RGB")
    return image


def _to_eight_bit(image: Image.Image) -> Image.Image:
    """A 16-bit, 32-bit or floating-point greyscale picture as 8-bit, scaled rather than clipped."""
    if image.mode.startswith("I;16"):
        image = image.convert("I")
        low, high = 0.0, 65535.0
    else:
        extrema = cast(tuple[float, float], image.getextrema())  # one band (I or F): lowest, highest
        low, high = (float(v) for v in extrema)
        if image.mode == "I" and low >= 0 and high <= 65535:
            low, high = 0.0, (255.0 if high <= 255 else 65535.0)  # the usual 8- or 16-bit range
        elif image.mode == "F" and low >= 0 and high <= 1:
            low, high = 0.0, 1.0  # light as a fraction
    if high <= low:
        high = low + 1
    scale = 255.0 / (high - low)
    floats = image.convert("F") if image.mode != "F" else image
    return floats.point(lambda v: (v - low) * scale).convert("L")


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


# --- originals published as they are (a unit's static/): camera data out, pixels untouched ---

ORIENTATION = 0x0112
_JPEG_KEPT_APP = {0xE0: (b"JFIF\x00", b"JFXX\x00"), 0xE2: (b"ICC_PROFILE\x00",), 0xEE: (b"Adobe",)}
_PNG_KEPT = {b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"sBIT"}
_PNG_KEPT |= {b"pHYs", b"cICP", b"acTL", b"fcTL", b"fdAT", b"bKGD"}
_WEBP_DROPPED = {b"EXIF", b"XMP "}
_NOT_PICTURE = ImageError(
    "the file is not the picture its name says", "open it in a photo editor and save it again"
)


def strip_metadata(data: bytes) -> bytes:
    """The picture without EXIF, XMP, IPTC, comments or times: its compressed pixels untouched.

    Lossless: segments are dropped, nothing is decoded or encoded again. Only the
    orientation survives (a minimal EXIF block holding it alone), so the photo
    shows upright exactly as before. The same input always gives the same bytes.
    """
    if data.startswith(b"\xff\xd8"):
        return _strip_jpeg(data)
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return _strip_png(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _strip_webp(data)
    raise _NOT_PICTURE


def _orientation(exif: bytes) -> int:
    """The EXIF orientation in ``exif`` (with or without its "Exif" header); 1 when absent or unreadable."""
    try:
        info = Image.Exif()
        info.load(exif)
        value = info.get(ORIENTATION, 1)
    except Exception:  # a damaged block: it is dropped anyway
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _orientation_only(orientation: int) -> bytes:
    """A minimal EXIF block ("Exif\\0\\0" + TIFF) holding the orientation and nothing else."""
    info = Image.Exif()
    info[ORIENTATION] = orientation
    return info.tobytes()


def _strip_jpeg(data: bytes) -> bytes:
    out = [b"\xff\xd8"]
    orientation = 1
    at = 2
    try:
        while at < len(data):
            if data[at] != 0xFF:
                raise _NOT_PICTURE
            marker = data[at + 1]
            if marker == 0xFF:  # fill byte
                at += 1
                continue
            if marker == 0xD9:  # end of image: anything after it (a second picture, a thumbnail) goes
                out.append(b"\xff\xd9")
                break
            if 0xD0 <= marker <= 0xD7 or marker == 0x01:
                out.append(data[at : at + 2])
                at += 2
                continue
            (length,) = struct.unpack(">H", data[at + 2 : at + 4])
            segment = data[at : at + 2 + length]
            body = segment[4:]
            at += 2 + length
            if marker == 0xE1 and body.startswith(b"Exif\x00\x00"):
                orientation = max(orientation, _orientation(body))
                continue
            if 0xE0 <= marker <= 0xEF and not body.startswith(_JPEG_KEPT_APP.get(marker, (b"\x00" * 64,))):
                continue  # XMP, IPTC (APP13), maker notes, multi-picture data
            if marker == 0xFE:  # comment
                continue
            out.append(segment)
            if marker == 0xDA:  # start of scan: entropy-coded data runs to the next real marker
                end = at
                while True:
                    end = data.index(b"\xff", end)
                    following = data[end + 1]
                    if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
                        end += 1 if following == 0xFF else 2
                        continue
                    break
                out.append(data[at:end])
                at = end
    except (IndexError, ValueError, struct.error):
        raise _NOT_PICTURE from None
    if orientation != 1:
        exif = _orientation_only(orientation)
        after_jfif = 2 if len(out) > 1 and out[1][:2] == b"\xff\xe0" else 1
        out.insert(after_jfif, b"\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif)
    return b"".join(out)


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _strip_png(data: bytes) -> bytes:
    out = [data[:8]]
    orientation = 1
    at = 8
    try:
        while at < len(data):
            (length,) = struct.unpack(">I", data[at : at + 4])
            kind = data[at + 4 : at + 8]
            chunk = data[at : at + 12 + length]
            at += 12 + length
            if kind == b"eXIf":
                orientation = max(orientation, _orientation(chunk[8:-4]))
            elif kind in _PNG_KEPT:
                out.append(chunk)
            if kind == b"IEND":
                break
    except struct.error:
        raise _NOT_PICTURE from None
    if orientation != 1:
        out.insert(2, _png_chunk(b"eXIf", _orientation_only(orientation)[6:]))
    return b"".join(out)


def _strip_webp(data: bytes) -> bytes:
    chunks: list[tuple[bytes, bytearray]] = []
    orientation = 1
    at = 12
    end = min(len(data), 8 + struct.unpack("<I", data[4:8])[0])
    try:
        while at + 8 <= end:
            kind = data[at : at + 4]
            (length,) = struct.unpack("<I", data[at + 4 : at + 8])
            body = data[at + 8 : at + 8 + length]
            at += 8 + length + (length & 1)
            if kind == b"EXIF":
                orientation = max(orientation, _orientation(body))
            elif kind not in _WEBP_DROPPED:
                chunks.append((kind, bytearray(body)))
    except struct.error:
        raise _NOT_PICTURE from None
    for chunk in chunks:
        if chunk[0] == b"VP8X":
            chunk[1][0] &= ~0x0C & 0xFF  # no EXIF, no XMP
            if orientation != 1:
                chunk[1][0] |= 0x08
    if orientation != 1 and any(c[0] == b"VP8X" for c in chunks):
        chunks.append((b"EXIF", bytearray(_orientation_only(orientation)[6:])))
    body = b"".join(
        kind + struct.pack("<I", len(payload)) + bytes(payload) + (b"\x00" if len(payload) & 1 else b"")
        for kind, payload in chunks
    )
    return b"RIFF" + struct.pack("<I", len(body) + 4) + b"WEBP" + body


def has_location(data: bytes) -> bool:
    """Whether a picture file records where it was taken (EXIF GPS or XMP location)."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            gps = image.getexif().get_ifd(0x8825)
            if gps and any(key in gps for key in (1, 2, 3, 4)):
                return True
    except Exception:  # not a picture Pillow reads: the build names it where it is used
        return False
    return b"exif:GPSLatitude" in data or b"GPSLatitude" in data
