"""The persistent cache holds data, never code, and a damaged cache is replaced.

Issue #22: the cache was pickle, so a tampered entry (a cache restored from a CI
artefact, a shared folder) ran a shell command during ``sitegen build``; and a
cache overwritten with random bytes was never replaced, so every later build
silently ran uncached.
"""

from __future__ import annotations

import json
import os
import pickle
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from sitegen.config.yaml_lines import load
from sitegen.sources.cache import Cache, dumps, loads
from sitegen.sources.front_matter import FrontMatter
from sitegen.sources.office_vars import prepare

NOW = "2026-11-24T12:00:00+07:00"


def sitegen(project, *args: str) -> subprocess.CompletedProcess:
    """sitegen in a process of its own, as CI runs it."""
    return subprocess.run(
        [sys.executable, "-m", "sitegen", *args, "--root", str(project.root), "--now", NOW],
        capture_output=True,
        text=True,
        timeout=300,
    )


def entries(project) -> list[tuple[str, str, bytes]]:
    with sqlite3.connect(project.root / ".sitegen-cache/cache.sqlite") as db:
        return db.execute("SELECT kind, key, value FROM entries").fetchall()


class Boom:
    """What an attacker stores: unpickling it runs a command that leaves a file behind."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_every_entry_is_json_plain_bytes_or_plain_text(project):
    assert sitegen(project, "build").returncode == 0
    stored = entries(project)
    assert {kind for kind, _, _ in stored} >= {"source", "body"}
    for kind, _, value in stored:
        assert value[:1] in ((b"J", b"P") if kind == "body" else (b"J", b"B"))
        if value[:1] == b"P":
            value[1:].decode("utf-8")  # a plain body is its HTML as text, nothing else
        assert not value.startswith(b"\x80")  # no pickle anywhere


def test_a_tampered_entry_runs_nothing_and_is_made_again(project, tmp_path):
    assert sitegen(project, "build").returncode == 0
    marker = tmp_path / "ran"
    with sqlite3.connect(project.root / ".sitegen-cache/cache.sqlite") as db:
        # the salt is left as it is, so the entries are read as current
        db.execute("UPDATE entries SET value = ? WHERE kind = 'body'", (pickle.dumps(Boom(marker)),))
        db.execute("UPDATE entries SET value = ? WHERE kind = 'source'", (b'J{"__os.system":"touch x"}',))
    result = sitegen(project, "build")
    assert result.returncode == 0, result.stderr
    assert not marker.exists()
    assert all(value[:1] in (b"J", b"B", b"P") for _, _, value in entries(project))  # made again
    page = (project.out / "alpha/layanan/paspor-baru/index.html").read_text()
    assert "Kantor Imigrasi" in page


@pytest.mark.parametrize("damage", ["random bytes", "truncated"])
def test_a_damaged_cache_file_is_replaced_with_a_warning_and_filled_again(project, damage):
    assert sitegen(project, "build").returncode == 0
    path = project.root / ".sitegen-cache/cache.sqlite"
    if damage == "random bytes":
        path.write_bytes(os.urandom(64 * 1024))
    else:
        path.write_bytes(path.read_bytes()[:100])
    result = sitegen(project, "build")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert ".sitegen-cache/cache.sqlite: the cache is damaged" in result.stderr
    assert len(entries(project)) > 0  # filled again by the build that found it damaged
    again = sitegen(project, "build")
    assert again.returncode == 0 and "the cache is damaged" not in again.stderr


def test_front_matter_and_prepared_bodies_come_back_as_they_were():
    params = load("a: 1\nb: [x, y]\nc: {d: true}\n")
    meta = FrontMatter(title="Uji", tags=("a", "b"), params=dict(params), lines={"title": 2}, weight=3)
    back = loads(dumps((meta, "isi", 5)))
    assert back == (meta, "isi", 5)
    assert back[0].params == {"a": 1, "b": ["x", "y"], "c": {"d": True}}
    assert back[0].params["b"].line_of(1) == 2  # where each value stood, for located errors
    assert type(back[0].tags) is tuple and type(back[0].aliases) is tuple  # stored as bare lists
    for body in ("plain *text*", "{{ office.name }} and {{ office.address }}", "{% if x %}y{% endif %}"):
        prepared = prepare(body, 4)
        assert loads(dumps(prepared)) == prepared
    assert dumps(prepare("plain *text*", 4)) == b"P<p>plain <em>text</em></p>"  # its HTML, as text
    trusted = prepare("<b>raw</b>", 4, trusted=True)
    assert dumps(trusted)[:1] == b"J" and loads(dumps(trusted)) == trusted  # more than its HTML: JSON
    assert loads(dumps(b"\x89PNG")) == b"\x89PNG"
    assert loads(dumps(("digest", [("pagefind/x", b"\x00\x01")]))) == (
        "digest",
        [("pagefind/x", b"\x00\x01")],
    )


def test_fields_left_at_their_defaults_are_not_stored():
    meta = FrontMatter(title="Uji", date="2026-10-01", sample=True, lines={"title": 2, "date": 3})
    stored = json.loads(dumps(meta)[1:])["__FrontMatter"]
    assert set(stored) == {"title", "date", "sample", "lines"}  # of thirty fields, the four written
    assert loads(dumps(meta)) == meta
    assert json.loads(dumps(FrontMatter(title="", weight=0))[1:])["__FrontMatter"] == {
        "title": ""
    }  # required: kept


@pytest.mark.parametrize(
    "blob",
    [
        b'J{"__builtins.eval":"1"}',
        b"J{not json",
        b"P\xff\xfe not UTF-8",
        b"\x80\x04K\x01.",
        b"",
        b'J{"__FrontMatter":{"nope":1}}',
        b'J{"__FrontMatter":["Judul"]}',
    ],
    ids=[
        "unknown class",
        "broken JSON",
        "plain body not text",
        "pickle",
        "empty",
        "unknown field",
        "fields not named",
    ],
)
def test_an_entry_of_unknown_shape_is_refused_on_reading(blob):
    with pytest.raises((ValueError, TypeError)):
        loads(blob)


def test_a_value_without_a_data_shape_is_simply_not_cached(tmp_path):
    cache = Cache(tmp_path / "c.sqlite")
    cache.put("source", "k", {frozenset({1})})
    cache.put("source", "ok", ("a", 1))
    cache.close()
    again = Cache(tmp_path / "c.sqlite")
    assert again.get("source", "k") is None
    assert again.get("source", "ok") == ("a", 1)


@pytest.mark.parametrize(
    "data",
    [
        b"---\ntitle: Uji\n---\nIsi *halaman*.\n",
        b"\xef\xbb\xbf---\r\ntitle: Uji\r\n---\r\n\r\nBaris satu.\r\nBaris dua.\r\n",
        b"---\ntitle: Kosong\n---\n",
    ],
    ids=["plain", "BOM and CRLF", "no body"],
)
def test_a_source_read_from_the_cache_is_the_source_read_from_its_file(tmp_path, data):
    """The cache keeps a body as its length (the file's text is read anyway); it comes back whole."""
    from sitegen.errors import Problems
    from sitegen.sources.source import read_source

    content = tmp_path / "content"
    page = content / "shared" / "layanan" / "uji.md"
    page.parent.mkdir(parents=True)
    page.write_bytes(data)
    fresh = read_source(page, content, ("alpha",), Problems(tmp_path))
    cache = Cache(tmp_path / "c.sqlite")
    first = read_source(page, content, ("alpha",), Problems(tmp_path), cache)
    cache.close()
    again = Cache(tmp_path / "c.sqlite")
    [(stored,)] = again._db.execute("SELECT value FROM entries WHERE kind = 'source'").fetchall()
    assert isinstance(loads(stored)[1], int), "the body is kept as its length, not its text"
    cached = read_source(page, content, ("alpha",), Problems(tmp_path), again)
    assert fresh == first == cached
    assert cached.body == fresh.body and cached.body_line == fresh.body_line
