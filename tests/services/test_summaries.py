"""The therapist summary through the use case, on both databases: the period and sections
chosen, the person's own entries only, and reflections only when chosen."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from pypdf import PdfReader

from bowlby import models
from bowlby.journal.emotions import EmotionInput
from bowlby.journal.reflections import ReflectionInput
from bowlby.journal.successes import SuccessInput
from bowlby.journal.thought_records import ThoughtRecordInput
from bowlby.journal.triggers import TriggerInput
from bowlby.services import assessments, entries, journal, sharing, summaries

TODAY = date(2026, 4, 10)
IN_MARCH = datetime(2026, 3, 16, 19, tzinfo=UTC)
ALL_SECTIONS = ["assessments,triggers,emotions,thoughts,successes,reflections"]
# ECR-S answers: anxiety 6.00 and avoidance 5.50, then 2.00 and 2.00.
ECR_S_HIGH = {f"ecr_s_{n:02d}": a for n, a in enumerate([2, 6, 5, 6, 2, 6, 5, 2, 2, 6, 5, 6], 1)}
ECR_S_LOW = {f"ecr_s_{n:02d}": a for n, a in enumerate([6, 2, 2, 2, 6, 2, 2, 6, 6, 2, 2, 2], 1)}


def log_trigger(store, keyring, when=IN_MARCH, action="delayed_reply", shared=False):
    return journal.record_trigger(
        store,
        keyring,
        TriggerInput(
            occurred_at=when,
            what_happened="No reply",
            partner_action=action,
            urge="text_again",
            strength=7,
            shared_with_partner=shared,
        ),
    )


def name_emotion(store, keyring, when=IN_MARCH, shared=False):
    return journal.name_emotion(
        store,
        keyring,
        EmotionInput(
            occurred_at=when,
            family="fear",
            name="abandoned",
            intensity=7,
            core_fear="abandonment",
            shared_with_partner=shared,
        ),
    )


def record_thought(store, keyring, situation, shared=False):
    return journal.record_thought(
        store,
        keyring,
        ThoughtRecordInput(
            occurred_at=IN_MARCH,
            situation=situation,
            automatic_thought="They will leave",
            belief_before=90,
            belief_after=40,
            shared_with_partner=shared,
        ),
    )


def keep_success(store, keyring, what, shared=False):
    return journal.record_success(
        store,
        keyring,
        SuccessInput(occurred_at=IN_MARCH, what_happened=what, shared_with_partner=shared),
    )


def take(store, keyring, answers):
    sitting = assessments.start_assessment(store, keyring, "ecr-s")
    assessments.save_answers(store, keyring, sitting.id, answers)
    return assessments.complete_assessment(store, keyring, sitting.id)


def pdf_text(data: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages
    )


def test_only_the_chosen_days_in_the_persons_zone_are_gathered(store, make_profile):
    alex = make_profile("Alex")
    berlin = ZoneInfo("Europe/Berlin")
    for when in (
        datetime(2026, 2, 28, 22, 30, tzinfo=UTC),  # 23:30 on 28 February in Berlin: before
        datetime(2026, 2, 28, 23, 30, tzinfo=UTC),  # 00:30 on 1 March: the first day
        datetime(2026, 3, 31, 21, 30, tzinfo=UTC),  # 23:30 on 31 March (summer time): last day
        datetime(2026, 3, 31, 22, 30, tzinfo=UTC),  # 00:30 on 1 April: after
    ):
        log_trigger(store, alex, when)
        name_emotion(store, alex, when)
    found = summaries.build_therapist_summary(
        store,
        alex,
        since=date(2026, 3, 1),
        until=date(2026, 3, 31),
        sections=["triggers"],
        zone=berlin,
        today=TODAY,
    )
    assert found.triggers is not None
    assert found.triggers.total == 2
    assert found.triggers.by_weekday["Sun"] == 1  # 1 March 2026, in Berlin
    assert found.triggers.by_weekday["Tue"] == 1  # 31 March
    assert (found.emotions, found.scores, found.thoughts, found.successes) == (None,) * 4
    assert found.reflections is None
    assert "## Emotions named" not in summaries.summary_markdown(found)


def test_the_default_period_is_the_last_ninety_days(store, make_profile):
    alex = make_profile("Alex")
    now = datetime.now(UTC)
    log_trigger(store, alex, now - timedelta(days=30))
    log_trigger(store, alex, now - timedelta(days=120))
    found = summaries.build_therapist_summary(store, alex)
    assert found.triggers is not None
    assert found.triggers.total == 1
    assert found.cover.period.until == now.date()
    assert found.cover.sections == (
        "assessments",
        "triggers",
        "emotions",
        "thoughts",
        "practice",
        "successes",
    )


def test_what_a_partner_shared_is_never_part_of_the_summary(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    sharing.accept_invitation(
        store, sam, sharing.create_invitation(store, alex, models.LinkRole.PARTNER)
    )
    log_trigger(store, alex)
    log_trigger(store, sam, action="time_apart", shared=True)
    name_emotion(store, sam, shared=True)
    record_thought(store, alex, "Alex's own situation")
    record_thought(store, sam, "SAM-SHARED situation", shared=True)
    keep_success(store, alex, "Sam cooked dinner")
    keep_success(store, sam, "SAM-SHARED moment", shared=True)
    sams_result = take(store, sam, ECR_S_HIGH)
    entries.set_sharing(store, sam, sams_result.assessment.id, partner=True, therapist=False)
    assert len(journal.list_successes(store, alex, whose="all")) == 2  # Alex can read both
    assert len(assessments.list_assessments(store, alex, whose="all")) == 1

    tomorrow = datetime.now(UTC).date() + timedelta(days=1)  # Sam's result is from today
    found = summaries.build_therapist_summary(
        store, alex, sections=ALL_SECTIONS, since=date(2026, 1, 1), until=tomorrow
    )
    assert found.triggers is not None
    assert [ranked.key for ranked in found.triggers.actions] == ["delayed_reply"]
    assert found.emotions is not None
    assert found.emotions.total == 0
    assert found.thoughts is not None
    assert [row.record.situation for row in found.thoughts.rows] == ["Alex's own situation"]
    assert found.successes is not None
    assert found.successes.total == 1
    assert found.scores is not None
    assert found.scores.rows == ()
    markdown = summaries.summary_markdown(found)
    text = pdf_text(summaries.summary_pdf(found))
    for document in (markdown, text):
        assert "SAM-SHARED" not in document
        assert "a trip or time away" not in document
        assert "Sam cooked dinner" in document


def test_a_private_reflection_is_included_only_when_chosen(store, make_profile):
    alex = make_profile("Alex")
    journal.write_reflection(
        store,
        alex,
        ReflectionInput(
            occurred_at=datetime.now(UTC),
            prompt_id="comfort_as_a_child",
            answer="The kitchen went silent when I cried.",
        ),
    )
    default = summaries.build_therapist_summary(store, alex)
    assert default.reflections is None
    for document in (
        summaries.summary_markdown(default),
        pdf_text(summaries.summary_pdf(default)),
    ):
        assert "kitchen went silent" not in document
        assert "Left out by Alex's choice: reflections." in document
    chosen = summaries.build_therapist_summary(store, alex, sections=["reflections"])
    assert "> The kitchen went silent when I cried." in summaries.summary_markdown(chosen)
    assert "The kitchen went silent when I cried." in pdf_text(summaries.summary_pdf(chosen))


def test_scores_over_time_and_the_movement_toward_secure(store, make_profile):
    alex = make_profile("Alex")
    take(store, alex, ECR_S_HIGH)
    take(store, alex, ECR_S_LOW)
    found = summaries.build_therapist_summary(store, alex, sections=["assessments"])
    assert found.scores is not None
    assert [(row.position.anxiety, row.position.avoidance) for row in found.scores.rows] == [
        (6.0, 5.5),
        (2.0, 2.0),
    ]
    markdown = summaries.summary_markdown(found)
    assert "| ECR-S | 6.00 ± " in markdown
    assert "fearful/disorganized" in markdown
    assert "closer to the secure corner of the plane" in markdown
    text = pdf_text(summaries.summary_pdf(found))
    assert "closer to the secure corner of the plane" in text
    assert "6.00 ±" in text
    yesterday = datetime.now(UTC).date() - timedelta(days=1)
    before = summaries.build_therapist_summary(
        store, alex, sections=["assessments"], until=yesterday
    )
    assert before.scores is not None
    assert before.scores.rows == ()


def test_practice_figures_come_only_when_the_section_is_chosen(store, make_profile):
    from bowlby.practice.soothing import SoothingInput
    from bowlby.services import soothing

    alex = make_profile("Alex")
    for day in range(1, 4):
        session = SoothingInput(
            occurred_at=IN_MARCH + timedelta(days=day),
            exercise="breathing_478",
            anxiety_before=7,
            anxiety_after=4,
        )
        soothing.record_session(store, alex, session)
    period = {"since": date(2026, 3, 1), "until": date(2026, 3, 31), "today": TODAY}
    chosen = summaries.build_therapist_summary(store, alex, sections=["practice"], **period)
    assert chosen.practice
    assert "## Practice figures" in summaries.summary_markdown(chosen)
    left_out = summaries.build_therapist_summary(store, alex, sections=["triggers"], **period)
    assert left_out.practice == ()
    assert "Practice figures" not in summaries.summary_markdown(left_out)
