"""Safety: the partner-violence screens, a descriptive coercive-control checklist, risk
language in free text, calm messages and crisis lines by country. Pure functions: data in,
results out; a hit never blocks anything."""
