"""Repair in the pages and through the API: log a rupture, add its repair to the same entry,
open ones shown with their age, the phrase page, a partner's view, safety mode, sign-in."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from tests.web.test_safety_pages import safety_mode_on

PAGE = "/practice/repairs"
PHRASES = "/practice/repairs/phrases"


def rupture_via_api(person, what="door slammed", shared=False, hours_ago=3):
    when = (datetime.now(UTC) - timedelta(hours=hours_ago)).isoformat()
    body = {
        "occurred_at": when,
        "what_happened": what,
        "intensity": 6,
        "shared_with_partner": shared,
    }
    made = person.send("POST", "/api/practice/repairs", body)
    assert made.status_code == 201, made.text
    return made.json()


def test_a_rupture_from_the_page_is_open_with_its_age(people):
    alex = people.add("Alex")
    html = alex.get(PAGE).text
    assert f'href="{PHRASES}"' in html
    saved = alex.page_post(PAGE, PAGE, {"what_happened": "argued about money", "intensity": "7"})
    assert saved.status_code == 303
    page = alex.get(PAGE).text
    assert "Logged. When you have come back together, add the repair here." in page
    assert "argued about money" in page
    assert re.search(r"Open for (less than a minute|\d+ minutes?) so far", page)
    listed = alex.get("/api/practice/repairs").json()
    assert [r["is_open"] for r in listed["open"]] == [True]
    assert listed["repaired"] == []
    assert listed["trend"] == []


def test_the_repair_updates_the_same_rupture_and_shows_its_time(people):
    alex = people.add("Alex")
    rupture = rupture_via_api(alex, hours_ago=3)
    url = f"{PAGE}/{rupture['id']}"
    form = alex.get(url).text
    assert "How did you repair it?" in form
    done = alex.page_post(
        url,
        url,
        {"how": ["apology", "validation"], "initiated_by": "both", "note": "tea on the balcony"},
    )
    assert done.status_code == 303, done.text
    page = alex.get(PAGE).text
    assert re.search(
        r"Repaired in (2 hours 59 minutes|3 hours)\. That coming-back is the skill\.", page
    )
    assert "apology, validation · started by both of us" in page
    assert "Nothing open." in page
    entry = alex.get(f"/api/journal/entries/{rupture['id']}")
    assert entry.status_code == 200, entry.text
    assert len(entry.json()["history"]) == 1  # the rupture as first logged


def test_a_repair_before_the_rupture_is_refused_next_to_its_field(people):
    alex = people.add("Alex")
    rupture = rupture_via_api(alex, hours_ago=1)
    url = f"{PAGE}/{rupture['id']}"
    refused = alex.page_post(
        url,
        url,
        {
            "how": ["apology"],
            "initiated_by": "me",
            "repaired_at": "2001-01-01T10:00",
            "note": "kept",
        },
    )
    assert refused.status_code == 422
    assert 'id="repaired_at-error"' in refused.text
    assert "the repair cannot come before the rupture" in refused.text
    assert 'value="kept"' in refused.text
    nothing = alex.page_post(url, url, {"initiated_by": "me"})
    assert nothing.status_code == 422
    assert "Tick at least one way you repaired it." in nothing.text
    api = alex.send(
        "PUT",
        f"/api/practice/repairs/{rupture['id']}/repair",
        {"repaired_at": "2001-01-01T10:00:00Z", "how": ["apology"], "initiated_by": "me"},
    )
    assert api.status_code == 422
    assert api.json()["error"]["field"] == "repaired_at"
    empty = alex.page_post(PAGE, PAGE, {"what_happened": " ", "intensity": "3"})
    assert empty.status_code == 422
    assert "Write a few words about what happened." in empty.text


def test_the_api_repair_and_the_trend(people):
    alex = people.add("Alex")
    rupture = rupture_via_api(alex, hours_ago=2)
    repaired_at = datetime.fromisoformat(rupture["occurred_at"]) + timedelta(minutes=40)
    done = alex.send(
        "PUT",
        f"/api/practice/repairs/{rupture['id']}/repair",
        {
            "repaired_at": repaired_at.isoformat(),
            "how": ["reconnection"],
            "initiated_by": "partner",
        },
    )
    assert done.status_code == 200, done.text
    assert done.json()["minutes_to_repair"] == 40
    trend = alex.get("/api/practice/repairs").json()["trend"]
    assert [(t["median"], t["repaired"]) for t in trend] == [("40 minutes", 1)]


def test_a_partner_sees_only_shared_ruptures_and_cannot_repair_them(people):
    alex, sam = people.couple()
    rupture_via_api(alex, what="private rupture")
    shared = rupture_via_api(alex, what="shared rupture", shared=True)
    done = alex.send(
        "PUT",
        f"/api/practice/repairs/{shared['id']}/repair",
        {
            "repaired_at": datetime.now(UTC).isoformat(),
            "how": ["apology"],
            "initiated_by": "partner",
        },
    )
    assert done.status_code == 200, done.text
    page = sam.get(PAGE).text
    assert "apology · started by you" in page
    assert "shared rupture" in page
    assert "private rupture" not in page
    url = f"{PAGE}/{shared['id']}"
    assert sam.get(url).status_code == 404
    assert (
        sam.send(
            "PUT",
            f"/api/practice/repairs/{shared['id']}/repair",
            {
                "repaired_at": datetime.now(UTC).isoformat(),
                "how": ["apology"],
                "initiated_by": "me",
            },
        ).status_code
        == 404
    )


def test_another_persons_rupture_is_not_readable(people):
    alex, robin = people.add("Alex"), people.add("Robin")
    private = rupture_via_api(alex)
    assert robin.get(f"{PAGE}/{private['id']}").status_code == 404
    assert robin.get(f"/api/practice/repairs/{private['id']}").status_code == 404
    assert "door slammed" not in robin.get(PAGE).text


def test_the_phrase_page_is_reachable_from_the_repair_and_ledger_pages(people):
    alex = people.add("Alex")
    assert f'href="{PHRASES}"' in alex.get("/practice/ratio").text
    html = alex.get(PHRASES).text
    for title in (
        "I feel…",
        "Sorry…",
        "Getting to yes…",
        "I need to calm down…",
        "Stop!",
        "I appreciate…",
    ):
        assert title in html
    assert "I need twenty minutes to calm down. I&#39;ll come back, I promise." in html
    api = alex.get("/api/practice/repairs/phrases").json()
    assert [p["id"] for p in api["purposes"]] == [
        "feel",
        "sorry",
        "yes",
        "calm",
        "stop",
        "appreciate",
    ]


def test_safety_mode_pauses_repair_and_its_phrases(people):
    alex = people.add("Alex")
    rupture = rupture_via_api(alex)
    safety_mode_on(alex)
    for url in (PAGE, PHRASES, f"{PAGE}/{rupture['id']}"):
        html = alex.get(url).text
        assert "While safety mode is on, Bowlby pauses" in html, url
        assert 'href="/practice/soothing"' in html, url
        assert 'action="/practice/repairs' not in html, url
    assert "door slammed" in alex.get(PAGE).text  # what you wrote is still yours to read
    assert "I need twenty minutes" not in alex.get(PHRASES).text
    refused = alex.send(
        "POST",
        "/api/practice/repairs",
        {"occurred_at": datetime.now(UTC).isoformat(), "what_happened": "x"},
    )
    assert refused.status_code == 403


def test_repair_needs_a_sign_in(client):
    assert client.get("/api/practice/repairs").status_code == 401
    assert client.get(PAGE).status_code in (303, 307)
    assert client.get(PHRASES).status_code in (303, 307)
