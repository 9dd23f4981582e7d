"""The profile report built from hand-made records: its sections, its words, the first and
latest days side by side, figures as captions in Markdown and images in a PDF, safety mode,
and a short kind report when nothing is recorded yet."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta

from pypdf import PdfReader

from bowlby.assess.styles import describe_position
from bowlby.insights import profile_report as model
from bowlby.insights import profile_report_changes as changes
from bowlby.insights.documents import Figure, PageBreak, markdown_of
from bowlby.insights.pdf import png_size, render_document_pages
from bowlby.insights.profile_report_layout import PRIVATE, TITLE, report_blocks
from bowlby.insights.profile_report_sections import COACHING
from bowlby.insights.therapist_summary import ScoreRow
from bowlby.journal.successes import SuccessView
from bowlby.journal.thought_records import ThoughtRecordView
from bowlby.practice.ratio_ledger import InteractionView
from bowlby.practice.repair_attempts import RuptureView
from bowlby.practice.soothing import SoothingView

START = datetime(2026, 1, 5, 20, tzinfo=UTC)
UNTIL = date(2026, 4, 30)
TODAY = date(2026, 5, 2)


def record(number: int, when: datetime) -> dict:
    return {
        "id": f"entry-{number}",
        "owner_name": "Alex",
        "occurred_at": when,
        "updated_at": when,
        "shared_with_partner": False,
        "shared_with_therapist": False,
    }


def moment(number: int, when: datetime, sign: str) -> InteractionView:
    return InteractionView(
        **record(number, when), sign=sign, kind=None, kind_label="", note="", source="logged"
    )


def rupture(number: int, when: datetime, minutes: float) -> RuptureView:
    return RuptureView(
        **record(number, when),
        what_happened="",
        intensity=5,
        repaired_at=when + timedelta(minutes=minutes),
        how=["apology"],
        initiated_by="me",
        initiated_by_label="me",
        note="",
        minutes_to_repair=minutes,
    )


def session(number: int, when: datetime, before: int, after: int) -> SoothingView:
    return SoothingView(
        **record(number, when),
        exercise="breathing_478",
        exercise_title="Paced breathing 4-7-8",
        anxiety_before=before,
        anxiety_after=after,
        minutes=5,
        rounds=None,
        note="",
    )


def thought(number: int, when: datetime, before: int, after: int) -> ThoughtRecordView:
    return ThoughtRecordView(
        **record(number, when),
        situation="",
        automatic_thought="",
        belief_before=before,
        belief_after=after,
        distortions=[],
        evidence_for="",
        evidence_against="",
        evidence_success_ids=[],
        balanced_thought="",
    )


def early_and_late() -> changes.Records:
    """Early on: tense weeks, slow repairs; lately: warmer, quicker, more check-ins."""
    late = START + timedelta(days=100)
    return changes.Records(
        checkins=(
            START,
            START + timedelta(days=1),
            late,
            late + timedelta(days=1),
            late + timedelta(days=2),
        ),
        interactions=(
            moment(1, START, "positive"),
            moment(2, START, "negative"),
            *(moment(3 + n, late, "positive") for n in range(5)),
            moment(9, late, "negative"),
        ),
        ruptures=(rupture(10, START, 600), rupture(11, late, 30)),
        soothing=(session(12, START, 8, 6), session(13, late, 7, 3)),
        thoughts=(thought(14, START, 90, 80), thought(15, late, 90, 40)),
        successes=(
            SuccessView(
                **record(16, START),
                what_happened="Sam called when he said he would",
                quality="reliable",
                quality_label="reliable",
            ),
        ),
    )


def history() -> model.AssessmentHistory:
    rows = [
        ScoreRow(
            date(2026, 1, 6), "ECR-S", describe_position(5.6, 2.5, anxiety_se=0.2, avoidance_se=0.2)
        ),
        ScoreRow(
            date(2026, 4, 20),
            "ECR-S",
            describe_position(4.4, 2.4, anxiety_se=0.2, avoidance_se=0.2),
        ),
    ]
    return model.summarise_history(rows)


def build(gathered: model.Gathered, since: date | None = None, paused: bool = False):
    return model.build_profile_report(
        gathered,
        person="Alex",
        today=TODAY,
        since=since,
        until=UNTIL,
        zone=UTC,
        coaching_paused=paused,
    )


def full() -> model.ProfileReport:
    unsaid = model.UnsaidCounts(raised=2, let_go=1, waiting=1)
    return build(
        model.Gathered(early_and_late(), history(), unsaid=unsaid, cycle_names=("After dinner",))
    )


def test_an_empty_profile_gets_a_short_kind_report_not_an_error():
    report = build(model.Gathered(changes.Records(), model.summarise_history([])))
    assert report.empty
    text = markdown_of(report_blocks(report))
    assert text.startswith(f"# {TITLE}\n")
    assert "There is nothing recorded for this period yet, and that is fine." in text
    assert PRIVATE in text
    assert "## Practice" not in text
    assert "## What changed" not in text


def test_all_time_starts_at_the_first_record_and_every_section_has_its_heading():
    report = full()
    assert report.cover.first_day == date(2026, 1, 5)
    assert report.cover.all_time
    text = markdown_of(report_blocks(report))
    for heading in (
        "## Questionnaires over time",
        "## Patterns in your chats",
        "## Practice",
        "## Journal",
        "## What changed",
        "## About this report",
    ):
        assert heading in text
    assert "It covers everything you recorded, from 2026-01-05 to 2026-04-30." in text
    assert "the point moved 1.16 closer to the secure corner of the plane" in text
    assert "Raised: 2. Let go: 1. Still waiting: 1." in text
    assert "- After dinner" in text
    assert "Remember when, on 2026-01-05: Sam called when he said he would" in text


def test_the_first_thirty_days_are_set_beside_the_last_thirty():
    found = full().changes
    assert found is not None
    assert not found.halves
    early, late = found.early, found.late
    assert (early.first, early.last) == (date(2026, 1, 5), date(2026, 2, 3))
    assert (late.first, late.last) == (date(2026, 4, 1), date(2026, 4, 30))
    assert (early.checkin_days, late.checkin_days) == (2, 3)
    assert (early.tally.positive, early.tally.negative) == (1, 1)
    assert (late.tally.positive, late.tally.negative) == (5, 1)
    assert (early.repair_minutes, late.repair_minutes) == (600, 30)
    assert (early.soothing_drop, late.soothing_drop) == (2, 4)
    assert (early.belief_drop, late.belief_drop) == (10, 50)
    text = markdown_of(report_blocks(full()))
    assert "| time to repair (median) | 10 hours | 30 minutes |" in text
    assert (
        "| 5:1 ledger | 1 positive, 1 negative (1.0:1) | 5 positive, 1 negative (5.0:1) |" in text
    )
    assert "| triggers logged |" not in text  # nothing on either side: left out
    changed = text.split("## What changed", 1)[1]
    assert (
        "From your first ECR-S (2026-01-06) to your latest (2026-04-20), the point moved" in changed
    )


def test_a_short_period_compares_halves_and_a_very_short_one_not_at_all():
    records = early_and_late()
    halves = changes.compare(records, date(2026, 4, 1), date(2026, 4, 30), UTC)
    assert halves is not None
    assert halves.halves
    assert halves.early.days == 15
    assert changes.compare(records, date(2026, 4, 20), date(2026, 4, 30), UTC) is None
    report = build(model.Gathered(records, history()), since=date(2026, 4, 20))
    assert "The period is too short to set its first days beside its latest" in markdown_of(
        report_blocks(report)
    )


def test_safety_mode_leaves_out_coaching_but_keeps_the_figures():
    unsaid = model.UnsaidCounts(0, 0, 0)
    paused = build(model.Gathered(early_and_late(), history(), unsaid=unsaid), paused=True)
    text = markdown_of(report_blocks(paused))
    assert COACHING["practice"] not in text
    assert COACHING["journal"] not in text
    assert "Safety mode is on, so the suggestions that coach closeness are left out" in text
    assert "| Paced breathing 4-7-8 | 2 | 3.0 | " in text
    assert COACHING["practice"] in markdown_of(report_blocks(full()))


def test_the_unsaid_words_show_only_when_handed_in():
    counted = model.UnsaidCounts(1, 0, 0)
    shown = model.UnsaidCounts(1, 0, 0, texts=("The weekend plans",))
    text = markdown_of(
        report_blocks(build(model.Gathered(early_and_late(), history(), unsaid=counted)))
    )
    assert "The weekend plans" not in text
    text = markdown_of(
        report_blocks(build(model.Gathered(early_and_late(), history(), unsaid=shown)))
    )
    assert "- The weekend plans" in text


def png(width: int = 40, height: int = 20) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_figure_is_its_caption_in_markdown_and_an_image_in_the_pdf():
    figure = Figure("Time to repair", "Median time to repair: 10 hours in January.", png=png())
    report = model.with_figures(full(), {"repairs": figure})
    blocks = report_blocks(report)
    assert figure in blocks
    assert PageBreak() in blocks
    text = markdown_of(blocks)
    assert "*Figure: Time to repair.* Median time to repair: 10 hours in January." in text
    data, pages = render_document_pages(blocks, TITLE, "page {page} of {nb}")
    reader = PdfReader(io.BytesIO(data))
    assert pages == len(reader.pages) >= 5
    assert sum(len(page.images) for page in reader.pages) == 1
    assert png_size(figure.png) == (40, 20)


def test_a_chat_is_counted_by_month():
    from bowlby.chats.chat_report import build_report
    from bowlby.chats.messages import ChatMessage, MessageKind

    def said(minutes: int, sender: str, text: str, day: int = 3) -> ChatMessage:
        when = datetime(2026, 2 if day < 28 else 1, day, 20, tzinfo=UTC) + timedelta(
            minutes=minutes
        )
        return ChatMessage(when, sender, text, MessageKind.TEXT, "chat.txt", minutes + 1)

    talk = [said(0, "Alex", "hi", 30), said(1, "Sam", "hey", 30), said(0, "Alex", "fine. whatever")]

    class Reading:
        def __init__(self, labels: tuple[str, ...]) -> None:
            self.labels, self.valence = labels, "negative" if labels else "neutral"

    readings = [Reading(()), Reading(()), Reading(("withdrawal", "stonewalling"))]
    summary = model.summarise_chat("Chat with Sam", build_report(talk, readings, UTC, "Alex"), UTC)
    assert [(m.month, m.messages, m.withdrawal, m.horsemen) for m in summary.months] == [
        (date(2026, 1, 1), 2, 0, 0),
        (date(2026, 2, 1), 1, 1, 1),
    ]
