"""Two partners' positions side by side, naming the anxious-avoidant pairing when it is there.

"Clearly" is Bowlby's documented convention, not a published threshold: partner X is clearly
the more anxious one when X's anxiety is at least MARGIN scale points above Y's and above the
midpoint; partner Y is clearly the more avoidant one when Y's avoidance is at least MARGIN
above X's and above the midpoint. Both must hold to name the pairing ("mirroring").
"""

from __future__ import annotations

from dataclasses import dataclass

from bowlby.assess import wording
from bowlby.assess.styles import Position

MARGIN = 1.0  # scale points on the 1-7 metric
TOLERANCE = 1e-9  # means of whole numbers: 92/18 - 74/18 must count as exactly 1 point


@dataclass(frozen=True)
class Pairing:
    named: bool
    kind: str | None
    name: str | None
    anxious_partner: str | None
    avoidant_partner: str | None
    anxiety_gap: float | None  # first partner minus second
    avoidance_gap: float | None
    sentence: str
    margin: float = MARGIN
    margin_note: str = wording.PAIRING_MARGIN_NOTE.format(margin=f"{MARGIN:g}")


def describe_pairing(
    a_position: Position | None,
    b_position: Position | None,
    *,
    names: tuple[str, str] = wording.PAIRING_DEFAULT_NAMES,
) -> Pairing:
    """Name the anxious-avoidant pairing when it clearly holds; otherwise describe neutrally."""
    if a_position is None or b_position is None:
        return Pairing(
            False, None, None, None, None, None, None, wording.PAIRING_SENTENCES["incomplete"]
        )
    anxiety_gap = a_position.anxiety - b_position.anxiety
    avoidance_gap = a_position.avoidance - b_position.avoidance
    roles = _mirroring_roles(a_position, b_position, names)
    if roles is None:
        roles = _mirroring_roles(b_position, a_position, names[::-1])
    if roles is None:
        sentence = wording.PAIRING_SENTENCES["neutral"]
        return Pairing(False, None, None, None, None, anxiety_gap, avoidance_gap, sentence)
    anxious, avoidant = roles
    sentence = wording.PAIRING_SENTENCES["anxious_avoidant"].format(
        anxious=anxious, avoidant=avoidant
    )
    return Pairing(
        named=True,
        kind="anxious_avoidant",
        name=wording.PAIRING_NAMES["anxious_avoidant"],
        anxious_partner=anxious,
        avoidant_partner=avoidant,
        anxiety_gap=anxiety_gap,
        avoidance_gap=avoidance_gap,
        sentence=sentence,
    )


def _mirroring_roles(
    anxious: Position, avoidant: Position, names: tuple[str, str]
) -> tuple[str, str] | None:
    """(anxious name, avoidant name) when the first is clearly more anxious, the second avoidant."""
    clearly_anxious = (
        anxious.anxiety - avoidant.anxiety >= MARGIN - TOLERANCE
        and anxious.anxiety_from_midpoint > 0
    )
    clearly_avoidant = (
        avoidant.avoidance - anxious.avoidance >= MARGIN - TOLERANCE
        and avoidant.avoidance_from_midpoint > 0
    )
    return (names[0], names[1]) if clearly_anxious and clearly_avoidant else None
