"""Example data must never pass for official data.

The shipped network is an example: its domains, street addresses, telephone
numbers and hours are placeholders, and its news items are samples. A unit
lists the keys whose values are examples under ``unverified:`` in offices.yaml;
values that look like placeholders ("— contoh", "000000", "example") are caught
even when nobody listed them; news written as a sample says ``sample: true``.
Each is a warning in ``sitegen check`` (so ``--strict``, as CI runs it, fails
until the data is real), and every page of such a unit says so to readers.
"""

from __future__ import annotations

import re

from sitegen.config.offices_keys import CONTACTS
from sitegen.config.settings import Network, Office
from sitegen.errors import Problems
from sitegen.i18n import _
from sitegen.sources.source import Source

PATTERN = re.compile(r"\bcontoh\b|0{6}|\bexample\b|\bplaceholder\b|\blorem\b", re.I)
TEXT_KEYS = ("name", "short_name", "address", "base_url")


def suspicious_values(office: Office) -> list[tuple[str, str]]:
    """(key, value) pairs of the unit whose text looks like a placeholder."""
    found = [(key, getattr(office, key)) for key in TEXT_KEYS if PATTERN.search(getattr(office, key) or "")]
    found += [(f"contacts.{k}", office.contact(k)) for k in CONTACTS if PATTERN.search(office.contact(k))]
    return found


def is_example(office: Office) -> bool:
    """Does any of the unit's published data still stand in for the real thing?"""
    return bool(office.unverified or suspicious_values(office))


def placeholder_warnings(network: Network, sources: list[Source], problems: Problems) -> None:
    """Every placeholder, at its offices.yaml or content line, with what to do."""
    for office in network.offices:
        listed = set(office.unverified)
        for key in office.unverified:
            problems.warning(
                network.path,
                office.lines.get(key, office.line),
                _(
                    "unit {unit}: {key} is an example value, not the unit's official data (unverified:)",
                    unit=office.id,
                    key=key,
                ),
                _("put the real {key} in offices.yaml and remove it from unverified:", key=key),
                "example-value",
                unit=office.id,
                key=key,
            )
        for key, value in suspicious_values(office):
            if key.split(".")[0] in listed:
                continue
            problems.warning(
                network.path,
                office.lines.get(key.split(".")[0], office.line),
                _(
                    "unit {unit}: {key} {value!r} looks like a placeholder",
                    unit=office.id,
                    key=key,
                    value=value,
                ),
                _("put the real value in offices.yaml"),
                "placeholder-value",
                unit=office.id,
                key=key,
            )
        if not any(office.contact(k) and not PATTERN.search(office.contact(k)) for k in CONTACTS):
            problems.warning(
                network.path,
                office.lines.get("contacts", office.line),
                _(
                    "unit {unit}: readers have no real way to reach it (no phone, WhatsApp or e-mail)",
                    unit=office.id,
                ),
                _("add at least one official contact under contacts:"),
                "no-real-contact",
                unit=office.id,
                key="contacts",
            )
    for source in sources:
        if source.meta.sample:
            problems.warning(
                source.path,
                source.meta.line_of("sample"),
                _("sample content, not a real news item or announcement (sample: true)"),
                _("replace it with the unit's own text, or delete it, before the site goes live"),
                "sample-content",
                key="sample",
            )
