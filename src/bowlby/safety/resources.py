"""Crisis and domestic-abuse lines by country, from `data/resources.json`, shown offline.

Each country lists its emergency number and one or more lines, each with what it is for, its
hours where known, a website as text, the page on which the number was read and whether it
could be read at all (`verified`). An unknown country gets the fallback: call the local
emergency number, and how to find a line, without recommending any commercial service.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, Literal

from bowlby.errors import DamagedData, InputError
from bowlby.safety import messages
from bowlby.safety.datafile import read_data, require, text_at

RESOURCES_FILE = "resources.json"
Purpose = Literal["domestic_abuse", "crisis", "both"]
PURPOSES = ("domestic_abuse", "crisis", "both")
ALIASES = {"UK": "GB"}
_PHONE = re.compile(r"^[#*+]?\(?\d[\d ()\-]*\d$")
_CODE = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True)
class Service:
    name: str
    phone: str
    purpose: Purpose
    website: str
    verified: bool
    hours: str | None = None
    also: tuple[str, ...] = ()
    text: str | None = None
    confirmed_in: str | None = None
    note: str | None = None

    def serves(self, need: str) -> bool:
        """True for a line for ``need`` ("crisis" or "domestic_abuse") or for both."""
        return self.purpose in (need, "both")


@dataclass(frozen=True)
class CountryResources:
    """What to show for one country; ``known`` is False for the fallback."""

    code: str
    name: str | None
    emergency: str | None
    services: tuple[Service, ...]
    fallback: str
    international: str
    known: bool = True
    emergency_note: str | None = None
    source: str | None = None
    checked: date | None = None
    verified: bool = False
    note: str | None = None
    unknown: str | None = None  # "Bowlby doesn't have lines listed for XX yet."

    def lines_for(self, need: str) -> tuple[Service, ...]:
        """The lines for "crisis" or "domestic_abuse" (lines for both count for each)."""
        if need not in ("crisis", "domestic_abuse"):
            raise InputError("ask for 'crisis' or 'domestic_abuse' lines", field="need")
        return tuple(service for service in self.services if service.serves(need))


def resources_for(country_code: str | None) -> CountryResources:
    """Lines for a two-letter country code (any case; "UK" means GB); None or a code Bowlby
    has no lines for gets the fallback with a sentence saying so."""
    if country_code is not None and not isinstance(country_code, str):
        raise InputError("a two-letter country code such as GB or DE", field="country")
    code = _normalise(country_code)
    countries = _load()
    if code in countries:
        return countries[code]
    fallback = messages.resource_text("fallback")
    shown = code or "your country"
    return CountryResources(
        code=code,
        name=None,
        emergency=None,
        services=(),
        fallback=fallback,
        international=messages.resource_text("international"),
        known=False,
        unknown=messages.resource_text("unknown_country").format(country=shown),
    )


def list_countries() -> tuple[tuple[str, str], ...]:
    """(code, name) of every country with lines, sorted by name."""
    return tuple(
        sorted(
            ((code, entry.name or code) for code, entry in _load().items()),
            key=lambda pair: pair[1],
        )
    )


def looks_like_phone_number(number: str) -> bool:
    """Digits with spaces, dashes or brackets, optionally a leading +, # or *: 3 to 15 digits."""
    digits = sum(character.isdigit() for character in number)
    return bool(_PHONE.match(number)) and 3 <= digits <= 15


def _normalise(country_code: str | None) -> str:
    code = (country_code or "").strip().upper()
    return ALIASES.get(code, code)


@cache
def _load() -> dict[str, CountryResources]:
    data = read_data(RESOURCES_FILE)
    entries = require(data.get("countries"), list, f"{RESOURCES_FILE}.countries")
    countries: dict[str, CountryResources] = {}
    for number, raw in enumerate(entries):
        entry = _read_country(require(raw, dict, f"{RESOURCES_FILE}.countries[{number}]"))
        if entry.code in countries:
            raise DamagedData(f"{RESOURCES_FILE}: {entry.code} is listed twice")
        countries[entry.code] = entry
    return countries


def _read_country(raw: dict[str, Any]) -> CountryResources:
    code = raw.get("country")
    if not isinstance(code, str) or not _CODE.match(code):
        raise DamagedData(f"{RESOURCES_FILE}: country {code!r} is not a two-letter code")
    where = f"{RESOURCES_FILE}: {code}"
    emergency = text_at(raw, "emergency", where)
    if not looks_like_phone_number(emergency):
        raise DamagedData(f"{where}.emergency: {emergency!r} does not look like a phone number")
    services = tuple(
        _read_service(item, f"{where}.services[{n}]")
        for n, item in enumerate(require(raw.get("services"), list, f"{where}.services"))
    )
    if not services:
        raise DamagedData(f"{where}: lists no service")
    verified = require(raw.get("verified"), bool, f"{where}.verified")
    if verified != all(service.verified for service in services):
        raise DamagedData(f"{where}.verified: must be true exactly when every line is")
    return CountryResources(
        code=code,
        name=text_at(raw, "name", where),
        emergency=emergency,
        emergency_note=_optional_text(raw, "emergency_note", where),
        services=services,
        fallback=messages.resource_text("fallback"),
        international=messages.resource_text("international"),
        source=text_at(raw, "source", where),
        checked=_date(raw, where),
        verified=verified,
        note=_optional_text(raw, "note", where),
    )


def _read_service(raw: Any, where: str) -> Service:
    raw = require(raw, dict, where)
    phones = [text_at(raw, "phone", where), *require(raw.get("also", []), list, where)]
    for phone in phones:
        if not isinstance(phone, str) or not looks_like_phone_number(phone):
            raise DamagedData(f"{where}: {phone!r} does not look like a phone number")
    purpose = raw.get("purpose")
    if purpose not in PURPOSES:
        raise DamagedData(f"{where}.purpose: expected one of {', '.join(PURPOSES)}")
    verified = require(raw.get("verified"), bool, f"{where}.verified")
    confirmed_in = _optional_text(raw, "confirmed_in", where)
    note = _optional_text(raw, "note", where)
    if verified != (confirmed_in is not None):
        raise DamagedData(f"{where}: a verified line names the page it was read on, and only then")
    if not verified and not note:
        raise DamagedData(f"{where}: an unverified line needs a note saying so")
    return Service(
        name=text_at(raw, "name", where),
        phone=phones[0],
        purpose=purpose,
        website=text_at(raw, "website", where),
        verified=verified,
        hours=_optional_text(raw, "hours", where),
        also=tuple(phones[1:]),
        text=_optional_text(raw, "text", where),
        confirmed_in=confirmed_in,
        note=note,
    )


def _optional_text(raw: dict[str, Any], key: str, where: str) -> str | None:
    value = raw.get(key)
    return None if value is None else str(require(value, str, f"{where}.{key}"))


def _date(raw: dict[str, Any], where: str) -> date:
    try:
        return date.fromisoformat(text_at(raw, "checked", where))
    except ValueError as error:
        raise DamagedData(f"{where}.checked: not a date (YYYY-MM-DD)") from error
