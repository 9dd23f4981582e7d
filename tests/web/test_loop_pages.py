"""The feedback-loop page and its JSON twin: what is missing below 28 days, the estimate with
its chart and caveats, the boxed background, the person's own records only, safety mode; and
one real-browser check of /dynamics/loop."""

from __future__ import annotations

import re

import pytest

from bowlby.services import accounts
from bowlby.services.records import PAUSED_FOR_SAFETY
from bowlby.settings import Settings
from bowlby.store.engine import open_store
from bowlby.web import dynamics_loop_messages as say
from tests.services.test_feedback_loop import BERLIN, seed_days
from tests.web import test_browser as real
from tests.web.test_safety_pages import safety_mode_on

PAGE = "/dynamics/loop"
API = "/api/dynamics/loop"
server = real.server
browser = real.browser
page = real.page


def seed(app, person, *, days: int = 35, shared: bool = False) -> None:
    keyring = accounts.unlock_profile(app.state.store, person.name, person.passphrase)
    seed_days(app.state.store, keyring, BERLIN, days=days, shared=shared)


def text_of(html: str) -> str:
    """The page's words, with tags and runs of white space dropped."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_page_opens_signed_in_and_sends_others_to_sign_in(people, client):
    alex = people.add("Alex")
    shown = alex.get(PAGE)
    assert shown.status_code == 200, shown.text
    assert 'href="/static/dynamics_loop.css"' in shown.text
    assert client.get(PAGE).headers["location"] == "/signin"
    assert client.get(API).status_code == 401


def test_with_no_records_it_says_what_is_missing(people):
    alex = people.add("Alex")
    words = text_of(alex.get(PAGE).text)
    assert "What your own data says" in words
    assert "Not enough data yet to say anything." in words
    assert "You have 0 days with an anxiety rating followed by one within the next day; 28 " \
        "are needed (28 more)." in words  # fmt: skip
    assert "<svg" not in alex.get(PAGE).text
    body = alex.get(API).json()
    assert (body["estimate"]["verdict"], body["chart"], body["series"]) == ("not_enough", None, [])


def test_the_estimate_with_its_chart_caveats_and_background(app, people):
    alex = people.add("Alex")
    seed(app, alex)
    html = alex.get(PAGE).text
    words = text_of(html)
    assert "3.4 points lower after a day with a safe, reliable response" in words
    assert "(95% range -3.7 to -3.2), from 34 days." in words
    for caveat in say.CAVEATS:
        assert caveat in words
    assert '<aside class="background-box" aria-labelledby="background-heading">' in html
    assert say.BACKGROUND_HEADING in words
    assert "cortisol" in words
    assert "oxytocin" in words
    assert "Bowlby measures no hormones and no brain activity" in words
    assert '<svg role="img"' in html
    assert f"<title>{say.CHART_TITLE}</title>" in html
    assert "style=" not in html.split("<svg", 1)[1]
    assert "35 days with an anxiety rating from 02 February 2026 to 08 March 2026, 13 days " \
        "with a safe, reliable response." in words  # fmt: skip
    assert say.NEXT_STEP in words
    for word in ("prove", "cause"):
        assert word not in words.lower()


def test_the_json_twin_is_the_same_context_without_the_svg(app, people):
    alex = people.add("Alex")
    seed(app, alex)
    body = alex.get(API).json()
    assert body["estimate"]["verdict"] == "lower"
    assert body["chart"]["svg"] == ""
    assert body["sentence"] in text_of(alex.get(PAGE).text)
    three = alex.get(API, params={"lag": 3}).json()
    assert three["lag_days"] == 3
    assert three["sentence"].startswith("Too uncertain to tell:")
    assert 'aria-current="page">The next three days' in alex.get(PAGE, params={"lag": 3}).text
    refused = alex.get(API, params={"lag": 7})
    assert refused.status_code == 422
    assert refused.json()["error"]["field"] == "lag"


def test_a_partners_shared_records_are_not_my_data(app, people):
    alex, sam = people.couple()
    seed(app, sam, shared=True)
    assert alex.get(API).json()["series"] == []
    assert sam.get(API).json()["estimate"]["verdict"] == "lower"


def test_safety_mode_keeps_the_page_and_pauses_the_suggestion(app, people):
    alex = people.add("Alex")
    seed(app, alex)
    safety_mode_on(alex)
    words = text_of(alex.get(PAGE).text)
    assert "3.4 points lower" in words
    assert PAUSED_FOR_SAFETY in words
    assert say.NEXT_STEP not in words
    body = alex.get(API).json()
    assert (body["next_step"], body["paused_message"]) == (None, PAUSED_FOR_SAFETY)


@pytest.mark.browser
def test_the_loop_page_in_a_real_browser(page, server):
    base = server.url
    real.sign_up_and_in(page, base)
    store = open_store(Settings())
    try:
        robin = accounts.unlock_profile(store, "Robin", "robin passphrase")
        seed_days(store, robin, BERLIN)
    finally:
        store.dispose()
    page.goto(f"{base}{PAGE}")
    heading = page.get_by_role("heading", name="What your own data says")
    assert heading.is_visible()
    assert "points lower" in page.locator(".loop-estimate").inner_text()
    chart = page.get_by_role("img", name=say.CHART_TITLE)
    assert chart.is_visible()
    assert chart.bounding_box()["width"] > 300
    assert page.locator(".background-box").is_visible()
    page.get_by_role("link", name="The next three days").click()
    page.wait_for_url(f"{base}{PAGE}?lag=3")
    assert page.locator(".loop-estimate").inner_text().startswith("Too uncertain to tell")
    real.shoot(page, "dynamics-loop")
