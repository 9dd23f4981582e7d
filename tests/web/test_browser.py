"""A real browser against a real server: create a profile, sign in, write, read, sign out.

Drives Debian's Chromium through Playwright (never `playwright install`). The server runs as
a subprocess on a free port with its home in a temporary folder; its log is printed when a
test fails. Screenshots go to test-artifacts/screenshots/ for people to look at.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import require_or_skip

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
START_SECONDS = 15


def serve_command(port: int) -> list[str]:
    """`python -m bowlby serve` when the command line exists, else the server module itself."""
    if (REPO / "src" / "bowlby" / "__main__.py").exists():
        return [sys.executable, "-m", "bowlby", "serve", "--port", str(port)]
    code = (
        "from bowlby.web.server import run; from bowlby.settings import Settings; "
        f"run(Settings(), port={port})"
    )
    return [sys.executable, "-c", code]


DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}


def shoot(page: Any, name: str, *, back_to: dict[str, int] = DESKTOP) -> None:
    """Full-page screenshots NAME-desktop.png and NAME-375.png for people to look at; the page
    may not scroll sideways at either width."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for label, size in (("desktop", DESKTOP), ("375", PHONE)):
        page.set_viewport_size(size)
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{label}.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= size["width"], (
            f"{name} scrolls sideways at {label}"
        )
    page.set_viewport_size(back_to)


def sign_up_and_in(page: Any, base: str) -> None:
    """Create Robin's profile through the pages and sign in, as a newcomer would."""
    page.goto(f"{base}/profiles/new")
    page.get_by_label("Profile name").fill("Robin")
    page.get_by_label("Passphrase", exact=True).fill("robin passphrase")
    page.get_by_label("Passphrase again").fill("robin passphrase")
    page.get_by_role("button", name="Create profile").click()
    page.get_by_role("link", name="I have saved it").click()
    page.get_by_label("Passphrase").fill("robin passphrase")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_server(
    url: str, process: subprocess.Popen[bytes], log: Path, seconds: float = START_SECONDS
) -> None:
    """Poll until the server answers; fail with its log if it dies or takes too long."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url + "/signin", timeout=1) as response:  # noqa: S310
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    pytest.fail(f"the server did not answer within {seconds} s:\n{log.read_text()}")


@contextmanager
def running_server(
    command: list[str], env: dict[str, str], folder: Path, port: int, seconds: float = START_SECONDS
) -> Iterator[tuple[str, Path]]:
    """COMMAND serving on PORT from FOLDER; yields its URL and log file, and prints the log when
    it stops (pytest shows it when a test fails)."""
    log = folder / "server.log"
    url = f"http://127.0.0.1:{port}"
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, env=env, stdout=output, stderr=subprocess.STDOUT, cwd=folder
        )
    try:
        wait_for_server(url, process, log, seconds)
        yield url, log
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        print(f"--- server log ---\n{log.read_text()}")


@dataclass
class Server:
    url: str
    log: Path


@pytest.fixture
def server(env, tmp_path) -> Iterator[Server]:
    """A Bowlby server on a free loopback port, its home and log in the test's folder."""
    port = free_port()
    with running_server(serve_command(port), {**os.environ, **env}, tmp_path, port) as found:
        yield Server(*found)


@pytest.fixture
def browser():
    if not CHROMIUM.exists():
        require_or_skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require_or_skip("playwright is not installed (pip install playwright)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser, server):
    """A page that may talk to our server only; anything else is refused and recorded."""
    base = server.url
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    elsewhere: list[str] = []
    problems: list[str] = []

    def only_our_server(route) -> None:
        if route.request.url.startswith(base + "/"):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    context.route("**/*", only_our_server)
    opened = context.new_page()
    opened.on("console", lambda message: message.type == "error" and problems.append(message.text))
    opened.on("pageerror", lambda error: problems.append(str(error)))
    yield opened
    context.close()
    assert elsewhere == [], "the pages asked for something outside this computer"
    assert problems == [], "the browser reported errors (a CSP violation?)"


def test_create_profile_sign_in_write_read_and_sign_out(page, server):
    base = server.url
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(f"{base}/profiles/new")
    page.get_by_label("Profile name").fill("Robin")
    page.get_by_label("Passphrase", exact=True).fill("robin passphrase")
    page.get_by_label("Passphrase again").fill("robin passphrase")
    page.get_by_role("button", name="Create profile").click()

    recovery_key = page.locator("#recovery-key").inner_text()
    assert len(recovery_key) > 20
    page.get_by_role("link", name="I have saved it").click()
    page.wait_for_url(f"{base}/signin?name=Robin")
    assert page.get_by_label("Profile name").input_value() == "Robin"
    page.get_by_label("Passphrase").fill("robin passphrase")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/")
    assert page.get_by_role("heading", level=1).inner_text().endswith(", Robin")

    page.get_by_role("navigation").get_by_role("link", name="Write").click()
    page.get_by_label("Title").fill("A calmer evening")
    page.get_by_label("What happened").fill("We paused before the argument grew.\nIt helped.")
    page.get_by_role("button", name="Save entry").click()
    page.wait_for_url(f"{base}/entries/*")
    assert page.get_by_role("heading", level=1).inner_text() == "A calmer evening"
    assert "We paused before the argument grew." in page.locator(".entry-text").inner_text()
    assert "Only you can read this entry." in page.get_by_role("status").inner_text()

    page.goto(f"{base}/")
    page.screenshot(path=str(SCREENSHOTS / "home-desktop.png"), full_page=True)
    page.set_viewport_size({"width": 375, "height": 812})
    page.screenshot(path=str(SCREENSHOTS / "home-375.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375, "sideways scrolling"

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(f"{base}/signin")
    page.goto(f"{base}/")
    assert page.url == f"{base}/signin"
    assert page.get_by_role("button", name="Sign in").is_visible()

    log = server.log.read_text()
    assert '"POST /entries/new HTTP/1.1" 303' in log
    for secret in ("robin passphrase", recovery_key, "paused before the argument", "calmer"):
        assert secret not in log
    assert "?name=" not in log, "query strings stay out of the access log"


def test_keyboard_users_can_skip_to_the_content(page, server):
    page.goto(f"{server.url}/signin")
    page.keyboard.press("Tab")
    leave = page.get_by_role("button", name="Quick exit")
    assert leave.evaluate("element => element === document.activeElement"), "quick exit first"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.is_visible()
