"""The reader's site: lists that scale, found and shared, trusted, light, no other host.

Specifications run against the shipped example network, with 300 generated
news items added to one unit so that lists must be cut into pages.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import shutil
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree as ET

import pytest

from sitegen.build.pipeline import BuildOptions, build
from sitegen.build.project import load_project
from sitegen.config.offices import load_network
from sitegen.errors import Problems

from .conftest import REPO, copy_of_repository

NOW = datetime(2026, 11, 24, 5, 0, tzinfo=UTC)
BULK = 300
UNIT = "pontianak"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ATOM_NS = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> Path:
    """The shipped network plus 300 news items for Pontianak, two a week from January 2024."""
    root = copy_of_repository(tmp_path_factory.mktemp("reader"))
    start = datetime(2024, 1, 1, 9, 0)
    for n in range(BULK):
        day = start + timedelta(days=3 * n + n % 2)
        (root / f"content/offices/{UNIT}/berita/{day:%Y-%m-%d}-uji-{n:03d}.md").write_text(
            f"---\ntitle: Berita uji nomor {n:03d}\ndate: {day:%Y-%m-%d %H:%M}\ntags: [uji]\n---\n"
            f"Teks berita uji nomor {n:03d}.\n",
            encoding="utf-8",
        )
    build(load_project(root), BuildOptions(out=root / "public", now=NOW))
    return root / "public"


class Page(HTMLParser):
    """What a page loads, links to and declares: tags with attributes, JSON-LD blocks, list entries."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.ld: list[dict] = []
        self._in_ld = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        self.tags.append((tag, attributes))
        self._in_ld = tag == "script" and attributes.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in_ld:
            self.ld.append(json.loads(data))
            self._in_ld = False

    def links(self) -> list[str]:
        return [a["href"] for t, a in self.tags if t == "a" and "href" in a]


def read(site: Path, rel: str) -> Page:
    return Page((site / rel).read_text(encoding="utf-8"))


def entries(site: Path, rel: str) -> list[str]:
    """The item links of a list page (its <ul class="entries">)."""
    text = (site / rel).read_text(encoding="utf-8")
    block = re.search(r'<ul class="entries">(.*?)</ul>', text, re.S)
    return re.findall(r'<a href="([^"]+)"', block.group(1)) if block else []


def html_pages(site: Path) -> list[str]:
    """Every HTML page of a site except the 404 page and alias redirects: what a reader can land on."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if path.name == "404.html" or 'http-equiv="refresh"' in text:
            continue
        pages.append(path.relative_to(site).as_posix())
    return pages


def url_of(rel: str) -> str:
    return rel.removesuffix("index.html")


def file_of(rel: str) -> str:
    """The file a link leads to: a page's folder ("berita/x/") serves its index.html."""
    return rel + "index.html" if rel.endswith("/") or rel == "" else rel


def news_count(site: Path) -> int:
    return len(list((site / "berita").glob("*/index.html"))) - len(
        [p for p in (site / "berita").glob("*/index.html") if p.parent.name in ("arsip", "page")]
    )


# Lists that scale


def test_three_hundred_news_items_are_listed_ten_to_a_page_first_page_at_the_section(shipped):
    """berita/ holds the newest ten, page/2/ … page/N/ the rest; no page N+1; each item listed once."""
    site = shipped / UNIT
    total = news_count(site)
    assert total >= BULK
    pages = math.ceil(total / 10)
    listed: list[str] = []
    for n in range(1, pages + 1):
        rel = "berita/index.html" if n == 1 else f"berita/page/{n}/index.html"
        items = entries(site, rel)
        assert len(items) == (10 if n < pages else total - 10 * (pages - 1)), rel
        listed += [urljoin(rel, link) for link in items]
    assert not (site / f"berita/page/{pages + 1}").exists()
    assert not (site / "berita/page/1").exists()
    assert len(listed) == len(set(listed)) == total


def test_each_list_page_links_to_its_neighbour_pages(shipped):
    """Page 2 points back to the section's own URL and on to page 3, with rel=prev/next."""
    text = (shipped / UNIT / "berita/page/2/index.html").read_text(encoding="utf-8")
    assert 'rel="prev" href="../../"' in text
    assert 'rel="next" href="../3/"' in text


