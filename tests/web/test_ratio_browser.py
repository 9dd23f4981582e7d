"""A real browser against a real server: the 5:1 ledger in one tap, then the phrase page.

Create a profile, open the ledger from the practice overview, tap + five times and − once on a
phone-sized screen, see today's count change after each tap, and open the repair phrases from
the ledger. Screenshots go to test-artifacts/screenshots/ for people to look at.
"""

from __future__ import annotations

import pytest

from tests.web import test_browser as real

pytestmark = pytest.mark.browser

server = real.server
browser = real.browser
page = real.page
sign_up_and_in = real.sign_up_and_in
PHONE = {"width": 375, "height": 800}
TAP = 44


def shoot(page, name: str) -> None:
    real.shoot(page, f"practice-{name}", back_to=PHONE)


def today_count(page) -> str:
    return page.locator("#today-count").inner_text()


def test_one_tap_logs_a_moment_and_the_phrases_are_one_tap_away(page, server):
    base = server.url
    sign_up_and_in(page, base)
    page.set_viewport_size(PHONE)
    page.goto(f"{base}/practice")
    page.get_by_role("link", name="Log a moment").click()
    page.wait_for_url(f"{base}/practice/ratio")
    assert today_count(page) == "nothing logged"
    plus = page.get_by_role("button", name="+ Warm moment")
    minus = page.get_by_role("button", name="− Hurtful moment")
    for button in (plus, minus):
        box = button.bounding_box()
        assert box is not None
        assert box["height"] >= TAP
        assert box["width"] >= 200
    shoot(page, "ratio-empty")

    for count in range(1, 6):
        page.get_by_role("button", name="+ Warm moment").click()
        page.wait_for_url(f"{base}/practice/ratio")
        assert today_count(page) == f"{count} positive, none negative"
    assert "Counted: one warm moment." in page.get_by_role("status").inner_text()

    form = page.locator("form.tap-negative")
    form.locator("summary").click()
    form.get_by_label("What kind of moment?").select_option("criticism")
    form.get_by_label("A note").fill("snapped about dishes")
    form.get_by_role("button", name="Count it").click()
    page.wait_for_url(f"{base}/practice/ratio")
    assert today_count(page) == "5 positive, 1 negative (5.0:1)"
    assert page.locator(".ratio-chart svg").is_visible()
    assert "snapped about dishes" in page.locator(".moment-list").inner_text()
    shoot(page, "ratio-logged")

    page.get_by_role("link", name="In a fight right now? Phrases for repair").click()
    page.wait_for_url(f"{base}/practice/repairs/phrases")
    assert page.get_by_role("heading", name="I need to calm down…").is_visible()
    page.get_by_role("navigation", name="Purposes").get_by_role("link", name="Stop!").click()
    assert page.get_by_role("heading", name="Stop!").is_visible()
    shoot(page, "repair-phrases")


def test_a_rupture_and_its_repair_in_the_browser(page, server):
    base = server.url
    sign_up_and_in(page, base)
    page.set_viewport_size(PHONE)
    page.goto(f"{base}/practice/repairs")
    page.get_by_label("What happened?").fill("Argued about the weekend plans")
    page.locator("label[for=intensity-6]").click()
    page.get_by_role("button", name="Log the rupture").click()
    page.wait_for_url(f"{base}/practice/repairs")
    assert "Open for" in page.locator(".rupture-open").inner_text()
    shoot(page, "repairs-open")

    page.get_by_role("link", name="Add the repair").click()
    page.get_by_label("apology").check()
    page.get_by_label("validation").check()
    page.get_by_label("both of us").check()
    page.get_by_role("button", name="Save the repair").click()
    page.wait_for_url(f"{base}/practice/repairs")
    assert "Repaired in" in page.get_by_role("status").inner_text()
    assert "apology, validation" in page.locator(".repair-line").inner_text()
    shoot(page, "repairs-repaired")
