"""A real browser against a real server: the guide's contents from the main navigation, then
every article in turn through its "next" link, with no console errors (the page fixture
fails on any) and nothing sideways-scrolling. Screenshots go to test-artifacts/screenshots/."""

from __future__ import annotations

import pytest

from bowlby.learn.articles import load_articles
from tests.web import test_browser as real

pytestmark = pytest.mark.browser

server = real.server
browser = real.browser
page = real.page


def test_the_contents_and_every_article_in_turn(page, server):
    base = server.url
    articles = load_articles()
    real.sign_up_and_in(page, base)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Learn").click()
    page.wait_for_url(f"{base}/learn")
    assert page.get_by_role("heading", level=1).inner_text() == "The guide"
    assert page.locator(".learn-contents li").count() == len(articles)
    real.shoot(page, "learn-contents")
    page.get_by_role("link", name=articles[0].meta.title).click()
    for index, article in enumerate(articles):
        page.wait_for_url(f"{base}/learn/{article.slug}")
        assert page.get_by_role("heading", level=1).inner_text() == article.meta.title
        boxes = page.locator(".figure-box")
        assert boxes.count() >= 1
        assert boxes.first.locator(".figure-label").inner_text().lower() == (
            "from your own records"
        )
        assert page.get_by_role("heading", name="What this rests on").is_visible()
        real.shoot(page, f"learn-{index + 1}-{article.slug}")
        if index + 1 < len(articles):
            page.locator("a[rel=next]").click()
    page.goto(f"{base}/learn/{articles[1].slug}?as=avoidant")
    assert "not your own reading" in page.locator(".another-reading").inner_text()
    real.shoot(page, "learn-as-avoidant")
