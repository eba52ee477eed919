"""An old post's HTML as the import turns it into Markdown, and the odd exports it meets.

Conversion is checked block by block: Markdown is kept only when it renders
(with the sites' own Markdown and allow-list) to what the HTML showed.
"""

from __future__ import annotations

from datetime import UTC, datetime

from click.testing import CliRunner

from sitegen.build.pipeline import BuildOptions, build
from sitegen.build.project import load_project
from sitegen.cli import main
from sitegen.sources.markdown import to_html
from sitegen.sources.sanitize import clean
from sitegen.wordpress.convert import convert
from sitegen.wordpress.shortcodes import Picture

OLD = "https://alpha.example.go.id"
PICTURES = {
    7: Picture("/wp-content/uploads/2020/01/a.jpg", "Foto A", "Keterangan A"),
    8: Picture("/wp-content/uploads/2020/01/b.jpg", "Foto B", ""),
}


def md(html: str, own: list[Picture] | None = None):
    return convert(html, lambda url, offset: url, PICTURES, lambda: own or [])


def published(markdown: str) -> str:
    return clean(to_html(markdown))


def test_classic_editor_paragraphs_and_line_breaks_become_markdown():
    result = md("Baris satu\nbaris dua.\n\nParagraf <b>kedua</b> dan <i>miring</i>.")
    assert result.markdown == "Baris satu  \nbaris dua.\n\nParagraf **kedua** dan *miring*.\n"
    assert result.html_blocks == 0


def test_block_editor_comments_and_empty_spacer_paragraphs_are_dropped():
    result = md("<!-- wp:paragraph -->\n<p>Isi.</p>\n<!-- /wp:paragraph -->\n<p>&nbsp;</p>\n<h3>Judul</h3>")
    assert result.markdown == "Isi.\n\n### Judul\n"


def test_the_sites_template_braces_in_an_old_post_stay_text():
    """{{ }} in an imported post must not become an office variable (or a build error)."""
    result = md("Format: {{ nama }} dan {% blok %}.")
    assert "{{" not in result.markdown and "{%" not in result.markdown
    assert "Format: {{ nama }} dan {% blok %}." in published(result.markdown).replace("&#123;", "{")


def test_invisible_control_characters_are_removed_and_noted():
    result = md("Teks\x0bdari PDF.")
    assert result.markdown == "Teksdari PDF.\n"
    assert [n.message for n in result.notes] == ["invisible control characters were removed"]


def test_a_youtube_or_vimeo_address_alone_on_a_line_becomes_a_player():
    result = md("Simak video:\n\nhttps://youtu.be/abcDEF12345\n\n[embed]https://vimeo.com/123456[/embed]")
    assert 'src="https://www.youtube-nocookie.com/embed/abcDEF12345"' in result.markdown
    assert 'src="https://player.vimeo.com/video/123456"' in result.markdown
    assert 'title="Video"' in published(result.markdown)  # the allow-list keeps both players


def test_an_embed_from_another_host_becomes_a_link_and_a_note():
    content = "Awal\n\n[embed]https://social.example.com/p/1[/embed]"
    result = md(content)
    assert "[https://social.example.com/p/1](https://social.example.com/p/1)" in result.markdown or (
        "<https://social.example.com/p/1>" in result.markdown
    )
    assert result.notes[0].offset == content.index("[embed]")
    assert "became a plain link" in result.notes[0].message


def test_a_gallery_without_ids_shows_the_posts_own_pictures_and_unknown_ids_are_noted():
    own = md("[gallery]", own=[PICTURES[8]])
    assert own.markdown == "![Foto B](/wp-content/uploads/2020/01/b.jpg)\n"
    named = md('[gallery ids="7,99"]')
    assert "<figcaption>Keterangan A</figcaption>" in named.markdown
    assert [n.message for n in named.notes] == ["[gallery] names attachment 99, which the export lacks"]


def test_an_old_style_caption_attribute_is_the_figures_caption():
    result = md('[caption id="x" caption="Upacara &amp; apel"]<img src="/a.jpg" alt="Apel">[/caption]')
    assert "<figcaption>Upacara &amp; apel</figcaption>" in result.markdown


def test_a_picture_without_caption_is_a_markdown_image_without_the_old_themes_sizes():
    result = md(
        '<figure class="wp-block-image size-large"><img src="/x.jpg" alt="Kantor" '
        'srcset="https://old.example/x-300.jpg 300w" sizes="100vw" class="wp-image-5"/></figure>'
    )
    assert result.markdown == "![Kantor](/x.jpg)\n"


