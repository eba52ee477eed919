"""The docs cannot drift: every `sitegen …` command they show exists with every option they name,
every link between them reaches a file and a heading, and each says once how `sitegen` is reached."""

from __future__ import annotations

import re
import shlex
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import click
import pytest

from sitegen.cli import main

from .conftest import REPO

GUIDES = sorted((REPO / "docs").glob("*.md"))
DOCS = [REPO / "README.md", *GUIDES]
FENCE = re.compile(r"^(```+|~~~+)([^\n`]*)\n(.*?)^\1[ \t]*$", re.M | re.S)
SHELL_FENCES = {"sh", "bash", "shell", "console", ""}
INLINE_CODE = re.compile(r"(`+)(.+?)\1", re.S)
COMMAND_STARTS = {None, ";", "&&", "||", "|", "(", "then", "do", "!"}
ACTIVATE = ". .venv/bin/activate"


@dataclass(frozen=True)
class Shown:
    """One `sitegen …` command as a document shows it."""

    doc: str
    words: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.doc}: sitegen {' '.join(self.words)}"


def rel(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


def fenced_blocks(text: str) -> list[tuple[str, str]]:
    """(info string, body) of every fenced code block."""
    return [(m.group(2).strip(), m.group(3)) for m in FENCE.finditer(text)]


def prose(text: str) -> str:
    """The text outside fenced code blocks."""
    return FENCE.sub("", text)


def words_after_sitegen(line: str) -> list[tuple[str, ...]]:
    """The arguments of every `sitegen` (or `.venv/bin/sitegen`) that starts a command on this line."""
    lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    tokens = list(lexer)  # comments (#) are dropped by the lexer
    found = []
    for n, token in enumerate(tokens):
        previous = tokens[n - 1] if n else None
        # `docker run … sitegen build`: the image's entrypoint is sitegen, so its arguments count too
        in_docker = previous is not None and token == "sitegen" and "docker" in tokens[:n] and "run" in tokens
        if (token == "sitegen" or token.endswith("/sitegen")) and (previous in COMMAND_STARTS or in_docker):
            args = []
            for word in tokens[n + 1 :]:
                if all(c in lexer.punctuation_chars for c in word):
                    break
                args.append(word.strip("[]"))
            found.append(tuple(a for a in args if a))
    return found


def shown_commands() -> list[Shown]:
    """Every `sitegen …` in a shell code block or an inline code span of the README and docs/."""
    shown = []
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        for info, body in fenced_blocks(text):
            if info in SHELL_FENCES:
                for line in body.replace("\\\n", " ").splitlines():
                    shown.extend(Shown(rel(path), words) for words in words_after_sitegen(line))
        for match in INLINE_CODE.finditer(prose(text)):
            span = match.group(2).replace("\n", " ")
            if span.startswith(("sitegen ", ".venv/bin/sitegen ")):
                shown.extend(Shown(rel(path), words) for words in words_after_sitegen(span))
    return shown


def resolve(words: tuple[str, ...]) -> tuple[click.Command, list[str]]:
    """The command the words name (through groups such as `feeds diff`) and the options they pass."""
    command: click.Command = main
    rest = list(words)
    while isinstance(command, click.Group) and rest and not rest[0].startswith("-"):
        name = rest.pop(0)
        sub = command.get_command(click.Context(command), name)
        known = command.list_commands(click.Context(command))
        assert sub is not None, f"`{name}` is no command of `{command.name}`: {known}"
        command = sub
    options = [w.split("=", 1)[0] for w in rest if re.fullmatch(r"--?[A-Za-z][\w-]*(=.*)?", w)]
    return command, options


def known_options(command: click.Command) -> set[str]:
    names = {"--help", "-h"}
    for param in command.params:
        if isinstance(param, click.Option):
            names.update(param.opts)
            names.update(param.secondary_opts)
    return names


def test_the_docs_show_the_commands_editors_and_operators_run():
    """The extraction finds the commands the docs rely on, so the check below is not vacuous."""
    named = set()
    for shown in shown_commands():
        command, _ = resolve(shown.words)
        named.add(command.name)
    assert {"build", "check", "serve", "new", "mv", "plan", "diff", "wordpress", "units"} <= named


def test_every_sitegen_command_in_the_docs_exists_with_every_option_it_names():
    wrong = []
    for shown in shown_commands():
        try:
            command, options = resolve(shown.words)
        except AssertionError as exc:
            wrong.append(f"{shown}: {exc}")
            continue
        if isinstance(command, click.Group) and shown.words and not shown.words[0].startswith("-"):
            continue  # a group named in prose (`sitegen feeds`): nothing more to check
        unknown = [o for o in options if o not in known_options(command) and o != "--version"]
        if unknown:
            wrong.append(f"{shown}: no option {', '.join(unknown)} (has {sorted(known_options(command))})")
    assert wrong == []


def test_an_option_the_command_does_not_have_is_caught():
    """The check above would fail for a renamed option: shown here on a made-up one."""
    command, options = resolve(("check", "--office", "sambas", "--strik"))
    assert command.name == "check" and options == ["--office", "--strik"]
    assert "--strik" not in known_options(command) and "--office" in known_options(command)
    with pytest.raises(AssertionError, match="no command"):
        resolve(("chek", "--all"))


@pytest.mark.parametrize("doc", GUIDES, ids=rel)
def test_each_doc_that_shows_sitegen_says_how_to_reach_it(doc):
    """The install puts sitegen in .venv/bin only: a guide using bare `sitegen` says once to activate it.

    (The README's own commands call `.venv/bin/sitegen`; its package map names commands, runs none.)
    """
    text = doc.read_text(encoding="utf-8")
    bare = [s for s in shown_commands() if s.doc == rel(doc)]
    if bare:
        assert ACTIVATE in text, f"{rel(doc)} shows `sitegen …` but never says `{ACTIVATE}`"


# --- links ---------------------------------------------------------------------------------------

LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)|<img [^>]*src=\"([^\"]+)\"")
HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$", re.M)


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link in a heading: its text
    text = unicodedata.normalize("NFC", text).lower()
    text = "".join(c for c in text if c.isalnum() or c in " -_")
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    seen: dict[str, int] = {}
    result = set()
    for match in HEADING.finditer(prose(path.read_text(encoding="utf-8"))):
        anchor = github_anchor(match.group(2))
        count = seen.get(anchor, 0)
        result.add(anchor if count == 0 else f"{anchor}-{count}")
        seen[anchor] = count + 1
    return result


