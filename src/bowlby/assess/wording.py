"""Every sentence the assessment shows a person, in one place so its tone can be read at once.

Kind, plain, non-diagnostic: scores are positions on a continuum, never a verdict about who
someone is. Sentences marked "Bowlby's wording" are ours, not the questionnaire authors'.
Placeholders in braces are filled by the modules that use them.
"""

from __future__ import annotations

ECR_1998_NAME = "Experiences in Close Relationships (original 1998 version, scoring key only)"
ECR_1998_SHORT_NAME = "ECR (1998)"

FALLBACK_INSTRUCTIONS = (
    "Each statement below is about how you feel in close relationships. For each one, choose "
    "the number from {low} ({low_label}) to {high} ({high_label}) that fits you best. There "
    "are no right or wrong answers."
)
FALLBACK_INSTRUCTIONS_NO_ANCHORS = (
    "Each statement below is about how you feel in close relationships. For each one, choose "
    "the number from {low} to {high} that fits you best. There are no right or wrong answers."
)
FALLBACK_TARGET_INSTRUCTIONS = "These statements are about one person in your life: your {target}."
FALLBACK_INSTRUCTIONS_NOTE = (
    "Bowlby's wording: the authors' own instructions for this questionnaire could not be "
    "verified, so this neutral sentence stands in for them."
)

ERRORS = {
    "unknown_instrument": "Unknown questionnaire. Choose one of: {known}.",
    "unknown_item": "This is not an item of the {instrument}. Check the item id.",
    "unknown_target": "Unknown relationship. Choose one of: {known}.",
    "keys_disagree": (
        "The instrument file lists the keys of {instrument} twice and the two lists disagree. "
        "Reinstall Bowlby; the shipped data has been changed."
    ),
    "targets_disagree": "The ECR-RS targets and their norms do not line up in the instrument file.",
    "not_integer": "The answer {value!r} is not a whole number. Choose one of the scale points.",
    "out_of_range": (
        "The answer {value!r} is outside the scale. Choose a number from {low} to {high}."
    ),
    "unreadable_file": (
        "The file could not be read ({why}). Check the path and that it is UTF-8 text."
    ),
    "norms_syntax": (
        "The norms file could not be parsed ({why}). Check it against the documented format."
    ),
    "norms_other_instrument": "These norms are for {norms}, not for {instrument}.",
    "norms_text": "Give this as text.",
    "norms_number": "Give this as a number.",
    "norms_range": "This must lie between {low} and {high}.",
    "norms_n": "Give the sample size as a whole number of at least 2.",
    "norms_not_table": "This must be a table of subscales (anxiety, avoidance).",
    "norms_unknown_subscale": "This questionnaire has no such subscale; use anxiety or avoidance.",
    "norms_unknown_target": "Unknown relationship target; use mother, father, partner or friend.",
    "norms_no_targets": "Only the ECR-RS has relationship targets.",
    "norms_empty": "The norms file has no [subscales.<name>] tables.",
    "map_syntax": "The column map could not be parsed ({why}). It is TOML with a [columns] table.",
    "map_unknown_item": "The column map names an item this questionnaire does not have.",
    "map_column_missing": "The survey has no column named {column!r}. Check the map or the header.",
    "map_column_repeated": "The survey header has the column {column!r} more than once.",
    "map_not_text": "Give the column name as text.",
    "map_item_missing": "The column map gives no column for this item; every item needs one.",
    "map_column_twice": "This column is already mapped to {other}; each item needs its own column.",
    "map_skip": "Give the number of lines to skip as a whole number (0 or more).",
    "map_missing": 'Give the missing-value codes as a list of text, e.g. ["", "-99"].',
    "map_delimiter": 'Give the delimiter as one character, e.g. "," or ";".',
    "map_instrument": "The map was written for {mapped}, not for {wanted}.",
    "no_default_map": (
        "The survey header matches no default layout ({layouts}). Write a column map: a TOML "
        "file with a [columns] table naming the column of each item."
    ),
    "scale_for_codes": "Batch scoring needs a response scale inside 1 to 127.",
    "empty_csv": "The file is empty: a header line is needed.",
    "not_utf8": "The file is not UTF-8 text. Export it again as CSV UTF-8 and retry.",
    "csv_syntax": "The CSV could not be read ({why}).",
    "off_the_plane": "The score {value!r} is not a mean on the 1-7 scale.",
    "not_scored": "Both subscales need a score first; too few items were answered.",
    "not_ecr_1998": "The Brennan et al. (1998) classification applies to original ECR data only.",
}

REASONS = {
    "too_few_answers": (
        "Not scored: {answered} of {total} items answered, and a score needs at least {needed} "
        "(80%)."
    ),
    "no_sd": (
        "No published standard deviation is available for this score yet, so its standard error "
        "of measurement cannot be given."
    ),
    "no_reliability": (
        "No published reliability is available for this score yet, so its standard error of "
        "measurement cannot be given."
    ),
    "no_targets": "Not scored: none of the relationships has enough answers for a score.",
}

UNCERTAINTY_LABELS = {
    "sem": "standard error of measurement (from the published reliability and SD)",
    "person_item_se": (
        "standard error of your item mean: how much your own answers varied, not a published "
        "reliability"
    ),
    "across_targets_se": "standard error of the mean across your relationships",
}

SUBSCALE_LABELS = {"anxiety": "attachment anxiety", "avoidance": "attachment avoidance"}

