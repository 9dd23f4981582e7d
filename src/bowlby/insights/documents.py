"""A report as a list of plain blocks (headings, paragraphs, tables, figures), so that one
layout is written once and drawn as Markdown here and as PDF in insights/pdf.py."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bowlby.insights.plane import PlanePoint


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[int, ...] = ()  # columns aligned right


@dataclass(frozen=True)
class Fields:
    """Labelled lines, e.g. a thought record's situation, thought and balanced thought."""

    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Quote:
    """A person's own words at length, line breaks kept."""

    text: str


@dataclass(frozen=True)
class Plane:
    """The attachment plane: drawn in a PDF, given in words (the description) in Markdown."""

    person: str
    points: tuple[PlanePoint, ...]
    description: str


@dataclass(frozen=True)
class Figure:
    """A drawn chart: PNG for a PDF, SVG markup for a page; in Markdown its caption and alt
    text stand in for it, so the file reads the same to a screen reader as to the eye."""

    title: str
    alt: str
    png: bytes = b""
    svg: str = ""


@dataclass(frozen=True)
class PageBreak:
    """A new page in a PDF (a rule in Markdown), so a long report's parts each start clean."""


Block = Heading | Paragraph | Table | Fields | Bullets | Quote | Plane | Figure | PageBreak

_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
# What would open a heading, list, rule or underline at the start of a line.
_BLOCK_MARKER = re.compile(r"^(#{1,6}|-+|\++|=+)(?=\s|$)")
_NUMBERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")


def markdown_of(blocks: Sequence[Block]) -> str:
    return "\n\n".join(_markdown(block) for block in blocks) + "\n"


def literal(text: str) -> str:
    """Text that Markdown shows as written: a person's words never turn into markup."""
    escaped = _SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _NUMBERED.sub(r"\1\\\2", _BLOCK_MARKER.sub(r"\\\1", escaped))


def _markdown(block: Block) -> str:
    match block:
        case Heading(text, level):
            return f"{'#' * level} {literal(text)}"
        case Paragraph(text) | Plane(_, _, text):
            return literal(text)
        case Table(columns, rows, numeric):
            rules = tuple("---:" if i in numeric else "---" for i in range(len(columns)))
            return "\n".join(
                "| " + " | ".join(cells) + " |"
                for cells in [
                    [literal(c) for c in columns],
                    list(rules),
                    *([literal(c) for c in row] for row in rows),
                ]
            )
        case Fields(items):
            return "\n".join(f"- {literal(label)}: {literal(text)}" for label, text in items)
        case Bullets(items):
            return "\n".join(f"- {literal(item)}" for item in items)
        case Quote(text):
            lines = [literal(line) for line in text.strip().splitlines()]
            return "\n".join(f"> {line}" if line else ">" for line in lines)
        case Figure(title, alt):
            return f"*Figure: {literal(title)}.* {literal(alt)}"
        case PageBreak():
            return "---"
    raise TypeError(f"not a document block: {block!r}")
