"""The words a person picks from: emotions and core fears, distortions, trigger choices,
journaling prompts. Kept as data files so their tone can be reviewed in one sitting."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from bowlby.errors import InputError


@dataclass(frozen=True)
class Choice:
    id: str
    label: str
    detail: str = ""
    extra: str = ""


def _read(name: str) -> dict[str, Any]:
    text = resources.files("bowlby.journal").joinpath("data", name).read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@cache
def core_fears() -> tuple[Choice, ...]:
    return tuple(
        Choice(f["id"], f["label"], f["statement"]) for f in _read("emotions.json")["core_fears"]
    )


@cache
def emotion_families() -> dict[str, tuple[str, ...]]:
    return {f["id"]: tuple(f["names"]) for f in _read("emotions.json")["families"]}


@cache
def distortions() -> tuple[Choice, ...]:
    return tuple(
        Choice(d["id"], d["label"], d["explanation"], d["question"])
        for d in _read("distortions.json")["distortions"]
    )


@cache
def partner_actions() -> tuple[Choice, ...]:
    return tuple(Choice(a["id"], a["label"]) for a in _read("triggers.json")["partner_actions"])


@cache
def urges() -> tuple[Choice, ...]:
    return tuple(
        Choice(u["id"], u["label"], u["direction"]) for u in _read("triggers.json")["urges"]
    )


@cache
def prompts() -> tuple[Choice, ...]:
    return tuple(Choice(p["id"], p["text"], p["theme"]) for p in _read("prompts.json")["prompts"])


def prompts_note() -> str:
    note: str = _read("prompts.json")["note"]
    return note


def pick(choices: tuple[Choice, ...], choice_id: str, field: str) -> Choice:
    """The choice with this id, or a clear error listing the ones there are."""
    for choice in choices:
        if choice.id == choice_id:
            return choice
    known = ", ".join(choice.id for choice in choices)
    raise InputError(f"'{choice_id}' is not one of: {known}.", field=field)


def label_of(choices: tuple[Choice, ...], choice_id: str) -> str:
    return next((c.label for c in choices if c.id == choice_id), choice_id)
