"""`sitegen import wordpress` on real exports: the WordPress theme unit test data, and the slips of real sites.

tests/fixtures/wordpress/themeunittestdata.wordpress.xml is WordPress's own
test export (https namespace, WXR 1.2, files on wpthemetestdata.files.wordpress.com,
a password-protected post, a sticky post, Greek pages, block-editor embeds),
held out: the importer was not written against it. The smaller cases are
exports written here, one slip each, as editors and old sites leave them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitegen.build.pipeline import BuildOptions, build
from sitegen.build.project import load_project
from sitegen.cli import main

from .conftest import Fixture

FIXTURES = Path(__file__).parent / "fixtures" / "wordpress"
REAL = FIXTURES / "themeunittestdata.wordpress.xml"
UNIT = "content/offices/alpha"
NOW = "2026-11-25T12:00:00+07:00"


def run(project, export: Path, *args: str):
    result = CliRunner().invoke(
        main, ["import", "wordpress", str(export), "--root", str(project.root), "--office", "alpha", *args]
    )
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), (
        result.output
    )
    return result


def line_of(text: str, path: Path = REAL) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


def everything(project) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted((project.root / UNIT).rglob("*.md")))


def wxr(items: str, namespace: str = "https://wordpress.org/export/1.2/", version: str = "1.2") -> str:
    """A small export as WordPress writes it, with ``items`` inside its channel."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="{namespace}excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="{namespace}">
<channel>
<title>Kanim Lama</title>
<link>https://lama.example.go.id</link>
<wp:wxr_version>{version}</wp:wxr_version>
<wp:base_site_url>https://lama.example.go.id</wp:base_site_url>
<wp:base_blog_url>https://lama.example.go.id</wp:base_blog_url>
{items}
</channel>
</rss>
"""


def post(
    ident: int,
    title: str,
    content: str,
    *,
    kind: str = "post",
    slug: str = "",
    parent: int = 0,
    extra: str = "",
    tags: tuple[str, ...] = (),
) -> str:
    categories = "".join(
        f'<category domain="post_tag" nicename="{t.lower()}"><![CDATA[{t}]]></category>' for t in tags
    )
    return f"""<item>
