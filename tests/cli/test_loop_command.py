"""`bowlby loop` as Alex uses it (Berlin time): too little data, the estimate in plain words
with its range and caveats, the three-day window, JSON for scripts, and safety mode."""

from __future__ import annotations

import json
import re

import pytest

from bowlby.services import accounts, safety
from bowlby.services.records import PAUSED_FOR_SAFETY
from bowlby.settings import Settings
from bowlby.store.engine import open_store
from bowlby.web import dynamics_loop_messages as say
from tests.services.test_feedback_loop import BERLIN, seed_days

CAVEATS = "\n".join(
    [
        "Read it with care",
        "  • This is observational: other things change too (sleep, work, the season, the two "
        "of you), and they may move both your anxiety and how your partner responds.",
        "  • The direction may run the other way: on calmer days you may notice, and write "
        "down, warmth more easily.",
        "  • Logging itself changes things: rating your anxiety and noting good moments can "
        "calm you on its own, and you may log more on some days than others.",
        "  • Anxiety is only rated on days you logged a trigger, a self-soothing session or a "
        "vulnerability window, and those are often the harder days.",
        "  • Small numbers: with a few weeks of days one unusual week can move the estimate; "
        "the 95% range shows how wide the uncertainty still is.",
    ]
)


@pytest.fixture
def cli(alex_cli):
    return alex_cli


def seed(days: int = 35, *, safety_mode: bool = False) -> None:
    """Alex's own ratings and success moments, written straight through the use cases."""
    store = open_store(Settings())
    try:
        alex = accounts.unlock_profile(store, "Alex", "alex passphrase")
        seed_days(store, alex, BERLIN, days=days)
        if safety_mode:
            safety.set_safety_mode(store, alex, on=True)
    finally:
        store.dispose()


def test_with_few_records_it_says_what_is_missing_and_how_many_days(cli):
    seed(days=12)
    shown = cli("loop")
    assert shown.exit_code == 0, shown.output
    assert shown.output == "\n".join(
        [
            "What your own data says",
            "Not enough data yet to say anything.",
            "  • You have 11 days with an anxiety rating followed by one within the next day; "
            "28 are needed (17 more).",
            "  • Of those, 4 had a safe, reliable response; at least 5 are needed to compare "
            "(1 more).",
            "Keep rating your anxiety and noting good moments; the estimate appears here.",
            "",
            CAVEATS,
            say.NEXT_STEP,
            "",
        ]
    )


def test_the_estimate_in_plain_words_with_its_range(cli):
    seed()
    shown = cli("loop")
    assert shown.exit_code == 0, shown.output
    assert shown.output == "\n".join(
        [
            "What your own data says",
            "In your records, anxiety over the next day was on average 3.4 points lower after a "
            "day with a safe, reliable response than after a day without one (95% range -3.7 to "
            "-3.2), from 34 days.",
            "This fits the idea that safe responses calm fear, in your own life so far.",
            "Days used: 34 (13 with a safe response, 21 without).",
            "Apart from that, your ratings held about steady over these weeks.",
            "",
            CAVEATS,
            say.NEXT_STEP,
            "",
        ]
    )
    for word in ("prove", "cause"):
        assert word not in shown.output.lower()


def test_over_three_days_it_is_too_uncertain_to_tell(cli):
    seed()
    shown = cli("loop", "--lag", "3")
    assert shown.exit_code == 0, shown.output
    assert "Too uncertain to tell: after days with a safe, reliable response, your anxiety over " \
        "the next three days was -0.3 points different on average" in shown.output  # fmt: skip
    assert "That is an honest answer" in shown.output


def test_json_is_the_pages_context_without_the_svg(cli):
    seed()
    shown = cli("loop", "--json")
    assert shown.exit_code == 0, shown.output
    page = json.loads(shown.output)
    assert page["estimate"]["verdict"] == "lower"
    assert page["estimate"]["days_used"] == 34
    assert page["chart"]["svg"] == ""
    assert page["chart"]["description"].startswith("35 days with an anxiety rating")
    assert len(page["series"]) == 35
    assert page["paused_message"] is None


def test_safety_mode_pauses_only_the_suggestion(cli):
    seed(safety_mode=True)
    shown = cli("loop")
    assert shown.exit_code == 0, shown.output
    assert "3.4 points lower" in shown.output
    assert re.sub(r"\s+", " ", shown.output).strip().endswith(PAUSED_FOR_SAFETY)
    assert say.NEXT_STEP not in shown.output


def test_an_unknown_lag_is_refused(cli):
    refused = cli("loop", "--lag", "7")
    assert refused.exit_code == 2
    assert "field 'lag': choose 1 (the next day) or 3" in refused.output
