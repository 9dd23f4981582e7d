"""The code style and type checks run with the suite, so CI and a laptop agree."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "src", "tests", "bench"],
        ["ruff", "format", "--check", "src", "tests", "bench"],
    ],
    ids=["ruff-check", "ruff-format"],
)
def test_ruff_is_clean(command):
    if shutil.which("ruff") is None:
        pytest.fail("ruff is missing: pip install -e '.[test]'")
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean_on_src():
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_installed_command_answers_help():
    result = subprocess.run(
        [sys.executable, "-m", "bowlby", "--help"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert "bowlby" in result.stdout.lower()
