"""Read one message the way an attachment-informed therapist would: protest, withdrawal, the
four horsemen, repair, vulnerability and appreciation, each label with the words behind it.

Rules and word lists written by the project (``data/patterns.json``), read in one pass over
the message's words, with negation ("I'm not mad"), kind absolutes ("you always make me
laugh"), sarcasm ("great, thanks a lot 🙄") and reported speech in quotes handled. Small, fast
and shipped: nothing is downloaded, no model is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bowlby.chats.message_words import Evidence
from bowlby.chats.reading import read_message

LABELS = (
    "protest",
    "withdrawal",
    "criticism",
    "contempt",
    "defensiveness",
    "stonewalling",
    "repair",
    "vulnerability",
    "appreciation",
    "neutral",
)
HORSEMEN = ("criticism", "contempt", "defensiveness", "stonewalling")
__all__ = ["HORSEMEN", "LABELS", "Analysis", "Evidence", "Valence", "analyse_text"]
Valence = Literal["positive", "negative", "neutral"]


@dataclass(frozen=True)
class Analysis:
    """What one message shows: its labels (``("neutral",)`` when nothing else), its tone,
    a 0..1 score for every label, and the evidence for each label given."""

    labels: tuple[str, ...]
    valence: Valence
    scores: dict[str, float]
    evidence: tuple[Evidence, ...]

    def as_json(self) -> dict[str, object]:
        """The shape ``bowlby text analyze`` prints and the web API returns."""
        return {
            "labels": list(self.labels),
            "valence": self.valence,
            "scores": dict(self.scores),
            "evidence": [
                {"label": item.label, "signal": item.signal, "text": item.text}
                for item in self.evidence
            ],
        }


def analyse_text(text: str) -> Analysis:
    """Label one message. Pure and fast (tens of thousands of messages a second)."""
    reading = read_message(text)
    scores = dict.fromkeys(LABELS, 0.0)
    weights = reading.weights
    for label, weight in weights.items():
        scores[label] = min(1.0, round(weight, 3))
    given = [label for label in LABELS[:-1] if scores[label] >= 0.5]
    evidence = [item for item in reading.evidence if item.label in given]
    if "stonewalling" in given and "withdrawal" not in given:
        given.insert(given.index("stonewalling"), "withdrawal")
        scores["withdrawal"] = max(scores["withdrawal"], scores["stonewalling"])
        evidence += [
            item._replace(label="withdrawal", signal="stonewalling")
            for item in evidence
            if item.label == "stonewalling"
        ]
    scores["neutral"] = round(1.0 - max(scores.values()), 3)
    labels = tuple(given) or ("neutral",)
    return Analysis(labels, valence_of(reading.valence, given), scores, tuple(evidence))


WARM = frozenset({"repair", "appreciation"})
COLD = frozenset({"protest", "criticism", "contempt", "defensiveness", "stonewalling"})


def valence_of(tone: float, labels: list[str]) -> Valence:
    """The words' tone decides; when it is faint, labels that all lean one way decide
    (withdrawal alone does not: "anyway, did you pay the bill" can be flat)."""
    if -0.5 < tone < 0.5 and labels:
        warm, cold = WARM.intersection(labels), COLD.intersection(labels)
        if warm and not cold:
            return "positive"
        if cold and not warm:
            return "negative"
    if tone >= 0.5:
        return "positive"
    if tone <= -0.5:
        return "negative"
    return "neutral"
