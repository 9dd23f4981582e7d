"""A real browser against a real server: draft a message with criticism, see the flag appear
as you type (naming the words), submit, and see a gentler way to say it; a draft with risk
language gets the safety note instead. Screenshots at desktop and phone width go to
test-artifacts/screenshots/composer-*.png."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest

from bowlby.chats.patterns import analyse_text
from tests.web import test_browser as real

pytestmark = pytest.mark.browser

browser = real.browser
page = real.page
sign_up_and_in = real.sign_up_and_in
DRAFT = "You never listen to me. You're so selfish."

# The server, with the composer's routers included when app.py does not include them yet.
SERVE = """
import bowlby.web.app as web_app
from bowlby.settings import Settings
from bowlby.web.api import text
from bowlby.web.pages import composer
from bowlby.web.server import run

made = web_app.create_app


def create_app(*args, **kwargs):
    app = made(*args, **kwargs)
    paths = {getattr(route, "path", "") for route in app.routes}
    if "/compose" not in paths:
        app.include_router(composer.router)
    if "/api/text/analyze" not in paths:
        app.include_router(text.router, prefix="/api")
    return app


web_app.create_app = create_app
run(Settings(), port=PORT)
"""


def shoot(page, name: str) -> None:
    real.shoot(page, f"composer-{name}")


@pytest.fixture
def server(env, tmp_path) -> Iterator[real.Server]:
    port = real.free_port()
    log = tmp_path / "server.log"
    url = f"http://127.0.0.1:{port}"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-c", SERVE.replace("PORT", str(port))],
            env={**os.environ, **env},
            stdout=output,
            stderr=subprocess.STDOUT,
            cwd=tmp_path,
        )
    try:
        real.wait_for_server(url, process, log)
        yield real.Server(url, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        print(f"--- server log ---\n{log.read_text()}")


def test_compose_flags_criticism_live_then_offers_a_gentler_way(page, server):
    from playwright.sync_api import expect

    base = server.url
    sign_up_and_in(page, base)
    page.goto(f"{base}/compose")
    expect(page.get_by_text("Nothing you write here is sent anywhere")).to_be_visible()
    shoot(page, "empty")

    flag = page.locator(".flag-criticism")
    expect(flag).to_be_hidden()
    page.get_by_label("What would you like to say?").press_sequentially(DRAFT, delay=15)
    expect(flag).to_be_visible()
    for item in analyse_text(DRAFT).evidence:
        if item.label == "criticism":
            expect(flag.locator("q", has_text=item.text).first).to_be_visible()
    shoot(page, "live-flag")

    page.get_by_label("What would you like to say?").fill("Thank you for tonight, I loved it")
    expect(flag).to_be_hidden()
    expect(page.locator(".live-flags-status")).to_contain_text("So far nothing reads as")

    page.get_by_label("What would you like to say?").fill(DRAFT)
    page.get_by_role("button", name="Read it back to me").click()
    gentler = page.locator(".gentler")
    expect(gentler).to_be_visible()
    expect(gentler).to_contain_text("I feel ")
    expect(page.get_by_text("Reads as: criticism")).to_be_visible()
    expect(page.locator(".flag-criticism")).to_be_visible()  # shown by the server, no JS needed
    shoot(page, "translated")


def test_compose_with_risk_language_shows_the_safety_note(page, server):
    from playwright.sync_api import expect

    base = server.url
    sign_up_and_in(page, base)
    page.goto(f"{base}/compose")
    page.get_by_label("What would you like to say?").fill("answer me or I swear I'll kill myself")
    page.get_by_role("button", name="Read it back to me").click()
    expect(page.get_by_text("will not suggest a rewording")).to_be_visible()
    expect(page.get_by_text("You matter, and help is there right now")).to_be_visible()
    expect(page.locator(".gentler")).to_have_count(0)
    shoot(page, "safety")
