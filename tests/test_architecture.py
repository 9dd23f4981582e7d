"""STYLE rule 1, checked by reading the imports: feature packages are pure logic, and only the
store talks to the database."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "bowlby"
FEATURES = ["assess", "journal", "practice", "chats", "dynamics", "safety", "insights", "learn"]
FEATURE_FORBIDDEN = [
    "typer",
    "rich",
    "fastapi",
    "sqlalchemy",
    "bowlby.cli",
    "bowlby.web",
    "bowlby.store",
]
SHELLS = ["services", "cli", "web"]


def modules_of(*packages: str) -> list[Path]:
    return sorted(
        path
        for package in packages
        if (PACKAGE / package).is_dir()
        for path in (PACKAGE / package).rglob("*.py")
    )


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_names(path: Path) -> list[tuple[int, str]]:
    source = path.read_text(encoding="utf-8")
    return imports_in(source, module_name(path), is_package=path.name == "__init__.py")


def imports_in(source: str, module: str, *, is_package: bool) -> list[tuple[int, str]]:
    """(line, dotted name) of everything a module imports, relative imports made absolute,
    and ``from a import b`` counted as both ``a`` and ``a.b``."""
    package = module if is_package else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            found.append((node.lineno, base))
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return found


def offending(path: Path, forbidden: list[str]) -> list[str]:
    return sorted(
        {
            f"{path.relative_to(PACKAGE.parent)}:{line} imports {name}"
            for line, name in imported_names(path)
            for banned in forbidden
            if name == banned or name.startswith(banned + ".")
        }
    )


FEATURE_MODULES = modules_of(*FEATURES)


@pytest.mark.parametrize(
    "path", FEATURE_MODULES, ids=lambda path: str(path.relative_to(PACKAGE.parent))
)
def test_feature_packages_are_pure_logic(path):
    assert offending(path, FEATURE_FORBIDDEN) == []


def test_there_are_feature_packages_to_check():
    if not FEATURE_MODULES:
        pytest.skip(f"none of the feature packages exists yet: {', '.join(FEATURES)}")


@pytest.mark.parametrize(
    "path", modules_of("cli", "web"), ids=lambda path: str(path.relative_to(PACKAGE.parent))
)
def test_the_interfaces_never_import_sqlalchemy(path):
    assert offending(path, ["sqlalchemy"]) == []


def annotation_nodes(tree: ast.AST) -> set[int]:
    """Ids of every node that sits inside an annotation."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        annotations: list[ast.AST | None] = []
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            arguments = node.args
            every = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
            every += [arg for arg in (arguments.vararg, arguments.kwarg) if arg]
            annotations = [arg.annotation for arg in every] + [node.returns]
        elif isinstance(node, ast.AnnAssign):
            annotations = [node.annotation]
        for annotation in annotations:
            if annotation is not None:
                inside |= {id(child) for child in ast.walk(annotation)}
    return inside


@pytest.mark.parametrize(
    "path", modules_of("services"), ids=lambda path: str(path.relative_to(PACKAGE.parent))
)
def test_services_use_sqlalchemy_only_for_the_session_type_hint(path):
    allowed = {"sqlalchemy.orm", "sqlalchemy.orm.Session"}
    imports = [
        f"line {line}: {name}"
        for line, name in imported_names(path)
        if (name == "sqlalchemy" or name.startswith("sqlalchemy.")) and name not in allowed
    ]
    assert imports == [], "services may import only sqlalchemy.orm.Session"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    hints = annotation_nodes(tree)
    uses = [
        f"line {node.lineno}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Name) and node.id == "Session" and id(node) not in hints
    ]
    assert uses == [], "Session may appear only in type hints"


@pytest.mark.parametrize(
    ("source", "module", "expected"),
    [
        ("import sqlalchemy", "bowlby.journal.a", ["sqlalchemy"]),
        ("from ..store import engine", "bowlby.journal.a", ["bowlby.store"]),
        ("from bowlby import store", "bowlby.journal.a", ["bowlby.store"]),
        ("from .. import cli", "bowlby.journal", ["bowlby.cli"]),
        ("def f():\n    import rich.console", "bowlby.journal.a", ["rich"]),
        ("from . import triggers", "bowlby.journal.a", []),
        ("import bowlby.models", "bowlby.journal.a", []),
    ],
)
def test_the_import_reader_catches_every_spelling(source, module, expected):
    found = {
        banned
        for _, imported in imports_in(source, module, is_package=module == "bowlby.journal")
        for banned in FEATURE_FORBIDDEN
        if imported == banned or imported.startswith(banned + ".")
    }
    assert sorted(found) == expected
