"""The JSON API: sessions, CSRF, the error shape, entries, links and who may read what."""

from __future__ import annotations

import pytest

from bowlby.web.app import create_app
from tests.web.helpers import BASE_URL, NOW, TestClient

NOBODY_ID = "00000000-0000-4000-8000-000000000000"


def not_found_shape(response, entry_id: str) -> dict:
    """The body with the entry id masked, so two 'not found' answers can be compared."""
    assert response.status_code == 404, response.text
    body = response.json()
    body["error"]["message"] = body["error"]["message"].replace(entry_id, "ID")
    return body


def test_sign_in_returns_a_csrf_token_and_the_profile(people):
    alex = people.add("Alex", sign_in=False)
    response = alex.client.post(
        "/api/session", json={"name": "Alex", "passphrase": alex.passphrase}
    )
    assert response.status_code == 200
    body = response.json()
    assert len(body["csrf_token"]) >= 40
    assert body["profile"] == {"id": alex.profile_id, "name": "Alex", "role": "person"}
    cookie = response.headers["set-cookie"]
    assert "bowlby_session=" in cookie
    assert "HttpOnly" in cookie
    assert "SameSite=strict" in cookie or "samesite=strict" in cookie.lower()


def test_a_wrong_passphrase_is_401_with_a_clear_message(people):
    alex = people.add("Alex", sign_in=False)
    response = alex.client.post("/api/session", json={"name": "Alex", "passphrase": "nope nope"})
    assert response.status_code == 401
    assert response.json() == {
        "error": {
            "code": "wrong_passphrase",
            "message": "That passphrase is not right. Nothing was changed.",
            "field": None,
        }
    }
    assert "bowlby_session" not in response.headers.get("set-cookie", "")


def test_without_a_session_the_api_answers_401(client):
    response = client.get("/api/me")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_signed_in"


@pytest.mark.parametrize("header", [None, "", "not-the-token"])
def test_an_unsafe_call_without_the_right_csrf_header_is_refused_and_writes_nothing(people, header):
    alex = people.add("Alex")
    headers = {} if header is None else {"X-CSRF-Token": header}
    draft = {"occurred_at": NOW.isoformat(), "text": {"title": "forged"}}
    response = alex.client.post("/api/entries", json=draft, headers=headers)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "csrf_failed"
    assert alex.titles() == []


def test_an_entry_can_be_written_read_changed_shared_and_deleted(people):
    alex = people.add("Alex")
    written = alex.write("First", "A quiet evening.")
    assert written["kind"] == "journal"
    assert written["shared_with_partner"] is False
    entry_id = written["id"]
    assert alex.get(f"/api/entries/{entry_id}").json()["text"]["body"] == "A quiet evening."

    draft = {"occurred_at": NOW.isoformat(), "text": {"title": "First", "body": "Changed."}}
    changed = alex.send("PUT", f"/api/entries/{entry_id}", draft)
    assert changed.status_code == 200
    assert changed.json()["text"]["body"] == "Changed."

    shared = alex.send("POST", f"/api/entries/{entry_id}/sharing", {"partner": True})
    assert shared.json()["shared_with_partner"] is True
    assert shared.json()["shared_with_therapist"] is False

    assert alex.send("DELETE", f"/api/entries/{entry_id}").status_code == 204
    assert alex.get(f"/api/entries/{entry_id}").status_code == 404


def test_a_bad_draft_gets_the_error_shape_with_the_field_path(people):
    alex = people.add("Alex")
    response = alex.send("POST", "/api/entries", {"text": {"title": "no date"}})
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_input"
    assert error["field"] == "occurred_at"
    assert error["message"].startswith("field 'occurred_at': ")


def test_a_bad_query_parameter_gets_the_error_shape(people):
    alex = people.add("Alex")
    response = alex.get("/api/entries", params={"whose": "everyone"})
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "whose"


def test_an_unknown_api_path_is_json_not_found(client):
    response = client.get("/api/nothing-here")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_creating_a_profile_returns_its_recovery_key_and_a_taken_name_conflicts(client):
    body = {"name": "Alex", "passphrase": "alex passphrase", "role": "person"}
    first = client.post("/api/profiles", json=body)
    assert first.status_code == 201
    assert first.json()["recovery_key"]
    again = client.post("/api/profiles", json=body)
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "conflict"
    assert "recovery_key" not in again.text


def test_a_short_passphrase_is_refused_with_its_field(client):
    response = client.post("/api/profiles", json={"name": "Alex", "passphrase": "short"})
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "passphrase"


def test_signing_out_ends_the_server_session(app, people):
    alex = people.add("Alex")
    before = len(app.state.sessions)
    assert alex.send("DELETE", "/api/session").status_code == 204
    assert len(app.state.sessions) == before - 1
    assert alex.get("/api/me").status_code == 401


def test_an_idle_session_expires(people, clock, app):
    alex = people.add("Alex")
    idle = app.state.settings.session_idle_minutes
    clock.advance(minutes=idle - 1)
    assert alex.get("/api/me").status_code == 200
    clock.advance(minutes=idle - 1)
    assert alex.get("/api/me").status_code == 200, "each request resets the idle clock"
    clock.advance(minutes=idle + 1)
    response = alex.get("/api/me")
    assert response.status_code == 401
    assert "signed out" in response.json()["error"]["message"]


def test_a_session_ends_after_its_absolute_lifetime_however_busy(people, clock, app):
    alex = people.add("Alex")
    for _ in range(app.state.settings.session_max_hours * 4):
        clock.advance(minutes=15)
        alex.get("/api/me")
    clock.advance(minutes=15)
    assert alex.get("/api/me").status_code == 401


