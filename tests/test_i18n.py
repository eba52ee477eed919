"""Editors read sitegen in Indonesian; English on request; machines read codes, never words.

Every message an editor sees is an English msgid in the code, translated by
sitegen/locales/id/LC_MESSAGES/sitegen.po. These specifications keep that
catalog complete, keep every message going through it, and show a broken file
checked in both languages with the same codes. (Every other test file reads
English: see the ``english_messages`` fixture in conftest.py.)
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path
from string import Formatter

import click
import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from click.testing import CliRunner

from sitegen import i18n
from sitegen.cli import main
from sitegen.codes import CODES, GENERIC

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "sitegen"
CATALOG = PACKAGE / "locales" / "id" / "LC_MESSAGES" / "sitegen.po"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
LETTERS = re.compile(r"[A-Za-z]{2}")

BROKEN = "---\ntitle: Jadwal\ndate: 2026-13-40\ndraft: tidak\n---\nIsi.\n"


def used_msgids() -> dict[str | tuple[str, ...], str]:
    """Every msgid the code passes to _(), N_() or ngettext(), with where it is used."""
    found: dict[str | tuple[str, ...], str] = {}
    for name, line, message, _comments, _context in extract_from_dir(
        PACKAGE, method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        found.setdefault(message, f"sitegen/{name}:{line}")
    return found


def test_every_message_the_code_uses_has_an_indonesian_translation():
    with CATALOG.open("rb") as handle:
        catalog = read_po(handle)
    missing = []
    for message, where in used_msgids().items():
        key = message[0] if isinstance(message, tuple) else message
        entry = catalog.get(message) or catalog.get(key)
        strings = entry.string if entry is not None else ""
        strings = strings if isinstance(strings, (tuple, list)) else (strings,)
        if entry is None or entry.fuzzy or not all(strings):
            missing.append(f"{where} {key!r}")
    assert missing == []
    assert len(used_msgids()) > 300


def fields(text: str) -> list[str]:
    """The {placeholders} of a message as str.format reads them (a doubled brace is none)."""
    try:
        return sorted(name for _text, name, _spec, _conv in Formatter().parse(text) if name is not None)
    except ValueError:
        return ["(unbalanced braces)"]


def test_each_translation_keeps_the_placeholders_of_its_message():
    """A translator may move {key} or {path}, never drop or rename one: it would fail at run time."""
    with CATALOG.open("rb") as handle:
        catalog = read_po(handle)
    wrong = []
    for entry in catalog:
        if not entry.id:
            continue
        ids = entry.id if isinstance(entry.id, tuple) else (entry.id,)
        strings = entry.string if isinstance(entry.string, (tuple, list)) else (entry.string,)
        wrong += [(ids[-1], text) for text in strings if fields(text) != fields(ids[-1])]
    assert wrong == []


def test_the_catalog_holds_no_message_the_code_no_longer_uses():
    with CATALOG.open("rb") as handle:
        catalog = read_po(handle)
    used = {m[0] if isinstance(m, tuple) else m for m in used_msgids()}
    stale = sorted(m.id[0] if isinstance(m.id, tuple) else m.id for m in catalog if m.id)
    assert [m for m in stale if m not in used] == []


# Calls whose text reaches an editor: the arguments named here must be _()/ngettext() calls or
# variables, never a literal or an f-string with words in it.
_METHODS = {"error": (2, 3), "warning": (2, 3), "info": (2, 3), "_attention": (1, 2)}
_CALLS = {"echo": (0,), "BadParameter": (0,), "UsageError": (0,), "ClickException": (0,)}
_RAISED = ("Error", "Refused", "ContentLimit", "NotAvailable", "Note", "Problem", "Said", "Hint")
_BUILTIN = (
    "ValueError",
    "TypeError",
    "KeyError",
    "LookupError",
    "RuntimeError",
    "AssertionError",
    "OSError",
    "PermissionError",
)


def _words(node: ast.AST) -> bool:
    """A literal (or the literal parts of an f-string or a sum) holding words."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(LETTERS.search(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(_words(v) for v in node.values)
    if isinstance(node, ast.BinOp):
        return _words(node.left) or _words(node.right)
    if isinstance(node, ast.IfExp):
        return _words(node.body) or _words(node.orelse)
    return False


