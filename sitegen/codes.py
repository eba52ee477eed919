"""A short, stable code for every kind of problem, so machines need not read the text.

``sitegen check --format json`` gives each problem a ``code`` ("date-far-future",
"broken-link") whatever language the messages are in. Each check passes its code
where it reports; this module is the one table of codes with what each means,
and a problem reported without one gets the generic ``content-error``,
``content-warning`` or ``content-note``: still stable, never missing
(tests/test_i18n.py keeps every code used in sitegen/ listed here).

The kinds of warning that only say "this is still the shipped example data"
are listed in ``EXAMPLE_DATA`` with what one summary line calls them: an
editor's own mistakes must not drown under them (see ``sitegen check``).
"""

from __future__ import annotations

from collections.abc import Callable

from sitegen.i18n import ngettext

CODES: dict[str, str] = {
    "sample-content": "an example text shipped to show the layout (sample: true)",
    "example-value": "an offices.yaml value still marked unverified",
    "placeholder-value": "an offices.yaml value that looks like a placeholder",
    "no-real-contact": "a unit with no real phone, WhatsApp or e-mail",
    "not-filled-in": "a fact still written as 'belum diisi'",
    "empty-page": "a page with no text yet",
    "verified-without-source": "a page says when it was verified but not against what",
    "announcement-expired": "an announcement past its expires: date",
    "trusted-html": "raw HTML published unchecked (trusted_html: true)",
    "english-page-missing": "a unit publishing English lacks a page a foreigner needs in English",
    "missing-translation": "a foreigner-facing page without its English translation",
    "wrong-language-address": "a page in one language at an address of another",
    "unread-markdown": "Markdown in a folder sitegen does not read",
    "file-date-differs": "a file name's date that differs from date:",
    "heading-level-one": "a first-level heading (# …) in a page's text",
    "title-too-long": "a title longer than search results and feeds show",
    "tag-not-a-topic": "a tag that is not one of network.topics",
    "unpublished-shared-page": "a shared page no unit publishes",
    "cross-unit-link": "a link to a page the linking unit does not publish",
    "broken-link": "a link to no page of the site",
    "image-not-found": "an image that is not a file of the site",
    "source-url-not-found": "source_url names no page of the site",
    "picture-undescribed": "a picture without a description",
    "picture-not-found": "a picture file that does not exist",
    "picture-outside-folder": "a picture outside the page's folder",
    "picture-too-large": "a picture file over the size limit",
    "picture-unusable": "a picture that cannot be read or published",
    "url-clash": "two pages or files on one URL",
    "alias-clash": "an alias onto a URL something else uses",
    "alias-unusable": "an alias that is not a usable path",
    "file-replaces-generated": "a unit's static file would replace a generated one",
    "unknown-key": "a front matter key sitegen does not know",
    "unknown-unit": "a unit id offices.yaml does not declare",
    "unknown-section": "a page in a folder that is not a section of the sites",
    "unknown-kind": "a kind of unit offices.yaml does not know",
    "unknown-service": "a service offices.yaml does not know",
    "unknown-language": "a language no site can be published in",
    "language-order": "a unit's languages not starting with the network's default language",
    "duplicate-base-url": "two units at one address (base_url)",
    "narrowing-on-own-page": "offices:/kinds:/services: on a unit's own page",
    "yaml-tab": "a tab character in YAML",
    "date-unreadable": "a date that cannot be read",
    "yaml-invalid": "YAML that cannot be read",
    "yaml-duplicate-key": "a key written twice in one YAML mapping",
    "front-matter-missing": "no front matter, or one never closed",
    "title-missing": "a page without a title",
    "date-missing": "news or an announcement without a date",
    "not-boolean-word": "a yes/no key written as a word (tidak, ya)",
    "not-boolean": "a yes/no key that is not true or false",
    "date-zone-word": "a date naming its zone (WIB, WITA, WIT)",
    "date-far-future": "a date more than a year ahead",
    "expires-before-date": "an announcement expiring before it appears",
    "translation-without-original": "a translation whose original is missing or not published",
    "markdown-extension": "a page named .MD or .markdown, which sitegen does not read",
    "word-html": "text pasted from Word, published cleaned",
    "not-text": "a key that must be text",
    "not-list": "a key that must be a list",
    "not-number": "a key that must be a whole number",
    "not-mapping": "a key that must be a mapping",
    "gone-without-reason": "gone: without the reason readers will see",
    "slug-unusable": "a slug that is not lowercase letters, digits and hyphens",
    "image-address-unusable": "image: that is neither a web address nor a path",
    "source-url-unusable": "source_url: that is neither a web address nor a path of the site",
    "starter-text-left": "the text a new page starts with, left in",
    "not-utf8": "a file that is not UTF-8 text",
    "control-character": "an invisible control character",
    "file-too-long": "a file too long to be a page",
    "translation-of-news": "a translation of news or an announcement",
    "translation-lang-contradicts": "lang: contradicting the file name",
    "translation-slug": "a slug on a translation",
    "lang-unusable": "lang: naming a language the page cannot be published in",
    "markdown-outside-content": "Markdown outside content/",
    "bundle-extra-file": "a second Markdown file in a page bundle",
    "linked-file-skipped": "a link (symlink) skipped",
    "linked-folder-skipped": "a linked folder skipped",
    "feed-id-clash": "a feed id pinned by two items",
    "feed-id-changed": "a published item whose feed id changes with its time",
    "template-error": "a theme template that fails",
    "address-gone": "a published address gone without a redirect or gone:",
    "gone-on-section": "gone: on a section's own page",
    "office-variable": "a {{ office.* }} expression or {% %} statement that fails",
    "html-removed": "a script, event handler or script link the published page leaves out",
    "office-variable-in-front-matter": "{{ }} or {% %} in a front matter value, where nothing fills it in",
    "static-file-refused": "a unit's static file that cannot be published as it is",
    "static-file-stripped": "a unit's static file published without what a browser would run",
    "static-file-name": "a unit's static file whose name cannot be an address",
    "trusted-static": "a unit's static file published unchecked (trusted_static)",
    "photo-location": "a photo in the repository that records where it was taken",
    "foreign-file": "a file in the output that sitegen did not make, kept",
    "foreign-host": "a page loading a file from another host",
    "linked-file": "a link (symlink) in content/, static/ or themes/",
    "theme-unusable": "a theme that is missing or a link out of themes/",
    "search-unavailable": "Pagefind missing or failing",
    "unreadable-file": "a file that cannot be read",
    "import": "what `sitegen import` left for a person to decide",
    "output-refused": "an output folder sitegen will not write into",
    "internal-error": "a failure of sitegen itself",
}
GENERIC = {"error": "content-error", "warning": "content-warning", "info": "content-note"}


