"""The daily check-in through the pages and the API: the script form with its timer, errors
beside their field, today side by side, the couple's time and its calendar file, who may read
what, and the pause in safety mode."""

from __future__ import annotations

import re

import pytest
from icalendar import Calendar

from bowlby.services.records import PAUSED_FOR_SAFETY
from tests.web.test_safety_pages import safety_mode_on

HOME = "/practice/checkins"
ANSWERS = {
    "feeling_word": "hopeful",
    "feeling_note": "the week <b>eased</b>",
    "appreciation": "you made tea",
    "logistics": "bins on Thursday",
    "need": "a quiet morning",
    "minutes": "14",
}


def notice(html: str) -> str:
    found = re.search(r'<p class="notice" role="status">([^<]*)</p>', html)
    return found.group(1) if found else ""


def check_in(person, **changes):
    response = person.page_post(HOME, HOME, {**ANSWERS, **changes})
    assert response.status_code == 303, response.text
    assert response.headers["location"] == f"{HOME}#today"
    return response


def today_section(html: str) -> str:
    return html[html.index('id="today"') : html.index('id="rhythm-heading"')]


@pytest.mark.parametrize("url", [HOME, f"{HOME}/day", f"{HOME}/day?day=2026-03-29"])
def test_the_pages_open_signed_in_and_send_others_to_sign_in(people, client, url):
    alex = people.add("Alex")
    page = alex.get(url)
    assert page.status_code == 200, page.text
    assert '<link rel="stylesheet" href="/static/practice_checkins.css">' in page.text
    assert client.get(url).headers["location"] == "/signin"


def test_an_empty_page_offers_the_timer_the_script_and_a_time(people):
    html = people.add("Alex").get(HOME).text
    assert 'id="timer" aria-labelledby="timer-heading" data-minutes="15"' in html
    assert '<span id="timer-left">15:00</span>' in html
    assert '<div class="timer-buttons" hidden>' in html  # JavaScript shows them
    for title in ("How I feel", "One appreciation", "One practical thing", "One need for tomorrow"):
        assert title in html
    assert 'name="minutes" type="number" min="0" max="180" inputmode="numeric" value="15"' in html
    assert "Share with my partner, for our shared summary" in html
    assert "No check-ins yet. The first one is the hardest to start" in html
    assert "You are not linked with a partner, so this shows your own answers." in html
    assert 'name="at" type="time" value="20:30"' in html
    assert "No check-in time yet." in html
    assert "calendar.ics" not in html
    assert 'style="' not in html
    assert "onclick" not in html


def test_a_check_in_is_saved_and_shown_for_today(people):
    alex = people.add("Alex")
    saved = check_in(alex)
    page = alex.get(saved.headers["location"]).text
    assert notice(page) == "Check-in saved. Only you can read this entry."
    today = today_section(page)
    assert '<strong class="feeling-word">hopeful</strong>' in today
    assert "the week &lt;b&gt;eased&lt;/b&gt;" in today
    assert "bins on Thursday" in today
    assert "14 min" in today
    assert "1 day in a row, counting today." in page
    assert 'class="day day-mine"' in page


def test_a_missing_feeling_word_keeps_what_was_typed(people):
    alex = people.add("Alex")
    response = alex.page_post(HOME, HOME, {**ANSWERS, "feeling_word": "  "})
    assert response.status_code == 422
    assert (
        '<p class="field-error" id="feeling_word-error">Write one word for how you feel.</p>'
        in (response.text)
    )
    assert 'aria-invalid="true" aria-describedby="feeling_word-error"' in response.text
    assert "you made tea</textarea>" in response.text
    wrong = alex.page_post(HOME, HOME, {**ANSWERS, "minutes": "a while"})
    assert wrong.status_code == 422
    assert 'id="minutes-error">Write the minutes it took as a whole number from 0 to 180.' in (
        wrong.text
    )
    assert 'value="a while"' in wrong.text


def test_a_malformed_time_is_shown_beside_its_field(people):
    alex = people.add("Alex")
    response = alex.page_post(HOME, f"{HOME}/schedule", {"at": "25:00", "zone": "Europe/Berlin"})
    assert response.status_code == 422
    assert (
        '<p class="field-error" id="at-error">Write the time as hours and minutes, like 20:30 '
        "(00:00 to 23:59).</p>"
    ) in response.text
    assert 'name="at" type="time" value="25:00"' in response.text
    zone = alex.page_post(HOME, f"{HOME}/schedule", {"at": "20:30", "zone": "Nowhere/Town"})
    assert zone.status_code == 422
    assert "&#39;Nowhere/Town&#39; is not a known time zone" in zone.text


