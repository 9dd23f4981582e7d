"""The profile report's words and its outer layout (cover, questionnaires, chats, what changed,
closing), kept in one place so the tone (plain, humble, never a diagnosis) can be read in one
sitting; the practice and journal sections are in profile_report_sections.py."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from bowlby.insights import profile_report_sections as sections
from bowlby.insights.documents import Block, Bullets, Heading, PageBreak, Paragraph, Table
from bowlby.insights.profile_report_sections import DASH, count, figure_after, minutes
from bowlby.insights.therapist_summary_layout import movement_sentence, score_with_range
from bowlby.practice.ratio_ledger import describe_ratio

if TYPE_CHECKING:
    from bowlby.insights.profile_report import (
        AssessmentHistory,
        ChatSummary,
        Cover,
        ProfileReport,
    )
    from bowlby.insights.profile_report_changes import Comparison, Window

TITLE = "Your journey in Bowlby"
FOOTER = "{name}'s own report, private · page {page} of {pages}"
PRIVATE = (
    "This report holds private material: your questionnaire results, the patterns in your "
    "chats and your own notes. The file is not encrypted, so anyone who opens it can read "
    "it. Keep it on a device only you use, do not send it by email or message, and delete "
    "it when you no longer need it."
)
COVER = {
    "for": "Prepared for {name} on {today}.",
    "period": "It covers {first} – {last}.",
    "all_time": "It covers everything you recorded, from {first} to {last}.",
    "own_only": (
        "Only your own records are here: nothing a partner shared with you is included, and "
        "your chats are read only from the ones you imported yourself."
    ),
    "paused": (
        "Safety mode is on, so the suggestions that coach closeness are left out; the figures "
        "stay, because they only describe what you recorded."
    ),
    "empty": (
        "There is nothing recorded for this period yet, and that is fine. As you take a "
        "questionnaire, write in the journal or try a practice, this report fills in: each "
        "part shows what you did and how it moved, never a grade."
    ),
}
CONTENTS = (
    "Questionnaires: every result on the attachment plane and how it moved",
    "Patterns in your chats: counts per month, episodes and repairs",
    "Practice: check-ins, soothing, small shares, the 5:1 ledger, repairs, your tools",
    "Journal: triggers, emotions, thought records and success moments",
    "The feedback loop and the couple model, where there is enough data",
    "What changed: your first days beside your latest",
)
HISTORY = {
    "title": "Questionnaires over time",
    "none": "No questionnaire was finished in this period.",
    "note": (
        "Scores are means on a 1–7 scale; ± gives the 95% range where the questionnaire's "
        "precision is known. The region words only describe where a point sits: the plane "
        "is split at its midpoint by convention, and people move on it over time. This is "
        "not a diagnosis."
    ),
    "movement": (
        "From your first {questionnaire} ({first}) to your latest ({latest}), the point {moved}."
    ),
    "changes": "Change on each scale, and whether it is larger than the questionnaire's noise:",
}
CHATS = {
    "title": "Patterns in your chats",
    "none": "No chat of yours was imported, or none has messages in this period.",
    "note": (
        "These are estimates from the words used: a message counts as protest, withdrawal or "
        "one of the four horsemen when its words match, which misses tone and context and "
        "counts both people's messages. Read them as a rough picture, not a verdict."
    ),
    "summary": "{messages}; {episodes}, {repaired} of them with a repair.",
    "repair": "The typical (median) time from an episode's start to its first repair: {time}.",
    "ratio": "Estimated warm and tense messages: {ratio}.",
    "pursuit": (
        "Who reached out and who pulled back in the tense episodes (a pursue–withdraw picture):"
    ),
}
CHANGES = {
    "title": "What changed",
    "none": (
        "The period is too short to set its first days beside its latest; come back after a "
        "few weeks."
    ),
    "lead": "Your first {days} days ({early}) beside your latest {days} days ({late}).",
    "halves": "The period is shorter than two months, so its two halves are compared.",
    "humble": (
        "A difference here shows what was recorded, not what caused it: fewer entries can mean "
        "calmer weeks or just busier ones, and small numbers move a lot by chance."
    ),
}
POINTS_10, POINTS_100 = "{:.1f} points (0–10)", "{:.0f} points (0–100)"
CLOSING = (
    "Bowlby describes patterns in what you chose to record; it does not observe your "
    "relationship, and your partner's view is not here. Counts and averages show what was "
    "written down, which is rarely all that happened, and every figure carries uncertainty. "
    "If something here is hard to read, talking it over with someone you trust or a therapist "
    "can help."
)


def report_blocks(report: ProfileReport) -> tuple[Block, ...]:
    """The whole document: a short kind one when nothing is recorded yet."""
    blocks = _cover(report.cover, report.empty)
    if report.empty:
        return (*blocks, Heading("About this report"), Paragraph(CLOSING))
    paused = report.cover.coaching_paused
    figures = report.figures
    blocks += [PageBreak(), *_history(report.assessments), *figure_after("plane", figures)]
    blocks += _chats(report.chats, figures)
    blocks += sections.practice_blocks(report.practice, figures, paused)
    blocks += sections.journal_blocks(report.journal, paused)
    blocks += sections.loop_blocks(report.loop, figures)
    blocks += sections.dynamics_blocks(report.dynamics)
    blocks += _changes(report.changes, report.assessments)
    return (*blocks, Heading("About this report"), Paragraph(CLOSING))


def _cover(cover: Cover, empty: bool) -> list[Block]:
    first = cover.first_day or cover.last_day
    span = COVER["all_time"] if cover.all_time else COVER["period"]
    blocks: list[Block] = [
        Heading(TITLE, level=1),
        Paragraph(COVER["for"].format(name=cover.person, today=cover.prepared_on)),
        Paragraph(span.format(first=first, last=cover.last_day)),
        Heading("Keep it private", level=3),
        Paragraph(PRIVATE),
        Paragraph(COVER["own_only"]),
    ]
    if cover.coaching_paused:
        blocks.append(Paragraph(COVER["paused"]))
    if empty:
        return [*blocks, Paragraph(COVER["empty"])]
    return [*blocks, Heading("What is inside", level=3), Bullets(CONTENTS)]


def _history(history: AssessmentHistory) -> list[Block]:
    blocks: list[Block] = [Heading(HISTORY["title"])]
    if not history.rows:
        return [*blocks, Paragraph(HISTORY["none"])]
    rows = tuple(
        (
            str(row.taken_on),
            row.questionnaire,
            score_with_range(row.position.anxiety, row.position.anxiety_margin, row.position),
            score_with_range(row.position.avoidance, row.position.avoidance_margin, row.position),
            row.position.region_label,
        )
        for row in history.rows
    )
    columns = ("date", "questionnaire", "anxiety (1–7)", "avoidance (1–7)", "region, loosely")
    blocks += [Table(columns, rows, numeric=(2, 3)), Paragraph(HISTORY["note"])]
    if history.movement is not None:
        blocks.append(Paragraph(movement_sentence(history.movement, HISTORY["movement"])))
    if history.changes:
        sentences = tuple(item.sentence for item in history.changes)
        blocks += [Paragraph(HISTORY["changes"]), Bullets(sentences)]
    return blocks


def _chats(found: tuple[ChatSummary, ...], figures: sections.Figures) -> list[Block]:
    blocks: list[Block] = [PageBreak(), Heading(CHATS["title"])]
    if not found:
        return [*blocks, Paragraph(CHATS["none"])]
    blocks.append(Paragraph(CHATS["note"]))
    for number, chat in enumerate(found):
        blocks += [Heading(chat.name, level=3), *_chat(chat)]
        blocks += figure_after(f"chat:{number}", figures)
    return blocks


def _chat(chat: ChatSummary) -> list[Block]:
    summary = CHATS["summary"].format(
        messages=count(chat.messages, "message"),
        episodes=count(chat.episodes, "tense episode"),
        repaired=chat.repaired,
    )
    blocks: list[Block] = [
        Paragraph(summary),
        Paragraph(CHATS["ratio"].format(ratio=describe_ratio(chat.ratio))),
    ]
    if chat.median_repair_minutes is not None:
        blocks.append(Paragraph(CHATS["repair"].format(time=minutes(chat.median_repair_minutes))))
    if chat.pursuit:
        rows = tuple((p.name, str(p.pursued), str(p.withdrew)) for p in chat.pursuit)
        blocks += [
            Paragraph(CHATS["pursuit"]),
            Table(("person", "reached out", "pulled back"), rows, numeric=(1, 2)),
        ]
    months = tuple(
        (
            m.month.strftime("%B %Y"),
            str(m.messages),
            str(m.protest),
            str(m.withdrawal),
            str(m.horsemen),
        )
        for m in chat.months
    )
    columns = ("month", "messages", "protest", "withdrawal", "horsemen")
    return [*blocks, Table(columns, months, numeric=(1, 2, 3, 4))]


def _changes(found: Comparison | None, history: AssessmentHistory) -> list[Block]:
    blocks: list[Block] = [PageBreak(), Heading(CHANGES["title"])]
    if history.movement is not None:
        blocks.append(Paragraph(movement_sentence(history.movement, HISTORY["movement"])))
    if found is None:
        return [*blocks, Paragraph(CHANGES["none"])]
    early, late = found.early, found.late
    lead = CHANGES["lead"].format(days=early.days, early=_span(early), late=_span(late))
    blocks.append(Paragraph(lead))
    if found.halves:
        blocks.append(Paragraph(CHANGES["halves"]))
    rows = tuple(row for row in _change_rows(early, late) if (row[1], row[2]) != (DASH, DASH))
    if rows:
        blocks.append(Table(("figure", "first days", "latest days"), rows))
    return [*blocks, Paragraph(CHANGES["humble"])]


def _change_rows(early: Window, late: Window) -> tuple[tuple[str, str, str], ...]:
    shows: tuple[tuple[str, Callable[[Window], str]], ...] = (
        ("days checked in", lambda w: str(w.checkin_days) if w.checkin_days else DASH),
        ("5:1 ledger", lambda w: describe_ratio(w.tally) if w.tally.total else DASH),
        (
            "time to repair (median)",
            lambda w: DASH if w.repair_minutes is None else minutes(w.repair_minutes),
        ),
        ("anxiety drop after soothing", lambda w: _number(w.soothing_drop, POINTS_10)),
        ("belief drop in thought records", lambda w: _number(w.belief_drop, POINTS_100)),
        ("triggers logged", lambda w: str(w.triggers) if w.triggers else DASH),
    )
    return tuple((label, show(early), show(late)) for label, show in shows)


PRACTICE_ROWS = {  # the therapist summary's practice figures: one stretch of days
    "days checked in": "days with a daily check-in",
    "5:1 ledger": "moments logged, positive to negative",
    "time to repair (median)": "from a rupture to its repair",
    "anxiety drop after soothing": "mean, before minus after a self-soothing exercise",
}


def practice_rows(window: Window) -> tuple[tuple[str, str, str], ...]:
    """Label, value and note of each practice figure with something in the window."""
    return tuple(
        (label, value, PRACTICE_ROWS[label])
        for label, value, _same in _change_rows(window, window)
        if label in PRACTICE_ROWS and value != DASH
    )


def _number(value: float | None, shown: str) -> str:
    return DASH if value is None else shown.format(value)


def _span(window: Window) -> str:
    return f"{_day(window.first)} – {_day(window.last)}"


def _day(day: date) -> str:
    return day.isoformat()
