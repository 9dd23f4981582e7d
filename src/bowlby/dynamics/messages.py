"""What a couple fit says in words, kept in one place so its tone (plain, humble, never a
verdict or a prediction) can be read in one sitting."""

from __future__ import annotations

TOO_FEW_TURNS = (
    "There are {have} turn pairs for {name}; a fit needs at least {need} for each partner "
    "before its numbers mean much. Log more conversations and try again."
)
TOO_FEW_FOR_THRESHOLDS = (
    "The {family} form needs at least {need} turn pairs for each partner; there are {have} for "
    "{name}. The bilinear form works from {minimum}."
)
TOO_FEW_NEUTRAL = (
    "The two-step method needs at least {need} turns where {name} answered a neutral turn; "
    "use the one-step method instead."
)
INERTIA_HIDDEN = "Shown from {need} turn pairs on; there are {have} for {name}."
NO_SETTLING = "{name}'s inertia is at or beyond 1, so on their own they would not settle."
SIDE_HIDDEN = (
    "Only {count} of {name}'s {have} turns answered a {side} turn; a slope needs at least "
    "{need} and at least 10% of the turns."
)
REGION_HIDDEN = (
    "Only {count} of {name}'s {have} turns fall in this step; a level needs at least {need} "
    "and at least 10% of the turns."
)
STATES_HIDDEN = "Settling points are shown from {need} turn pairs per partner on."
CHOSEN_ONLY = "Only the {family} form was fitted ({reason})."
CHOSEN_BY_BIC = (
    "The {family} form has the lowest BIC, which rewards fit and charges log(pairs) for every "
    "extra parameter."
)
BELOW_THRESHOLD_MINIMUM = "threshold and step forms are tried from {need} turn pairs per partner"
ASKED_FOR = "the form set for this fit; choosing auto compares the forms by BIC"
NO_OJIVE = "The step (ojive) form was left out: some of its steps hold too few turns."
DESCRIBES_ONLY = (
    "These numbers describe the conversations logged here, with their uncertainty; they do "
    "not predict where the relationship goes."
)
NO_STATES = "The two settling lines do not cross within reach, so there is no settling point."