def test_the_couple_time_reaches_both_with_its_reminder_and_calendar(people, client):
    alex, sam = people.couple()
    data = {"at": "20:30", "zone": "Europe/Berlin", "weekdays": ["mon", "thu"]}
    response = alex.page_post(HOME, f"{HOME}/schedule", {**data, "share_partner": "true"})
    assert response.headers["location"] == f"{HOME}#schedule"
    assert notice(alex.get(HOME).text) == (
        "Check-in time set: 20:30 on Mon, Thu (Europe/Berlin). Shared with your partner."
    )
    html = sam.get(HOME).text
    assert "Your check-in time is <strong>20:30 on Mon, Thu (Europe/Berlin)</strong>" in html
    assert "your time as a couple (set by Alex)" in html
    assert 'data-at="20:30" data-zone="Europe/Berlin" data-days="mon,thu"' in html
    nexts = re.search(r'data-next="([^"]+)"', html).group(1).split()
    assert len(nexts) == 8
    assert all(when.endswith("+00:00") for when in nexts)
    download = sam.get(f"{HOME}/calendar.ics")
    assert download.status_code == 200
    assert download.headers["content-type"].startswith("text/calendar")
    assert 'filename="checkins.ics"' in download.headers["content-disposition"]
    [event] = Calendar.from_ical(download.content).walk("VEVENT")
    assert event["rrule"]["BYDAY"] == ["MO", "TH"]
    [alexs] = Calendar.from_ical(alex.get(f"{HOME}/calendar.ics").content).walk("VEVENT")
    assert str(alexs["uid"]) == str(event["uid"])
    assert client.get(f"{HOME}/calendar.ics").headers["location"] == "/signin"


def test_no_calendar_file_before_a_time_is_set(people):
    response = people.add("Alex").get(f"{HOME}/calendar.ics")
    assert response.status_code == 404
    assert "There is no check-in time yet." in response.text


def test_the_partner_sees_only_the_shared_check_in(people):
    alex, sam = people.couple()
    check_in(alex, feeling_word="hopeful", share_partner="true")
    check_in(alex, feeling_word="secretly-sad")
    check_in(sam, feeling_word="tired", share_partner="true")
    sams = today_section(sam.get(HOME).text)
    assert 'aria-label="Alex"' in sams
    assert "hopeful" in sams
    assert "secretly-sad" not in sams
    assert "tired" in sams
    day = sam.get(f"{HOME}/day").text
    assert "hopeful" in day
    assert "secretly-sad" not in day
    mine = sam.send("GET", "/api/practice/checkins").json()
    assert [c["feeling_word"] for c in mine["today"]["partner"]] == ["hopeful"]
    assert mine["partner_name"] == "Alex"


def test_another_persons_check_in_cannot_be_read(people):
    alex, sam = people.couple()
    robin = people.add("Robin")
    private = alex.send("POST", "/api/practice/checkins", body(feeling_word="private"))
    shared = alex.send("POST", "/api/practice/checkins", body(shared_with_partner=True))
    assert private.status_code == shared.status_code == 201
    private_id, shared_id = private.json()["id"], shared.json()["id"]
    assert sam.get(f"/api/practice/checkins/{shared_id}").status_code == 200
    for person, checkin_id in ((sam, private_id), (robin, shared_id), (robin, private_id)):
        response = person.get(f"/api/practice/checkins/{checkin_id}")
        assert response.status_code == 404
        assert "private" not in response.text


def body(**changes):
    return {
        "occurred_at": "2026-03-31T18:30:00+00:00",
        "feeling_word": "calm",
        "appreciation": "the walk",
        "minutes": 12,
        **changes,
    }


def schedule_body(at: str):
    return {"occurred_at": "2026-03-31T18:30:00+00:00", "at": at, "zone": "Europe/Berlin"}


def test_the_api_saves_with_the_risk_check_and_refuses_bad_times(people):
    alex = people.add("Alex")
    saved = alex.send("POST", "/api/practice/checkins", body(need="I can't go on like this"))
    assert saved.status_code == 201, saved.text
    assert saved.json()["minutes"] == 12
    assert saved.json()["safety"]["signals"]
    bad = alex.send("POST", "/api/practice/checkins/schedule", schedule_body("7pm"))
    assert bad.status_code == 422
    assert "field 'at': Write the time as hours and minutes" in bad.text
    made = alex.send("POST", "/api/practice/checkins/schedule", schedule_body("7:05"))
    assert made.status_code == 201, made.text
    assert made.json()["description"] == "07:05 every day (Europe/Berlin)"
    assert alex.get("/api/practice/checkins/schedule").json()["at"] == "07:05"
    day = alex.get("/api/practice/checkins/day", params={"day": "2026-03-31"}).json()
    assert [c["need"] for c in day["summary"]["mine"]] == ["I can't go on like this"]


def test_risky_words_in_a_check_in_bring_the_calm_safety_box(people):
    alex = people.add("Alex")
    check_in(alex, need="I can't go on like this")
    page = alex.get(HOME).text
    assert "safety-note" in page


def test_safety_mode_pauses_the_check_in(people):
    alex, _ = people.couple()
    check_in(alex, feeling_word="before")
    alex.page_post(HOME, f"{HOME}/schedule", {"at": "20:30", "zone": "UTC"})
    safety_mode_on(alex)
    html = alex.get(HOME).text
    assert PAUSED_FOR_SAFETY in html
    assert 'href="/practice/soothing"' in html
    assert 'action="/practice/checkins"' not in html
    assert 'action="/practice/checkins/schedule"' not in html
    assert "remind-here" not in html
    assert "before" in today_section(html)  # what was written stays readable
    refused = alex.page_post(f"{HOME}/day", HOME, ANSWERS)
    assert refused.status_code == 403
    api = alex.send("POST", "/api/practice/checkins", body())
    assert api.status_code == 403
    assert api.json()["error"]["code"] == "paused_for_safety"
    assert alex.get(f"{HOME}/calendar.ics").status_code == 403
    assert alex.send("GET", "/api/practice/checkins").json()["paused_for_safety"] is True
