"""The practice overview: every tool, whom each is for, and whether it is paused for safety."""

from __future__ import annotations

from pydantic import BaseModel

from bowlby import models
from bowlby.services import records
from bowlby.store.engine import Store


class PracticeTool(BaseModel):
    title: str
    helps_with: str
    explanation: str
    href: str
    action: str
    paused: bool


class PracticeHome(BaseModel):
    tools: list[PracticeTool]
    paused_for_safety: bool
    paused_message: str | None


# (title, helps with, why, href, action, coaches closeness with the partner)
TOOLS = (
    (
        "Daily check-in",
        "both of you",
        "Fifteen calm minutes a day: how each of you feels, one appreciation, one practical "
        "thing, one need for tomorrow. Small and regular beats big and rare.",
        "/practice/checkins",
        "Start a check-in",
        True,
    ),
    (
        "Self-soothing",
        "the anxious pattern",
        "Paced breathing, 5-4-3-2-1 grounding, or waiting twenty minutes before texting again, "
        "with your anxiety rated before and after, so you learn what calms you.",
        "/practice/soothing",
        "Calm down now",
        False,
    ),
    (
        "Vulnerability window",
        "the avoidant pattern",
        "One small, safe share a day. Rating the discomfort before and after shows the "
        "tolerance you are building.",
        "/practice/vulnerability",
        "Open today's window",
        True,
    ),
    (
        "The 5:1 ledger",
        "both of you",
        "One tap for each warm or hurtful moment, counted by day and week against five "
        "positives for every negative.",
        "/practice/ratio",
        "Log a moment",
        True,
    ),
    (
        "Repair",
        "both of you",
        "Log a rupture and how you came back together; the time it took shows whether repair "
        "is getting quicker. Phrases for the middle of a fight are one tap away.",
        "/practice/repairs",
        "Repair after a rupture",
        True,
    ),
    (
        "Your cycle",
        "both of you",
        "Each of you draws your side of the pursue–withdraw loop. Seen whole, the cycle "
        "becomes the problem you face together, rather than each other.",
        "/practice/cycles",
        "Map the cycle",
        True,
    ),
    (
        "The unsaid list",
        "the filing-cabinet habit",
        "Note a hurt when it happens instead of storing it silently. Only you ever see it; "
        "when it has waited a while, the check-in is a calm place to raise it.",
        "/practice/unsaid",
        "Note something",
        False,
    ),
    (
        "Talk about how we talk",
        "both of you",
        "A guided conversation: your positions, your cycle and your chats side by side, the "
        "pattern named as the common enemy, and one change each.",
        "/practice/how-we-talk",
        "Talk it through",
        True,
    ),
)


def build_practice_home(store: Store, keyring: models.Keyring) -> PracticeHome:
    paused = records.coaching_paused(store, keyring)
    return PracticeHome(
        tools=[
            PracticeTool(
                title=title,
                helps_with=helps_with,
                explanation=explanation,
                href=href,
                action=action,
                paused=paused and coaches,
            )
            for title, helps_with, explanation, href, action, coaches in TOOLS
        ],
        paused_for_safety=paused,
        paused_message=records.PAUSED_FOR_SAFETY if paused else None,
    )
