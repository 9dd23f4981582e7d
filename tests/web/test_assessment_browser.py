"""A real browser takes the ECR-S from start to finish and sees the plot on the result page.

Same real server, Debian Chromium and Playwright as test_browser.py (whose fixtures this module
uses); the page fixture fails the test on any console error, such as a CSP violation by the
inline SVG. Screenshots at desktop width and at 375 px go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import re

import pytest

from tests.web.test_browser import SCREENSHOTS, browser, page, server  # noqa: F401
from tests.web.test_browser import shoot as real_shoot

pytestmark = pytest.mark.browser

# ECR-S, hand-chosen: anxiety = even items, avoidance = odd; 1, 5, 8, 9 reversed (8 - x).
ANSWERS = [3, 5, 2, 6, 4, 7, 3, 1, 5, 6, 2, 4]
# anxiety   5, 6, 7, 8-1=7, 6, 4 -> 35 / 6 = 5.83; avoidance 8-3=5, 2, 8-4=4, 3, 8-5=3, 2 -> 3.17


def create_and_sign_in(tab, base: str, name: str) -> None:
    tab.goto(f"{base}/profiles/new")
    tab.get_by_label("Profile name").fill(name)
    tab.get_by_label("Passphrase", exact=True).fill(f"{name.lower()} passphrase")
    tab.get_by_label("Passphrase again").fill(f"{name.lower()} passphrase")
    tab.get_by_role("button", name="Create profile").click()
    tab.get_by_role("link", name="I have saved it").click()
    tab.get_by_label("Passphrase").fill(f"{name.lower()} passphrase")
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url(f"{base}/")


def shoot(tab, name: str) -> None:
    real_shoot(tab, name)


def answer(tab, number: int, value: int) -> None:
    question = tab.get_by_role("group", name=re.compile(rf"^{number}\. "))
    question.get_by_label(re.compile(rf"^{value}( =|$)")).check()


def test_take_the_ecr_s_start_to_finish_and_see_the_plot(page, server):  # noqa: F811
    base = server.url
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    create_and_sign_in(page, base, "Robin")
    assert page.get_by_role("heading", name="Where you stand").is_visible()

    page.get_by_role("navigation").get_by_role("link", name="Assess").click()
    page.wait_for_url(f"{base}/assess")
    shoot(page, "assess-list")
    page.get_by_role("button", name="Start the ECR-S").click()
    page.wait_for_url(re.compile(r".*/assess/[0-9a-f-]+/take\?page=1$"))
    assert page.get_by_role("heading", name="Instructions").is_visible()
    assert page.locator("progress").get_attribute("value") == "0"

    # Keyboard: the first statement's radios move with the arrow keys.
    first = page.get_by_role("group", name=re.compile(r"^1\. "))
    first.get_by_label("1 = Strongly disagree").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert first.get_by_label(re.compile(r"^3$")).is_checked()
    for number in range(2, 7):
        answer(page, number, ANSWERS[number - 1])
    shoot(page, "assess-take")
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_url(re.compile(r".*take\?page=2$"))
    assert "6 of 12 answered" in page.locator(".progress-row").inner_text()

    for number in range(7, 13):
        answer(page, number, ANSWERS[number - 1])
    page.get_by_role("button", name="Save and see my result").click()
    page.wait_for_url(re.compile(r".*/assess/[0-9a-f-]+$"))

    plot = page.get_by_role("img", name="The attachment plane")
    assert plot.evaluate("element => element.tagName") == "svg"
    assert plot.is_visible()
    box = plot.bounding_box()
    assert box is not None
    assert box["width"] > 250
    assert box["height"] > 250
    figures = page.locator(".position-figures").inner_text()
    assert "5.83" in figures
    assert "3.17" in figures
    assert "Private: only you can see this result." in page.get_by_role("status").inner_text()
    shoot(page, "assess-result")

    page.goto(f"{base}/")
    assert "5.83" in page.locator(".tile-position").inner_text()
    shoot(page, "home-standing")
    page.goto(f"{base}/assess/couple")
    shoot(page, "assess-couple")
