"""A tour of the demo as each partner: `bowlby serve --demo` in a subprocess, then a bounded
breadth-first walk from the main menu over every same-origin link. Each page must answer 200
with no browser errors, no failed requests, no empty placeholders, pictures that render, and
every link on it must work. Screenshots go to test-artifacts/screenshots/tour/.

Forms are never submitted, so delete and unlink confirmations are looked at, never confirmed;
downloads are requested, not opened; of many records of one kind a few are visited (all their
links are still checked)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from bowlby.demo import DEMO_LOGINS
from tests.web import test_browser as real
from tests.web import tour_helpers as tour

pytestmark = pytest.mark.browser

browser = real.browser
PAGES_PER_PARTNER = 120
TOUR_SHOTS = real.SCREENSHOTS / "tour"
# Outside links a page may carry: phone and mail for help lines everywhere; https addresses
# only where the help lines and the guide's sources are listed.
OUTSIDE_SCHEMES = ("tel:", "mailto:")
OUTSIDE_PAGES = ("/safety", "/learn/{")


@dataclass
class TourLog:
    """What one partner's tour found, in the words the failure message prints."""

    problems: list[str] = field(default_factory=list)
    placeholders: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)
    shots: set[str] = field(default_factory=set)

    def add(self, path: str, what: str, items: list[Any]) -> None:
        self.problems.extend(f"{path}: {what}: {item}" for item in items)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Iterator[str]:
    """One demo server for the module: seeding the couple takes several seconds."""
    folder = tmp_path_factory.mktemp("demo-tour")
    with tour.demo_server(folder, real.free_port()) as (url, _log):
        yield url


def sign_in(page: Any, base: str, name: str, passphrase: str) -> None:
    page.goto(f"{base}/signin")
    page.get_by_label("Profile name").fill(name)
    page.get_by_label("Passphrase").fill(passphrase)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/")


def watch(page: Any, base: str, found: list[str]) -> None:
    """Record console errors, page errors, failed requests and any request off this computer."""

    def only_our_server(route: Any) -> None:
        if route.request.url.startswith(base + "/"):
            route.continue_()
        else:
            found.append(f"asked for {route.request.url}")
            route.abort()

    page.context.route("**/*", only_our_server)
    page.on("console", lambda msg: msg.type == "error" and found.append(f"console: {msg.text}"))
    page.on("pageerror", lambda error: found.append(f"page error: {error}"))
    page.on("requestfailed", lambda req: found.append(f"request failed: {req.url}"))


def check_link(page: Any, base: str, path: str, log: TourLog) -> bool:
    """Request PATH with the signed-in session once; True when it is an HTML page."""
    if path in log.checked:
        return log.checked[path] == 1
    response = page.request.get(base + path)
    is_page = response.ok and response.headers.get("content-type", "").startswith("text/html")
    log.checked[path] = 1 if is_page else 0
    if not response.ok:
        log.problems.append(f"broken link {path}: {response.status}")
    return is_page


def note_outside(source: str, href: str, log: TourLog) -> None:
    """An outside link is allowed for help lines and sources; anything else is a problem."""
    if href.startswith(OUTSIDE_SCHEMES):
        return
    pattern = tour.path_pattern(source)
    if href.startswith("https://") and pattern.startswith(OUTSIDE_PAGES):
        log.outside.append(f"{source}: {href}")
        return
    log.problems.append(f"{source}: a link leaves this computer: {href}")


def visit(page: Any, base: str, path: str, name: str, log: TourLog) -> list[str]:
    """Open one page, check it, screenshot it; return the same-origin paths it links to."""
    response = page.goto(base + path, wait_until="load")
    status = response.status if response else 0
    if status != 200:
        log.problems.append(f"{path}: status {status}")
    facts = page.evaluate(tour.PAGE_FACTS)
    phrases = tour.placeholder_phrases(name, path, facts["text"], facts["prose"])
    log.placeholders.extend(f"{path}: {phrase}" for phrase in phrases)
    flat = [m["label"] for m in facts["media"] if not (m["width"] and m["height"] and m["loaded"])]
    log.add(path, "a picture with no size", flat)
    shot = f"{name.lower()}-{tour.slug(path, log.shots)}.png"
    page.screenshot(path=str(TOUR_SHOTS / shot), full_page=True)
    links = []
    for href in facts["links"]:
        if href.startswith("#"):
            continue
        target = tour.same_origin_path(base, page.url, href)
        if target is None:
            note_outside(path, href, log)
        elif check_link(page, base, target, log):
            links.append(target)
    return links


def take_tour(page: Any, base: str, name: str) -> tuple[tour.Frontier, TourLog]:
    """Walk the demo from the main menu as NAME; every same-origin page within the cap."""
    log = TourLog()
    found: list[str] = []
    watch(page, base, found)
    frontier = tour.Frontier(limit=PAGES_PER_PARTNER)
    page.goto(f"{base}/")
    menu = page.get_by_role("navigation", name="Main").locator("a[href]")
    for href in menu.evaluate_all("links => links.map((a) => a.getAttribute('href'))"):
        frontier.offer(tour.same_origin_path(base, page.url, href) or href)
    frontier.offer("/")
    while (path := frontier.next()) is not None:
        before = len(found)
        for target in visit(page, base, path, name, log):
            frontier.offer(target)
        log.add(path, "browser", found[before:])
    return frontier, log


@pytest.mark.parametrize(("name", "passphrase"), DEMO_LOGINS, ids=[n for n, _ in DEMO_LOGINS])
def test_every_demo_page_works_and_is_filled(browser, demo, name, passphrase):
    TOUR_SHOTS.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    context = browser.new_context(viewport=real.DESKTOP)
    try:
        page = context.new_page()
        sign_in(page, demo, name, passphrase)
        frontier, log = take_tour(page, demo, name)
    finally:
        context.close()
    seconds = time.monotonic() - started
    listing = "\n".join(frontier.visited)
    (TOUR_SHOTS / f"{name.lower()}-pages.txt").write_text(listing + "\n")
    print(f"{name}: {len(frontier.visited)} pages, {len(log.checked)} links in {seconds:.0f} s")
    print(listing, *log.outside, sep="\n")
    assert not frontier.capped, f"the tour stopped at the cap of {PAGES_PER_PARTNER} pages"
    assert len(frontier.visited) >= 20, "the tour found too few pages to be a tour"
    failures = [*log.problems, *(f"empty placeholder on {p}" for p in log.placeholders)]
    assert failures == [], f"{name}'s tour:\n" + "\n".join(failures)
