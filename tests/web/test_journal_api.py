"""The five steps through the JSON API: each step end to end, errors naming their field, and
who may read what (a partner sees only what was shared, and never an entry's history)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tests.web.helpers import NOW
from tests.web.journal_helpers import (
    keep_success,
    log_trigger,
    name_emotion,
    one_of_each,
    record_thought,
    reflect,
    when,
)

KINDS = ["trigger", "emotion", "thought_record", "success", "reflection"]
LISTS = {
    "trigger": ("triggers", "triggers"),
    "emotion": ("emotions", "emotions"),
    "thought_record": ("thoughts", "records"),
    "success": ("successes", "successes"),
    "reflection": ("reflections", "answers"),
}


@pytest.fixture
def berlin(app):
    """The person's time zone set to Europe/Berlin, as BOWLBY_TIMEZONE would."""
    app.state.settings = app.state.settings.model_copy(update={"timezone": "Europe/Berlin"})


def listed_ids(person, kind: str, whose: str = "mine") -> set[str]:
    path, key = LISTS[kind]
    response = person.get(f"/api/journal/{path}", params={"whose": whose})
    assert response.status_code == 200, response.text
    return {record["id"] for record in response.json()[key]}


def test_the_vocabulary_holds_every_choice_list(client):
    vocab = client.get("/api/journal/vocabulary").json()
    assert {"id": "delayed_reply", "label": "a late or missing reply"} in vocab["partner_actions"]
    directions = {urge["id"]: urge["direction"] for urge in vocab["urges"]}
    assert directions["text_again"] == "protest"
    assert directions["withdraw"] == "withdrawal"
    assert vocab["core_fears"][1] == {
        "id": "rejection",
        "label": "fear of rejection",
        "statement": "I am feeling the fear of rejection right now.",
    }
    families = {family["id"]: family["names"] for family in vocab["emotion_families"]}
    assert "abandoned" in families["fear"]
    catastrophising = vocab["distortions"][0]
    assert catastrophising["explanation"].startswith("Jumping to the worst")
    assert catastrophising["question"].endswith("not the worst one?")
    assert [q["id"] for q in vocab["qualities"]][:2] == ["reliable", "caring"]
    assert {"childhood", "past relationships"} <= {p["theme"] for p in vocab["prompts"]}
    assert vocab["prompts_note"].startswith("These questions look back to understand")


def test_triggers_are_logged_listed_and_their_patterns_ranked_in_the_persons_zone(people, berlin):
    alex = people.add("Alex")
    friday_evening = datetime.fromisoformat("2024-05-31T18:30:00+00:00")  # 20:30 in Berlin
    monday_night = datetime.fromisoformat("2024-06-02T23:30:00+00:00")  # Mon 01:30 in Berlin
    first = log_trigger(alex, occurred_at=when(friday_evening), tags=["Texting ", "work"])
    assert first["partner_action_label"] == "a late or missing reply"
    assert first["urge_direction"] == "protest"
    assert first["tags"] == ["texting", "work"]
    log_trigger(alex, occurred_at=when(monday_night), strength=9, tags=["texting"])
    log_trigger(
        alex,
        occurred_at=when(monday_night),
        partner_action="request_for_space",
        urge="withdraw",
        strength=2,
        tags=[],
    )

    page = alex.get("/api/journal/triggers").json()
    assert page["whose"] == "mine"
    assert len(page["triggers"]) == 3
    patterns = alex.get("/api/journal/triggers/patterns").json()
    assert patterns == page["patterns"]
    assert patterns["total"] == 3
    assert patterns["zone"] == "Europe/Berlin"
    top = patterns["actions"][0]
    assert (top["key"], top["count"], top["mean_strength"], top["percent"]) == (
        "delayed_reply",
        2,
        8.0,
        100,
    )
    assert patterns["actions"][1]["percent"] == 50
    assert [(tag["key"], tag["count"]) for tag in patterns["tags"]] == [("texting", 2), ("work", 1)]
    assert patterns["protest_share"] == pytest.approx(2 / 3)
    assert patterns["withdrawal_share"] == pytest.approx(1 / 3)
    by_day = {bar["key"]: bar["count"] for bar in patterns["by_weekday"]}
    assert (by_day["Fri"], by_day["Mon"], by_day["Sun"]) == (1, 2, 0)
    by_time = {bar["key"]: bar["count"] for bar in patterns["by_time_of_day"]}
    assert by_time == {"night": 2, "morning": 0, "afternoon": 0, "evening": 1}

    window = {"since": when(monday_night - timedelta(hours=1)), "limit": 1}
    assert len(alex.get("/api/journal/triggers", params=window).json()["triggers"]) == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"partner_action": "ghosted"}, "partner_action"),
        ({"urge": "scream"}, "urge"),
        ({"strength": 11}, "strength"),
        ({"occurred_at": "2024-05-31T18:30:00"}, "occurred_at"),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_a_bad_trigger_names_its_field_and_saves_nothing(people, change, field):
    alex = people.add("Alex")
    body = {
        "occurred_at": when(),
        "what_happened": "x",
        "partner_action": "delayed_reply",
        "urge": "text_again",
        "strength": 5,
        **change,
    }
    response = alex.send("POST", "/api/journal/triggers", body)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_input"
    assert error["field"] == field
    assert f"field '{field}'" in error["message"]
    assert alex.get("/api/journal/triggers").json()["triggers"] == []


