"""Scored conversations, the input of every fit: turns alternating between two partners, each
turn one score on a small symmetric scale where neutral is exactly 0."""

from __future__ import annotations

from dataclasses import dataclass

SCORE_LIMIT = 4  # scores are clipped to -4..+4, as DYNAMICS.md recommends


@dataclass(frozen=True)
class Turn:
    """One partner's turn: in a chat, a run of consecutive messages by one person."""

    partner: str
    score: float


@dataclass(frozen=True)
class Conversation:
    """One conversation's turns in order. Pairs are built within a conversation only, so a
    night's silence between two chats never counts as one partner answering the other."""

    id: str
    turns: tuple[Turn, ...]
    scoring_version: str = "hand-coded"

    @property
    def partners(self) -> tuple[str, ...]:
        """The partners in order of first speaking."""
        seen: list[str] = []
        for turn in self.turns:
            if turn.partner not in seen:
                seen.append(turn.partner)
        return tuple(seen)


def clip_score(score: float) -> float:
    """A score kept within the scale's limits."""
    return max(-SCORE_LIMIT, min(SCORE_LIMIT, score))