def test_tag_pages_are_paginated_too(shipped):
    """The topic every generated item carries has as many pages as its items need."""
    site = shipped / UNIT
    pages = math.ceil(BULK / 10)
    assert len(entries(site, "tag/uji/index.html")) == 10
    assert (site / f"tag/uji/page/{pages}/index.html").is_file()
    assert not (site / f"tag/uji/page/{pages + 1}").exists()


def test_page_size_comes_from_offices_yaml(project):
    """network.list.page_size: 1 puts one news item on each page of Alpha's two."""
    offices = project.read("offices.yaml").replace("  feeds:\n", "  list: {page_size: 1}\n  feeds:\n")
    project.write("offices.yaml", offices)
    build(load_project(project.root), BuildOptions(out=project.out, now=NOW))
    assert len(entries(project.out / "alpha", "berita/index.html")) == 1
    assert len(entries(project.out / "alpha", "berita/page/2/index.html")) == 1
    assert not (project.out / "alpha/berita/page/3").exists()


@pytest.mark.parametrize("value", ["0", "banyak", "-3"])
def test_a_page_size_that_is_not_a_positive_number_is_a_located_error(project, value):
    offices = project.read("offices.yaml").replace(
        "  feeds:\n", f"  list:\n    page_size: {value}\n  feeds:\n"
    )
    project.write("offices.yaml", offices)
    problems = Problems(project.root)
    assert load_network(project.root / "offices.yaml", problems) is None
    assert [(e.line, "page_size" in e.message) for e in problems.errors] == [
        (offices.splitlines().index(f"    page_size: {value}") + 1, True)
    ]


def test_the_archive_lists_every_news_item_once_under_the_month_of_its_date(shipped):
    site = shipped / UNIT
    months = sorted((site / "berita/arsip").glob("*/*/index.html"))
    assert len(months) >= 24
    seen = 0
    for month in months:
        year, mon = month.parent.parent.name, month.parent.name
        rel = month.relative_to(site).as_posix()
        for link in entries(site, rel):
            item = site / file_of(urljoin(rel, link))
            stamp = re.search(r'<time datetime="([^"]+)"', item.read_text(encoding="utf-8")).group(1)
            assert stamp.startswith(f"{year}-{mon}-"), (rel, link)
            seen += 1
    assert seen == news_count(site)
    index = (site / "berita/arsip/index.html").read_text(encoding="utf-8")
    assert index.count('href="') > len(months)


def test_articles_link_to_the_next_newer_and_older_item_of_their_section(shipped):
    """Following "older" from the newest item visits every news item exactly once."""
    site = shipped / UNIT
    first = entries(site, "berita/index.html")[0]
    rel = file_of(urljoin("berita/index.html", first))
    visited = []
    while rel:
        visited.append(rel)
        older = re.search(
            r'Lebih lama: <a rel="next" href="([^"]+)"', (site / rel).read_text(encoding="utf-8")
        )
        rel = file_of(urljoin(rel, older.group(1))) if older else None
    assert len(visited) == len(set(visited)) == news_count(site)


# Found and shared


def test_the_sitemap_lists_exactly_the_html_pages_with_absolute_urls(shipped):
    """Not the 404 page, no alias redirects, nothing else; dated pages carry lastmod."""
    for site in sorted(p for p in shipped.iterdir() if p.is_dir() and p.name != ".sitegen"):
        base = re.search(r'<link rel="canonical" href="([^"]+)"', (site / "index.html").read_text()).group(1)
        tree = ET.parse(site / "sitemap.xml")
        locs = [u.findtext(f"{SITEMAP_NS}loc") for u in tree.getroot()]
        assert len(locs) == len(set(locs))
        assert sorted(locs) == sorted(base + url_of(rel) for rel in html_pages(site)), site.name
        lastmods = {
            u.findtext(f"{SITEMAP_NS}loc"): u.findtext(f"{SITEMAP_NS}lastmod") for u in tree.getroot()
        }
        assert lastmods[base + "berita/"] is not None
        for value in filter(None, lastmods.values()):
            datetime.fromisoformat(value)


