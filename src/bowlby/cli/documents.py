"""What the commands that write a document (the therapist summary, the profile report) share:
the format named by the file's extension, and the days that bound the period."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bowlby.errors import InputError

FORMATS = {".pdf": "pdf", ".md": "markdown", ".markdown": "markdown"}


def document_format(output: Path) -> str:
    """ "pdf" or "markdown", from the extension; the folder must exist."""
    kind = FORMATS.get(output.suffix.lower())
    if kind is None:
        raise InputError("the file must end in .pdf or .md.", field="--output")
    if not output.parent.is_dir():
        raise InputError(f"there is no folder {output.parent}.", field="--output")
    return kind


def period_day(value: str | None, field: str) -> date | None:
    """A --since/--until day written as an ISO date, or None when not given."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise InputError("use a date such as 2026-01-31.", field=field) from error
