"""Safety through the JSON API: crisis lines signed out, the screen, preferences, safety mode's
refusal as a 422 from the service, stopping every partner share, and `safety` in every save."""

from __future__ import annotations

import pytest

from tests.web.helpers import NOW
from tests.web.journal_helpers import when

SELF_HARM = "Some nights I think about ending it all."
NEGATED = "I would never hurt you."
HARK_POSITIVE = {"humiliation": False, "afraid": True, "rape": None, "kick": False}


def safety_mode(person, on: bool = True) -> dict:
    response = person.send("PUT", "/api/safety/preferences", {"safety_mode": on})
    assert response.status_code == 200, response.text
    return response.json()


def test_crisis_lines_need_no_sign_in(client):
    response = client.get("/api/safety", params={"country": "uk"})
    assert response.status_code == 200
    body = response.json()
    assert (body["signed_in"], body["lines"]["code"], body["lines"]["emergency"]) == (
        False,
        "GB",
        "999",
    )
    assert [line["name"] for line in body["lines"]["crisis"]] == ["Samaritans"]
    assert body["lines"]["domestic_abuse"][0]["tel"] == "08082000247"
    assert any("never diagnoses" in sentence for sentence in body["stance"])
    assert len(body["countries"]) >= 20
    fallback = client.get("/api/safety").json()["lines"]
    assert (fallback["known"], fallback["crisis"]) == (False, [])


def test_the_screen_through_the_api_is_kept_private_and_offers_safety_mode(people):
    alex, sam = people.couple()
    questions = alex.get("/api/safety/screen/questions", params={"step": "hark"}).json()
    assert [q["id"] for q in questions["screen"]["questions"]] == [
        "humiliation",
        "afraid",
        "rape",
        "kick",
    ]
    assert alex.get("/api/safety/screen").status_code == 404
    taken = alex.send("POST", "/api/safety/screen", {"hark": HARK_POSITIVE})
    assert taken.status_code == 201, taken.text
    result = taken.json()
    assert (result["positive"], result["offer_safety_mode"], result["safety_mode"]) == (
        True,
        True,
        False,
    )
    assert result["results"][0]["outcome"] == "positive"
    assert alex.get("/api/safety/screen").json()["id"] == result["id"]
    for sharing in ({"partner": True}, {"therapist": True}):
        refused = alex.send("POST", f"/api/entries/{result['id']}/sharing", sharing)
        assert refused.status_code == 422
        assert "only ever for you" in refused.json()["error"]["message"]
    assert alex.get(f"/entries/{result['id']}").headers["location"] == "/safety/screen/result"
    assert sam.get(f"/api/entries/{result['id']}").status_code == 404
    bad = alex.send("POST", "/api/safety/screen", {"wast": {"tension": "lots"}})
    assert bad.status_code == 422
    assert bad.json()["error"]["field"] == "tension"


def test_preferences_change_one_field_at_a_time(people):
    alex = people.add("Alex")
    start = alex.get("/api/safety/preferences").json()
    assert (start["country"], start["safety_mode"], start["disguise"]) == (None, False, False)
    changed = alex.send("PUT", "/api/safety/preferences", {"country": "nz", "disguise": True})
    assert changed.json()["country"] == "NZ"
    assert changed.json()["disguise"] is True
    assert safety_mode(alex)["safety_mode"] is True
    assert alex.get("/api/safety/preferences").json()["country"] == "NZ"
    wrong = alex.send("PUT", "/api/safety/preferences", {"country": "New Zealand"})
    assert (wrong.status_code, wrong.json()["error"]["field"]) == (422, "country")
    assert alex.get("/api/safety").json()["lines"]["code"] == "NZ"


