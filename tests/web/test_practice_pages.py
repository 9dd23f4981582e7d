"""The practice overview: every tool, reachable from the main menu, paused for safety."""

from __future__ import annotations

from tests.web.test_safety_pages import safety_mode_on

TOOL_LINKS = [
    "/practice/checkins",
    "/practice/soothing",
    "/practice/vulnerability",
    "/practice/ratio",
    "/practice/repairs",
    "/practice/cycles",
    "/practice/unsaid",
    "/practice/how-we-talk",
]
NEVER_PAUSED = ("/practice/soothing", "/practice/unsaid")  # private, for oneself alone


def test_the_overview_offers_every_tool_from_the_main_menu(people):
    alex = people.add("Alex")
    assert 'href="/practice"' in alex.get("/").text
    html = alex.get("/practice").text
    for link in TOOL_LINKS:
        assert f'href="{link}"' in html, link
    assert "paused" not in html.lower()


def test_safety_mode_pauses_the_couple_tools_but_not_self_soothing(people):
    alex = people.add("Alex")
    safety_mode_on(alex)
    html = alex.get("/practice").text
    assert "Some exercises are paused" in html
    assert 'href="/practice/soothing"' in html
    assert 'href="/practice/checkins"' not in html
    tools = {tool["href"]: tool["paused"] for tool in alex.get("/api/practice").json()["tools"]}
    assert tools == {link: link not in NEVER_PAUSED for link in TOOL_LINKS}


def test_the_overview_needs_a_sign_in(client):
    assert client.get("/api/practice").status_code == 401
    assert client.get("/practice", follow_redirects=False).status_code in (303, 307)
