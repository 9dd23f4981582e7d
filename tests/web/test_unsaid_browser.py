"""A real browser against a real server: note something on the unsaid list as if three days
ago, see it nudged on the check-in page, follow the link and raise it with the prefilled gentle
start-up. Screenshots go to test-artifacts/screenshots/ for people to look at."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tests.web import test_browser as real

pytestmark = pytest.mark.browser

server = real.server
browser = real.browser
page = real.page
sign_up_and_in = real.sign_up_and_in


def shoot(page, name: str) -> None:
    real.shoot(page, f"unsaid-{name}")


def test_note_an_item_see_it_nudged_at_the_check_in_and_raise_it(page, server):
    from playwright.sync_api import expect

    base = server.url
    sign_up_and_in(page, base)
    page.goto(f"{base}/practice")
    page.get_by_role("link", name="Note something").click()
    page.wait_for_url(f"{base}/practice/unsaid")
    page.get_by_label("What happened?").fill("You joked about my job at dinner")
    page.get_by_label("One word for how it felt").fill("small")
    page.get_by_text("It happened earlier").click()
    three_days_ago = (datetime.now() - timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    page.get_by_label("When?").fill(three_days_ago)
    page.get_by_role("button", name="Note it").click()
    page.wait_for_url(f"{base}/practice/unsaid")
    expect(page.get_by_role("status").first).to_contain_text("Noted. It is yours alone")
    assert "Waiting 3 days" in page.locator(".unsaid-open").inner_text()
    shoot(page, "list")

    page.goto(f"{base}/practice/checkins")
    nudge = page.locator("#unsaid-nudge")
    expect(nudge).to_contain_text("One thing has waited a while.")
    assert "only if it feels right today" in nudge.inner_text()
    shoot(page, "nudge")
    nudge.get_by_role("link", name="You joked about my job at dinner").click()
    page.wait_for_url(f"{base}/practice/unsaid/*")
    assert page.get_by_label("I feel …").input_value() == "small"
    assert page.get_by_label("about …").input_value() == "you joked about my job at dinner"
    page.get_by_label("about …").fill("the joke at dinner")
    page.get_by_label("I need …").fill("a word with me first")
    page.get_by_label("Went well").check()
    shoot(page, "raise")
    page.get_by_role("button", name="Save how it went").click()
    page.wait_for_url(f"{base}/practice/unsaid")
    expect(page.get_by_role("status").first).to_contain_text("Saying it out loud takes courage")
    assert "Raised today, went well" in page.locator("main").inner_text()
    assert "Nothing waiting." in page.locator("main").inner_text()

    page.goto(f"{base}/practice/checkins")
    assert page.locator("#unsaid-nudge").count() == 0