def test_me_and_links_show_the_partner(people):
    alex, sam = people.couple()
    me = alex.get("/api/me").json()
    assert me["profile"]["name"] == "Alex"
    assert [(link["name"], link["relation"]) for link in me["links"]] == [("Sam", "your partner")]
    assert [link["name"] for link in sam.get("/api/links").json()] == ["Alex"]


def test_unlinking_through_the_api(people):
    alex, sam = people.couple()
    assert alex.send("DELETE", "/api/links/Sam").status_code == 204
    assert sam.get("/api/links").json() == []
    assert alex.send("DELETE", "/api/links/Sam").status_code == 404


def test_home_and_entries_return_the_page_contexts(people):
    alex, sam = people.couple()
    alex.write("Mine", "just me")
    sam.write("For Alex", "shared", shared_with_partner=True)
    home = alex.get("/api/home").json()
    assert home["me"]["name"] == "Alex"
    assert [entry["title"] for entry in home["recent"]] == ["Mine"]
    assert [entry["title"] for entry in home["shared_with_me"]] == ["For Alex"]
    listing = alex.get("/api/entries", params={"whose": "all", "kind": "journal"}).json()
    assert listing["whose"] == "all"
    assert listing["kinds"] == ["journal"]
    assert sorted(entry["title"] for entry in listing["entries"]) == ["For Alex", "Mine"]


def test_a_partner_reads_only_what_was_shared_and_loses_it_when_unshared(people):
    alex, sam = people.couple()
    secret = alex.write("Private thoughts", "Not for Sam.")
    entry_id = secret["id"]
    missing = not_found_shape(sam.get(f"/api/entries/{NOBODY_ID}"), NOBODY_ID)
    assert not_found_shape(sam.get(f"/api/entries/{entry_id}"), entry_id) == missing
    assert "Private thoughts" not in sam.titles("all") + sam.titles("shared")
    assert "Not for Sam" not in sam.get("/api/home").text

    alex.send("POST", f"/api/entries/{entry_id}/sharing", {"partner": True})
    assert sam.get(f"/api/entries/{entry_id}").json()["text"]["body"] == "Not for Sam."
    assert sam.titles("shared") == ["Private thoughts"]

    alex.send("POST", f"/api/entries/{entry_id}/sharing", {"partner": False})
    assert not_found_shape(sam.get(f"/api/entries/{entry_id}"), entry_id) == missing
    assert sam.titles("all") == []


def test_a_partner_cannot_change_share_or_delete_an_entry_shared_with_them(people):
    alex, sam = people.couple()
    entry_id = alex.write("Shared", "Read only for Sam.", shared_with_partner=True)["id"]
    draft = {"occurred_at": NOW.isoformat(), "text": {"body": "Sam was here"}}
    assert sam.send("PUT", f"/api/entries/{entry_id}", draft).status_code == 404
    sharing = sam.send("POST", f"/api/entries/{entry_id}/sharing", {"partner": False})
    assert sharing.status_code == 404
    assert sam.send("DELETE", f"/api/entries/{entry_id}").status_code == 404
    assert alex.get(f"/api/entries/{entry_id}").json()["text"]["body"] == "Read only for Sam."


def test_a_therapist_sees_only_what_a_client_shared_with_the_therapist(people):
    alex, sam = people.couple()
    lee = people.add("Lee", role="therapist")
    lee.accept(alex.invite("therapist"))
    alex.write("For Sam only", "partner", shared_with_partner=True)
    alex.write("For my therapist", "therapist", shared_with_therapist=True)
    alex.write("Just mine", "private")
    sam.write("Sam for Sam's partner", "partner", shared_with_partner=True)
    assert lee.titles("all") == ["For my therapist"]
    assert sam.titles("shared") == ["For Sam only"]


def test_someone_not_linked_sees_nothing(people):
    alex, _ = people.couple()
    entry_id = alex.write("Shared with Sam", "only Sam", shared_with_partner=True)["id"]
    alex.write("Shared with a therapist", "only a therapist", shared_with_therapist=True)
    kim = people.add("Kim")
    assert kim.titles("all") == []
    assert kim.get(f"/api/entries/{entry_id}").status_code == 404
    assert kim.get("/api/home").json()["shared_with_me"] == []


def test_openapi_is_served_and_the_cdn_docs_are_not(client):
    schema = client.get("/openapi.json")
    assert schema.status_code == 200
    assert "/api/entries/{entry_id}" in schema.json()["paths"]
    assert "/signin" not in schema.json()["paths"]
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404


def test_fastapi_telemetry_is_switched_off(app, monkeypatch):
    telemetry = app._telemetry  # FastAPI's own OpenTelemetry switchboard
    assert not any(telemetry[name] for name in ("tracing", "metrics", "logs", "auto_configure"))


def test_a_cross_site_form_cannot_post_json_to_the_sign_in(people, client):
    """Browsers send forms from other sites as text/plain at best: that is not JSON here."""
    people.add("Alex", sign_in=False)
    response = client.post(
        "/api/session",
        content='{"name": "Alex", "passphrase": "alex passphrase"}',
        headers={"content-type": "text/plain"},
    )
    assert response.status_code == 422
    assert "bowlby_session" not in client.cookies


def test_stopping_the_app_forgets_every_session(store_settings):
    application = create_app(store_settings)
    with TestClient(application, base_url=BASE_URL) as visitor:
        body = {"name": "Alex", "passphrase": "alex passphrase"}
        assert visitor.post("/api/profiles", json=body).status_code == 201
        assert visitor.post("/api/session", json=body).status_code == 200
        assert len(application.state.sessions) == 1
    assert len(application.state.sessions) == 0
