"""The demo couple's chat: written out as a WhatsApp export, then imported the way a person
would import theirs, so the chats pages (and the analysis built on them) have something real
to read. Tense days grow rarer over the 90 days and repair comes sooner."""

from __future__ import annotations

import io
import json
import random
from collections.abc import Iterator
from datetime import datetime, time, timedelta, tzinfo
from importlib import resources
from typing import Any

from bowlby import models
from bowlby.chats.messages import ParseOptions, ParseReport
from bowlby.chats.sources import read_chat
from bowlby.store.engine import Store

DEMO_DAYS = 90
MORNING_PAIRS = 3
EXPORT_NAME = "WhatsApp Chat with Jordan.txt"
ENCRYPTION_NOTICE = (
    "Messages and calls are end-to-end encrypted. No one outside of this chat, not even "
    "WhatsApp, can read or listen to them."
)


def seed_chat(
    store: Store, maya: models.Keyring, rng: random.Random, start: datetime, zone: tzinfo
) -> None:
    """Maya imports their chat; Jordan's profile has none (a chat is never shared)."""
    from bowlby.services import chats

    options = ParseOptions(zone=zone)
    report = ParseReport()
    export = io.StringIO(export_text(rng, start, zone), newline="")
    messages = read_chat(EXPORT_NAME, export, options, report)
    chats.import_chat(store, maya, messages, me="Maya", format="whatsapp", report=report)


def export_text(rng: random.Random, start: datetime, zone: tzinfo) -> str:
    """The chat as WhatsApp for Android writes it (day/month/year, 24-hour clock, local time)."""
    lines = [f"{start.astimezone(zone):%d/%m/%Y, %H:%M} - {ENCRYPTION_NOTICE}"]
    for sent_at, sender, text in demo_messages(rng, start, zone):
        lines.append(f"{sent_at.astimezone(zone):%d/%m/%Y, %H:%M} - {sender}: {text}")
    return "\n".join(lines) + "\n"


def demo_messages(
    rng: random.Random, start: datetime, zone: tzinfo
) -> Iterator[tuple[datetime, str, str]]:
    """A short back-and-forth each morning; on some evenings a tense exchange and, hours
    later early on and within the hour by the end, a repair."""
    templates = _templates()
    midnight = datetime.combine(start.astimezone(zone).date(), time(), zone)
    for day in range(DEMO_DAYS):
        day_start = midnight + timedelta(days=day)
        morning = day_start + timedelta(hours=8 + rng.random() * 2)
        yield from _exchange(rng, morning, _morning_lines(rng, templates["everyday"]), (2, 25))
        tense_chance = 0.35 - 0.25 * day / DEMO_DAYS
        if rng.random() < tense_chance:
            evening = day_start + timedelta(hours=18 + rng.random())
            yield from _exchange(rng, evening, rng.sample(templates["tense"], 4), (1, 12))
            wait = timedelta(hours=max(0.3, 20 * (1 - day / DEMO_DAYS)) * rng.uniform(0.6, 1.2))
            yield from _exchange(rng, evening + wait, rng.sample(templates["repair"], 2), (2, 10))


def _morning_lines(rng: random.Random, everyday: list[list[str]]) -> list[list[str]]:
    """Three of the everyday back-and-forths (Maya writes, Jordan answers): real turns, so the
    couple model has enough of them to fit the chat (it needs 100 pairs a partner)."""
    starts = rng.sample(range(0, len(everyday) - 1, 2), MORNING_PAIRS)
    return [line for start in starts for line in everyday[start : start + 2]]


def _exchange(
    rng: random.Random, at: datetime, lines: list[list[str]], gap_minutes: tuple[int, int]
) -> Iterator[tuple[datetime, str, str]]:
    for sender, text in lines:
        at += timedelta(minutes=rng.randint(*gap_minutes))
        yield at, sender, text


def _templates() -> dict[str, Any]:
    raw = resources.files("bowlby.demo").joinpath("chat.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(raw)
    return loaded
