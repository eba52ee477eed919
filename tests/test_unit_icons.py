"""A unit's favicon, home-screen icon and default share picture come from its own logo."""

from __future__ import annotations

import io
import re
import shutil

from click.testing import CliRunner
from PIL import Image

from sitegen.cli import main

from .conftest import REPO
from .helpers import tree

NOW = "2026-11-24T12:00:00+07:00"
ALPHA_SERVICES = "    services: [paspor, izin-tinggal, plb]\n"
RED = (200, 16, 46, 255)
THEME_SHARE = (REPO / "themes/default/static/share.png").read_bytes()
THEME_TOUCH = (REPO / "themes/default/static/apple-touch-icon.png").read_bytes()


def build(project, out=None) -> None:
    args = ["build", "--root", str(project.root), "--now", NOW]
    if out is not None:
        args += ["--out", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output


def with_logo(project, name: str = "logo.png", accent: str = "#0b5d3e") -> None:
    """Alpha's logo: a red mark 60 × 40 on a transparent margin, and its colour."""
    logo = Image.new("RGBA", (80, 60), (0, 0, 0, 0))
    logo.paste(Image.new("RGBA", (60, 40), RED), (10, 10))
    path = project.root / f"content/offices/alpha/static/static/{name}"
    path.parent.mkdir(parents=True, exist_ok=True)
    logo.save(path)
    text = project.read("offices.yaml").replace(
        ALPHA_SERVICES, ALPHA_SERVICES + f"    logo: /static/{name}\n    accent: '{accent}'\n"
    )
    project.write("offices.yaml", text)


def home(project, unit: str = "alpha") -> str:
    return (project.out / unit / "index.html").read_text(encoding="utf-8")


def share_url(html: str) -> str:
    return re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)


def test_a_png_logo_gives_a_favicon_with_its_three_sizes(project):
    with_logo(project)
    build(project)
    data = (project.out / "alpha/favicon.ico").read_bytes()
    assert data != (REPO / "themes/default/static/favicon.ico").read_bytes()
    with Image.open(io.BytesIO(data)) as icon:
        assert icon.format == "ICO"
        assert sorted(icon.info["sizes"]) == [(16, 16), (32, 32), (48, 48)]
        icon.size = (48, 48)
        pixels = icon.convert("RGBA")
        assert pixels.getpixel((24, 24)) == RED  # the logo's mark, its transparent margin trimmed
        assert pixels.getpixel((24, 2))[3] == 0  # transparency kept above and below the wide mark


def test_a_png_logo_gives_a_home_screen_icon_on_the_units_colour(project):
    with_logo(project)
    build(project)
    assert (project.out / "alpha/static/apple-touch-icon.png").read_bytes() != THEME_TOUCH
    with Image.open(project.out / "alpha/static/apple-touch-icon.png") as icon:
        assert icon.size == (180, 180)
        assert icon.mode == "RGB"  # opaque: iOS would fill transparency with black
        assert icon.getpixel((2, 2)) == (0x0B, 0x5D, 0x3E)
        assert icon.getpixel((90, 90)) == RED[:3]
    assert '<link rel="apple-touch-icon" href="static/apple-touch-icon.png">' in home(project)


def test_a_png_logo_gives_the_share_picture_of_pages_without_their_own(project):
    with_logo(project)
    build(project)
    url = share_url(home(project))
    assert url == "https://alpha.example.go.id/static/share.png"  # absolute, as networks need
    assert (project.out / "alpha/static/share.png").read_bytes() != THEME_SHARE
    twitter = re.search(r'<meta name="twitter:image" content="([^"]+)">', home(project)).group(1)
    assert twitter == url
    with Image.open(project.out / "alpha" / url.removeprefix("https://alpha.example.go.id/")) as share:
        assert share.size == (1200, 630)
        assert share.getpixel((5, 5)) == (0x0B, 0x5D, 0x3E)  # the unit's colour
        assert share.getpixel((600, 315)) == RED[:3]  # the logo, centred
    # a page with a picture of its own keeps it
    project.write(
        "content/offices/alpha/berita/2026-10-01-sosialisasi.md",
        "---\ntitle: Sosialisasi Paspor\ndate: 2026-10-01 09:30\nauthor: Humas Alpha\ncategory: Kegiatan\n"
        "tags: [paspor, sosialisasi]\nimage: /static/logo.png\nimage_alt: Logo\n---\nIsi berita.\n",
    )
    build(project)
    article = (project.out / "alpha/berita/sosialisasi/index.html").read_text(encoding="utf-8")
    assert not share_url(article).endswith("/static/share.png")


