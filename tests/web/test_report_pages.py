"""GET /report, /report.pdf and /api/report: the signed-in person's own report (never what a
partner shared), charts inline on the page, a private PDF download, the same blocks as JSON,
and coaching left out in safety mode."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest
from pypdf import PdfReader

from bowlby.insights.profile_report_sections import COACHING

NOW = datetime.now(UTC)


def log_trigger(person, action="delayed_reply", shared=False, days_ago=0):
    body = {
        "occurred_at": (NOW - timedelta(days=days_ago)).isoformat(),
        "what_happened": "No reply",
        "partner_action": action,
        "urge": "text_again",
        "strength": 6,
        "shared_with_partner": shared,
    }
    response = person.send("POST", "/api/journal/triggers", body)
    assert response.status_code == 201, response.text


@pytest.fixture
def couple(people):
    alex, sam = people.couple()
    log_trigger(alex)
    log_trigger(alex, days_ago=40)
    log_trigger(sam, action="time_apart", shared=True)
    for sign in ("+", "+", "-"):
        logged = alex.send(
            "POST", "/api/practice/ratio", {"occurred_at": NOW.isoformat(), "sign": sign}
        )
        assert logged.status_code == 201, logged.text
    return alex, sam


def test_the_page_shows_the_persons_own_report_with_inline_charts(couple):
    alex, _sam = couple
    response = alex.get("/report")
    assert response.status_code == 200
    html = response.text
    assert response.headers["cache-control"] == "no-store"
    assert "<h1>Your journey in Bowlby</h1>" in html
    assert "Prepared for Alex on" in html
    assert "2 triggers logged. The partner actions that came most:" in html
    assert "a trip or time away" not in html  # Sam's shared trigger is Sam's
    assert '<figure class="report-chart">' in html
    assert "<svg" in html
    assert "Positive to negative, against the 5:1 line" in html
    assert 'href="/report.pdf"' in html
    assert COACHING["practice"] in html


def test_the_pdf_downloads_privately(couple):
    alex, _sam = couple
    response = alex.get("/report.pdf")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["content-disposition"] == 'attachment; filename="bowlby-report.pdf"'
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) >= 5
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "What changed" in " ".join(text.split())
    assert sum(len(page.images) for page in reader.pages) >= 1


def test_the_json_twin_has_the_same_blocks_without_pictures(couple):
    alex, _sam = couple
    body = alex.get("/api/report").json()
    assert body["person"] == "Alex"
    assert body["all_time"] is True
    assert body["pdf_url"] == "/report.pdf"
    kinds = {block["kind"] for block in body["blocks"]}
    assert {"heading", "paragraph", "table", "break"} <= kinds
    assert "figure" not in kinds
    headings = [b["text"] for b in body["blocks"] if b["kind"] == "heading" and b["level"] == 2]
    assert headings[:2] == ["Questionnaires over time", "Patterns in your chats"]
    assert "What changed" in headings
    assert "a trip or time away" not in str(body)


def test_a_period_is_chosen_with_since_and_until(couple):
    alex, _sam = couple
    day = (NOW - timedelta(days=3)).date()
    body = alex.get("/api/report", params={"since": day.isoformat()}).json()
    assert body["all_time"] is False
    assert body["first_day"] == day.isoformat()
    assert body["pdf_url"] == f"/report.pdf?since={day.isoformat()}"
    texts = [b["text"] for b in body["blocks"]]
    assert "1 trigger logged. The partner actions that came most:" in texts
    backwards = alex.get("/api/report", params={"since": day.isoformat(), "until": "2000-01-01"})
    assert backwards.status_code == 422
    assert backwards.json()["error"]["field"] == "since"
    assert 'value="' + day.isoformat() + '"' in alex.get(f"/report?since={day}").text


def test_a_new_profile_gets_a_short_kind_report(people):
    newcomer = people.add("Robin")
    html = newcomer.get("/report").text
    assert "There is nothing recorded for this period yet, and that is fine." in html
    assert "<svg" not in html


def test_safety_mode_leaves_out_coaching_but_keeps_the_figures(couple):
    alex, _sam = couple
    turned = alex.send("PUT", "/api/safety/preferences", {"safety_mode": True})
    assert turned.status_code == 200, turned.text
    html = alex.get("/report").text
    assert COACHING["practice"] not in html
    assert "2 triggers logged." in html
    assert "Safety mode is on, so the suggestions that coach closeness are left out" in html


def test_signing_in_is_required(client):
    for url in ("/report", "/report.pdf"):
        response = client.get(url, follow_redirects=False)
        assert response.headers["location"] == "/signin"
    assert client.get("/api/report").status_code == 401