<title><![CDATA[{title}]]></title>
<link>https://lama.example.go.id/?p={ident}</link>
<dc:creator>humas</dc:creator>
<guid isPermaLink="false">https://lama.example.go.id/?p={ident}</guid>
<content:encoded><![CDATA[{content}]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>{ident}</wp:post_id>
<wp:post_date>2024-05-0{ident % 9 + 1} 09:00:00</wp:post_date>
<wp:post_date_gmt>2024-05-0{ident % 9 + 1} 02:00:00</wp:post_date_gmt>
<wp:post_name><![CDATA[{slug}]]></wp:post_name>
<wp:status>publish</wp:status>
<wp:post_parent>{parent}</wp:post_parent>
<wp:post_type>{kind}</wp:post_type>
{extra}{categories}
</item>
"""


def attachment(ident: int, path: str, alt: str = "", caption: str = "", parent: int = 0) -> str:
    return f"""<item>
<title><![CDATA[{Path(path).stem}]]></title>
<link>https://lama.example.go.id/?attachment_id={ident}</link>
<guid isPermaLink="false">https://lama.example.go.id/wp-content/uploads/{path}</guid>
<excerpt:encoded><![CDATA[{caption}]]></excerpt:encoded>
<wp:post_id>{ident}</wp:post_id>
<wp:status>inherit</wp:status>
<wp:post_parent>{parent}</wp:post_parent>
<wp:post_type>attachment</wp:post_type>
<wp:attachment_url><![CDATA[https://lama.example.go.id/wp-content/uploads/{path}]]></wp:attachment_url>
<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value><![CDATA[{path}]]></wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value><![CDATA[{alt}]]></wp:meta_value></wp:postmeta>
</item>
"""


def export(tmp_path: Path, items: str, **kwargs: str) -> Path:
    path = tmp_path / "ekspor.xml"
    path.write_text(wxr(items, **kwargs), encoding="utf-8")
    return path


# -- the held-out export ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real(tmp_path_factory) -> tuple[Fixture, str]:
    """The theme unit test export imported once into a fresh project: (project, the report)."""
    project = Fixture(tmp_path_factory.mktemp("real") / "site")
    result = run(project, REAL)
    assert result.exit_code == 0, result.output
    return project, result.output


def test_the_theme_unit_test_export_is_read_imported_and_builds(real):
    """WordPress's own test export (https namespace) comes in, and the unit builds and passes check."""
    project, output = real
    assert "not a WordPress export" not in output
    assert "MarkupResemblesLocatorWarning" not in output and "Beautiful Soup" not in output
    assert re.search(r"imported: \d+ news, \d+ pages, \d+ drafts", output)
    built = CliRunner().invoke(main, ["build", "--root", str(project.root), "--now", NOW, "-q"])
    assert built.exit_code == 0, built.output
    checked = CliRunner().invoke(main, ["check", "--root", str(project.root), "--now", NOW])
    assert checked.exit_code == 0, checked.output


def test_the_password_protected_post_is_never_published_and_is_listed(real):
    project, output = real
    protected = next(p for p in (project.root / UNIT / "berita").glob("*password-protected*.md"))
    text = protected.read_text(encoding="utf-8")
    assert "\ndraft: true  # password-protected on the old site" in text
    assert "This content, comments, pingbacks, and trackbacks should not be visible" not in everything(
        project
    )
    assert "password-protected: 1, imported as drafts without their text" in output
    assert (
        f"themeunittestdata.wordpress.xml:{line_of('Template: Password Protected') - 1}: Template: Password"
        in (output)
    )


def test_files_on_the_old_file_host_are_listed_at_their_real_addresses_and_year_folders(real):
    project, output = real
    assert (
        "https://wpthemetestdata.files.wordpress.com/2008/06/canola2.jpg -> "
        f"{UNIT}/static/wp-content/uploads/2008/06/canola2.jpg" in output
    )
    assert "https://wordpress.com/wp-content/uploads/" not in output  # never an invented address
    assert "//greek" not in output and "/greek/επίπεδο-2/" in output


def test_a_duplicate_guid_gets_an_id_on_the_blogs_own_address(real):
    project, output = real
    assert "this one gets https://wpthemetestdata.wordpress.com/?p=1158" in output
    assert "https://wordpress.com/?p=" not in everything(project)


def test_greek_pages_keep_their_words_in_their_slugs(real):
    project, _ = real
    greek = sorted(p.relative_to(project.root / UNIT).as_posix() for p in (project.root / UNIT).rglob("*.md"))
    assert "profil/greek/epipedo-2.md" in greek and "profil/greek/epipedo-2/epipedo-3.md" in greek


def test_the_sticky_post_is_pinned(real):
    project, _ = real
    sticky = next((project.root / UNIT / "berita").glob("*template-sticky*.md")).read_text(encoding="utf-8")
    assert "\npinned: true" in sticky


def test_block_editor_embeds_become_a_player_or_a_reported_link_never_a_nested_figure(real):
    project, output = real
    text = everything(project)
    assert "<figure><div" not in text and "wp-block-embed" not in text
    assert "<https://www.instagram.com/p/BpmueLLgEn_/" in text  # a link readers can follow
    assert (
        f"themeunittestdata.wordpress.xml:{line_of('wp-block-embed-instagram')}: warning: the embed of "
        in (output)
    )


def test_no_picture_is_described_by_its_file_name(real):
    project, _ = real
    assert not re.search(r"!\[(dsc|img_|100_)\w*\]|alt=\"(dsc|img_|100_)\w*\"", everything(project))


# -- one slip each ---------------------------------------------------------------------------------


def test_every_namespace_and_version_wordpress_wrote_is_read(project, tmp_path):
    for namespace, version in (
        ("http://wordpress.org/export/1.0/", "1.0"),
        ("http://wordpress.org/export/1.1/", "1.1"),
        ("http://wordpress.org/export/1.2/", "1.2"),
        ("https://wordpress.org/export/1.2/", "1.2"),
    ):
        path = export(
            tmp_path, post(11, "Pelayanan Paspor", "Isi berita."), namespace=namespace, version=version
        )
        result = run(project, path, "--dry-run")
        assert result.exit_code == 0 and "imported: 1 news" in result.output, (namespace, result.output)


def test_a_file_that_is_not_wxr_is_refused_saying_exactly_why(project, tmp_path):
    cases = {
        "feed.xml": (
            '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>x</title></channel></rss>\n',
            "an RSS feed without WordPress's elements",
        ),
        "noversion.xml": (
            wxr("").replace("<wp:wxr_version>1.2</wp:wxr_version>", ""),
            "uses https://wordpress.org/export/1.2/ but its <channel> has no <wp:wxr_version>",
        ),
        "odd.xml": (
            wxr("", namespace="http://wordpress.org/export/"),
            "declares http://wordpress.org/export/, which is not a namespace WordPress writes",
        ),
        "future.xml": (wxr("", version="2.0"), "WXR version '2.0' is not one sitegen reads (1.0, 1.1, 1.2)"),
    }
    for name, (text, message) in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        result = run(project, path)
        assert result.exit_code == 1 and f"{path}:1: " in result.output and message in result.output, (
            name,
            result.output,
        )


def test_alt_text_comes_from_the_library_then_the_caption_then_the_post_never_a_file_name(project, tmp_path):
    body = (
        '<!-- wp:image {"id":31} --><figure class="wp-block-image"><img src="https://lama.example.go.id/'
        'wp-content/uploads/2024/05/loket-1024x683.jpg" alt="" class="wp-image-31"/></figure><!-- /wp:image -->\n\n'
        '<figure><img src="https://lama.example.go.id/wp-content/uploads/2024/05/antre.jpg" alt="antre">'
        "<figcaption>Antrean pagi di ruang tunggu</figcaption></figure>\n\n"
        '<img src="https://lama.example.go.id/wp-content/uploads/2024/05/x.jpg" alt="Petugas memeriksa berkas">'
    )
    path = export(
        tmp_path,
        attachment(31, "2024/05/loket.jpg", alt="Pemohon paspor antre di loket pelayanan")
        + attachment(32, "2024/05/antre.jpg", alt="antre")
        + post(12, "Pelayanan Paspor", body),
    )
    result = run(project, path)
    text = project.read(f"{UNIT}/berita/2024-05-04-pelayanan-paspor.md")
    assert re.search(r'(alt="|!\[)Pemohon paspor antre di loket pelayanan', text)  # the library, over alt=""
    assert re.search(r'(alt="|!\[)Antrean pagi di ruang tunggu', text)  # the caption, over a file name
    assert "![Petugas memeriksa berkas](" in text  # the post's own alt, when it describes
    assert "draft:" not in text and "has no description" not in result.output


def test_a_gallery_picture_without_a_description_holds_the_item_back_naming_it(project, tmp_path):
    path = export(
        tmp_path,
        attachment(41, "2024/05/dsc20050727_091048_222.jpg", alt="dsc20050727_091048_222", parent=13)
        + post(13, "Galeri Kegiatan", "[gallery]"),
    )
    result = run(project, path)
    text = project.read(f"{UNIT}/berita/2024-05-05-galeri-kegiatan.md")
    assert "dsc20050727_091048_222](" not in text and 'alt="dsc20050727_091048_222"' not in text
    assert "\ndraft: true  # describe 1 picture first: dsc20050727_091048_222.jpg (alt text)" in text
    assert "held back as drafts until their pictures are described: 1" in result.output


def test_a_password_protected_post_keeps_no_text_anywhere(project, tmp_path):
    secret = "Kata sandi grup WhatsApp internal: RAHASIA-123"
    path = export(
        tmp_path,
        post(14, "Info Internal", secret, extra="<wp:post_password><![CDATA[kunci]]></wp:post_password>"),
    )
    result = run(project, path)
    assert secret not in everything(project) and "RAHASIA" not in result.output
    assert "password-protected: 1" in result.output and "ekspor.xml:" in result.output
    build(load_project(project.root), BuildOptions(out=project.out))
    published = "".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in (project.out / "alpha").rglob("*")
        if p.is_file()
    )
    assert "RAHASIA" not in published and "Info Internal" not in published


def test_child_pages_of_a_page_named_like_the_section_are_not_doubled(project, tmp_path):
    path = export(
        tmp_path,
        post(21, "Profil", "Tentang kantor.", kind="page", slug="profil")
        + post(22, "Sejarah", "Sejarah kantor.", kind="page", slug="sejarah", parent=21),
    )
    run(project, path)
    assert (project.root / UNIT / "profil/sejarah.md").is_file()
    assert (project.root / UNIT / "profil/_index.md").is_file()
    assert not (project.root / UNIT / "profil/profil").exists()


def test_an_unknown_shortcode_and_a_foreign_frame_are_removed_and_reported(project, tmp_path):
    body = (
        'Hubungi kami:\n\n[contact-form-7 id="5" title="Kontak"]\n\n'
        '<iframe src="https://www.instagram.com/p/abc/embed"></iframe>\n\n'
        '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>'
    )
    path = export(tmp_path, post(15, "Kontak Kami", body))
    result = run(project, path)
    text = project.read(f"{UNIT}/berita/2024-05-07-kontak-kami.md")
    assert (
        "contact-form-7" not in text and "instagram" not in text and "youtube.com/embed/dQw4w9WgXcQ" in text
    )
    assert (
        "shortcode [contact-form-7" in result.output and "cannot be rebuilt and was removed" in result.output
    )
    assert "an embedded frame from https://www.instagram.com/p/abc/embed is not allowed" in result.output


def test_a_sticky_post_is_pinned_first_on_the_news_list_and_home(project, tmp_path):
    path = export(
        tmp_path,
        post(16, "Pengumuman Penting Lama", "Isi.", extra="<wp:is_sticky>1</wp:is_sticky>")
        + post(17, "Berita Terbaru", "Isi."),
    )
    run(project, path)
    build(load_project(project.root), BuildOptions(out=project.out))
    for page in ("berita/index.html", "index.html"):
        html = (project.out / "alpha" / page).read_text(encoding="utf-8")
        assert html.index("Pengumuman Penting Lama") < html.index("Berita Terbaru"), page


def test_uploads_come_from_a_folder_of_downloaded_media_at_their_real_paths(project, tmp_path):
    media = tmp_path / "unduhan"
    media.mkdir()
    (media / "loket.jpg").write_bytes(b"\xff\xd8gambar")
    path = export(
        tmp_path,
        attachment(31, "2024/05/loket.jpg", alt="Loket pelayanan paspor")
        + post(
            12, "Loket", '<img src="https://lama.example.go.id/wp-content/uploads/2024/05/loket.jpg" alt="">'
        ),
    )
    result = run(project, path, "--uploads", str(media))
    assert result.exit_code == 0, result.output
    assert (
        project.root / UNIT / "static/wp-content/uploads/2024/05/loket.jpg"
    ).read_bytes() == b"\xff\xd8gambar"
    assert "/wp-content/uploads/2024/05/loket.jpg" in project.read(f"{UNIT}/berita/2024-05-04-loket.md")


def test_a_link_out_of_the_uploads_folder_is_refused_by_name_and_nothing_outside_is_copied(project, tmp_path):
    secret = tmp_path / "rahasia.txt"
    secret.write_text("root:x:0:0:RAHASIA", encoding="utf-8")
    uploads = tmp_path / "uploads"
    (uploads / "2024/05").mkdir(parents=True)
    (uploads / "2024/05/passwd.jpg").symlink_to(secret)
    path = export(tmp_path, attachment(51, "2024/05/passwd.jpg", alt="Berkas"))
    result = run(project, path, "--uploads", str(uploads))
    copied = project.root / UNIT / "static/wp-content/uploads/2024/05/passwd.jpg"
    assert not copied.exists()
    assert (
        f"{uploads / '2024/05/passwd.jpg'} is a link to {secret}, outside {uploads}; it was not copied"
        in (result.output)
    )
    assert "https://lama.example.go.id/wp-content/uploads/2024/05/passwd.jpg ->" in result.output  # by hand


def test_check_names_a_page_that_loads_a_picture_from_another_host(project):
    project.write(
        f"{UNIT}/berita/2026-11-01-foto.md",
        "---\ntitle: Foto\ndate: 2026-11-01 09:00\n---\n"
        "Teks.\n\n![Petugas di loket](https://lama.example.go.id/wp-content/uploads/foto.jpg)\n",
    )
    result = CliRunner().invoke(main, ["check", "--root", str(project.root), "--now", NOW])
    assert (
        f"{UNIT}/berita/2026-11-01-foto.md:7: warning: the page loads a picture from another host: "
        "https://lama.example.go.id/wp-content/uploads/foto.jpg" in result.output
    )
    strict = CliRunner().invoke(main, ["check", "--root", str(project.root), "--now", NOW, "--strict"])
    assert strict.exit_code == 1


# -- topics ------------------------------------------------------------------------------------------

_TAG = st.sampled_from(
    ["Paspor", "paspor", "PASPOR", " paspor ", "Layanan Publik", "layanan  publik", "Visa"]
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tag_lists=st.lists(st.lists(_TAG, min_size=1, max_size=5), min_size=1, max_size=3))
def test_tags_differing_in_case_or_spacing_are_one_topic_and_no_feed_repeats_an_id(project, tag_lists):
    for old in (project.root / UNIT / "berita").glob("*-topik-*.md"):
        old.unlink()  # hypothesis runs every example in the same project
    for n, tags in enumerate(tag_lists):
        project.write(
            f"{UNIT}/berita/2026-11-0{n + 1}-topik-{n}.md",
            f"---\ntitle: Topik {n}\ndate: 2026-11-0{n + 1} 09:00\ntags: {json.dumps(tags)}\n---\nTeks.\n",
        )
    build(load_project(project.root), BuildOptions(out=project.out))
    site = project.out / "alpha"
    for feed in site.glob("tag/*/rss.xml"):
        ids = re.findall(r"<guid[^>]*>([^<]*)</guid>", feed.read_text(encoding="utf-8"))
        assert len(ids) == len(set(ids)), feed
    for feed in site.glob("tag/*/atom.xml"):
        ids = re.findall(r"<id>([^<]*)</id>", feed.read_text(encoding="utf-8"))
        assert len(ids) == len(set(ids)), feed
    for feed in site.glob("tag/*/feed.json"):
        ids = [item["id"] for item in json.loads(feed.read_text(encoding="utf-8"))["items"]]
        assert len(ids) == len(set(ids)), feed
    topics = {p.parent.name for p in site.glob("tag/*/index.html")}
    assert {re.sub(r"\s+", "-", t.strip().lower()) for tags in tag_lists for t in tags} <= topics
    for n in range(len(tag_lists)):
        article = (site / f"berita/topik-{n}/index.html").read_text(encoding="utf-8")
        links = re.findall(r'<a href="/tag/([^/]+)/">', article)
        assert len(links) == len(set(links))


def test_a_post_the_old_site_scheduled_years_ahead_comes_in_as_a_draft_and_the_unit_builds(project, tmp_path):
    """sitegen refuses news dated more than a year ahead (a year typo); the import keeps it as a draft."""
    item = post(7, "Jadwal Pelayanan 2030", "<p>Isi.</p>")
    item = item.replace("<wp:status>publish</wp:status>", "<wp:status>future</wp:status>")
    item = item.replace("2024-05-08 09:00:00", "2030-01-02 09:00:00").replace(
        "2024-05-08 02:00:00", "2030-01-02 02:00:00"
    )
    export = tmp_path / "export.xml"
    export.write_text(wxr(item), encoding="utf-8")
    assert run(project, export).exit_code == 0
    [written] = (project.root / UNIT / "berita").glob("2030-01-02-*.md")
    text = written.read_text(encoding="utf-8")
    assert "draft: true  # scheduled for 2030-01-02 on the old site, more than a year ahead" in text
    built = CliRunner().invoke(main, ["build", "--root", str(project.root), "--now", NOW])
    assert built.exit_code == 0, built.output
