"""GET /plots/{name}.{fmt}: signed in only, the person's own data (another's chat is not
found), private headers (never cached; PNG and PDF as attachments), and the download links on
the chart pages."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bowlby.services import chat_report
from tests.services.test_chat_report import keyword_reading
from tests.web.test_chat_report_pages import import_chat

NOW = datetime.now(UTC).isoformat()
MAGIC = {"svg": b"<svg", "png": b"\x89PNG", "pdf": b"%PDF"}


@pytest.fixture
def keyword_chats(monkeypatch):
    """Chats read with the tiny keyword analyser, as the chat report's page tests do."""
    monkeypatch.setattr(chat_report, "default_analyser", lambda: keyword_reading)


@pytest.fixture
def alex(people):
    person = people.add("Alex")
    for sign in ("+", "+", "-"):
        logged = person.send("POST", "/api/practice/ratio", {"occurred_at": NOW, "sign": sign})
        assert logged.status_code == 201, logged.text
    return person


def test_a_plot_downloads_in_each_format_with_private_headers(alex):
    for fmt, magic in MAGIC.items():
        response = alex.get(f"/plots/ratio.{fmt}?days=91")
        assert response.status_code == 200, response.text
        assert response.content.startswith(magic)
        assert response.headers["cache-control"] == "no-store"
        disposition = response.headers.get("content-disposition")
        if fmt == "svg":
            assert disposition is None
            assert response.headers["content-type"].startswith("image/svg+xml")
        else:
            assert disposition == f'attachment; filename="bowlby-ratio.{fmt}"'


def test_the_ratio_page_links_its_downloads(alex):
    html = alex.get("/practice/ratio").text
    assert '<a href="/plots/ratio.png?days=28" download>PNG</a>' in html
    assert '<a href="/plots/ratio.pdf?days=28" download>PDF</a>' in html
    for link in ("/plots/ratio.png?days=28", "/plots/ratio.pdf?days=28"):
        assert alex.get(link).status_code == 200


def test_signing_in_is_required(client):
    response = client.get("/plots/ratio.png", follow_redirects=False)
    assert response.headers["location"] == "/signin"


def test_nothing_yet_an_unknown_name_and_a_wrong_format_are_clear(people):
    sam = people.add("Sam")
    empty = sam.get("/plots/ratio.png")
    assert empty.status_code == 404
    assert "Nothing to draw yet" in empty.text
    assert sam.get("/plots/pie.png").status_code == 422
    assert "there is no plot" in sam.get("/plots/pie.png").text
    assert sam.get("/plots/ratio.gif").status_code == 422
    assert sam.get("/plots/ratio.png?chat=abc").status_code == 422


def test_another_persons_chat_is_not_found_and_the_importer_gets_the_links(
    people, keyword_chats, tmp_path
):
    alex, sam = people.couple()
    chat_id = import_chat(alex, tmp_path)
    mine = alex.get(f"/plots/chat-weeks.svg?chat={chat_id}")
    assert mine.status_code == 200, mine.text
    assert mine.content.startswith(b"<svg")
    assert sam.get(f"/plots/chat-weeks.png?chat={chat_id}").status_code == 404
    html = alex.get(f"/chats/{chat_id}/report").text
    for name in ("chat-weeks", "chat-latency", "chat-episodes"):
        assert f'href="/plots/{name}.pdf?chat={chat_id}"' in html
