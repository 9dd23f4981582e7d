"""The daily series of the feedback loop, built from hand-made records: which ratings feed a
day's anxiety, what counts as a safe response, and local days across a DST change."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bowlby import models
from bowlby.dynamics.feedback_loop import daily_series, day_anxiety, until_day

NEW_YORK = ZoneInfo("America/New_York")
NOW = datetime(2026, 3, 1, tzinfo=UTC)


def entry(kind: str, when: datetime, **values: models.PlainValue) -> models.Entry:
    return models.Entry(
        id=f"{kind}-{when.isoformat()}",
        owner_id="alex",
        owner_name="Alex",
        kind=kind,
        occurred_at=when,
        values=values,
        created_at=NOW,
        updated_at=NOW,
    )


def local(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=NEW_YORK)


def window(when: datetime, response: str) -> models.Entry:
    return entry("vulnerability_window", when, discomfort_before=5, partner_response=response)


def test_a_days_anxiety_is_the_mean_over_sources_of_each_sources_mean():
    assert day_anxiety({"trigger": [8, 8, 8, 8], "soothing": [2]}) == 5
    assert day_anxiety({"trigger": []}) is None
    series = daily_series(
        [
            entry("trigger", local(2, 9), strength=9),
            entry("trigger", local(2, 21), strength=7),
            entry("soothing", local(2, 22), anxiety_before=4, anxiety_after=1),
            entry("vulnerability_window", local(2, 12), discomfort_before=6, discomfort_after=9),
        ],
        NEW_YORK,
    )
    assert len(series) == 1
    only = series[0]
    assert (only.day, only.anxiety) == (date(2026, 3, 2), 6.0)  # (8 + 4 + 6) / 3
    assert only.anxiety_sources == ["soothing", "trigger", "vulnerability_window"]


def test_safe_responses_follow_the_rule_kept_as_data():
    series = daily_series(
        [
            window(local(2, 9), "toward"),
            window(local(3, 9), "away"),
            window(local(4, 9), "neutral"),
            entry("success", local(4, 20), quality="caring"),
            entry("repair", local(5, 22), status="open", intensity=6),
            entry(
                "repair", local(5, 23), status="repaired", intensity=7,
                repaired_at=local(7, 8).astimezone(UTC).isoformat(),
            ),
        ],
        NEW_YORK,
    )  # fmt: skip
    found = {d.day.day: (d.safe_responses, d.safe_sources) for d in series}
    assert found == {
        2: (1, ["vulnerability_window"]),
        3: (0, []),
        4: (1, ["success"]),
        5: (0, []),
        6: (0, []),
        7: (1, ["repair"]),  # counted on the day of the repair, not of the rupture
    }
    assert [d.anxiety for d in series] == [5, 5, 5, None, None, None]


def test_every_calendar_day_is_there_and_local_days_hold_across_dst():
    # New York's clocks jump from 02:00 to 03:00 on Sunday 8 March 2026: a 23-hour day.
    records = [
        entry("trigger", local(7, 23, 30), strength=4),
        entry("trigger", local(8, 0, 30), strength=6),
        entry("trigger", local(8, 23, 30), strength=8),
        entry("trigger", local(9, 0, 15), strength=2),
        entry("trigger", local(11, 12), strength=3),
    ]
    series = daily_series(records, NEW_YORK)
    assert [(d.day.day, d.anxiety) for d in series] == [
        (7, 4),
        (8, 7),  # 00:30 and 23:30 both on the 8th, though only 22 hours apart
        (9, 2),
        (10, None),
        (11, 3),
    ]
    assert [b.day - a.day for a, b in itertools.pairwise(series)] == [timedelta(days=1)] * 4
    # The same moments read in UTC fall on other days: the zone decides.
    assert [d.day.day for d in daily_series(records, ZoneInfo("UTC"))] == [8, 9, 10, 11]


def test_records_without_a_rating_and_other_kinds_are_left_out():
    series = daily_series(
        [
            entry("journal", local(2, 9), mood=9),
            entry("trigger", local(3, 9)),
            entry("soothing", local(4, 9), anxiety_before=True),
        ],
        NEW_YORK,
    )
    assert series == []


def test_until_day_drops_later_days():
    series = daily_series(
        [entry("trigger", local(2, 9), strength=3), entry("trigger", local(5, 9), strength=5)],
        NEW_YORK,
    )
    assert [d.day.day for d in until_day(series, date(2026, 3, 3))] == [2, 3]
