"""The journal's choice lists as one typed context: what /api/journal/vocabulary returns and
what every journal form offers, with the words shown beside each choice."""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel

from bowlby.journal import successes, vocabulary


class Choice(BaseModel):
    id: str
    label: str


class Urge(Choice):
    direction: str


class CoreFear(Choice):
    statement: str


class Distortion(Choice):
    explanation: str
    question: str


class Prompt(BaseModel):
    id: str
    text: str
    theme: str


class EmotionFamily(BaseModel):
    id: str
    names: list[str]


class PromptTheme(BaseModel):
    theme: str
    prompts: list[Prompt]


class Vocabulary(BaseModel):
    """Every choice list the journal forms offer, with the words shown beside each choice."""

    partner_actions: list[Choice]
    urges: list[Urge]
    core_fears: list[CoreFear]
    emotion_families: list[EmotionFamily]
    distortions: list[Distortion]
    qualities: list[Choice]
    prompts: list[Prompt]
    prompts_note: str


@cache
def build_vocabulary() -> Vocabulary:
    """Built once: the lists are data shipped with Bowlby and never change while it runs."""
    return Vocabulary(
        partner_actions=[Choice(id=c.id, label=c.label) for c in vocabulary.partner_actions()],
        urges=[Urge(id=c.id, label=c.label, direction=c.detail) for c in vocabulary.urges()],
        core_fears=[
            CoreFear(id=c.id, label=c.label, statement=c.detail) for c in vocabulary.core_fears()
        ],
        emotion_families=[
            EmotionFamily(id=family, names=list(names))
            for family, names in vocabulary.emotion_families().items()
        ],
        distortions=[
            Distortion(id=c.id, label=c.label, explanation=c.detail, question=c.extra)
            for c in vocabulary.distortions()
        ],
        qualities=[Choice(id=key, label=label) for key, label in successes.QUALITIES.items()],
        prompts=[Prompt(id=c.id, text=c.label, theme=c.detail) for c in vocabulary.prompts()],
        prompts_note=vocabulary.prompts_note(),
    )


def find_prompt(prompt_id: str) -> Prompt | None:
    return next((p for p in build_vocabulary().prompts if p.id == prompt_id), None)
