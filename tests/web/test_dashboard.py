"""The home dashboard: a tile per figure of the person's own, each number linking to the page
that explains it, kind empty states with a link to start, the couple tiles paused in safety
mode, the same context in the JSON twin, and nothing of another person's."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from bowlby.journal.successes import SuccessInput
from bowlby.journal.thought_records import ThoughtRecordInput
from bowlby.journal.triggers import TriggerInput
from bowlby.practice.checkins import CheckinInput
from bowlby.practice.ratio_ledger import InteractionInput
from bowlby.practice.repair_attempts import RepairInput, RuptureInput
from bowlby.practice.soothing import SoothingInput
from bowlby.services import (
    accounts,
    checkins,
    journal,
    ratio_ledger,
    records,
    repairs,
    soothing,
)
from bowlby.web import dashboard_messages as say
from tests.web.test_learn_pages import finish_ecr_s, text_of
from tests.web.test_safety_pages import safety_mode_on

TILE_LINKS = {
    "ratio": "/practice/ratio",
    "checkins": "/practice/checkins",
    "repairs": "/practice/repairs",
    "triggers": "/journal/triggers",
    "beliefs": "/journal/thoughts",
    "soothing": "/practice/soothing",
    "remember": "/journal/successes",
    "safety": "/safety",
}
LOW = [6, 2, 2, 2, 6, 2, 2, 6, 6, 2, 2, 2]  # ECR-S: anxiety 2.00, avoidance 2.00


def seed(app, person, shared: bool = False) -> None:
    """A little of everything, in the last few days (shared with the partner if asked)."""
    store = app.state.store
    keyring = accounts.unlock_profile(store, person.name, person.passphrase)
    now = datetime.now(UTC).replace(microsecond=0)
    common = {"shared_with_partner": shared}

    def ago(days: float) -> datetime:
        return now - timedelta(days=days)

    for days in (0.01, 1, 2):
        checkins.record_checkin(
            store, keyring, CheckinInput(occurred_at=ago(days), feeling_word="calm", **common)
        )
        journal.record_trigger(
            store,
            keyring,
            TriggerInput(
                occurred_at=ago(days),
                what_happened="No answer",
                partner_action="delayed_reply",
                urge="text_again",
                strength=5,
                **common,
            ),
        )
        soothing.record_session(
            store,
            keyring,
            SoothingInput(
                occurred_at=ago(days),
                exercise="breathing_478",
                anxiety_before=8,
                anxiety_after=5 - int(days),
                **common,
            ),
        )
    for sign in "+++++-":
        ratio_ledger.log_interaction(
            store, keyring, InteractionInput(occurred_at=ago(0.01), sign=sign, **common)
        )
    journal.record_thought(
        store,
        keyring,
        ThoughtRecordInput(
            occurred_at=ago(3),
            situation="A short text",
            automatic_thought="They are leaving",
            belief_before=80,
            belief_after=30,
            **common,
        ),
    )
    journal.record_success(
        store,
        keyring,
        SuccessInput(occurred_at=ago(10), what_happened="Tea on the balcony", **common),
    )
    rupture = repairs.record_rupture(
        store, keyring, RuptureInput(occurred_at=ago(5), what_happened="A fight", **common)
    )
    repair = RepairInput(
        repaired_at=ago(5) + timedelta(minutes=40), how=["apology"], initiated_by="me"
    )
    repairs.record_repair(store, keyring, rupture.id, repair)


def tiles_of(person) -> dict[str, dict]:
    board = person.get("/api/home").json()["dashboard"]
    return {tile["name"]: tile for tile in board["tiles"]}


def test_an_empty_dashboard_says_what_would_fill_each_tile_and_links_to_start(people):
    alex = people.add("Alex")
    tiles = tiles_of(alex)
    assert list(tiles) == [
        "position",
        "ratio",
        "checkins",
        "repairs",
        "triggers",
        "beliefs",
        "soothing",
        "remember",
        "safety",
    ]
    page = alex.get("/")
    shown = text_of(page.text)
    for name, words in say.TILES.items():
        assert not tiles[name]["has_data"], name
        assert tiles[name]["sentences"] == [words.without]
        assert tiles[name]["href"] == words.start_href
        assert words.without in shown, name
        assert f'<a href="{words.start_href}">{words.start_label}</a>' in page.text, name
    assert '<a href="/safety">' in page.text
    assert "Start the ECR-S" in page.text  # the position tile still starts a questionnaire
    for journey in ("/report", "/report.pdf", "/learn"):  # the whole journey, one step away
        assert f'<a href="{journey}">' in page.text


def test_each_number_links_to_the_page_that_explains_it(app, people):
    alex = people.add("Alex")
    finish_ecr_s(alex)
    assessment = alex.get("/api/home").json()["dashboard"]["position"]["latest_id"]
    finish_ecr_s(alex, LOW)
    seed(app, alex)
    tiles = tiles_of(alex)
    assert all(tile["has_data"] for tile in tiles.values())
    latest = alex.get("/api/home").json()["dashboard"]["position"]["latest_id"]
    assert latest != assessment
    assert tiles["position"]["href"] == f"/assess/{latest}"
    for name, href in TILE_LINKS.items():
        assert tiles[name]["href"] == href, name
    page = alex.get("/").text
    for name, tile in tiles.items():
        if tile["headline"]:
            number = f'<a href="{tile["href"]}">{tile["headline"]}</a>'
            assert number in page, name
    shown = text_of(page)
    assert "Anxiety 2.00, avoidance 2.00" in shown
    assert "5.0:1 (5 warm, 1 hurtful)" in shown
    assert "3 days in a row" in shown
    assert "About 40 minutes" in shown
    assert "A late or missing reply (3 times)" in shown
    assert "From 80 to 30 out of 100" in shown
    assert "Tea on the balcony" in shown
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" role="img"') >= 3
    assert re.search(r"<title>Your results on the plane</title><desc>2 results", page)


def test_the_json_twin_carries_the_figures_the_page_shows(app, people):
    alex = people.add("Alex")
    seed(app, alex)
    board = alex.get("/api/home").json()["dashboard"]
    assert board["paused_for_safety"] is False
    assert board["ratio"]["this_week"]["positive_logged"] == 5
    assert board["streak"]["current_run"] == 3
    assert board["beliefs"]["mean_drop"] == 50.0
    assert board["soothing"]["sessions"] == 3
    assert board["triggers"] == [{"label": "a late or missing reply", "count": 3}]
    assert board["remember_when"]["what_happened"] == "Tea on the balcony"


def test_safety_mode_pauses_the_couple_tiles_and_keeps_the_safety_link(app, people):
    alex = people.add("Alex")
    seed(app, alex)
    safety_mode_on(alex)
    board = alex.get("/api/home").json()["dashboard"]
    assert (board["ratio"], board["streak"], board["repairs"]) == (None, None, None)
    tiles = {tile["name"]: tile for tile in board["tiles"]}
    for name in ("ratio", "checkins", "repairs"):
        assert tiles[name]["paused"], name
        assert tiles[name]["sentences"] == [records.PAUSED_FOR_SAFETY]
    assert "remember" not in tiles
    assert tiles["safety"]["href"] == "/safety"
    assert tiles["soothing"]["has_data"]  # self-soothing is always there
    page = alex.get("/").text
    assert "5 warm" not in text_of(page)
    assert text_of(page).count(records.PAUSED_FOR_SAFETY) == 3
    assert '<a href="/safety">' in page


def test_a_partners_shared_records_never_fill_my_tiles(app, people):
    alex, sam = people.couple()
    seed(app, sam, shared=True)
    finish_ecr_s(sam)
    tiles = tiles_of(alex)
    assert not any(tile["has_data"] for name, tile in tiles.items() if name != "safety")
    page = text_of(alex.get("/").text)
    assert "Tea on the balcony" not in page.split("My recent entries")[0]
    assert tiles_of(sam)["ratio"]["has_data"]
