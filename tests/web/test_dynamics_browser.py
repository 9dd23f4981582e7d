"""A real browser against a real server: log two hard conversations through the form, fit
them, open the what-if, change a parameter and see both trajectories and the phase plane, all
with plain forms (no script needed). Screenshots go to test-artifacts/screenshots/."""

from __future__ import annotations

import pytest

from bowlby.dynamics.model import Bilinear, CoupleModel, PartnerModel, simulate
from tests.web import test_browser as real

pytestmark = pytest.mark.browser

server = real.server
browser = real.browser
page = real.page
sign_up_and_in = real.sign_up_and_in
KNOWN = CoupleModel(
    PartnerModel(-0.3, 0.3, Bilinear(0.5, 0.3)),
    PartnerModel(-0.2, 0.4, Bilinear(0.4, 0.2)),
)


def turn_code(seed: int, turns: int = 340) -> str:
    run = simulate(KNOWN, (-1, -1), turns // 2, noise_sd=1.2, seed=seed, round_scores=True)
    scores = [int(s) for pair in zip(run.first[1:], run.second[1:], strict=True) for s in pair]
    return " ".join(f"{score:+d}" if score else "0" for score in scores)


def log_conversation(page, base: str, topic: str, code: str) -> None:
    page.goto(f"{base}/dynamics/log")
    page.get_by_label("What was it about?").fill(topic)
    page.get_by_label("I did").check()
    page.get_by_label("The turns, in order").fill(code)
    page.get_by_role("button", name="Log it").click()
    page.wait_for_url(f"{base}/dynamics/log")
    assert "Logged a hard conversation of 340 turns." in page.get_by_role("status").inner_text()


def test_change_a_parameter_and_see_both_trajectories(page, server):
    base = server.url
    sign_up_and_in(page, base)
    log_conversation(page, base, "the holidays", turn_code(0))
    log_conversation(page, base, "money", turn_code(1))

    page.goto(f"{base}/dynamics")
    assert page.locator("#logged-summary").inner_text().startswith("2 logged, 680 turns")
    page.get_by_role("link", name="Fit all of them together").first.click()
    page.wait_for_url(f"{base}/dynamics/fit?conversation=all")
    assert page.locator("#estimates").is_visible()
    assert page.locator("#phase-plane svg").count() == 1
    real.shoot(page, "dynamics-fit")

    page.get_by_role("link", name="Try a what-if").click()
    page.wait_for_url(f"{base}/dynamics/whatif?**")
    assert page.locator("#trajectories").count() == 1  # a suggested change is shown at once
    page.get_by_label("Which change?").select_option("negative_slope")
    page.get_by_label("New value").fill("0")
    page.get_by_label("Turns to run").fill("25")
    page.get_by_role("button", name="Show the what-if").click()
    page.wait_for_url("**value=0**")
    summary = page.locator("#whatif-summary").inner_text()
    assert summary == (
        "Robin: respond to negativity with less negativity "
        "(pull of the other's negative turns: +0.37 → +0.00)."
    )
    caption = page.locator("#trajectories figcaption").inner_text()
    assert caption.startswith("Both partners' scores over 25 turns. As now, Robin ends at")
    assert "With the change, Robin ends at" in caption
    svg = page.locator("#trajectories svg").inner_html()
    for name in ("Robin", "Partner"):
        assert f"{name}, as now" in svg
        assert f"{name}, with the change" in svg
    assert page.locator("#whatif-plane svg").count() == 1
    real.shoot(page, "dynamics-whatif")

    page.get_by_label("Which change?").select_option("positive_slope")
    page.get_by_label("New value").fill("")
    page.get_by_role("button", name="Show the what-if").click()
    page.wait_for_url("**parameter=positive_slope**")
    assert "repair sooner" in page.locator("#whatif-summary").inner_text()
