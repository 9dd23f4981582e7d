"""Norms files: published means and SDs a person or researcher loads, turned into percentiles.

The instrument file holds no verified norms, so Bowlby shows no percentile until someone
loads a norms file with its source. The file format (TOML, or the same shape in JSON)::

    instrument = "ecr-r"                     # required: ecr-r, ecr-s, ecr-rs or ecr-1998
    population = "US adults, online sample"  # required: who the norms describe
    source = "Author, A. (2020). Title. Journal, 1(2), 3-4. doi:..."  # required citation

    [subscales.anxiety]         # one table per subscale covered (anxiety, avoidance)
    mean = 3.6                  # required, inside the response scale (1-7)
    sd = 1.1                    # required, greater than 0
    n = 1000                    # required, whole number of at least 2
    reliability = 0.92          # optional, 0 < r < 1: enables the SEM and reliable change
    reliability_kind = "alpha"  # optional, free text (e.g. "test-retest, 3 weeks")

    [targets.partner.anxiety]   # ECR-RS only: norms for one relationship target
    mean = 3.1                  # (same fields as above)

Percentiles assume scores are normally distributed in the norm population; every
percentile carries that assumption and the source with it.
"""

from __future__ import annotations

import json
import math
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bowlby.assess import wording
from bowlby.assess.instruments import Instrument, get_instrument
from bowlby.errors import BowlbyError, InputError


@dataclass(frozen=True)
class NormRow:
    subscale: str
    mean: float
    sd: float
    n: int
    target: str | None = None
    reliability: float | None = None
    reliability_kind: str | None = None


@dataclass(frozen=True)
class NormsTable:
    instrument_id: str
    population: str
    source: str
    rows: tuple[NormRow, ...]
    file: str | None = None

    def row(self, subscale: str, target: str | None = None) -> NormRow | None:
        for row in self.rows:
            if row.subscale == subscale and row.target == target:
                return row
        return None


@dataclass(frozen=True)
class Percentile:
    """Where a score falls in a norm population, under the stated normality assumption."""

    score: float
    percentile: float
    z: float
    population: str
    source: str
    assumption: str = wording.PERCENTILE_ASSUMPTION


def load_norms(path: str | Path) -> NormsTable:
    """Read a .toml or .json norms file; any problem is an InputError naming file and field."""
    path = Path(path)
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(
            wording.ERRORS["unreadable_file"].format(why=error), file=str(path)
        ) from error
    kind = "json" if path.suffix.lower() == ".json" else "toml"
    return parse_norms(text, file=str(path), kind=kind)


def parse_norms(text: str, *, file: str | None = None, kind: str = "toml") -> NormsTable:
    """Parse and check a norms document (see the module docstring for the format)."""
    try:
        raw = json.loads(text) if kind == "json" else tomllib.loads(text)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as error:
        raise InputError(wording.ERRORS["norms_syntax"].format(why=error), file=file) from error
    if not isinstance(raw, dict):
        raise InputError(wording.ERRORS["norms_syntax"].format(why="not a table"), file=file)
    try:
        instrument = get_instrument(_text(raw, "instrument"))
    except BowlbyError as error:
        raise InputError(error.message, file=file, field="instrument") from error
    try:
        rows = _read_rows(raw, instrument)
        return NormsTable(instrument.id, _text(raw, "population"), _text(raw, "source"), rows, file)
    except _FieldError as error:
        raise InputError(error.message, file=file, field=error.field) from error


def percentile_for(
    norms: NormsTable | None, subscale: str, score: float | None, target: str | None = None
) -> Percentile | None:
    """A percentile only when norms for this subscale (and target) were loaded; else None."""
    row = None if norms is None else norms.row(subscale, target)
    if norms is None or row is None or score is None:
        return None
    z = (score - row.mean) / row.sd
    percentile = 50.0 * (1.0 + math.erf(z / math.sqrt(2.0)))
    return Percentile(score, percentile, z, norms.population, norms.source)


class _FieldError(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def _text(raw: dict[str, Any], field: str) -> str:
    value = raw.get(field)
    if not isinstance(value, str) or not value.strip():
        raise _FieldError(field, wording.ERRORS["norms_text"])
    return value.strip()


def _read_rows(raw: dict[str, Any], instrument: Instrument) -> tuple[NormRow, ...]:
    tables = [(None, raw.get("subscales", {}))]
    targets = raw.get("targets", {})
    if targets and not instrument.targets:
        raise _FieldError("targets", wording.ERRORS["norms_no_targets"])
    known_targets = {target.id for target in instrument.targets}
    for target, table in targets.items():
        if target not in known_targets:
            raise _FieldError(f"targets.{target}", wording.ERRORS["norms_unknown_target"])
        tables.append((target, table))
    rows = [
        _read_row(instrument, target, name, values)
        for target, table in tables
        for name, values in _as_table(table, "subscales" if target is None else f"targets.{target}")
    ]
    if not rows:
        raise _FieldError("subscales", wording.ERRORS["norms_empty"])
    return tuple(rows)


def _as_table(table: Any, field: str) -> list[tuple[str, Any]]:
    if not isinstance(table, dict):
        raise _FieldError(field, wording.ERRORS["norms_not_table"])
    return list(table.items())


def _read_row(instrument: Instrument, target: str | None, name: str, values: Any) -> NormRow:
    field = f"subscales.{name}" if target is None else f"targets.{target}.{name}"
    if name not in instrument.subscales:
        raise _FieldError(field, wording.ERRORS["norms_unknown_subscale"])
    if not isinstance(values, dict):
        raise _FieldError(field, wording.ERRORS["norms_not_table"])
    scale = instrument.scale
    mean = _number(values, "mean", field, scale.min, scale.max, inclusive=True)
    sd = _number(values, "sd", field, 0.0, math.inf, inclusive=False)
    n = values.get("n")
    if not isinstance(n, int) or isinstance(n, bool) or n < 2:
        raise _FieldError(f"{field}.n", wording.ERRORS["norms_n"])
    reliability = None
    if "reliability" in values:
        reliability = _number(values, "reliability", field, 0.0, 1.0, inclusive=False)
    kind = values.get("reliability_kind")
    if kind is not None and not isinstance(kind, str):
        raise _FieldError(f"{field}.reliability_kind", wording.ERRORS["norms_text"])
    return NormRow(name, mean, sd, n, target, reliability, kind)


def _number(
    values: dict[str, Any], key: str, field: str, low: float, high: float, *, inclusive: bool
) -> float:
    value = values.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        raise _FieldError(f"{field}.{key}", wording.ERRORS["norms_number"])
    inside = low <= value <= high if inclusive else low < value < high
    if not inside:
        raise _FieldError(
            f"{field}.{key}", wording.ERRORS["norms_range"].format(low=low, high=high)
        )
    return float(value)
