"""A chat's report in the browser and through the API: the pattern, the flagged messages and
why, the honest note about 5:1, safety mode, and nobody but the importer (404 for anyone else).

The keyword analyser of the service tests keeps the numbers exact. The routers are mounted
here when the app does not mount them yet, so these tests hold before and after the lead
registers them."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest

from bowlby.chats import report_text
from bowlby.services import chat_report
from bowlby.web.api import chat_report as report_api
from bowlby.web.pages import chat_report as report_pages
from bowlby.web.practice_ratio_contexts import RatioPage
from bowlby.web.rendering import TEMPLATES
from tests.chats.samples import write_chat
from tests.cli.test_chat_report_command import CHAT
from tests.services.test_chat_report import keyword_reading
from tests.web.test_safety_pages import safety_mode_on

PAGE = "/chats/{}/report"
API = "/api/chats/{}/report"


@pytest.fixture
def people(app, people, monkeypatch):
    """Everyone's app has the report's page and API, and the keyword analyser."""
    paths = {getattr(route, "path", "") for route in app.routes}
    if PAGE.format("{chat_id}") not in paths:
        app.include_router(report_pages.router)
    if API.format("{chat_id}") not in paths:
        app.include_router(report_api.router, prefix="/api")
    monkeypatch.setattr(chat_report, "default_analyser", lambda: keyword_reading)
    return people


def import_chat(person, tmp_path, text: str = CHAT) -> str:
    """Upload, say who one is, wait for the import: the new chat's id."""
    path = write_chat(tmp_path, text)
    with path.open("rb") as handle:
        uploaded = person.client.post(
            "/api/chats/imports",
            files={"export": ("chat.txt", handle, "text/plain")},
            data={"date_order": "dmy"},
            headers={"X-CSRF-Token": person.csrf},
        )
    assert uploaded.status_code == 201, uploaded.text
    job = uploaded.json()["id"]
    assert person.send("POST", f"/api/chats/imports/{job}/start", {"me": "Maya"}).is_success
    deadline = time.monotonic() + 20
    while (state := person.get(f"/api/chats/imports/{job}").json())["state"] == "running":
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert state["state"] == "done", state
    return str(state["chat_id"])


def test_the_importer_sees_the_pattern_the_episodes_and_why(people, tmp_path):
    alex = people.add("Alex")
    chat_id = import_chat(alex, tmp_path)
    page = alex.get(PAGE.format(chat_id))
    assert page.status_code == 200
    html = page.text
    assert "Chat with Jordan: the pattern" in html
    assert "Jordan&#39;s typical reply takes 10.0 times as long as Maya&#39;s." in html
    assert '<p id="episode-count">1 episode: 1 ended in silence.</p>' in html
    assert "NEG why are you ignoring me" in html
    assert "Why: protest: “NEG” (words)" in html
    assert "Estimated from the words: 3 warm, 3 tense (1.0:1) messages, below 5:1." in html
    assert "not the same measure" in html
    assert html.count("<svg") == 3
    assert "What might help" in html
    assert 'href="/static/chat_report.css"' in html
    assert "style=" not in html.split("<main", 1)[-1]


def test_the_api_returns_the_same_context_without_the_charts(people, tmp_path):
    alex = people.add("Alex")
    chat_id = import_chat(alex, tmp_path)
    body = alex.get(API.format(chat_id)).json()
    assert body["chat_id"] == chat_id
    assert body["people"] == ["Maya", "Jordan"]
    assert body["charts"] == []
    maya, jordan = body["timing"]
    assert (maya["median_reply_seconds"], jordan["median_reply_seconds"]) == (120.0, 1200.0)
    (episode,) = body["top_episodes"]
    assert episode["ending"] == "silence"
    assert episode["time_to_repair_seconds"] == 92 * 60
    assert [m["text"] for m in episode["flagged"]] == [
        "NEG hello??",
        "NEG why are you ignoring me",
        "NEG I need space",
    ]
    assert body["ratio"]["note"] == report_text.ESTIMATED_NOTE
    assert body["coaching"] == list(report_text.COACHING)
    only_tuesday = alex.get(API.format(chat_id), params={"since": "2026-03-03"}).json()
    assert (only_tuesday["messages"], only_tuesday["episodes_total"]) == (1, 0)
    assert alex.get(API.format(chat_id), params={"since": "March"}).status_code == 422


def test_nobody_else_gets_the_report_not_even_a_partner(people, tmp_path):
    alex, sam = people.couple()
    chat_id = import_chat(alex, tmp_path)
    assert sam.get(PAGE.format(chat_id)).status_code == 404
    refused = sam.get(API.format(chat_id))
    assert refused.status_code == 404
    assert "NEG" not in refused.text
    assert alex.get(PAGE.format("no-such-chat")).status_code == 404


def test_signed_out_is_sent_to_sign_in(people, tmp_path):
    alex = people.add("Alex")
    chat_id = import_chat(alex, tmp_path)
    stranger = people.new_client()
    assert stranger.get(PAGE.format(chat_id)).status_code in {302, 303}
    assert stranger.get(API.format(chat_id)).status_code == 401


def test_safety_mode_shows_the_facts_without_coaching(people, tmp_path):
    alex = people.add("Alex")
    chat_id = import_chat(alex, tmp_path)
    safety_mode_on(alex)
    html = alex.get(PAGE.format(chat_id)).text
    assert "1 episode: 1 ended in silence." in html
    assert "Coaching is paused" in html
    assert "What might help" not in html
    assert alex.get(API.format(chat_id)).json()["coaching"] == []


def recent_chat(days_ago: int = 2) -> str:
    """The test chat moved to a few days ago, so the ledger's 4 weeks hold it."""
    day = datetime.now(UTC) - timedelta(days=days_ago)
    return (
        CHAT.replace("02/03/2026", f"{day:%d/%m/%Y}")
        .replace("03/03/2026", f"{day + timedelta(days=1):%d/%m/%Y}")
        .replace(", 18:", ", 10:")
        .replace(", 19:", ", 11:")
    )


def test_the_ledger_shows_the_chats_estimate_apart_and_only_to_the_importer(people, tmp_path):
    alex, sam = people.couple()
    chat_id = import_chat(alex, tmp_path, recent_chat())
    page = alex.get("/api/practice/ratio").json()
    (estimate,) = page["estimated_chats"]
    assert estimate["report_url"] == f"/chats/{chat_id}/report"
    week = estimate["last_7_days"]
    assert (week["positive"], week["negative"], week["estimated"]) == (3, 3, 6)
    assert estimate["last_7_days_said"].startswith("Estimated from the words: 3 warm, 3 tense")
    assert page["estimated_note"] == report_text.ESTIMATED_NOTE
    assert page["last_7_days"]["empty"]  # nothing logged: the estimate is not mixed in
    assert page["recent"] == []
    assert sam.get("/api/practice/ratio").json()["estimated_chats"] == []
    html = TEMPLATES.get_template("chat_report_ledger.html").render(
        page=RatioPage.model_validate(page)
    )
    assert "Estimated from your chats" in html
    assert f'href="/chats/{chat_id}/report"' in html
    assert "never shown to your partner" in html
