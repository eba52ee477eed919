"""What machines and chat apps read about a page: JSON-LD, share links, contact links.

Every value is data from offices.yaml or front matter, so everything leaves
here escaped for where it goes: JSON-LD through ``json.dumps`` with ``<``
written as ``\\u003c`` (no ``</script>`` can close the block), URLs percent-encoded.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote

from sitegen.config.offices_keys import SOCIAL_PLATFORMS
from sitegen.config.settings import Office
from sitegen.sources.office_vars import DAY_NAMES
from sitegen.structure.pictures import card
from sitegen.structure.site import Page, Site
from sitegen.urls import absolute

_SCHEMA_DAYS = {
    "senin": "Monday",
    "selasa": "Tuesday",
    "rabu": "Wednesday",
    "kamis": "Thursday",
    "jumat": "Friday",
    "sabtu": "Saturday",
    "minggu": "Sunday",
}
assert set(_SCHEMA_DAYS) == set(DAY_NAMES)


def ld_json(data: dict[str, Any]) -> str:
    """JSON for a ``<script type="application/ld+json">`` block: nothing in it can end the block."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def organisation(site: Site) -> dict[str, Any]:
    """The unit as a schema.org GovernmentOrganization."""
    office = site.office
    data: dict[str, Any] = {
        "@type": "GovernmentOrganization",
        "@id": absolute(office.base_url, "#organisasi"),
        "name": office.name,
        "alternateName": office.short_name,
        "url": office.base_url,
    }
    if office.logo:
        data["logo"] = absolute(office.base_url, office.logo.lstrip("/"))
    address = {
        key: value
        for key, value in (
            ("streetAddress", office.address),
            ("addressLocality", office.locality),
            ("postalCode", office.postal_code),
        )
        if value
    }
    if address:
        data["address"] = {"@type": "PostalAddress", **address, "addressCountry": "ID"}
    if office.coordinates:
        lat, lon = office.coordinates
        data["geo"] = {"@type": "GeoCoordinates", "latitude": lat, "longitude": lon}
    if office.contact("phone"):
        data["telephone"] = office.contact("phone")
    if office.contact("email"):
        data["email"] = office.contact("email")
    press = {
        key: value
        for key, value in (
            ("telephone", office.contact("press_phone")),
            ("email", office.contact("press_email")),
        )
        if value
    }
    if press:
        data["contactPoint"] = [{"@type": "ContactPoint", "contactType": "media relations", **press}]
    if office.social:
        data["sameAs"] = [url for _, url in office.social]
    hours = [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": _SCHEMA_DAYS[day],
            "opens": start.strftime("%H:%M"),
            "closes": end.strftime("%H:%M"),
        }
        for day, ranges in office.hours.days
        for start, end in ranges
    ]
    if hours:
        data["openingHoursSpecification"] = hours
    parent = site.parent
    if parent is not None:
        data["parentOrganization"] = {
            "@type": "GovernmentOrganization",
            "name": parent.name,
            "url": parent.base_url,
        }
    else:
        data["parentOrganization"] = {"@type": "GovernmentOrganization", "name": site.network.organisation}
    return data


def organisation_ld(site: Site) -> str:
    return ld_json({"@context": "https://schema.org", **organisation(site)})


def publisher(office: Office) -> dict[str, Any]:
    """The unit as the publisher of an item, with its logo when it has one."""
    data: dict[str, Any] = {"@type": "GovernmentOrganization", "name": office.name, "url": office.base_url}
    if office.logo:
        data["logo"] = {"@type": "ImageObject", "url": absolute(office.base_url, office.logo.lstrip("/"))}
    return data


def article_ld(site: Site, page: Page) -> str:
    """A news item as a schema.org NewsArticle, an announcement as an Article that expires; else ""."""
    if page.section not in ("berita", "pengumuman"):
        return ""
    office = site.office
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle" if page.section == "berita" else "Article",
        "headline": page.title,
        "url": absolute(office.base_url, page.url),
        "mainEntityOfPage": absolute(office.base_url, page.url),
        "inLanguage": page.lang,
        "publisher": publisher(office),
        "author": {"@type": "Organization", "name": page.author or office.name},
    }
    if page.date:
        data["datePublished"] = page.date.isoformat()
        data["dateModified"] = (page.updated or page.date).isoformat()
    if page.expires:
        data["expires"] = page.expires.isoformat()
    if page.category:
        data["articleSection"] = page.category
    if page.summary:
        data["description"] = page.summary
    photo = card(page, office.base_url)
    if photo is not None and photo.width:
        data["image"] = {
            "@type": "ImageObject",
            "url": photo.url,
            "width": photo.width,
            "height": photo.height,
        }
    elif photo is not None:
        data["image"] = photo.url
    return ld_json(data)


def image_url(office: Office, image: str) -> str:
    return image if "://" in image else absolute(office.base_url, image)


def share_links(office: Office, page: Page) -> list[tuple[str, str]]:
    """Plain links that hand the page to a messenger or network: no script, no tracker."""
    url = absolute(office.base_url, page.url)
    u, t = quote(url, safe=""), quote(page.title, safe="")
    text = quote(f"{page.title} {url}", safe="")
    return [
        ("WhatsApp", f"https://wa.me/?text={text}"),
        ("Facebook", f"https://www.facebook.com/sharer/sharer.php?u={u}"),
        ("X", f"https://x.com/intent/post?url={u}&text={t}"),
        ("Telegram", f"https://t.me/share/url?url={u}&text={t}"),
        ("Surel", f"mailto:?subject={t}&body={quote(url, safe='')}"),
    ]


def whatsapp_url(number: str) -> str:
    """https://wa.me/<digits>, in international form (a leading 0 becomes Indonesia's 62)."""
    digits = re.sub(r"\D", "", number)
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    return f"https://wa.me/{digits}" if digits else ""


def tel_url(number: str) -> str:
    """tel: with digits only (an example number's "— contoh" note is not dialled)."""
    head = re.split(r"[—–]|\bcontoh\b", number)[0]
    digits = re.sub(r"[^\d+]", "", head)
    return f"tel:{digits}" if digits else ""


def map_url(office: Office) -> str:
    """OpenStreetMap at the unit's coordinates, else a search for its address: a link, never embedded tiles.

    An address marked unverified (an example value) gets no map link: a search for
    "Jl. Contoh No. 1 (alamat contoh)" sends readers nowhere.
    """
    if office.coordinates:
        lat, lon = office.coordinates
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
    if office.address and "address" not in office.unverified:
        return f"https://www.openstreetmap.org/search?query={quote(office.address, safe='')}"
    return ""


def social_links(office: Office) -> list[tuple[str, str]]:
    """(platform name, account address) for each official account, in the order platforms are declared."""
    return [(SOCIAL_PLATFORMS[key][0], url) for key, url in office.social]
