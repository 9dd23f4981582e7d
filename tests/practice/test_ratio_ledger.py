"""The 5:1 ledger's maths on hand-made moments: local days across DST, ISO weeks, empty days,
no negatives, and estimated moments kept apart from logged ones."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from bowlby.errors import InputError
from bowlby.practice.ratio_ledger import (
    InteractionInput,
    InteractionView,
    Tally,
    describe_ratio,
    interaction_draft,
    ratio_by_day,
    ratio_by_week,
    rolling_ratio,
    total_tally,
)

NEW_YORK = ZoneInfo("America/New_York")
WHEN = datetime(2026, 3, 2, 12, tzinfo=UTC)


def moment(when: datetime, sign: str = "positive", source: str = "logged") -> InteractionView:
    return InteractionView(
        id=f"{when.isoformat()}-{sign}",
        owner_name="Alex",
        occurred_at=when,
        updated_at=when,
        shared_with_partner=False,
        shared_with_therapist=False,
        sign=sign,
        kind=None,
        kind_label="",
        note="",
        source=source,
    )


def local(*parts: int, fold: int = 0) -> datetime:
    return datetime(*parts, tzinfo=NEW_YORK, fold=fold)


def test_a_ratio_without_negatives_is_said_honestly_and_never_divides_by_zero():
    six = Tally(positive_logged=6)
    assert six.ratio is None
    assert describe_ratio(six) == "6 positive, none negative"
    assert describe_ratio(Tally(negative_logged=2)) == "none positive, 2 negative"
    assert describe_ratio(Tally(positive_logged=10, negative_logged=2)) == (
        "10 positive, 2 negative (5.0:1)"
    )
    assert describe_ratio(None) == "nothing logged"


def test_empty_days_are_empty_not_zero_to_zero():
    moments = [moment(local(2026, 3, 2, 9)), moment(local(2026, 3, 4, 20), "negative")]
    days = ratio_by_day(moments, NEW_YORK, date(2026, 3, 1), date(2026, 3, 5))
    assert [d.label for d in days] == [
        "2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"
    ]  # fmt: skip
    assert [d.tally for d in days] == [
        None, Tally(positive_logged=1), None, Tally(negative_logged=1), None
    ]  # fmt: skip


def test_spring_forward_day_groups_by_the_local_calendar_day():
    moments = [
        moment(local(2026, 3, 7, 23, 30)),  # Saturday night, EST: 04:30 UTC on the 8th
        moment(local(2026, 3, 8, 1, 30)),  # before the clocks jump
        moment(local(2026, 3, 8, 3, 30), "negative"),  # after: 02:00 to 03:00 never happened
        moment(local(2026, 3, 8, 23, 30)),  # EDT: 03:30 UTC on the 9th
    ]
    days = {
        d.label: d.tally
        for d in ratio_by_day(moments, NEW_YORK, date(2026, 3, 7), date(2026, 3, 9))
    }
    assert days == {
        "2026-03-07": Tally(positive_logged=1),
        "2026-03-08": Tally(positive_logged=2, negative_logged=1),
        "2026-03-09": None,
    }


def test_fall_back_day_counts_both_one_thirties_on_the_same_day():
    moments = [
        moment(local(2026, 11, 1, 1, 30, fold=0)),  # 05:30 UTC, EDT
        moment(local(2026, 11, 1, 1, 30, fold=1)),  # 06:30 UTC, EST, an hour later
        moment(local(2026, 11, 1, 23, 30), "negative"),  # 04:30 UTC on the 2nd
        moment(local(2026, 11, 2, 0, 30)),
    ]
    assert moments[0].occurred_at.astimezone(UTC).hour == 5
    assert moments[1].occurred_at.astimezone(UTC).hour == 6
    days = ratio_by_day(moments, NEW_YORK, date(2026, 11, 1), date(2026, 11, 2))
    assert [d.tally for d in days] == [
        Tally(positive_logged=2, negative_logged=1),
        Tally(positive_logged=1),
    ]


def test_iso_weeks_run_monday_to_sunday_across_the_new_year():
    moments = [
        moment(local(2025, 12, 28, 22)),  # Sunday: 2025-W52
        moment(local(2025, 12, 29, 8)),  # Monday: 2026-W01
        moment(local(2026, 1, 4, 23, 30), "negative"),  # Sunday night, 04:30 UTC on Monday
        moment(local(2026, 1, 5, 0, 30)),  # Monday: 2026-W02
    ]
    weeks = ratio_by_week(moments, NEW_YORK, date(2025, 12, 28), date(2026, 1, 12))
    assert [(w.label, w.first_day.isoformat(), w.tally) for w in weeks] == [
        ("2025-W52", "2025-12-22", Tally(positive_logged=1)),
        ("2026-W01", "2025-12-29", Tally(positive_logged=1, negative_logged=1)),
        ("2026-W02", "2026-01-05", Tally(positive_logged=1)),
        ("2026-W03", "2026-01-12", None),
    ]


def test_the_rolling_window_spans_seven_local_days_and_is_empty_only_when_they_all_are():
    moments = [moment(local(2026, 3, 1, 12))] * 5 + [moment(local(2026, 3, 3, 12), "negative")]
    rolling = rolling_ratio(moments, NEW_YORK, date(2026, 3, 1), date(2026, 3, 10))
    by_day = {r.label: r.tally for r in rolling}
    assert by_day["2026-03-01"] == Tally(positive_logged=5)
    assert by_day["2026-03-07"] == Tally(positive_logged=5, negative_logged=1)
    assert by_day["2026-03-07"].ratio == 5.0
    assert by_day["2026-03-08"] == Tally(negative_logged=1)
    assert by_day["2026-03-10"] is None


def test_estimated_moments_are_counted_apart_and_can_be_left_out():
    moments = [
        moment(WHEN),
        moment(WHEN, "negative"),
        moment(WHEN, source="estimated"),
        moment(WHEN, source="estimated"),
        moment(WHEN, "negative", source="estimated"),
    ]
    tally = total_tally(moments)
    assert tally == Tally(1, 1, 2, 1)
    assert (tally.positive, tally.negative, tally.estimated, tally.ratio) == (3, 2, 3, 1.5)
    assert tally.logged_only() == Tally(positive_logged=1, negative_logged=1)
    assert tally.logged_only().ratio == 1.0


def test_the_input_takes_plus_and_minus_and_checks_the_kind_against_the_sign():
    plus = InteractionInput(occurred_at=WHEN, sign="+", kind="turning toward", note=" hug ")
    draft = interaction_draft(plus)
    assert draft.kind == "interaction"
    assert draft.values == {"sign": "positive", "kind": "turning_toward", "source": "logged"}
    assert draft.text == {"note": "hug"}
    assert InteractionInput(occurred_at=WHEN, sign="-", kind="").kind is None
    with pytest.raises(InputError) as refused:
        InteractionInput(occurred_at=WHEN, sign="-", kind="humour")
    assert refused.value.field == "kind"
    assert refused.value.detail == (
        "'humour' is not a negative kind; choose one of: criticism, contempt, defensiveness, "
        "stonewalling, turning_away."
    )
