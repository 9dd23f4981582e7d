"""A hard conversation logged by hand: the turn code read with every problem naming its turn,
the entry it becomes (scores plain, topic encrypted text, private unless shared), and back."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bowlby import models
from bowlby.dynamics.conversations import Turn
from bowlby.dynamics.hard_conversations import (
    KIND,
    HardConversationInput,
    as_conversation,
    hard_conversation_draft,
    hard_conversation_view,
    legend,
    parse_turns,
)
from bowlby.errors import InputError

WHEN = datetime(2024, 5, 1, 20, 0, tzinfo=UTC)


def test_bare_scores_alternate_from_the_first_speaker():
    assert parse_turns("-2,-1,-3,0,+1", "partner") == ("partner", [-2, -1, -3, 0, 1])
    assert parse_turns(" -2  -1;\n+4 ", "me") == ("me", [-2, -1, 4])


def test_speakers_in_the_code_give_the_first_speaker_and_must_alternate():
    assert parse_turns("P:-2 me:-1 partner:0", None) == ("partner", [-2, -1, 0])
    assert parse_turns("me:-2 -1 me:+1", "me") == ("me", [-2, -1, 1])


@pytest.mark.parametrize(
    ("code", "first", "message"),
    [
        ("-2", "me", "write at least 2 turns, one score each."),
        ("-2 x 1", "me", "turn 2: 'x' is not a score; write a whole number from -4 to +4."),
        ("1 2 -5", "me", "turn 3: -5 is outside the scale; scores go from -4 to +4."),
        ("1.5 2", "me", "turn 1: '1.5' is not a score; write a whole number from -4 to +4."),
        (
            "me:-1 me:2",
            None,
            "turn 2 is marked as yours, but turns alternate: it should be your partner's.",
        ),
        ("-1 2", "partner", None),
        (
            "me:-1 p:2",
            "partner",
            "turn 1 is marked as yours, but turns alternate: it should be your partner's.",
        ),
        ("bob:1 2", None, "turn 1: 'bob' is not a speaker; write me or partner before the ':'."),
        ("-1 2", None, "say who spoke first (me or partner)."),
    ],
)
def test_every_problem_names_its_turn(code, first, message):
    if message is None:
        assert parse_turns(code, first)[1] == [-1, 2]
        return
    with pytest.raises(InputError) as raised:
        parse_turns(code, first)
    assert raised.value.detail == message


def test_too_many_turns_are_refused():
    with pytest.raises(InputError, match="at most 400 turns"):
        parse_turns(" ".join(["0"] * 401), "me")


def test_the_legend_runs_from_minus_four_to_plus_four_in_spaff_spirit():
    meanings = legend()
    assert list(meanings) == list(range(-4, 5))
    assert meanings[-4].startswith("contempt")
    assert meanings[0].startswith("neutral")


def logged(**extra) -> HardConversationInput:
    fields = {"occurred_at": WHEN, "topic": "the in-laws at Christmas", "first": "partner"}
    return HardConversationInput(**{**fields, "scores": [-2, -1, -3, 0, 1], **extra})


def test_the_entry_keeps_scores_plain_and_the_topic_as_text_private_by_default():
    draft = hard_conversation_draft(logged())
    assert draft.kind == KIND == "hard_conversation"
    assert draft.values == {
        "first": "partner",
        "scores": "-2,-1,-3,0,1",
        "turns": 5,
        "scoring_version": "hand-coded",
    }
    assert draft.text == {"topic": "the in-laws at Christmas"}
    assert not draft.shared_with_partner
    assert not draft.shared_with_therapist
    assert "in-laws" not in str(draft.values)


def test_scores_out_of_range_are_refused_with_their_turn():
    with pytest.raises(InputError, match="turn 2: \\+5 is outside the scale"):
        logged(scores=[1, 5])
    with pytest.raises(InputError, match="at least 2 turns"):
        logged(scores=[1])


def test_first_speaker_aliases():
    assert logged(first="them").first == "partner"
    assert logged(first="I").first == "me"
    with pytest.raises(InputError, match="'bob' is not a speaker"):
        logged(first="bob")


def test_the_entry_reads_back_as_a_view_and_as_the_models_conversation():
    draft = hard_conversation_draft(logged())
    entry = models.Entry(
        **draft.model_dump(),
        id="e1",
        owner_id="p1",
        owner_name="Alex",
        created_at=WHEN,
        updated_at=WHEN,
    )
    view = hard_conversation_view(entry)
    assert view.scores == [-2, -1, -3, 0, 1]
    assert view.speakers == ["partner", "me", "partner", "me", "partner"]
    assert view.code == "partner:-2 me:-1 partner:-3 me:0 partner:+1"
    assert parse_turns(view.code, None) == ("partner", view.scores)
    conversation = as_conversation(view)
    assert conversation.id == "e1"
    assert conversation.scoring_version == "hand-coded"
    assert conversation.turns[:2] == (Turn("partner", -2.0), Turn("me", -1.0))
    assert conversation.partners == ("partner", "me")
