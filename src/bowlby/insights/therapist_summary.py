"""A summary a person can hand to a therapist: their own records over a period, only the
sections they chose, built from plain inputs into one model, then rendered as Markdown here
and as PDF in insights/pdf.py from the same blocks (insights/therapist_summary_layout.py)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import TypeVar

from bowlby.assess import change
from bowlby.assess.styles import Position
from bowlby.errors import InputError
from bowlby.insights import therapist_summary_layout as layout
from bowlby.insights.documents import markdown_of
from bowlby.insights.plane import PlanePoint
from bowlby.journal import emotions, reflections, successes, thought_records, triggers, vocabulary
from bowlby.journal.records import RecordView

SECTIONS = layout.SECTIONS
# Reflections on childhood and past relationships are the most intimate: chosen, never default.
DEFAULT_SECTIONS = tuple(name for name in SECTIONS if name != "reflections")
DEFAULT_DAYS = 90
SUCCESS_EXAMPLES = 3
NOT_ENCRYPTED = layout.NOT_ENCRYPTED

Record = TypeVar("Record", bound=RecordView)
_Day = Callable[[datetime], date]


@dataclass(frozen=True)
class Period:
    since: date
    until: date  # the last day included

    def bounds(self, zone: tzinfo) -> tuple[datetime, datetime]:
        """Midnight starting ``since`` to midnight ending ``until``, in the person's zone."""
        return (
            datetime.combine(self.since, time(), zone),
            datetime.combine(self.until + timedelta(days=1), time(), zone),
        )


@dataclass(frozen=True)
class Cover:
    person: str
    prepared_on: date
    period: Period
    sections: tuple[str, ...]


@dataclass(frozen=True)
class ScoredResult:
    """A finished questionnaire as the summary needs it (the caller scores it)."""

    taken_at: datetime
    questionnaire: str
    position: Position


@dataclass(frozen=True)
class ScoreRow:
    taken_on: date
    questionnaire: str
    position: Position


@dataclass(frozen=True)
class ScoreMovement:
    """First to latest result of the questionnaire taken most often in the period."""

    questionnaire: str
    first: date
    latest: date
    movement: change.Movement


@dataclass(frozen=True)
class ScoresSection:
    rows: tuple[ScoreRow, ...]
    movement: ScoreMovement | None
    plane: tuple[PlanePoint, ...]


@dataclass(frozen=True)
class EmotionsSection:
    total: int
    names: tuple[tuple[str, int, float], ...]  # (name, times, mean intensity), most named first
    core_fears: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class ThoughtRow:
    written_on: date
    record: thought_records.ThoughtRecordView
    distortions: tuple[str, ...]  # labels


@dataclass(frozen=True)
class ThoughtsSection:
    rows: tuple[ThoughtRow, ...]
    change: thought_records.BeliefChange


@dataclass(frozen=True)
class PracticeFigure:
    """Hook for the practice features (check-ins, soothing, the 5:1 ledger, repairs): they hand
    their figures to the builder; with none, the section is left out, not shown empty."""

    label: str
    value: str
    note: str = ""


@dataclass(frozen=True)
class SuccessesSection:
    total: int
    examples: tuple[tuple[date, successes.SuccessView], ...]  # newest first


@dataclass(frozen=True)
class TherapistSummary:
    """One section per chosen kind (None when not chosen), the practice figures if any."""

    cover: Cover
    scores: ScoresSection | None = None
    triggers: triggers.TriggerPatterns | None = None
    emotions: EmotionsSection | None = None
    thoughts: ThoughtsSection | None = None
    practice: tuple[PracticeFigure, ...] = ()
    successes: SuccessesSection | None = None
    reflections: tuple[tuple[date, reflections.ReflectionView], ...] | None = None


def choose_sections(names: Iterable[str] | None, field: str = "sections") -> tuple[str, ...]:
    """The sections asked for (comma-separated names allowed), in the document's order."""
    if names is None:
        return DEFAULT_SECTIONS
    chosen = {part.strip().lower() for name in names for part in name.split(",")} - {""}
    unknown = sorted(chosen - set(SECTIONS))
    if unknown:
        raise InputError(layout.unknown_section(unknown[0]), field=field)
    if not chosen:
        raise InputError(layout.no_section(), field=field)
    return tuple(name for name in SECTIONS if name in chosen)


