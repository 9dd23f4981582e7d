"""The assess package is pure: no database, web, CLI or printing (STYLE rule 1)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "bowlby" / "assess"
FORBIDDEN = (
    "typer",
    "rich",
    "click",
    "fastapi",
    "starlette",
    "sqlalchemy",
    "alembic",
    "bowlby.store",
    "bowlby.cli",
    "bowlby.web",
    "bowlby.services",
)
FORBIDDEN_CALLS = {"print", "input", "breakpoint"}


def imported_modules(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_no_forbidden_imports_or_calls():
    sources = sorted(PACKAGE.rglob("*.py"))
    assert sources, PACKAGE
    offences = []
    for path in sources:
        tree = ast.parse(path.read_text("utf-8"))
        for name in imported_modules(tree):
            if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN):
                offences.append(f"{path.name}: imports {name}")
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in FORBIDDEN_CALLS:
                offences.append(f"{path.name}:{node.lineno}: calls {node.func.id}")  # type: ignore[attr-defined]
    assert offences == []


def test_modules_stay_small():
    sizes = {path.name: len(path.read_text("utf-8").splitlines()) for path in PACKAGE.glob("*.py")}
    assert max(sizes.values()) <= 320, sizes
