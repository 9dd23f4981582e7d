"""A descriptive coercive-control checklist, written by the Bowlby team in plain words.

It is not a validated screen: it has no score and no cut-off, and it diagnoses nothing. It
names common forms of control so a person can recognise them, and answers with what was
ticked and one kind sentence.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from bowlby.errors import DamagedData, InputError
from bowlby.safety import messages
from bowlby.safety.datafile import read_data, require, text_at

CHECKLIST_FILE = "coercive_control.json"


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    text: str
    label: str


@dataclass(frozen=True)
class Checklist:
    stem: str
    items: tuple[ChecklistItem, ...]
    note: str
    validated: bool = False
    cut_off: None = None

    def question(self, item: ChecklistItem) -> str:
        return f"{self.stem} {item.text}"


@dataclass(frozen=True)
class ControlDescription:
    """Which items were ticked, described; deliberately no score and no verdict."""

    ticked: tuple[ChecklistItem, ...]
    not_ticked: tuple[str, ...]
    unanswered: tuple[str, ...]
    sentence: str
    note: str
    validated: bool = False


def get_checklist() -> Checklist:
    return _load()


def describe_coercive_control(answers: Mapping[str, bool | None]) -> ControlDescription:
    """True = ticked, False = not ticked, None or missing = unanswered."""
    checklist = _load()
    known = {item.id for item in checklist.items}
    for item_id, answer in answers.items():
        if item_id not in known:
            raise InputError(f"the checklist has no item {item_id!r}", field=str(item_id))
        if answer is not None and not isinstance(answer, bool):
            raise InputError("tick (true), leave unticked (false) or skip it", field=item_id)
    ticked = tuple(item for item in checklist.items if answers.get(item.id) is True)
    not_ticked = tuple(item.id for item in checklist.items if answers.get(item.id) is False)
    unanswered = tuple(item.id for item in checklist.items if answers.get(item.id) is None)
    if ticked:
        sentence = messages.checklist_text("some").format(
            count=len(ticked), total=len(checklist.items), items=_join(ticked)
        )
    else:
        sentence = messages.checklist_text("none")
    if unanswered and len(unanswered) < len(checklist.items):
        sentence += " " + messages.checklist_text("unanswered").format(count=len(unanswered))
    return ControlDescription(ticked, not_ticked, unanswered, sentence, checklist.note)


def _join(items: tuple[ChecklistItem, ...]) -> str:
    labels = [item.label for item in items]
    if len(labels) == 1:
        return labels[0]
    return ", ".join(labels[:-1]) + " and " + labels[-1]


@cache
def _load() -> Checklist:
    data = read_data(CHECKLIST_FILE)
    if data.get("validated") is not False or data.get("cut_off") is not None:
        raise DamagedData(f"{CHECKLIST_FILE}: the checklist must say validated: false, no cut-off")
    items = tuple(
        ChecklistItem(
            id=text_at(item, "id", f"{CHECKLIST_FILE}.items"),
            text=text_at(item, "text", f"{CHECKLIST_FILE}.items"),
            label=text_at(item, "label", f"{CHECKLIST_FILE}.items"),
        )
        for item in require(data.get("items"), list, f"{CHECKLIST_FILE}.items")
    )
    if len({item.id for item in items}) != len(items):
        raise DamagedData(f"{CHECKLIST_FILE}.items: two items share an id")
    return Checklist(
        stem=text_at(data, "stem", CHECKLIST_FILE),
        items=items,
        note=text_at(data, "note", CHECKLIST_FILE),
    )
