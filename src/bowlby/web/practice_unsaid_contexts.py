"""The unsaid list's typed contexts: the list page (open items with their age first), one
item's page (raise it with the gentle start-up, or let it go), and the check-in's nudge."""

from __future__ import annotations

from datetime import datetime, tzinfo

from pydantic import BaseModel

from bowlby import models
from bowlby.practice import unsaid_list as unsaid
from bowlby.services import records
from bowlby.services import unsaid_list as service
from bowlby.store.engine import Store
from bowlby.web import practice_unsaid_messages as say

RESOLVED_COUNT = 50


class UnsaidRow(unsaid.UnsaidView):
    """An item as a list shows it: how long it has waited, or how it was resolved."""

    age: str
    state: str

    @classmethod
    def of(cls, view: unsaid.UnsaidView, now: datetime, zone: tzinfo) -> UnsaidRow:
        return cls(
            **view.model_dump(exclude={"is_open"}),
            age=unsaid.age_in_words(view.occurred_at, now, zone),
            state=describe_state(view, now, zone),
        )


class Choice(BaseModel):
    id: str
    label: str


class TemplateView(BaseModel):
    feel: str
    about: str
    need: str
    sentence: str
    tips: list[str]


class UnsaidPage(BaseModel):
    private_note: str
    paused_for_safety: bool
    paused_message: str | None
    open: list[UnsaidRow]
    resolved: list[UnsaidRow]


class UnsaidItemPage(BaseModel):
    private_note: str
    paused_for_safety: bool
    paused_message: str | None
    item: UnsaidRow
    template: TemplateView
    outcomes: list[Choice]


class NudgeView(BaseModel):
    """The check-in's nudge: for the owner only, never a count to live up to."""

    title: str
    message: str
    private_note: str
    items: list[UnsaidRow]


def describe_state(view: unsaid.UnsaidView, now: datetime, zone: tzinfo) -> str:
    """'waiting 3 days', 'raised 2 days ago, went well', 'let go'."""
    if view.status == "let_go":
        return say.LET_GO_STATE
    if view.status == "raised" and view.raised_at:
        age = unsaid.age_in_words(view.raised_at, now, zone)
        pattern = say.RAISED_TODAY if age == "today" else say.RAISED_STATE
        return pattern.format(age=age, went=view.went_label)
    age = unsaid.age_in_words(view.occurred_at, now, zone)
    return say.NOTED_TODAY if age == "today" else say.WAITING.format(age=age)


def template_of(view: unsaid.UnsaidView) -> TemplateView:
    template = unsaid.startup_template(view)
    return TemplateView(
        feel=template.feel,
        about=template.about,
        need=template.need,
        sentence=unsaid.startup_sentence(template),
        tips=list(say.TEMPLATE_TIPS),
    )


def outcomes() -> list[Choice]:
    return [Choice(id=key, label=label) for key, label in unsaid.OUTCOMES.items()]


def build_unsaid_page(
    store: Store, keyring: models.Keyring, zone: tzinfo, now: datetime
) -> UnsaidPage:
    paused = records.coaching_paused(store, keyring)
    rows = [UnsaidRow.of(view, now, zone) for view in service.list_items(store, keyring)]
    return UnsaidPage(
        private_note=say.PRIVATE,
        paused_for_safety=paused,
        paused_message=records.PAUSED_FOR_SAFETY if paused else None,
        open=sorted((row for row in rows if row.is_open), key=lambda row: row.occurred_at),
        resolved=[row for row in rows if not row.is_open][:RESOLVED_COUNT],
    )


def build_item_page(
    store: Store, keyring: models.Keyring, item_id: str, zone: tzinfo, now: datetime
) -> UnsaidItemPage:
    paused = records.coaching_paused(store, keyring)
    view = service.read_item(store, keyring, item_id)
    return UnsaidItemPage(
        private_note=say.PRIVATE,
        paused_for_safety=paused,
        paused_message=records.PAUSED_FOR_SAFETY if paused else None,
        item=UnsaidRow.of(view, now, zone),
        template=template_of(view),
        outcomes=outcomes(),
    )


def build_nudge(
    store: Store, keyring: models.Keyring, zone: tzinfo, now: datetime
) -> NudgeView | None:
    """The nudge on the person's own check-in page; None when nothing waited, or paused."""
    nudge = service.nudge(store, keyring, now, zone)
    if nudge is None:
        return None
    return NudgeView(
        title=say.NUDGE_TITLE,
        message=nudge.message,
        private_note=say.NUDGE_PRIVATE,
        items=[UnsaidRow.of(view, now, zone) for view in nudge.items],
    )