REGION_LABELS = {
    "secure": "secure",
    "anxious_preoccupied": "anxious/preoccupied",
    "avoidant_dismissing": "avoidant/dismissing",
    "fearful_disorganized": "fearful/disorganized",
}
REGION_SENTENCES = {
    "secure": "Your point sits in the lower-left area of the plane, the area often called secure.",
    "anxious_preoccupied": (
        "Your point sits in the area often called anxious/preoccupied: more worry about closeness "
        "and less discomfort with it."
    ),
    "avoidant_dismissing": (
        "Your point sits in the area often called avoidant/dismissing: more discomfort with "
        "closeness and less worry about it."
    ),
    "fearful_disorganized": (
        "Your point sits in the area often called fearful: both worry about closeness and "
        "discomfort with it are on the higher side."
    ),
}
POSITION_NOT_A_VERDICT = (
    "This is a position on two continuous dimensions, not a type or a diagnosis. People move "
    "on this plane over time and from one relationship to another."
)
MIDPOINT_SPLIT_NOTE = (
    "The regions split the plane at the scale midpoint (4). That split is a common convention "
    "without endorsement by the questionnaires' authors, whose research favours dimensions over "
    "types."
)
NEAR_BOUNDARY = (
    "Your point is close to a dividing line, within the uncertainty of the score, so the region "
    "name fits it only loosely."
)

EXPLANATION_OPENING = {
    "anxiety": "Your attachment anxiety score is {mean:.2f} on a scale from {low} to {high}.",
    "avoidance": "Your attachment avoidance score is {mean:.2f} on a scale from {low} to {high}.",
}
EXPLANATION_PULLED_UP = {
    "anxiety": "The answers that added most to it were:",
    "avoidance": "The answers that added most to it were:",
}
EXPLANATION_NONE_HIGH = {
    "anxiety": "None of your answers leaned toward worry about closeness; these came nearest:",
    "avoidance": "None of your answers leaned toward distance from closeness; these came nearest:",
}
EXPLANATION_ITEM = "\u201c{text}\u201d: you chose {answer}"
EXPLANATION_ITEM_REVERSED = (
    "\u201c{text}\u201d: you chose {answer}; this statement points the other way, so it counts "
    "as {keyed}"
)
EXPLANATION_ITEM_NUMBER = "item {number}"
EXPLANATION_NOT_SCORED = "Your {label} could not be scored yet: {reason}"

CHANGE_SENTENCES = {
    "reliable_decrease": (
        "Your {label} went down by {size:.2f}, a change larger than measurement error alone "
        "would usually produce."
    ),
    "reliable_increase": (
        "Your {label} went up by {size:.2f}, a change larger than measurement error alone would "
        "usually produce."
    ),
    "within_error": (
        "Your {label} changed by {difference:+.2f}, which is within what measurement error alone "
        "can produce."
    ),
    "unknown_reliability": (
        "Your {label} changed by {difference:+.2f}. Whether this is more than measurement error "
        "cannot be judged yet: no published reliability and standard deviation are available "
        "for it."
    ),
    "off_the_plane": "The score {value!r} is not a mean on the 1-7 scale.",
    "not_scored": "Your {label} cannot be compared: one of the two results has no score.",
}
MOVEMENT_SENTENCES = {
    "toward": (
        "Since your first result, your point has moved {size:.2f} closer to the secure corner."
    ),
    "away": (
        "Since your first result, your point has moved {size:.2f} further from the secure corner."
    ),
    "same": "Since your first result, your distance from the secure corner is about the same.",
}

PERCENTILE_ASSUMPTION = (
    "Percentile computed assuming scores are normally distributed in the norm population."
)

PAIRING_DEFAULT_NAMES = ("partner A", "partner B")
PAIRING_NAMES = {"anxious_avoidant": "anxious\u2013avoidant pairing (mirroring)"}
PAIRING_SENTENCES = {
    "anxious_avoidant": (
        "One of you ({anxious}) leans more toward worry about closeness and the other ({avoidant}) "
        "more toward distance from it. Couples placed like this often fall into a chase\u2013"
        "withdraw cycle: when one reaches for reassurance, the other feels crowded and steps "
        "back, which makes the first reach harder. Neither position is the problem; the cycle "
        "is, and naming it together is a first step to slowing it down."
    ),
    "neutral": (
        "Your two positions are shown side by side. They do not form the anxious\u2013avoidant "
        "pattern that tends to drive a chase\u2013withdraw cycle."
    ),
    "incomplete": "Both partners need a scored result before the two positions can be compared.",
}
PAIRING_MARGIN_NOTE = (
    "Bowlby's convention: the pairing is named when one partner's anxiety is at least {margin} "
    "scale point above the other's and above the midpoint, and the other partner's avoidance is "
    "at least {margin} scale point above the first's and above the midpoint."
)

BATCH_PROBLEMS = {
    "wrong_column_count": "The row has {found} columns; the header has {expected}.",
    "out_of_range": "Value {value!r} is outside the scale ({low} to {high}); not scored.",
    "non_numeric": "Value {value!r} is not a number; not scored.",
    "not_whole": "Value {value!r} is not a whole scale point; not scored.",
    "straight_lining": "Every answered item has the same answer ({value}); flagged, still scored.",
}

CLASSIFICATION_NOTE = (
    "Brennan, Clark & Shaver's (1998) classification functions, for original ECR (1998) data "
    "only. They describe resemblance to a group in that study's sample, not a diagnosis."
)
