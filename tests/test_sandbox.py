"""The sandbox of shared pages' ``{{ }}`` and ``{% %}``: its limits hold for a whole page.

Each case was reported in issue #22 as a way past the limits of one call: loops
nested in each other, ``replace``, ``join`` and ``~`` making a hundred million
characters, a number squared until it takes minutes, a function or the whole
namespace printed. Each is now a located error, and a build goes on to report
everything else before it fails.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from sitegen.cli import main
from sitegen.sources.office_vars import OfficeVarError, prepare
from sitegen.sources.sandbox import LIMIT, OUTPUT, STEPS, TextList

NOW = "2026-11-24T12:00:00+07:00"
SHARED = "content/shared/layanan/uji.md"
CTX = {
    "office": SimpleNamespace(
        name="Kantor Alpha", services=TextList(("paspor",)), units=(SimpleNamespace(name="Unit"),)
    ),
    "network": SimpleNamespace(name="Jaringan"),
}


def render(body: str) -> str:
    return prepare(body, 4).render(CTX)


def refusal(body: str) -> OfficeVarError:
    with pytest.raises(OfficeVarError) as caught:
        render(body)
    return caught.value


REFUSED = {
    # work counted across the page, not per call
    "nested loops": (
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        f"more than {STEPS} loop turns",
    ),
    "loops in a row": (
        "{% for i in range(90000) %}{% endfor %}{% for i in range(90000) %}{% endfor %}",
        f"more than {STEPS} loop turns",
    ),
    "text written in a loop": (
        "{% for i in range(60000) %}{{ 'a' * 1000 }}{% endfor %}",
        f"write more than {OUTPUT} characters",
    ),
    "literal text in a loop": (
        "{% for i in range(90000) %}" + "x" * 100 + "{% endfor %}",
        f"write more than {OUTPUT} characters",
    ),
    # each value bounded before it is made
    "replace": ("{{ ('a' * 50000)|replace('a', 'b' * 1000) }}", f"more than {LIMIT} characters"),
    "join": ("{{ range(50000)|join('x' * 1000) }}", f"more than {LIMIT} characters"),
    "concatenation": ("{% set a = 'a' * 90000 %}{% set b = a ~ a %}{{ b }}", f"more than {LIMIT} characters"),
    "addition of texts": ("{{ 'a' * 90000 + 'b' * 90000 }}", f"more than {LIMIT} characters"),
    "squaring": (
        "{% set x = 3 %}" + "{% set x = x * x %}" * 22 + "{{ x }}",
        "too large a number",
    ),
    "a power": ("{{ 7 ** 100000 }}", "too large a number"),
    "a number literal of 5000 digits": ("{{ " + "9" * 5000 + " }}", "too large a number"),
    "a number read from text": ("{{ ('9' * 4000)|int }}", "too large a number"),
    # nothing but text and numbers printed
    "a function as text": ("{{ range|string }}", "names a group of values"),
    "the namespace as text": ("{{ office|string }}", "names a group of values"),
    "the namespace escaped": ("{{ office|e }}", "names a group of values"),
    "the namespace joined": ("{{ office ~ '' }}", "names a group of values"),
    "the namespace in upper case": ("{{ office|upper }}", "names a group of values"),
    "units joined": ("{{ office.units|join(', ') }}", "names a group of values"),
    # statements beyond if, for and set
    "a macro": ("{% macro m() %}x{% endmacro %}{{ m() }}", "{% macro %} is not available"),
    "a set block": ("{% set x %}abc{% endset %}{{ x }}", "not available"),
    "a recursive loop": ("{% for x in [1] recursive %}{{ loop([1]) }}{% endfor %}", "recursive loops"),
    "a filter block": ("{% filter upper %}x{% endfilter %}", "not available"),
}


@pytest.mark.parametrize("case", REFUSED, ids=list(REFUSED))
def test_work_beyond_the_limits_is_refused_quickly_and_located(case):
    body, expected = REFUSED[case]
    error = refusal(body)
    assert error.line == 4
    assert expected in error.message
    assert "0x" not in error.message and "namespace(" not in error.message


def test_a_page_may_use_its_whole_budget_over_several_expressions_but_not_more():
    below = "{{ 'a' * 99000 }}\n" * (OUTPUT // 99000)
    assert len(render(below)) > (OUTPUT // 99000) * 99000
    error = refusal(below + "{{ 'b' * 99000 }}\n")
    assert error.line == 4 + OUTPUT // 99000  # the expression that went over
    assert f"write more than {OUTPUT} characters" in error.message


def test_a_long_expression_is_quoted_short_in_the_message():
    error = refusal("{{ " + "9" * 5000 + " }}")
    assert len(error.message) < 200


def test_what_editors_write_still_works():
    body = (
        "{{ office.name|upper }} {% if 'paspor' in office.services %}paspor{% endif %} "
        "{% for i in range(3) %}{{ i }}{% endfor %} {{ office.services }} {{ 2 ** 10 }} "
        "{{ 'a' ~ 1 }} {{ [3, 1, 2]|sort|join('-') }} {{ office.name|replace('Alpha', 'Beta') }}"
    )
    assert render(body) == "<p>KANTOR ALPHA paspor 012 paspor 1024 a1 1-2-3 Kantor Beta</p>"


def test_each_render_starts_with_a_full_budget():
    template = prepare("{% for i in range(60000) %}{% endfor %}ok", 4)
    for _ in range(5):  # a budget used up by one unit is not carried to the next
        assert template.render(CTX) == "<p>ok</p>"


def test_a_page_over_budget_fails_the_build_and_the_other_errors_are_still_reported(project):
    project.write(
        SHARED,
        "---\ntitle: Uji\n---\n{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}\n",
    )
    project.write(
        "content/offices/bravo/berita/2026-11-01-uji.md", "---\ntitle: Uji\ndate: 2024-02-31\n---\nx\n"
    )
    result = CliRunner().invoke(main, ["build", "--root", str(project.root), "--now", NOW])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert f"{SHARED}:4: the page works through more than {STEPS} loop turns" in result.output
    assert "content/offices/bravo/berita/2026-11-01-uji.md:3:" in result.output
