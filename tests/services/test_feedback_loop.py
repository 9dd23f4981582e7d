"""The feedback loop through its use case, on both databases: built from the person's own
records only (a partner's shared records and another person's never count), in their zone,
and never hidden by safety mode (only the coaching is paused)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

import pytest

from bowlby import models
from bowlby.errors import InputError
from bowlby.journal.successes import SuccessInput
from bowlby.practice.soothing import SoothingInput
from bowlby.services import feedback_loop as service
from bowlby.services import journal, safety, sharing, soothing

BERLIN = ZoneInfo("Europe/Berlin")
FIRST = date(2026, 2, 2)
# Five weeks of anxiety ratings: 7 on a day after a success moment, 4 otherwise, so that the
# planted lower anxiety after safe days is clear even with whole-number ratings.
SAFE_DAYS = {1, 4, 6, 9, 12, 13, 17, 20, 22, 25, 27, 30, 33}
DAYS = 35


def planted_ratings(days: int = DAYS) -> list[int]:
    """Today's rating: lower (3) the day after a safe response, else 6, with a small wobble."""
    return [3 if n - 1 in SAFE_DAYS else 6 + (n % 3 == 0) for n in range(days)]


def seed_days(
    store,
    keyring: models.Keyring,
    zone: tzinfo,
    *,
    days: int = DAYS,
    first: date = FIRST,
    shared: bool = False,
) -> None:
    """A self-soothing session rated before each day at 20:00 local time, and a success
    moment at 21:00 on the safe days."""
    for n, rating in enumerate(planted_ratings(days)):
        evening = datetime.combine(first + timedelta(days=n), time(20), tzinfo=zone)
        soothing.record_session(
            store,
            keyring,
            SoothingInput(
                occurred_at=evening,
                exercise="breathing_478",
                anxiety_before=rating,
                anxiety_after=max(0, rating - 2),
                shared_with_partner=shared,
            ),
        )
        if n in SAFE_DAYS:
            journal.record_success(
                store,
                keyring,
                SuccessInput(
                    occurred_at=evening + timedelta(hours=1),
                    what_happened="came home when they said",
                    quality="reliable",
                    shared_with_partner=shared,
                ),
            )


def partners(store, make_profile) -> tuple[models.Keyring, models.Keyring]:
    alex, sam = make_profile("Alex"), make_profile("Sam")
    code = sharing.create_invitation(store, alex, models.LinkRole.PARTNER)
    sharing.accept_invitation(store, sam, code)
    return alex, sam


def test_the_persons_own_days_give_the_planted_estimate(store, make_profile):
    alex = make_profile("Alex")
    seed_days(store, alex, BERLIN)
    found = service.feedback_loop(store, alex, BERLIN, today=FIRST + timedelta(days=60))
    assert (found.series[0].day, found.series[-1].day) == (FIRST, FIRST + timedelta(days=34))
    assert found.series[1].safe_sources == ["success"]
    estimate = found.estimate
    assert (estimate.days_used, estimate.safe_days, estimate.verdict) == (34, 13, "lower")
    assert estimate.effect == pytest.approx(-3, abs=0.5)
    assert not found.coaching_paused


def test_a_partners_shared_records_never_feed_my_loop(store, make_profile):
    alex, sam = partners(store, make_profile)
    seed_days(store, sam, BERLIN, shared=True)
    assert len(soothing.list_sessions(store, alex, whose="shared")) == DAYS
    mine = service.feedback_loop(store, alex, BERLIN, today=FIRST + timedelta(days=40))
    assert mine.series == []
    assert mine.estimate.verdict == "not_enough"
    assert service.feedback_loop(store, sam, BERLIN).estimate.verdict == "lower"


def test_another_persons_records_are_never_read(store, make_profile):
    alex, robin = make_profile("Alex"), make_profile("Robin")
    seed_days(store, robin, BERLIN)
    seed_days(store, alex, BERLIN, days=10)
    found = service.feedback_loop(store, alex, BERLIN, today=FIRST + timedelta(days=40))
    assert len(found.series) == 10
    assert [s.what for s in found.estimate.shortfalls] == ["days", "safe_days"]


def test_records_after_today_wait_and_the_zone_decides_the_day(store, make_profile):
    alex = make_profile("Alex")
    seed_days(store, alex, BERLIN)
    early = service.feedback_loop(store, alex, BERLIN, today=FIRST + timedelta(days=20))
    assert early.series[-1].day == FIRST + timedelta(days=20)
    assert early.estimate.shortfalls[0].have == 20
    # 20:00 in Berlin is already 04:00 the next day in Tokyo.
    tokyo = service.feedback_loop(store, alex, ZoneInfo("Asia/Tokyo"), today=date(2026, 4, 1))
    assert tokyo.series[0].day == FIRST + timedelta(days=1)


def test_safety_mode_keeps_the_data_and_pauses_only_the_coaching(store, make_profile):
    alex = make_profile("Alex")
    seed_days(store, alex, BERLIN)
    safety.set_safety_mode(store, alex, on=True)
    found = service.feedback_loop(store, alex, BERLIN, lag_days=3, today=date(2026, 4, 1))
    assert found.coaching_paused
    assert found.estimate.lag_days == 3
    assert found.estimate.effect is not None


def test_only_lags_of_one_or_three_days(store, make_profile):
    alex = make_profile("Alex")
    with pytest.raises(InputError) as refused:
        service.feedback_loop(store, alex, BERLIN, lag_days=7)
    assert refused.value.field == "lag"
