"""What the cycle pages say, in one place, so that their tone can be read in one sitting.

The builder's six prompts themselves live in practice/data/cycle_map.json (the terminal asks
the same questions)."""

from __future__ import annotations

TITLE = "Your cycle"
LEAD = (
    "When you both feel hurt, you fall into the same dance: one reaches out harder, the other "
    "pulls away, and each move sets off the next. Drawn whole, the cycle becomes the problem "
    "the two of you face together, rather than each other."
)
HOW_IT_WORKS = (
    "Start a cycle and give it a name of your own. Fill in your side; share the cycle with "
    "your partner so that they can add theirs. On your own, you can add your best guess at "
    "your partner's side too; it is always marked as a guess."
)
NAME_LABEL = "Name the cycle"
NAME_HINT = (
    'A few words for the moment it usually starts, e.g. "the quiet evening after plans '
    'change". Name the pattern, not the person.'
)
NAME_MISSING = "Give the cycle a name, in a few words of your own."
SHARE_TO_INVITE = "Share it with your partner so that they can add their side."
NO_CYCLES = "No cycles yet. Naming the first one is already a step out of it."
STARTED = "Cycle started. Now add your side below. {visibility}"
SIDE_SAVED = "Your side is saved. {visibility}"
SIDE_AND_GUESS_SAVED = "Your side and your guess at your partner's side are saved. {visibility}"
RENAMED = "Renamed. The earlier name is kept in its history. {visibility}"
YOUR_SIDE = "Your side"
YOUR_SIDE_HINT = "Three prompts about you. Your own words, as plain as you like."
THEIR_SIDE = "Your partner's side, as you guess it"
THEIR_SIDE_HINT = (
    "Optional. Your best guess at how it looks from the other side; it is drawn with a dashed "
    "line and marked as a guess. When your partner shares their own side, theirs is drawn "
    "instead."
)
FEELINGS_SUMMARY = "Choose feeling words"
FEAR_LABEL = "A fear beneath it (optional)"
OWN_WORDS = "In your own words"
MOVE_LABEL = "What you do"
THEIR_MOVE_LABEL = "What they do"
SAVE = "Save my side"
NOT_YET = "Not filled in yet."
DRAWN_ONCE_FILLED = "The loop is drawn here as soon as one side is filled in."
TEXT_HEADING = "The loop, step by step"
ROUND_AGAIN = "… and round again."
PARTNER_CANNOT_SEE = (
    "Only you can see this cycle. To let your partner add their side, share it with them: "
    'rename it below and tick "Share with my partner".'
)
FROM_PARTNER = "Started by {name}, who shared it with you."
THERAPIST_READS = "Shared with you to read; only the couple fill in their sides."
PAUSED_HEADING = "The cycle map is paused"
PAUSED_OWN_WORDS = "What you wrote"
