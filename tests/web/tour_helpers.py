"""Helpers for the demo tour: the demo server as a subprocess, which links to follow, and what
counts as an empty placeholder on a page the demo should fill."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from tests.conftest import CHEAP_KDF
from tests.web.test_browser import running_server

# Seeding about 90 days for two people takes ~15 s on two busy cores; give it room.
DEMO_START_SECONDS = 120
DOWNLOAD_SUFFIXES = (".pdf", ".png", ".ics", ".svg", ".md", ".json", ".csv")
# Visiting them shows a confirmation only; no form on any page is ever submitted.
DESTRUCTIVE = re.compile(r"/(delete|unlink)$")
# A path segment that names one record rather than a page: uuids, long hex, numbers.
RECORD_ID = re.compile(r"^([0-9a-f]{8}-[0-9a-f-]{27}|[0-9a-f]{12,}|[0-9A-Za-z_-]{20,}|\d+)$")
# Enough records of one kind to see every layout; the links to the rest are still checked.
RECORDS_PER_PATTERN = 3
# Words a template or a missing value leaves behind. "None" and "nan" followed by ordinary
# prose ("None of these", "my nan's radio") are words, not values.
PLACEHOLDERS = re.compile(
    r"TODO|(?i:lorem)|(?i:placeholder)|\bNone\b(?![ \t]+[a-z])|\bnan\b(?!['’])|\bNaN\b"
    r"|\bundefined\b|\{\{|\{%|Traceback"
)
# What a page says when it has nothing to show. Looked for outside form controls, where
# "Not yet" is an answer to choose, not a state.
EMPTY_STATES = re.compile(r"(?i)\b(nothing|no|none|nobody|not|too few)\b[^.!?\n]{0,80}?\byet\b")
# Empty states the demo keeps on purpose: (partner or "*", path pattern) -> the phrase, with
# the reason. A chat is never shared, and Jordan has imported none (tests/test_demo.py).
NO_CHAT_OF_HIS_OWN = re.compile(r"^No chats? imported yet")
EXPECTED_EMPTY = {
    # The rhythm grid links every day, days off included; the tour opens the first one.
    ("*", "/practice/checkins/day?"): re.compile(r"^Nothing shared by \w+ for this day yet$"),
    ("Jordan", "/dynamics"): NO_CHAT_OF_HIS_OWN,
    ("Jordan", "/practice/how-we-talk"): NO_CHAT_OF_HIS_OWN,
}


def demo_env(home: Path) -> dict[str, str]:
    """This process's environment without any BOWLBY_ setting, pointed at HOME."""
    kept = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("BOWLBY_") or name == "BOWLBY_REQUIRE_ALL"
    }
    return {**kept, "BOWLBY_HOME": str(home), **CHEAP_KDF}


@contextmanager
def demo_server(folder: Path, port: int) -> Iterator[tuple[str, Path]]:
    """`bowlby serve --demo` on PORT with its home in FOLDER; yields its URL and log file and
    prints the log when it stops (pytest shows it when a test fails)."""
    command = [sys.executable, "-m", "bowlby", "serve", "--demo", "--port", str(port)]
    environment = demo_env(folder / "home")
    with running_server(command, environment, folder, port, DEMO_START_SECONDS) as found:
        yield found


def same_origin_path(base: str, page_url: str, href: str) -> str | None:
    """HREF as path?query when it points at our server, else None (fragments dropped)."""
    resolved = urlsplit(urljoin(page_url, href))
    if f"{resolved.scheme}://{resolved.netloc}" != base:
        return None
    path = resolved.path or "/"
    return f"{path}?{resolved.query}" if resolved.query else path


def path_pattern(path: str) -> str:
    """The page a path shows, with record ids replaced: /entries/ab12… -> /entries/{id}."""
    bare = path.split("?", 1)[0]
    return "/".join("{id}" if RECORD_ID.match(part) else part for part in bare.split("/"))


def slug(path: str, taken: set[str]) -> str:
    """A file name for a page's screenshot, readable and unique within one partner's tour."""
    words = [p for p in re.split(r"[^0-9A-Za-z]+", path_pattern(path)) if p] or ["home"]
    if "?" in path:
        words.append("query")
    name = "-".join(words)
    candidate, number = name, 1
    while candidate in taken:
        number += 1
        candidate = f"{name}-{number}"
    taken.add(candidate)
    return candidate


def is_download(path: str) -> bool:
    return path.split("?", 1)[0].lower().endswith(DOWNLOAD_SUFFIXES)


@dataclass
class Frontier:
    """The bounded breadth-first queue of pages still to visit for one partner."""

    limit: int
    queue: list[str] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    per_pattern: dict[str, int] = field(default_factory=dict)
    visited: list[str] = field(default_factory=list)
    capped: bool = False

    def offer(self, path: str) -> None:
        """Queue PATH unless seen, a download, or one more of a pattern already sampled."""
        if path in self.seen or is_download(path) or path.startswith("/api/"):
            return
        self.seen.add(path)
        key = path_pattern(path) + ("?" if "?" in path else "")
        allowed = RECORDS_PER_PATTERN if "{id}" in key and "?" not in key else 1
        if self.per_pattern.get(key, 0) >= allowed:
            return
        self.per_pattern[key] = self.per_pattern.get(key, 0) + 1
        self.queue.append(path)

    def next(self) -> str | None:
        if not self.queue:
            return None
        if len(self.visited) >= self.limit:
            self.capped = True
            return None
        path = self.queue.pop(0)
        self.visited.append(path)
        return path


def placeholder_phrases(name: str, path: str, text: str, prose: str) -> list[str]:
    """Placeholder words in a page's visible TEXT and empty-state sentences in its PROSE (the
    text outside form controls), less the empty states NAME's demo keeps on this page."""
    key = path_pattern(path) + ("?" if "?" in path else "")
    expected = [EXPECTED_EMPTY.get((who, key)) for who in ("*", name)]
    empty = [
        m
        for m in EMPTY_STATES.finditer(prose)
        if not any(allowed and allowed.match(m[0]) for allowed in expected)
    ]
    return [_in_context(text, m) for m in PLACEHOLDERS.finditer(text)] + [
        _in_context(prose, m) for m in empty
    ]


def _in_context(text: str, match: re.Match[str]) -> str:
    """The phrase with a little of the text around it, on one line, so a reader can find it."""
    around = text[max(match.start() - 40, 0) : match.end() + 40]
    return f"{match.group(0)!r} in …{' '.join(around.split())}…"


# Read once per page in the browser: visible text (and the same without form controls, hidden
# for a moment through the CSSOM, which the pages' CSP allows), every link, each picture's size.
PAGE_FACTS = """() => {
  const media = [...document.querySelectorAll("img, svg")]
    .filter((el) => !el.parentElement.closest("svg"))
    .map((el) => {
      const box = el.getBoundingClientRect();
      const loaded = el.tagName.toLowerCase() !== "img" || (el.complete && el.naturalWidth > 0);
      const label = el.getAttribute("alt") || el.getAttribute("aria-label")
        || (el.querySelector("title") || {}).textContent || el.outerHTML.slice(0, 80);
      return {label, width: box.width, height: box.height, loaded};
    });
  const links = [...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href"));
  const text = document.body.innerText;
  const controls = [...document.querySelectorAll("label, legend, select, option, button")];
  const saved = controls.map((el) => el.style.getPropertyValue("display"));
  controls.forEach((el) => el.style.setProperty("display", "none", "important"));
  const prose = document.body.innerText;
  controls.forEach((el, i) => el.style.setProperty("display", saved[i]));
  return {text, prose, links, media};
}"""
