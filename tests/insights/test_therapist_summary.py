"""The therapist summary built from hand-made records: exact Markdown, the same text in the
PDF, only the chosen sections, and a person's own words never turned into markup."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from bowlby.assess.styles import describe_position
from bowlby.errors import InputError
from bowlby.insights import therapist_summary as ts
from bowlby.insights.documents import literal
from bowlby.insights.pdf import render_summary_pdf
from bowlby.journal.emotions import EmotionView
from bowlby.journal.reflections import ReflectionView
from bowlby.journal.successes import SuccessView
from bowlby.journal.thought_records import ThoughtRecordView
from bowlby.journal.triggers import TriggerView

MONDAY_EVENING = datetime(2026, 3, 2, 21, tzinfo=UTC)
TODAY = date(2026, 4, 10)


def record(number: int, when: datetime = MONDAY_EVENING) -> dict:
    return {
        "id": f"entry-{number}",
        "owner_name": "Alex",
        "occurred_at": when,
        "updated_at": when,
        "shared_with_partner": False,
        "shared_with_therapist": False,
    }


def trigger(number=1, strength=8, when=MONDAY_EVENING, direction="protest") -> TriggerView:
    return TriggerView(
        **record(number, when),
        what_happened="No reply since lunch",
        partner_action="delayed_reply",
        partner_action_label="a late or missing reply",
        partner_action_detail="",
        urge="text_again" if direction == "protest" else "withdraw",
        urge_label="text or call again" if direction == "protest" else "withdraw or go quiet",
        urge_direction=direction,
        strength=strength,
        tags=["phone"],
    )


def emotion(number=2) -> EmotionView:
    return EmotionView(
        **record(number),
        family="fear",
        name="rejected",
        intensity=6,
        core_fear="rejection",
        core_fear_label="fear of rejection",
        statement="I am feeling the fear of rejection right now.",
        note="",
    )


def thought(number=3, before=80, after: int | None = 30, situation="No reply") -> ThoughtRecordView:
    return ThoughtRecordView(
        **record(number),
        situation=situation,
        automatic_thought="Sam is losing interest",
        belief_before=before,
        belief_after=after,
        distortions=["mind_reading", "catastrophising"],
        evidence_for="",
        evidence_against="",
        evidence_success_ids=[],
        balanced_thought="Sam was in a meeting; Sam calls every evening",
    )


def success(number=4) -> SuccessView:
    return SuccessView(
        **record(number),
        what_happened="Sam called when he said he would",
        quality="reliable",
        quality_label="reliable: did what they said",
    )


def reflection(number=5) -> ReflectionView:
    return ReflectionView(
        **record(number),
        prompt_id="comfort_as_a_child",
        prompt="When you were upset as a child, what usually happened?",
        theme="childhood",
        answer="Mum went quiet.\n\nI learned to wait.",
    )


def result(day: int, anxiety: float, avoidance: float, questionnaire="ECR-S") -> ts.ScoredResult:
    position = describe_position(anxiety, avoidance, anxiety_se=0.2, avoidance_se=0.25)
    return ts.ScoredResult(datetime(2026, 3, day, 9, tzinfo=UTC), questionnaire, position)


def cover(sections=None, since=date(2026, 3, 1)) -> ts.Cover:
    period = ts.choose_period(since, None, TODAY)
    return ts.Cover("Alex", TODAY, period, ts.choose_sections(sections))


def small_summary(**extra) -> ts.TherapistSummary:
    inputs = {
        "results": [result(3, 5.5, 4.8)],
        "trigger_logs": [trigger()],
        "emotion_notes": [emotion()],
        "thought_logs": [thought()],
        "success_moments": [success()],
        "reflection_answers": [reflection()],
        **extra,
    }
    return ts.build_summary(cover(), UTC, **inputs)


SMALL_MARKDOWN = """\
# Summary for a therapist

Prepared by Alex on 2026-04-10 for a therapist; covers 2026-03-01 – 2026-04-10; sections chosen \
by Alex: attachment scores, triggers, emotions named, thought records, practice figures, success \
moments.

Everything here is Alex's own self-report from those dates, as written in Bowlby; nothing a \
partner shared with Alex is included.

Left out by Alex's choice: reflections.

## Attachment scores over time

| date | questionnaire | anxiety (1–7) | avoidance (1–7) | region, loosely |
| --- | --- | ---: | ---: | --- |
| 2026-03-03 | ECR-S | 5.50 ± 0.39 | 4.80 ± 0.49 | fearful/disorganized |

Scores are means on a 1–7 scale; ± gives the 95% range where the questionnaire's precision is \
known. The region words are a loose description of where a point sits, not a diagnosis: the \
plane is split at its midpoint (4), a convention the questionnaires' authors did not endorse, \
and people move on it over time.

The attachment plane, anxiety across and avoidance up, 1 to 7. Alex: anxiety 5.50, avoidance \
4.80.

