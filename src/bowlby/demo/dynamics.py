"""Demo data for the dynamics pages: Maya's logged hard conversations (enough turns for the
couple model to show its steady states and what-ifs) and her evening anxiety ratings, which
run a little lower on the day after Jordan came through for her (so her own feedback loop has
something to find). The conversations are simulated from a known model, rounded as a coder
would score them."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Literal

from bowlby import models
from bowlby.dynamics.hard_conversations import HardConversationInput
from bowlby.dynamics.model import Bilinear, CoupleModel, PartnerModel, simulate
from bowlby.journal.successes import SuccessInput
from bowlby.practice.soothing import SoothingInput
from bowlby.services import dynamics, journal, soothing
from bowlby.store.engine import Store

DAYS = 90
TOPICS = (
    "money after the car repair",
    "his mother's visit",
    "where to spend the holidays",
    "the evening he went quiet",
    "my sister's wedding",
    "moving in: whose flat",
    "the phone at dinner",
    "plans for the weekend",
    "the bills again",
    "who does the cooking",
    "his late nights at work",
    "my birthday",
)
# Jordan logs the first seven of the same talks from his side (same days, same scores): enough
# turns (100 pairs a partner) for his own fit.
JORDAN_TOPICS = (
    "money after the car repair",
    "my mum's visit",
    "where to spend the holidays",
    "the evening I went quiet",
    "her sister's wedding",
    "moving in: whose flat",
    "the phone at dinner",
)
TURNS = 36
# Maya speaks first: pulled harder by Jordan's negativity than by his warmth; Jordan slower to
# move either way. Scores from -4 to +4, noise as a coder's.
COUPLE = CoupleModel(
    first=PartnerModel(constant=-0.1, inertia=0.35, influence=Bilinear(0.55, 0.3)),
    second=PartnerModel(constant=-0.2, inertia=0.45, influence=Bilinear(0.35, 0.25)),
)
RELIABLE_MOMENTS = (
    "He said he'd be back at nine, and he was.",
    "He texted from the station without my asking.",
    "He remembered the appointment and asked how it went.",
    "He came and sat with me when I was upset instead of leaving the room.",
    "He called at lunch just to say hello.",
    "He told me he needed an hour, then came back and we talked.",
)


def seed(
    store: Store, maya: models.Keyring, jordan: models.Keyring, rng: random.Random, start: datetime
) -> None:
    """Add Maya's hard conversations and evening ratings, then the few Jordan logged himself
    (Maya opening, as she mostly does); `start` is 90 days ago."""
    seed_hard_conversations(store, maya, rng, start)
    seed_evening_ratings(store, maya, rng, start)
    seed_hard_conversations(store, jordan, rng, start, topics=JORDAN_TOPICS, first="partner")


def seed_hard_conversations(
    store: Store,
    keyring: models.Keyring,
    rng: random.Random,
    start: datetime,
    *,
    topics: tuple[str, ...] = TOPICS,
    first: Literal["me", "partner"] = "me",
) -> None:
    """One conversation a week, simulated from COUPLE with Maya speaking first."""
    for index, topic in enumerate(topics):
        opening = (float(rng.choice([-2, -1, -1, 0])), float(rng.choice([-1, 0, 0])))
        run = simulate(
            COUPLE, opening, TURNS // 2, noise_sd=1.2, seed=1958 + index, round_scores=True
        )
        paired = zip(run.first, run.second, strict=True)
        scores = [int(score) for pair in paired for score in pair][:TURNS]
        day = start + timedelta(days=4 + index * 7, hours=21, minutes=rng.randrange(60))
        logged = HardConversationInput(occurred_at=day, topic=topic, first=first, scores=scores)
        dynamics.log_hard_conversation(store, keyring, logged)


def seed_evening_ratings(
    store: Store, maya: models.Keyring, rng: random.Random, start: datetime
) -> None:
    """Most evenings a two-minute breathing round, rated before and after; on about one day
    in four a moment when Jordan was reliable, after which the next evening runs calmer."""
    came_through_yesterday = False
    for day_number in range(2, DAYS - 1):
        evening = start + timedelta(days=day_number, hours=22, minutes=rng.randrange(40))
        came_through = rng.random() < 0.27
        if came_through:
            moment = RELIABLE_MOMENTS[day_number % len(RELIABLE_MOMENTS)]
            journal.record_success(
                store,
                maya,
                SuccessInput(
                    occurred_at=evening - timedelta(hours=3),
                    what_happened=moment,
                    quality="reliable",
                ),
            )
        if rng.random() < 0.8:
            calmer = 1.4 if came_through_yesterday else 0.0
            before = round(7.4 - 2.6 * day_number / DAYS - calmer + rng.uniform(-1.2, 1.2))
            before = max(1, min(10, before))
            session = SoothingInput(
                occurred_at=evening,
                exercise="resonance_breathing",
                anxiety_before=before,
                anxiety_after=max(0, before - rng.choice([1, 2, 2, 3])),
                minutes=2,
                rounds=12,
            )
            soothing.record_session(store, maya, session)
        came_through_yesterday = came_through