def test_naming_an_emotion_with_a_core_fear_offers_its_statement_and_counts_the_words(people):
    alex = people.add("Alex")
    named = name_emotion(alex, core_fear="rejection")
    assert named["statement"] == "I am feeling the fear of rejection right now."
    assert named["core_fear_label"] == "fear of rejection"
    name_emotion(alex, intensity=8, statement="Scared, and that is allowed.")
    name_emotion(alex, family="sadness", name="lonely", intensity=3)
    page = alex.get("/api/journal/emotions").json()
    assert "Scared, and that is allowed." in [e["statement"] for e in page["emotions"]]
    assert page["counts"][0] == {"name": "abandoned", "count": 2, "mean_intensity": 7.0}

    wrong = alex.send(
        "POST",
        "/api/journal/emotions",
        {"occurred_at": when(), "family": "fear", "name": "lonely", "intensity": 5},
    )
    assert wrong.status_code == 422
    assert wrong.json()["error"]["field"] == "name"


def test_a_thought_record_saved_half_way_is_finished_later_and_shows_the_drop(people):
    alex = people.add("Alex")
    moment = keep_success(alex)
    draft = record_thought(alex, distortions=["catastrophising"])
    assert draft["belief_after"] is None
    assert draft["belief_drop"] is None
    assert draft["distortion_labels"] == ["catastrophising"]
    page = alex.get("/api/journal/thoughts").json()
    assert page["summary"]["completed"] == 0

    editing = alex.get(f"/api/journal/thoughts/{draft['id']}").json()
    assert editing["record"]["id"] == draft["id"]
    assert [m["id"] for m in editing["successes"]] == [moment["id"]]

    finished = alex.send(
        "PUT",
        f"/api/journal/thoughts/{draft['id']}",
        {
            "occurred_at": draft["occurred_at"],
            "situation": "No reply for three hours",
            "automatic_thought": "They will definitely leave me",
            "belief_before": 80,
            "distortions": ["catastrophising", "mind_reading"],
            "evidence_against": "They said they had meetings all day.",
            "evidence_success_ids": [moment["id"]],
            "balanced_thought": "They are busy, and they have always come back.",
            "belief_after": 30,
        },
    )
    assert finished.status_code == 200, finished.text
    assert finished.json()["belief_drop"] == 50
    summary = alex.get("/api/journal/thoughts").json()["summary"]
    assert (summary["completed"], summary["mean_drop"]) == (1, 50.0)
    assert [(d["key"], d["count"]) for d in summary["distortions"]] == [
        ("catastrophising", 1),
        ("mind_reading", 1),
    ]

    entry = alex.get(f"/api/journal/entries/{draft['id']}").json()
    assert entry["kind_label"] == "thought record"
    details = {d["label"]: d for d in entry["details"]}
    assert details["Success moments cited as evidence"]["items"] == [moment["what_happened"]]
    assert details["Change"]["text"] == "down 50 points"
    assert [version["version"] for version in entry["history"]] == [1]
    earlier = {d["label"]: d["text"] for d in entry["history"][0]["details"]}
    assert earlier["Belief re-rated"] == "not yet re-rated"
    assert entry["edit_url"] == f"/journal/thoughts/{draft['id']}/edit"


def test_success_moments_remember_when_and_the_home_card(people):
    alex = people.add("Alex")
    assert alex.get("/api/journal/remember-when").json() == {"moment": None}
    moment = keep_success(alex, occurred_at=when(NOW - timedelta(days=10)))
    assert moment["quality_label"] == "reliable: did what they said"
    assert alex.get("/api/journal/remember-when").json()["moment"]["id"] == moment["id"]
    page = alex.get("/api/journal/successes").json()
    assert page["remember_when"]["id"] == moment["id"]
    assert alex.get("/api/home").json()["remember_when"]["id"] == moment["id"]

    empty = alex.send(
        "POST", "/api/journal/successes", {"occurred_at": when(), "what_happened": "  "}
    )
    assert empty.status_code == 422
    assert empty.json()["error"]["field"] == "what_happened"


def test_reflections_answer_a_prompt_and_are_grouped_by_theme(people):
    alex = people.add("Alex")
    answer = reflect(alex)
    assert answer["theme"] == "past relationships"
    assert answer["prompt"].startswith("Think of an earlier relationship")
    page = alex.get("/api/journal/reflections").json()
    assert page["note"].startswith("These questions look back")
    assert [group["theme"] for group in page["themes"]] == [
        "childhood",
        "past relationships",
        "present",
    ]
    assert [a["id"] for a in page["answers"]] == [answer["id"]]
    unknown = alex.send(
        "POST", "/api/journal/reflections", {"occurred_at": when(), "prompt_id": "x", "answer": "y"}
    )
    assert unknown.json()["error"]["field"] == "prompt_id"