## Triggers

1 trigger logged.

| what the partner did or did not do | times | mean strength (0–10) |
| --- | ---: | ---: |
| a late or missing reply | 1 | 8.0 |

| tag | times | mean strength (0–10) |
| --- | ---: | ---: |
| phone | 1 | 8.0 |

| urge | times | mean strength (0–10) |
| --- | ---: | ---: |
| text or call again | 1 | 8.0 |

Of the urges that leaned one way, 100% were toward reaching out (protest) and 0% toward pulling \
back (withdrawal).

When they came: night 0, morning 0, afternoon 0, evening 1. By weekday: Mon 1, Tue 0, Wed 0, \
Thu 0, Fri 0, Sat 0, Sun 0.

## Emotions named

1 emotion named.

| emotion | times | mean intensity (0–10) |
| --- | ---: | ---: |
| rejected | 1 | 6.0 |

Core fears named: fear of rejection (1).

## Thought records

1 thought record; re-rated afterwards: 1.

On average the belief went from 80 to 30 (of 100), a drop of 50 points.

Distortions tagged most: catastrophising (1), mind reading (1).

### 2026-03-02: belief 80 → 30 (down 50)

- Situation: No reply
- Automatic thought: Sam is losing interest
- Distortions: mind reading, catastrophising
- Balanced thought: Sam was in a meeting; Sam calls every evening

## Success moments

1 moment when the partner was reliable or caring. The most recent:

- 2026-03-02 (reliable: did what they said): Sam called when he said he would

## About this summary

