"""The partner-violence screens, HARK and WAST-Short, read from `data/safety_screens.json`.

That file is a byte-for-byte copy of the shared instrument file: items, scoring rules,
accuracy and citations come from it and nowhere else. A result always carries its caution:
these screens detect abuse, they do not assess lethality, and they were validated mostly with
women in primary care.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from bowlby.errors import DamagedData, InputError
from bowlby.safety import messages
from bowlby.safety.datafile import read_data, require, text_at

SCREENS_FILE = "safety_screens.json"
HARK = "hark"
WAST_SHORT = "wast_short"
WAST_POSITIVE = {"tension": "a lot of tension", "arguments": "great difficulty"}
Outcome = Literal["positive", "negative", "incomplete"]


@dataclass(frozen=True)
class ScreenItem:
    id: str
    text: str
    options: tuple[str, ...] = ("yes", "no")


@dataclass(frozen=True)
class Accuracy:
    """Published accuracy; missing figures stay None rather than being guessed."""

    sensitivity: float
    sensitivity_ci: tuple[float, float] | None = None
    specificity: float | None = None
    specificity_ci: tuple[float, float] | None = None
    specificity_range: tuple[float, float] | None = None
    reference: str | None = None


@dataclass(frozen=True)
class Screen:
    id: str
    name: str
    citation: str
    stem: str | None
    items: tuple[ScreenItem, ...]
    scoring: str
    accuracy: Accuracy

    def question(self, item: ScreenItem) -> str:
        """The full question as asked: the stem (HARK's "Within the last year, ...") + item."""
        return f"{self.stem} {item.text}" if self.stem else item.text


@dataclass(frozen=True)
class ScreenResult:
    """What a screen says, with everything needed to show it honestly."""

    screen: str
    outcome: Outcome
    positive: bool
    score: int  # HARK: the number of yes answers; WAST-Short: answers at the positive end
    answered: tuple[str, ...]
    unanswered: tuple[str, ...]
    message: str
    leads_to: str | None
    accuracy: Accuracy
    citation: str
    source: str  # "Questions and figures from <citation>", to show under the result
    caution: str  # plain words for the person: detects abuse, not lethality; who it was tested on
    source_notes: tuple[str, ...]  # the instrument file's own note and caution, word for word


def get_screen(screen_id: str) -> Screen:
    """ "hark" or "wast_short"."""
    screens = _load()
    if screen_id not in screens:
        raise InputError(f"unknown screen; use one of {', '.join(screens)}", field="screen")
    return screens[screen_id]


def list_screens() -> tuple[Screen, ...]:
    return tuple(_load().values())


def source_notes() -> tuple[str, ...]:
    """The instrument file's note and caution, word for word."""
    data = read_data(SCREENS_FILE)
    return (data["note"], data["caution"])


def score_hark(answers: Mapping[str, bool | None]) -> ScreenResult:
    """Count of yes answers; one or more is positive. A missing item or None is unanswered;
    with no yes and any item unanswered the outcome is "incomplete", never "negative"."""
    screen = get_screen(HARK)
    known = {item.id for item in screen.items}
    for item_id, answer in answers.items():
        if item_id not in known:
            raise InputError(f"HARK has no question {item_id!r}", field=str(item_id))
        if answer is not None and not isinstance(answer, bool):
            raise InputError("answer yes (true), no (false) or leave it unanswered", field=item_id)
    answered = tuple(i.id for i in screen.items if answers.get(i.id) is not None)
    unanswered = tuple(i.id for i in screen.items if answers.get(i.id) is None)
    yes_count = sum(1 for i in screen.items if answers.get(i.id) is True)
    outcome: Outcome = "positive" if yes_count else ("incomplete" if unanswered else "negative")
    return _result(screen, outcome, yes_count, answered, unanswered, leads_to=None)


def score_wast_short(tension: str | None, arguments: str | None) -> ScreenResult:
    """Positive only for "a lot of tension" AND "great difficulty"; a positive result leads to
    the HARK questions. Options match case- and space-insensitively; None is unanswered."""
    screen = get_screen(WAST_SHORT)
    given = {"tension": tension, "arguments": arguments}
    chosen = {item.id: _option(item, given[item.id]) for item in screen.items}
    answered = tuple(item_id for item_id, option in chosen.items() if option is not None)
    unanswered = tuple(item_id for item_id, option in chosen.items() if option is None)
    extreme = {item_id: chosen[item_id] == WAST_POSITIVE[item_id] for item_id in chosen}
    outcome: Outcome
    if all(extreme.values()):
        outcome = "positive"
    elif any(chosen[item_id] is not None and not extreme[item_id] for item_id in chosen):
        outcome = "negative"  # one milder answer already rules a positive out
    else:
        outcome = "incomplete"
    leads_to = HARK if outcome == "positive" else None
    score = sum(extreme.values())
    return _result(screen, outcome, score, answered, unanswered, leads_to=leads_to)


def _option(item: ScreenItem, answer: str | None) -> str | None:
    if answer is None:
        return None
    if not isinstance(answer, str):
        raise InputError(f"choose one of: {'; '.join(item.options)}", field=item.id)
    wanted = " ".join(answer.split()).casefold()
    for option in item.options:
        if option.casefold() == wanted:
            return option
    raise InputError(f"choose one of: {'; '.join(item.options)}", field=item.id)


def _result(
    screen: Screen,
    outcome: Outcome,
    score: int,
    answered: tuple[str, ...],
    unanswered: tuple[str, ...],
    *,
    leads_to: str | None,
) -> ScreenResult:
    return ScreenResult(
        screen=screen.id,
        outcome=outcome,
        positive=outcome == "positive",
        score=score,
        answered=answered,
        unanswered=unanswered,
        message=messages.screen_text(screen.id, outcome),
        leads_to=leads_to,
        accuracy=screen.accuracy,
        citation=screen.citation,
        source=messages.source_sentence(screen.citation),
        caution=messages.screen_caution(),
        source_notes=source_notes(),
    )


@cache
def _load() -> dict[str, Screen]:
    data = read_data(SCREENS_FILE)
    instruments = require(data.get("instruments"), dict, f"{SCREENS_FILE}.instruments")
    for key in ("note", "caution"):
        text_at(data, key, SCREENS_FILE)
    return {
        screen_id: _read_screen(screen_id, instruments.get(screen_id))
        for screen_id in (HARK, WAST_SHORT)
    }


def _read_screen(screen_id: str, raw: Any) -> Screen:
    where = f"{SCREENS_FILE}.instruments.{screen_id}"
    raw = require(raw, dict, where)
    items = tuple(
        ScreenItem(
            id=text_at(item, "id", f"{where}.items"),
            text=text_at(item, "text", f"{where}.items"),
            options=tuple(item.get("options", ("yes", "no"))),
        )
        for item in require(raw.get("items"), list, f"{where}.items")
    )
    if screen_id == WAST_SHORT and any(
        WAST_POSITIVE.get(item.id) not in item.options for item in items
    ):
        raise DamagedData(f"{where}.items: the positive options are missing")
    return Screen(
        id=screen_id,
        name=text_at(raw, "name", where),
        citation=text_at(raw, "citation", where),
        stem=raw.get("stem"),
        items=items,
        scoring=text_at(raw, "scoring", where),
        accuracy=_read_accuracy(require(raw.get("accuracy"), dict, f"{where}.accuracy")),
    )


def _read_accuracy(raw: dict[str, Any]) -> Accuracy:
    def pair(key: str) -> tuple[float, float] | None:
        value = raw.get(key)
        return None if value is None else (float(value[0]), float(value[1]))

    specificity = raw.get("specificity")
    return Accuracy(
        sensitivity=float(raw["sensitivity"]),
        sensitivity_ci=pair("sensitivity_ci"),
        specificity=None if specificity is None else float(specificity),
        specificity_ci=pair("specificity_ci"),
        specificity_range=pair("specificity_range"),
        reference=raw.get("reference"),
    )
