"""The guided conversation's pure parts: the script as data, the sitting as one entry (alone it
stays private and the second change is a hope), the follow-up, and the side-by-side material
built from positions, loops and chat reports."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bowlby import models
from bowlby.assess.styles import describe_position
from bowlby.chats.chat_report import PersonPursuit, build_report
from bowlby.chats.timing import conversation
from bowlby.errors import InputError
from bowlby.practice import cycle_maps
from bowlby.practice.how_we_talk import (
    KIND,
    FollowUpInput,
    TalkInput,
    chat_figures,
    cycle_summary,
    followed_up_draft,
    position_side,
    steps,
    talk_draft,
    talk_view,
    wording,
)
from tests.services.test_chat_report import CHAT, keyword_reading

WHEN = datetime(2026, 4, 12, 19, tzinfo=UTC)


def stored(draft: models.EntryDraft, owner: str = "Maya", entry_id: str = "t1") -> models.Entry:
    return models.Entry(
        **draft.model_dump(),
        id=entry_id,
        owner_id=f"id-{owner}",
        owner_name=owner,
        created_at=draft.occurred_at,
        updated_at=draft.occurred_at,
    )


def sitting(**extra) -> TalkInput:
    values = {
        "occurred_at": WHEN,
        "pattern": "the chase",
        "my_change": "When I feel ignored, I will say so once and then wait",
        "their_change": "When I need space, I will say when I will be back",
        **extra,
    }
    return TalkInput(**values)


def test_the_script_has_six_numbered_steps_in_our_words():
    script = steps()
    assert [(s.number, s.id) for s in script] == [
        (1, "before"), (2, "positions"), (3, "cycle"), (4, "chats"), (5, "name"), (6, "change"),
    ]  # fmt: skip
    assert script[0].link is not None
    assert script[0].link.href == "/practice/soothing"
    assert "not about who is to blame" in wording("lead")
    assert "Self-soothing" in script[0].link.label
    assert "From your chat, only you can see this unless you read it out." in script[3].body


def test_a_sitting_is_one_entry_shared_with_the_partner_by_default():
    draft = talk_draft(sitting(notes="we laughed at the end", cycle_id="c1"), "Jordan")
    assert (draft.kind, draft.shared_with_partner, draft.shared_with_therapist) == (
        KIND,
        True,
        False,
    )
    assert draft.values == {
        "cycle_id": "c1",
        "steps_done": "name,change",
        "steps_total": 6,
        "together": True,
    }
    assert draft.text["pattern"] == "the chase"
    assert draft.text["partner_name"] == "Jordan"
    for value in draft.values.values():
        assert value not in ("the chase", "Jordan", "we laughed at the end")
    view = talk_view(stored(draft))
    assert view.common_enemy == "The two of us against the chase"
    assert view.changes() == [
        ("Maya's change", "When I feel ignored, I will say so once and then wait"),
        ("Jordan's change", "When I need space, I will say when I will be back"),
    ]
    assert view.together
    assert view.cycle_id == "c1"
    assert view.went is None


def test_alone_it_stays_private_and_the_second_change_is_a_hope():
    draft = talk_draft(sitting(shared_with_partner=True), None)
    assert not draft.shared_with_partner
    assert draft.values["together"] is False
    assert "partner_name" not in draft.text
    view = talk_view(stored(draft))
    assert view.changes()[1][0] == "What I hope they might try"
    assert not view.together


def test_steps_ticked_are_kept_in_the_script_order():
    draft = talk_draft(sitting(steps_done=["cycle", "before"]), "Jordan")
    assert draft.values["steps_done"] == "before,cycle,name,change"
    assert talk_view(stored(draft)).steps_done == ["before", "cycle", "name", "change"]
    with pytest.raises(InputError, match="'dance' is not a step") as refused:
        sitting(steps_done=["dance"])
    assert refused.value.field == "steps_done"


@pytest.mark.parametrize(
    ("field", "message"),
    [("pattern", "give the pattern a name"), ("my_change", "write your one change")],
)
def test_the_name_and_ones_own_change_are_needed(field, message):
    with pytest.raises(InputError, match=message) as refused:
        sitting(**{field: "   "})
    assert refused.value.field == field


def test_a_follow_up_adds_how_it_went_to_the_same_entry():
    entry = stored(talk_draft(sitting(), "Jordan"))
    later = FollowUpInput(went="better", note="I waited, it was fine", at=WHEN + timedelta(days=7))
    draft = followed_up_draft(entry, later)
    assert draft.shared_with_partner
    assert draft.text["pattern"] == "the chase"
    view = talk_view(stored(draft))
    assert (view.went, view.went_label, view.follow_up_note) == (
        "better", "it helped", "I waited, it was fine",
    )  # fmt: skip
    assert view.followed_up_at == WHEN + timedelta(days=7)
    with pytest.raises(ValueError, match="went"):
        FollowUpInput(went="great")


def test_a_position_or_why_it_is_missing():
    shown = position_side("Maya", describe_position(5.2, 2.1), mine=True)
    assert shown.shown
    assert (shown.anxiety, shown.avoidance) == (5.2, 2.1)
    assert shown.region_label
    assert shown.sentence
    assert position_side("Maya", None, mine=True).missing == "no result yet"
    hidden = position_side("Jordan", None, mine=False)
    assert (hidden.shown, hidden.missing, hidden.anxiety) == (False, "not shared with you", None)


def side(owner: str, guess: bool = False, **words) -> cycle_maps.SideView:
    values = {"trigger": "Plans change", "feelings": ["lonely"], "move": "go_quiet", **words}
    draft = cycle_maps.side_draft(
        cycle_maps.SideInput(occurred_at=WHEN, cycle_id="c1", guess=guess, **values)
    )
    return cycle_maps.side_view(stored(draft, owner, f"s-{owner}-{guess}"))


def test_a_cycle_shows_each_sides_move_and_fear_as_visible():
    cycle = cycle_maps.cycle_view(stored(cycle_maps.cycle_draft(
        cycle_maps.CycleInput(occurred_at=WHEN, name="the chase")), "Maya", "c1"))  # fmt: skip
    mine = side("Maya", move="reach_out_again", core_fear="abandonment", do="I text again")
    loop = cycle_maps.build_loop(cycle, [mine], other_name="Jordan")
    summary = cycle_summary("c1", loop)
    assert summary.name == "the chase"
    first, second = summary.lanes
    assert first.filled
    assert not first.guess
    assert first.move == "reach out again and again (calls, texts); I text again"
    assert first.fear == "fear of abandonment"
    assert (second.filled, second.legend) == (False, "Jordan: not filled in yet")
    guessed = cycle_summary("c1", cycle_maps.build_loop(
        cycle, [mine, side("Maya", guess=True, feel="cornered")], other_name="Jordan"))  # fmt: skip
    assert guessed.lanes[1].guess
    assert guessed.lanes[1].fear == "cornered"
    assert guessed.lanes[1].move == "go quiet"


def test_a_chats_figures_pursuit_tense_share_ratio_and_repair_time():
    talk = conversation(CHAT)
    report = build_report(talk, [keyword_reading(m.text) for m in talk], ZoneInfo("UTC"), "Maya")
    figures = chat_figures("chat1", "Maya & Jordan", report)
    assert (figures.messages, figures.episodes) == (7, len(report.episodes))
    assert figures.tense_share == round(3 / 7, 3)
    assert figures.ratio == 1.0
    assert figures.median_repair == "1 hour 32 minutes"
    assert figures.pursuit == []  # one episode, too small to call a pursue-withdraw shape
    report.pursuit = [PersonPursuit("Maya", 3, 0), PersonPursuit("Jordan", 1, 2)]
    report.pursuit.append(PersonPursuit("A friend"))
    shaped = chat_figures("chat1", "Maya & Jordan", report)
    assert [(p.name, p.pursued, p.withdrew) for p in shaped.pursuit] == [
        ("Maya", 3, 0), ("Jordan", 1, 2),
    ]  # fmt: skip
