"""The cycle drawn as a loop: six boxes (each person reads, feels, does), arrows round them,
and the cycle's name in the middle as the thing the two of them face together.

Hand-drawn SVG rather than matplotlib, so that the words wrap inside their boxes. Every colour
and size is a presentation attribute (no ``style``), which a strict Content-Security-Policy
allows; the viewBox lets the page scale it to a phone's width. User text is always escaped.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from html import escape
from itertools import pairwise

from bowlby.insights.figures import PALETTE
from bowlby.practice.cycle_maps import CycleLoop, LoopLane, LoopStep

WIDTH = 360
BOX_X, BOX_WIDTH = 44, 272
LINE_HEIGHT = 18
HEADING_CHARS, TEXT_CHARS = 28, 30
MAX_TEXT_LINES = 5
GAP = 30
BAND_HEIGHT = 96
NAME_CHARS, MAX_NAME_LINES = 22, 3
COLOURS = {"first": (PALETTE["blue"], "#e6f1f8"), "second": (PALETTE["vermillion"], "#fbece3")}
INK, MUTED = "#1f2328", "#57606a"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"


@dataclass(frozen=True)
class Box:
    step: LoopStep
    top: float
    height: float
    heading: list[str]
    lines: list[str]

    @property
    def bottom(self) -> float:
        return self.top + self.height


def wrap(text: str, width: int, max_lines: int) -> list[str]:
    """Lines of at most ``width`` characters; the last ends in "…" when text was left out."""
    lines = textwrap.wrap(" ".join(text.split()), width, break_long_words=True) or [""]
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    kept[-1] = kept[-1][: width - 1].rstrip() + "…"
    return kept


def draw_cycle_loop(loop: CycleLoop) -> str:
    """The loop as inline SVG: role="img", a <title> and a <desc> that says it all in words."""
    boxes, band_top = _layout(loop)
    height = boxes[-1].bottom + 24 + 2 * LINE_HEIGHT + 8
    title = f"The two of us against: {loop.name}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" '
        f'role="img" aria-labelledby="cycle-title cycle-desc" class="cycle-diagram" '
        f'font-family="{escape(FONT)}">',
        f'<title id="cycle-title">{escape(title)}</title>',
        f'<desc id="cycle-desc">{escape(describe(loop))}</desc>',
        _arrow_head(),
        f'<rect x="0" y="0" width="{WIDTH}" height="{height:.0f}" rx="12" fill="#ffffff"/>',
        *_arrows(boxes, band_top),
        _band(loop.name, band_top),
        *(_box(box) for box in boxes),
        _legend((loop.first, loop.second), boxes[-1].bottom + 24),
        "</svg>",
    ]
    return "\n".join(parts)


def describe(loop: CycleLoop) -> str:
    """The loop in one paragraph, for screen readers."""
    steps = "; then ".join(f"{step.heading}: {step.text}" for step in loop.steps)
    return f"A loop in six steps. {steps}; and round again. {loop.first.legend}. " + (
        f"{loop.second.legend}."
    )


def _layout(loop: CycleLoop) -> tuple[list[Box], float]:
    """Boxes top to bottom: the first person's three, the name band, the second person's."""
    boxes: list[Box] = []
    top, band_top = 16.0, 0.0
    for index, step in enumerate(loop.steps):
        if index == 3:
            band_top = top
            top += BAND_HEIGHT + GAP
        heading = wrap(step.heading, HEADING_CHARS, 2)
        lines = wrap(step.text, TEXT_CHARS, MAX_TEXT_LINES)
        height = 14 + LINE_HEIGHT * (len(heading) + len(lines)) + 8
        boxes.append(Box(step, top, height, heading, lines))
        top += height + GAP
    return boxes, band_top


def _box(box: Box) -> str:
    stroke, fill = COLOURS[box.step.lane]
    dashed = ' stroke-dasharray="6 4"' if box.step.guess else ""
    texts = []
    baseline = box.top + 8 + LINE_HEIGHT - 4
    for line in box.heading:
        texts.append(_text(BOX_X + 14, baseline, line, 'font-weight="700" fill="' + stroke + '"'))
        baseline += LINE_HEIGHT
    for line in box.lines:
        texts.append(_text(BOX_X + 14, baseline, line, f'fill="{INK}"'))
        baseline += LINE_HEIGHT
    return (
        f'<g class="loop-step" data-step="{box.step.key}">'
        f'<rect x="{BOX_X}" y="{box.top:.0f}" width="{BOX_WIDTH}" height="{box.height:.0f}" '
        f'rx="10" fill="{fill}" stroke="{stroke}" stroke-width="2"{dashed}/>'
        + "".join(texts)
        + "</g>"
    )


def _text(x: float, y: float, line: str, attributes: str, size: int = 14) -> str:
    return f'<text x="{x:.0f}" y="{y:.0f}" font-size="{size}" {attributes}>{escape(line)}</text>'


def _band(name: str, top: float) -> str:
    """The cycle's name in the middle of the loop: the common enemy, not either person."""
    lines = wrap(name, NAME_CHARS, MAX_NAME_LINES)
    middle = WIDTH / 2
    y = top + (BAND_HEIGHT - LINE_HEIGHT * (len(lines) + 1)) / 2 + 14
    texts = [_text(middle, y, "The two of us against:", f'fill="{MUTED}" text-anchor="middle"')]
    for line in lines:
        y += LINE_HEIGHT + 1
        attributes = f'fill="{INK}" font-weight="700" text-anchor="middle"'
        texts.append(_text(middle, y, line, attributes, 16))
    return (
        f'<g class="common-enemy"><rect x="{BOX_X + 10}" y="{top:.0f}" '
        f'width="{BOX_WIDTH - 20}" height="{BAND_HEIGHT}" rx="{BAND_HEIGHT / 2:.0f}" '
        f'fill="#f6f8fa" stroke="{MUTED}" stroke-width="1.5" stroke-dasharray="2 4"/>'
        + "".join(texts)
        + "</g>"
    )


