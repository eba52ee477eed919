"""The package layout is the pipeline: each stage imports only from the stages before it.

offices.yaml + content/ -> config/ -> sources/ -> structure/ -> render/ -> build/ -> check/, publish/;
the commands, the preview and the importer sit on top. An import against the flow (render reaching
into build, sources into structure) would make the stages know about each other, so it fails here.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "sitegen"

# The rank of each top-level module or package; an import may go to an equal or lower rank only.
RANK = {
    "__init__": 0,
    "i18n": 0,
    "errors": 0,
    "codes": 0,
    "hints": 0,
    "urls": 0,
    "dates": 0,
    "processes": 0,
    "config": 1,
    "sources": 2,
    "csp": 2,
    "structure": 3,
    "render": 4,
    "build": 5,
    "cms": 5,
    "check": 6,
    "publish": 6,
    "scaffold": 6,
    "serve": 7,
    "wordpress": 7,
    "commands": 8,
    "cli": 9,
    "__main__": 10,
}


def _component(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else path.stem


def _runtime_imports(tree: ast.Module) -> set[str]:
    """Components imported when the module runs (``if TYPE_CHECKING:`` blocks are only for mypy)."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            return
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("sitegen"):
            names = node.module.split(".")
            if len(names) > 1:
                found.add(names[1])
            else:
                found.update(alias.name for alias in node.names if alias.name in RANK)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def test_every_module_has_a_place_in_the_pipeline():
    components = {_component(path) for path in PACKAGE.rglob("*.py")}
    assert components <= set(RANK), f"not placed in RANK: {sorted(components - set(RANK))}"


def test_imports_follow_the_flow_of_data():
    against_the_flow = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = _component(path)
        for target in _runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if target != source and RANK[target] > RANK[source]:
                against_the_flow.append(f"{path.relative_to(PACKAGE.parent)} imports sitegen.{target}")
    assert against_the_flow == []


def test_relative_imports_are_not_used_so_a_moved_module_cannot_change_meaning():
    relative = [
        str(path.relative_to(PACKAGE.parent))
        for path in PACKAGE.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and node.level > 0
    ]
    assert relative == []
