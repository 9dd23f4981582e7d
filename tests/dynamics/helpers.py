"""Simulated couples for the dynamics tests: known parameters in, conversations out."""

from __future__ import annotations

import numpy as np

from bowlby.dynamics.conversations import Conversation, Turn
from bowlby.dynamics.model import Bilinear, CoupleModel, PartnerModel, simulate

# The study model: W's negativity is answered strongly, positivity mildly; scores with
# σ = 1.5 and whole-number rounding stay mostly inside −4…+4.
STUDY = CoupleModel(
    PartnerModel(0.3, 0.4, Bilinear(0.6, 0.25)),
    PartnerModel(-0.2, 0.3, Bilinear(0.5, 0.3)),
    "turn",
)


def simulated(
    model: CoupleModel, pairs: int, *, seed: int, noise_sd: float = 1.5, round_scores: bool = True
) -> Conversation:
    """One conversation with ``pairs`` equations per partner, rounded and clipped like a coder."""
    trajectory = simulate(
        model, (0.0, 0.0), pairs, noise_sd=noise_sd, seed=seed, round_scores=round_scores
    )
    return trajectory.to_conversation(("W", "H"), id=f"sim-{seed}")


def driven(
    model: CoupleModel, conversations: int, *, seed: int, neutral: bool = False
) -> list[Conversation]:
    """Noise-free F1 conversations, each opened by two random turns so that every partner's
    scores spread over both signs: the data for exact recovery. Every other conversation is
    opened by H; with ``neutral`` every third opening reply is exactly 0 (for the two-step
    method, which needs turns that answer a neutral turn)."""
    rng = np.random.default_rng(seed)
    made = []
    for number in range(conversations):
        order = (model.first, model.second)[:: 1 if number % 2 == 0 else -1]
        names = ("W", "H")[:: 1 if number % 2 == 0 else -1]
        scores = [float(x) for x in rng.uniform(-3, 3, size=2)]
        if neutral and number % 3 == 0:
            scores[1] = 0.0
        for k in range(2, 6):
            partner = order[k % 2]
            own, other = scores[k - 2], scores[k - 1]
            scores.append(partner.constant + partner.inertia * own + partner.influence(other))
        turns = tuple(Turn(names[k % 2], s) for k, s in enumerate(scores))
        made.append(Conversation(f"exact-{number}", turns))
    return made
