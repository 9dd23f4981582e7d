"""One labelled field of an entry, as its page shows it."""

from __future__ import annotations

from pydantic import BaseModel


class Detail(BaseModel):
    """One labelled field: a sentence or paragraph, or a list of items."""

    label: str
    text: str = ""
    items: list[str] = []


def label_of(key: str) -> str:
    return key.replace("_", " ").capitalize()