def test_robots_txt_names_the_sitemap_by_its_absolute_url(shipped):
    text = (shipped / UNIT / "robots.txt").read_text()
    assert "Sitemap: https://pontianak.imigrasi.go.id/sitemap.xml" in text.splitlines()


def test_every_page_has_its_canonical_url_and_a_preview_card(shipped):
    site = shipped / UNIT
    for rel in html_pages(site):
        page = read(site, rel)
        meta = {a.get("property") or a.get("name"): a.get("content") for t, a in page.tags if t == "meta"}
        canonical = [a["href"] for t, a in page.tags if t == "link" and a.get("rel") == "canonical"]
        assert canonical == ["https://pontianak.imigrasi.go.id/" + url_of(rel)], rel
        assert meta["og:url"] == canonical[0]
        assert meta["og:site_name"] == "Kantor Imigrasi Kelas I TPI Pontianak"
        assert meta["og:title"] and meta["og:description"] and meta["twitter:title"], rel
        assert meta["twitter:card"] in ("summary", "summary_large_image")


def test_json_ld_parses_names_the_unit_and_its_parent_on_every_page(shipped):
    for site in (shipped / UNIT, shipped / "sambas"):
        name = read(site, "index.html").ld[0]["name"]
        for rel in html_pages(site):
            org = [d for d in read(site, rel).ld if d["@type"] == "GovernmentOrganization"]
            assert len(org) == 1, rel
            assert org[0]["name"] == name
            assert (
                org[0]["parentOrganization"]["name"]
                == "Kantor Wilayah Direktorat Jenderal Imigrasi Kalimantan Barat"
            )
            assert org[0]["openingHoursSpecification"] and org[0]["address"]["streetAddress"]


def test_news_articles_carry_a_news_article_published_by_their_unit(shipped):
    site = shipped / UNIT
    article = read(site, "berita/eazy-passport-kubu-raya/index.html")
    news = [d for d in article.ld if d["@type"] == "NewsArticle"]
    assert len(news) == 1
    assert news[0]["publisher"]["name"] == "Kantor Imigrasi Kelas I TPI Pontianak"
    assert news[0]["url"] == "https://pontianak.imigrasi.go.id/berita/eazy-passport-kubu-raya/"
    datetime.fromisoformat(news[0]["datePublished"])


def test_a_title_cannot_break_out_of_json_ld(project):
    project.write(
        "content/offices/alpha/berita/2026-10-02-x.md",
        '---\ntitle: "</script><script>alert(1)</script>"\ndate: 2026-10-02 10:00\n---\nx\n',
    )
    build(load_project(project.root), BuildOptions(out=project.out, now=NOW))
    page = read(project.out / "alpha", "berita/x/index.html")
    news = [d for d in page.ld if d["@type"] == "NewsArticle"]
    assert news[0]["headline"] == "</script><script>alert(1)</script>"
    assert [t for t, a in page.tags if t == "script" and a.get("type") != "application/ld+json"] == []


def test_articles_offer_share_links_without_script(shipped):
    page = read(shipped / UNIT, "berita/eazy-passport-kubu-raya/index.html")
    hosts = {urlsplit(link).netloc or urlsplit(link).scheme for link in page.links()}
    assert {"wa.me", "www.facebook.com", "x.com", "t.me", "mailto"} <= hosts
    assert not [t for t, a in page.tags if t == "script" and a.get("type") != "application/ld+json"]


def test_the_404_page_helps_home_to_search_and_to_the_archive(shipped):
    """A host serves the 404 page at any missing address, so its links start at the site root, on any host."""
    page = read(shipped / UNIT, "404.html")
    assert not [t for t, _ in page.tags if t == "base"]
    assert {"/", "/cari/", "/berita/arsip/"} <= set(page.links())
    assert all(link.startswith(("/", "#", "https:", "mailto:", "tel:")) for link in page.links())
    assert ("meta", {"name": "robots", "content": "noindex"}) in page.tags


def test_the_search_page_tells_readers_without_javascript_where_to_look(shipped):
    text = (shipped / UNIT / "cari/index.html").read_text(encoding="utf-8")
    noscript = re.search(r"<noscript>(.*?)</noscript>", text, re.S).group(1)
    assert "../berita/arsip/" in noscript


