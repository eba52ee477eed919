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

from sitegen.i18n import N_, _, ngettext

CODES: dict[str, str] = {
    "sample-content": N_("an example text shipped to show the layout (sample: true)"),
    "example-value": N_("an offices.yaml value still marked unverified"),
    "placeholder-value": N_("an offices.yaml value that looks like a placeholder"),
    "no-real-contact": N_("a unit with no real phone, WhatsApp or e-mail"),
    "not-filled-in": N_("a fact still written as 'belum diisi'"),
    "empty-page": N_("a page with no text yet"),
    "verified-without-source": N_("a page says when it was verified but not against what"),
    "announcement-expired": N_("an announcement past its expires: date"),
    "trusted-html": N_("raw HTML published unchecked (trusted_html: true)"),
    "english-page-missing": N_("a unit publishing English lacks a page a foreigner needs in English"),
    "missing-translation": N_("a foreigner-facing page without its English translation"),
    "wrong-language-address": N_("a page in one language at an address of another"),
    "unread-markdown": N_("Markdown in a folder sitegen does not read"),
    "file-date-differs": N_("a file name's date that differs from date:"),
    "heading-level-one": N_("a first-level heading (# …) in a page's text"),
    "title-too-long": N_("a title longer than search results and feeds show"),
    "tag-not-a-topic": N_("a tag that is not one of network.topics"),
    "unpublished-shared-page": N_("a shared page no unit publishes"),
    "cross-unit-link": N_("a link to a page the linking unit does not publish"),
    "broken-link": N_("a link to no page of the site"),
    "image-not-found": N_("an image that is not a file of the site"),
    "source-url-not-found": N_("source_url names no page of the site"),
    "picture-undescribed": N_("a picture without a description"),
    "picture-not-found": N_("a picture file that does not exist"),
    "picture-outside-folder": N_("a picture outside the page's folder"),
    "picture-too-large": N_("a picture file over the size limit"),
    "picture-unusable": N_("a picture that cannot be read or published"),
    "url-clash": N_("two pages or files on one URL"),
    "alias-clash": N_("an alias onto a URL something else uses"),
    "alias-unusable": N_("an alias that is not a usable path"),
    "file-replaces-generated": N_("a unit's static file would replace a generated one"),
    "unknown-key": N_("a front matter key sitegen does not know"),
    "unknown-unit": N_("a unit id offices.yaml does not declare"),
    "unknown-section": N_("a page in a folder that is not a section of the sites"),
    "unknown-kind": N_("a kind of unit offices.yaml does not know"),
    "unknown-service": N_("a service offices.yaml does not know"),
    "unknown-language": N_("a language no site can be published in"),
    "language-twice": N_("a language listed twice in a unit's languages"),
    "language-order": N_("a unit's languages not starting with the network's default language"),
    "duplicate-base-url": N_("two units at one address (base_url)"),
    "narrowing-on-own-page": N_("offices:/kinds:/services: on a unit's own page"),
    "yaml-tab": N_("a tab character in YAML"),
    "date-unreadable": N_("a date that cannot be read"),
    "yaml-invalid": N_("YAML that cannot be read"),
    "yaml-duplicate-key": N_("a key written twice in one YAML mapping"),
    "front-matter-missing": N_("no front matter, or one never closed"),
    "title-missing": N_("a page without a title"),
    "date-missing": N_("news or an announcement without a date"),
    "not-boolean-word": N_("a yes/no key written as a word (tidak, ya)"),
    "not-boolean": N_("a yes/no key that is not true or false"),
    "date-zone-word": N_("a date naming its zone (WIB, WITA, WIT)"),
    "date-far-future": N_("a date more than a year ahead"),
    "expires-before-date": N_("an announcement expiring before it appears"),
    "translation-without-original": N_("a translation whose original is missing or not published"),
    "markdown-extension": N_("a page named .MD or .markdown, which sitegen does not read"),
    "word-html": N_("text pasted from Word, published cleaned"),
    "not-text": N_("a key that must be text"),
    "not-list": N_("a key that must be a list"),
    "not-number": N_("a key that must be a whole number"),
    "not-mapping": N_("a key that must be a mapping"),
    "gone-without-reason": N_("gone: without the reason readers will see"),
    "slug-unusable": N_("a slug that is not lowercase letters, digits and hyphens"),
    "image-address-unusable": N_("image: that is neither a web address nor a path"),
    "source-url-unusable": N_("source_url: that is neither a web address nor a path of the site"),
    "starter-text-left": N_("the text a new page starts with, left in"),
    "not-utf8": N_("a file that is not UTF-8 text"),
    "control-character": N_("an invisible control character"),
    "file-too-long": N_("a file too long to be a page"),
    "translation-of-news": N_("a translation of news or an announcement"),
    "translation-lang-contradicts": N_("lang: contradicting the file name"),
    "translation-slug": N_("a slug on a translation"),
    "lang-unusable": N_("lang: naming a language the page cannot be published in"),
    "markdown-outside-content": N_("Markdown outside content/"),
    "bundle-extra-file": N_("a second Markdown file in a page bundle"),
    "linked-file-skipped": N_("a link (symlink) skipped"),
    "linked-folder-skipped": N_("a linked folder skipped"),
    "feed-id-clash": N_("a feed id pinned by two items"),
    "feed-id-changed": N_("a published item whose feed id changes with its time"),
    "template-error": N_("a theme template that fails"),
    "address-gone": N_("a published address gone without a redirect or gone:"),
    "gone-on-section": N_("gone: on a section's own page"),
    "office-variable": N_("a {{ office.* }} expression or {% %} statement that fails"),
    "html-removed": N_("a script, event handler or script link the published page leaves out"),
    "office-variable-in-front-matter": N_(
        "{{ }} or {% %} in a front matter value, where nothing fills it in"
    ),
    "static-file-refused": N_("a unit's static file that cannot be published as it is"),
    "static-file-stripped": N_("a unit's static file published without what a browser would run"),
    "static-file-name": N_("a unit's static file whose name cannot be an address"),
    "trusted-static": N_("a unit's static file published unchecked (trusted_static)"),
    "photo-location": N_("a photo in the repository that records where it was taken"),
    "foreign-file": N_("a file in the output that sitegen did not make, kept"),
    "foreign-host": N_("a page loading a file from another host"),
    "linked-file": N_("a link (symlink) in content/, static/ or themes/"),
    "theme-unusable": N_("a theme that is missing or a link out of themes/"),
    "search-unavailable": N_("Pagefind missing or failing"),
    "unreadable-file": N_("a file that cannot be read"),
    "import": N_("what `sitegen import` left for a person to decide"),
    "output-refused": N_("an output folder sitegen will not write into"),
    "internal-error": N_("a failure of sitegen itself"),
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
    """What a summary line calls ``count`` problems of ``code``: "3 items marked sample", or the kind in words.

    The code stays in brackets after the words: it is what ``--format json`` and the table above
    are looked up by.
    """
    if code in EXAMPLE_DATA:
        return EXAMPLE_DATA[code](count)
    what = _(CODES[code]) if code in CODES else code
    if severity == "info":
        return ngettext(
            "{count} note: {what} [{code}]", "{count} notes: {what} [{code}]", count, what=what, code=code
        )
    return ngettext(
        "{count} warning: {what} [{code}]", "{count} warnings: {what} [{code}]", count, what=what, code=code
    )
