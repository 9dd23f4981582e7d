"""Every sentence the unsaid list says, on its pages, at the check-in and at the terminal."""

from __future__ import annotations

TITLE = "The unsaid list"
LEAD = (
    "When something stings and you let it pass, note it here instead of filing it away "
    "silently. Only you can ever read this list. When an item has waited a while, the check-in "
    "is a calm place to raise it."
)
PRIVATE = "Only you can read this list. It is never shared, with your partner or anyone else."
NOTED = "Noted. It is yours alone; nobody else can read it."
RAISED = "Saved. Saying it out loud takes courage, however it went."
LET_GO = "Let go. Letting something go, when you choose to, is a real way of resolving it."
CLI_NOTED = (
    "Noted {id}. It is yours alone; nobody else can read it. When you are ready to raise it: "
    "bowlby unsaid template {id}"
)
CLI_RAISED = "Saved: raised, {went}. Saying it out loud takes courage, however it went."
CLI_LET_GO = LET_GO
NOTHING_YET = "Nothing on your unsaid list."
NOTHING_OPEN = "Nothing waiting. Use --all to see the ones raised or let go."
WAITING = "waiting {age}"
NOTED_TODAY = "noted today"
RAISED_STATE = "raised {age} ago, {went}"
RAISED_TODAY = "raised today, {went}"
LET_GO_STATE = "let go"
TEMPLATE_TITLE = "A gentle start-up"
TEMPLATE_TIPS = (
    "Say what you feel, not what they are.",
    "Describe what happened, without blame.",
    "Ask for something positive you need.",
)
TEMPLATE_CLI_NEXT = (
    "Afterwards: bowlby unsaid raise {id} --feel … --about … --need … --went well|mixed|hard"
)
LET_GO_LEAD = (
    "Not everything needs to be raised. If this one has lost its sting, letting it go is a "
    "real choice, not giving in."
)
NUDGE_TITLE = "Waiting on your unsaid list"
NUDGE_PRIVATE = "Only you see this."
WRITE_WHAT_HAPPENED = "Write a few words about what happened."
CHOOSE_STING = "Choose how much it still stings, from 0 to 10."
FINISH_SENTENCE = "Finish this part of the sentence, in your own words."
CHOOSE_WENT = "Choose how it went."
