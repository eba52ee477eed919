"""A shared page with statements makes Markdown of its own for each unit: converted once per text.

Issue #26: every build (an edit anywhere, the preview) converted that Markdown again
for every unit of the network; a network of 130 units paid it 130 times per page.
"""

from __future__ import annotations

import hashlib

import pytest

from sitegen.sources import office_vars
from sitegen.sources.bodies import Bodies
from sitegen.sources.cache import Cache
from sitegen.sources.office_vars import prepare

BODY = "{% if office.name %}**{{ office.name }}**{% endif %}\n\n<script>alert(1)</script>"
MADE_FOR_A = "**Kantor A**\n\n<script>alert(1)</script>"


@pytest.fixture
def conversions(monkeypatch) -> list[str]:
    """Every text Python-Markdown converts, in order."""
    calls: list[str] = []
    real = office_vars.to_html

    def counted(text: str) -> str:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(office_vars, "to_html", counted)
    return calls


def test_a_units_markdown_is_converted_once_and_later_builds_read_it_from_the_cache(tmp_path, conversions):
    body = prepare(BODY, 1)
    first = Bodies(Cache(tmp_path / "cache.sqlite"))
    html = first.convert(body, MADE_FOR_A)
    assert first.convert(body, MADE_FOR_A) == html
    assert conversions == [MADE_FOR_A]
    first.cache.close()

    later = Bodies(Cache(tmp_path / "cache.sqlite"))
    assert later.convert(body, MADE_FOR_A) == html
    assert conversions == [MADE_FOR_A]  # read, not converted
    later.convert(body, "**Kantor B**")
    assert conversions == [MADE_FOR_A, "**Kantor B**"]  # another unit's text is its own


def test_what_is_kept_is_the_sanitized_html_the_page_would_get_without_the_cache(tmp_path, conversions):
    body = prepare(BODY, 1)
    html = Bodies(Cache(tmp_path / "cache.sqlite")).convert(body, MADE_FOR_A)
    assert html == body.html_of(MADE_FOR_A)
    assert "<strong>Kantor A</strong>" in html
    assert "<script>" not in html


def test_a_trusted_bodys_html_is_never_written_to_the_cache(tmp_path, conversions):
    body = prepare(BODY, 1, True)
    bodies = Bodies(Cache(tmp_path / "cache.sqlite"))
    html = bodies.convert(body, MADE_FOR_A)
    assert "<script>" in html  # trusted_html: raw HTML kept as written
    bodies.cache.close()
    key = hashlib.sha256(MADE_FOR_A.encode("utf-8")).hexdigest()
    assert Cache(tmp_path / "cache.sqlite").get("converted", key) is None
    assert conversions == [MADE_FOR_A]
    again = Bodies(Cache(tmp_path / "cache.sqlite"))
    again.convert(body, MADE_FOR_A)
    assert conversions == [MADE_FOR_A, MADE_FOR_A]  # made again: nothing was kept
