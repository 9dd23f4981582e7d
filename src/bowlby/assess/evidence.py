"""Reliability and norm figures exactly as the instrument file gives them, nulls kept as None.

The file records what could and could not be verified; these shapes keep that distinction
(a None value with its note) so that no interface mistakes a missing figure for a zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SUBSCALE_NAMES = ("anxiety", "avoidance")
BLOCK_META = ("note", "source", "approximate", "secondary_reports")


@dataclass(frozen=True)
class ReliabilityFigure:
    """One reliability figure; `statistic` is "alpha", "test_retest" or "latent_stability".

    `subscale` is None when the figure is not per subscale (ECR-RS reports retest by domain).
    """

    statistic: str
    subscale: str | None
    value: float | None
    domain: str | None = None
    interval: str | None = None
    approximate: bool = False
    source: str | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class NormFigure:
    """A published mean and SD for one subscale (and ECR-RS target), or None where unverified."""

    population: str
    subscale: str
    mean: float | None
    sd: float | None
    n: int | None
    source: str | None
    note: str | None = None
    target: str | None = None


def read_reliability(raw: dict[str, Any]) -> tuple[ReliabilityFigure, ...]:
    """Every figure in a `reliability` block: alpha, test_retest_<interval>, stability."""
    shared_notes = tuple(
        text for key, text in raw.items() if isinstance(text, str) and not _owned_note(key, raw)
    )
    figures: list[ReliabilityFigure] = []
    for key, value in raw.items():
        if key == "alpha" or key.startswith("test_retest_"):
            own = tuple(text for k, text in raw.items() if k != key and k.startswith(key + "_"))
            figures.extend(_read_block(key, value, own + shared_notes))
        elif key == "stability":
            figures.extend(_read_stability(entry, shared_notes) for entry in value)
    return tuple(figures)


def read_norms(raw: list[dict[str, Any]]) -> tuple[NormFigure, ...]:
    """Norm entries: per subscale, or (ECR-RS) per target and subscale."""
    figures: list[NormFigure] = []
    for entry in raw:
        by_target = entry.get("by_target") or {None: entry}
        for target, values in by_target.items():
            figures.extend(
                NormFigure(
                    population=entry["population"],
                    subscale=name,
                    mean=values[name]["mean"],
                    sd=values[name]["sd"],
                    n=entry.get("n"),
                    source=entry.get("source"),
                    note=entry.get("note"),
                    target=target,
                )
                for name in SUBSCALE_NAMES
                if name in values
            )
    return tuple(figures)


def _owned_note(key: str, raw: dict[str, Any]) -> bool:
    """A top-level note like `alpha_secondary_report` belongs to the `alpha` block only."""
    return any(key.startswith(block + "_") for block in raw if block != key)


def _read_block(key: str, value: Any, notes: tuple[str, ...]) -> list[ReliabilityFigure]:
    statistic = "alpha" if key == "alpha" else "test_retest"
    interval = None if key == "alpha" else key.removeprefix("test_retest_").replace("_", " ")
    if value is None:
        return [ReliabilityFigure(statistic, None, None, interval=interval, notes=notes)]
    reports = tuple(value.get("secondary_reports", ()))
    block_notes = ((value["note"],) if "note" in value else ()) + reports + notes
    return [
        ReliabilityFigure(
            statistic=statistic,
            subscale=name if name in SUBSCALE_NAMES else None,
            value=figure,
            domain=None if name in SUBSCALE_NAMES else name,
            interval=interval,
            approximate=bool(value.get("approximate", False)),
            source=value.get("source"),
            notes=block_notes,
        )
        for name, figure in value.items()
        if name not in BLOCK_META
    ]


def _read_stability(entry: dict[str, Any], notes: tuple[str, ...]) -> ReliabilityFigure:
    """Latent stability is not an observed retest r; the file keeps the observed r as null."""
    return ReliabilityFigure(
        statistic="latent_stability",
        subscale=None,
        value=entry.get("observed_test_retest_r"),
        interval=entry.get("interval"),
        source=entry.get("source"),
        notes=(entry["statistic"], *notes),
    )
