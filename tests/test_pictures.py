"""Photos with news: resized to a few widths, described, light to load, and the item's face in feeds and previews."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import feedparser
import pytest
from click.testing import CliRunner
from PIL import Image

from sitegen.cli import main
from sitegen.sources import photos as images
from sitegen.sources.sanitize import clean

from .helpers import broken_links, tree

NOW = "2026-11-24T12:00:00+07:00"
ATOM = "{http://www.w3.org/2005/Atom}"
BUNDLE = "content/offices/alpha/berita/2026-11-01-pameran"
NEWS = "---\ntitle: Pameran Paspor\ndate: 2026-11-01 09:00\n{extra}---\nTeks pembuka.\n\n{body}\n"
VARIANT = re.compile(r"^foto-(\d+)\.[0-9a-f]{10}\.jpg$")


def photo(path: Path, size: tuple[int, int], fmt: str = "JPEG", colour=(180, 90, 40), **save) -> Path:
    """A small generated picture (no real photo is shipped or needed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", size, colour)
    for x in range(0, size[0], 7):  # some detail, so encoders have work and sizes differ
        image.putpixel((x, (x * 3) % size[1]), (10, 200, 30))
    image.save(path, fmt, **save)
    return path


def news(project, body: str = "![Petugas melayani pemohon](foto.jpg)", extra: str = "", size=(2400, 1600)):
    """A bundled news item with a photo beside it."""
    if size:
        photo(project.root / BUNDLE / "foto.jpg", size)
    project.write(f"{BUNDLE}/index.md", NEWS.format(extra=extra, body=body))


def run(project, command: str = "build", *args: str):
    return CliRunner().invoke(main, [command, "--root", str(project.root), "--now", NOW, *args])


def built(project, *args: str):
    result = run(project, "build", *args)
    assert result.exit_code == 0, result.output
    return result


def article(project) -> str:
    return (project.out / "alpha/berita/pameran/index.html").read_text(encoding="utf-8")


def published_widths(project) -> dict[int, tuple[int, int]]:
    """Width in the name -> the pixel size of each published picture of the item."""
    found = {}
    for path in (project.out / "alpha/berita/pameran").iterdir():
        match = VARIANT.match(path.name)
        if match:
            with Image.open(path) as image:
                found[int(match.group(1))] = image.size
    return found


def img_tags(html: str) -> list[str]:
    return re.findall(r"<img\b[^>]*>", html)


@pytest.mark.parametrize(
    ("size", "widths"),
    [
        ((2400, 1600), {480: (480, 320), 960: (960, 640), 1600: (1600, 1067)}),
        ((700, 350), {480: (480, 240), 700: (700, 350)}),
        ((300, 200), {300: (300, 200)}),
    ],
)
def test_a_photo_is_published_at_a_few_widths_capped_and_never_enlarged(project, size, widths):
    news(project, size=size)
    built(project)
    assert published_widths(project) == widths


def test_the_page_offers_every_width_with_its_size_and_loads_it_lazily(project):
    news(project, body='![Petugas "loket" & pemohon](foto.jpg "Loket paspor")')
    built(project)
    [tag] = [t for t in img_tags(article(project)) if "foto-" in t]
    srcset = re.search(r'srcset="([^"]*)"', tag).group(1)
    assert [c.split(" ")[1] for c in srcset.split(", ")] == ["480w", "960w", "1600w"]
    assert all(VARIANT.match(c.split(" ")[0]) for c in srcset.split(", "))  # relative, beside the page
    assert 'width="1600" height="1067"' in tag
    assert 'sizes="' in tag and 'loading="lazy"' in tag and 'decoding="async"' in tag
    assert 'alt="Petugas &quot;loket&quot; &amp; pemohon"' in tag and 'title="Loket paspor"' in tag
    assert broken_links(project.out / "alpha") == []


def test_a_photo_without_a_description_fails_the_build_naming_file_and_line(project):
    news(project, body="Paragraf.\n\n![](foto.jpg)")
    result = run(project)
    assert result.exit_code == 1
    assert (
        f"{BUNDLE}/index.md:9: picture foto.jpg has no description for readers who cannot see it "
        "(add a description in the brackets: ![Petugas melayani pemohon](foto.jpg))"
    ) in result.output
    assert not (project.out / "alpha").exists()


def test_an_html_picture_with_an_empty_alt_is_refused_too_and_check_reports_it(project):
    news(project, body='<figure><img src="foto.jpg" alt=" "><figcaption>Loket</figcaption></figure>')
    result = run(project, "check")
    assert result.exit_code == 1
    assert f"{BUNDLE}/index.md:7: picture foto.jpg has no description" in result.output
    assert '<img alt="Petugas melayani pemohon" src="foto.jpg">' in result.output


def test_a_missing_picture_is_named_with_file_and_line(project):
    news(project, body="![Petugas melayani pemohon](Foto.JPG)")
    result = run(project)
    assert result.exit_code == 1
    assert f"{BUNDLE}/index.md:7: picture Foto.JPG not found: there is no {BUNDLE}/Foto.JPG" in result.output


def test_a_missing_picture_without_a_description_is_reported_for_both_in_one_run(project):
    news(project, body="![](Foto.JPG)")
    result = run(project, "check")
    assert result.exit_code == 1
    assert f"{BUNDLE}/index.md:7: picture Foto.JPG has no description" in result.output
    assert f"{BUNDLE}/index.md:7: picture Foto.JPG not found: there is no {BUNDLE}/Foto.JPG" in result.output


def test_a_file_that_is_no_picture_or_too_large_is_named_with_file_and_line(project, monkeypatch):
    news(project, size=None)
    (project.root / BUNDLE / "foto.jpg").write_text("bukan gambar", encoding="utf-8")
    result = run(project)
    assert result.exit_code == 1
    assert f"{BUNDLE}/index.md:7: picture foto.jpg: this file is not a picture (use a JPEG or PNG file)" in (
        result.output
    )
    photo(project.root / BUNDLE / "foto.jpg", (800, 600))
    monkeypatch.setattr(images, "MAX_BYTES", 1000)
    result = run(project)
    assert result.exit_code == 1
    assert (
        f"{BUNDLE}/index.md:7: picture foto.jpg: the picture is too large: 0 MB; at most 0 MB"
        in result.output
    )


def test_a_picture_may_not_reach_outside_the_pages_folder(project):
    news(project, body="![Petugas melayani pemohon](../../../../../offices.yaml)")
    result = run(project)
    assert result.exit_code == 1
    assert f"{BUNDLE}/index.md:7: picture ../../../../../offices.yaml lies outside the page's folder" in (
        result.output
    )


def test_the_items_photo_is_the_feed_enclosure_with_the_published_files_length_and_type(project):
    news(project)
    built(project)
    largest = next(
        p for p in (project.out / "alpha/berita/pameran").iterdir() if p.name.startswith("foto-1600")
    )
    url = f"https://alpha.example.go.id/berita/pameran/{largest.name}"
    rss = ET.parse(project.out / "alpha/berita/rss.xml").getroot()
    item = next(i for i in rss.iter("item") if i.findtext("title") == "Pameran Paspor")
    enclosure = item.find("enclosure")
    assert enclosure.attrib == {"url": url, "length": str(largest.stat().st_size), "type": "image/jpeg"}
    media = item.find("{http://search.yahoo.com/mrss/}content")
    assert (media.get("url"), media.get("width"), media.get("height")) == (url, "1600", "1067")
    atom = ET.parse(project.out / "alpha/atom.xml").getroot()
    entry = next(e for e in atom.iter(f"{ATOM}entry") if e.findtext(f"{ATOM}title") == "Pameran Paspor")
    [link] = [link for link in entry.findall(f"{ATOM}link") if link.get("rel") == "enclosure"]
    assert (link.get("href"), link.get("length"), link.get("type")) == (
        url,
        str(largest.stat().st_size),
        "image/jpeg",
    )
    for rel in ("alpha/berita/rss.xml", "alpha/atom.xml"):
        assert not feedparser.parse((project.out / rel).read_bytes()).bozo
    feed = json.loads((project.out / "alpha/feed.json").read_text(encoding="utf-8"))
    assert next(i for i in feed["items"] if i["title"] == "Pameran Paspor")["image"] == url
    content = next(i for i in feed["items"] if i["title"] == "Pameran Paspor")["content_html"]
    assert f'src="{url}"' in content and "https://alpha.example.go.id/berita/pameran/foto-480." in content


def test_the_preview_card_and_json_ld_show_the_photo_at_an_absolute_address_with_size_and_alt(project):
    news(project)
    built(project)
    page = article(project)
    meta = dict(re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)"', page))
    assert re.fullmatch(
        r"https://alpha\.example\.go\.id/berita/pameran/foto-1600\.[0-9a-f]{10}\.jpg", meta["og:image"]
    )
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1600", "1067")
    assert meta["og:image:alt"] == meta["twitter:image:alt"] == "Petugas melayani pemohon"
    assert meta["twitter:card"] == "summary_large_image" and meta["twitter:image"] == meta["og:image"]
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    article_ld = next(json.loads(b) for b in blocks if '"NewsArticle"' in b)
    assert article_ld["image"] == {
        "@type": "ImageObject",
        "url": meta["og:image"],
        "width": 1600,
        "height": 1067,
    }


def test_the_front_matter_image_leads_the_article_and_needs_image_alt(project):
    photo(project.root / BUNDLE / "sampul.png", (1200, 600), "PNG")
    news(project, extra="image: sampul.png\nimage_alt: Gedung kantor dari depan\n")
    built(project)
    page = article(project)
    lead = next(t for t in img_tags(page) if 'class="lead"' in t)
    assert "sampul-1200." in lead and 'alt="Gedung kantor dari depan"' in lead
    assert 'loading="lazy"' not in lead  # the first thing on the page loads at once
    assert 'og:image" content="https://alpha.example.go.id/berita/pameran/sampul-1200.' in page
    assert sorted(published_widths(project)) == [480, 960, 1600]  # the body's photo too
    news(project, extra="image: sampul.png\n")
    result = run(project)
    assert result.exit_code == 1
    assert f"{BUNDLE}/index.md:4: picture sampul.png has no description" in result.output
    assert "add a line image_alt: Petugas melayani pemohon" in result.output


def test_static_pictures_come_from_the_unit_then_the_shared_folder(project):
    photo(project.root / "content/offices/alpha/static/img/foto.jpg", (600, 400))
    photo(project.root / "content/shared/static/img/foto.jpg", (500, 400), colour=(0, 0, 200))
    photo(project.root / "content/shared/static/img/logo-bersama.png", (300, 300), "PNG")
    project.write(
        "content/shared/layanan/galeri.md",
        "---\ntitle: Galeri\n---\n![Loket pelayanan](/img/foto.jpg)\n\n![Logo bersama](/img/logo-bersama.png)\n",
    )
    built(project)
    alpha = sorted(p.name for p in (project.out / "alpha/img").iterdir())
    bravo = sorted(p.name for p in (project.out / "bravo/img").iterdir())
    assert "foto.jpg" in alpha  # the unit's own file, copied as it is, as before
    assert [n for n in alpha if n.startswith("foto-")] == [
        n for n in alpha if re.fullmatch(r"foto-(480|600)\.[0-9a-f]{10}\.jpg", n)
    ]
    assert len([n for n in bravo if n.startswith("foto-")]) == 2  # 480 and 500: the shared one
    assert {n.split(".")[1] for n in alpha if n.startswith("foto-")} != {
        n.split(".")[1] for n in bravo if n.startswith("foto-")
    }
    assert any(n.startswith("logo-bersama-300.") for n in bravo)
    assert "foto.jpg" not in bravo  # shared pictures are published resized only
    for unit in ("alpha", "bravo"):
        assert broken_links(project.out / unit) == []


def test_published_pictures_carry_no_camera_data_and_stand_upright(project):
    exif = Image.Exif()
    exif[0x0112] = 6  # taken with the phone on its side
    exif[0x010F] = "Kamera Uji"
    exif[0x8825] = {1: "N", 2: (0.0, 1.0, 2.0)}  # a GPS position
    photo(project.root / BUNDLE / "foto.jpg", (800, 400), exif=exif.tobytes(), comment=b"catatan")
    news(project, size=None)
    built(project)
    assert published_widths(project) == {400: (400, 800)}
    [path] = [p for p in (project.out / "alpha/berita/pameran").iterdir() if VARIANT.match(p.name)]
    with Image.open(path) as image:
        assert not image.getexif() and "comment" not in image.info and "exif" not in image.info


def test_two_clean_builds_give_the_same_bytes_with_or_without_the_cache(project, tmp_path):
    news(project)
    photo(project.root / BUNDLE / "kedua.png", (1000, 500), "PNG")
    project.write(f"{BUNDLE}/index.md", NEWS.format(extra="", body="![Satu](foto.jpg)\n\n![Dua](kedua.png)"))
    built(project, "--out", str(tmp_path / "a"), "--no-cache")
    built(project, "--out", str(tmp_path / "b"))
    built(project, "--out", str(tmp_path / "c"))  # resized pictures from the cache
    assert tree(tmp_path / "a") == tree(tmp_path / "b") == tree(tmp_path / "c")


def test_a_warm_build_does_not_resize_again(project, tmp_path, monkeypatch):
    news(project)
    built(project, "--out", str(tmp_path / "first"))

    def refuse(data: bytes, width: int) -> bytes:
        raise AssertionError("resized again")

    monkeypatch.setattr(images, "resize", refuse)
    built(project, "--out", str(tmp_path / "second"))  # every unit rendered anew, pictures from the cache
    assert tree(tmp_path / "first") == tree(tmp_path / "second")


def test_replacing_a_photo_updates_its_files_pages_and_feeds_like_a_clean_build(project, tmp_path):
    news(project)
    built(project)
    before = set(published_widths(project))
    old_names = {p.name for p in (project.out / "alpha/berita/pameran").iterdir()}
    photo(project.root / BUNDLE / "foto.jpg", (1000, 800), colour=(20, 20, 160))
    built(project)
    new_names = {p.name for p in (project.out / "alpha/berita/pameran").iterdir()}
    assert before == {480, 960, 1600} and set(published_widths(project)) == {480, 960, 1000}
    assert not (old_names - {"index.html"}) & new_names  # the old files are gone, new names
    built(project, "--out", str(tmp_path / "clean"), "--no-cache")
    assert tree(project.out) == tree(tmp_path / "clean")


def test_the_sanitizer_keeps_the_picture_attributes_sitegen_writes_and_nothing_more():
    written = (
        '<img src="a.jpg" srcset="a.jpg 480w, b.jpg 960w" sizes="100vw" width="960" height="640" '
        'alt="Loket" loading="lazy" decoding="async" fetchpriority="high" onload="x()" style="border:0">'
    )
    kept = dict(re.findall(r'(\w+)="([^"]*)"', clean(written)))
    assert set(kept) == {"src", "srcset", "sizes", "width", "height", "alt", "loading", "decoding"}
    assert "srcset" not in clean('<img src="a.jpg" alt="x" srcset="a.jpg 1x, javascript:alert(1) 2x">')


def test_resizing_is_deterministic_and_keeps_the_format():
    buffer = io.BytesIO()
    Image.new("RGBA", (900, 300), (1, 2, 3, 128)).save(buffer, "PNG")
    once = images.resize(buffer.getvalue(), 480)
    assert once == images.resize(buffer.getvalue(), 480)
    with Image.open(io.BytesIO(once)) as image:
        assert (image.format, image.size, image.mode) == ("PNG", (480, 160), "RGBA")


def test_a_bundles_translation_is_published_and_shows_the_same_picture_files(project):
    project.write(
        "offices.yaml",
        project.read("offices.yaml").replace(
            "    services: [paspor, izin-tinggal, plb]",
            "    languages: [id, en]\n    services: [paspor, izin-tinggal, plb]",
        ),
    )
    folder = "content/shared/layanan/wna/kitas"
    photo(project.root / folder / "loket.jpg", (640, 480))
    project.write(f"{folder}/index.md", "---\ntitle: KITAS\n---\n![Loket layanan izin tinggal](loket.jpg)\n")
    project.write(f"{folder}/index.en.md", "---\ntitle: KITAS\n---\n![The stay permit counter](loket.jpg)\n")
    result = built(project)
    assert "page bundle" not in result.output  # the translation belongs to the bundle
    indonesian = (project.out / "alpha/layanan/wna/kitas/index.html").read_text(encoding="utf-8")
    english = (project.out / "alpha/en/layanan/wna/kitas/index.html").read_text(encoding="utf-8")
    pictured = [
        re.search(r'<img src="([^"]+)"[^>]*alt="([^"]+)"', page).groups() for page in (indonesian, english)
    ]
    assert pictured[0][1] == "Loket layanan izin tinggal" and pictured[1][1] == "The stay permit counter"
    assert pictured[0][0].split("/")[-1] == pictured[1][0].split("/")[-1]
    assert pictured[1][0].startswith("../../../../layanan/wna/kitas/loket-640.")
    assert broken_links(project.out / "alpha") == []


# --- every mode a picture file may come in, published as browsers show it, its tones kept ---


def _gradient(mode: str, top: float) -> Image.Image:
    """Eight pixels from 0 to ``top`` (a mode's full range), left to right, in ``mode``."""
    values = [top * i / 7 for i in range(8)]
    if mode in ("I;16", "I", "F"):
        image = Image.new("F", (8, 1))
        image.putdata(values)
        return image if mode == "F" else image.convert("I").convert(mode)  # F to I;16 directly clips
    image = Image.new("L", (8, 1))
    image.putdata([round(v) for v in values])
    return image.convert(mode)


def _greys(data: bytes) -> list[int]:
    with Image.open(io.BytesIO(data)) as image:
        return [image.convert("L").getpixel((x, 0)) for x in range(image.width)]


GREY_SOURCES = {  # mode -> (file format it is saved in, full-scale value)
    "1": ("PNG", 255),
    "L": ("PNG", 255),
    "LA": ("PNG", 255),
    "P": ("PNG", 255),
    "RGB": ("PNG", 255),
    "RGBA": ("PNG", 255),
    "CMYK": ("JPEG", 255),
    "I;16": ("PNG", 65535),
    "YCbCr": ("JPEG", 255),
}


@pytest.mark.parametrize("mode", list(GREY_SOURCES))
def test_a_picture_of_any_mode_comes_out_with_its_tones_not_blank(mode):
    fmt, top = GREY_SOURCES[mode]
    source = _gradient(mode, top)
    out = io.BytesIO()
    source.save(out, fmt, **({"quality": 95} if fmt == "JPEG" else {}))
    with Image.open(io.BytesIO(out.getvalue())) as opened:
        assert opened.mode == mode or (mode, opened.mode) == ("YCbCr", "RGB")  # JPEG opens it as RGB
    published = images.resize(out.getvalue(), 8)
    with Image.open(io.BytesIO(published)) as image:
        assert image.mode in ("L", "LA", "RGB", "RGBA")
        assert image.format == fmt
    greys = _greys(published)
    if mode == "1":  # two tones only: black on the left, white on the right
        assert greys[0] == 0 and greys[-1] == 255
    else:
        assert greys == sorted(greys), greys  # the gradient survives, left dark to right light
        assert greys[0] <= 12 and greys[-1] >= 243, greys
        assert len(set(greys)) >= 6, greys  # not flattened to a few values (nor all white)


def test_sixteen_bit_grey_values_are_scaled_not_clipped():
    image = Image.new("I;16", (4, 1))
    image.putdata([262, 1000, 30000, 65535])  # every one of these used to come out white
    out = io.BytesIO()
    image.save(out, "PNG")
    assert _greys(images.resize(out.getvalue(), 4)) == [1, 3, 116, 255]


@pytest.mark.parametrize("mode", ["PA", "I", "F"])
def test_modes_no_published_format_stores_are_converted_in_memory_with_their_tones(mode):
    """PA, I (32-bit) and F cannot be saved as PNG or JPEG, but a decoder may hand them over."""
    top = {"PA": 255, "I": 65535, "F": 1.0}[mode]
    shown = images._displayable(_gradient(mode, top), alpha=True)
    assert shown.mode in ("L", "LA", "RGBA")
    greys = [shown.convert("L").getpixel((x, 0)) for x in range(8)]
    assert greys == sorted(greys) and greys[0] <= 12 and greys[-1] >= 243, greys


@pytest.mark.parametrize("mode", ["I", "F"])
def test_values_beyond_sixteen_bits_are_scaled_by_their_range(mode):
    wide = _gradient(mode, 1.0 if mode == "F" else 1_000_000)
    shown = images._displayable(wide, alpha=True)
    assert shown.mode == "L"
    values = [shown.getpixel((x, 0)) for x in range(8)]
    assert values[0] == 0 and values[-1] == 255 and values == sorted(values)


@pytest.mark.parametrize("mode", ["LA", "RGBA", "PA"])
def test_transparency_is_kept_where_the_format_holds_it_and_flattened_for_jpeg(mode):
    source = _gradient("L", 255).convert(mode)
    assert images._displayable(source, alpha=True).mode in ("LA", "RGBA")
    assert images._displayable(source, alpha=False).mode in ("L", "RGB")


def test_stripping_keeps_pixels_and_orientation_and_gives_the_same_bytes_every_time():
    exif = Image.Exif()
    exif[0x0112] = 8
    exif[0x8298] = "Hak cipta fotografer"
    gps = exif.get_ifd(0x8825)
    gps.update({1: "S", 2: (0.0, 2.0, 3.0)})
    for fmt in ("JPEG", "PNG", "WEBP"):
        out = io.BytesIO()
        Image.new("RGB", (30, 20), (10, 120, 200)).save(out, fmt, exif=exif)
        original = out.getvalue()
        stripped = images.strip_metadata(original)
        assert images.has_location(original) and not images.has_location(stripped)
        assert b"Hak cipta" not in stripped
        assert images.strip_metadata(original) == stripped  # deterministic
        with Image.open(io.BytesIO(stripped)) as clean, Image.open(io.BytesIO(original)) as raw:
            assert dict(clean.getexif()) == {0x0112: 8}
            assert clean.tobytes() == raw.tobytes()  # not re-encoded: the very same pixels


def test_stripping_drops_what_follows_the_picture_and_refuses_a_file_of_another_kind():
    out = io.BytesIO()
    Image.new("RGB", (8, 8)).save(out, "JPEG", comment=b"lokasi kantor")
    tail = b"\xff\xd8\xff\xe1hidden second picture with GPS"
    stripped = images.strip_metadata(out.getvalue() + tail)
    assert stripped.endswith(b"\xff\xd9") and b"hidden" not in stripped and b"lokasi" not in stripped
    with pytest.raises(images.ImageError, match="not the picture its name says"):
        images.strip_metadata(b"GIF89a....")