def test_anything_markdown_cannot_hold_stays_html_and_publishes_the_same():
    html = (
        '<ol start="3"><li>tiga</li><li>empat</li></ol>\n'
        '<table><tr><td rowspan="2">A</td><td>B</td></tr><tr><td>C</td></tr></table>\n'
        "<p>Teks <u>bergaris</u> bawah.</p>"
    )
    result = md(html)
    assert "rowspan" in result.markdown and "<u>bergaris</u>" in result.markdown
    for text in ("tiga", "empat", "A", "B", "C", "bergaris"):
        assert text in published(result.markdown)
    assert 'start="3"' in published(result.markdown)


def wxr(*items: str) -> str:
    body = "".join(
        f"""<item><title><![CDATA[{title}]]></title><link>{OLD}/{slug}/</link>
<guid isPermaLink="false">{guid}</guid><dc:creator>humas</dc:creator>
<content:encoded><![CDATA[{text}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>{n}</wp:post_id><wp:post_date>2020-01-0{n} 08:00:00</wp:post_date>
<wp:post_date_gmt>2020-01-0{n} 01:00:00</wp:post_date_gmt><wp:post_name>{slug}</wp:post_name>
<wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type></item>
"""
        for n, (title, slug, guid, text) in enumerate((i.split("|") for i in items), 1)
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Lama</title><link>{OLD}</link>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>{OLD}</wp:base_site_url>
{body}</channel></rss>
"""


def import_text(project, tmp_path, text: str):
    export = tmp_path / "export.xml"
    export.write_text(text, encoding="utf-8")
    return CliRunner().invoke(
        main, ["import", "wordpress", str(export), "--root", str(project.root), "--office", "alpha"]
    )


def test_a_title_without_latin_letters_gets_a_slug_from_its_post_id(project, tmp_path):
    result = import_text(project, tmp_path, wxr(f"عيد مبارك|%d8%b9%d9%8a%d8%af|{OLD}/?p=1|Selamat."))
    assert result.exit_code == 0, result.output
    assert (project.root / "content/offices/alpha/berita/2020-01-01-post-1.md").is_file()


def test_two_items_with_one_guid_keep_two_feed_ids(project, tmp_path):
    result = import_text(project, tmp_path, wxr(f"Satu|satu|{OLD}/?p=1|Satu.", f"Dua|dua|{OLD}/?p=1|Dua."))
    folder = project.root / "content/offices/alpha/berita"
    assert 'id: "https://alpha.example.go.id/?p=1"' in (folder / "2020-01-01-satu.md").read_text()
    assert 'id: "https://alpha.example.go.id/?p=2"' in (folder / "2020-01-02-dua.md").read_text()
    assert "the GUID https://alpha.example.go.id/?p=1 is also the item's at line" in result.output


def test_uploads_pointing_at_the_wrong_folder_are_named(project, tmp_path):
    (tmp_path / "wp-content/uploads/2020").mkdir(parents=True)
    export = tmp_path / "export.xml"
    export.write_text(wxr(f'Foto|foto|{OLD}/?p=1|<img src="{OLD}/wp-content/uploads/2020/a.jpg" alt="a">'))
    result = CliRunner().invoke(
        main,
        [
            "import",
            "wordpress",
            str(export),
            "--root",
            str(project.root),
            "--office",
            "alpha",
            "--uploads",
            str(tmp_path),
        ],
    )
    assert "none of the 1 uploads the export names is in this folder" in result.output
    assert f"did you mean --uploads {tmp_path / 'wp-content/uploads'}?" in result.output


def test_an_old_address_the_new_site_uses_itself_is_reported_not_aliased(project, tmp_path):
    """/layanan/ is the new site's own list and /layanan/paspor-baru/ a shared page: neither may redirect."""
    result = import_text(
        project,
        tmp_path,
        wxr(f"Layanan|layanan|{OLD}/?p=1|Daftar.", f"Paspor|layanan/paspor-baru|{OLD}/?p=2|Paspor."),
    )
    assert result.output.count("is an address of the new site; it does not redirect here") == 2
    folder = project.root / "content/offices/alpha/berita"
    assert all("aliases" not in p.read_text() for p in folder.glob("2020-*.md"))
    built = build(
        load_project(project.root), BuildOptions(out=project.out, now=datetime(2026, 11, 25, tzinfo=UTC))
    )
    assert built.stats["alpha"].written


def test_an_export_that_is_not_utf8_names_its_line(project, tmp_path):
    export = tmp_path / "latin1.xml"
    export.write_bytes(b'<?xml version="1.0" encoding="UTF-8"?>\n<rss>\n<channel>caf\xe9</channel></rss>\n')
    result = CliRunner().invoke(
        main, ["import", "wordpress", str(export), "--root", str(project.root), "--office", "alpha"]
    )
    assert result.exit_code == 1 and f"{export}:3: not well-formed XML" in result.output