# JSON Feed


def test_every_atom_feed_has_a_json_feed_with_the_same_ids_and_dates(shipped):
    site = shipped / UNIT
    atoms = sorted(site.rglob("atom.xml"))
    assert len(atoms) > 3
    for atom in atoms:
        feed = json.loads((atom.parent / "feed.json").read_text(encoding="utf-8"))
        assert feed["version"] == "https://jsonfeed.org/version/1.1"
        entries_ = ET.parse(atom).getroot().findall(f"{ATOM_NS}entry")
        assert [i["id"] for i in feed["items"]] == [e.findtext(f"{ATOM_NS}id") for e in entries_]
        assert [datetime.fromisoformat(i["date_published"]) for i in feed["items"]] == [
            datetime.fromisoformat(e.findtext(f"{ATOM_NS}published")) for e in entries_
        ]
        assert [datetime.fromisoformat(i["date_modified"]) for i in feed["items"]] == [
            datetime.fromisoformat(e.findtext(f"{ATOM_NS}updated")) for e in entries_
        ]


def test_pages_announce_the_json_feed(shipped):
    page = read(shipped / UNIT, "berita/index.html")
    feeds = [a["href"] for t, a in page.tags if t == "link" and a.get("type") == "application/feed+json"]
    assert feeds == ["../feed.json", "feed.json"]


# Trust


def test_every_site_lists_the_official_domains_of_the_network_linked_from_its_footer(shipped):
    hosts = {
        re.search(r"base_url: https://([^/]+)/", line).group(1)
        for line in (REPO / "offices.yaml").read_text().splitlines()
        if "base_url:" in line
    }
    assert len(hosts) == 9
    for site in sorted(p for p in shipped.iterdir() if p.is_dir() and p.name != ".sitegen"):
        text = (site / "situs-resmi/index.html").read_text(encoding="utf-8")
        assert {h for h in hosts if f">{h}</a>" in text} == hosts
        assert 'href="situs-resmi/"' in (site / "index.html").read_text(encoding="utf-8")


def test_security_txt_names_the_contact_and_expires_a_year_after_the_build_day(shipped):
    fields = dict(
        line.split(": ", 1) for line in (shipped / UNIT / ".well-known/security.txt").read_text().splitlines()
    )
    assert fields["Contact"] == "https://kanwil-kalbar.imigrasi.go.id/profil/"
    assert fields["Expires"] == "2027-11-24T00:00:00Z"
    assert fields["Canonical"] == "https://pontianak.imigrasi.go.id/.well-known/security.txt"
    assert fields["Preferred-Languages"] == "id, en"


def test_an_e_mail_security_contact_becomes_a_mailto_and_none_means_no_file(project):
    build(load_project(project.root), BuildOptions(out=project.out, now=NOW))
    assert not (project.out / "alpha/.well-known/security.txt").exists()
    offices = project.read("offices.yaml").replace(
        "  feeds:\n", "  security_contact: keamanan@uji.example\n  feeds:\n"
    )
    project.write("offices.yaml", offices)
    build(load_project(project.root), BuildOptions(out=project.out, now=NOW))
    assert (
        "Contact: mailto:keamanan@uji.example\n"
        in (project.out / "alpha/.well-known/security.txt").read_text()
    )


def test_the_contact_block_links_map_phone_whatsapp_and_mail(project):
    offices = project.read("offices.yaml").replace(
        'contacts: {phone: "(0561) 000000 — contoh"}',
        'contacts: {phone: "(0561) 000000 — contoh", whatsapp: "0812-0000-0000", email: "uji@alpha.example"}',
    )
    project.write("offices.yaml", offices)
    build(load_project(project.root), BuildOptions(out=project.out, now=NOW))
    links = read(project.out / "alpha", "profil/index.html").links()
    assert "https://www.openstreetmap.org/search?query=Jl.%20Contoh%20No.%201%2C%20Alpha" in links
    assert {"tel:0561000000", "https://wa.me/6281200000000", "mailto:uji@alpha.example"} <= set(links)


# Light


