"""The chats pages' contexts: the imported chats and the import form's choices."""

from __future__ import annotations

from pydantic import BaseModel

from bowlby import models
from bowlby.chats.sources import DATE_ORDERS, FORMAT_LABELS, FORMATS
from bowlby.store.engine import Store
from bowlby.web.rendering import format_day

DATE_ORDER_LABELS = {
    "dmy": "day, month, year",
    "mdy": "month, day, year",
    "ymd": "year, month, day",
}


class Choice(BaseModel):
    id: str
    label: str


class ChatsPage(BaseModel):
    chats: list[ChatSummary]
    formats: list[Choice]
    date_orders: list[Choice]


class ChatSummary(BaseModel):
    id: str
    name: str
    format: str
    me: str
    partner_names: list[str]
    messages: int
    first_at: str | None
    last_at: str | None


def build_chats_page(store: Store, keyring: models.Keyring) -> ChatsPage:
    from bowlby.services import chats

    return ChatsPage(
        chats=[
            ChatSummary(
                id=chat.id,
                name=chat.name,
                format=FORMAT_LABELS.get(chat.format, chat.format),
                me=chat.me,
                partner_names=chat.partner_names,
                messages=chat.messages,
                first_at=format_day(chat.first_at) if chat.first_at else None,
                last_at=format_day(chat.last_at) if chat.last_at else None,
            )
            for chat in chats.list_chats(store, keyring)
        ],
        formats=[Choice(id=name, label=FORMAT_LABELS[name]) for name in FORMATS],
        date_orders=[Choice(id=order, label=DATE_ORDER_LABELS[order]) for order in DATE_ORDERS],
    )
