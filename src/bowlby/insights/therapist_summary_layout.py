"""The therapist summary's words and layout, in one place so their tone (plain, humble, never
diagnostic) can be reviewed in one sitting; both the Markdown and the PDF draw these blocks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from bowlby.insights.documents import (
    Block,
    Bullets,
    Fields,
    Heading,
    Paragraph,
    Plane,
    Quote,
    Table,
)
from bowlby.insights.plane import describe_plane
from bowlby.journal import vocabulary

if TYPE_CHECKING:
    from bowlby.assess.styles import Position
    from bowlby.insights.therapist_summary import (
        Cover,
        EmotionsSection,
        ScoreMovement,
        ScoresSection,
        SuccessesSection,
        TherapistSummary,
        ThoughtsSection,
    )
    from bowlby.journal.reflections import ReflectionView
    from bowlby.journal.thought_records import ThoughtRecordView
    from bowlby.journal.triggers import TriggerPatterns

SECTIONS = {
    "assessments": "attachment scores",
    "triggers": "triggers",
    "emotions": "emotions named",
    "thoughts": "thought records",
    "practice": "practice figures",
    "successes": "success moments",
    "reflections": "reflections",
}
TOP_RANKED, TOP_EMOTIONS = 5, 8

TEXT = {
    "title": "Summary for a therapist",
    "footer": "Summary for a therapist, prepared by {name} on {today} · page {page} of {pages}",
    "cover": (
        "Prepared by {name} on {today} for a therapist; covers {since} – {until}; "
        "sections chosen by {name}: {sections}."
    ),
    "own_only": (
        "Everything here is {name}'s own self-report from those dates, as written in Bowlby; "
        "nothing a partner shared with {name} is included."
    ),
    "left_out": "Left out by {name}'s choice: {sections}.",
    "scores_note": (
        "Scores are means on a 1–7 scale; ± gives the 95% range where the questionnaire's "
        "precision is known. The region words are a loose description of where a point sits, "
        "not a diagnosis: the plane is split at its midpoint (4), a convention the "
        "questionnaires' authors did not endorse, and people move on it over time."
    ),
    "near": "near a dividing line",
    "movement": (
        "From the first {questionnaire} result in this period ({first}) to the latest "
        "({latest}), the point {moved}."
    ),
    "leaning": (
        "Of the urges that leaned one way, {protest:.0%} were toward reaching out (protest) and "
        "{withdrawal:.0%} toward pulling back (withdrawal)."
    ),
    "when": "When they came: {times}. By weekday: {days}.",
    "fears": "Core fears named: {fears}.",
    "no_fears": "No core fear was named.",
    "thoughts": "{total}; re-rated afterwards: {done}.",
    "mean_drop": (
        "On average the belief went from {before:.0f} to {after:.0f} (of 100), a drop of "
        "{drop:.0f} points."
    ),
    "distortions": "Distortions tagged most: {counts}.",
    "successes": "{total} when the partner was reliable or caring. The most recent:",
    "reflections": "Answers to guided prompts about the past, included because {name} chose them.",
    "triggers": "{total} logged.",
    "emotions": "{total} named.",
    "none": "Nothing of this kind was recorded in this period.",
    "closing": (
        "Bowlby describes patterns in what {name} chose to write down about themselves; it does "
        "not observe the relationship, and the partner's view is not here. Counts and averages "
        "show what was recorded, which is rarely all that happened. The scores are positions "
        "on two continuous dimensions, each with its uncertainty, not types and not diagnoses. "
        "Please read this as a starting point for a conversation, not as a finding."
    ),
}
MOVEMENT = {
    "toward": "moved {size:.2f} closer to the secure corner of the plane",
    "away": "moved {size:.2f} further from the secure corner of the plane",
    "same": "stayed about the same distance from the secure corner of the plane",
}
NOT_ENCRYPTED = (
    "The summary file is not encrypted: anyone who opens it can read it. Keep it somewhere "
    "private, and delete it once you no longer need it."
)


def unknown_section(name: str) -> str:
    return f"'{name}' is not a section: choose from {', '.join(SECTIONS)}."


def no_section() -> str:
    return f"choose at least one section: {', '.join(SECTIONS)}."


def backwards_period(start: date, end: date) -> str:
    return f"the period starts on {start}, after it ends on {end}."


def contents(summary: TherapistSummary) -> tuple[str, ...]:
    """One line per chosen section with how much of it there is."""
    counts = {
        "assessments": len(summary.scores.rows) if summary.scores else 0,
        "triggers": summary.triggers.total if summary.triggers else 0,
        "emotions": summary.emotions.total if summary.emotions else 0,
        "thoughts": len(summary.thoughts.rows) if summary.thoughts else 0,
        "practice": len(summary.practice),
        "successes": summary.successes.total if summary.successes else 0,
        "reflections": len(summary.reflections or ()),
    }
    return tuple(f"{SECTIONS[name]}: {counts[name]}" for name in summary.cover.sections)


def summary_blocks(summary: TherapistSummary) -> tuple[Block, ...]:
    name = summary.cover.person
    blocks = _cover(summary.cover)
    if summary.scores is not None:
        blocks += _score_blocks(summary.scores, name)
    if summary.triggers is not None:
        blocks += _trigger_blocks(summary.triggers)
    if summary.emotions is not None:
        blocks += _emotion_blocks(summary.emotions)
    if summary.thoughts is not None:
        blocks += _thought_blocks(summary.thoughts)
    if summary.practice:
        rows = tuple((f.label, f.value, f.note) for f in summary.practice)
        blocks += [Heading("Practice figures"), Table(("figure", "value", "note"), rows)]
    if summary.successes is not None:
        blocks += _success_blocks(summary.successes)
    if summary.reflections is not None:
        blocks += _reflection_blocks(summary.reflections, name)
    return (*blocks, Heading("About this summary"), Paragraph(TEXT["closing"].format(name=name)))


def _cover(cover: Cover) -> list[Block]:
    name, period = cover.person, cover.period
    chosen = ", ".join(SECTIONS[s] for s in cover.sections)
    sentence = TEXT["cover"].format(
        name=name, today=cover.prepared_on, since=period.since, until=period.until, sections=chosen
    )
    blocks: list[Block] = [
        Heading(TEXT["title"], level=1),
        Paragraph(sentence),
        Paragraph(TEXT["own_only"].format(name=name)),
    ]
    left_out = [label for key, label in SECTIONS.items() if key not in cover.sections]
    if left_out:
        blocks.append(Paragraph(TEXT["left_out"].format(name=name, sections=", ".join(left_out))))
    return blocks


def _score_blocks(scores: ScoresSection, person: str) -> list[Block]:
    blocks: list[Block] = [Heading("Attachment scores over time")]
    if not scores.rows:
        return [*blocks, Paragraph(TEXT["none"])]
    rows = tuple(
        (
            str(row.taken_on),
            row.questionnaire,
            score_with_range(row.position.anxiety, row.position.anxiety_margin, row.position),
            score_with_range(row.position.avoidance, row.position.avoidance_margin, row.position),
            row.position.region_label
            + (f" ({TEXT['near']})" if row.position.near_boundary else ""),
        )
        for row in scores.rows
    )
    columns = ("date", "questionnaire", "anxiety (1–7)", "avoidance (1–7)", "region, loosely")
    blocks += [Table(columns, rows, numeric=(2, 3)), Paragraph(TEXT["scores_note"])]
    if scores.movement is not None:
        blocks.append(Paragraph(movement_sentence(scores.movement)))
    description = describe_plane([(person, list(scores.plane))])
    return [*blocks, Plane(person, scores.plane, description)]


def score_with_range(value: float, margin: float, position: Position) -> str:
    """A scale score with its 95% margin, when the questionnaire's precision is known."""
    return f"{value:.2f} ± {margin:.2f}" if position.uncertainty_known else f"{value:.2f}"


