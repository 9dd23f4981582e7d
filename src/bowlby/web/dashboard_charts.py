"""The dashboard's small inline charts, drawn by hand as SVG: a few hundred bytes each and no
matplotlib on the home page's path, so it stays fast. Each has a title and a description
for screen readers, and presentation attributes only (the Content-Security-Policy refuses
inline styles). Colours are the Okabe–Ito palette, safe for colour-blind readers."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from bowlby.insights.figures import PALETTE
from bowlby.services.personal_figures import PlaneMark, RatioWeek

WIDTH, HEIGHT = 120, 40
PLANE = 72  # the plane's side in px
SCALE_MIN, SCALE_MAX = 1.0, 7.0


def _svg(width: int, height: int, title: str, desc: str, body: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="spark" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">'
        f"<title>{escape(title)}</title><desc>{escape(desc)}</desc>{body}</svg>"
    )


def plane_chart(trail: Sequence[PlaneMark]) -> str:
    """The anxiety–avoidance plane in miniature: the secure corner bottom left, the person's
    results joined oldest to latest, the latest marked larger."""

    def place(mark: PlaneMark) -> tuple[float, float]:
        span = SCALE_MAX - SCALE_MIN
        x = (mark.avoidance - SCALE_MIN) / span * PLANE
        y = PLANE - (mark.anxiety - SCALE_MIN) / span * PLANE
        return round(x, 1), round(y, 1)

    points = [place(mark) for mark in trail]
    middle = PLANE / 2
    grey = PALETTE["grey"]
    body = (
        f'<rect x="0.5" y="0.5" width="{PLANE - 1}" height="{PLANE - 1}" fill="none" '
        f'stroke="{grey}"/><line x1="{middle}" y1="0" x2="{middle}" y2="{PLANE}" '
        f'stroke="{grey}" stroke-dasharray="2 2"/><line x1="0" y1="{middle}" x2="{PLANE}" '
        f'y2="{middle}" stroke="{grey}" stroke-dasharray="2 2"/>'
    )
    if len(points) > 1:
        joined = " ".join(f"{x},{y}" for x, y in points)
        body += f'<polyline points="{joined}" fill="none" stroke="{PALETTE["sky"]}"/>'
    x, y = points[-1]
    body += f'<circle cx="{x}" cy="{y}" r="4" fill="{PALETTE["blue"]}"/>'
    latest = trail[-1]
    desc = (
        f"{len(trail)} results on the plane of avoidance (across) and anxiety (up); the latest "
        f"at anxiety {latest.anxiety:.2f}, avoidance {latest.avoidance:.2f}."
    )
    return _svg(PLANE, PLANE, "Your results on the plane", desc, body)


def ratio_chart(weeks: Sequence[RatioWeek]) -> str:
    """Warm (up) and hurtful (down) moments logged per week, this week on the right."""
    most = max([1, *(max(w.positive_logged, w.negative_logged) for w in weeks)])
    step = WIDTH / len(weeks)
    middle = HEIGHT / 2
    bars = []
    for index, week in enumerate(weeks):
        x = round(index * step + step * 0.2, 1)
        width = round(step * 0.6, 1)
        up = round(week.positive_logged / most * (middle - 1), 1)
        down = round(week.negative_logged / most * (middle - 1), 1)
        bars.append(
            f'<rect x="{x}" y="{middle - up}" width="{width}" height="{up}" '
            f'fill="{PALETTE["blue"]}"/><rect x="{x}" y="{middle}" width="{width}" '
            f'height="{down}" fill="{PALETTE["vermillion"]}"/>'
        )
    axis = f'<line x1="0" y1="{middle}" x2="{WIDTH}" y2="{middle}" stroke="{PALETTE["grey"]}"/>'
    desc = "; ".join(
        f"{w.label}: {w.positive_logged} warm, {w.negative_logged} hurtful" for w in weeks
    )
    return _svg(WIDTH, HEIGHT, "Warm and hurtful moments by week", desc, axis + "".join(bars))


def strip_chart(days: Sequence[bool]) -> str:
    """One square per day of the last 30, filled on the days with a check-in."""
    size = WIDTH / len(days)
    squares = "".join(
        f'<rect x="{round(i * size + 0.5, 1)}" y="14" width="{round(size - 1, 1)}" '
        f'height="{round(size - 1, 1)}" fill="{PALETTE["green"] if done else "none"}" '
        f'stroke="{PALETTE["grey"]}" stroke-width="0.5"/>'
        for i, done in enumerate(days)
    )
    desc = f"Checked in on {sum(days)} of the last {len(days)} days, oldest on the left."
    return _svg(WIDTH, HEIGHT, "Days with a check-in", desc, squares)


def line_chart(points: Sequence[tuple[str, float]], title: str, unit: str) -> str | None:
    """A plain line of a few values, oldest on the left; None for fewer than two."""
    if len(points) < 2:
        return None
    values = [value for _, value in points]
    low, high = min(values), max(values)
    spread = (high - low) or 1.0
    step = (WIDTH - 4) / (len(points) - 1)
    coords = [
        (round(2 + i * step, 1), round(HEIGHT - 3 - (v - low) / spread * (HEIGHT - 6), 1))
        for i, v in enumerate(values)
    ]
    joined = " ".join(f"{x},{y}" for x, y in coords)
    body = f'<polyline points="{joined}" fill="none" stroke="{PALETTE["blue"]}" stroke-width="2"/>'
    desc = "; ".join(f"{label}: {value:.0f} {unit}" for label, value in points)
    return _svg(WIDTH, HEIGHT, title, desc, body)