def choose_period(
    since: date | None, until: date | None, today: date, field: str = "since"
) -> Period:
    """The dates asked for; by default the last 90 days, today included."""
    end = until or today
    start = since or end - timedelta(days=DEFAULT_DAYS - 1)
    if start > end:
        raise InputError(layout.backwards_period(start, end), field=field)
    return Period(start, end)


def build_summary(
    cover: Cover,
    zone: tzinfo,
    *,
    results: Sequence[ScoredResult] = (),
    trigger_logs: Sequence[triggers.TriggerView] = (),
    emotion_notes: Sequence[emotions.EmotionView] = (),
    thought_logs: Sequence[thought_records.ThoughtRecordView] = (),
    success_moments: Sequence[successes.SuccessView] = (),
    reflection_answers: Sequence[reflections.ReflectionView] = (),
    practice: Sequence[PracticeFigure] = (),
) -> TherapistSummary:
    """Only the sections the cover names are built, whatever else is handed in; dates are
    read in the person's time zone."""
    chosen = set(cover.sections)

    def day(moment: datetime) -> date:
        return moment.astimezone(zone).date()

    answers = tuple((day(r.occurred_at), r) for r in _oldest_first(reflection_answers))
    return TherapistSummary(
        cover=cover,
        scores=_scores(results, day) if "assessments" in chosen else None,
        triggers=(
            triggers.find_trigger_patterns(trigger_logs, zone) if "triggers" in chosen else None
        ),
        emotions=_emotions(emotion_notes) if "emotions" in chosen else None,
        thoughts=_thoughts(thought_logs, day) if "thoughts" in chosen else None,
        practice=tuple(practice),
        successes=_successes(success_moments, day) if "successes" in chosen else None,
        reflections=answers if "reflections" in chosen else None,
    )


def describe_contents(summary: TherapistSummary) -> tuple[str, ...]:
    """What the file will hold, one line per section, to confirm before writing it."""
    return layout.contents(summary)


def render_markdown(summary: TherapistSummary) -> str:
    return markdown_of(layout.summary_blocks(summary))


def _scores(results: Sequence[ScoredResult], day: _Day) -> ScoresSection:
    ordered = sorted(results, key=lambda r: r.taken_at)
    rows = tuple(ScoreRow(day(r.taken_at), r.questionnaire, r.position) for r in ordered)
    plane = tuple(
        PlanePoint.from_position(row.position, f"{row.questionnaire} {row.taken_on}")
        for row in rows
    )
    return ScoresSection(rows, _movement(rows), plane)


def _movement(rows: Sequence[ScoreRow]) -> ScoreMovement | None:
    """Like measure_progress: the questionnaire taken most often, when taken twice or more."""
    counts = Counter(row.questionnaire for row in rows)
    if not counts:
        return None
    questionnaire, times = max(counts.items(), key=lambda item: (item[1], item[0]))
    if times < 2:
        return None
    same = [row for row in rows if row.questionnaire == questionnaire]
    first, latest = same[0], same[-1]
    moved = change.measure_movement(first.position, latest.position)
    return ScoreMovement(questionnaire, first.taken_on, latest.taken_on, moved)


def _emotions(notes: Sequence[emotions.EmotionView]) -> EmotionsSection:
    fears = Counter(note.core_fear_label for note in notes if note.core_fear_label)
    ranked_fears = tuple(sorted(fears.items(), key=lambda item: (-item[1], item[0])))
    return EmotionsSection(len(notes), tuple(emotions.count_emotions(notes)), ranked_fears)


def _thoughts(records: Sequence[thought_records.ThoughtRecordView], day: _Day) -> ThoughtsSection:
    known = vocabulary.distortions()
    rows = tuple(
        ThoughtRow(
            day(r.occurred_at), r, tuple(vocabulary.label_of(known, d) for d in r.distortions)
        )
        for r in _oldest_first(records)
    )
    return ThoughtsSection(rows, thought_records.summarise_belief_change(records))


def _successes(moments: Sequence[successes.SuccessView], day: _Day) -> SuccessesSection:
    newest = sorted(moments, key=lambda m: (m.occurred_at, m.id), reverse=True)
    examples = tuple((day(m.occurred_at), m) for m in newest[:SUCCESS_EXAMPLES])
    return SuccessesSection(len(moments), examples)


def _oldest_first(records: Sequence[Record]) -> list[Record]:
    return sorted(records, key=lambda r: (r.occurred_at, r.id))
