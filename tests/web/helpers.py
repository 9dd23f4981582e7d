"""Helpers for the web tests: people who sign in through the API or the pages, and a clock."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import FastAPI
from starlette.testclient import TestClient

BASE_URL = "http://127.0.0.1"
CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')
NOW = datetime(2024, 5, 31, 18, 30, tzinfo=UTC)


class FakeClock:
    """A clock that stands still until a test moves it."""

    def __init__(self, start: datetime = NOW) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def form_token(html: str) -> str:
    """The CSRF token of the first form in a page."""
    found = CSRF_FIELD.search(html)
    assert found, "the page has no form with a csrf_token"
    return found.group(1)


@dataclass
class Person:
    """Someone signed in through the API, with the CSRF header at hand."""

    name: str
    passphrase: str
    client: TestClient
    csrf: str = ""
    profile_id: str = ""
    recovery_key: str = field(default="", repr=False)

    def get(self, url: str, **kwargs: Any):
        return self.client.get(url, **kwargs)

    def send(self, method: str, url: str, json: Any = None):
        return self.client.request(method, url, json=json, headers={"X-CSRF-Token": self.csrf})

    def write(self, title: str, body: str = "", **extra: Any) -> dict[str, Any]:
        draft = {"occurred_at": NOW.isoformat(), "text": {"title": title, "body": body}, **extra}
        response = self.send("POST", "/api/entries", draft)
        assert response.status_code == 201, response.text
        return response.json()

    def page_post(self, page_url: str, action: str, data: dict[str, Any]):
        """Open a page, then post one of its forms with the page's CSRF token."""
        token = form_token(self.client.get(page_url).text)
        return self.client.post(action, data={**data, "csrf_token": token})

    def invite(self, role: str = "partner") -> str:
        response = self.send("POST", "/api/invitations", {"role": role})
        assert response.status_code == 201, response.text
        return response.json()["code"]

    def accept(self, code: str) -> dict[str, Any]:
        response = self.send("POST", "/api/invitations/accept", {"code": code})
        assert response.status_code == 200, response.text
        return response.json()

    def titles(self, whose: str = "all") -> list[str]:
        response = self.get("/api/entries", params={"whose": whose})
        assert response.status_code == 200, response.text
        return [entry["title"] for entry in response.json()["entries"]]


class People:
    """Creates profiles through the API and signs each person in on a client of their own."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app
        self.clients: list[TestClient] = []

    def new_client(self) -> TestClient:
        client = TestClient(self.app, base_url=BASE_URL, follow_redirects=False)
        self.clients.append(client)
        return client

    def add(self, name: str, role: str = "person", *, sign_in: bool = True) -> Person:
        person = Person(name, f"{name.lower()} passphrase", self.new_client())
        created = person.client.post(
            "/api/profiles", json={"name": name, "passphrase": person.passphrase, "role": role}
        )
        assert created.status_code == 201, created.text
        person.profile_id = created.json()["profile"]["id"]
        person.recovery_key = created.json()["recovery_key"]
        if sign_in:
            self.sign_in(person)
        return person

    def sign_in(self, person: Person) -> None:
        response = person.client.post(
            "/api/session", json={"name": person.name, "passphrase": person.passphrase}
        )
        assert response.status_code == 200, response.text
        person.csrf = response.json()["csrf_token"]

    def couple(self) -> tuple[Person, Person]:
        """Alex and Sam, linked as partners."""
        alex, sam = self.add("Alex"), self.add("Sam")
        sam.accept(alex.invite("partner"))
        return alex, sam

    def close(self) -> None:
        for client in self.clients:
            client.close()
