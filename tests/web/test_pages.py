"""The server-rendered pages: sign-in, profiles, CSRF, sessions, headers, privacy, errors."""

from __future__ import annotations

import logging
import re

import pytest

from bowlby.web.app import create_app
from tests.web.helpers import TestClient, form_token


def sign_in_form(client, name: str, passphrase: str):
    token = form_token(client.get("/signin").text)
    return client.post(
        "/signin", data={"name": name, "passphrase": passphrase, "csrf_token": token}
    )


def test_home_sends_a_visitor_to_sign_in(client):
    response = client.get("/")
    assert response.status_code == 303
    assert response.headers["location"] == "/signin"


def test_the_sign_in_page_labels_its_fields_and_sets_a_form_cookie(client):
    response = client.get("/signin")
    assert response.status_code == 200
    assert '<label for="name">' in response.text
    assert '<label for="passphrase">' in response.text
    assert 'href="#main"' in response.text
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("bowlby_csrf=")
    assert "HttpOnly" in cookie
    assert "samesite=strict" in cookie.lower()


def test_signing_in_sets_a_strict_http_only_session_cookie(people, client):
    people.add("Alex", sign_in=False)
    response = sign_in_form(client, "Alex", "alex passphrase")
    assert response.status_code == 303
    assert response.headers["location"] == "/"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("bowlby_session=")
    assert "HttpOnly" in cookie
    assert "Path=/" in cookie
    assert "samesite=strict" in cookie.lower()
    assert "secure" not in cookie.lower()
    assert ", Alex</h1>" in client.get("/").text


def test_the_session_cookie_is_secure_over_https(app, people):
    people.add("Alex", sign_in=False)
    secure = TestClient(app, base_url="https://127.0.0.1", follow_redirects=False)
    response = sign_in_form(secure, "Alex", "alex passphrase")
    secure.close()
    assert "secure" in response.headers["set-cookie"].lower()


def test_a_wrong_passphrase_says_so_and_keeps_the_name_but_not_the_passphrase(people, client):
    people.add("Alex", sign_in=False)
    response = sign_in_form(client, "Alex", "wrong but long enough")
    assert response.status_code == 401
    assert "That passphrase is not right." in response.text
    assert 'value="Alex"' in response.text
    assert "wrong but long enough" not in response.text
    assert "bowlby_session" not in client.cookies


def test_sign_in_without_the_form_cookie_is_refused(people, client):
    people.add("Alex", sign_in=False)
    response = client.post(
        "/signin", data={"name": "Alex", "passphrase": "alex passphrase", "csrf_token": "x"}
    )
    assert response.status_code == 403
    assert "bowlby_session" not in client.cookies


@pytest.mark.parametrize("token", [None, "", "forged-token"])
def test_a_form_without_the_right_csrf_token_is_refused_and_nothing_is_written(people, token):
    alex = people.add("Alex")
    data = {"title": "forged", "body": "should not exist"}
    if token is not None:
        data["csrf_token"] = token
    response = alex.client.post("/entries/new", data=data)
    assert response.status_code == 403
    assert "nothing was saved" in response.text
    assert alex.titles() == []


def test_creating_a_profile_shows_the_recovery_key_once(client):
    page = client.get("/profiles/new")
    form = {
        "name": "Alex",
        "passphrase": "alex passphrase",
        "passphrase_again": "alex passphrase",
        "role": "person",
        "csrf_token": form_token(page.text),
    }
    created = client.post("/profiles/new", data=form)
    assert created.status_code == 200
    key = re.search(r'<code id="recovery-key">([^<]+)</code>', created.text)
    assert key
    assert len(key.group(1)) > 20
    assert "shown only this once" in created.text
    assert 'href="/signin?name=Alex"' in created.text
    assert created.headers["cache-control"] == "no-store"
    assert key.group(1) not in client.get("/signin?name=Alex").text
    again = client.post("/profiles/new", data=form)
    assert again.status_code == 409
    assert key.group(1) not in again.text
    assert "already exists" in again.text


def test_different_passphrases_keep_the_name_but_not_the_passphrases(client):
    page = client.get("/profiles/new")
    response = client.post(
        "/profiles/new",
        data={
            "name": "Alex",
            "passphrase": "first passphrase",
            "passphrase_again": "second passphrase",
            "role": "therapist",
            "csrf_token": form_token(page.text),
        },
    )
    assert response.status_code == 422
    assert "The two passphrases differ" in response.text
    assert 'value="Alex"' in response.text
    assert 'value="therapist" checked' in response.text
    assert "first passphrase" not in response.text


def test_an_idle_session_sends_the_person_back_to_sign_in_kindly(people, clock, app):
    alex = people.add("Alex")
    clock.advance(minutes=app.state.settings.session_idle_minutes + 1)
    response = alex.get("/entries")
    assert response.status_code == 303
    assert response.headers["location"] == "/signin?expired=1"
    note = alex.get("/signin?expired=1").text
    assert "signed out after a while without activity" in note


