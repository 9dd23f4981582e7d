"""A real browser against a real server: Maya and Jordan link as partners, Maya walks through
'talk about how we talk' and saves what they agreed, and Jordan, in a browser of his own,
sees it; screenshots at desktop and phone width."""

from __future__ import annotations

import pytest

from tests.web import test_browser as real

pytestmark = pytest.mark.browser

server = real.server
browser = real.browser
page = real.page


def sign_up_and_in(page, base: str, name: str) -> None:
    page.goto(f"{base}/profiles/new")
    page.get_by_label("Profile name").fill(name)
    page.get_by_label("Passphrase", exact=True).fill(f"{name.lower()} passphrase")
    page.get_by_label("Passphrase again").fill(f"{name.lower()} passphrase")
    page.get_by_role("button", name="Create profile").click()
    page.get_by_role("link", name="I have saved it").click()
    page.get_by_label("Passphrase").fill(f"{name.lower()} passphrase")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/")


@pytest.fixture
def second_page(browser, server):
    """A second person's browser, held to our server like the first."""
    context = browser.new_context(viewport=real.DESKTOP)
    elsewhere: list[str] = []
    problems: list[str] = []

    def only_our_server(route) -> None:
        if route.request.url.startswith(server.url + "/"):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    context.route("**/*", only_our_server)
    opened = context.new_page()
    opened.on("pageerror", lambda error: problems.append(str(error)))
    yield opened
    context.close()
    assert elsewhere == []
    assert problems == []


def test_maya_saves_the_conversation_and_jordan_sees_it(page, second_page, server):
    base = server.url
    sign_up_and_in(page, base, "Maya")
    sign_up_and_in(second_page, base, "Jordan")
    page.goto(f"{base}/links")
    page.get_by_role("button", name="Make a code").click()
    code = page.locator("#invitation-code").inner_text()
    second_page.goto(f"{base}/links")
    second_page.get_by_label("Code someone gave you").fill(code)
    second_page.get_by_role("button", name="Link").click()
    second_page.wait_for_url(f"{base}/links*")

    page.goto(f"{base}/practice")
    page.get_by_role("link", name="Talk it through").click()
    page.wait_for_url(f"{base}/practice/how-we-talk")
    assert page.locator(".talk-side", has_text="Jordan").get_by_text("not shared with you").count()
    page.get_by_label("We talked this through").first.check()
    page.get_by_label("A name for the pattern").fill("the midnight spiral")
    page.get_by_label("Maya's change").fill("When I feel ignored, I will say it once and wait")
    page.get_by_label("Jordan's change").fill("When I need space, I will say when I am back")
    assert page.get_by_label("Let Jordan see it too").is_checked()
    real.shoot(page, "talk-walk")
    page.get_by_role("button", name="Save the conversation").click()
    page.wait_for_url(f"{base}/practice/how-we-talk/*")
    assert "Shared with your partner" in page.get_by_role("status").inner_text()
    heading = page.get_by_role("heading", level=1).inner_text()
    assert heading == "The two of us against the midnight spiral"
    real.shoot(page, "talk-saved")

    second_page.goto(f"{base}/practice/how-we-talk")
    second_page.get_by_role("link", name="The two of us against the midnight spiral").click()
    second_page.wait_for_url(f"{base}/practice/how-we-talk/*")
    body = second_page.locator("main").inner_text()
    assert "from Maya" in body
    assert "When I need space, I will say when I am back" in body
    assert "3 of 6 parts talked through" in body
    real.shoot(second_page, "talk-seen-by-partner")
