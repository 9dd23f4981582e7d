"""Demo data: the couple's evening check-ins at 20:30 over the 90 days, most shared with each
other, a few days off, and the answers growing warmer and the talks longer as weeks pass."""

from __future__ import annotations

import random
from datetime import UTC, datetime, time, timedelta

from bowlby import models
from bowlby.practice.checkin_schedule import ScheduleInput, zone_of
from bowlby.practice.checkins import CheckinInput
from bowlby.services import checkins
from bowlby.store.engine import Store

DAYS = 90
AT = time(20, 30)
# (feeling word, a few words) per phase of the 90 days: early, middle, late.
FEELINGS = {
    "Maya": (
        (("anxious", "You were quiet all evening and I filled in the blanks."),
         ("unsettled", "Work ran late and I kept checking my phone."),
         ("lonely", "It felt like we passed each other all day.")),
        (("hopeful", "Saying it out loud here helps more than texting."),
         ("tired", "Long day, but I did not spiral about the late reply."),
         ("unsettled", "A bit wobbly, less than last week.")),
        (("calm", "I trusted you would call, and you did."),
         ("close", "Dinner together without phones was lovely."),
         ("content", "Nothing big. It feels good to say that.")),
    ),
    "Jordan": (
        (("tired", "Needed quiet after work; it was not about you."),
         ("distracted", "Head still at the office."),
         ("stretched", "Too many things this week.")),
        (("relieved", "Easier than I expected to say how the day went."),
         ("tired", "Drained, but glad we sat down anyway."),
         ("calm", "Good to have a set time for this.")),
        (("close", "I liked telling you about the meeting before you asked."),
         ("content", "A slow, easy evening."),
         ("playful", "Still laughing about the cat and the box.")),
    ),
}  # fmt: skip
APPRECIATIONS = {
    "Maya": ("You texted when the train was late.", "You made tea when I got home.",
             "You listened without fixing.", "You told me you needed an hour, and came back."),
    "Jordan": ("You gave me space after work.", "You remembered my dentist appointment.",
               "You asked instead of guessing.", "You laughed at my terrible joke."),
}  # fmt: skip
LOGISTICS = ("Bins go out on Thursday.", "Groceries on Saturday morning.",
             "Call the landlord about the heating.", "Book the train for your sister's visit.",
             "Who picks up the parcel?", "")  # fmt: skip
NEEDS = {
    "Maya": ("A message at lunch, even a short one.", "Ten minutes together before bed.",
             "Tell me if you need quiet, so I do not guess.", ""),
    "Jordan": ("An hour to myself after work.", "A walk together on Sunday.",
               "Start with the easy news, then the hard.", ""),
}  # fmt: skip


def seed(
    store: Store, maya: models.Keyring, jordan: models.Keyring, rng: random.Random, start: datetime
) -> None:
    """Add this tool's demo records for the couple, from `start` (90 days ago) to now."""
    zone = zone_of(checkins.zone_name(datetime.now().astimezone().tzinfo or UTC))
    end = start + timedelta(days=DAYS)
    schedule = ScheduleInput(
        occurred_at=start + timedelta(days=1), at="20:30", zone=zone.key, shared_with_partner=True
    )
    checkins.set_schedule(store, maya, schedule)
    first = start.astimezone(zone).date() + timedelta(days=1)
    for index in range(DAYS):
        progress = index / DAYS
        if rng.random() > 0.55 + 0.4 * progress:  # a day off, rarer as the habit settles
            continue
        day = first + timedelta(days=index)
        for keyring in (maya, jordan):
            when = datetime.combine(day, AT, tzinfo=zone) + timedelta(minutes=rng.randrange(25))
            if when > end or rng.random() < 0.06:
                continue
            checkins.record_checkin(store, keyring, _answers(keyring.name, rng, progress, when))


def _answers(name: str, rng: random.Random, progress: float, when: datetime) -> CheckinInput:
    word, note = rng.choice(FEELINGS[name][min(2, int(progress * 3))])
    minutes = round(8 + 7 * progress + rng.uniform(-2, 2))
    return CheckinInput(
        occurred_at=when,
        feeling_word=word,
        feeling_note=note,
        appreciation=rng.choice(APPRECIATIONS[name]),
        logistics=rng.choice(LOGISTICS),
        need=rng.choice(NEEDS[name]),
        minutes=max(3, min(20, minutes)),
        shared_with_partner=rng.random() < 0.85,
    )
