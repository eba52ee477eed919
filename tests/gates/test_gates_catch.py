"""Each gate fails on a deliberately broken page: a gate that cannot fail protects nobody."""

from __future__ import annotations

import pytest

from . import quality

pytestmark = pytest.mark.gates

GOOD_HEAD = (
    '<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Uji</title>'
    '<meta name="viewport" content="width=device-width, initial-scale=1"></head>'
)


def page(body: str, head: str = GOOD_HEAD) -> str:
    return f"{head}<body><header><nav><a href='/'>Beranda</a></nav></header><main>{body}</main></body></html>"


def write(folder, name: str, text: str):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_html_gate_catches_invalid_markup(tmp_path):
    bad = write(tmp_path, "index.html", page("<p><div>block in a paragraph</p></span>"))
    good = write(tmp_path, "ok.html", page("<p>Baik.</p>"))
    assert quality.html_errors([good]) == []
    assert quality.html_errors([bad])


def test_the_accessibility_gate_catches_an_image_without_alt(tmp_path, browser):
    write(tmp_path, "x.png", "")
    write(tmp_path, "index.html", page('<h1>Uji</h1><img src="x.png" width="10" height="10">'))
    with quality.served(tmp_path) as base:
        violations = quality.axe_violations(browser, base)
    assert any("image-alt" in v for v in violations)


def test_the_link_gate_catches_a_dead_link_and_a_missing_anchor(tmp_path):
    write(
        tmp_path, "index.html", page('<a href="hilang/">hilang</a> <a href="ada.html#tidak-ada">jangkar</a>')
    )
    write(tmp_path, "ada.html", page('<h1 id="ada">Ada</h1>'))
    with quality.served(tmp_path) as base:
        problems = quality.broken_links(base, tmp_path)
    assert any("hilang" in p for p in problems)
    assert any("tidak-ada" in p for p in problems)


def test_the_browser_gate_catches_a_console_error_a_foreign_request_and_sideways_scrolling(tmp_path, browser):
    body = (
        "<script>console.error('rusak')</script>"
        '<img src="https://tracker.example/pixel.gif" alt="">'
        '<div style="width:900px">terlalu lebar</div>'
    )
    write(tmp_path, "index.html", page(body))
    with quality.served(tmp_path) as base:
        problems = quality.browser_problems(browser, base)
    assert any("console error: rusak" in p for p in problems)
    assert any("another host: https://tracker.example/" in p for p in problems)
    assert any("scrolls sideways" in p for p in problems)


def test_the_browser_gate_catches_a_language_switch_to_the_wrong_language_and_a_missing_file(
    tmp_path, browser
):
    write(
        tmp_path, "index.html", page('<a href="en/" hreflang="en">English</a><img src="hilang.png" alt="x">')
    )
    write(tmp_path, "en/index.html", page("<p>Masih bahasa Indonesia.</p>"))
    with quality.served(tmp_path) as base:
        problems = quality.browser_problems(browser, base)
    assert any("language switch to 'en' opens a page in 'id'" in p for p in problems)
    assert any("HTTP 404" in p and "hilang.png" in p for p in problems)


def test_the_keyboard_and_no_script_gates_catch_a_page_that_needs_a_mouse_and_javascript(tmp_path, browser):
    write(
        tmp_path,
        "index.html",
        GOOD_HEAD + "<body><div onclick='go()'>Menu</div><main></main>"
        "<script>document.querySelector('main').textContent='isi'</script></body></html>",
    )
    with quality.served(tmp_path) as base:
        assert quality.keyboard_problems(browser, base)
        assert quality.no_script_problems(browser, base)


def test_the_feed_gate_catches_a_broken_feed_a_relative_link_and_a_loose_date(tmp_path):
    broken = write(tmp_path, "rss.xml", "<rss version='2.0'><channel><title>x</title><item><title>a</title>")
    loose = write(
        tmp_path,
        "atom.xml",
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>'
        "<id>tag:x,2026:f</id><updated>2026-11-01 09:00</updated><entry><title>a</title>"
        '<link href="/berita/a/"/><updated>2026-11-01T09:00:00+07:00</updated></entry></feed>',
    )
    assert any("does not parse cleanly" in p for p in quality.feed_problems(broken))
    problems = quality.feed_problems(loose)
    assert any("not strict RFC 3339" in p for p in problems)
    assert any("has no id" in p for p in problems)
    assert any("not absolute" in p for p in problems)


def test_the_accessibility_gate_catches_text_readable_only_in_the_light_scheme(tmp_path, browser):
    style = (
        "<style>.note { background: #fff4d6; color: #1a1a1a; }"
        " @media (prefers-color-scheme: dark) { .note { color: #e8e8e8; } }</style>"
    )
    write(tmp_path, "index.html", page(f'{style}<h1>Uji</h1><p class="note">Contoh isi.</p>'))
    with quality.served(tmp_path) as base:
        light = quality.axe_violations(browser, base, "light", quality.NARROWEST)
        dark = quality.axe_violations(browser, base, "dark", quality.NARROWEST)
    assert light == []
    assert any("color-contrast" in v for v in dark)


def test_the_first_screen_gate_catches_what_starts_below_640_px_and_small_targets(tmp_path, browser):
    body = (
        '<a class="kecil" href="/" style="font-size:10px;line-height:1">EN</a>'
        '<div style="height:700px"></div><nav class="tasks"><a href="/">Paspor</a></nav>'
    )
    write(
        tmp_path,
        "index.html",
        page(body).replace("<header>", "<header><a href='/en/' style='font-size:9px;line-height:1'>EN</a>"),
    )
    with quality.served(tmp_path) as base:
        below = quality.boxes_on_first_screen(browser, base, (".tasks", "#cari"))
        small = quality.small_targets(browser, base)
    assert any(".tasks spans" in p for p in below) and any("#cari is missing" in p for p in below)
    assert any("EN" in p for p in small)


def test_the_lighthouse_gate_catches_a_page_without_description_or_language(tmp_path):
    from . import lighthouse

    write(
        tmp_path,
        "index.html",
        "<!doctype html><html><head><title>Uji</title></head><body><p>x</p></body></html>",
    )
    with quality.served(tmp_path) as base:
        found, failing = lighthouse.scores(base, tmp_path)
    assert found["seo"] < 1 and found["accessibility"] < 1
    assert any("meta-description" in f for f in failing) and any("html-has-lang" in f for f in failing)


def test_the_amount_gate_catches_a_number_broken_across_lines(tmp_path, browser):
    cell = '<table><tr><td style="overflow-wrap:anywhere;width:3ch">Rp1.000.000</td></tr></table>'
    write(tmp_path, "index.html", page(cell))
    write(tmp_path, "ok.html", page("<p>Tarif Rp1.000.000.</p>"))
    with quality.served(tmp_path) as base:
        assert quality.broken_amounts(browser, base) == ["Rp1.000.000 breaks across lines at 320 px"]
        assert quality.broken_amounts(browser, base + "ok.html") == []
