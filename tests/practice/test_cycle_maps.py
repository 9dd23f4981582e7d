"""The cycle map's pure logic: inputs checked, drafts and views round trip, the loop's order."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from bowlby import models
from bowlby.errors import InputError
from bowlby.practice import cycle_maps
from bowlby.practice.cycle_maps import CycleInput, SideInput

NOW = datetime(2026, 3, 1, 19, tzinfo=UTC)


def entry_of(draft: models.EntryDraft, entry_id: str, owner_id: str, owner: str) -> models.Entry:
    return models.Entry(
        **draft.model_dump(),
        id=entry_id,
        owner_id=owner_id,
        owner_name=owner,
        created_at=NOW,
        updated_at=NOW,
    )


def side(**changes) -> SideInput:
    values = {
        "occurred_at": NOW,
        "cycle_id": "c1",
        "trigger": "Plans fall through",
        "feelings": ["lonely"],
        "move": "reach_out_again",
    }
    return SideInput(**{**values, **changes})


def cycle_and_sides(*sides: tuple[SideInput, str, str]):
    cycle = cycle_maps.cycle_view(
        entry_of(cycle_maps.cycle_draft(CycleInput(occurred_at=NOW, name="After plans")), "c1",
                 "maya", "Maya")
    )  # fmt: skip
    views = [
        cycle_maps.side_view(entry_of(cycle_maps.side_draft(s), f"s{n}", owner_id, owner))
        for n, (s, owner_id, owner) in enumerate(sides)
    ]
    return cycle, views


def test_a_side_round_trips_through_an_entry_with_free_text_encrypted_only():
    draft = cycle_maps.side_draft(
        side(core_fear="abandonment", feel="small", do="I text again", guess=True)
    )
    assert draft.kind == "cycle_side"
    assert draft.values == {
        "cycle_id": "c1",
        "guess": True,
        "move": "reach_out_again",
        "move_direction": "protest",
        "core_fear": "abandonment",
    }
    assert draft.text == {
        "trigger": "Plans fall through",
        "feelings": "lonely",
        "feel": "small",
        "do": "I text again",
    }
    view = cycle_maps.side_view(entry_of(draft, "s1", "maya", "Maya"))
    assert view.core_fear_label == "fear of abandonment"
    assert view.move_label == "reach out again and again (calls, texts)"
    assert cycle_maps.side_input_of(view) == side(
        core_fear="abandonment", feel="small", do="I text again", guess=True
    )


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"trigger": "  "}, "trigger"),
        ({"feelings": [], "feel": ""}, "feel"),
        ({"move": "other", "do": ""}, "do"),
        ({"move": "sulk"}, "move"),
        ({"feelings": ["grumpy"]}, "feelings"),
        ({"core_fear": "spiders"}, "core_fear"),
    ],
)
def test_a_side_without_a_step_or_with_an_unknown_word_names_the_field(changes, field):
    with pytest.raises(InputError) as raised:
        side(**changes)
    assert raised.value.field == field


def test_a_cycle_needs_a_name():
    with pytest.raises(ValidationError, match="give the cycle a name"):
        CycleInput(occurred_at=NOW, name="   ")


def test_the_loop_runs_from_the_creator_to_the_partner_and_back():
    cycle, sides = cycle_and_sides(
        (side(), "maya", "Maya"),
        (side(trigger="Questions come fast", feelings=["overwhelmed"], move="go_quiet"),
         "jordan", "Jordan"),
    )  # fmt: skip
    loop = cycle_maps.build_loop(cycle, sides)
    assert [step.key for step in loop.steps] == [
        "first-reads", "first-feels", "first-does", "second-reads", "second-feels",
        "second-does",
    ]  # fmt: skip
    assert [step.heading for step in loop.steps][2:4] == ["Maya does", "Jordan sees it as"]
    assert loop.second.legend == "Jordan, in their own words"
    assert cycle_maps.loop_lines(loop) == [
        "The two of us against: After plans",
        "Maya sees it as: Plans fall through",
        "Maya feels underneath: lonely",
        "Maya does: reach out again and again (calls, texts)",
        "Jordan sees it as: Questions come fast",
        "Jordan feels underneath: overwhelmed",
        "Jordan does: go quiet",
        "… and round again: Maya sees it as …",
    ]


def test_alone_the_partner_side_is_a_guess_clearly_marked_and_their_own_side_wins():
    guess = side(guess=True, trigger="Being chased", feelings=["trapped"], move="go_quiet")
    cycle, sides = cycle_and_sides((side(), "maya", "Maya"), (guess, "maya", "Maya"))
    alone = cycle_maps.build_loop(cycle, sides, other_name="Jordan")
    assert alone.second.legend == "Jordan, as Maya guesses it"
    assert alone.steps[3].heading == "Jordan sees it as (a guess)"
    assert alone.steps[3].guess
    assert alone.steps[3].text == "Being chased"
    _, own = cycle_and_sides((side(trigger="Her worry"), "jordan", "Jordan"))
    both = cycle_maps.build_loop(cycle, [*sides, *own])
    assert both.steps[3].text == "Her worry"
    assert not both.steps[3].guess


def test_a_missing_side_shows_an_empty_box():
    cycle, sides = cycle_and_sides((side(), "maya", "Maya"))
    loop = cycle_maps.build_loop(cycle, sides)
    assert loop.second.legend == "My partner: not filled in yet"
    assert [step.text for step in loop.steps][3:] == ["…", "…", "…"]


def test_the_feelings_step_joins_words_fear_and_own_words_and_the_move_its_words():
    cycle, sides = cycle_and_sides(
        (side(feelings=["hurt", "lonely"], core_fear="rejection", feel="invisible",
              move="other", do="I wait up"), "maya", "Maya"),
    )  # fmt: skip
    steps = cycle_maps.build_loop(cycle, sides).steps
    assert steps[1].text == "hurt, lonely; fear of rejection; invisible"
    assert steps[2].text == "I wait up"