def relative_links(path: Path) -> list[str]:
    text = INLINE_CODE.sub("", prose(path.read_text(encoding="utf-8")))
    targets = [m.group(1) or m.group(2) for m in LINK.finditer(text)]
    return [t for t in targets if not re.match(r"[a-z][a-z0-9+.-]*:", t)]  # not https:, mailto: …


def broken(path: Path, target: str) -> str | None:
    file_part, _, anchor = target.partition("#")
    destination = (path.parent / file_part).resolve() if file_part else path
    if not destination.exists():
        return f"{rel(path)}: {target}: no such file"
    if anchor and destination.suffix == ".md" and anchor not in anchors(destination):
        return f"{rel(path)}: {target}: no heading #{anchor} in {rel(destination)}"
    return None


def test_the_anchor_of_a_heading_is_the_one_github_makes():
    assert github_anchor("Memeriksa: `sitegen check`") == "memeriksa-sitegen-check"
    assert github_anchor("The generator, package by package") == "the-generator-package-by-package"
    assert github_anchor("What each site publishes beside its pages") == (
        "what-each-site-publishes-beside-its-pages"
    )


def test_every_relative_link_between_the_docs_reaches_a_file_and_a_heading():
    links = [(path, target) for path in DOCS for target in relative_links(path)]
    assert any("#" in t for _, t in links) and any(p.name == "README.md" for p, _ in links)
    assert [problem for path, target in links if (problem := broken(path, target))] == []


def test_a_link_to_a_missing_heading_or_file_is_caught():
    readme = REPO / "README.md"
    assert broken(readme, "docs/operations.md#security") is None
    assert broken(readme, "docs/operations.md#no-such-heading") is not None
    assert broken(readme, "docs/no-such-file.md") is not None


def test_the_readme_links_every_doc():
    links = set(relative_links(REPO / "README.md"))
    assert GUIDES and {f"docs/{p.name}" for p in GUIDES} <= links
