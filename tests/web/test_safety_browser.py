"""A real browser against a real server: the quick exit leaves for the neutral page and Back
does not return to the journal; Escape three times does the same; /safety works signed out.
Screenshots of /safety, the screen and its result go to test-artifacts/screenshots/."""

from __future__ import annotations

import pytest

from tests.web import test_browser as real

pytestmark = pytest.mark.browser

server = real.server
browser = real.browser
page = real.page


def shoot(page, name: str) -> None:
    real.shoot(page, f"safety-{name}")


def sign_up_and_in(page, base: str) -> None:
    page.goto(f"{base}/profiles/new")
    page.get_by_label("Profile name").fill("Robin")
    page.get_by_label("Passphrase", exact=True).fill("robin passphrase")
    page.get_by_label("Passphrase again").fill("robin passphrase")
    page.get_by_role("button", name="Create profile").click()
    page.get_by_role("link", name="I have saved it").click()
    sign_in(page, base)


def sign_in(page, base: str) -> None:
    page.goto(f"{base}/signin?name=Robin")
    page.get_by_label("Passphrase").fill("robin passphrase")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/")


def signed_out(page, base: str) -> bool:
    """Whether the server has forgotten this browser's session (the beacon that ends it
    may arrive a moment after the neutral page)."""
    for _ in range(50):
        response = page.request.get(f"{base}/journal", max_redirects=0)
        if response.status == 303 and response.headers["location"] == "/signin":
            return True
        page.wait_for_timeout(100)
    return False


def test_quick_exit_leaves_for_the_neutral_page_and_back_does_not_return(page, server):
    base = server.url
    sign_up_and_in(page, base)
    page.goto(f"{base}/journal")
    assert page.get_by_role("heading", level=1).is_visible()
    page.get_by_role("button", name="Quick exit").click()
    page.wait_for_url(f"{base}/weather")
    assert page.title() == "Weather"
    assert "Bowlby" not in page.content()
    assert signed_out(page, base)
    page.go_back()
    page.wait_for_load_state()
    # The journal was replaced in the history; Back reaches the page before it, which now
    # asks for a sign-in.
    assert page.url == f"{base}/signin", "Back must not return to the journal"
    assert "The five steps" not in page.content()


def test_escape_three_times_leaves_too(page, server):
    base = server.url
    sign_up_and_in(page, base)
    page.goto(f"{base}/journal/triggers")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    assert page.url.endswith("/journal/triggers"), "two presses are not enough"
    page.keyboard.press("Escape")
    page.wait_for_url(f"{base}/weather")
    assert signed_out(page, base)


def test_help_works_signed_out_and_the_screen_reads_well(page, server):
    base = server.url
    page.goto(f"{base}/signin")
    page.get_by_role("link", name="Get help").first.click()
    page.wait_for_url(f"{base}/safety")
    page.get_by_label("Lines for").select_option("GB")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(f"{base}/safety?country=GB")
    assert page.get_by_role("heading", name="Talk to someone now").is_visible()
    assert page.get_by_role("link", name="116 123").is_visible()
    shoot(page, "help")

    sign_up_and_in(page, base)
    page.goto(f"{base}/safety/screen")
    assert page.get_by_text("Step 1 of 2").is_visible()
    shoot(page, "screen")
    page.get_by_label("A lot of tension").check()
    page.get_by_label("Great difficulty").check()
    page.get_by_role("button", name="Next").click()
    assert page.get_by_text("Step 2 of 2").is_visible()
    shoot(page, "screen-hark")
    afraid = page.get_by_role("group", name="Within the last year, have you been afraid")
    afraid.get_by_label("Yes").check()
    page.get_by_role("button", name="See what this means").click()
    page.wait_for_url(f"{base}/safety/screen/result")
    assert page.get_by_role("button", name="Turn on safety mode").is_visible()
    shoot(page, "screen-result")
    page.get_by_role("button", name="Turn on safety mode").click()
    page.wait_for_url(f"{base}/settings/safety")
    assert "Safety mode is on." in page.locator(".notice").inner_text()
    page.get_by_label("Country", exact=True).select_option("GB")
    page.get_by_role("button", name="Save country").click()
    page.wait_for_url(f"{base}/settings/safety")
    assert "Showing lines for United Kingdom." in page.locator(".notice").inner_text()
    shoot(page, "settings")

    page.goto(f"{base}/entries/new")
    assert page.get_by_label("Share with my partner").count() == 0
    page.get_by_label("Title").fill("Tonight")
    page.get_by_label("What happened").fill("Some nights I think about ending it all.")
    page.get_by_role("button", name="Save entry").click()
    page.wait_for_url(f"{base}/entries/*")
    box = page.locator(".safety-note")
    assert "You matter, and help is there right now" in box.inner_text()
    assert box.get_by_role("link", name="116 123").is_visible()
    shoot(page, "calm-box")
