"""Lighthouse scores 100 for accessibility, best practices and SEO on the pages readers open first,
in the light and the dark colour scheme alike."""

from __future__ import annotations

import pytest

from . import lighthouse, quality
from .conftest import pages_to_open

pytestmark = pytest.mark.gates


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_lighthouse_scores_100_on_every_home_and_on_an_article_a_list_and_search_results(
    shipped, units, tmp_path, scheme
):
    problems = []
    detailed = next(u for u in units if "article" in pages_to_open(shipped / u))
    for unit in units:
        chosen = pages_to_open(shipped / unit)
        names = ("home", "article", "list", "search") if unit == detailed else ("home",)
        with quality.served(shipped / unit) as base:
            for name in names:
                path = chosen[name] + ("?q=paspor" if name == "search" else "")
                found, failing = lighthouse.scores(base + path, tmp_path, scheme)
                if any(score != 1 for score in found.values()) or failing:
                    problems.append(f"{unit} {name} ({scheme}): {found} {failing}")
    assert problems == []
