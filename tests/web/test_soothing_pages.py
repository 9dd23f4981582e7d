"""Self-soothing through the pages and the API: the before/after form without JavaScript,
errors beside their field, the effects, who may read what, and never paused for safety."""

from __future__ import annotations

import re

import pytest

from tests.web.helpers import NOW
from tests.web.test_safety_pages import safety_mode_on

FORM = {"anxiety_before": "8", "anxiety_after": "4", "minutes": "1.5", "rounds": "4"}
EXERCISE = "/practice/soothing/breathing_478"


def notice(html: str) -> str:
    found = re.search(r'<p class="notice" role="status">([^<]*)</p>', html)
    return found.group(1) if found else ""


def soothe(person, exercise="breathing_478", before=8, after=4, **extra):
    body = {
        "occurred_at": NOW.isoformat(),
        "exercise": exercise,
        "anxiety_before": before,
        "anxiety_after": after,
        "minutes": 2,
        **extra,
    }
    response = person.send("POST", "/api/practice/soothing", body)
    assert response.status_code == 201, response.text
    return response.json()


@pytest.mark.parametrize(
    "url", ["/practice/soothing", *(f"/practice/soothing/{e}" for e in (
        "breathing_478", "resonance_breathing", "grounding_54321", "wait_20"))]
)  # fmt: skip
def test_every_page_opens_signed_in_and_sends_others_to_sign_in(people, client, url):
    alex = people.add("Alex")
    page = alex.get(url)
    assert page.status_code == 200, page.text
    assert 'href="/static/practice_soothing.css"' in page.text
    assert client.get(url).headers["location"] == "/signin"


def test_the_exercise_page_works_as_text_without_javascript(people):
    page = people.add("Alex").get(EXERCISE).text
    assert "Breathe in quietly through your nose while counting to 4." in page
    assert '<div class="pacer" data-pacer data-in="4" data-hold="7" data-out="8" hidden>' in page
    assert '<script src="/static/practice_soothing.js" defer></script>' in page
    assert 'name="rounds" type="number" inputmode="numeric" min="1" max="100" value="4"' in page
    assert "style=" not in page
    assert "onclick" not in page
    grounding = people.add("Sam").get("/practice/soothing/grounding_54321").text
    assert "Name five things you can see." in grounding
    wait = people.add("Robin").get("/practice/soothing/wait_20").text
    assert "Make a warm drink and drink it slowly." in wait
    assert 'data-countdown data-minutes="20" hidden' in wait


def test_a_session_saved_through_the_form_shows_in_the_list(people):
    alex = people.add("Alex")
    response = alex.page_post(EXERCISE, EXERCISE, {**FORM, "note": "Calmer <b>now</b>"})
    assert response.status_code == 303, response.text
    assert response.headers["location"] == "/practice/soothing"
    page = alex.get("/practice/soothing").text
    assert notice(page) == "Saved. Your anxiety went from 8 to 4. Only you can read this entry."
    assert "Anxiety 8 → 4 · 1.5 min · 4 rounds" in page
    assert "Calmer &lt;b&gt;now&lt;/b&gt;" in page
    assert "Too few sessions to tell yet (1 so far)" in page


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"anxiety_before": "11"}, "anxiety_before", "Choose how anxious you felt before"),
        ({"anxiety_before": "-1"}, "anxiety_before", "Choose how anxious you felt before"),
        ({"anxiety_after": "abc"}, "anxiety_after", "Choose how anxious you feel now"),
        ({"anxiety_after": ""}, "anxiety_after", "Choose how anxious you feel now"),
        ({"minutes": "soon"}, "minutes", "Write the minutes as a number"),
        ({"rounds": "0"}, "rounds", "Choose the rounds as a whole number"),
    ],
)
def test_bad_input_is_shown_beside_its_field_with_what_was_typed(people, change, field, message):
    alex = people.add("Alex")
    response = alex.page_post(EXERCISE, EXERCISE, {**FORM, "note": "kept as typed", **change})
    assert response.status_code == 422
    assert f'<p class="field-error" id="{field}-error">{message}' in response.text
    assert "kept as typed</textarea>" in response.text
    assert alex.get("/api/practice/soothing").json()["sessions"] == []


