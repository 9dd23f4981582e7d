"""Every sentence the web app itself says to a person, in one place to review for tone.

Kind, plain, and specific about what happened and what to do next. Messages from the use
cases (wrong passphrase, name taken, ...) come from bowlby.services and are shown as they are.
"""

from __future__ import annotations

# Sessions and forms
PLEASE_SIGN_IN = "Please sign in first."
SESSION_EXPIRED = "You were signed out to keep your journal private. Sign in again to go on."
EXPIRED_NOTE = (
    "You were signed out after a while without activity, so nobody else at this computer "
    "can read your journal. Sign in again to carry on."
)
CSRF_REJECTED = (
    "This form was out of date or did not come from Bowlby, so nothing was saved. "
    "Go back, reload the page and try again."
)

# Profiles and passphrases
PASSPHRASES_DIFFER = "The two passphrases differ; type it twice."
NEW_PASSPHRASES_DIFFER = "The two new passphrases differ; type it twice."
NOT_CURRENT_PASSPHRASE = "That is not your current passphrase."  # noqa: S105 (a message)
PASSPHRASE_CHANGED = "Your passphrase is changed. Use the new one next time you sign in."  # noqa: S105
CHOOSE_ROLE = "Choose 'person' or 'therapist'."

# Entries
WRITE_SOMETHING = "Write a title or a few words first."
BAD_DATE = "Give the date and time like 2024-05-31 18:30."
SAVED = "Saved. {visibility}"
CHANGES_SAVED = "Your changes are saved. {visibility}"
ONLY_YOU = "Only you can read this entry."
SHARED_WITH = "Shared with your {audience}."
DELETED = "The entry is deleted, for good."
NOT_YOURS = "There is no entry {entry_id} of yours."

# Links
CHOOSE_LINK_ROLE = "Choose partner or therapist."
LINKED = "You are now linked with {name}."
UNLINKED = "You are no longer linked with {name}. They cannot read your entries now."
NOT_LINKED = "You are not linked with '{name}'."

# Errors
NOTHING_HERE = "There is nothing here. The address may be mistyped, or the page was removed."
FORM_NOT_AS_EXPECTED = "Something in the form was not as expected ({detail})"
UNEXPECTED = (
    "Something went wrong on our side. Nothing was shared with anyone. "
    "Try again; if it keeps happening, restart Bowlby."
)
