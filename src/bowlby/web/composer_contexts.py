"""The composer's one typed context: a draft, what it reads as, and the gentler way to say it.

Built here, rendered by composer.html, returned by ``POST /api/text/translate``'s twin. Safety
comes first: in safety mode the composer steps aside; when a draft carries risk language the
calm safety note replaces the rewording.
"""

from __future__ import annotations

from pydantic import BaseModel

from bowlby import models
from bowlby.chats import translate
from bowlby.chats.patterns import HORSEMEN
from bowlby.services import records, safety
from bowlby.services.safety import SafetyCheck
from bowlby.store.engine import Store
from bowlby.web.safety_notes import SafetyNote, build_note

TITLE = "Compose"
LEAD = (
    "Draft a message before you send it. Bowlby points out words that tend to hurt (criticism, "
    "contempt, defensiveness, stonewalling), guesses what may lie beneath them, and offers a "
    "gentler way to say it."
)
DRAFT_MAX_CHARS = 5_000
WRITE_SOMETHING = "Write a draft first: a few words are enough."
TOO_LONG = f"Keep the draft under {DRAFT_MAX_CHARS:,} characters."


class Flag(BaseModel):
    """One of the four horsemen, as the live flag shows it: its name, what it is, the words."""

    label: str
    name: str
    explains: str
    words: list[str] = []


class ReadingView(BaseModel):
    label: str
    name: str
    explains: str
    evidence: list[str]
    fear: str
    need: str


class TranslationView(BaseModel):
    """The translation as the page and the API show it; ``safety`` is set when risk language
    was found, and then there is no ``gentler`` rewording."""

    labels: list[str]
    valence: str
    readings: list[ReadingView]
    beneath: str | None
    feelings: list[str]
    gentler: str | None
    already_gentle: str | None
    risk: bool
    safety: SafetyCheck | None = None


class ComposerPage(BaseModel):
    title: str
    lead: str
    nothing_sent: str
    wording: dict[str, str]
    paused_for_safety: bool
    paused_message: str | None
    draft: str
    horsemen: list[Flag]
    flags: list[Flag]
    translation: TranslationView | None
    safety_note: SafetyNote | None


def build_composer_page(
    store: Store, keyring: models.Keyring, draft: str = "", country: str | None = None
) -> ComposerPage:
    """The composer, with the draft's flags and translation once there is a draft; only the
    pause message while safety mode is on."""
    paused = records.coaching_paused(store, keyring)
    found = None if paused or not draft.strip() else translate_draft(draft)
    return ComposerPage(
        title=TITLE,
        lead=LEAD,
        nothing_sent=translate.wording("nothing_sent"),
        wording={
            key: translate.wording(key)
            for key in ("reads_as", "words", "beneath", "gentler", "gentler_hint", "risk")
        },
        paused_for_safety=paused,
        paused_message=records.PAUSED_FOR_SAFETY if paused else None,
        draft="" if paused else draft,
        horsemen=[horseman_flag(label) for label in HORSEMEN],
        flags=horsemen_found(found),
        translation=found,
        safety_note=build_note(found.safety, country) if found and found.safety else None,
    )


def translate_draft(text: str) -> TranslationView:
    """The translation of a draft, with the safety check the rest of the app makes."""
    found = translate.translate_text(text)
    check = safety.check_text(text)
    view = TranslationView.model_validate(
        {**found.as_json(), "safety": check if check.found else None}
    )
    if check.found:  # never coach closeness about words that suggest danger
        view.gentler = None
        view.already_gentle = None
        view.risk = True
    return view


def horseman_flag(label: str, words: list[str] | None = None) -> Flag:
    named = translate.pattern_words(label)
    return Flag(label=label, name=named.name, explains=named.explains, words=words or [])


def horsemen_found(found: TranslationView | None) -> list[Flag]:
    if found is None:
        return []
    return [
        horseman_flag(reading.label, reading.evidence)
        for reading in found.readings
        if reading.label in HORSEMEN
    ]
