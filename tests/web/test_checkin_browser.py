"""A real browser against a real server: the daily check-in with its timer, answers saved and
shown for today, the couple's time set, and the page reminder switched on. Screenshots go to
test-artifacts/screenshots/ for people to look at."""

from __future__ import annotations

import pytest

from tests.web import test_browser as real

pytestmark = pytest.mark.browser

server = real.server
browser = real.browser
page = real.page
sign_up_and_in = real.sign_up_and_in


def shoot(page, name: str) -> None:
    real.shoot(page, f"checkins-{name}")


def test_a_check_in_with_the_timer_saved_and_shown(page, server):
    from playwright.sync_api import expect

    base = server.url
    sign_up_and_in(page, base)
    page.goto(f"{base}/practice")
    page.get_by_role("link", name="Start a check-in").click()
    page.wait_for_url(f"{base}/practice/checkins")
    shoot(page, "empty")

    timer = page.locator("#timer")
    assert timer.locator("#timer-left").inner_text() == "15:00"
    page.get_by_role("button", name="Start", exact=True).click()
    expect(timer.locator("#timer-left")).not_to_have_text("15:00")
    page.get_by_role("button", name="Pause").click()
    assert "Paused." in timer.locator(".timer-status").inner_text()
    assert page.get_by_label("Minutes it took").input_value() == "1"
    assert "current" in (timer.locator(".script-steps li").first.get_attribute("class") or "")

    page.get_by_label("One word for how you feel").fill("hopeful")
    page.get_by_label("A few words about it").fill("The week eased off a little.")
    page.get_by_label("My appreciation").fill("You made tea when I got home late.")
    page.get_by_label("The practical thing").fill("Bins go out on Thursday.")
    page.get_by_label("My need for tomorrow").fill("A quiet morning before work.")
    page.get_by_label("Share with my partner, for our shared summary").check()
    page.get_by_label("Minutes it took").fill("14")
    page.get_by_role("button", name="Save my check-in").click()
    page.wait_for_url(f"{base}/practice/checkins#today")
    assert page.get_by_role("status").first.inner_text() == (
        "Check-in saved. Shared with your partner."
    )
    today = page.locator("#today")
    assert today.locator(".feeling-word").inner_text() == "hopeful"
    assert "A quiet morning before work." in today.inner_text()
    assert "14 min" in today.inner_text()
    assert "1 day in a row, counting today." in page.locator(".checkin-rhythm").inner_text()
    shoot(page, "saved")

    page.get_by_label("Time of day").fill("20:30")
    page.get_by_label("Mon").check()
    page.get_by_label("Thu").check()
    page.get_by_role("button", name="Set the time").click()
    page.wait_for_url(f"{base}/practice/checkins#schedule")
    schedule = page.locator("#schedule")
    assert "20:30 on Mon, Thu" in schedule.inner_text()
    assert schedule.get_by_role("link", name="Add to my calendar (.ics)").is_visible()

    page.context.grant_permissions(["notifications"], origin=base)
    remind = page.get_by_role("button", name="Remind me on this page")
    assert remind.is_visible()
    remind.click()
    expect(schedule.locator(".remind-status")).to_contain_text("while this page stays open")
    assert schedule.locator(".remind-status").inner_text().startswith("A reminder will show at ")
    shoot(page, "schedule")

    page.locator(".rhythm-strip li").last.locator("a").click()
    page.wait_for_url(f"{base}/practice/checkins/day?day=*")
    assert "hopeful" in page.locator("main").inner_text()
    shoot(page, "day")