def _name(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def untranslated(tree: ast.AST) -> list[int]:
    """Lines where words reach an editor without passing through the catalog."""
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        if isinstance(node.func, ast.Attribute) and name in _METHODS:
            positions = _METHODS[name]
        elif name in _CALLS:
            positions = _CALLS[name]
        elif name.endswith(_RAISED) and name not in _BUILTIN:  # Python's own are never shown as they are
            positions = {"Note": (1, 2), "Problem": (2, 3), "Said": (1, 2)}.get(name, (0, 1))
        else:
            continue
        args = [node.args[i] for i in positions if i < len(node.args)]
        args += [k.value for k in node.keywords if k.arg in ("message", "hint")]
        if any(_words(arg) for arg in args):
            lines.append(node.lineno)
    return lines


def test_no_message_to_an_editor_escapes_translation():
    escaped = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for line in untranslated(ast.parse(path.read_text(encoding="utf-8"))):
            escaped.append(f"{path.relative_to(REPO)}:{line}")
    # kept as they are on purpose: machine-read lines (`deploy plan` prints "upload PATH" for .ci/publish)
    allowed = {"sitegen/commands/deploy.py"}
    assert [e for e in escaped if e.split(":")[0] not in allowed] == []


def test_the_escape_check_catches_a_literal_message():
    """The check above would see a message written without _()."""
    tree = ast.parse('problems.error(path, 3, f"broken link {x}", "fix it")\nraise ScaffoldError("no")\n')
    assert untranslated(tree) == [1, 2]
    assert untranslated(ast.parse('problems.error(path, 3, _("broken link {x}", x=x), hint)')) == []


def test_every_code_a_check_reports_is_in_the_table():
    """Codes are passed where a problem is raised; the table in sitegen/codes.py lists them all."""
    used = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or _name(node.func) not in ("error", "warning", "info"):
                continue
            code = node.args[4] if len(node.args) > 4 else None
            code = next((k.value for k in node.keywords if k.arg == "code"), code)
            if isinstance(code, ast.Constant) and isinstance(code.value, str):
                used.add(code.value)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            called = isinstance(node, ast.Call) and _name(node.func) in ("Hint", "ImageError")
            if called and len(node.args) > 2 and isinstance(node.args[2], ast.Constant):
                used.add(node.args[2].value)
    assert sorted(used - set(CODES) - set(GENERIC.values())) == []
    assert len(used) > 50


CATALOGS = sorted(i18n.LOCALES.rglob("*.po")) + sorted((i18n.LOCALES.parents[1] / "themes").rglob("*.po"))


@pytest.mark.parametrize("po", CATALOGS, ids=lambda po: po.name)
def test_sitegen_reads_every_catalog_as_babel_compiles_it(po):
    """sitegen's own reader gives each message (and each plural form for 0 to 4) Babel's .mo would."""
    import gettext
    import io

    from babel.messages.mofile import write_mo

    with po.open("rb") as handle:
        catalog = read_po(handle, locale=po.parent.parent.name)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    babel, ours = gettext.GNUTranslations(compiled), i18n.read_catalog(po.read_text(encoding="utf-8"))
    messages = [m.id for m in catalog if m.id]
    assert len(messages) > 40
    for msgid in messages:
        if isinstance(msgid, tuple):
            singular, plural = msgid[:2]
            for n in range(5):
                assert ours.ngettext(singular, plural, n) == babel.ngettext(singular, plural, n)
        else:
            assert ours.gettext(msgid) == babel.gettext(msgid)


def test_the_catalog_reader_leaves_out_fuzzy_obsolete_and_untranslated_entries_and_unescapes():
    catalog = i18n.read_catalog(
        'msgid ""\nmsgstr "Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        '#, fuzzy\nmsgid "guess"\nmsgstr "tebakan"\n\n'
        '#~ msgid "old"\n#~ msgstr "lama"\n\n'
        'msgid "empty"\nmsgstr ""\n\n'
        'msgid "a \\"quoted\\" \\\\ line"\nmsgstr ""\n"baris \\"dikutip\\"\\n"\n"\\tdua"\n\n'
        'msgid "{count} file"\nmsgid_plural "{count} files"\nmsgstr[0] "{count} berkas"\nmsgstr[1] "{count} berkas-berkas"\n'
    )
    assert catalog.gettext("guess") == "guess" and catalog.gettext("old") == "old"
    assert catalog.gettext("empty") == "empty"
    assert catalog.gettext('a "quoted" \\ line') == 'baris "dikutip"\n\tdua'
    assert catalog.ngettext("{count} file", "{count} files", 1) == "{count} berkas"
    assert catalog.ngettext("{count} file", "{count} files", 2) == "{count} berkas-berkas"
    assert catalog.ngettext("unknown", "unknowns", 2) == "unknowns"
    one_form = i18n.read_catalog(
        '#, fuzzy\nmsgid ""\nmsgstr "Plural-Forms: nplurals=1; plural=0;\\n"\n\n'
        'msgid "{count} file"\nmsgid_plural "{count} files"\nmsgstr[0] "{count} berkas"\n'
    )
    assert one_form.ngettext("{count} file", "{count} files", 7) == "{count} berkas", "a fuzzy header's rule"
    slip = i18n.read_catalog(
        'msgid ""\nmsgstr "Plural-Forms: nplurals=2; plural=(n !=;\\n"\n\nmsgid "a"\nmsgstr "b"\n'
    )
    assert slip.gettext("a") == "b" and slip.ngettext("one", "many", 2) == "many", (
        "a rule gettext cannot read"
    )


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "id"),
        ({"LANG": "C.UTF-8"}, "id"),
        ({"LANG": "id_ID.UTF-8"}, "id"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_MESSAGES": "en_GB.UTF-8", "LANG": "id_ID.UTF-8"}, "en"),
        ({"LC_ALL": "id_ID.UTF-8", "LANG": "en_US.UTF-8"}, "id"),
        ({"LANGUAGE": "en", "LC_ALL": "id_ID.UTF-8"}, "en"),
    ],
)
def test_the_locale_chooses_english_only_when_it_starts_with_en(environ, expected):
    assert i18n.from_environment(environ) == expected