def movement_sentence(found: ScoreMovement, template: str = TEXT["movement"]) -> str:
    """How the point moved from the first result to the latest, in the document's own words."""
    moved = MOVEMENT[found.movement.direction].format(size=abs(found.movement.corner_change))
    return template.format(
        questionnaire=found.questionnaire, first=found.first, latest=found.latest, moved=moved
    )


def _trigger_blocks(patterns: TriggerPatterns) -> list[Block]:
    blocks: list[Block] = [Heading("Triggers")]
    if not patterns.total:
        return [*blocks, Paragraph(TEXT["none"])]
    blocks.append(Paragraph(TEXT["triggers"].format(total=_count(patterns.total, "trigger"))))
    for heading, ranked in (
        ("what the partner did or did not do", patterns.actions),
        ("tag", patterns.tags),
        ("urge", patterns.urges),
    ):
        if ranked:
            rows = tuple(
                (r.label, str(r.count), f"{r.mean_strength:.1f}") for r in ranked[:TOP_RANKED]
            )
            blocks.append(Table((heading, "times", "mean strength (0–10)"), rows, numeric=(1, 2)))
    if patterns.protest_share is not None:
        share = patterns.protest_share
        blocks.append(Paragraph(TEXT["leaning"].format(protest=share, withdrawal=1 - share)))
    times = ", ".join(f"{name} {count}" for name, count in patterns.by_time_of_day.items())
    days = ", ".join(f"{name} {count}" for name, count in patterns.by_weekday.items())
    return [*blocks, Paragraph(TEXT["when"].format(times=times, days=days))]