# Kinds of warning that only say the shipped example data is still there, with the
# words one summary line uses for them ("46 items marked sample").
EXAMPLE_DATA: dict[str, Callable[[int], str]] = {
    "sample-content": lambda n: ngettext("{count} item marked sample", "{count} items marked sample", n),
    "example-value": lambda n: ngettext(
        "{count} example value in offices.yaml (unverified:)",
        "{count} example values in offices.yaml (unverified:)",
        n,
    ),
    "placeholder-value": lambda n: ngettext(
        "{count} placeholder-looking value in offices.yaml",
        "{count} placeholder-looking values in offices.yaml",
        n,
    ),
    "no-real-contact": lambda n: ngettext(
        "{count} unit without a real contact", "{count} units without a real contact", n
    ),
    "not-filled-in": lambda n: ngettext(
        "{count} fact not yet filled in (belum diisi)", "{count} facts not yet filled in (belum diisi)", n
    ),
    "verified-without-source": lambda n: ngettext(
        "{count} page verified without a source", "{count} pages verified without a source", n
    ),
    "empty-page": lambda n: ngettext("{count} page with no text yet", "{count} pages with no text yet", n),
}


def summary_label(code: str, severity: str = "warning", count: int = 2) -> str:
    """What a summary line calls ``count`` problems of ``code``: "3 items marked sample", "2 notes (code)"."""
    if code in EXAMPLE_DATA:
        return EXAMPLE_DATA[code](count)
    if severity == "info":
        return ngettext("{count} note ({code})", "{count} notes ({code})", count, code=code)
    return ngettext("{count} warning ({code})", "{count} warnings ({code})", count, code=code)
