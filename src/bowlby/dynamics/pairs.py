"""Turn pairs, the rows every fit reads: (this partner's score, their own previous score, the
other's score they answered), built within each conversation and pooled across them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from bowlby.dynamics.conversations import Conversation
from bowlby.dynamics.model import FORMS, Form
from bowlby.errors import InputError


@dataclass(frozen=True)
class Pairs:
    """One partner's equation rows, in conversation order."""

    target: np.ndarray
    own: np.ndarray
    other: np.ndarray

    @property
    def count(self) -> int:
        return len(self.target)


@dataclass(frozen=True)
class CouplePairs:
    """Both partners' rows; ``first`` is the first speaker (of the first conversation)."""

    first_speaker: str
    second_speaker: str
    first: Pairs
    second: Pairs
    scoring_version: str


def build_pairs(conversations: Sequence[Conversation], form: Form) -> CouplePairs:
    """F1 (turn): each turn answers the other's turn just before it and follows the speaker's
    own turn two back. F2 (block): blocks of (first speaker, second speaker); a conversation the
    second speaker opens loses that opening turn, and a trailing half block is dropped."""
    if form not in FORMS:
        raise InputError(f"The form must be 'turn' or 'block', not '{form}'.", field="form")
    first, second = _partners(conversations)
    rows: dict[str, list[tuple[float, float, float]]] = {first: [], second: []}
    for conversation in conversations:
        _check_alternating(conversation)
        scores = [turn.score for turn in conversation.turns]
        speakers = [turn.partner for turn in conversation.turns]
        if form == "turn":
            _turn_rows(scores, speakers, rows)
        else:
            _block_rows(scores, speakers, first, rows)
    return CouplePairs(
        first, second, _as_pairs(rows[first]), _as_pairs(rows[second]), _version(conversations)
    )


def _partners(conversations: Sequence[Conversation]) -> tuple[str, str]:
    if not conversations or not conversations[0].turns:
        raise InputError("There are no scored turns to fit.")
    names: list[str] = list(conversations[0].partners)
    for conversation in conversations[1:]:
        names += [name for name in conversation.partners if name not in names]
    if len(names) != 2:
        listed = ", ".join(names)
        raise InputError(f"A couple fit needs exactly two partners; these turns have {listed}.")
    return names[0], names[1]


def _check_alternating(conversation: Conversation) -> None:
    turns = conversation.turns
    for number, (before, after) in enumerate(pairwise(turns), start=2):
        if before.partner == after.partner:
            raise InputError(
                f"In conversation '{conversation.id}', turns {number - 1} and {number} are both "
                f"by {after.partner}; turns must alternate (merge a partner's run into one turn)."
            )


def _version(conversations: Sequence[Conversation]) -> str:
    versions = sorted({conversation.scoring_version for conversation in conversations})
    if len(versions) > 1:
        raise InputError(
            f"These conversations were scored by different versions ({', '.join(versions)}); "
            "fit turns scored the same way."
        )
    return versions[0]


def _turn_rows(
    scores: list[float], speakers: list[str], rows: dict[str, list[tuple[float, float, float]]]
) -> None:
    for k in range(2, len(scores)):
        rows[speakers[k]].append((scores[k], scores[k - 2], scores[k - 1]))


def _block_rows(
    scores: list[float],
    speakers: list[str],
    first: str,
    rows: dict[str, list[tuple[float, float, float]]],
) -> None:
    start = 0 if speakers[0] == first else 1
    blocks = (len(scores) - start) // 2
    w = scores[start : start + 2 * blocks : 2]
    h = scores[start + 1 : start + 2 * blocks : 2]
    for t in range(1, blocks):
        rows[speakers[start]].append((w[t], w[t - 1], h[t - 1]))
        rows[speakers[start + 1]].append((h[t], h[t - 1], w[t - 1]))


def _as_pairs(rows: list[tuple[float, float, float]]) -> Pairs:
    table = np.asarray(rows, dtype=float).reshape(-1, 3)
    return Pairs(table[:, 0].copy(), table[:, 1].copy(), table[:, 2].copy())
