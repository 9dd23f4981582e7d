"""Shared plotting set-up: a headless backend, a colour-blind-safe palette, SVG/PNG/PDF output."""

from __future__ import annotations

import io
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# Okabe & Ito's palette, distinguishable with the common colour-vision differences.
PALETTE = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "grey": "#6b6b6b",
}
FORMATS = {"svg", "png", "pdf"}


def new_figure(width: float = 6.0, height: float = 6.0) -> Figure:
    """A figure that never touches a display (Bowlby runs on servers and in tests)."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), layout="constrained")
    figure.set_facecolor("white")
    return figure


def render(figure: Figure, fmt: str) -> bytes:
    """The figure as SVG, PNG or PDF bytes, without metadata naming the machine or a date."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {sorted(FORMATS)}")
    buffer = io.BytesIO()
    metadata = {"svg": {"Date": None}, "pdf": {"CreationDate": None}, "png": {}}[fmt]
    figure.savefig(buffer, format=fmt, metadata=metadata, dpi=150 if fmt == "png" else None)
    return buffer.getvalue()


def svg_markup(figure: Figure, title: str, description: str) -> str:
    """Inline SVG for a page, with its title and description for screen readers."""
    text = render(figure, "svg").decode("utf-8")
    start = text.index("<svg")
    svg = text[start:]
    head_end = svg.index(">") + 1
    accessible = f"<title>{escape(title)}</title><desc>{escape(description)}</desc>"
    opening = svg[:head_end].replace("<svg", '<svg role="img"', 1)
    return opening + accessible + svg[head_end:]
