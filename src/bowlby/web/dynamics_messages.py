"""Every sentence the couple-model pages and commands say, in one place: plain and humble, a
description of this couple's logged turns with its uncertainty, never a prediction or a type."""

from __future__ import annotations

TITLE = "How you influence each other"
LEAD = (
    "Turn by turn, each of you answers the other. This page fits a small model to your own "
    "conversations: where each of you tends to go on your own, how much your last turn carries "
    "over, and how the other's turn moves you. It describes the conversations logged here, "
    "with its uncertainty. It does not predict where the relationship goes, and it does not "
    "sort couples into types."
)
MODEL_IN_WORDS = (
    "Each turn gets a score from −4 (contempt) to +4 (delight), with 0 for neutral. Your next "
    "score is modelled as your own starting point, plus some of your last score (inertia), "
    "plus how your partner's last turn pulls you (influence), separately for their negative "
    "and positive turns. Where both partners would stay put is a steady state."
)
SOURCES_TITLE = "What can be fitted"
CHATS_TITLE = "Your imported chats"
CHATS_NONE = "No chats imported yet. Import one on the Chats page."
LOGGED_TITLE = "Your logged hard conversations"
LOGGED_NONE = "No hard conversations logged yet."
LOGGED_COUNT = "{conversations} logged, {turns} turns in all."
FIT_ALL = "Fit all of them together"
LOG_LINK = "Log a hard conversation"
LOOP_LINK = "Your own feedback loop"
LOOP_HINT = "How safe responses and your anxiety move together, from your own records."
MINIMUM_NOTE = (
    "A fit needs about {need} turn pairs for each of you (a pair is a turn and the one it "
    "answered). Below that it says so instead of showing numbers it cannot stand behind."
)
TOO_FEW_TITLE = "Too few turns for a fit yet"
TOO_FEW_HINT = (
    "Nothing is estimated from so few turns: any number would mostly be noise. Log more hard "
    "conversations, or fit a longer chat."
)

FIT_TITLE = "The fit: {title}"
FIT_FACTS = (
    "{pairs} turn pairs ({first}: {first_pairs}, {second}: {second_pairs}) from "
    "{conversations} conversations · {form} form · {first} spoke first · scored {version}"
)
ESTIMATES_TITLE = "Estimates"
ESTIMATES_HINT = (
    "Each number with its 95% interval from {bootstrap} bootstrap refits: the range the "
    "number would plausibly take with other conversations like these."
)
STATES_TITLE = "Where it settles"
STABLE = "stable: after a nudge, the conversation drifts back here"
UNSTABLE = "unstable: after a nudge, the conversation drifts away from here"
STATE_LINE = "{first} at {first_score:+.1f} and {second} at {second_score:+.1f}: {stability}."
PHASE_TITLE = "The phase plane"
PHASE_HINT = (
    "Each line shows where one partner would stay put, given the other's score. Where the "
    "lines cross, both would: a steady state (filled when stable, hollow when not)."
)
TRAJECTORY_TITLE = "Both partners' scores, turn by turn"
WHATIF_LINK = "Try a what-if"
BY_BIC = "Form chosen"

ESTIMATE_LABELS = {
    "constant": "starting point (constant)",
    "inertia": "carry-over of own last turn (inertia)",
    "negative_slope": "pull of the other's negative turns",
    "positive_slope": "pull of the other's positive turns",
    "threshold": "negativity threshold",
    "uninfluenced_steady_state": "where they settle on their own",
}

WHATIF_TITLE = "What if one of you answered differently?"
WHATIF_LEAD = (
    "Pick one change and see the same conversation run forward from the same start, as "
    "fitted and with the change. It is a sketch of the model, not a forecast."
)
WHATIF_PAUSED_TITLE = "The what-if is paused"
CHANGES = {
    "negative_slope": "Respond to negativity with less negativity",
    "positive_slope": "Repair sooner: let a positive turn pull more",
    "threshold": "A higher negativity threshold",
    "inertia": "Let the last turn carry over less",
    "constant": "Start from a warmer place",
}
WHO_LEGEND = "Whose answer changes?"
CHANGE_LEGEND = "Which change?"
VALUE_LABEL = "New value"
VALUE_HINT = "Leave empty for a suggested change (halfway towards calmer)."
TURNS_LABEL = "Turns to run"
START_LABEL = "Start from (first speaker, second speaker)"
RUN_WHATIF = "Show the what-if"
WHATIF_RESULT = "{name}: {change} ({label}: {before} → {after})."
STATES_BEFORE = "As fitted"
STATES_AFTER = "With the change"
NO_STATES = "The lines do not cross on the scale: no steady state."

LOG_TITLE = "Log a hard conversation"
LOG_LEAD = (
    "Soon after a hard conversation, score each turn from −4 to +4, in the order you spoke. "
    "One number a turn is enough; the turns alternate between you."
)
LEGEND_TITLE = "What the scores mean"
TOPIC_LABEL = "What was it about? (only you can read this)"
FIRST_LEGEND = "Who spoke first?"
FIRST_CHOICES = {"me": "I did", "partner": "My partner did"}
TURNS_CODE_LABEL = "The turns, in order"
TURNS_CODE_HINT = (
    "Scores separated by spaces or commas, e.g. -2 -1 -3 0 +1. You may mark who spoke: "
    "me:-2 partner:-1."
)
LOG_BUTTON = "Log it"
LOGGED = "Logged a hard conversation of {turns} turns. {visibility}"
CLI_LOGGED = "Logged hard conversation {id} ({turns} turns)."
CHOOSE_FIRST = "Choose who spoke first."
WRITE_TURNS = "Write the turns' scores, e.g. -2 -1 -3 0 +1."
RECENT_TITLE = "Logged so far"
