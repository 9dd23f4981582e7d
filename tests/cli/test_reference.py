from pathlib import Path

from bowlby.cli.reference import render_reference

DOC = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def test_the_cli_reference_matches_the_code():
    assert DOC.read_text(encoding="utf-8") == render_reference(), (
        "docs/cli.md is out of date: python -m bowlby.cli.reference > docs/cli.md"
    )
