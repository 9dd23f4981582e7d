"""Which survey column holds which item: explicit TOML maps and the plain default layouts.

Public data sets order ECR-R items in at least three different ways (the instrument file
says so), so batch scoring never guesses an order: a map names the column of every item, or
the header must match a default layout exactly. The TOML format::

    instrument = "ecr-r"          # optional; checked against the instrument being scored
    id_column = "ResponseId"      # optional: copied to the output rows
    skip_after_header = 2         # optional: lines under the header that are not answers
                                  # (Qualtrics adds a question-text line and an ImportId line)
    missing_values = ["", "-99"]  # optional; default: "", NA, N/A, NaN, nan, .
    delimiter = ","               # optional, one character

    [columns]                     # required: every item of the instrument, by item id
    ecr_r_01 = "Q1_1"
    ecr_r_02 = "Q1_2"
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bowlby.assess import wording
from bowlby.assess.instruments import Instrument, get_instrument
from bowlby.errors import InputError

DEFAULT_MISSING = ("", "NA", "N/A", "NaN", "nan", ".")
DEFAULT_LAYOUTS = ("item ids (ecr_r_01 ...)", "q1 ... qN", "1 ... N")


@dataclass(frozen=True)
class ColumnMap:
    instrument_id: str
    columns: Mapping[str, str]  # item id -> column name, in the instrument's item order
    id_column: str | None = None
    skip_after_header: int = 0
    missing_values: tuple[str, ...] = DEFAULT_MISSING
    delimiter: str = ","
    file: str | None = None


def load_column_map(path: str | Path, instrument_id: str) -> ColumnMap:
    """Read a TOML column map; problems are InputErrors naming the file and field."""
    path = Path(path)
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(
            wording.ERRORS["unreadable_file"].format(why=error), file=str(path)
        ) from error
    return parse_column_map(text, instrument_id, file=str(path))


def parse_column_map(text: str, instrument_id: str, *, file: str | None = None) -> ColumnMap:
    """Check a map document against the instrument: every item mapped, no unknown items."""
    instrument = get_instrument(instrument_id)
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InputError(wording.ERRORS["map_syntax"].format(why=error), file=file) from error
    mapped = raw.get("instrument", instrument.id)
    if mapped != instrument.id:
        message = wording.ERRORS["map_instrument"].format(mapped=mapped, wanted=instrument.id)
        raise InputError(message, file=file, field="instrument")
    return ColumnMap(
        instrument_id=instrument.id,
        id_column=_optional_text(raw, "id_column", file),
        skip_after_header=_skip(raw, file),
        missing_values=_missing(raw, file),
        delimiter=_delimiter(raw, file),
        columns=_read_columns(raw.get("columns"), instrument, file),
        file=file,
    )


def default_column_map(instrument: Instrument, header: Sequence[str]) -> ColumnMap:
    """The first default layout the header contains in full: item ids, q1..qN, or 1..N."""
    present = {name.strip().lower(): name for name in header}
    for layout in _layouts(instrument):
        if all(column.lower() in present for column in layout.values()):
            columns = {item_id: present[column.lower()] for item_id, column in layout.items()}
            return ColumnMap(instrument.id, columns)
    message = wording.ERRORS["no_default_map"].format(layouts="; ".join(DEFAULT_LAYOUTS))
    raise InputError(message, field="header")


def _layouts(instrument: Instrument) -> list[dict[str, str]]:
    return [
        {item.id: item.id for item in instrument.items},
        {item.id: f"q{item.number}" for item in instrument.items},
        {item.id: str(item.number) for item in instrument.items},
    ]


def _read_columns(raw: Any, instrument: Instrument, file: str | None) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise InputError(wording.ERRORS["map_syntax"].format(why="no [columns] table"), file=file)
    known = {item.id for item in instrument.items}
    for item_id, column in raw.items():
        if item_id not in known:
            raise InputError(
                wording.ERRORS["map_unknown_item"], file=file, field=f"columns.{item_id}"
            )
        if not isinstance(column, str):
            raise InputError(wording.ERRORS["map_not_text"], file=file, field=f"columns.{item_id}")
    for item in instrument.items:
        if item.id not in raw:
            raise InputError(
                wording.ERRORS["map_item_missing"], file=file, field=f"columns.{item.id}"
            )
    used: dict[str, str] = {}
    for item in instrument.items:
        column = raw[item.id]
        if column in used:
            message = wording.ERRORS["map_column_twice"].format(other=used[column])
            raise InputError(message, file=file, field=f"columns.{item.id}")
        used[column] = item.id
    return {item.id: raw[item.id] for item in instrument.items}


def _optional_text(raw: dict[str, Any], field: str, file: str | None) -> str | None:
    value = raw.get(field)
    if value is not None and not isinstance(value, str):
        raise InputError(wording.ERRORS["map_not_text"], file=file, field=field)
    return value


def _skip(raw: dict[str, Any], file: str | None) -> int:
    value = raw.get("skip_after_header", 0)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InputError(wording.ERRORS["map_skip"], file=file, field="skip_after_header")
    return value


def _missing(raw: dict[str, Any], file: str | None) -> tuple[str, ...]:
    value = raw.get("missing_values", list(DEFAULT_MISSING))
    if not isinstance(value, list) or not all(isinstance(token, str) for token in value):
        raise InputError(wording.ERRORS["map_missing"], file=file, field="missing_values")
    return tuple(value)


def _delimiter(raw: dict[str, Any], file: str | None) -> str:
    value = raw.get("delimiter", ",")
    if not isinstance(value, str) or len(value) != 1:
        raise InputError(wording.ERRORS["map_delimiter"], file=file, field="delimiter")
    return value