def test_security_headers_are_on_every_response(people, client):
    alex = people.add("Alex")
    for response in (client.get("/signin"), alex.get("/"), client.get("/no-such-page")):
        headers = response.headers
        csp = headers["content-security-policy"]
        assert "default-src 'self'" in csp
        assert "frame-ancestors 'none'" in csp
        assert "form-action 'self'" in csp
        assert "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["x-frame-options"] == "DENY"
        assert headers["cache-control"] == "no-store"
        assert "camera=()" in headers["permissions-policy"]
    static = client.get("/static/bowlby.css")
    assert static.status_code == 200
    assert static.headers["x-content-type-options"] == "nosniff"


def test_pages_load_nothing_from_elsewhere(people):
    alex = people.add("Alex")
    alex.write("Hello")
    for url in ("/", "/entries", "/entries/new", "/links", "/privacy", "/settings/passphrase"):
        html = alex.get(url).text
        assert not re.search(r"(src|href)=\"(https?:)?//", html), url
        # One small local script (the quick exit), never an inline one: the CSP forbids them.
        scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.DOTALL)
        assert scripts == [(' src="/static/quick_exit.js" defer', "")], url
        assert "style=" not in html, url


def test_an_unknown_host_is_refused(app):
    other = TestClient(app, base_url="http://evil.example", follow_redirects=False)
    assert other.get("/signin").status_code == 400
    other.close()


def test_changing_the_passphrase(people, client):
    alex = people.add("Alex")
    url = "/settings/passphrase"
    wrong = alex.page_post(
        url,
        url,
        {"current": "not my passphrase", "new": "new passphrase", "new_again": "new passphrase"},
    )
    assert wrong.status_code == 401
    assert "That is not your current passphrase." in wrong.text
    changed = alex.page_post(
        url,
        url,
        {"current": alex.passphrase, "new": "new passphrase", "new_again": "new passphrase"},
    )
    assert changed.headers["location"] == "/"
    assert sign_in_form(client, "Alex", alex.passphrase).status_code == 401
    assert sign_in_form(client, "Alex", "new passphrase").status_code == 303


def test_signing_out_forgets_the_session(app, people):
    alex = people.add("Alex")
    old_cookie = alex.client.cookies["bowlby_session"]
    before = len(app.state.sessions)
    response = alex.page_post("/", "/signout", {})
    assert response.headers["location"] == "/signin"
    assert len(app.state.sessions) == before - 1
    alex.client.cookies.set("bowlby_session", old_cookie)
    assert alex.get("/").headers["location"] == "/signin"


def test_sign_out_is_post_only(people):
    alex = people.add("Alex")
    response = alex.get("/signout")
    assert response.status_code == 405
    assert alex.get("/").status_code == 200


def test_the_privacy_page_says_what_is_and_is_not_protected(client):
    page = client.get("/privacy").text
    for claim in (
        "All free text you write",
        "profile names",
        "dates and times",
        "kinds of entries",
        "numbers you record",
        "sharing flags",
        "derived from your passphrase",
        "only in the memory",
        "Cache-Control: no-store",
        "no telemetry",
    ):
        assert claim in page, claim


def test_an_unknown_page_is_friendly(client):
    response = client.get("/nowhere")
    assert response.status_code == 404
    assert "We could not find that page" in response.text
    assert response.headers["content-type"].startswith("text/html")


def test_logs_hold_no_passphrase_and_no_entry_text(people, caplog):
    caplog.set_level(logging.DEBUG)
    alex = people.add("Alex")
    alex.page_post("/", "/entries/new", {"title": "Planted title", "body": "planted sentence 7"})
    alex.get("/entries")
    assert "planted sentence 7" not in caplog.text
    assert "Planted title" not in caplog.text
    assert alex.passphrase not in caplog.text


@pytest.mark.parametrize("path", ["/boom", "/api/boom"])
def test_an_unexpected_error_is_calm_and_its_message_is_not_logged(app, client, caplog, path):
    planted = "-".join(["words", "someone", "wrote"])  # never spelled out in the source

    def explode() -> None:
        raise RuntimeError(planted)

    app.add_api_route(path, explode)
    caplog.set_level(logging.DEBUG)
    response = client.get(path)
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.text
    assert planted not in response.text
    assert response.headers["cache-control"] == "no-store"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert "Unexpected RuntimeError" in caplog.text
    assert planted not in caplog.text
    if path.startswith("/api/"):
        assert response.json()["error"]["code"] == "unexpected"


def test_demo_logins_are_shown_on_the_sign_in_page_in_demo_mode(settings):
    demo = create_app(settings, demo_logins=[("Maya", "maya demo passphrase")])
    with TestClient(demo, base_url="http://127.0.0.1") as visitor:
        page = visitor.get("/signin").text
    assert "Demo profiles" in page
    assert "<strong>Maya</strong> with the passphrase <code>maya demo passphrase</code>" in page


def test_no_demo_logins_outside_demo_mode(client):
    assert "Demo profiles" not in client.get("/signin").text
