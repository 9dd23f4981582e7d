"""The descriptive coercive-control checklist: what was ticked, one kind sentence, no score."""

from __future__ import annotations

import pytest

from bowlby.errors import InputError
from bowlby.safety.coercive_control import describe_coercive_control, get_checklist

EXPECTED_IDS = [
    "monitoring",
    "money",
    "isolation",
    "threats",
    "jealousy",
    "daily_life",
    "threats_to_leave_or_self_harm",
    "work_or_study",
]


def test_the_checklist_is_marked_descriptive_with_no_cut_off():
    checklist = get_checklist()
    assert [item.id for item in checklist.items] == EXPECTED_IDS
    assert checklist.validated is False
    assert checklist.cut_off is None
    assert "not a validated screen" in checklist.note
    assert checklist.question(checklist.items[0]) == (
        "Does your partner or ex-partner ever check your phone or messages, "
        "or keep track of where you are?"
    )


def test_ticked_items_are_named_in_a_kind_sentence():
    result = describe_coercive_control({"monitoring": True, "money": True, "threats": False})
    assert [item.id for item in result.ticked] == ["monitoring", "money"]
    assert result.not_ticked == ("threats",)
    assert len(result.unanswered) == 5
    assert result.sentence == (
        "You ticked 2 of 8: checking your phone or where you are and controlling money. "
        "These are ways one person can control another. This list describes; it is not a test "
        "and it has no score. You know your relationship best, and you deserve to feel free "
        "and safe in it. If any of this worries you, a domestic-abuse line can talk it through "
        "in confidence. You left 5 unanswered; that's fine."
    )
    assert result.validated is False


def test_three_ticks_are_listed_with_commas():
    answers = dict.fromkeys(EXPECTED_IDS, False) | {"isolation": True, "jealousy": True}
    answers["daily_life"] = True
    result = describe_coercive_control(answers)
    assert (
        "keeping you from friends or family, jealousy that limits you and deciding what you "
        "wear or do." in result.sentence
    )
    assert result.unanswered == ()
    assert "unanswered" not in result.sentence


def test_nothing_ticked_gets_a_calm_sentence():
    result = describe_coercive_control(dict.fromkeys(EXPECTED_IDS, False))
    assert result.ticked == ()
    assert result.sentence.startswith("You didn't tick any of these.")


def test_nothing_answered_is_not_scolded():
    result = describe_coercive_control({})
    assert result.unanswered == tuple(EXPECTED_IDS)
    assert "unanswered" not in result.sentence


@pytest.mark.parametrize(
    ("answers", "field"),
    [({"money": "yes"}, "money"), ({"spying": True}, "spying"), ({"threats": 1}, "threats")],
)
def test_invalid_answers_name_the_item(answers, field):
    with pytest.raises(InputError) as caught:
        describe_coercive_control(answers)
    assert caught.value.field == field


def test_the_sentence_never_tells_anyone_to_stay_or_diagnoses():
    sentence = describe_coercive_control(dict.fromkeys(EXPECTED_IDS, True)).sentence.lower()
    for phrase in ("you should stay", "you should leave", "abusive relationship", "diagnos"):
        assert phrase not in sentence
