"""Every sentence the safety pages themselves say, in one place to review for tone.

Calm, plain and kind; never diagnosing, never telling anyone to stay. The messages about risk,
the screens' results and the stance come from bowlby.safety's data files and are shown as
they are.
"""

from __future__ import annotations

PREFER_NOT_TO_SAY = "I'd rather not say"
YES, NO = "Yes", "No"
SCREEN_INTRO = (
    "A few short questions about how things are at home. They are private to you, kept "
    "encrypted, and can never be shared with anyone. You can skip any question."
)
WAST_INTRO = "Two questions about your relationship in general."
HARK_INTRO = (
    "Four questions about the last year. Answer only what you want to; "
    '"I\'d rather not say" is always fine.'
)
SAFETY_MODE_OFFER = (
    "If you like, Bowlby can switch to safety mode: it stops suggesting closeness with your "
    "partner, hides partner sharing and the side-by-side view, and you can disguise its name. "
    "It is your choice, and you can turn it off at any time."
)
SAFETY_MODE_ON = (
    "Safety mode is on. Partner sharing and the side-by-side view are hidden, and Bowlby will "
    "not suggest reaching out to your partner."
)
SAFETY_MODE_OFF = "Safety mode is off."
DISGUISE_ON = 'The page title and header now say "Notes".'
DISGUISE_OFF = "The page title and header say Bowlby again."
CHECKLIST_INTRO = (
    "Some things a partner does can slowly take away your freedom. Tick any that happen to "
    "you; leave any you'd rather not say. Nothing here is saved or shared."
)
CHECKLIST_NOT_A_TEST = (
    "This is a description to help you see patterns, not a test or a diagnosis. "
    "There is no score, and only you can say what your relationship is like."
)
COUNTRY_SET = "Showing lines for {country}."
COUNTRY_CLEARED = "No country chosen; the general advice is shown."
STOPPED_SHARING = {
    0: "Nothing was shared with your partner, so nothing changed.",
    1: "1 entry was shared with your partner; it is private from them now.",
}
STOPPED_SHARING_MANY = (
    "{count} entries were shared with your partner; they are private from them now."
)
STILL_SHARED = (
    "This was shared with your partner before safety mode; it stays that way unless you "
    "stop sharing in Safety settings."
)
PARTNER_HIDDEN = "Sharing with a partner is off while safety mode is on."
EXIT_LABEL = "Quick exit"
EXIT_HINT = "Leaves at once for a weather page. Pressing Escape three times does the same."


def stopped_sharing(count: int) -> str:
    return STOPPED_SHARING.get(count) or STOPPED_SHARING_MANY.format(count=count)
