"""The body of a guide article: Markdown for everyone, variant blocks (``::: anxious`` …
``:::``) and figure slots (``{{ figure: position }}``), read line by line so that a mistake is
reported at its line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, NoReturn

from bowlby.errors import InputError

Variant = Literal["anxious", "avoidant", "fearful", "secure", "unknown"]
VARIANTS: tuple[Variant, ...] = ("anxious", "avoidant", "fearful", "secure", "unknown")
REGION_VARIANTS: dict[str, Variant] = {
    "anxious_preoccupied": "anxious",
    "avoidant_dismissing": "avoidant",
    "fearful_disorganized": "fearful",
    "secure": "secure",
}
FigureName = Literal["position", "top_triggers", "chat_moves", "time_to_repair", "soothing_effect"]
FIGURE_NAMES: tuple[FigureName, ...] = (
    "position",
    "top_triggers",
    "chat_moves",
    "time_to_repair",
    "soothing_effect",
)
BLOCK = re.compile(r"^:::(.*)$")
FIGURE = re.compile(r"^\{\{\s*figure:\s*(\S*)\s*\}\}$")


@dataclass(frozen=True)
class Chunk:
    """Markdown shown to the variants named (None: to everyone)."""

    markdown: str
    variants: frozenset[str] | None = None


@dataclass(frozen=True)
class Slot:
    """Where one of the person's own figures goes."""

    figure: FigureName
    variants: frozenset[str] | None = None


Part = Chunk | Slot


class BodyReader:
    """Splits a body into parts line by line, remembering where a block was opened."""

    def __init__(self, file: str, figures: tuple[FigureName, ...]) -> None:
        self.file, self.figures = file, figures
        self.parts: list[Part] = []
        self.buffer: list[str] = []
        self.variants: frozenset[str] | None = None
        self.opened = 0

    def read(self, lines: list[str], first_line: int) -> tuple[Part, ...]:
        for number, line in enumerate(lines, first_line):
            self._line(line, number)
        if self.variants is not None:
            self._fail(
                f"the block opened on line {self.opened} is never closed with ':::'", self.opened
            )
        self._flush()
        return tuple(self.parts)

    def _line(self, line: str, number: int) -> None:
        block, figure = BLOCK.match(line.strip()), FIGURE.match(line.strip())
        if block:
            self._flush()
            self._block(block.group(1).split(), number)
        elif figure:
            self._flush()
            self.parts.append(Slot(self._figure(figure.group(1), number), self.variants))
        else:
            self.buffer.append(line)

    def _block(self, names: list[str], number: int) -> None:
        if not names:
            if self.variants is None:
                self._fail("':::' closes a block, but none is open", number)
            self.variants = None
            return
        if self.variants is not None:
            self._fail(f"blocks do not nest; close the one from line {self.opened} first", number)
        unknown = [name for name in names if name not in VARIANTS]
        if unknown:
            self._fail(f"unknown variant '{unknown[0]}'; use {', '.join(VARIANTS)}", number)
        self.variants, self.opened = frozenset(names), number

    def _figure(self, name: str, number: int) -> FigureName:
        for known in self.figures:
            if known == name:
                return known
        if name in FIGURE_NAMES:
            self._fail(
                f"the figure '{name}' is not in this article's figures list", number, "figures"
            )
        self._fail(f"unknown figure '{name}'; use {', '.join(FIGURE_NAMES)}", number)

    def _flush(self) -> None:
        markdown = "\n".join(self.buffer).strip("\n")
        self.buffer = []
        if markdown.strip():
            self.parts.append(Chunk(markdown, self.variants))

    def _fail(self, message: str, line: int, field: str = "body") -> NoReturn:
        raise InputError(message, file=self.file, line=line, field=field)
