"""Shared plotting set-up: a headless backend, a colour-blind-safe palette, SVG/PNG/PDF output."""

from __future__ import annotations

import io
import re
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


def svg_markup(figure: Figure, title: str, description: str, *, responsive: bool = True) -> str:
    """Inline SVG for a page: titled and described for screen readers, and drawn with
    presentation attributes instead of ``style``, which a strict Content-Security-Policy
    (``style-src 'self'``) refuses. ``responsive`` drops the fixed size so CSS can scale it."""
    text = render(figure, "svg").decode("utf-8")
    svg = _METADATA.sub("", _STYLE_ELEMENT.sub("", text[text.index("<svg") :]))
    svg = _STYLE_ATTRIBUTE.sub(_presentation_attributes, svg)
    head_end = svg.index(">")
    head = svg[:head_end].replace("<svg", '<svg role="img"', 1)
    head += ' stroke-linejoin="round" stroke-linecap="butt"'
    if responsive:
        head = _SIZE.sub("", head)
    accessible = f"<title>{escape(title)}</title><desc>{escape(description)}</desc>"
    return head + ">" + accessible + svg[head_end + 1 :]


_STYLE_ATTRIBUTE = re.compile(r'\sstyle="([^"]*)"')
_STYLE_ELEMENT = re.compile(r"<style[^>]*>.*?</style>", re.DOTALL)
_METADATA = re.compile(r"<metadata>.*?</metadata>", re.DOTALL)
_PROPERTY = re.compile(r"[a-z-]+")
_SIZE = re.compile(r'\s(width|height)="[^"]*"')


def _presentation_attributes(match: re.Match[str]) -> str:
    """``style="fill: #fff; stroke: #000"`` as ``fill="#fff" stroke="#000"``."""
    attributes = []
    for declaration in match.group(1).split(";"):
        name, _, value = declaration.partition(":")
        if _PROPERTY.fullmatch(name.strip()) and value.strip():
            attributes.append(f' {name.strip()}="{value.strip()}"')
    return "".join(attributes)
