"""A real browser against a real server: the five steps on a phone-sized screen.

Create a profile, sign in, keep a success moment, log a trigger on a 375×800 screen, then
write a thought record that names a distortion and cites the success moment, and see the
belief drop on the list. Screenshots go to test-artifacts/screenshots/ for people to look at.
"""

from __future__ import annotations

import re

import pytest

from tests.web import test_browser as real

pytestmark = pytest.mark.browser

# The real server, Chromium and a page confined to that server, as in test_browser.
server = real.server
browser = real.browser
page = real.page
sign_up_and_in = real.sign_up_and_in
SCREENSHOTS = real.SCREENSHOTS
PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 900}
TAP = 44  # the smallest comfortable tap target, in CSS pixels


def shoot(page, name: str) -> None:
    real.shoot(page, f"journal-{name}", back_to=PHONE)


def keep_a_success_moment(page, base: str) -> None:
    page.goto(f"{base}/journal/successes")
    page.get_by_label("What did your partner do?").fill("They waited up with tea when I was late")
    page.get_by_label("Reliable: did what they said").check()
    page.get_by_role("button", name="Keep it").click()
    page.wait_for_url(f"{base}/journal/successes")
    assert page.get_by_role("status").inner_text().startswith("Kept.")


def log_a_trigger_on_a_phone(page, base: str) -> None:
    page.set_viewport_size(PHONE)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Journal").click()
    page.get_by_role("link", name="Log a trigger").click()
    page.wait_for_url(f"{base}/journal/triggers")
    form = page.locator("form.quick-form")
    for size in form.locator(".rating label").evaluate_all(
        "labels => labels.map(l => [l.offsetWidth, l.offsetHeight])"
    ):
        assert min(size) >= TAP, f"a strength button is only {size} px"
    button = page.get_by_role("button", name="Log it").bounding_box()
    assert button is not None
    assert button["height"] >= TAP
    shoot(page, "triggers-empty")

    page.get_by_label("What happened?").fill("No reply all afternoon")
    page.get_by_label("What did your partner do, or not do?").select_option(
        label="a late or missing reply"
    )
    page.get_by_label("What did you feel the urge to do?").select_option(label="text or call again")
    form.locator("label[for=strength-7]").click()
    assert page.get_by_role("radio", name="7").is_checked()
    page.get_by_role("button", name="Log it").click()
    page.wait_for_url(f"{base}/journal/triggers")
    assert "Logged." in page.get_by_role("status").inner_text()
    assert page.get_by_role("heading", name="No reply all afternoon").is_visible()
    assert "1 time" in page.locator(".patterns").inner_text()
    shoot(page, "triggers-logged")


def complete_a_thought_record(page, base: str) -> None:
    page.goto(f"{base}/journal/thoughts")
    page.get_by_role("link", name="Write a thought record").click()
    page.get_by_label("What was happening?").fill("No reply all afternoon")
    page.get_by_label("What went through your mind?").fill("They will definitely leave me")
    page.get_by_label("How much did you believe it?").fill("80")
    page.get_by_role("checkbox", name=re.compile("^Catastrophising")).check()
    page.get_by_label("What does not fit it?").fill("They said they had meetings all day.")
    page.get_by_role("checkbox", name=re.compile("They waited up with tea")).check()
    page.get_by_label("What is a fairer way to see it?").fill("They are busy; they come back.")
    page.get_by_label("How much do you believe the first thought now?").fill("30")
    shoot(page, "thought-form")
    page.get_by_role("button", name="Save thought record").click()
    page.wait_for_url(re.compile(r".*/journal/thoughts#thought-.+"))
    assert "down 50 points" in page.get_by_role("status").inner_text()
    card = page.locator(".thought-card").first
    assert card.locator(".belief-drop").inner_text() == "down 50 points"
    assert "catastrophising" in card.inner_text()
    shoot(page, "thoughts")

    card.get_by_role("link", name="Open").click()
    page.wait_for_url(re.compile(r".*/entries/.+"))
    assert "They waited up with tea when I was late" in page.locator(".details").inner_text()
    shoot(page, "thought-entry")


def test_log_a_trigger_on_a_phone_and_finish_a_thought_record(page, server):
    base = server.url
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    sign_up_and_in(page, base)
    keep_a_success_moment(page, base)
    log_a_trigger_on_a_phone(page, base)
    complete_a_thought_record(page, base)
    page.goto(f"{base}/journal")
    shoot(page, "overview")
    page.goto(f"{base}/")
    assert "They waited up with tea" in page.locator(".tile-remember").inner_text()
    shoot(page, "home")

    log = server.log.read_text()
    assert '"POST /journal/thoughts/new HTTP/1.1" 303' in log
    for secret in ("They will definitely leave me", "waited up with tea", "No reply all"):
        assert secret not in log


def test_the_rating_buttons_show_keyboard_focus(page, server):
    base = server.url
    sign_up_and_in(page, base)
    page.goto(f"{base}/journal/triggers")
    page.get_by_role("radio", name="3").focus()
    page.keyboard.press("ArrowRight")
    assert page.get_by_role("radio", name="4").is_checked()
    outline = page.locator("label[for=strength-4]").evaluate(
        "label => getComputedStyle(label).outlineStyle"
    )
    assert outline == "solid"
