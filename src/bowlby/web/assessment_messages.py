"""Every sentence the assessment pages say beyond the assessment's own wording, in one place.

The questionnaires' sentences (positions, explanations, change, pairing) are in
bowlby.assess.wording; these are the web app's: kind, plain, and never a verdict.
"""

from __future__ import annotations

NO_NORMS = (
    "No percentiles are shown: no verified published norms are loaded for this questionnaire, "
    "so Bowlby does not compare your scores with other people's."
)
VISIBILITY = {
    "private": "Private: only you can see this result.",
    "partner": "Shared with your partner.",
    "therapist": "Shared with your therapist.",
    "partner and therapist": "Shared with your partner and your therapist.",
}
NOT_LINKED = (
    "You are not linked with a partner yet. Once you are, and they choose to share a result "
    "with you, both positions appear here side by side."
)
NOT_SHARED = (
    "{name} has not shared a result with you yet. Sharing is each person's own choice, in "
    "their own time; when {name} shares one, it appears here beside yours."
)
NO_RESULT_OF_MINE = "You have no finished result yet; take a questionnaire to place yourself here."
INVITATION = (
    "Where do you stand? The ECR-S has 12 questions and takes about 3 minutes. It places you "
    "on two dimensions, attachment anxiety and avoidance: a position, never a verdict."
)
PARTNER_REGION = "{name}'s point sits in the area often called {region}."
SHARED_BY = "Shared with you by {name}. The sentences below speak to {name}."
NOT_A_SCALE_POINT = (
    "'{value}' is not one of the scale points. Choose a number from {low} to {high}."
)
SAVED_FOR_LATER = "Your answers are saved. Continue whenever you like from this page."
RESULT_READY = "Your result is ready. {visibility}"
NOT_YOURS = "There is no assessment {assessment_id} of yours."
