"""Whatever an editor saves, the build answers with a result or a located problem, never a traceback."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitegen.build.pipeline import BuildOptions, build
from sitegen.build.project import load_project
from sitegen.errors import BuildFailed

from .conftest import Fixture

NOW = datetime(2026, 11, 24, tzinfo=UTC)

front_matter_values = st.one_of(
    st.text(max_size=30),
    st.integers(),
    st.booleans(),
    st.lists(st.text(max_size=10), max_size=3),
    st.sampled_from(
        ["2026-10-01", "2026-13-45", "[", "{{ office.name }}", "null", "- a\n- b", "'", "\ud7ff"]
    ),
)
keys = st.sampled_from(
    ["title", "date", "tags", "slug", "aliases", "weight", "draft", "offices", "expires", "params", "x"]
)


def _yaml_value(value) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(repr(v) for v in value) + "]"
    return str(value)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    fields=st.dictionaries(keys, front_matter_values, max_size=6),
    body=st.text(max_size=200),
)
def test_any_front_matter_and_body_gives_a_site_or_located_problems(tmp_path_factory, fields, body):
    root = tmp_path_factory.mktemp("fuzz") / "repo"
    project = Fixture(root)
    text = "---\n" + "".join(f"{k}: {_yaml_value(v)}\n" for k, v in fields.items()) + "---\n" + body
    project.write("content/offices/alpha/berita/fuzz.md", text)
    try:
        build(load_project(root), BuildOptions(out=root / "public", now=NOW))
    except BuildFailed as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.path and problem.message
    shutil.rmtree(root)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300))
def test_any_bytes_in_a_content_file_give_a_site_or_located_problems(tmp_path_factory, data):
    root = tmp_path_factory.mktemp("bytes") / "repo"
    Fixture(root)
    path: Path = root / "content/shared/layanan/acak.md"
    path.write_bytes(data)
    try:
        build(load_project(root), BuildOptions(now=NOW))
    except BuildFailed as exc:
        assert all(p.path.startswith("content/shared/layanan/acak.md") for p in exc.problems), exc.problems
    shutil.rmtree(root)