def test_search_finds_every_kind_with_a_snippet_and_a_label(people):
    alex = people.add("Alex")
    ids = one_of_each(alex, "Lighthouse")
    alex.write("Lighthouse walk", "A plain journal entry.")
    page = alex.get("/api/journal/search", params={"q": "lighthouse"}).json()
    assert page["query"] == "lighthouse"
    found = {result["kind"]: result for result in page["results"]}
    assert set(found) == {*KINDS, "journal"}
    assert found["thought_record"]["id"] == ids["thought_record"]
    assert found["thought_record"]["kind_label"] == "thought record"
    assert found["thought_record"]["title"] == "Lighthouse thought"
    assert "Lighthouse" in found["trigger"]["snippet"]
    assert alex.get("/api/journal/search", params={"q": "  "}).json()["results"] == []


def test_a_partner_sees_only_shared_records_and_never_their_history(people):
    alex, sam = people.couple()
    private = one_of_each(alex, "Hidden")
    shared = one_of_each(alex, "Open", shared_with_partner=True)
    thought = shared["thought_record"]
    record = alex.get(f"/api/journal/thoughts/{thought}").json()["record"]
    edited = {
        key: record[key]
        for key in ("occurred_at", "situation", "automatic_thought", "belief_before")
    }
    body = {**edited, "belief_after": 20, "shared_with_partner": True}
    assert alex.send("PUT", f"/api/journal/thoughts/{thought}", body).status_code == 200

    for kind in KINDS:
        assert listed_ids(sam, kind, "mine") == set()
        assert listed_ids(sam, kind, "shared") == {shared[kind]}
        assert listed_ids(sam, kind, "all") == {shared[kind]}
        assert listed_ids(alex, kind, "mine") == {shared[kind], private[kind]}
    for whose in ("all", "shared"):
        results = sam.get("/api/journal/search", params={"q": "hidden", "whose": whose}).json()
        assert results["results"] == []
        results = sam.get("/api/journal/search", params={"q": "open", "whose": whose}).json()
        assert {r["id"] for r in results["results"]} == set(shared.values())
        assert {r["owner_name"] for r in results["results"]} == {"Alex"}

    page = sam.get(f"/api/journal/entries/{thought}").json()
    assert page["mine"] is False
    assert page["history"] == []
    assert page["edit_url"] is None
    assert len(alex.get(f"/api/journal/entries/{thought}").json()["history"]) == 1
    assert sam.get(f"/api/entries/{thought}").status_code == 200
    for entry_id in private.values():
        assert sam.get(f"/api/journal/entries/{entry_id}").status_code == 404
    assert sam.get(f"/api/journal/thoughts/{thought}").status_code == 404
    assert sam.send("PUT", f"/api/journal/thoughts/{thought}", body).status_code == 404
    assert sam.get("/api/journal/triggers/patterns").json()["total"] == 0
    assert sam.get("/api/journal/remember-when").json() == {"moment": None}


def test_a_thought_record_may_cite_only_the_persons_own_success_moments(people):
    alex, sam = people.couple()
    theirs = keep_success(sam, "Sam's own moment", shared_with_partner=True)
    response = alex.send(
        "POST",
        "/api/journal/thoughts",
        {
            "occurred_at": when(),
            "situation": "s",
            "automatic_thought": "t",
            "belief_before": 50,
            "evidence_success_ids": [theirs["id"]],
        },
    )
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "evidence_success_ids"
    assert alex.get("/api/journal/thoughts").json()["records"] == []


def test_writing_needs_the_csrf_header_and_reading_needs_a_session(people, client):
    alex = people.add("Alex")
    body = {
        "occurred_at": when(),
        "what_happened": "x",
        "partner_action": "delayed_reply",
        "urge": "text_again",
        "strength": 5,
    }
    refused = alex.client.post("/api/journal/triggers", json=body)
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "csrf_failed"
    assert alex.get("/api/journal/triggers").json()["triggers"] == []
    for path in ("", "/triggers", "/thoughts", "/search?q=x", "/remember-when"):
        assert client.get(f"/api/journal{path}").status_code == 401


def test_the_overview_lists_the_five_steps_and_recent_records(people):
    alex = people.add("Alex")
    log_trigger(alex)
    page = alex.get("/api/journal").json()
    assert [step["href"] for step in page["steps"]] == [
        "/journal/triggers",
        "/journal/emotions",
        "/journal/thoughts",
        "/journal/successes",
        "/journal/resources",
    ]
    assert [(r["kind"], r["title"]) for r in page["recent"]] == [
        ("trigger", "No reply all afternoon")
    ]
