"""Every sentence the repair tool says, on its pages and at the terminal, in one place."""

from __future__ import annotations

TITLE = "Repair"
LEAD = (
    "Every couple ruptures. What matters is coming back together, and how soon. Log the "
    "rupture now; add its repair when it happens."
)
RUPTURE_SAVED = "Logged. When you have come back together, add the repair here. {visibility}"
REPAIR_SAVED = "Repaired in {duration}. That coming-back is the skill. {visibility}"
CLI_RUPTURE_SAVED = (
    "Logged rupture {id}. When you have repaired it: bowlby repair done {id} --how …"
)
CLI_REPAIR_SAVED = "Repaired in {duration}. That coming-back is the skill."
STILL_OPEN = "still open, for {duration} so far"
OPEN_TITLE = "Still open"
OPEN_NONE = "Nothing open. Well done coming back together."
NOTHING_YET = "No ruptures logged yet."
NOTHING_SHARED = "Nothing shared with you yet."
TREND_TITLE = "Minutes, not days"
TREND_LEAD = (
    "How long repair took, rupture by rupture, with the median per month. Open ruptures are "
    "shown apart, never counted as a quick repair."
)
TREND_NONE = "The trend appears once a rupture has been repaired."
PHRASES_TITLE = "Repair phrases"
PHRASES_LINK = "Phrases for the middle of a fight"
PHRASES_LEAD = "Pick one, say it in your own voice. Clumsy still counts."
REPAIR_TITLE = "Add the repair"
HOW_LEGEND = "How did you repair it? Tick any that fit."
BY_LEGEND = "Who started the repair?"
WRITE_WHAT_HAPPENED = "Write a few words about what happened."
CHOOSE_HOW = "Tick at least one way you repaired it."
CHOOSE_BY = "Choose who started the repair."
CHOOSE_INTENSITY = "Choose how intense it was, from 0 to 10."
