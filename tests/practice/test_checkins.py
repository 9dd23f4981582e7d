"""The check-in's pure logic on hand-made data: runs and days across empty days, time zones and
a DST change; the schedule's fields; the calendar file read back by icalendar."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from bowlby import models
from bowlby.errors import InputError
from bowlby.practice import checkin_schedule, checkins
from bowlby.practice.checkin_schedule import ScheduleInput
from bowlby.practice.checkins import (
    CheckinInput,
    DayMark,
    describe_rhythm,
    find_rhythm,
    local_days,
)

BERLIN = ZoneInfo("Europe/Berlin")
TODAY = date(2026, 3, 31)
SET_AT = datetime(2026, 3, 20, 12, tzinfo=UTC)


def days_ago(*backs: int) -> set[date]:
    return {TODAY - timedelta(days=back) for back in backs}


def schedule(at="20:30", zone="Europe/Berlin", weekdays=(), owner="me", shared=True, when=SET_AT):
    made = ScheduleInput(occurred_at=when, at=at, zone=zone, weekdays=list(weekdays))
    return checkin_schedule.ScheduleView(
        id=f"{owner}-{when.isoformat()}",
        owner_id=owner,
        owner_name=owner,
        occurred_at=when,
        updated_at=when,
        shared_with_partner=shared,
        shared_with_therapist=False,
        at=made.at,
        zone=made.zone,
        weekdays=made.weekdays,
    )


# The rhythm -----------------------------------------------------------------------------------


def test_no_check_ins_yet_is_an_invitation_not_a_count():
    rhythm = find_rhythm(set(), TODAY)
    assert (rhythm.current_run, rhythm.last_7, rhythm.last_30, rhythm.total_days) == (0, 0, 0, 0)
    assert len(rhythm.days) == 30
    assert rhythm.days[-1] == DayMark(TODAY, mine=False, partner=False)
    assert describe_rhythm(rhythm) == [
        "No check-ins yet. The first one is the hardest to start; fifteen minutes is enough."
    ]


def test_a_run_counts_today_and_the_days_checked_in_lately():
    rhythm = find_rhythm(days_ago(0, 1, 2, 4, 5, 20, 40), TODAY)
    assert rhythm.current_run == 3
    assert rhythm.run_includes_today
    assert (rhythm.last_7, rhythm.last_30, rhythm.total_days) == (5, 6, 7)
    assert describe_rhythm(rhythm) == [
        "3 days in a row, counting today.",
        "You checked in on 5 of the last 7 days, and 6 of the last 30.",
        "Some days will not have a check-in, and that is all right. What matters is coming "
        "back to it, not a perfect record.",
    ]


def test_the_run_stays_while_today_is_still_open():
    rhythm = find_rhythm(days_ago(1, 2, 3, 4, 5, 6, 7), TODAY)
    assert rhythm.current_run == 7
    assert not rhythm.run_includes_today
    assert describe_rhythm(rhythm)[0] == "7 days in a row up to yesterday. Today is still open."


def test_after_a_day_off_the_run_starts_again_without_blame():
    rhythm = find_rhythm(days_ago(2, 3), TODAY)
    assert rhythm.current_run == 0
    assert describe_rhythm(rhythm)[0] == (
        "A new run starts with your next check-in, whenever you are ready."
    )
    assert find_rhythm(days_ago(0), TODAY).current_run == 1
    assert describe_rhythm(find_rhythm(days_ago(0), TODAY))[0] == "1 day in a row, counting today."


def test_a_full_week_needs_no_gentle_note_and_future_days_do_not_count():
    every_day = days_ago(*range(7)) | {TODAY + timedelta(days=1)}
    rhythm = find_rhythm(every_day, TODAY)
    assert (rhythm.current_run, rhythm.last_7, rhythm.total_days) == (7, 7, 7)
    assert len(describe_rhythm(rhythm)) == 2


def test_the_strip_marks_both_partners_days():
    rhythm = find_rhythm(days_ago(0, 2), TODAY, partner_days=days_ago(0, 1, 45))
    marks = {mark.day: (mark.mine, mark.partner) for mark in rhythm.days}
    assert marks[TODAY] == (True, True)
    assert marks[TODAY - timedelta(days=1)] == (False, True)
    assert marks[TODAY - timedelta(days=2)] == (True, False)
    assert marks[TODAY - timedelta(days=3)] == (False, False)
    assert [mark.day for mark in rhythm.days] == sorted(marks)


@pytest.mark.parametrize(
    "days", [set(), days_ago(0), days_ago(1, 2), days_ago(3, 9, 12), days_ago(*range(0, 30, 2))]
)
def test_the_words_never_shame(days):
    words = " ".join(describe_rhythm(find_rhythm(days, TODAY))).lower()
    for unkind in ("fail", "broke", "streak", "missed", "lost", "only ", "should"):
        assert unkind not in words


def test_days_are_local_dates_across_the_spring_dst_change():
    # Berlin moves from UTC+1 to UTC+2 on 29 March 2026: 20:30 local is 19:30Z, then 18:30Z.
    evenings = [datetime(2026, 3, d, 19, 30, tzinfo=UTC) for d in (26, 27, 28)] + [
        datetime(2026, 3, d, 18, 30, tzinfo=UTC) for d in (29, 30, 31)
    ]
    days = local_days(evenings, BERLIN)
    assert days == {date(2026, 3, d) for d in range(26, 32)}
    assert find_rhythm(days, TODAY).current_run == 6
    # 23:30 on the night of the change is 21:30Z: still the 29th in Berlin.
    assert local_days([datetime(2026, 3, 29, 21, 30, tzinfo=UTC)], BERLIN) == {date(2026, 3, 29)}


def test_the_same_moment_is_a_different_day_in_another_zone():
    late = datetime(2026, 6, 1, 23, 30, tzinfo=UTC)
    assert local_days([late], ZoneInfo("Asia/Tokyo")) == {date(2026, 6, 2)}
    assert local_days([late], ZoneInfo("America/Los_Angeles")) == {date(2026, 6, 1)}
    assert local_days([late], UTC) == {date(2026, 6, 1)}


def test_a_check_in_just_after_midnight_counts_for_the_new_day():
    days = local_days(
        [datetime(2026, 3, 30, 20, tzinfo=UTC), datetime(2026, 3, 30, 22, 10, tzinfo=UTC)],
        BERLIN,
    )
    assert days == {date(2026, 3, 30), date(2026, 3, 31)}


# The answers ------------------------------------------------------------------------------------


def test_answers_are_text_and_the_minutes_a_plain_value():
    answers = CheckinInput(
        occurred_at=SET_AT,
        feeling_word="  tired  ",
        feeling_note="long week",
        appreciation="you made dinner",
        need="",
        minutes=14,
        shared_with_partner=True,
    )
    draft = checkins.checkin_draft(answers)
    assert draft.kind == "checkin"
    assert draft.values == {"minutes": 14}
    assert draft.text == {
        "feeling_word": "tired",
        "feeling_note": "long week",
        "appreciation": "you made dinner",
    }
    entry = models.Entry(
        **draft.model_dump(),
        id="e1",
        owner_id="p1",
        owner_name="Alex",
        created_at=SET_AT,
        updated_at=SET_AT,
    )
    view = checkins.checkin_view(entry)
    assert (view.feeling_word, view.need, view.minutes, view.owner_id) == ("tired", "", 14, "p1")


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"feeling_word": "  "}, "feeling_word", "Write one word for how you feel."),
        ({"feeling_word": "x" * 41}, "feeling_word", "Keep the feeling to one short word"),
        ({"minutes": 181}, "minutes", "Write the minutes it took as a whole number from 0"),
        ({"minutes": -1}, "minutes", "Write the minutes it took"),
    ],
)
def test_answers_that_cannot_be_saved_name_their_field(values, field, message):
    with pytest.raises(InputError) as raised:
        CheckinInput(occurred_at=SET_AT, **{"feeling_word": "calm", **values})
    assert raised.value.field == field
    assert raised.value.detail.startswith(message)


def test_check_ins_of_one_local_day():
    early = datetime(2026, 3, 30, 22, 30, tzinfo=UTC)  # 00:30 on the 31st in Berlin
    views = [
        schedule_free_view("a", early + timedelta(hours=20)),
        schedule_free_view("b", early),
        schedule_free_view("c", early - timedelta(hours=3)),
    ]
    assert [v.id for v in checkins.checkins_on(views, date(2026, 3, 31), BERLIN)] == ["b", "a"]


def schedule_free_view(view_id: str, when: datetime) -> checkins.CheckinView:
    return checkins.CheckinView(
        id=view_id,
        owner_id="p1",
        owner_name="Alex",
        occurred_at=when,
        updated_at=when,
        shared_with_partner=False,
        shared_with_therapist=False,
        feeling_word="calm",
        feeling_note="",
        appreciation="",
        logistics="",
        need="",
        minutes=None,
    )


# The schedule ---------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["25:00", "20:60", "8pm", "", "2030", "20:3", "-1:00"])
def test_a_malformed_time_is_a_clear_error_on_its_field(bad):
    with pytest.raises(InputError) as raised:
        ScheduleInput(occurred_at=SET_AT, at=bad, zone="Europe/Berlin")
    assert raised.value.field == "at"
    assert raised.value.message == (
        "field 'at': Write the time as hours and minutes, like 20:30 (00:00 to 23:59)."
    )


def test_schedule_fields_are_tidied():
    made = ScheduleInput(
        occurred_at=SET_AT, at=" 8:05", zone="Europe/Berlin", weekdays=["Fri", "monday", "fri"]
    )
    assert (made.at, made.weekdays) == ("08:05", ["mon", "fri"])
    every = ScheduleInput(occurred_at=SET_AT, at="20:30", zone="UTC", weekdays=["", " "])
    assert every.weekdays == []
    all_seven = ScheduleInput(
        occurred_at=SET_AT, at="20:30", zone="UTC", weekdays=list(checkin_schedule.WEEKDAYS)
    )
    assert all_seven.weekdays == []
    assert schedule().description == "20:30 every day (Europe/Berlin)"
    assert schedule(weekdays=["mon", "thu"]).description == "20:30 on Mon, Thu (Europe/Berlin)"


def test_unknown_zones_and_days_name_their_field():
    with pytest.raises(InputError) as zone:
        ScheduleInput(occurred_at=SET_AT, at="20:30", zone="Mars/Olympus")
    assert zone.value.field == "zone"
    assert "'Mars/Olympus' is not a known time zone" in zone.value.message
    with pytest.raises(InputError) as day:
        ScheduleInput(occurred_at=SET_AT, at="20:30", zone="UTC", weekdays=["someday"])
    assert day.value.field == "weekdays"


def test_the_couple_schedule_is_the_newest_both_can_see():
    later = SET_AT + timedelta(days=2)
    mine_shared = schedule(at="20:00", owner="me", when=SET_AT)
    theirs = schedule(at="21:00", owner="them", when=SET_AT + timedelta(days=1))
    mine_private = schedule(at="07:00", owner="me", shared=False, when=later)
    every = [mine_shared, theirs, mine_private]
    assert checkin_schedule.couple_schedule(every, "me", linked=True) == theirs
    assert (
        checkin_schedule.couple_schedule([mine_shared, mine_private], "me", linked=True)
        == mine_shared
    )
    assert checkin_schedule.couple_schedule([mine_private], "me", linked=True) == mine_private
    assert checkin_schedule.couple_schedule([mine_shared, mine_private], "me", linked=False) == (
        mine_private
    )
    assert checkin_schedule.couple_schedule([], "me", linked=True) is None


def test_reminders_keep_the_local_time_across_dst():
    found = checkin_schedule.next_reminders(schedule(), datetime(2026, 3, 27, 12, tzinfo=UTC), 4)
    assert found == [
        datetime(2026, 3, 27, 19, 30, tzinfo=UTC),
        datetime(2026, 3, 28, 19, 30, tzinfo=UTC),
        datetime(2026, 3, 29, 18, 30, tzinfo=UTC),
        datetime(2026, 3, 30, 18, 30, tzinfo=UTC),
    ]
    # Just after today's time, the next one is tomorrow's.
    after = checkin_schedule.next_reminders(
        schedule(), datetime(2026, 3, 27, 19, 31, tzinfo=UTC), 1
    )
    assert after == [datetime(2026, 3, 28, 19, 30, tzinfo=UTC)]


def test_reminders_only_on_the_chosen_days():
    # 27 March 2026 is a Friday.
    found = checkin_schedule.next_reminders(
        schedule(weekdays=["mon", "fri"]), datetime(2026, 3, 27, 12, tzinfo=UTC), 3
    )
    assert [when.astimezone(BERLIN).strftime("%a %d") for when in found] == [
        "Fri 27",
        "Mon 30",
        "Fri 03",
    ]


# The calendar file ------------------------------------------------------------------------------


def read_event(content: bytes):
    calendar = Calendar.from_ical(content)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return calendar, events[0]


def test_the_calendar_file_reads_back_with_time_zone_rule_alarm_and_duration():
    content = checkin_schedule.checkin_calendar(
        schedule(weekdays=["mon", "wed"]), "couple-seed", SET_AT + timedelta(days=3)
    )
    calendar, event = read_event(content)
    start = event.decoded("dtstart")
    assert (start.hour, start.minute) == (20, 30)
    assert start.tzinfo is not None
    assert str(event["dtstart"].params["TZID"]) == "Europe/Berlin"
    assert start.date() == date(2026, 3, 23)  # the first Monday or Wednesday from 20 March
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert event.decoded("duration") == timedelta(minutes=15)
    rule = event["rrule"]
    assert rule["FREQ"] == ["WEEKLY"]
    assert rule["BYDAY"] == ["MO", "WE"]
    [alarm] = event.walk("VALARM")
    assert str(alarm["action"]) == "DISPLAY"
    assert alarm.decoded("trigger") == timedelta(minutes=-10)
    assert str(alarm["description"]) == "Check-in in 10 minutes"
    assert str(event["summary"]) == "Check-in"
    assert event.decoded("dtstamp") == SET_AT + timedelta(days=3)


def test_every_day_is_a_daily_rule_and_the_uid_is_stable():
    first = checkin_schedule.checkin_calendar(schedule(), "couple-seed", SET_AT)
    again = checkin_schedule.checkin_calendar(schedule(at="21:15"), "couple-seed", SET_AT)
    other = checkin_schedule.checkin_calendar(schedule(), "someone-else", SET_AT)
    _, event = read_event(first)
    assert event["rrule"]["FREQ"] == ["DAILY"]
    assert "BYDAY" not in event["rrule"]
    assert event.decoded("dtstart").date() == date(2026, 3, 20)
    uid = str(event["uid"])
    assert uid == str(read_event(again)[1]["uid"])
    assert uid != str(read_event(other)[1]["uid"])
    assert "couple-seed" not in first.decode()
    assert read_event(again)[1].decoded("dtstart").strftime("%H:%M") == "21:15"


def test_the_calendar_words_reveal_nothing_private():
    text = checkin_schedule.checkin_calendar(schedule(), "seed", SET_AT).decode().lower()
    assert "summary:check-in" in text
    for private in ("bowlby", "attachment", "partner", "anxious", "therap", "relationship"):
        assert private not in text
