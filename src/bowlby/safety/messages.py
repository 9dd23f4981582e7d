"""What Bowlby says about safety: calm, specific, kind messages, kept in `data/messages.json`.

Bowlby describes patterns and never diagnoses; it never tells anyone to stay in a
relationship. Interfaces show these texts as they are, so the tone is reviewed in one file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, Protocol

from bowlby.errors import DamagedData, InputError
from bowlby.safety.datafile import read_data, require, text_at

# Most urgent first: this is the order in which messages are shown.
SIGNAL_ORDER = (
    "self_harm",
    "threat_of_violence",
    "fear_of_partner",
    "stalking",
    "coercive_control",
)
SCREEN_OUTCOMES = ("positive", "negative", "incomplete")
ResourceKind = Literal["crisis", "domestic_abuse"]


@dataclass(frozen=True)
class SafetyMessage:
    """One message for one kind of risk; ``resources`` says which lines to show beside it."""

    category: str
    title: str
    body: str
    action: str
    resources: ResourceKind
    reported: bool = False


class HasCategory(Protocol):
    @property
    def category(self) -> str: ...
    @property
    def reported(self) -> bool: ...


def stance() -> tuple[str, ...]:
    """The app's stance, in the words shown on the safety page."""
    return _load().stance


def message_for(category: str, *, reported: bool = False) -> SafetyMessage:
    """The message for one risk category; ``reported`` when the words were someone else's."""
    messages = _load().signals
    if category not in messages:
        raise InputError(f"unknown safety category {category!r}", field="category")
    first_person, about_someone_else = messages[category]
    if reported and about_someone_else is not None:
        return about_someone_else
    return first_person


def messages_for(signals: Iterable[HasCategory]) -> tuple[SafetyMessage, ...]:
    """One message per category found, most urgent first; the person's own words win over
    words reported from someone else."""
    reported_only: dict[str, bool] = {}
    for signal in signals:
        reported_only[signal.category] = reported_only.get(signal.category, True) and bool(
            signal.reported
        )
    return tuple(
        message_for(category, reported=reported_only[category])
        for category in SIGNAL_ORDER
        if category in reported_only
    )


def screen_text(screen: str, outcome: str) -> str:
    """The sentence shown with a screen's result ("hark" or "wast_short")."""
    texts = _load().screens
    key = f"{screen}.{outcome}"
    if key not in texts:
        raise InputError(f"no message for screen {screen!r} and outcome {outcome!r}", field=screen)
    return texts[key]


def screen_caution() -> str:
    return _load().screens["caution"]


def source_sentence(citation: str) -> str:
    return _load().screens["source"].format(citation=citation)


def checklist_text(key: str) -> str:
    """ "none", "some" or "unanswered" (format fields: count, total, items)."""
    return _load().checklist[key]


def resource_text(key: str) -> str:
    """ "fallback", "unknown_country" (format field: country), "international", "unverified"."""
    return _load().resources[key]


@dataclass(frozen=True)
class _Messages:
    stance: tuple[str, ...]
    signals: dict[str, tuple[SafetyMessage, SafetyMessage | None]]
    screens: dict[str, str]
    checklist: dict[str, str]
    resources: dict[str, str]


@cache
def _load() -> _Messages:
    data = read_data("messages.json")
    where = "messages.json"
    stance = tuple(
        require(line, str, f"{where}.stance")
        for line in require(data.get("stance"), list, f"{where}.stance")
    )
    signals_raw = require(data.get("signals"), dict, f"{where}.signals")
    if set(signals_raw) != set(SIGNAL_ORDER):
        raise DamagedData(f"{where}.signals: expected exactly {', '.join(SIGNAL_ORDER)}")
    signals = {
        category: _read_signal(category, signals_raw[category], f"{where}.signals.{category}")
        for category in SIGNAL_ORDER
    }
    screens_raw = require(data.get("screens"), dict, f"{where}.screens")
    screens = {key: text_at(screens_raw, key, f"{where}.screens") for key in ("caution", "source")}
    for screen in ("hark", "wast_short"):
        per_screen = require(screens_raw.get(screen), dict, f"{where}.screens.{screen}")
        for outcome in SCREEN_OUTCOMES:
            screens[f"{screen}.{outcome}"] = text_at(per_screen, outcome, f"{where}.{screen}")
    return _Messages(
        stance=stance,
        signals=signals,
        screens=screens,
        checklist=_texts(data, "checklist", ("none", "some", "unanswered")),
        resources=_texts(
            data, "resources", ("fallback", "unknown_country", "international", "unverified")
        ),
    )


def _read_signal(
    category: str, raw: dict[str, Any], where: str
) -> tuple[SafetyMessage, SafetyMessage | None]:
    kind = raw.get("resources")
    if kind not in ("crisis", "domestic_abuse"):
        raise DamagedData(f"{where}.resources: expected 'crisis' or 'domestic_abuse'")
    first_person = _message(category, raw, kind, where, reported=False)
    if "reported" not in raw:
        return first_person, None
    other = require(raw["reported"], dict, f"{where}.reported")
    return first_person, _message(category, other, kind, f"{where}.reported", reported=True)


def _message(
    category: str, raw: dict[str, Any], kind: ResourceKind, where: str, *, reported: bool
) -> SafetyMessage:
    return SafetyMessage(
        category=category,
        title=text_at(raw, "title", where),
        body=text_at(raw, "body", where),
        action=text_at(raw, "action", where),
        resources=kind,
        reported=reported,
    )


def _texts(data: dict[str, Any], section: str, keys: tuple[str, ...]) -> dict[str, str]:
    raw = require(data.get(section), dict, f"messages.json.{section}")
    return {key: text_at(raw, key, f"messages.json.{section}") for key in keys}
