"""A hard conversation logged by hand: when, what about (encrypted), who spoke first, and each
turn's score from −4 to +4, read from a compact code ("-2 -1 -3 0 +1", or with speakers
"me:-2 partner:-1 me:-3"). Turns alternate, so the scores alone say who said what.

Stored as one entry: the scores as a plain comma-separated value (numbers, analysed like any
other), the topic as encrypted text; private unless shared."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import computed_field, field_validator

from bowlby import models
from bowlby.dynamics.conversations import SCORE_LIMIT, Conversation, Turn
from bowlby.dynamics.turn_scores import turn_weights
from bowlby.errors import InputError
from bowlby.journal.records import RecordInput, RecordView, ShortText, draft_of, view_fields

KIND = "hard_conversation"
SCORING_VERSION = "hand-coded"
MIN_TURNS = 2
MAX_TURNS = 400
SPEAKERS = {"me": "me", "partner": "my partner"}
OWN = {"me": "yours", "partner": "your partner's"}
SPEAKER_ALIASES = {
    "me": "me",
    "m": "me",
    "i": "me",
    "partner": "partner",
    "p": "partner",
    "my partner": "partner",
    "them": "partner",
}
SEPARATORS = re.compile(r"[\s,;]+")
SCORE = re.compile(r"[+-]?\d+")

Speaker = Literal["me", "partner"]


def other(speaker: Speaker) -> Speaker:
    return "partner" if speaker == "me" else "me"


def speaker_of(word: str, field: str = "first") -> Speaker:
    """'me', 'm', 'i' or 'partner', 'p', 'them' as one of the two speakers."""
    found = SPEAKER_ALIASES.get(word.strip().lower())
    if found is None:
        raise InputError(f"'{word}' is not a speaker; write me or partner.", field=field)
    return "me" if found == "me" else "partner"


def legend() -> dict[int, str]:
    """What each score means, −4 to +4 (the same scale the chat scoring uses)."""
    return dict(sorted(turn_weights().scale.items()))


def parse_turns(code: str, first: Speaker | None) -> tuple[Speaker, list[int]]:
    """The first speaker and the scores from a turn code; every problem names its turn.

    Speakers written in the code must alternate and agree with ``first`` when both are given;
    without speakers in the code, ``first`` is needed."""
    tokens = [token for token in SEPARATORS.split(code.strip()) if token]
    if len(tokens) < MIN_TURNS:
        raise InputError(f"write at least {MIN_TURNS} turns, one score each.", field="turns")
    if len(tokens) > MAX_TURNS:
        raise InputError(f"write at most {MAX_TURNS} turns.", field="turns")
    speakers: list[Speaker | None] = []
    scores: list[int] = []
    for number, token in enumerate(tokens, start=1):
        speaker, score = _read_token(number, token)
        speakers.append(speaker)
        scores.append(score)
    return _first_speaker(speakers, first), scores


def _read_token(number: int, token: str) -> tuple[Speaker | None, int]:
    who, colon, value = token.rpartition(":")
    speaker: Speaker | None = None
    if colon:
        found = SPEAKER_ALIASES.get(who.lower())
        if found is None:
            raise InputError(
                f"turn {number}: '{who}' is not a speaker; write me or partner before the ':'.",
                field="turns",
            )
        speaker = "me" if found == "me" else "partner"
    if not SCORE.fullmatch(value):
        raise InputError(
            f"turn {number}: '{value}' is not a score; write a whole number from "
            f"-{SCORE_LIMIT} to +{SCORE_LIMIT}.",
            field="turns",
        )
    score = int(value)
    if abs(score) > SCORE_LIMIT:
        raise InputError(
            f"turn {number}: {score:+d} is outside the scale; scores go from "
            f"-{SCORE_LIMIT} to +{SCORE_LIMIT}.",
            field="turns",
        )
    return speaker, score


def _first_speaker(speakers: list[Speaker | None], first: Speaker | None) -> Speaker:
    """Who spoke first, checked against the speakers written in the code."""
    start = first or speakers[0]
    if start is None:
        raise InputError("say who spoke first (me or partner).", field="first")
    expected = start
    for number, speaker in enumerate(speakers, start=1):
        if speaker is not None and speaker != expected:
            raise InputError(
                f"turn {number} is marked as {OWN[speaker]}, but turns alternate: it should "
                f"be {OWN[expected]}.",
                field="turns",
            )
        expected = other(expected)
    return start


class HardConversationInput(RecordInput):
    """One hard conversation: its topic (encrypted), who spoke first, and the turns' scores."""

    topic: ShortText = ""
    first: Speaker
    scores: list[int]

    @field_validator("first", mode="before")
    @classmethod
    def _speaker_aliases(cls, value: object) -> object:
        return speaker_of(value) if isinstance(value, str) else value

    @field_validator("scores")
    @classmethod
    def _on_the_scale(cls, scores: list[int]) -> list[int]:
        if len(scores) < MIN_TURNS:
            raise InputError(f"write at least {MIN_TURNS} turns, one score each.", field="turns")
        if len(scores) > MAX_TURNS:
            raise InputError(f"write at most {MAX_TURNS} turns.", field="turns")
        for number, score in enumerate(scores, start=1):
            if abs(score) > SCORE_LIMIT:
                raise InputError(
                    f"turn {number}: {score:+d} is outside the scale; scores go from "
                    f"-{SCORE_LIMIT} to +{SCORE_LIMIT}.",
                    field="turns",
                )
        return scores


class HardConversationView(RecordView):
    topic: str
    first: Speaker
    scores: list[int]
    speakers: list[Speaker]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def code(self) -> str:
        """The turns written back as a code the form and the command line read."""
        return " ".join(
            f"{who}:{score:+d}" if score else f"{who}:0"
            for who, score in zip(self.speakers, self.scores, strict=True)
        )


def hard_conversation_draft(logged: HardConversationInput) -> models.EntryDraft:
    values: dict[str, models.PlainValue] = {
        "first": logged.first,
        "scores": ",".join(str(score) for score in logged.scores),
        "turns": len(logged.scores),
        "scoring_version": SCORING_VERSION,
    }
    return draft_of(logged, KIND, values, {"topic": logged.topic})


def hard_conversation_view(entry: models.Entry) -> HardConversationView:
    first: Speaker = "partner" if entry.values.get("first") == "partner" else "me"
    scores = [int(part) for part in str(entry.values.get("scores") or "").split(",") if part]
    speakers: list[Speaker] = []
    for _ in scores:
        speakers.append(other(speakers[-1]) if speakers else first)
    return HardConversationView(
        **view_fields(entry),
        topic=entry.text.get("topic", ""),
        first=first,
        scores=scores,
        speakers=speakers,
    )


def as_conversation(view: HardConversationView) -> Conversation:
    """The logged turns as the model reads them: partners named 'me' and 'partner'."""
    turns = tuple(
        Turn(who, float(score)) for who, score in zip(view.speakers, view.scores, strict=True)
    )
    return Conversation(view.id, turns, SCORING_VERSION)
