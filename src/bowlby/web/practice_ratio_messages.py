"""Every sentence the 5:1 ledger says, on its page and at the terminal, in one place to review.

Kind and plain; honest about what the 5:1 figure measured (see ../shared/instruments/ecr.json,
`related.gottman_5_to_1`) and about what a self-logged tally can and cannot say.
"""

from __future__ import annotations

TITLE = "The 5:1 ledger"
LEAD = (
    "One tap for each warm moment and each hurtful one. Over days and weeks the counts show "
    "whether the warmth is keeping up."
)
POSITIVE_BUTTON = "+ Warm moment"
NEGATIVE_BUTTON = "− Hurtful moment"
MORE = "Add a kind, a note or a time (optional)"
SAVED_POSITIVE = "Counted: one warm moment. {visibility}"
SAVED_NEGATIVE = (
    "Counted: one hurtful moment. Noticing it honestly is part of the practice. {visibility}"
)
CLI_SAVED = "Counted: one {sign} moment{kind}. Today so far: {today}."

# What the research says, in our own words; where the figure comes from.
RESEARCH_TITLE = "What 5:1 means, and what it does not"
RESEARCH = (
    "The 5:1 figure comes from John Gottman and colleagues, who filmed couples while they "
    "talked through a disagreement and had trained observers code each turn. Couples who "
    "stayed together showed about five positive moments for every negative one during "
    "those conflict talks; couples who later split showed slightly fewer positives than "
    "negatives (about 0.8 to 1).",
    "So 5:1 is a benchmark for arguments, not a daily quota. In ordinary everyday life, "
    "content couples tend to have far more good moments per bad one than that; no published "
    "study gives an everyday threshold, so we do not invent one.",
    "What you log here is a different and rougher measurement: you count your own moments, "
    "from memory, in daily life. Use it to notice your direction over weeks, not to grade "
    "your relationship on one day.",
)
SOURCES = (
    "Gottman & Levenson (1992), Journal of Personality and Social Psychology 63(2), 221–233.",
    "Gottman (1994), What Predicts Divorce? Erlbaum.",
    "Gottman, Coan, Carrère & Swanson (1998), Journal of Marriage and the Family 60(1), 5–22.",
)
CLI_NOTE = (
    "5:1 is what observers saw in stable couples' conflict discussions; a self-logged everyday "
    "tally is a rougher, different measurement. Watch the direction, not one day."
)
ESTIMATED_NOTE = (
    "Estimated moments (read from imported chats) are marked and counted apart; the line "
    "without them uses only what you logged yourself."
)
NOTHING_YET = "Nothing logged yet. The first tap is the hardest to remember."
NOTHING_SHARED = "Nothing shared with you yet."
EMPTY_PERIOD = "—"
CHART_NONE = "Chart appears once you have logged a few moments."
COUPLE_TITLE = "Side by side"
COUPLE_LEAD = "What each of you logged and chose to share, week by week."
PHRASES_LINK = "In a fight right now? Phrases for repair"