def loaded(page: Page) -> list[str]:
    """What a browser fetches for a page: every src, stylesheets, icons and preloads (not links to follow)."""
    urls = [a["src"] for t, a in page.tags if "src" in a]
    urls += [a.get("srcset", "") for t, a in page.tags if a.get("srcset")]
    urls += [
        a["href"]
        for t, a in page.tags
        if t == "link" and a.get("rel") in ("stylesheet", "icon", "preload", "manifest")
    ]
    return urls


def test_no_page_loads_anything_from_another_host(shipped):
    for site in sorted(p for p in shipped.iterdir() if p.is_dir() and p.name != ".sitegen"):
        for path in sorted(site.rglob("*.html")):
            for url in loaded(Page(path.read_text(encoding="utf-8"))):
                assert not urlsplit(url).netloc and not url.startswith("//"), f"{path}: {url}"


def test_the_home_page_with_everything_it_loads_stays_under_60_kb_gzip(shipped):
    for site in sorted(p for p in shipped.iterdir() if p.is_dir() and p.name != ".sitegen"):
        home = site / "index.html"
        files = [home] + [site / url.split("?")[0] for url in loaded(Page(home.read_text(encoding="utf-8")))]
        weight = sum(len(gzip.compress(f.read_bytes(), 9)) for f in files)
        assert len(files) >= 2
        assert weight < 60 * 1024, f"{site.name}: {weight} bytes"


# Search


def fragments(site: Path) -> list[dict]:
    """Every page record of a unit's Pagefind index (gzip, after Pagefind's signature)."""
    return [
        json.loads(gzip.decompress(f.read_bytes()).removeprefix(b"pagefind_dcd"))
        for f in sorted((site / "pagefind/fragment").iterdir())
    ]


def test_the_search_index_covers_every_content_page_and_no_list(shipped):
    """Articles, announcements and service pages are found; lists, topic and archive pages, which only
    repeat their items' titles, would crowd the results, so they are not indexed."""
    lists = ("tag/", "langganan/", "arsip/", "/page/", "situs-resmi/", "cari/")
    for site in (shipped / UNIT, shipped / "rudenim-pontianak"):
        indexed = {record["url"] for record in fragments(site)}
        urls = {"/" + url_of(rel) for rel in html_pages(site)}
        items = {u for u in urls if u.count("/") == 3 and u.split("/")[1] in ("berita", "pengumuman")}
        items -= {u for u in items if any(part in u for part in lists)}
        assert items and items <= indexed  # every news item and announcement
        assert "/layanan/wni/biaya-paspor/" in indexed or site.name != UNIT  # a service page
        assert indexed <= urls
        assert not {u for u in indexed if any(part in u for part in lists)}
        assert not {"/", "/berita/", "/pengumuman/"} & indexed  # the home page and section lists


def test_the_search_index_holds_page_text_not_menus(shipped):
    """A news item's own words are found; the footer's, repeated on every page, are not indexed."""
    records = {r["url"]: r["content"] for r in fragments(shipped / UNIT)}
    assert "Teks berita uji nomor 123" in records["/berita/uji-123/"]
    assert "Daftar situs resmi" not in records["/berita/uji-123/"]


def test_the_search_page_loads_the_index_from_its_own_site(shipped):
    site = shipped / UNIT
    scripts = [a["src"] for t, a in read(site, "cari/index.html").tags if t == "script" and "src" in a]
    assert len(scripts) == 1 and re.fullmatch(r"\.\./static/search\.[0-9a-f]{10}\.js", scripts[0])
    starter = (site / "cari" / scripts[0]).read_text()
    assert '"pagefind/pagefind-ui.js"' in starter and "http" not in starter.replace("https://", "")
    assert (site / "pagefind/pagefind-ui.js").is_file() and (site / "pagefind/pagefind-entry.json").is_file()


def test_search_index_files_are_in_the_manifest_so_they_are_never_foreign(shipped):
    manifest = json.loads((shipped / ".sitegen" / f"{UNIT}.json").read_text())
    made = {p for p in manifest["files"] if p.startswith("pagefind/")}
    on_disk = {
        p.relative_to(shipped / UNIT).as_posix()
        for p in (shipped / UNIT / "pagefind").rglob("*")
        if p.is_file()
    }
    assert made == on_disk and len(made) > 5


