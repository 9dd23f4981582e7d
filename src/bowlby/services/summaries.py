"""The therapist summary as a use case: gather the person's own records for a period and the
sections they chose, build the summary (pure, insights/therapist_summary.py), and render it.

Only entries the person owns are read (``whose="mine"``): what a partner shared with them is
never part of their summary. The command line and the web page call these same functions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime, tzinfo
from typing import TypeVar

from bowlby import models
from bowlby.insights import therapist_summary as summary_model
from bowlby.insights.therapist_summary import TherapistSummary
from bowlby.services import assessments, journal, profile_report
from bowlby.store.engine import Store

Item = TypeVar("Item")


def build_therapist_summary(
    store: Store,
    keyring: models.Keyring,
    *,
    since: date | None = None,
    until: date | None = None,
    sections: Iterable[str] | None = None,
    zone: tzinfo = UTC,
    today: date | None = None,
) -> TherapistSummary:
    """The person's own records from ``since`` to ``until`` (days in ``zone``, both included;
    default the last 90 days) for the chosen sections (default all but reflections)."""
    chosen = summary_model.choose_sections(sections)
    today = today or datetime.now(zone).date()
    period = summary_model.choose_period(since, until, today)
    start, end = period.bounds(zone)
    mine: journal.ListQuery = {"whose": "mine", "since": start, "until": end}

    def read(section: str, reader: Callable[[], Sequence[Item]]) -> Sequence[Item]:
        return reader() if section in chosen else ()

    return summary_model.build_summary(
        summary_model.Cover(keyring.name, today, period, chosen),
        zone,
        results=read("assessments", lambda: _own_results(store, keyring, start, end)),
        trigger_logs=read("triggers", lambda: journal.list_triggers(store, keyring, **mine)),
        emotion_notes=read("emotions", lambda: journal.list_emotions(store, keyring, **mine)),
        thought_logs=read("thoughts", lambda: journal.list_thought_records(store, keyring, **mine)),
        success_moments=read("successes", lambda: journal.list_successes(store, keyring, **mine)),
        reflection_answers=read(
            "reflections", lambda: journal.list_reflections(store, keyring, **mine)
        ),
        practice=read("practice", lambda: _practice_figures(store, keyring, start, end, zone)),
    )


def summary_markdown(summary: TherapistSummary) -> str:
    return summary_model.render_markdown(summary)


def summary_pdf(summary: TherapistSummary) -> bytes:
    from bowlby.insights.pdf import render_summary_pdf  # fpdf2 loads only when a PDF is made

    return render_summary_pdf(summary)


def _own_results(
    store: Store, keyring: models.Keyring, start: datetime, end: datetime
) -> list[summary_model.ScoredResult]:
    """Finished questionnaires taken in the period, placed on the plane."""
    found = []
    for assessment in assessments.list_assessments(store, keyring, whose="mine"):
        if not start <= assessment.taken_at < end:
            continue
        result = assessments.score_assessment(assessment)
        if result.position is not None:
            found.append(
                summary_model.ScoredResult(
                    assessment.taken_at, result.instrument.short_name, result.position
                )
            )
    return found


def _practice_figures(
    store: Store, keyring: models.Keyring, start: datetime, end: datetime, zone: tzinfo
) -> tuple[summary_model.PracticeFigure, ...]:
    """Check-ins, the 5:1 ledger, time to repair and soothing over the period, measured as the
    profile report measures them; with none of them, the section is left out."""
    rows = profile_report.practice_figures(store, keyring, start, end, zone)
    return tuple(summary_model.PracticeFigure(label, value, note) for label, value, note in rows)
