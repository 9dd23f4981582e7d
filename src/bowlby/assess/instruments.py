"""The questionnaires, read from the instrument file shipped in `assess/data/ecr.json`.

Items, keys, citations, norms and reliability come from that file and nowhere else, so a
reviewer can check the psychology against one document. Nulls stay None: a null in the file
means "could not be verified", never a default.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from bowlby.assess import wording
from bowlby.assess.evidence import NormFigure, ReliabilityFigure, read_norms, read_reliability
from bowlby.errors import DamagedData, InputError

DATA_FILE = "data/ecr.json"
FILE_KEYS = {"ecr-r": "ecr_r", "ecr-s": "ecr_s", "ecr-rs": "ecr_rs"}
ECR_1998 = "ecr-1998"
INSTRUMENT_IDS = (*FILE_KEYS, ECR_1998)


@dataclass(frozen=True)
class Citation:
    text: str
    doi: str | None = None


@dataclass(frozen=True)
class ResponseScale:
    """A 1..7 agreement scale; only the endpoint anchors are verified, so only they are kept."""

    min: int
    max: int
    anchors: Mapping[int, str]

    def reverse(self, answer: int) -> int:
        """min + max - x: on the 1-7 scale this is the published `8 - x`."""
        return self.min + self.max - answer

    def contains(self, answer: int) -> bool:
        return self.min <= answer <= self.max

    @property
    def midpoint(self) -> float:
        return (self.min + self.max) / 2


@dataclass(frozen=True)
class Item:
    id: str
    number: int
    text: str | None
    subscale: str
    reverse: bool
    general_text: str | None = None
    original_ecr_item: int | None = None


@dataclass(frozen=True)
class RelationshipTarget:
    """An ECR-RS relationship domain: `id` as in the file's norms, `label` from its targets."""

    id: str
    label: str


@dataclass(frozen=True)
class Instrument:
    id: str
    name: str
    short_name: str
    citation: Citation
    instructions: str | None
    scale: ResponseScale
    items: tuple[Item, ...]
    subscales: Mapping[str, tuple[str, ...]]
    reliability: tuple[ReliabilityFigure, ...] = ()
    norms: tuple[NormFigure, ...] = ()
    targets: tuple[RelationshipTarget, ...] = ()
    notes: tuple[str, ...] = ()

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise InputError(
            wording.ERRORS["unknown_item"].format(instrument=self.short_name), field=item_id
        )

    @property
    def has_item_texts(self) -> bool:
        return all(item.text is not None for item in self.items)


@dataclass(frozen=True)
class Instructions:
    """What the interface shows first; `by_authors` is False for Bowlby's neutral fallback."""

    text: str
    by_authors: bool
    note: str | None = None


def get_instrument(instrument_id: str) -> Instrument:
    """One of "ecr-r", "ecr-s", "ecr-rs", "ecr-1998" (the original ECR key, batch mode only)."""
    instruments = _load_all()
    if instrument_id not in instruments:
        raise InputError(
            wording.ERRORS["unknown_instrument"].format(known=", ".join(INSTRUMENT_IDS)),
            field="instrument",
        )
    return instruments[instrument_id]


def list_instruments() -> tuple[Instrument, ...]:
    return tuple(_load_all().values())


def read_instrument_file() -> dict[str, Any]:
    """The shipped instrument file as parsed JSON (a fresh copy each call)."""
    text = resources.files("bowlby.assess").joinpath(DATA_FILE).read_text("utf-8")
    parsed: dict[str, Any] = json.loads(text)
    return parsed


def instructions_for(
    instrument: Instrument, target: RelationshipTarget | None = None
) -> Instructions:
    """The authors' instructions when the file has them, else a neutral sentence marked as ours."""
    if instrument.instructions is not None:
        return Instructions(instrument.instructions, by_authors=True)
    scale = instrument.scale
    if scale.min in scale.anchors and scale.max in scale.anchors:
        text = wording.FALLBACK_INSTRUCTIONS.format(
            low=scale.min,
            high=scale.max,
            low_label=scale.anchors[scale.min].lower(),
            high_label=scale.anchors[scale.max].lower(),
        )
    else:
        text = wording.FALLBACK_INSTRUCTIONS_NO_ANCHORS.format(low=scale.min, high=scale.max)
    if target is not None:
        text = wording.FALLBACK_TARGET_INSTRUCTIONS.format(target=target.label) + " " + text
    return Instructions(text, by_authors=False, note=wording.FALLBACK_INSTRUCTIONS_NOTE)


