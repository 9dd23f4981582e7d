"""Translate a message: the pattern it shows, the fear or need that most likely lies beneath it,
and a gentler way to say it as an I-statement ("I feel … about …, and I need …").

The words are ours, kept in ``data/translations.json`` so their tone is reviewed in one sitting.
The rewording speaks only for the writer, never for the partner, and is a suggestion, never a
diagnosis. Safety comes first: when the message carries risk language (threats, fear of the
partner, self-harm), no rewording is offered at all.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from bowlby.errors import DamagedData
from bowlby.safety import find_risk_language

if TYPE_CHECKING:
    from bowlby.chats.patterns import Analysis, Evidence

_WORD = re.compile(r"[\w']+")
# A negation reaches only within its own clause: "I'm not mad, just hurt" is hurt.
_CLAUSE_BREAK = re.compile(r"[,.;:!?\n()]+|\b(?:but|just|though|although)\b", re.IGNORECASE)
_NEGATION_REACH = 3
_MOST_FEELINGS = 2


@dataclass(frozen=True)
class PatternWords:
    """Our words for one pattern: its name, what it is, and the pieces of the I-statement."""

    label: str
    name: str
    explains: str
    fear: str
    need: str
    feeling: str
    about: str
    ask: str


@dataclass(frozen=True)
class Reading:
    """One pattern found in the message, the words behind it, and what may lie beneath it."""

    label: str
    name: str
    explains: str
    evidence: tuple[str, ...]
    fear: str
    need: str


@dataclass(frozen=True)
class Translation:
    """What translate found: the readings (most telling first), then either a gentler
    I-statement, a kind word that it already reads gently, or (risk) neither."""

    labels: tuple[str, ...]
    valence: str
    readings: tuple[Reading, ...]
    feelings: tuple[str, ...]
    gentler: str | None
    already_gentle: str | None
    risk: bool

    @property
    def beneath(self) -> str | None:
        """The fear and need of the most telling pattern: "I'm scared …; I need …"."""
        if not self.readings:
            return None
        first = self.readings[0]
        return f"{first.fear}; {first.need}"

    def as_json(self) -> dict[str, object]:
        return {
            "labels": list(self.labels),
            "valence": self.valence,
            "risk": self.risk,
            "readings": [
                {
                    "label": reading.label,
                    "name": reading.name,
                    "explains": reading.explains,
                    "evidence": list(reading.evidence),
                    "fear": reading.fear,
                    "need": reading.need,
                }
                for reading in self.readings
            ],
            "beneath": self.beneath,
            "feelings": list(self.feelings),
            "gentler": self.gentler,
            "already_gentle": self.already_gentle,
        }


def translate_text(text: str) -> Translation:
    """Analyse ``text`` and translate it; see ``translate_analysis``."""
    from bowlby.chats.patterns import analyse_text

    return translate_analysis(text, analyse_text(text))


def translate_analysis(text: str, analysis: Analysis) -> Translation:
    """The translation of ``text`` from its analysis: readings for every difficult pattern,
    and an I-statement built from the most telling one and the feelings the writer named."""
    readings = tuple(_reading(label, analysis) for label in _difficult_labels(analysis))
    risk = bool(find_risk_language(text))
    feelings = feelings_in(text)
    return Translation(
        labels=analysis.labels,
        valence=analysis.valence,
        readings=readings,
        feelings=feelings,
        gentler=None if risk or not readings else gentler_statement(readings[0].label, feelings),
        already_gentle=None if risk or readings else _already_gentle(analysis.labels),
        risk=risk,
    )


def gentler_statement(label: str, feelings: tuple[str, ...] = ()) -> str:
    """The I-statement for a pattern; the writer's own feeling words replace ours."""
    words = pattern_words(label)
    feeling = " and ".join(feelings) if feelings else words.feeling
    return _data()["statement"].format(feeling=feeling, about=words.about, ask=words.ask)


def feelings_in(text: str) -> tuple[str, ...]:
    """The feelings the writer named, in our gentle words: at most two, in the order written.
    A feeling counts when it is the writer's own: not negated in its clause ("I'm not mad"),
    not said of someone else ("you're jealous"); being on the receiving end ("ignoring me")
    counts whoever is the subject."""
    found: list[str] = []
    for clause in _CLAUSE_BREAK.split(text.replace("\u2019", "'")):
        tokens = [token.lower() for token in _WORD.findall(clause)]
        for index in range(len(tokens)):
            named = _feeling_at(tokens, index)
            if named and named not in found:
                found.append(named)
    return tuple(found[:_MOST_FEELINGS])


def _feeling_at(tokens: list[str], index: int) -> str | None:
    data = _data()
    token = tokens[index]
    named: str | None = data["experiences"].get(token)
    if named is None and not _said_of_another(tokens, index):
        named = data["feelings"].get(token)
    return None if named is None or _negated(tokens, index) else named


def pattern_words(label: str) -> PatternWords:
    entry = _data()["patterns"].get(label)
    if entry is None:
        raise KeyError(f"no translation for the label {label!r}")
    return PatternWords(label=label, **entry)


def wording(key: str) -> str:
    """One sentence the interfaces show around a translation (headings, the safety line)."""
    text: str = _data()["wording"][key]
    return text


def _difficult_labels(analysis: Analysis) -> list[str]:
    """The labels we have a translation for, most telling first: by score, then our order."""
    order: list[str] = _data()["order"]
    found = [label for label in analysis.labels if label in order]
    return sorted(found, key=lambda label: (-analysis.scores.get(label, 0.0), order.index(label)))


def _reading(label: str, analysis: Analysis) -> Reading:
    words = pattern_words(label)
    return Reading(
        label=label,
        name=words.name,
        explains=words.explains,
        evidence=_evidence_for(label, analysis.evidence),
        fear=words.fear,
        need=words.need,
    )


def _evidence_for(label: str, evidence: tuple[Evidence, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item.text for item in evidence if item.label == label))


def _already_gentle(labels: tuple[str, ...]) -> str:
    kind: dict[str, str] = _data()["already_gentle"]
    for label in ("vulnerability", "repair", "appreciation"):
        if label in labels:
            return kind[label]
    return kind["neutral"]


def _said_of_another(tokens: list[str], index: int) -> bool:
    """True when the nearest person before the word is someone else ("you're so jealous")."""
    others, selves = set(_data()["others"]), set(_data()["selves"])
    for token in reversed(tokens[:index]):
        if token in selves:
            return False
        if token in others:
            return True
    return False


def _negated(tokens: list[str], index: int) -> bool:
    negations: set[str] = set(_data()["negations"])
    before = tokens[max(0, index - _NEGATION_REACH) : index]
    return any(token in negations or token.endswith("n't") for token in before)


@cache
def _data() -> dict[str, Any]:
    """translations.json, checked for the pieces every pattern needs."""
    text = resources.files("bowlby.chats").joinpath("data", "translations.json").read_text("utf-8")
    try:
        data: dict[str, Any] = json.loads(text)
    except json.JSONDecodeError as error:
        raise DamagedData(f"chats/data/translations.json is not valid JSON: {error}") from error
    fields = set(PatternWords.__dataclass_fields__) - {"label"}
    for label, entry in data["patterns"].items():
        if set(entry) != fields:
            raise DamagedData(f"chats/data/translations.json: {label} needs exactly {fields}")
    return data
