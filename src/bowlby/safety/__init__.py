"""Safety: the partner-violence screens (HARK, WAST-Short), a descriptive coercive-control
checklist, risk language in free text, calm messages and crisis lines by country.

Pure functions: data in, results out. A hit never blocks anything; Bowlby describes patterns,
never diagnoses, and never tells anyone to stay in a relationship.
"""

from bowlby.safety.coercive_control import describe_coercive_control
from bowlby.safety.messages import message_for, messages_for, stance
from bowlby.safety.resources import list_countries, resources_for
from bowlby.safety.risk_language import RiskSignal, find_risk_language
from bowlby.safety.screens import score_hark, score_wast_short

__all__ = [
    "RiskSignal",
    "describe_coercive_control",
    "find_risk_language",
    "list_countries",
    "message_for",
    "messages_for",
    "resources_for",
    "score_hark",
    "score_wast_short",
    "stance",
]
