"""The command-line reference in docs/cli.md, generated from the Typer app itself.

Regenerate with `python -m bowlby.cli.reference > docs/cli.md`; a test fails on drift.
"""

from __future__ import annotations

from typing import Any

import typer

from bowlby.cli.main import app


def render_reference() -> str:
    root = typer.main.get_command(app)
    lines = [
        "# Command-line reference",
        "",
        "Generated from the code by `python -m bowlby.cli.reference`; do not edit by hand.",
        "",
    ]
    _render(root, "bowlby", lines)
    return "\n".join(lines).rstrip() + "\n"


def _render(command: Any, path: str, lines: list[str]) -> None:
    subcommands: dict[str, Any] = getattr(command, "commands", None) or {}
    if path != "bowlby":
        lines += [f"## `{path}`", "", (command.help or "").strip(), ""]
        options = [_describe(param) for param in command.params if param.name != "help"]
        lines += [f"- {option}" for option in options]
        if options:
            lines.append("")
    for name in sorted(subcommands):
        _render(subcommands[name], f"{path} {name}", lines)


def _describe(param: Any) -> str:
    if param.param_type_name == "argument":
        return f"`{param.name.upper()}` (argument)"
    names = " / ".join(f"`{opt}`" for opt in [*param.opts, *param.secondary_opts])
    return f"{names}: {(param.help or '').strip()}"


if __name__ == "__main__":
    print(render_reference(), end="")
