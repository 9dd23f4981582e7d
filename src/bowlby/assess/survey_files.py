"""Reading survey CSV files into one int8 answer matrix, reporting every unusable cell.

Codes: 1..7 an answer, 0 missing, -1 invalid. Each cell goes through one dict lookup, in
chunks of rows, so a million rows read in seconds; only unusual cells (padded, decimal, out of
range, not a number) take the slow path, and each of those is reported, never clipped. Row
numbers are CSV rows as a spreadsheet numbers them (header = row 1); blank lines are skipped.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import repeat
from operator import itemgetter
from typing import TextIO

import numpy as np
from numpy.typing import NDArray

from bowlby.assess import wording
from bowlby.assess.column_maps import ColumnMap, default_column_map
from bowlby.assess.instruments import Instrument
from bowlby.errors import DamagedData, InputError

MISSING, INVALID, UNKNOWN = 0, -1, -9
CHUNK_ROWS = 50_000
SEPARATOR = "\x1f"  # ASCII unit separator: joins a chunk's cells into one byte string


@dataclass(frozen=True)
class RowProblem:
    """One reported problem; kinds: wrong_column_count, out_of_range, non_numeric, not_whole,
    straight_lining (flagged only: the row is still scored)."""

    line: int
    kind: str
    message: str
    column: str | None = None
    item_id: str | None = None
    value: str | None = None


@dataclass
class ParsedSurvey:
    codes: NDArray[np.int8]
    lines: list[int]
    ids: list[str] | None
    problems: list[RowProblem]


def read_survey(
    stream: TextIO, instrument: Instrument, column_map: ColumnMap | None, file: str | None
) -> tuple[ParsedSurvey, ColumnMap]:
    """Header, column positions, then every data row as codes (see the module docstring)."""
    delimiter = column_map.delimiter if column_map is not None else ","
    reader = csv.reader(stream, delimiter=delimiter)
    try:
        header = next(reader, None)
        if not header:
            raise InputError(wording.ERRORS["empty_csv"], file=file, line=1)
        header[0] = header[0].removeprefix("\ufeff")
        column_map = column_map or default_column_map(instrument, header)
        indices, id_index = _resolve_columns(header, column_map, file)
        for _ in range(column_map.skip_after_header):
            next(reader, None)
        parser = _ChunkParser(instrument, column_map, indices, id_index, len(header))
        return parser.parse(reader, first_line=2 + column_map.skip_after_header), column_map
    except csv.Error as error:
        why = wording.ERRORS["csv_syntax"].format(why=error)
        raise InputError(why, file=file, line=reader.line_num) from error
    except UnicodeDecodeError as error:
        # text is decoded in blocks, so the line of the bad byte is not known here
        raise InputError(wording.ERRORS["not_utf8"], file=file) from error


def _resolve_columns(
    header: list[str], column_map: ColumnMap, file: str | None
) -> tuple[list[int], int | None]:
    """Header positions of the mapped columns, in item order; a missing column is an error."""
    wanted = list(column_map.columns.values())
    if column_map.id_column is not None:
        wanted.append(column_map.id_column)
    positions = []
    for column in wanted:
        if header.count(column) != 1:
            key = "map_column_missing" if column not in header else "map_column_repeated"
            message = wording.ERRORS[key].format(column=column)
            raise InputError(message, file=file, line=1, field=column)
        positions.append(header.index(column))
    if column_map.id_column is not None:
        return positions[:-1], positions[-1]
    return positions, None


class _ChunkParser:
    """Reads rows in chunks; each chunk's cells become codes through one dict lookup each."""

    def __init__(
        self,
        instrument: Instrument,
        column_map: ColumnMap,
        indices: list[int],
        id_index: int | None,
        width: int,
    ) -> None:
        scale = instrument.scale
        if scale.min < 1 or scale.max > 127:
            raise DamagedData(wording.ERRORS["scale_for_codes"])
        self.scale = scale
        self.items = instrument.items
        self.columns = list(column_map.columns.values())
        self.missing = set(column_map.missing_values)
        self.lookup = {str(v): v for v in range(scale.min, scale.max + 1)}
        self.lookup |= {f"{v}.0": v for v in range(scale.min, scale.max + 1)}
        self.lookup |= dict.fromkeys(self.missing, MISSING)
        self.byte_table = np.full(256, UNKNOWN, dtype=np.int8)
        for text, code in self.lookup.items():
            if len(text.encode()) == 1:
                self.byte_table[ord(text)] = code
        self.getter = itemgetter(*indices)
        self.id_index = id_index
        self.width = width
        self.problems: list[RowProblem] = []

    def parse(self, reader: Iterator[list[str]], first_line: int) -> ParsedSurvey:
        k = len(self.items)
        blocks: list[NDArray[np.int8]] = []
        flat: list[str] = []
        lines: list[int] = []
        wrong: list[tuple[int, int, int]] = []
        ids: list[str] | None = None if self.id_index is None else []
        blank = ("",) * k
        for line, row in enumerate(reader, start=first_line):
            if len(row) == self.width:
                flat.extend(self.getter(row))
            elif not row:
                continue  # a blank line is not a respondent
            else:
                wrong.append((len(lines), line, len(row)))
                flat.extend(blank)
            lines.append(line)
            if ids is not None and self.id_index is not None:
                ids.append(row[self.id_index] if len(row) > self.id_index else "")
            if len(flat) >= CHUNK_ROWS * k:
                blocks.append(self._convert(flat, len(lines) - len(flat) // k, lines))
                flat = []
        blocks.append(self._convert(flat, len(lines) - len(flat) // k, lines))
        codes = np.concatenate(blocks).reshape(-1, k)
        for row_index, line, found in wrong:
            codes[row_index] = INVALID
            message = wording.BATCH_PROBLEMS["wrong_column_count"].format(
                found=found, expected=self.width
            )
            self.problems.append(RowProblem(line, "wrong_column_count", message))
        return ParsedSurvey(codes, lines, ids, self.problems)

    def _convert(self, flat: list[str], first_row: int, lines: list[int]) -> NDArray[np.int8]:
        """Three passes, each on what the previous left unknown: bytes, dict, slow path."""
        codes = self._convert_single_characters(flat)
        unknown = np.flatnonzero(codes == UNKNOWN)
        cells = [flat[position] for position in unknown.tolist()]
        codes[unknown] = np.fromiter(
            map(self.lookup.get, cells, repeat(UNKNOWN)), np.int8, len(cells)
        )
        k = len(self.items)
        for position in unknown[codes[unknown] == UNKNOWN].tolist():
            row, column = divmod(position, k)
            codes[position] = self._classify(flat[position], lines[first_row + row], column)
        return codes

    def _convert_single_characters(self, flat: list[str]) -> NDArray[np.int8]:
        """Empty and one-byte cells (nearly all of a survey) through a 256-entry table, in numpy."""
        codes = np.full(len(flat), UNKNOWN, dtype=np.int8)
        data = np.frombuffer(SEPARATOR.join(flat).encode("utf-8", "surrogatepass"), np.uint8)
        separators = np.flatnonzero(data == ord(SEPARATOR))
        if not flat or len(separators) != len(flat) - 1:
            return codes  # a cell holds the separator itself: leave every cell to the dict pass
        starts = np.concatenate(([0], separators + 1))
        lengths = np.concatenate((separators, [len(data)])) - starts
        one = lengths == 1
        codes[one] = self.byte_table[data[starts[one]]]
        if "" in self.missing:
            codes[lengths == 0] = MISSING
        return codes

    def _classify(self, value: str, line: int, column: int) -> int:
        """The slow path for an unusual cell: padded, decimal, out of range or not a number."""
        text = value.strip()
        if text in self.missing:
            return MISSING
        try:
            number = float(text)
        except ValueError:
            number = math.nan
        kind = "non_numeric"
        if not math.isnan(number):
            kind = "out_of_range" if not self.scale.min <= number <= self.scale.max else "not_whole"
            if kind == "not_whole" and number.is_integer():
                return int(number)
        message = wording.BATCH_PROBLEMS[kind].format(
            value=value, low=self.scale.min, high=self.scale.max
        )
        item = self.items[column]
        self.problems.append(RowProblem(line, kind, message, self.columns[column], item.id, value))
        return INVALID