def test_without_pagefind_the_build_fails_saying_how_to_install_it(project, monkeypatch):
    from click.testing import CliRunner

    from sitegen.cli import main
    from sitegen.render import search

    monkeypatch.setitem(__import__("sys").modules, "pagefind_bin", None)  # as if it were not installed
    monkeypatch.setattr(search, "_MADE", {})
    result = CliRunner().invoke(main, ["build", "--root", str(project.root), "--now", NOW.isoformat()])
    assert result.exit_code == 1
    assert "Pagefind is not installed" in result.output and "pip install 'pagefind[bin]'" in result.output
    assert not project.out.exists() or not any((project.out / "alpha").glob("*.html"))


def test_pagefind_gives_the_same_index_bytes_for_the_same_site(project, monkeypatch):
    """Two indexings of one site (no cache in between) give identical files: deploys stay quiet."""
    from sitegen.render import search

    from .helpers import tree

    build(load_project(project.root), BuildOptions(out=project.out, now=NOW))
    first = {k: v for k, v in tree(project.out).items() if "/pagefind/" in k}
    monkeypatch.setattr(search, "_MADE", {})
    shutil.rmtree(project.out)
    build(load_project(project.root), BuildOptions(out=project.out, now=NOW))
    assert {k: v for k, v in tree(project.out).items() if "/pagefind/" in k} == first
    assert len(first) > 20


# Per-unit look


def test_a_unit_sets_its_colour_logo_and_banner_in_offices_yaml(project):
    from PIL import Image  # real pictures: a unit's static photos are checked and stripped of camera data

    (project.root / "content/offices/alpha/static/static").mkdir(parents=True)
    Image.new("RGB", (48, 48)).save(project.root / "content/offices/alpha/static/static/logo.png")
    Image.new("RGB", (96, 32)).save(project.root / "content/offices/alpha/static/static/spanduk.jpg")
    offices = project.read("offices.yaml").replace(
        "    services: [paspor, izin-tinggal, plb]\n",
        '    services: [paspor, izin-tinggal, plb]\n    accent: "#0B5394"\n'
        "    logo: /static/logo.png\n    banner: /static/spanduk.jpg\n",
        1,
    )
    project.write("offices.yaml", offices)
    build(load_project(project.root), BuildOptions(out=project.out, now=NOW))
    home = (project.out / "alpha/index.html").read_text(encoding="utf-8")
    assert "<style>:root { --brand: #0b5394; }</style>" in home
    assert 'class="logo" src="static/logo.png"' in home and 'class="banner" src="static/spanduk.jpg"' in home
    assert "--brand" not in (project.out / "bravo/index.html").read_text(encoding="utf-8").split("site.")[0]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('accent: "biru"', "is not a colour"),
        ('accent: "#ffee00"', "too light for white text"),
        ("logo: https://evil.example/logo.png", "is not a path of the site"),
        ("banner: ../rahasia.jpg", "is not a path of the site"),
    ],
)
def test_a_bad_colour_or_picture_path_is_a_located_error(project, line, message):
    offices = project.read("offices.yaml").replace(
        "    services: [paspor, izin-tinggal, plb]\n",
        f"    services: [paspor, izin-tinggal, plb]\n    {line}\n",
        1,
    )
    project.write("offices.yaml", offices)
    problems = Problems(project.root)
    assert load_network(project.root / "offices.yaml", problems) is None
    lineno = offices.splitlines().index(f"    {line}") + 1
    assert [(e.line, message in e.message) for e in problems.errors] == [(lineno, True)]


def test_stylesheets_are_loaded_under_a_name_that_changes_with_their_bytes(shipped):
    site = shipped / UNIT
    sheet = [a["href"] for t, a in read(site, "index.html").tags if a.get("rel") == "stylesheet"]
    assert len(sheet) == 1 and re.fullmatch(r"static/site\.[0-9a-f]{10}\.css", sheet[0])
    data = (site / sheet[0]).read_bytes()
    assert data == (site / "static/site.css").read_bytes()
    import hashlib

    assert sheet[0].split(".")[1] == hashlib.sha256(data).hexdigest()[:10]
    assert b"prefers-color-scheme: dark" in data and b"@media print" in data
