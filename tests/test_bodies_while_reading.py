"""Bodies are converted on the other cores while the sources are still being read.

Issue #26: reading 13,060 sources took one core for 4 s of a cold `national` build
while the other idled, and Markdown only started after the last file was read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.errors import Problems
from sitegen.sources.bodies import BATCH, Bodies
from sitegen.sources.cache import Cache
from sitegen.sources.office_vars import BodyTemplate, OfficeVarError, prepare
from sitegen.sources.source import Source, load_sources

COUNT = 2 * BATCH + 5  # two full batches for the workers, and a few left over


def _content(root: Path, broken: int | None = None) -> Path:
    folder = root / "content" / "shared" / "layanan"
    folder.mkdir(parents=True)
    for n in range(COUNT):
        body = f"Isi **{n}** dengan [tautan](/layanan/) dan `kode`.\n"
        if n == broken:
            body = "Baris pertama.\n\n{% if office.name %}tanpa penutup\n"
        (folder / f"halaman-{n:03}.md").write_text(f"---\ntitle: Halaman {n}\n---\n{body}", encoding="utf-8")
    return root / "content"


def _read(content: Path, bodies: Bodies) -> list[Source]:
    with bodies.while_reading() as offer:
        return load_sources(content, ("pontianak",), Problems(content.parent), bodies.cache, offer)


def test_full_batches_are_prepared_while_reading_and_equal_what_one_process_makes(tmp_path):
    content = _content(tmp_path)
    early = Bodies(Cache(None), jobs=2)
    sources = _read(content, early)
    ready = [s for s in sources if s.digest in early._prepared]
    assert len(ready) == 2 * BATCH  # the last few wait for prepare_all, as everything did before

    alone = Bodies(Cache(None), jobs=1)
    alone.prepare_all(sources)
    early.prepare_all(sources)
    for source in sources:
        made = early.get(source)
        assert isinstance(made, BodyTemplate)
        assert made == alone.get(source)


def test_one_core_leaves_everything_to_prepare_all(tmp_path):
    bodies = Bodies(Cache(None), jobs=1)
    _read(_content(tmp_path), bodies)
    assert bodies._prepared == {}


def test_bodies_prepared_while_reading_are_cached_for_the_next_build(tmp_path):
    content = _content(tmp_path)
    first = Bodies(Cache(tmp_path / "cache.sqlite"), jobs=2)
    sources = _read(content, first)
    first.cache.close()

    later = Bodies(Cache(tmp_path / "cache.sqlite"), jobs=2)
    cached = sum(isinstance(later.cache.get("body", s.digest), BodyTemplate) for s in sources)
    assert cached == 2 * BATCH


def test_a_body_with_an_error_comes_back_as_that_error_with_its_line(tmp_path):
    bodies = Bodies(Cache(None), jobs=2)
    sources = _read(_content(tmp_path, broken=3), bodies)
    broken = next(s for s in sources if s.path.name == "halaman-003.md")
    with pytest.raises(OfficeVarError) as found:
        bodies.get(broken)
    with pytest.raises(OfficeVarError) as alone:
        prepare(broken.body, broken.body_line)  # as one process finds it
    assert (found.value.line, found.value.message) == (alone.value.line, alone.value.message)
    assert found.value.line == 6 and "{% if %}" in found.value.message  # the line where it opens
    assert "{% endif %}" in found.value.hint


def test_a_read_that_fails_leaves_no_body_half_known(tmp_path, monkeypatch):
    content = _content(tmp_path)
    bodies = Bodies(Cache(None), jobs=2)
    seen: list[Source] = []

    def failing(source: Source) -> None:
        seen.append(source)
        offer(source)
        if len(seen) == BATCH + 1:
            raise KeyboardInterrupt  # an editor stops the build while files are read

    with pytest.raises(KeyboardInterrupt), bodies.while_reading() as offer:
        load_sources(content, ("pontianak",), Problems(tmp_path), bodies.cache, failing)
    assert all(isinstance(value, BodyTemplate) for value in bodies._prepared.values())
    assert len(bodies._prepared) < BATCH  # the batch sent off was not kept: the read failed
    for source in seen:
        assert isinstance(bodies.get(source), BodyTemplate)  # prepared again when asked for
