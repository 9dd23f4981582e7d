"""Demo data: the unsaid list. Jordan, who used to file hurts away, notes a few as they happen:
some raised at a check-in, one let go, two still waiting (so the check-in nudges). Maya keeps
a shorter list. Nothing here is ever shared: the list is only ever its owner's."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from bowlby import models
from bowlby.practice.unsaid_list import LetGoInput, RaiseInput, UnsaidInput
from bowlby.services import unsaid_list
from bowlby.store.engine import Store

# (days ago, what happened, feeling word, sting, how it ended: None | ("raised", went) | "let go")
JORDAN_ITEMS = (
    (70, "She checked my phone when I left it on the table", "hurt", 7, ("raised", "mixed")),
    (52, "The joke about my job in front of her friends", "small", 6, ("raised", "well")),
    (33, "She sighed when I said I needed the evening alone", "guilty", 5, "let go"),
    (9, "Being called 'a wall' during the argument on Sunday", "stung", 6, None),
    (4, "She planned the weekend with her sister without asking", "left out", 4, None),
)
MAYA_ITEMS = (
    (40, "He didn't text back all afternoon on my birthday", "forgotten", 8, ("raised", "well")),
    (6, "He went for a run right after I said I'd had a bad day", "alone", 6, None),
    (1, "He looked at his phone while I told him about Mum", "unseen", 4, None),
)
# what was said when an item was raised: I feel ..., about ..., I need ...
STARTUPS = {
    "mixed": ("exposed", "my phone being checked", "to be asked, even when you're worried"),
    "well": ("small", "jokes about my work with others there", "us to keep those for home"),
}
MAYA_STARTUP = ("forgotten", "the quiet on my birthday", "a short text when you can't talk")


def seed(
    store: Store, maya: models.Keyring, jordan: models.Keyring, rng: random.Random, start: datetime
) -> None:
    """Add this tool's demo records for the couple; `start` is 90 days ago."""
    now = start + timedelta(days=90)
    for keyring, items in ((jordan, JORDAN_ITEMS), (maya, MAYA_ITEMS)):
        for days_ago, what, feeling, sting, ending in items:
            noted_at = now - timedelta(days=days_ago, hours=rng.randrange(2, 6))
            noted = UnsaidInput(
                occurred_at=noted_at, what_happened=what, feeling=feeling, sting=sting
            )
            item = unsaid_list.note_item(store, keyring, noted)
            later = noted_at + timedelta(days=rng.randrange(3, 8))
            if ending == "let go":
                let_go = LetGoInput(let_go_at=later, note="It was a tired moment, not a pattern.")
                unsaid_list.let_go_item(store, keyring, item.id, let_go)
            elif ending is not None:
                startup = MAYA_STARTUP if keyring is maya else STARTUPS[ending[1]]
                unsaid_list.raise_item(store, keyring, item.id, raised(later, startup, ending[1]))


def raised(when: datetime, startup: tuple[str, str, str], went: str) -> RaiseInput:
    feel, about, need = startup
    said = {"raised_at": when, "feel": feel, "about": about, "need": need, "went": went}
    return RaiseInput.model_validate(said)
