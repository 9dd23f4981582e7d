"""A real browser against a real server: name a cycle, fill in both sides of the loop in the
one builder form, and see the loop drawn; screenshots at desktop and phone width."""

from __future__ import annotations

import pytest

from tests.web import test_browser as real

pytestmark = pytest.mark.browser

server = real.server
browser = real.browser
page = real.page
sign_up_and_in = real.sign_up_and_in


def test_build_a_cycle_and_see_the_loop(page, server):
    base = server.url
    sign_up_and_in(page, base)
    page.goto(f"{base}/practice")
    page.get_by_role("link", name="Map the cycle").click()
    page.wait_for_url(f"{base}/practice/cycles")
    real.shoot(page, "cycles-empty")

    page.get_by_label("Name the cycle").fill("The silence after dinner plans fall through")
    page.get_by_role("button", name="Start the cycle").click()
    page.wait_for_url(f"{base}/practice/cycles/*")
    assert "Cycle started." in page.get_by_role("status").inner_text()

    page.get_by_label("What sets it off for you?").fill(
        "Plans are cancelled by text and then nothing more is said"
    )
    page.get_by_text("Choose feeling words").click()
    page.get_by_label("lonely").check()
    page.get_by_label("let down").check()
    page.get_by_label("A fear beneath it").select_option(label="fear of abandonment")
    page.locator("#feel").fill("like I am an afterthought")
    page.get_by_label("What you do", exact=True).select_option(
        label="reach out again and again (calls, texts)"
    )
    page.locator("#do").fill("I send message after message asking if we are okay")
    page.get_by_label("How does your partner read what you do?").fill(
        "As pressure, and proof that they have let me down again"
    )
    page.locator("#their_feel").fill("not good enough, cornered")
    page.get_by_label("What they do", exact=True).select_option(label="go quiet")
    real.shoot(page, "cycle-builder")
    page.get_by_role("button", name="Save my side").click()
    page.wait_for_url(f"{base}/practice/cycles/*#loop")
    assert "Your side and your guess" in page.get_by_role("status").inner_text()

    figure = page.locator("figure.cycle-figure svg")
    assert figure.get_attribute("role") == "img"
    assert figure.locator("g.loop-step").count() == 6
    assert figure.locator("path.loop-arrow").count() == 6
    steps = page.locator("ol.cycle-steps li")
    assert steps.count() == 6
    assert "My partner sees it as (a guess)" in steps.nth(3).inner_text()
    box = figure.bounding_box()
    assert box is not None
    assert box["width"] > 300
    page.set_viewport_size(real.PHONE)
    phone_box = figure.bounding_box()
    assert phone_box is not None
    assert phone_box["width"] <= real.PHONE["width"]
    page.set_viewport_size(real.DESKTOP)
    page.evaluate("window.scrollTo(0, 0)")
    real.shoot(page, "cycle-loop")
    page.locator("#loop").screenshot(path=str(real.SCREENSHOTS / "cycle-loop-figure.png"))
