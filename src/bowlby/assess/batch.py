"""Researcher batch scoring of survey CSV files, vectorised with numpy over the whole file.

The survey becomes one int8 answer matrix (`survey_files`), scored with the same reverse keys
and 80% rule as the single scorer. Invalid values are never clipped: the row is reported with
its CSV row number and the affected subscale is left empty. Straight-lining is flagged, not
dropped. Alpha and omega are computed on complete cases (straight-liners included). The
ECR-RS is scored as one relationship per row (its 9 items); score each target's columns with
their own map. The original 1998 ECR is scored with its own key ("ecr-1998").
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import numpy as np
from numpy.typing import NDArray

from bowlby.assess import wording
from bowlby.assess.column_maps import ColumnMap
from bowlby.assess.instruments import Instrument, get_instrument
from bowlby.assess.internal_consistency import SampleReliability, measure_internal_consistency
from bowlby.assess.scoring import min_answered
from bowlby.assess.survey_files import CHUNK_ROWS, MISSING, ParsedSurvey, RowProblem, read_survey
from bowlby.errors import InputError

__all__ = ["BatchScores", "RowProblem", "SubscaleColumns", "output_rows", "score_survey"]


@dataclass(frozen=True)
class SubscaleColumns:
    means: NDArray[np.float64]  # NaN where not scored
    missing: NDArray[np.int16]
    invalid: NDArray[np.int16]


@dataclass(frozen=True)
class BatchScores:
    instrument_id: str
    lines: NDArray[np.int64]
    subscales: Mapping[str, SubscaleColumns]
    straight_lining: NDArray[np.bool_]
    problems: tuple[RowProblem, ...]
    reliability: Mapping[str, SampleReliability]
    ids: tuple[str, ...] | None = None
    id_column: str | None = None

    @property
    def n_rows(self) -> int:
        return int(self.lines.shape[0])


def score_survey(
    source: str | Path | TextIO,
    instrument_id: str,
    column_map: ColumnMap | None = None,
    *,
    file: str | None = None,
) -> BatchScores:
    """Score every row of a survey CSV (a path or an open text stream)."""
    instrument = get_instrument(instrument_id)
    if column_map is not None and column_map.instrument_id != instrument.id:
        message = wording.ERRORS["map_instrument"].format(
            mapped=column_map.instrument_id, wanted=instrument.id
        )
        raise InputError(message, file=column_map.file, field="instrument")
    with ExitStack() as stack:
        if isinstance(source, str | Path):
            file = file or str(source)
            source = stack.enter_context(_open_survey(Path(source)))
        parsed, column_map = read_survey(source, instrument, column_map, file)
    subscales, straight = score_answer_matrix(instrument, parsed.codes)
    problems = parsed.problems + _straight_lining_problems(parsed, straight)
    return BatchScores(
        instrument_id=instrument.id,
        lines=np.asarray(parsed.lines, dtype=np.int64),
        subscales=subscales,
        straight_lining=straight,
        problems=tuple(sorted(problems, key=lambda problem: problem.line)),
        reliability=measure_sample_reliability(instrument, parsed.codes),
        ids=None if parsed.ids is None else tuple(parsed.ids),
        id_column=column_map.id_column,
    )


def _open_survey(path: Path) -> TextIO:
    try:
        return path.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        why = wording.ERRORS["unreadable_file"].format(why=error.strerror)
        raise InputError(why, file=str(path)) from error


def score_answer_matrix(
    instrument: Instrument, codes: NDArray[np.int8]
) -> tuple[dict[str, SubscaleColumns], NDArray[np.bool_]]:
    """Subscale means (80% rule, invalid -> empty) and straight-lining flags for a code matrix."""
    keyed = key_answer_matrix(instrument, codes)
    position = {item.id: index for index, item in enumerate(instrument.items)}
    subscales = {}
    for name, item_ids in instrument.subscales.items():
        block = keyed[:, [position[item_id] for item_id in item_ids]]
        answered = (block > 0).sum(axis=1, dtype=np.int16)
        invalid = (block < 0).sum(axis=1, dtype=np.int16)
        sums = np.where(block > 0, block, 0).sum(axis=1, dtype=np.int32)
        scored = (invalid == 0) & (answered >= min_answered(len(item_ids)))
        means = np.full(codes.shape[0], np.nan)
        np.divide(sums, answered, out=means, where=scored)
        missing = (block == MISSING).sum(axis=1, dtype=np.int16)
        subscales[name] = SubscaleColumns(means, missing, invalid)
    return subscales, _straight_lining(codes)


def key_answer_matrix(instrument: Instrument, codes: NDArray[np.int8]) -> NDArray[np.int8]:
    """Reverse-keyed answers become min + max - x; missing and invalid codes stay as they are."""
    reverse = np.array([item.reverse for item in instrument.items])
    flip = np.int8(instrument.scale.min + instrument.scale.max)
    return np.where(reverse & (codes > 0), flip - codes, codes).astype(np.int8)


def measure_sample_reliability(
    instrument: Instrument, codes: NDArray[np.int8]
) -> dict[str, SampleReliability]:
    """Alpha and omega per subscale over complete cases (every item of the subscale valid)."""
    keyed = key_answer_matrix(instrument, codes)
    position = {item.id: index for index, item in enumerate(instrument.items)}
    results = {}
    for name, item_ids in instrument.subscales.items():
        block = keyed[:, [position[item_id] for item_id in item_ids]]
        results[name] = measure_internal_consistency(name, block[(block > 0).all(axis=1)])
    return results


def output_rows(result: BatchScores) -> Iterator[list[str]]:
    """The output CSV as rows of text (header first); scores in full precision, '' if empty."""
    names = list(result.subscales)
    header = ["row"]
    if result.ids is not None:
        header.append(result.id_column or "id")
    for name in names:
        header += [name, f"{name}_missing", f"{name}_invalid"]
    yield [*header, "straight_lining"]
    for start in range(0, result.n_rows, CHUNK_ROWS):
        yield from _output_chunk(result, names, slice(start, start + CHUNK_ROWS))


def _output_chunk(result: BatchScores, names: list[str], rows: slice) -> Iterator[list[str]]:
    """Formats one slice of rows at a time, so a million rows never sit in memory as text."""
    columns: list[list[str]] = [[str(line) for line in result.lines[rows].tolist()]]
    if result.ids is not None:
        columns.append(list(result.ids[rows]))
    for name in names:
        values = result.subscales[name]
        columns.append([repr(v) if v == v else "" for v in values.means[rows].tolist()])
        columns.append([str(v) for v in values.missing[rows].tolist()])
        columns.append([str(v) for v in values.invalid[rows].tolist()])
    columns.append(["1" if flag else "0" for flag in result.straight_lining[rows].tolist()])
    for row in zip(*columns, strict=True):
        yield list(row)


def _straight_lining(codes: NDArray[np.int8]) -> NDArray[np.bool_]:
    """All answered items identical (raw answers, at least two answered)."""
    answered = codes > 0
    highest = np.where(answered, codes, np.int8(-128)).max(axis=1)
    lowest = np.where(answered, codes, np.int8(127)).min(axis=1)
    result: NDArray[np.bool_] = (answered.sum(axis=1) >= 2) & (highest == lowest)
    return result


def _straight_lining_problems(
    parsed: ParsedSurvey, straight: NDArray[np.bool_]
) -> list[RowProblem]:
    problems = []
    for row in np.flatnonzero(straight).tolist():
        value = int(parsed.codes[row][parsed.codes[row] > 0][0])
        message = wording.BATCH_PROBLEMS["straight_lining"].format(value=value)
        problems.append(RowProblem(parsed.lines[row], "straight_lining", message))
    return problems
