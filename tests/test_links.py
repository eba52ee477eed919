"""Internal links: checked against the site's files and made relative to the page they are on."""

from sitegen.render.links import rewrite

SITE = {"index.html", "berita/index.html", "berita/a/index.html", "berita/b/index.html", "static/logo.svg"}


def test_a_site_root_link_becomes_the_way_from_the_page_ending_at_a_folder():
    html, broken = rewrite(
        '<a href="/berita/">x</a><img src="/static/logo.svg">', "berita/a/index.html", SITE
    )
    assert html == '<a href="../">x</a><img src="../../static/logo.svg">' and broken == []


def test_one_link_on_pages_of_different_depths_leads_from_each_page_to_the_same_file():
    menu = '<a href="/berita/?utm=1#atas">Berita</a>'
    assert rewrite(menu, "berita/a/index.html", SITE)[0] == '<a href="../?utm=1#atas">Berita</a>'
    assert rewrite(menu, "berita/b/index.html", SITE)[0] == '<a href="../?utm=1#atas">Berita</a>'
    assert rewrite(menu, "index.html", SITE)[0] == '<a href="berita/?utm=1#atas">Berita</a>'
    assert rewrite(menu, "berita/index.html", SITE)[0] == '<a href="./?utm=1#atas">Berita</a>'


def test_a_link_relative_to_the_page_resolves_from_that_pages_folder():
    assert rewrite('<a href="../b/">b</a>', "berita/a/index.html", SITE) == ('<a href="../b/">b</a>', [])
    assert rewrite('<a href="../b/">b</a>', "index.html", SITE) == ('<a href="../b/">b</a>', ["../b/"])


def test_a_broken_link_is_reported_on_every_page_that_has_it():
    for page in ("berita/a/index.html", "berita/b/index.html", "berita/a/index.html"):
        assert rewrite('<a href="/berita/c/">c</a>', page, SITE) == (
            '<a href="/berita/c/">c</a>',
            ["/berita/c/"],
        )


def test_the_not_found_page_links_from_the_site_root_wherever_it_is_served():
    assert (
        rewrite('<a href="/berita/a/">a</a>', "404.html", SITE, from_root=True)[0]
        == '<a href="/berita/a/">a</a>'
    )
    assert rewrite('<a href="/berita/a/">a</a>', "index.html", SITE)[0] == '<a href="berita/a/">a</a>'
