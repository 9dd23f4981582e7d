"""The composer without JavaScript, and its API: a draft read back with the horsemen flagged,
what may lie beneath and a gentler way to say it; the safety note instead of a rewording for
risk language; the pause in safety mode; CSRF and a field error on an empty draft."""

from __future__ import annotations

import pytest
from markupsafe import escape

from bowlby.chats.patterns import analyse_text
from bowlby.services.records import PAUSED_FOR_SAFETY
from bowlby.web.api import text as text_api
from bowlby.web.pages import composer
from tests.web.test_safety_pages import safety_mode_on

CRITICISM = "You never think about anyone but yourself. You're so selfish."
NOTHING_SENT = "Nothing you write here is sent anywhere or saved"


@pytest.fixture(autouse=True)
def composer_routes(app):
    """The composer's routers, until the lead registers them in app.py and api/__init__.py."""
    paths = {getattr(route, "path", "") for route in app.routes}
    if "/compose" not in paths:
        app.include_router(composer.router)
    if "/api/text/analyze" not in paths:
        app.include_router(text_api.router, prefix="/api")


def compose(person, text: str):
    return person.page_post("/compose", "/compose", {"text": text})


def test_the_composer_needs_a_sign_in(client):
    assert client.get("/compose").headers["location"].startswith("/signin")
    assert client.post("/api/text/analyze", json={"text": "hi"}).status_code == 401


def test_the_page_says_nothing_is_sent_and_carries_the_token_for_the_live_check(people):
    alex = people.add("Alex")
    page = alex.get("/compose").text
    assert NOTHING_SENT in page
    assert 'data-csrf-token="' in page
    assert 'data-analyze="/api/text/analyze"' in page
    assert '<script src="/static/composer.js" defer></script>' in page
    assert 'class="flag flag-criticism" data-label="criticism" hidden' in page


def test_a_draft_with_criticism_is_read_back_without_javascript(people):
    alex = people.add("Alex")
    response = compose(alex, CRITICISM)
    assert response.status_code == 200
    page = response.text
    assert 'class="flag flag-criticism" data-label="criticism">' in page  # shown, not hidden
    for word in {item.text for item in analyse_text(CRITICISM).evidence}:
        assert f"<q>{escape(word)}</q>" in page  # the words behind the flag, named
    assert "Reads as: criticism" in page
    assert "I&#39;m afraid what I need doesn&#39;t count with you; I need to feel we&#39;re" in page
    assert '<p class="gentler">I feel frustrated about what happened' in page
    assert CRITICISM.replace("'", "&#39;") in page  # the draft stays in the box


def test_a_gentle_draft_is_left_as_it_is(people):
    alex = people.add("Alex")
    page = compose(alex, "Thank you for cooking tonight, that was lovely").text
    assert "This already reads warmly." in page
    assert 'class="gentler"' not in page


def test_risk_language_shows_the_safety_note_not_a_rewording(people):
    alex = people.add("Alex")
    alex.send("PUT", "/api/safety/preferences", {"country": "gb"})
    page = compose(alex, "answer me or I swear I'll kill myself").text
    assert "will not suggest a rewording" in page
    assert "You matter, and help is there right now" in page
    assert 'href="/safety"' in page
    assert "Samaritans" in page
    assert 'class="gentler"' not in page
    assert "What you wrote is saved" not in page  # nothing was saved here


def test_an_empty_draft_gets_a_field_error(people):
    alex = people.add("Alex")
    response = compose(alex, "   ")
    assert response.status_code == 422
    assert 'id="text-error">Write a draft first: a few words are enough.' in response.text
    assert 'aria-invalid="true"' in response.text


def test_a_form_without_its_token_is_refused(people):
    alex = people.add("Alex")
    assert alex.client.post("/compose", data={"text": CRITICISM}).status_code == 403


def test_safety_mode_pauses_the_composer(people):
    alex = people.add("Alex")
    safety_mode_on(alex)
    for page in (alex.get("/compose").text, compose_paused(alex)):
        assert PAUSED_FOR_SAFETY in page
        assert "composer-form" not in page
        assert 'class="gentler"' not in page
    refused = alex.send("POST", "/api/text/translate", {"text": CRITICISM})
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "paused_for_safety"


def compose_paused(person) -> str:
    """Post straight to /compose with the session's token (the paused page has no form)."""
    token = person.csrf
    return person.client.post("/compose", data={"text": CRITICISM, "csrf_token": token}).text


def test_the_api_analyses_a_draft(people):
    alex = people.add("Alex")
    response = alex.send("POST", "/api/text/analyze", {"text": CRITICISM})
    assert response.status_code == 200
    body = response.json()
    assert "criticism" in body["labels"]
    assert set(body) >= {"labels", "valence", "scores", "evidence"}
    assert any(item["label"] == "criticism" for item in body["evidence"])


def test_the_api_translates_a_draft(people):
    alex = people.add("Alex")
    body = alex.send("POST", "/api/text/translate", {"text": "why are you ignoring me??"}).json()
    assert body["readings"][0]["label"] == "protest"
    assert body["beneath"] == "I'm scared I don't matter to you; I need to know we're okay"
    assert body["gentler"].startswith("I feel ")
    assert body["safety"] is None


def test_the_api_gives_the_safety_check_instead_of_a_rewording(people):
    alex = people.add("Alex")
    body = alex.send("POST", "/api/text/translate", {"text": "I will hurt you if you leave"}).json()
    assert body["risk"] is True
    assert body["gentler"] is None
    assert body["safety"]["signals"][0]["category"] == "threat_of_violence"


@pytest.mark.parametrize("url", ["/api/text/analyze", "/api/text/translate"])
def test_the_api_needs_the_csrf_header(people, url):
    alex = people.add("Alex")
    response = alex.client.post(url, json={"text": CRITICISM})
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "csrf_failed"


@pytest.mark.parametrize("url", ["/api/text/analyze", "/api/text/translate"])
@pytest.mark.parametrize("text", ["", "   "])
def test_an_empty_draft_is_a_field_error(people, url, text):
    alex = people.add("Alex")
    response = alex.send("POST", url, {"text": text})
    assert response.status_code == 422
    error = response.json()["error"]
    assert (error["code"], error["field"]) == ("invalid_input", "text")


def test_the_api_returns_the_pages_context(people):
    alex = people.add("Alex")
    body = alex.get("/api/text/composer").json()
    assert body["nothing_sent"].startswith(NOTHING_SENT)
    assert [flag["label"] for flag in body["horsemen"]] == [
        "criticism",
        "contempt",
        "defensiveness",
        "stonewalling",
    ]
    assert (body["paused_for_safety"], body["translation"]) == (False, None)
    safety_mode_on(alex)
    assert alex.get("/api/text/composer").json()["paused_message"] == PAUSED_FOR_SAFETY


def test_a_draft_too_long_gets_a_field_error(people):
    alex = people.add("Alex")
    response = compose(alex, "a" * 5_001)
    assert response.status_code == 422
    assert 'id="text-error">Keep the draft under 5,000 characters.' in response.text
