"""Crisis and domestic-abuse lines: at least 20 countries, every entry sourced and dated,
numbers that look like numbers, honest verification, and a fallback for everyone else."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from bowlby.errors import InputError
from bowlby.safety.resources import (
    list_countries,
    looks_like_phone_number,
    resources_for,
)

DATA = Path(__file__).resolve().parents[2] / "src" / "bowlby" / "safety" / "data"
RAW = json.loads((DATA / "resources.json").read_text("utf-8"))
REQUIRED = {
    "US", "GB", "IE", "CA", "AU", "NZ", "DE", "AT", "CH", "FR", "BE", "NL", "ES",
    "PT", "IT", "SE", "DK", "NO", "FI", "IN", "ZA", "BR", "MX", "AR", "JP",
}  # fmt: skip
COMMERCIAL_WORDS = ("betterhelp", "talkspace", "cerebral", "sponsored", "findahelpline")


def test_at_least_twenty_countries_including_the_ones_asked_for():
    codes = {code for code, _ in list_countries()}
    assert len(codes) >= 20
    assert codes >= REQUIRED


def test_countries_are_listed_by_name():
    names = [name for _, name in list_countries()]
    assert names == sorted(names)
    assert ("GB", "United Kingdom") in list_countries()


@pytest.mark.parametrize("entry", RAW["countries"], ids=lambda entry: entry["country"])
def test_every_entry_has_a_source_a_checked_date_and_both_kinds_of_line(entry):
    assert entry["source"].strip()
    assert date.fromisoformat(entry["checked"]) <= date(2026, 11, 24)
    purposes = {service["purpose"] for service in entry["services"]}
    assert "domestic_abuse" in purposes or "both" in purposes
    assert "crisis" in purposes or "both" in purposes
    assert looks_like_phone_number(entry["emergency"])


@pytest.mark.parametrize("entry", RAW["countries"], ids=lambda entry: entry["country"])
def test_every_number_looks_like_a_phone_number(entry):
    for service in entry["services"]:
        for number in [service["phone"], *service["also"]]:
            assert looks_like_phone_number(number), (entry["country"], number)


@pytest.mark.parametrize("entry", RAW["countries"], ids=lambda entry: entry["country"])
def test_verification_is_honest(entry):
    for service in entry["services"]:
        if service["verified"]:
            assert service["confirmed_in"].startswith("http")
        else:
            assert service["confirmed_in"] is None
            assert "confirm locally" in service["note"].lower()
    assert entry["verified"] == all(service["verified"] for service in entry["services"])


@pytest.mark.parametrize(
    ("number", "looks_right"),
    [
        ("1-800-799-7233", True),
        ("0808 2000 247", True),
        ("116 123", True),
        ("#8008", True),
        ("(011) 5275-1135", True),
        ("+358 80 005 005", True),
        ("12", False),
        ("call us", False),
        ("0800 REFUGE", False),
        ("1234567890123456", False),
    ],
)
def test_the_phone_number_check(number, looks_right):
    assert looks_like_phone_number(number) is looks_right


def test_a_known_country():
    uk = resources_for("gb")
    assert uk.known is True
    assert uk.emergency == "999"
    assert uk.checked == date(2026, 11, 24)
    assert [line.name for line in uk.lines_for("crisis")] == ["Samaritans"]
    assert uk.lines_for("domestic_abuse")[0].phone == "0808 2000 247"
    assert uk.fallback == "If you are in immediate danger, call your local emergency number."
    assert resources_for(" uk ").code == "GB"


def test_lines_for_both_count_for_each_need():
    norway = resources_for("NO")
    assert "Kirkens SOS" in [line.name for line in norway.lines_for("domestic_abuse")]
    assert "Kirkens SOS" in [line.name for line in norway.lines_for("crisis")]
    with pytest.raises(InputError):
        norway.lines_for("housing")


@pytest.mark.parametrize("code", ["XX", "zz", "", None, "Atlantis"])
def test_an_unknown_country_gets_the_fallback_with_a_sentence(code):
    result = resources_for(code)
    assert result.known is False
    assert result.services == ()
    assert result.fallback == "If you are in immediate danger, call your local emergency number."
    assert result.unknown is not None
    assert result.unknown.startswith("Bowlby doesn't have lines listed for")
    assert "domestic violence helpline" in result.international


def test_a_country_code_that_is_not_text_is_refused():
    with pytest.raises(InputError) as caught:
        resources_for(44)  # type: ignore[arg-type]
    assert caught.value.field == "country"


def test_no_commercial_service_is_recommended():
    text = json.dumps(RAW).lower() + resources_for("XX").international.lower()
    assert [word for word in COMMERCIAL_WORDS if word in text] == []


def damaged(change) -> dict:
    copy = json.loads(json.dumps(RAW))
    change(copy["countries"][0])
    return copy


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda entry: entry["services"][0].update(phone="call us"), "phone number"),
        (lambda entry: entry.pop("source"), "source"),
        (lambda entry: entry.update(checked="last week"), "not a date"),
        (lambda entry: entry.update(country="USA"), "two-letter"),
        (lambda entry: entry["services"][0].update(purpose="anything"), "purpose"),
        (lambda entry: entry["services"][0].update(verified=False), "page it was read on"),
        (lambda entry: entry.update(services=[]), "no service"),
    ],
)
def test_a_damaged_file_is_refused_on_load(monkeypatch, change, message):
    from bowlby.errors import DamagedData
    from bowlby.safety import resources

    monkeypatch.setattr(resources, "read_data", lambda name: damaged(change))
    resources._load.cache_clear()
    try:
        with pytest.raises(DamagedData, match=message):
            resources.resources_for("US")
    finally:
        resources._load.cache_clear()
