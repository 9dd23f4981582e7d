"""A real browser against a real server: a shortened breathing exercise (one round of
resonance breathing, ten seconds) with anxiety rated before and after, grounding one step at
a time, the reduced-motion pacer, and a vulnerability window. Screenshots go to
test-artifacts/screenshots/ for people to look at."""

from __future__ import annotations

import re

import pytest

from tests.web import test_browser as real

pytestmark = pytest.mark.browser

server = real.server
browser = real.browser
page = real.page
sign_up_and_in = real.sign_up_and_in


def expect(locator):
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)


def shoot(page, name: str) -> None:
    real.shoot(page, f"soothing-{name}")


def rate(page, name: str, value: int) -> None:
    page.locator(f"label[for={name}-{value}]").click()
    assert page.locator(f"#{name}-{value}").is_checked()


def test_a_short_breathing_exercise_rated_before_and_after(page, server):
    base = server.url
    sign_up_and_in(page, base)
    page.goto(f"{base}/practice")
    page.get_by_role("link", name="Calm down now").click()
    page.wait_for_url(f"{base}/practice/soothing")
    shoot(page, "home-empty")
    page.locator(".exercise-card", has_text="Resonance breathing").get_by_role(
        "link", name="Start"
    ).click()
    page.wait_for_url(f"{base}/practice/soothing/resonance_breathing")

    rate(page, "anxiety_before", 7)
    page.get_by_label("Rounds").fill("1")
    pacer = page.locator(".pacer")
    assert pacer.is_visible(), "the script shows the pacer"
    page.get_by_role("button", name="Start breathing").click()
    expect(page.locator(".pacer-circle")).to_have_class(re.compile(r"\bis-in\b"))
    assert page.locator(".pacer-word").inner_text() == "In"
    page.wait_for_timeout(1200)
    shoot(page, "pacer-breathing-in")
    expect(page.locator(".pacer-word")).to_have_text("Out", timeout=8000)
    assert "is-out" in page.locator(".pacer-circle").get_attribute("class")
    expect(pacer).to_have_attribute("data-state", "done", timeout=8000)
    assert page.locator(".pacer-status").inner_text() == (
        "Well done: 1 round. How anxious are you now?"
    )
    assert page.get_by_label("Minutes it took").input_value() == "0.2"
    rate(page, "anxiety_after", 4)
    page.get_by_label("Anything you noticed").fill("Slower breath, softer shoulders")
    shoot(page, "pacer-done")
    page.get_by_role("button", name="Save the session").click()
    page.wait_for_url(f"{base}/practice/soothing")
    assert page.get_by_role("status").inner_text() == (
        "Saved. Your anxiety went from 7 to 4. Only you can read this entry."
    )
    card = page.locator(".session-card").first
    assert "Anxiety 7 → 4 · 0.2 min · 1 round" in card.inner_text()
    assert "Slower breath, softer shoulders" in card.inner_text()
    shoot(page, "home-one-session")
    assert "Slower breath" not in server.log.read_text()


def test_grounding_one_step_at_a_time_and_the_reduced_motion_pacer(page, server):
    base = server.url
    sign_up_and_in(page, base)
    page.goto(f"{base}/practice/soothing/grounding_54321")
    steps = page.locator(".grounding-steps li")
    assert steps.nth(0).is_visible()
    assert not steps.nth(1).is_visible()
    page.get_by_role("button", name="Next step").click()
    assert steps.nth(1).is_visible()
    shoot(page, "grounding")

    page.emulate_media(reduced_motion="reduce")
    page.goto(f"{base}/practice/soothing/breathing_478")
    assert "is-reduced" in page.locator(".pacer").get_attribute("class")
    page.get_by_label("Rounds").fill("1")
    page.get_by_role("button", name="Start breathing").click()
    page.wait_for_timeout(1500)
    assert page.locator(".pacer-word").inner_text() == "In"
    assert page.locator(".pacer-count").inner_text() in {"3", "2"}
    assert not page.locator(".pacer-circle").is_visible()
    shoot(page, "pacer-reduced-motion")

    page.goto(f"{base}/practice/soothing/wait_20")
    page.get_by_role("button", name="Start the 20 minutes").click()
    page.wait_for_timeout(1200)
    assert page.locator(".countdown-time").inner_text().startswith("19:5")
    page.get_by_role("button", name="Stop early").click()
    assert page.locator(".countdown-status").inner_text() == "Stopped early; that is fine."
    shoot(page, "wait")


def test_a_vulnerability_window_through_the_page(page, server):
    base = server.url
    sign_up_and_in(page, base)
    page.goto(f"{base}/practice/vulnerability")
    prompt = page.locator(".prompt-text").inner_text()
    page.get_by_label("What did you share?").fill("That I still love the smell of rain")
    rate(page, "discomfort_before", 6)
    rate(page, "discomfort_after", 3)
    page.get_by_label("Turned toward me").check()
    shoot(page, "window-form")
    page.get_by_role("button", name="Keep this window").click()
    page.wait_for_url(f"{base}/practice/vulnerability")
    assert page.get_by_role("status").inner_text().startswith("Window opened.")
    assert prompt in page.locator(".window-card").first.inner_text()
    shoot(page, "window-kept")
