"""The profile report through the use case, on both databases: the person's own records only
(never what a partner shared), the period chosen, charts drawn for a PDF or a page, and the
unsaid list's words only when asked for."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta

import pytest
from pypdf import PdfReader

from bowlby import models
from bowlby.errors import InputError
from bowlby.insights.documents import Figure
from bowlby.practice.ratio_ledger import InteractionInput
from bowlby.practice.repair_attempts import RepairInput, RuptureInput
from bowlby.practice.unsaid_list import UnsaidInput
from bowlby.services import (
    profile_report,
    ratio_ledger,
    repairs,
    sharing,
    summaries,
    unsaid_list,
)

from .test_summaries import ECR_S_HIGH, ECR_S_LOW, keep_success, log_trigger, record_thought, take

TODAY = date(2026, 4, 10)
IN_MARCH = datetime(2026, 3, 16, 19, tzinfo=UTC)
IN_JANUARY = datetime(2026, 1, 12, 19, tzinfo=UTC)


def linked(make_profile, store):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    sharing.accept_invitation(
        store, sam, sharing.create_invitation(store, alex, models.LinkRole.PARTNER)
    )
    return alex, sam


def log_moment(store, keyring, when, sign="positive", shared=False):
    ratio_ledger.log_interaction(
        store,
        keyring,
        InteractionInput(occurred_at=when, sign=sign, shared_with_partner=shared),
    )


def test_a_partners_shared_entries_are_never_part_of_the_report(store, make_profile):
    alex, sam = linked(make_profile, store)
    log_trigger(store, alex, IN_MARCH)
    log_trigger(store, sam, IN_MARCH, action="time_apart", shared=True)
    record_thought(store, sam, "SAM-SHARED situation", shared=True)
    keep_success(store, alex, "Sam cooked dinner")
    keep_success(store, sam, "SAM-SHARED moment", shared=True)
    log_moment(store, alex, IN_MARCH)
    for _ in range(3):
        log_moment(store, sam, IN_MARCH, sign="negative", shared=True)
    report = profile_report.build_profile_report(store, alex, today=TODAY, until=TODAY)
    assert report.journal.triggers.total == 1
    assert report.journal.thought_records == 0
    assert report.journal.successes == 1
    assert [(w.tally.positive, w.tally.negative) for w in report.practice.ratio_weeks] == [(1, 0)]
    markdown = profile_report.report_markdown(report)
    assert "SAM-SHARED" not in markdown
    assert "a trip or time away" not in markdown
    assert "Remember when, on 2026-03-16: Sam cooked dinner" in markdown


def test_the_period_filters_every_section_and_all_time_is_the_default(store, make_profile):
    alex = make_profile("Alex")
    log_trigger(store, alex, IN_JANUARY)
    log_trigger(store, alex, IN_MARCH)
    rupture = repairs.record_rupture(
        store, alex, RuptureInput(occurred_at=IN_JANUARY, what_happened="A row", intensity=6)
    )
    repairs.record_repair(
        store,
        alex,
        rupture.id,
        RepairInput(
            repaired_at=IN_JANUARY + timedelta(hours=2), how=["apology"], initiated_by="me"
        ),
    )
    everything = profile_report.build_profile_report(store, alex, today=TODAY)
    assert everything.cover.all_time
    assert everything.cover.first_day == date(2026, 1, 12)
    assert everything.journal.triggers.total == 2
    assert [m.repaired for m in everything.practice.repair_months] == [1]
    march = profile_report.build_profile_report(
        store, alex, since=date(2026, 3, 1), until=date(2026, 3, 31), today=TODAY
    )
    assert not march.cover.all_time
    assert (march.cover.first_day, march.cover.last_day) == (date(2026, 3, 1), date(2026, 3, 31))
    assert march.journal.triggers.total == 1
    assert march.practice.repair_months == ()
    assert "It covers 2026-03-01 – 2026-03-31." in profile_report.report_markdown(march)
    with pytest.raises(InputError) as raised:
        profile_report.build_profile_report(
            store, alex, since=date(2026, 4, 1), until=date(2026, 3, 1), today=TODAY
        )
    assert raised.value.field == "since"


def test_questionnaires_are_listed_with_the_change_on_each_scale(store, make_profile):
    alex = make_profile("Alex")
    take(store, alex, ECR_S_HIGH)
    take(store, alex, ECR_S_LOW)
    report = profile_report.build_profile_report(store, alex)
    assert [row.questionnaire for row in report.assessments.rows] == ["ECR-S", "ECR-S"]
    assert report.assessments.movement is not None
    assert report.assessments.movement.movement.direction == "toward"
    assert {c.subscale for c in report.assessments.changes} == {"anxiety", "avoidance"}


def test_charts_are_drawn_as_png_for_a_pdf_and_svg_for_a_page(store, make_profile):
    alex = make_profile("Alex")
    take(store, alex, ECR_S_HIGH)
    for day in range(10):
        log_moment(store, alex, IN_MARCH + timedelta(days=day))
    as_png = profile_report.build_profile_report(store, alex, drawing="png")
    assert set(as_png.figures) == {"plane", "ratio"}
    assert all(f.png.startswith(b"\x89PNG") and not f.svg for f in as_png.figures.values())
    data, pages = profile_report.report_pdf(as_png)
    reader = PdfReader(io.BytesIO(data))
    assert pages == len(reader.pages) >= 4
    assert sum(len(page.images) for page in reader.pages) == 2
    as_svg = profile_report.build_profile_report(store, alex, drawing="svg")
    plane = as_svg.figures["plane"]
    assert isinstance(plane, Figure)
    assert plane.svg.startswith("<svg")
    assert not plane.png
    assert profile_report.build_profile_report(store, alex).figures == {}


def test_the_unsaid_words_are_counted_and_shown_only_when_asked(store, make_profile):
    alex = make_profile("Alex")
    unsaid_list.note_item(
        store,
        alex,
        UnsaidInput(occurred_at=IN_MARCH, what_happened="The weekend plans", feeling="hurt"),
    )
    counted = profile_report.build_profile_report(store, alex)
    assert counted.practice.unsaid.waiting == 1
    assert "The weekend plans" not in profile_report.report_markdown(counted)
    shown = profile_report.build_profile_report(store, alex, with_unsaid=True)
    assert "- The weekend plans" in profile_report.report_markdown(shown)


def test_a_new_profile_gets_the_short_kind_report(store, make_profile):
    alex = make_profile("Alex")
    report = profile_report.build_profile_report(store, alex, drawing="png")
    assert report.empty
    assert report.figures == {}
    data, pages = profile_report.report_pdf(report)
    assert pages == 1
    assert (
        "nothing recorded for this period yet"
        in PdfReader(io.BytesIO(data)).pages[0].extract_text()
    )


def test_the_therapist_summary_gets_the_same_practice_figures(store, make_profile):
    alex, sam = linked(make_profile, store)
    for day in range(3):
        log_moment(store, alex, IN_MARCH + timedelta(days=day))
    log_moment(store, alex, IN_MARCH, sign="negative")
    log_moment(store, sam, IN_MARCH, sign="negative", shared=True)
    found = summaries.build_therapist_summary(
        store, alex, since=date(2026, 3, 1), until=date(2026, 3, 31), today=TODAY
    )
    assert [(f.label, f.value, f.note) for f in found.practice] == [
        ("5:1 ledger", "3 positive, 1 negative (3.0:1)", "moments logged, positive to negative")
    ]
    assert "## Practice figures" in summaries.summary_markdown(found)
    earlier = summaries.build_therapist_summary(
        store, alex, since=date(2026, 1, 1), until=date(2026, 1, 31), today=TODAY
    )
    assert earlier.practice == ()