Bowlby describes patterns in what Alex chose to write down about themselves; it does not \
observe the relationship, and the partner's view is not here. Counts and averages show what was \
recorded, which is rarely all that happened. The scores are positions on two continuous \
dimensions, each with its uncertainty, not types and not diagnoses. Please read this as a \
starting point for a conversation, not as a finding.
"""


def test_a_small_summary_reads_exactly_so_in_markdown():
    assert ts.render_markdown(small_summary()) == SMALL_MARKDOWN


def test_reflections_are_left_out_unless_chosen():
    summary = small_summary()
    assert summary.reflections is None
    assert "Mum went quiet" not in ts.render_markdown(summary)
    chosen = ts.build_summary(
        cover(["reflections"]), UTC, reflection_answers=[reflection()], trigger_logs=[trigger()]
    )
    markdown = ts.render_markdown(chosen)
    assert "## Reflections" in markdown
    assert "### 2026-03-02: When you were upset as a child, what usually happened?" in markdown
    assert "> Mum went quiet.\n>\n> I learned to wait." in markdown
    assert "## Triggers" not in markdown  # handed in, but not chosen
    assert "Left out by Alex's choice: attachment scores, triggers," in markdown


def test_sections_are_chosen_by_name_in_the_documents_order():
    assert ts.choose_sections(None) == (
        "assessments",
        "triggers",
        "emotions",
        "thoughts",
        "practice",
        "successes",
    )
    assert ts.choose_sections(["reflections, Triggers", "emotions"]) == (
        "triggers",
        "emotions",
        "reflections",
    )


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (["triggers,feelings"], "'feelings' is not a section: choose from assessments,"),
        ([" , "], "choose at least one section"),
    ],
)
def test_an_unknown_or_missing_section_is_refused_with_the_field(names, message):
    with pytest.raises(InputError) as caught:
        ts.choose_sections(names, field="--include")
    assert caught.value.field == "--include"
    assert message in caught.value.message


def test_the_period_defaults_to_ninety_days_and_must_run_forwards():
    period = ts.choose_period(None, None, TODAY)
    assert (period.since, period.until) == (date(2026, 1, 11), TODAY)
    assert (period.until - period.since).days + 1 == 90
    with pytest.raises(InputError, match="starts on 2026-04-11, after it ends on 2026-04-10"):
        ts.choose_period(date(2026, 4, 11), TODAY, TODAY)


def test_the_period_runs_from_midnight_to_midnight_in_the_persons_zone():
    berlin = ZoneInfo("Europe/Berlin")
    start, end = ts.Period(date(2026, 3, 1), date(2026, 3, 31)).bounds(berlin)
    assert start.astimezone(UTC) == datetime(2026, 2, 28, 23, tzinfo=UTC)
    assert end.astimezone(UTC) == datetime(2026, 3, 31, 22, tzinfo=UTC)  # summer time began


def test_movement_toward_secure_needs_two_results_of_one_questionnaire():
    two = small_summary(results=[result(20, 3.5, 3.2), result(3, 5.5, 4.8)])
    markdown = ts.render_markdown(two)
    assert (
        "From the first ECR-S result in this period (2026-03-03) to the latest (2026-03-20), "
        "the point moved 2.56 closer to the secure corner of the plane."
    ) in markdown
    assert "(first result anxiety 5.50, avoidance 4.80, 2 results in all)" in markdown
    mixed = small_summary(results=[result(3, 5.5, 4.8), result(20, 3.5, 3.2, "ECR-R")])
    assert mixed.scores is not None
    assert mixed.scores.movement is None


def test_a_point_near_a_line_says_so_and_an_unknown_range_shows_no_plus_minus():
    near = ts.ScoredResult(MONDAY_EVENING, "ECR-S", describe_position(4.1, 2.0))
    markdown = ts.render_markdown(small_summary(results=[near]))
    assert "| 2026-03-02 | ECR-S | 4.10 | 2.00 | anxious/preoccupied |" in markdown
    close = ts.ScoredResult(
        MONDAY_EVENING, "ECR-S", describe_position(4.1, 2.0, anxiety_se=0.2, avoidance_se=0.2)
    )
    markdown = ts.render_markdown(small_summary(results=[close]))
    assert "| anxious/preoccupied (near a dividing line) |" in markdown


def test_practice_figures_appear_only_when_there_are_some():
    assert "Practice figures" not in ts.render_markdown(small_summary())
    figures = [ts.PracticeFigure("check-ins done", "12 of 14", "last two weeks")]
    markdown = ts.render_markdown(small_summary(practice=figures))
    assert "## Practice figures\n\n| figure | value | note |" in markdown
    assert "| check-ins done | 12 of 14 | last two weeks |" in markdown
    assert markdown.index("## Practice figures") < markdown.index("## Success moments")


def test_chosen_sections_with_nothing_in_them_say_so():
    empty = ts.build_summary(cover(), UTC)
    markdown = ts.render_markdown(empty)
    assert markdown.count("Nothing of this kind was recorded in this period.") == 5
    assert ts.describe_contents(empty) == (
        "attachment scores: 0",
        "triggers: 0",
        "emotions named: 0",
        "thought records: 0",
        "practice figures: 0",
        "success moments: 0",
    )


def test_thought_records_show_each_change_and_the_mean_drop():
    records = [
        thought(3, 80, 30),
        thought(6, 40, 50, situation="Plans changed"),
        thought(7, 70, None),
    ]
    markdown = ts.render_markdown(small_summary(thought_logs=records))
    assert "3 thought records; re-rated afterwards: 2." in markdown
    assert "On average the belief went from 60 to 40 (of 100), a drop of 20 points." in markdown
    assert "belief 40 → 50 (up 10)" in markdown
    assert "belief 70, not re-rated yet" in markdown
    assert "Distortions tagged most: catastrophising (3), mind reading (3)." in markdown


def test_a_persons_words_never_become_markup():
    odd = thought(situation="# No | reply *at all* <b>")
    markdown = ts.render_markdown(small_summary(thought_logs=[odd]))
    assert "- Situation: \\# No \\| reply \\*at all\\* \\<b\\>" in markdown
    assert literal("3. point") == "3\\. point"
    assert literal("- dash") == "\\- dash"
    assert literal("5.50 ± 0.39") == "5.50 ± 0.39"


def pdf_text(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def test_the_pdf_holds_the_same_sections_and_numbers():
    summary = small_summary(results=[result(3, 5.5, 4.8), result(20, 3.5, 3.2)])
    data = render_summary_pdf(summary)
    reader, text = pdf_text(data)
    flat = " ".join(text.split())
    assert data.startswith(b"%PDF")
    for heading in (
        "Summary for a therapist",
        "Attachment scores over time",
        "Triggers",
        "Emotions named",
        "Thought records",
        "Success moments",
        "About this summary",
    ):
        assert heading in text
    assert "Reflections" not in text
    assert "Prepared by Alex on 2026-04-10 for a therapist; covers 2026-03-01 – 2026-04-10" in flat
    for number in ("5.50 ± 0.39", "4.80 ± 0.49", "3.50 ± 0.39", "moved 2.56 closer"):
        assert number in flat
    assert "belief 80 → 30 (down 50)" in flat
    assert "a drop of 50 points" in flat
    assert "fear of rejection (1)" in flat
    pages = len(reader.pages)
    assert f"page 1 of {pages}" in text
    assert f"page {pages} of {pages}" in text
    assert reader.pages[0].mediabox.width == pytest.approx(595.28, abs=0.1)  # A4
    assert sum(len(page.images) for page in reader.pages) == 1  # the plane


def test_the_pdf_renders_any_text_and_carries_no_date_or_machine_name():
    words = "Zoë said «ça va» — Ζωή, Жизнь, ½ ✓"  # DejaVu Sans has no CJK or emoji
    data = render_summary_pdf(small_summary(thought_logs=[thought(situation=words)]))
    reader, text = pdf_text(data)
    assert words in " ".join(text.split())
    metadata = reader.metadata or {}
    assert "/CreationDate" not in metadata
    assert "/ModDate" not in metadata
    assert metadata.get("/Producer") == "Bowlby"
    assert data == render_summary_pdf(small_summary(thought_logs=[thought(situation=words)]))