def test_a_unit_without_a_logo_keeps_the_themes_neutral_icons(project):
    with_logo(project)
    build(project)
    bravo = home(project, "bravo")
    assert (project.out / "bravo/favicon.ico").read_bytes() == (
        REPO / "themes/default/static/favicon.ico"
    ).read_bytes()
    assert share_url(bravo) == "https://bravo.example.go.id/static/share.png"
    assert (project.out / "bravo/static/share.png").read_bytes() == THEME_SHARE
    assert (project.out / "bravo/static/apple-touch-icon.png").read_bytes() == THEME_TOUCH


def test_an_svg_logo_is_the_svg_icon_and_keeps_the_raster_defaults(project):
    (project.root / "content/offices/alpha/static/static").mkdir(parents=True)
    (project.root / "content/offices/alpha/static/static/lambang.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>'
    )
    text = project.read("offices.yaml").replace(
        ALPHA_SERVICES, ALPHA_SERVICES + "    logo: /static/lambang.svg\n"
    )
    project.write("offices.yaml", text)
    build(project)
    page = home(project)
    assert '<link rel="icon" href="static/lambang.svg" type="image/svg+xml">' in page
    assert (project.out / "alpha/favicon.ico").read_bytes() == (
        REPO / "themes/default/static/favicon.ico"
    ).read_bytes()
    assert (project.out / "alpha/static/share.png").read_bytes() == THEME_SHARE
    assert (project.out / "alpha/static/apple-touch-icon.png").read_bytes() == THEME_TOUCH


def test_the_units_own_favicon_wins_over_the_derived_one(project):
    with_logo(project)
    (project.root / "content/offices/alpha/static/favicon.ico").write_bytes(
        (REPO / "themes/default/static/favicon.ico").read_bytes()
    )
    build(project)
    assert (project.out / "alpha/favicon.ico").read_bytes() == (
        REPO / "themes/default/static/favicon.ico"
    ).read_bytes()
    assert (project.out / "alpha/static/apple-touch-icon.png").read_bytes() != THEME_TOUCH


def test_two_builds_give_byte_identical_icons(project, tmp_path):
    with_logo(project)
    build(project)
    first = tree(project.out / "alpha")
    shutil.rmtree(project.out)
    build(project)
    second = tree(project.out / "alpha")
    derived = ("favicon.ico", "static/apple-touch-icon.png", "static/share.png")
    assert {p: first[p] for p in derived} == {p: second[p] for p in derived}
    assert first == second


def test_a_new_logo_or_colour_changes_the_icons_at_the_next_build_and_no_page_needs_to(project):
    with_logo(project)
    build(project)
    before = {p: (project.out / "alpha" / p).read_bytes() for p in ("favicon.ico", "static/share.png")}
    page = home(project)
    project.write("offices.yaml", project.read("offices.yaml").replace("#0b5d3e", "#5d0b3e"))
    build(project)  # an incremental build, into the same output
    with Image.open(project.out / "alpha/static/share.png") as share:
        assert share.getpixel((5, 5)) == (0x5D, 0x0B, 0x3E)
    assert (project.out / "alpha/static/share.png").read_bytes() != before["static/share.png"]
    assert share_url(home(project)) == share_url(page)  # the pages keep naming the same address
