"""Files that tell crawlers and researchers about a site: sitemap.xml, robots.txt, security.txt.

Pure functions of the site model and the list of pages it publishes; the
build's "now" is the only clock, so the same inputs give the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from html import escape

from sitegen.structure.site import Site
from sitegen.urls import SECURITY_TXT, SITEMAP, absolute

SECURITY_TXT_LIFETIME = timedelta(days=365)


@dataclass(frozen=True)
class Listed:
    """A page of the site for the sitemap: its URL and when it last changed, if known."""

    url: str
    lastmod: datetime | None


def sitemap(site: Site, pages: list[Listed]) -> bytes:
    """sitemap.xml: every HTML page of the site (never an alias, a redirect or the 404 page)."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for page in sorted(pages, key=lambda p: p.url):
        lines.append(f"  <url><loc>{escape(absolute(site.office.base_url, page.url), quote=False)}</loc>")
        if page.lastmod is not None:
            lines.append(f"    <lastmod>{page.lastmod.isoformat()}</lastmod>")
        lines.append("  </url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def robots(site: Site) -> bytes:
    """robots.txt: everything may be crawled; the sitemap named by its absolute URL."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {absolute(site.office.base_url, SITEMAP)}\n".encode()


def security_txt(site: Site) -> bytes | None:
    """RFC 9116 security.txt naming the network's contact; None when offices.yaml names none.

    Expires is a year after the start of the build's day (UTC), so two builds on
    one day give the same file and a site rebuilt at least yearly never expires.
    """
    contact = site.network.security_contact
    if not contact:
        return None
    day = site.now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    expires = (day + SECURITY_TXT_LIFETIME).strftime("%Y-%m-%dT%H:%M:%SZ")
    languages = ", ".join(dict.fromkeys((site.network.default_language, *site.office.languages)))
    return (
        f"Contact: {contact}\n"
        f"Expires: {expires}\n"
        f"Canonical: {absolute(site.office.base_url, SECURITY_TXT)}\n"
        f"Preferred-Languages: {languages}\n"
    ).encode()