@cache
def _load_all() -> dict[str, Instrument]:
    data = read_instrument_file()
    loaded = {
        iid: _read_instrument(iid, data["instruments"][key]) for iid, key in FILE_KEYS.items()
    }
    loaded[ECR_1998] = _read_ecr_1998(data["related"]["ecr_original_1998"])
    for instrument in loaded.values():
        _check_keys_agree(instrument)
    return loaded


def _read_items(raw: list[dict[str, Any]]) -> tuple[Item, ...]:
    return tuple(
        Item(
            id=item["id"],
            number=item["number"],
            text=item["text"],
            subscale=item["subscale"],
            reverse=item["reverse"],
            general_text=item.get("text_general_version"),
            original_ecr_item=item.get("original_ecr_item"),
        )
        for item in raw
    )


def _read_instrument(instrument_id: str, raw: dict[str, Any]) -> Instrument:
    items = _read_items(raw["items"])
    scoring = raw["scoring"]
    reversed_ids = set(scoring["reverse_keyed"])
    if {item.id for item in items if item.reverse} != reversed_ids:
        raise DamagedData(wording.ERRORS["keys_disagree"].format(instrument=instrument_id))
    targets = _read_targets(raw)
    return Instrument(
        id=instrument_id,
        name=raw["name"],
        short_name=raw["short_name"],
        citation=Citation(raw["citation"]["text"], raw["citation"].get("doi")),
        instructions=raw.get("instructions"),
        scale=_read_scale(raw["response_scale"]),
        items=items,
        subscales={name: tuple(ids) for name, ids in scoring["subscales"].items()},
        reliability=read_reliability(raw["reliability"]),
        norms=read_norms(raw["norms"]),
        targets=targets,
        notes=tuple(
            text
            for text in (
                raw.get("licence_note"),
                raw.get("derived_from"),
                scoring.get("global_scores"),
                scoring.get("missing_data_note"),
            )
            if text
        ),
    )


def _read_scale(raw: dict[str, Any]) -> ResponseScale:
    anchors = {int(point): label for point, label in raw["anchors"].items()}
    return ResponseScale(min=raw["min"], max=raw["max"], anchors=anchors)


def _read_targets(raw: dict[str, Any]) -> tuple[RelationshipTarget, ...]:
    """ECR-RS: the file lists target labels and, in the same order, short ids in its norms."""
    if "targets" not in raw:
        return ()
    ids = list(raw["norms"][0]["by_target"])
    if len(ids) != len(raw["targets"]):
        raise DamagedData(wording.ERRORS["targets_disagree"])
    return tuple(
        RelationshipTarget(tid, label) for tid, label in zip(ids, raw["targets"], strict=True)
    )


def _read_ecr_1998(raw: dict[str, Any]) -> Instrument:
    """The 1998 ECR: the file has its key, not its items (odd = avoidance, even = anxiety)."""
    scoring = raw["scoring"]
    reverse = set(scoring["reverse_keyed"])
    items = tuple(
        Item(
            id=f"ecr_1998_{number:02d}",
            number=number,
            text=None,
            subscale="avoidance" if number % 2 else "anxiety",
            reverse=number in reverse,
        )
        for number in range(1, 37)
    )
    subscales = {
        name: tuple(item.id for item in items if item.subscale == name)
        for name in ("anxiety", "avoidance")
    }
    return Instrument(
        id=ECR_1998,
        name=wording.ECR_1998_NAME,
        short_name=wording.ECR_1998_SHORT_NAME,
        citation=Citation(raw["citation"]),
        instructions=None,
        # The file states the 1998 ECR's metric only as "(original ECR, 1-7)"; no anchors.
        scale=ResponseScale(min=1, max=7, anchors={}),
        items=items,
        subscales=subscales,
        reliability=read_reliability({"alpha": raw["alpha_reported"]}),
        notes=(raw["why_here"], raw["classification_functions"]["warning"]),
    )


def _check_keys_agree(instrument: Instrument) -> None:
    """The file states each key twice (per item and per subscale); refuse data where they differ."""
    for name, ids in instrument.subscales.items():
        listed = {item.id for item in instrument.items if item.subscale == name}
        if listed != set(ids):
            raise DamagedData(wording.ERRORS["keys_disagree"].format(instrument=instrument.id))