def _emotion_blocks(found: EmotionsSection) -> list[Block]:
    blocks: list[Block] = [Heading("Emotions named")]
    if not found.total:
        return [*blocks, Paragraph(TEXT["none"])]
    rows = tuple(
        (name, str(count), f"{mean:.1f}") for name, count, mean in found.names[:TOP_EMOTIONS]
    )
    fears = ", ".join(f"{label} ({count})" for label, count in found.core_fears)
    return [
        *blocks,
        Paragraph(TEXT["emotions"].format(total=_count(found.total, "emotion"))),
        Table(("emotion", "times", "mean intensity (0–10)"), rows, numeric=(1, 2)),
        Paragraph(TEXT["fears"].format(fears=fears) if fears else TEXT["no_fears"]),
    ]


def _thought_blocks(found: ThoughtsSection) -> list[Block]:
    blocks: list[Block] = [Heading("Thought records")]
    if not found.rows:
        return [*blocks, Paragraph(TEXT["none"])]
    summary = found.change
    total = _count(len(found.rows), "thought record")
    blocks.append(Paragraph(TEXT["thoughts"].format(total=total, done=summary.completed)))
    if summary.mean_drop is not None:
        blocks.append(
            Paragraph(
                TEXT["mean_drop"].format(
                    before=summary.mean_before, after=summary.mean_after, drop=summary.mean_drop
                )
            )
        )
    if summary.distortion_counts:
        known = vocabulary.distortions()
        counts = ", ".join(
            f"{vocabulary.label_of(known, d)} ({n})" for d, n in summary.distortion_counts
        )
        blocks.append(Paragraph(TEXT["distortions"].format(counts=counts)))
    for row in found.rows:
        record = row.record
        blocks += [
            Heading(f"{row.written_on}: belief {_belief(record)}", level=3),
            Fields(
                (
                    ("Situation", record.situation or "–"),
                    ("Automatic thought", record.automatic_thought or "–"),
                    ("Distortions", ", ".join(row.distortions) or "none tagged"),
                    ("Balanced thought", record.balanced_thought or "not written yet"),
                )
            ),
        ]
    return blocks


def _belief(record: ThoughtRecordView) -> str:
    drop = record.belief_drop
    if drop is None:
        return f"{record.belief_before}, not re-rated yet"
    moved = f"down {drop}" if drop > 0 else (f"up {-drop}" if drop < 0 else "unchanged")
    return f"{record.belief_before} → {record.belief_after} ({moved})"


def _success_blocks(found: SuccessesSection) -> list[Block]:
    blocks: list[Block] = [Heading("Success moments")]
    if not found.total:
        return [*blocks, Paragraph(TEXT["none"])]
    items = tuple(
        f"{noted_on} ({moment.quality_label}): {moment.what_happened}"
        for noted_on, moment in found.examples
    )
    total = _count(found.total, "moment")
    return [*blocks, Paragraph(TEXT["successes"].format(total=total)), Bullets(items)]


def _reflection_blocks(answers: Sequence[tuple[date, ReflectionView]], person: str) -> list[Block]:
    blocks: list[Block] = [Heading("Reflections")]
    if not answers:
        return [*blocks, Paragraph(TEXT["none"])]
    blocks.append(Paragraph(TEXT["reflections"].format(name=person)))
    for written_on, answer in answers:
        blocks += [Heading(f"{written_on}: {answer.prompt}", level=3), Quote(answer.answer)]
    return blocks


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")
