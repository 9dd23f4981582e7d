"""How precise a score is: the SEM when a reliability and SD are known, else the person's own SE.

A score is shown with its uncertainty. The standard error of measurement needs a published
reliability r and standard deviation SD (SEM = SD * sqrt(1 - r)). The instrument file has no
verified SDs, so until a norms file supplies them the honest figure is the standard error of
the person's own item mean: how much their answers within the subscale varied.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from bowlby.assess import wording
from bowlby.assess.instruments import Instrument
from bowlby.assess.norms import NormsTable
from bowlby.errors import InputError


@dataclass(frozen=True)
class ReliabilityBasis:
    """The SD and reliability behind an SEM or a reliable change index, with their sources."""

    sd: float
    reliability: float
    sd_source: str
    reliability_source: str

    @property
    def sem(self) -> float:
        return standard_error_of_measurement(self.sd, self.reliability)


@dataclass(frozen=True)
class BasisLookup:
    """A basis, or None with the sentence that says why it is missing."""

    basis: ReliabilityBasis | None
    reason: str | None


def standard_error_of_measurement(sd: float, reliability: float) -> float:
    """SEM = SD * sqrt(1 - r) (classical test theory)."""
    return sd * math.sqrt(1.0 - reliability)


def person_item_standard_error(keyed: Sequence[float]) -> float | None:
    """SD (n - 1) of the person's keyed item scores / sqrt(n); needs two or more answers.

    Not a reliability: it says how consistent this person's own answers were.
    """
    n = len(keyed)
    if n < 2:
        return None
    mean = sum(keyed) / n
    variance = sum((x - mean) ** 2 for x in keyed) / (n - 1)
    return math.sqrt(variance / n)


def find_reliability_basis(
    instrument: Instrument,
    subscale: str,
    norms: NormsTable | None = None,
    target: str | None = None,
) -> BasisLookup:
    """A loaded norms file wins; otherwise the instrument file's alpha and SD, where not null.

    Only per-subscale figures are used: ECR-RS's retest figures are per domain and approximate,
    and latent stabilities are not observed correlations (the file says so).
    """
    check_norms_match(instrument, norms)
    row = None if norms is None else norms.row(subscale, target)
    sd, sd_source = _file_sd(instrument, subscale, target)
    reliability, reliability_source = _file_alpha(instrument, subscale)
    if row is not None and norms is not None:
        sd, sd_source = row.sd, norms.source
        if row.reliability is not None:
            reliability, reliability_source = row.reliability, norms.source
    if sd is None or reliability is None or sd_source is None or reliability_source is None:
        missing = "sd" if sd is None else "reliability"
        return BasisLookup(None, wording.REASONS[f"no_{missing}"])
    return BasisLookup(ReliabilityBasis(sd, reliability, sd_source, reliability_source), None)


def check_norms_match(instrument: Instrument, norms: NormsTable | None) -> None:
    """Norms of one questionnaire never stand in for another's."""
    if norms is not None and norms.instrument_id != instrument.id:
        message = wording.ERRORS["norms_other_instrument"].format(
            norms=norms.instrument_id, instrument=instrument.id
        )
        raise InputError(message, file=norms.file, field="instrument")


def _file_sd(
    instrument: Instrument, subscale: str, target: str | None
) -> tuple[float | None, str | None]:
    for figure in instrument.norms:
        if figure.subscale == subscale and figure.target == target and figure.sd is not None:
            return figure.sd, figure.source or instrument.citation.text
    return None, None


def _file_alpha(instrument: Instrument, subscale: str) -> tuple[float | None, str | None]:
    for figure in instrument.reliability:
        if figure.statistic == "alpha" and figure.subscale == subscale and figure.value is not None:
            return figure.value, figure.source or instrument.citation.text
    return None, None
