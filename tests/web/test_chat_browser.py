"""A real browser against a real server: import a WhatsApp export, say which sender you are,
follow the import to its end and find the chat listed. Screenshots go to
test-artifacts/screenshots/ for people to look at."""

from __future__ import annotations

import pytest

from tests.chats.samples import write_chat
from tests.web import test_browser as real

pytestmark = pytest.mark.browser

server = real.server
browser = real.browser
page = real.page
sign_up_and_in = real.sign_up_and_in


def shoot(page, name: str) -> None:
    real.shoot(page, f"chats-{name}")


def test_import_a_chat_in_the_browser(page, server, tmp_path):
    from playwright.sync_api import expect

    base = server.url
    sign_up_and_in(page, base)
    page.get_by_role("link", name="Chats").click()
    page.wait_for_url(f"{base}/chats")
    shoot(page, "empty")
    page.get_by_label("The export file").set_input_files(str(write_chat(tmp_path)))
    page.get_by_role("button", name="Upload and continue").click()
    expect(page.get_by_text("Which one is you?")).to_be_visible()
    shoot(page, "which-one")
    page.get_by_label("Maya").check()
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_role("heading", name="Imported")).to_be_visible(timeout=20_000)
    expect(page.get_by_text("6 new messages")).to_be_visible()
    shoot(page, "imported")
    page.get_by_role("link", name="Your chats").click()
    expect(page.get_by_text("6 messages")).to_be_visible()
    shoot(page, "listed")