def _check(project, *args: str, lang: str | None = None):
    first = ["--lang", lang] if lang else []
    return CliRunner().invoke(main, [*first, "check", "--root", str(project.root), *args])


def _indonesian(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in i18n.ENV_VARS:
        monkeypatch.delenv(name, raising=False)


def test_check_speaks_indonesian_by_default(project, monkeypatch):
    _indonesian(monkeypatch)
    project.write("content/offices/alpha/berita/2026-11-20-jadwal.md", BROKEN)
    result = _check(project)
    assert result.exit_code == 1
    where = "content/offices/alpha/berita/2026-11-20-jadwal.md"
    assert f"{where}:3: 'date': '2026-13-40': tanggal itu tidak ada (tidak ada bulan 13)" in result.output
    assert (
        f"{where}:4: 'draft' harus true atau false, bukan 'tidak' "
        "('tidak' berarti terbitkan: hapus baris draft; tulis draft: true hanya jika halaman belum boleh terbit)"
    ) in result.output
    assert "2 kesalahan, " in result.output
    assert "error" not in result.output


def test_lang_en_and_an_english_locale_ask_for_english(project, monkeypatch):
    _indonesian(monkeypatch)
    project.write("content/offices/alpha/berita/2026-11-20-jadwal.md", BROKEN)
    asked = _check(project, lang="en")
    assert "'2026-13-40': that day does not exist (there is no month 13)" in asked.output
    assert "2 errors, " in asked.output
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert "2 errors, " in _check(project).output
    assert "2 kesalahan, " in _check(project, lang="id").output


def test_json_carries_the_same_codes_in_either_language(project, monkeypatch):
    _indonesian(monkeypatch)
    project.write("content/offices/alpha/berita/2026-11-20-jadwal.md", BROKEN)
    reports = {
        lang: json.loads(_check(project, "--format", "json", lang=lang).stdout) for lang in ("id", "en")
    }
    codes = {
        lang: sorted((p["path"], p["line"], p["code"], p["key"]) for p in report["problems"])
        for lang, report in reports.items()
    }
    assert codes["id"] == codes["en"]
    mine = [c for c in codes["id"] if c[0].endswith("jadwal.md")]
    assert mine == [
        ("content/offices/alpha/berita/2026-11-20-jadwal.md", 3, "date-unreadable", "date"),
        ("content/offices/alpha/berita/2026-11-20-jadwal.md", 4, "not-boolean-word", "draft"),
    ]
    messages = {lang: {p["message"] for p in r["problems"]} for lang, r in reports.items()}
    assert messages["id"].isdisjoint(messages["en"])


def test_a_problem_met_in_several_units_names_them_from_its_units_field(project, monkeypatch):
    _indonesian(monkeypatch)
    project.write("content/shared/layanan/rusak.md", "---\ntitle: Rusak\n---\n[x](/tidak-ada/)\n")
    report = json.loads(_check(project, "--format", "json").stdout)
    broken = [p for p in report["problems"] if p["code"] == "broken-link"]
    assert len(broken) == 1
    assert len(broken[0]["units"]) > 1
    assert broken[0]["message"] == f"tautan rusak /tidak-ada/ [unit {', '.join(broken[0]['units'])}]"


def test_sitegen_new_writes_the_starter_comments_in_the_editors_language(project, monkeypatch):
    _indonesian(monkeypatch)
    args = ["new", "--root", str(project.root), "pengumuman", "Libur Natal", "--office", "alpha"]
    args += ["--now", "2026-11-24T09:00+07:00"]
    made = CliRunner().invoke(main, args)
    assert made.exit_code == 0, made.output
    text = (project.root / made.output.strip()).read_text(encoding="utf-8")
    assert "draft: true  # hapus baris ini jika halaman sudah siap terbit\n" in text
    assert "  # hari terakhir pengumuman ini berlaku\n" in text
    english = CliRunner().invoke(main, ["--lang", "en", *args[:4], "Libur Tahun Baru", *args[5:]])
    text = (project.root / english.output.strip()).read_text(encoding="utf-8")
    assert "draft: true  # delete this line when the page is ready to publish\n" in text


CLICK_CATALOG = PACKAGE / "locales" / "id" / "LC_MESSAGES" / "click.po"
CLICK_ENGLISH = (
    "Usage:",
    "Options:",
    "Commands:",
    "Error:",
    "Invalid value",
    "No such command",
    "Missing argument",
    "Show this message and exit",
    "Try '",
    "[OPTIONS]",
)


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize(
    ("args", "exit_code", "indonesian"),
    [
        (["--help"], 0, "Penggunaan: main [OPSI] PERINTAH [ARGUMEN]..."),
        (["build", "--help"], 0, "Bangun hanya unit ini (boleh diulang)."),
        (["serve", "--help"], 0, "Tampilkan pesan bantuan ini lalu keluar."),
        (["biuld"], 2, "Kesalahan: Perintah 'biuld' tidak ada. Mungkin maksud Anda: 'build'?"),
        (["new", "berita"], 2, "Kesalahan: Kurang argumen 'JUDUL'."),
        (["build", "--jobs", "x"], 2, "Kesalahan: Nilai tidak sah untuk '--jobs' / '-j': 'x' bukan angka"),
    ],
)
def test_click_speaks_indonesian_in_help_usage_and_errors(monkeypatch, args, exit_code, indonesian):
    _indonesian(monkeypatch)
    result = _run(*args)
    assert result.exit_code == exit_code, result.output
    assert indonesian in result.output
    assert [words for words in CLICK_ENGLISH if words in result.output] == []


def test_an_unknown_unit_for_office_is_an_indonesian_usage_error(project, monkeypatch):
    _indonesian(monkeypatch)
    result = _run("build", "--root", str(project.root), "--office", "nosuch")
    assert result.exit_code == 2
    assert "Kesalahan: Nilai tidak sah untuk --office: unit 'nosuch' tidak dikenal" in result.output
    assert [words for words in CLICK_ENGLISH if words in result.output] == []


def test_lang_en_keeps_clicks_english_even_when_asked_after_the_environment(monkeypatch):
    _indonesian(monkeypatch)
    helped = _run("--lang", "en", "build", "--help")
    assert "Usage: main build [OPTIONS]" in helped.output
    assert "Build only this unit (repeatable)." in helped.output
    assert "-h, --help" in helped.output and "Show this message and exit." in helped.output
    assert "Show this message and exit." in _run("--lang", "en", "--help").output
    assert "Error: No such command 'biuld'. Did you mean 'build'?" in _run("--lang", "en", "biuld").output


def test_lang_written_after_help_still_chooses_the_language_of_the_help(monkeypatch):
    _indonesian(monkeypatch)
    assert "Show this message and exit." in _run("--help", "--lang", "en").output
    assert "Show this message and exit." in _run("--help", "--lang=en").output
    assert "Penggunaan:" in _run("--help").output


def _help_texts(command: click.Command, ctx: click.Context) -> list[str]:
    """Every help text ``sitegen ... --help`` shows for ``command`` and its subcommands."""
    texts = [command.get_short_help_str(), command.help or ""]
    texts += [record[1] for param in command.get_params(ctx) if (record := param.get_help_record(ctx))]
    if isinstance(command, click.Group):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            assert sub is not None
            texts += _help_texts(sub, click.Context(sub, parent=ctx, info_name=name))
    return texts


def test_every_help_text_of_every_command_has_its_indonesian(monkeypatch):
    _indonesian(monkeypatch)
    shown = {}
    for lang in ("id", "en"):
        i18n.use(lang)
        shown[lang] = _help_texts(main, click.Context(main, info_name="sitegen"))
    pairs = zip(shown["en"], shown["id"], strict=True)
    assert [english for english, ours in pairs if english == ours and english] == []
    assert len(shown["id"]) > 100


def click_msgids() -> set[str]:
    """Every msgid click's own source passes to gettext."""
    source = Path(click.__file__).parent
    keywords = {"_": None, "ngettext": (1, 2)}
    return {
        message[0] if isinstance(message, tuple) else message
        for _name, _line, message, _comments, _context in extract_from_dir(
            source, method_map=[("**.py", "python")], keywords=keywords
        )
    }


def test_the_click_catalog_translates_messages_click_still_has_and_keeps_their_placeholders():
    with CLICK_CATALOG.open("rb") as handle:
        catalog = read_po(handle)
    entries = [entry for entry in catalog if entry.id]
    ids = {entry.id[0] if isinstance(entry.id, tuple) else entry.id for entry in entries}
    assert sorted(ids - click_msgids()) == []
    assert {"Usage:", "Error: {message}", "No such command {name!r}.", "Missing argument"} <= ids
    for entry in entries:
        strings = entry.string if isinstance(entry.string, (tuple, list)) else (entry.string,)
        last = entry.id[-1] if isinstance(entry.id, tuple) else entry.id
        assert all(strings) and not entry.fuzzy, entry.id
        assert all(set(fields(text)) <= set(fields(last)) for text in strings), entry.id


def test_a_save_that_touches_no_unit_says_so_in_plain_indonesian(monkeypatch):
    from sitegen.commands.serve import _rebuilt

    _indonesian(monkeypatch)
    assert _rebuilt(set(), 0.01, {"README.md"}) == "tidak ada yang perlu dibangun ulang (README.md)"
    assert _rebuilt({"sambas"}, 0.5, {"a.md"}) == "sambas dibangun ulang dalam 0.50 detik (a.md)"


def test_an_unclosed_if_in_a_shared_page_is_told_in_indonesian_at_the_line_it_opens(project, monkeypatch):
    _indonesian(monkeypatch)
    project.write("content/shared/layanan/x.md", "---\ntitle: X\n---\nSatu\n{% if office.name %}\nHalo\n")
    result = _check(project)
    assert result.exit_code == 1
    assert "content/shared/layanan/x.md:5: {% if %} tidak pernah ditutup [unit " in result.output
    assert "(tulis {% endif %} di tempat teks yang diaturnya berakhir)" in result.output
    assert "Jinja" not in result.output and "Unexpected end" not in result.output


def test_a_summary_line_says_the_kind_in_words_with_its_code_in_brackets(monkeypatch):
    from sitegen.codes import summary_label

    _indonesian(monkeypatch)
    assert summary_label("announcement-expired", "info", 5) == (
        "5 catatan: pengumuman yang sudah melewati tanggal expires: [announcement-expired]"
    )
    assert summary_label("broken-link", "warning", 2) == (
        "2 peringatan: tautan ke halaman yang tidak ada di situs [broken-link]"
    )
    i18n.use("en")
    assert (
        summary_label("broken-link", "warning", 1) == "1 warning: a link to no page of the site [broken-link]"
    )


@pytest.mark.parametrize(
    ("word", "value"), [("ya", "true"), ("betul", "true"), ("tidak", "false"), ("gak", "false")]
)
def test_a_yes_no_word_is_answered_with_the_value_it_meant(project, monkeypatch, word, value):
    _indonesian(monkeypatch)
    page = f"---\ntitle: J\ndate: 2026-11-20\npinned: {word}\n---\nIsi.\n"
    project.write("content/offices/alpha/berita/2026-11-20-jadwal.md", page)
    result = _check(project)
    assert f"(jika maksudnya '{word}', tulis pinned: {value})" in result.output
    assert "berarti ya" not in result.output


def test_sitegen_mv_names_its_arguments_as_the_usage_line_does(project, monkeypatch):
    _indonesian(monkeypatch)
    result = _run("mv", "--root", str(project.root), "a.md", "content/b.md")
    assert result.exit_code != 0
    assert "kesalahan: LAMA " in result.output and "a.md berada di luar content/" in result.output
    assert "OLD" not in result.output
