"""What the self-soothing pages say, in one place so their tone can be reviewed in one sitting.
(The exercises and the effect sentences live in practice/data/soothing_exercises.json.)"""

from __future__ import annotations

TITLE = "Self-soothing"
LEAD = (
    "When anxiety rises, the body needs calming before the mind can think clearly. Try one "
    "exercise, and rate how anxious you are before and after: over time you will see what "
    "helps you, and by how much."
)
RATE_BEFORE = "Choose how anxious you felt before, from 0 to 10."
RATE_AFTER = "Choose how anxious you feel now, from 0 to 10."
BAD_MINUTES = "Write the minutes as a number from 0 to 240, or leave it empty."
BAD_ROUNDS = "Choose the rounds as a whole number from 1 to 100."
NO_SESSIONS = "No sessions yet. Pick an exercise above whenever you need it."
