"""The safety package is pure: no database, web, CLI, services or printing (STYLE rule 1)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "bowlby" / "safety"
FORBIDDEN = (
    "typer",
    "rich",
    "click",
    "fastapi",
    "starlette",
    "sqlalchemy",
    "alembic",
    "httpx",
    "requests",
    "urllib.request",
    "socket",
    "sqlite3",
    "bowlby.store",
    "bowlby.cli",
    "bowlby.web",
    "bowlby.services",
)
FORBIDDEN_CALLS = {"print", "input", "breakpoint", "open"}


def imported_modules(tree: ast.AST, package: str) -> set[str]:
    """Every module a file imports, relative imports made absolute."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def offences_in(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found = [
        f"{path.name}: imports {name}"
        for name in imported_modules(tree, "bowlby.safety")
        if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN)
    ]
    found += [
        f"{path.name}:{node.lineno}: calls {node.func.id}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in FORBIDDEN_CALLS
    ]
    return found


def test_no_forbidden_imports_or_calls():
    sources = sorted(PACKAGE.rglob("*.py"))
    assert sources, PACKAGE
    assert [offence for path in sources for offence in offences_in(path)] == []


def test_the_checker_catches_what_it_should():
    bad = "from ..store import engine\nimport rich.console\nprint('x')\n"
    tree = ast.parse(bad)
    names = imported_modules(tree, "bowlby.safety")
    assert "bowlby.store" in names
    assert "rich.console" in names


def test_modules_stay_small():
    sizes = {path.name: len(path.read_text("utf-8").splitlines()) for path in PACKAGE.glob("*.py")}
    assert max(sizes.values()) <= 320, sizes
