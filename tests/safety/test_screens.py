"""HARK and WAST-Short: the shipped file, scoring with partial answers, refusals, cautions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bowlby.errors import InputError
from bowlby.safety import screens
from bowlby.safety.screens import get_screen, score_hark, score_wast_short

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "instruments" / "safety_screens.json"
PACKAGED = ROOT / "src" / "bowlby" / "safety" / "data" / "safety_screens.json"
HARK_IDS = ["humiliation", "afraid", "rape", "kick"]


def test_packaged_file_is_a_byte_for_byte_copy_of_the_shared_file():
    if not SHARED.exists():
        # The team's reference copy, not a part the product needs: absent outside the workspace.
        pytest.skip(f"{SHARED} is not beside the checkout; the packaged copy is checked alone")
    assert PACKAGED.read_bytes() == SHARED.read_bytes()


def test_items_and_citations_come_from_the_file():
    raw = json.loads(PACKAGED.read_text("utf-8"))["instruments"]
    hark = get_screen("hark")
    assert [(i.id, i.text) for i in hark.items] == [
        (i["id"], i["text"]) for i in raw["hark"]["items"]
    ]
    assert hark.citation == raw["hark"]["citation"]
    assert hark.question(hark.items[1]) == (
        "Within the last year, have you been afraid of your partner or ex-partner?"
    )
    wast = get_screen("wast_short")
    assert wast.items[0].options == ("a lot of tension", "some tension", "no tension")
    assert wast.citation.startswith("Brown, J. B., Lent, B.")


def test_unknown_screen_is_refused():
    with pytest.raises(InputError) as caught:
        get_screen("hits")
    assert caught.value.field == "screen"


@pytest.mark.parametrize(
    ("answers", "outcome", "score", "unanswered"),
    [
        (dict.fromkeys(HARK_IDS, False), "negative", 0, ()),
        ({**dict.fromkeys(HARK_IDS, False), "afraid": True}, "positive", 1, ()),
        (dict.fromkeys(HARK_IDS, True), "positive", 4, ()),
        ({"kick": True}, "positive", 1, ("humiliation", "afraid", "rape")),
        ({"humiliation": False, "afraid": None}, "incomplete", 0, ("afraid", "rape", "kick")),
        ({}, "incomplete", 0, tuple(HARK_IDS)),
        ({"humiliation": True, "rape": None}, "positive", 1, ("afraid", "rape", "kick")),
    ],
)
def test_hark_counts_yes_and_is_positive_at_one(answers, outcome, score, unanswered):
    result = score_hark(answers)
    assert (result.outcome, result.score, result.unanswered) == (outcome, score, unanswered)
    assert result.positive is (outcome == "positive")
    assert set(result.answered) | set(result.unanswered) == set(HARK_IDS)


def test_hark_result_carries_accuracy_reference_and_cautions():
    result = score_hark({"afraid": True})
    assert result.accuracy.sensitivity == 0.81
    assert result.accuracy.sensitivity_ci == (0.69, 0.90)
    assert result.accuracy.specificity == 0.95
    assert result.accuracy.specificity_ci == (0.91, 0.98)
    assert result.accuracy.reference == (
        "Composite Abuse Scale >= 3; 232 women in London general practice"
    )
    assert "doi:10.1186/1471-2296-8-49" in result.citation
    assert result.source.startswith("Questions and figures from Sohal, H.")
    assert "cannot tell how dangerous" in result.caution
    assert "mostly with women" in result.caution
    assert any("do not assess lethality" in note for note in result.source_notes)
    assert any("8.8% sensitivity" in note for note in result.source_notes)


def test_hark_messages_are_exact():
    assert score_hark(dict.fromkeys(HARK_IDS, True)).message == (
        "Your answers suggest that someone close to you may be hurting or frightening you. "
        "That is not your fault, and you deserve to be safe. You can talk to someone in "
        "confidence, whatever you decide to do."
    )
    assert score_hark({}).message.startswith("You left some questions unanswered")


@pytest.mark.parametrize(
    ("answers", "field"),
    [
        ({"afraid": "yes"}, "afraid"),
        ({"kick": 1}, "kick"),
        ({"afraid": 0}, "afraid"),
        ({"hurt": True}, "hurt"),
    ],
)
def test_hark_refuses_invalid_answers_naming_the_item(answers, field):
    with pytest.raises(InputError) as caught:
        score_hark(answers)
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("tension", "arguments", "outcome", "leads_to"),
    [
        ("a lot of tension", "great difficulty", "positive", "hark"),
        ("A lot of  tension ", "Great Difficulty", "positive", "hark"),
        ("a lot of tension", "some difficulty", "negative", None),
        ("some tension", "great difficulty", "negative", None),
        ("no tension", "no difficulty", "negative", None),
        ("a lot of tension", None, "incomplete", None),
        (None, "great difficulty", "incomplete", None),
        ("no tension", None, "negative", None),
        (None, None, "incomplete", None),
    ],
)
def test_wast_short_is_positive_only_at_both_extremes(tension, arguments, outcome, leads_to):
    result = score_wast_short(tension, arguments)
    assert (result.outcome, result.leads_to) == (outcome, leads_to)


def test_wast_short_positive_says_it_leads_to_hark():
    result = score_wast_short("a lot of tension", "great difficulty")
    assert "HARK questions come next" in result.message
    assert result.accuracy.sensitivity == 0.92
    assert result.accuracy.specificity_range == (0.56, 0.68)
    assert result.accuracy.specificity is None
    assert result.score == 2


@pytest.mark.parametrize(
    ("tension", "arguments", "field"),
    [
        ("lots", "great difficulty", "tension"),
        ("a lot of tension", "always", "arguments"),
        (3, "great difficulty", "tension"),
        ("a lot of tension", True, "arguments"),
    ],
)
def test_wast_short_refuses_other_answers_naming_the_item(tension, arguments, field):
    with pytest.raises(InputError) as caught:
        score_wast_short(tension, arguments)
    assert caught.value.field == field
    assert "a lot of tension" in caught.value.detail or "great difficulty" in caught.value.detail


def test_list_screens_gives_both():
    assert [screen.id for screen in screens.list_screens()] == ["hark", "wast_short"]