def _arrow_head() -> str:
    return (
        '<defs><marker id="cycle-arrow" viewBox="0 0 10 10" refX="8" refY="5" '
        'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        f'<path d="M 0 0 L 10 5 L 0 10 z" fill="{MUTED}"/></marker></defs>'
    )


def _arrows(boxes: list[Box], band_top: float) -> list[str]:
    """Down the middle within each person's side; across to the other person along the right
    edge (past the name); back to the start along the left edge."""
    middle = BOX_X + BOX_WIDTH / 2
    right, left = BOX_X + BOX_WIDTH + 22, BOX_X - 22
    arrows = []
    for upper, lower in pairwise(boxes):
        if lower.step.role == "reads":  # the other person's first box: round the right edge
            path = (
                f"M {BOX_X + BOX_WIDTH} {upper.top + upper.height / 2:.0f} H {right} "
                f"V {lower.top + lower.height / 2:.0f} H {BOX_X + BOX_WIDTH + 4}"
            )
        else:
            path = f"M {middle} {upper.bottom:.0f} V {lower.top - 4:.0f}"
        arrows.append(_arrow(upper.step, lower.step, path))
    last, first = boxes[-1], boxes[0]
    back = (
        f"M {BOX_X} {last.top + last.height / 2:.0f} H {left} "
        f"V {first.top + first.height / 2:.0f} H {BOX_X - 4}"
    )
    arrows.append(_arrow(last.step, first.step, back))
    return arrows


def _arrow(start: LoopStep, end: LoopStep, path: str) -> str:
    return (
        f'<path class="loop-arrow" data-from="{start.key}" data-to="{end.key}" d="{path}" '
        f'fill="none" stroke="{MUTED}" stroke-width="2" marker-end="url(#cycle-arrow)"/>'
    )


def _legend(lanes: tuple[LoopLane, LoopLane], top: float) -> str:
    rows = []
    for index, lane in enumerate(lanes):
        stroke, fill = COLOURS[lane.lane]
        y = top + index * (LINE_HEIGHT + 6)
        dashed = ' stroke-dasharray="4 2"' if lane.guessed_by else ""
        rows.append(
            f'<rect x="{BOX_X}" y="{y:.0f}" width="16" height="16" rx="3" fill="{fill}" '
            f'stroke="{stroke}" stroke-width="2"{dashed}/>'
            + _text(BOX_X + 24, y + 13, wrap(lane.legend, 36, 1)[0], f'fill="{INK}"', 13)
        )
    return '<g class="legend">' + "".join(rows) + "</g>"
