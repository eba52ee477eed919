"""offices.yaml read: the network and its units, validated in one place.

This is the entry point: ``load_network`` reads the file and returns the ``Network``
(sitegen.config.settings) or reports every problem and returns None. Every key is
declared once, in ``OFFICES`` (sitegen.config.offices_keys: type, limits, default,
meaning in English and Indonesian); the readers apply that declaration, each module
to its part of the file:

- sitegen.config.offices_document: the text read as YAML that remembers its lines;
- sitegen.config.network_readers: the ``network:`` section;
- sitegen.config.unit_readers: each unit, key by key (with sitegen.config.unit_site
  and sitegen.config.unit_profile for the keys that need more than their type);
- sitegen.config.readers: the validator and the checks several keys share.

The units are then checked as a whole here (ids and addresses unique, parents known,
languages starting with the network's). Unknown keys are errors, because a typo such
as ``timezon:`` that passed silently would publish a site in the wrong zone.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

from sitegen.config.network_readers import (
    NETWORK,
    read_default_language,
    read_editor,
    read_feed_items,
    read_id_authority,
    read_menu,
    read_sections,
    read_security_contact,
    read_topics,
)
from sitegen.config.offices_document import read_document, read_past_tabs
from sitegen.config.offices_keys import OFFICES
from sitegen.config.readers import Validator, service_links
from sitegen.config.settings import Network, Office
from sitegen.config.unit_readers import read_unit
from sitegen.config.yaml_lines import LineDict, LineList
from sitegen.errors import Problem, Problems
from sitegen.i18n import _

# How many columns a tab may have stood for, tried in turn when going on past tabs.
_TAB_WIDTHS = (2, 4, 8)


def load_network(path: Path, problems: Problems, *, past_tabs: bool = False) -> Network | None:
    """Read and validate offices.yaml; report every problem, return None if any.

    With ``past_tabs`` (``sitegen check``), a file whose only fault is tabs in its indentation
    still gives the network it means, so that the content is checked against its units in the
    same run; the tabs stay reported as errors, so nothing is built from such a reading.
    """
    before = len(problems.errors)
    data = read_document(path, problems)
    if data is None:
        return _past_tabs(path, problems, problems.errors[before:]) if past_tabs else None
    network = _network(Validator(path, problems), data)
    return None if len(problems.errors) > before else network


def _past_tabs(path: Path, problems: Problems, found: list[Problem]) -> Network | None:
    """The network read with each tab taken as 2, 4 or 8 columns: the first width without a problem.

    Problems of these readings are not reported (the tabs are); a width that gives any, or a
    file that failed for more than tabs, gives no network, as without ``past_tabs``.
    """
    if not found or any(problem.kind != "yaml-tab" for problem in found):
        return None
    for width in _TAB_WIDTHS:
        quiet = Problems(problems.root)
        data = read_past_tabs(path, width, quiet)
        network = _network(Validator(path, quiet), data) if data is not None else None
        if network is not None and not quiet.items:
            return network
    return None


def _network(v: Validator, data: LineDict) -> Network:
    """The network from a document read as YAML; its problems reported through ``v``."""
    v.keys(data, OFFICES.names, _("top level"))
    net, feeds, listing = read_sections(v, data)
    security_contact = read_security_contact(v, net)
    default_language = read_default_language(v, net)
    offices = _units(v, data, net, default_language)
    return Network(
        name=v.text(net, "name", "network"),
        organisation=v.text(net, "organisation", "network"),
        directorate=v.text(net, "directorate", "network"),
        default_language=default_language,
        feed_items=read_feed_items(v, feeds),
        id_authority=read_id_authority(v, feeds),
        offices=tuple(offices),
        path=v.path,
        page_size=v.integer(listing, "page_size", NETWORK.key("list").key("page_size").default),
        security_contact=security_contact,
        topics=read_topics(v, net),
        menu=read_menu(v, net),
        editor=read_editor(v, net),
    )


def _units(v: Validator, data: LineDict, net: LineDict, language: str) -> list[Office]:
    """Every unit, with the network's service links where it has none of its own, checked as a whole.

    ``language`` is the network's default language, which every site is published in first.
    """
    units = data.get("units")
    if not isinstance(units, LineList) or not units:
        v.err(
            data.line_of("units"), _("'units' must be a non-empty list of units"), _("add at least one unit")
        )
        units = LineList()
    offices = [o for o in (read_unit(v, u, units.line_of(i)) for i, u in enumerate(units)) if o]
    defaults = service_links(v, net, "network.links")
    offices = [replace(o, links=tuple({**dict(defaults), **dict(o.links)}.items())) for o in offices]
    _check_ids_and_parents(v, offices)
    _check_addresses(v, offices)
    return [_languages_from(v, office, language) for office in offices]


def _check_ids_and_parents(v: Validator, offices: list[Office]) -> None:
    """Ids unique and parents known: an id names a folder and a site, a parent the unit above."""
    seen: dict[str, Office] = {}
    for office in offices:
        if office.id in seen:
            v.err(
                office.line,
                _(
                    "duplicate unit id {unit!r} (first at line {line})",
                    unit=office.id,
                    line=seen[office.id].line,
                ),
                _("every unit needs its own id"),
                unit=office.id,
            )
        seen.setdefault(office.id, office)
    for office in offices:
        if office.parent and office.parent not in seen:
            v.err(
                office.line,
                _("unit {unit!r} names unknown parent {parent!r}", unit=office.id, parent=office.parent),
                _("use one of: {ids}", ids=", ".join(sorted(seen))),
                unit=office.id,
            )


def _check_addresses(v: Validator, offices: list[Office]) -> None:
    """Every unit at its own address: two sites at one would publish over each other's pages.

    The same host and path is the same address, whatever the scheme or the case of the host.
    """
    seen: dict[tuple[str, str], Office] = {}
    for office in offices:
        address = _address(office.base_url)
        if address is None:
            continue
        first = seen.setdefault(address, office)
        if first is not office:
            v.err(
                office.lines.get("base_url", office.line),
                _(
                    "base_url {url!r} is already the address of unit {unit!r} (line {line})",
                    url=office.base_url,
                    unit=first.id,
                    line=first.lines.get("base_url", first.line),
                ),
                _("give every unit its own base_url"),
                "duplicate-base-url",
                unit=office.id,
                key="base_url",
            )


def _address(base_url: str) -> tuple[str, str] | None:
    """The host (with its port) and path a base_url publishes at; None for one already refused."""
    try:
        parts = urlsplit(base_url)
        port = parts.port
    except ValueError:
        return None
    if not parts.hostname:
        return None
    return f"{parts.hostname.lower()}:{port or ''}", parts.path or "/"


def _languages_from(v: Validator, office: Office, default: str) -> Office:
    """The unit's languages, the network's default first, as written; refused otherwise.

    Every site's own pages (those at addresses without a language) are in the network's
    default language, whatever the list says; a list not starting with it would be read
    as something other than what it says, so it is refused with the list to write. A unit
    that writes no list publishes that language alone.
    """
    if "languages" not in office.lines:
        return replace(office, languages=(default,))
    if office.languages[0] != default:
        fixed = (default, *(code for code in office.languages if code != default))
        v.err(
            office.lines["languages"],
            _(
                "languages: [{written}] does not start with the network's default language {default!r}: "
                "every site is published in it first",
                written=", ".join(office.languages),
                default=default,
            ),
            _("write languages: [{fixed}]", fixed=", ".join(fixed)),
            "language-order",
            unit=office.id,
            key="languages",
        )
    return office