def test_an_unknown_exercise_is_refused(people):
    alex = people.add("Alex")
    assert alex.get("/practice/soothing/yoga").status_code == 422
    assert alex.get("/api/practice/soothing/exercises/yoga").status_code == 422


@pytest.mark.parametrize("rating", [11, -1, "abc"])
def test_the_api_refuses_bad_ratings_naming_the_field(people, rating):
    alex = people.add("Alex")
    body = {"occurred_at": NOW.isoformat(), "exercise": "wait_20", "anxiety_before": rating,
            "anxiety_after": 3}  # fmt: skip
    response = alex.send("POST", "/api/practice/soothing", body)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "anxiety_before"


def test_the_api_twin_and_the_effects(people):
    alex = people.add("Alex")
    for after in (4, 3, 5):
        saved = soothe(alex, after=after, note="calmer")
    assert saved["drop"] == 3
    assert saved["safety"]["signals"] == []
    home = alex.get("/api/practice/soothing").json()
    assert sorted(s["anxiety_after"] for s in home["sessions"]) == [3, 4, 5]
    assert home["most_helpful"].startswith("So far, Paced breathing 4-7-8 seems to help you most")
    effects = {e["exercise"]: e for e in alex.get("/api/practice/soothing/effects").json()}
    assert effects["breathing_478"]["mean_drop"] == 4
    assert effects["breathing_478"]["low"] == pytest.approx(1.5159, abs=1e-3)
    assert effects["wait_20"]["count"] == 0


def test_a_partner_reads_only_shared_sessions_and_nobody_else_reads_any(people):
    alex, sam = people.couple()
    private = soothe(alex, after=5, note="private words")
    shared = soothe(alex, after=2, shared_with_partner=True)
    listed = sam.get("/api/practice/soothing", params={"whose": "shared"}).json()["sessions"]
    assert [s["id"] for s in listed] == [shared["id"]]
    page = sam.get("/practice/soothing?whose=shared").text
    assert "Anxiety 8 → 2" in page
    assert "Anxiety 8 → 5" not in page
    assert sam.get(f"/api/entries/{private['id']}").status_code == 404
    robin = people.add("Robin")
    for who in (sam, robin):
        assert who.get(f"/api/practice/soothing/sessions/{shared['id']}").status_code == 404
    assert alex.get(f"/api/practice/soothing/sessions/{private['id']}").json()["note"] == (
        "private words"
    )


def test_safety_mode_does_not_pause_soothing(people):
    alex, _ = people.couple()
    safety_mode_on(alex)
    page = alex.get(EXERCISE).text
    assert "Save the session" in page
    assert 'name="share_partner"' not in page
    response = alex.page_post(EXERCISE, EXERCISE, FORM)
    assert response.status_code == 303
    assert soothe(alex)["drop"] == 4
    assert "Self-soothing" in alex.get("/practice").text


def test_signed_out_api_is_refused(client):
    assert client.get("/api/practice/soothing").status_code == 401


def test_the_effects_chart_appears_from_three_sessions(people):
    alex = people.add("Alex")
    soothe(alex, after=4)
    soothe(alex, after=2)
    assert "<svg" not in alex.get("/practice/soothing").text
    soothe(alex, after=3)
    page = alex.get("/practice/soothing").text
    assert "<title>How much calmer each exercise leaves you</title>" in page
    chart = alex.get("/api/practice/soothing").json()["chart"]
    assert chart["svg"] == ""
    assert chart["description"].startswith(
        "Paced breathing 4-7-8: 5.0 points calmer on average, 95% range 2.5 to 7.5, from 3 "
    )