def test_safety_mode_refuses_partner_sharing_with_a_422_from_the_service(people):
    alex, sam = people.couple()
    safety_mode(alex)
    draft = {"occurred_at": NOW.isoformat(), "text": {"title": "x"}, "shared_with_partner": True}
    refused = alex.send("POST", "/api/entries", draft)
    assert refused.status_code == 422
    error = refused.json()["error"]
    assert error["field"] == "shared_with_partner"
    assert "safety mode is on" in error["message"]
    entry = alex.write("Private")
    sharing = alex.send("POST", f"/api/entries/{entry['id']}/sharing", {"partner": True})
    assert sharing.status_code == 422
    trigger = {
        "occurred_at": when(),
        "what_happened": "Late",
        "partner_action": "delayed_reply",
        "urge": "text_again",
        "strength": 3,
        "shared_with_partner": True,
    }
    assert alex.send("POST", "/api/journal/triggers", trigger).status_code == 422
    assert alex.send("GET", "/api/assessments/couple").status_code == 404
    therapist_only = alex.send("POST", f"/api/entries/{entry['id']}/sharing", {"therapist": True})
    assert therapist_only.status_code == 200
    assert sam.titles("shared") == []
    safety_mode(alex, on=False)
    assert alex.send("POST", "/api/entries", draft).status_code == 201


def test_stop_sharing_through_the_api(people):
    alex, sam = people.couple()
    alex.write("One", shared_with_partner=True)
    assert alex.send("POST", "/api/safety/stop-sharing").json() == {"unshared": 1}
    assert sam.titles("shared") == []


def test_every_save_says_what_the_risk_check_found(people):
    alex = people.add("Alex")
    entry = alex.write("Tonight", SELF_HARM)
    assert [s["category"] for s in entry["safety"]["signals"]] == ["self_harm"]
    assert entry["safety"]["messages"][0]["title"] == "You matter, and help is there right now"
    calm = alex.write("Evening", NEGATED)
    assert calm["safety"] == {"signals": [], "messages": []}
    edited = alex.send(
        "PUT",
        f"/api/entries/{calm['id']}",
        {"occurred_at": NOW.isoformat(), "text": {"body": SELF_HARM}},
    )
    assert edited.json()["safety"]["messages"][0]["category"] == "self_harm"


@pytest.mark.parametrize(
    ("path", "body"),
    [
        (
            "triggers",
            {
                "what_happened": SELF_HARM,
                "partner_action": "delayed_reply",
                "urge": "text_again",
                "strength": 5,
            },
        ),
        ("emotions", {"family": "fear", "name": "abandoned", "intensity": 6, "note": SELF_HARM}),
        ("thoughts", {"situation": "Alone", "automatic_thought": SELF_HARM, "belief_before": 70}),
        ("successes", {"what_happened": SELF_HARM, "quality": "caring"}),
        ("reflections", {"prompt_id": "first_love", "answer": SELF_HARM}),
    ],
)
def test_each_journal_step_saved_through_the_api_carries_safety(people, path, body):
    alex = people.add("Alex")
    response = alex.send("POST", f"/api/journal/{path}", {"occurred_at": when(), **body})
    assert response.status_code == 201, response.text
    saved = response.json()
    assert saved["id"]
    assert [m["category"] for m in saved["safety"]["messages"]] == ["self_harm"]
    calm = {**body, **{key: NEGATED for key, value in body.items() if value == SELF_HARM}}
    quiet = alex.send("POST", f"/api/journal/{path}", {"occurred_at": when(), **calm}).json()
    assert quiet["safety"] == {"signals": [], "messages": []}


def test_the_check_endpoint_stores_nothing(people):
    alex = people.add("Alex")
    found = alex.send("POST", "/api/safety/check", {"text": "He said he would kill me"}).json()
    assert "threat_of_violence" in [signal["category"] for signal in found["signals"]]
    assert alex.titles() == []
    assert alex.send("POST", "/api/safety/check", {"text": NEGATED}).json()["signals"] == []


def test_the_safety_api_is_in_the_openapi_schema(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/safety", "/api/safety/screen", "/api/safety/preferences"):
        assert path in paths
