"""The guided conversation's use cases on both databases: one partner saves, the other reads;
a stranger cannot; unticked it stays private; the partner's unshared assessment and cycle
side never show; alone it is private preparation; safety mode pauses it all."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bowlby import models
from bowlby.errors import InputError, NotFound, PausedForSafety
from bowlby.practice.cycle_maps import CycleInput, SideInput
from bowlby.practice.how_we_talk import FollowUpInput, TalkInput
from bowlby.services import chats, cycle_maps, entries, safety, sharing
from bowlby.services import how_we_talk as service
from tests.services.test_assessments import ECR_S_HIGH, ECR_S_LOW, take
from tests.services.test_chat_report import import_messages, keyword_reading

NOW = datetime(2026, 4, 12, 19, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def couple(store, make_profile):
    maya, jordan = make_profile("Maya"), make_profile("Jordan")
    sharing.accept_invitation(
        store, jordan, sharing.create_invitation(store, maya, models.LinkRole.PARTNER)
    )
    return maya, jordan


def sitting(**extra) -> TalkInput:
    values = {
        "occurred_at": NOW,
        "pattern": "the chase",
        "my_change": "When I feel ignored, I will say it once and wait",
        "their_change": "When I need space, I will say when I am back",
        **extra,
    }
    return TalkInput(**values)


def prepare(store, keyring):
    return service.prepare(store, keyring, BERLIN, analyse=keyword_reading)


def test_saved_by_one_partner_and_readable_by_the_other(store, couple):
    maya, jordan = couple
    saved = service.save_talk(store, maya, sitting(appreciation="you listened"))
    assert (saved.shared_with_partner, saved.shared_with_therapist) == (True, False)
    assert saved.partner_name == "Jordan"
    for reader in (maya, jordan):
        read = service.read_talk(store, reader, saved.id)
        assert read.changes() == [
            ("Maya's change", "When I feel ignored, I will say it once and wait"),
            ("Jordan's change", "When I need space, I will say when I am back"),
        ]
        assert read.appreciation == "you listened"
        assert [t.id for t in service.list_talks(store, reader)] == [saved.id]
    assert [t.id for t in service.list_talks(store, jordan, whose="shared")] == [saved.id]


def test_a_stranger_cannot_read_it(store, couple, make_profile):
    maya, _ = couple
    robin = make_profile("Robin")
    saved = service.save_talk(store, maya, sitting())
    with pytest.raises(NotFound, match="no conversation"):
        service.read_talk(store, robin, saved.id)
    assert service.list_talks(store, robin) == []


def test_unticked_it_stays_private(store, couple):
    maya, jordan = couple
    saved = service.save_talk(store, maya, sitting(shared_with_partner=False))
    assert not saved.shared_with_partner
    with pytest.raises(NotFound):
        service.read_talk(store, jordan, saved.id)
    assert service.list_talks(store, jordan) == []
    assert [t.id for t in service.list_talks(store, maya)] == [saved.id]


def test_only_the_writer_adds_how_it_went_and_the_first_version_is_kept(store, couple):
    maya, jordan = couple
    saved = service.save_talk(store, maya, sitting())
    later = FollowUpInput(went="mixed", note="easier on Tuesday")
    with pytest.raises(NotFound):
        service.follow_up(store, jordan, saved.id, later)
    done = service.follow_up(store, maya, saved.id, later)
    assert (done.id, done.went_label, done.follow_up_note) == (saved.id, "a bit of both",
                                                               "easier on Tuesday")  # fmt: skip
    assert service.read_talk(store, jordan, saved.id).went == "mixed"
    history = entries.entry_history(store, maya, saved.id)
    assert ["went" in version.values for version in history] == [False]


def test_positions_show_the_partners_only_when_shared(store, couple):
    maya, jordan = couple
    take(store, maya, ECR_S_HIGH)
    theirs = take(store, jordan, ECR_S_LOW)
    sides = prepare(store, maya).positions
    assert [(s.name, s.shown, s.missing) for s in sides] == [
        ("Maya", True, None),
        ("Jordan", False, "not shared with you"),
    ]
    entries.set_sharing(store, jordan, theirs.assessment.id, partner=True, therapist=False)
    jordan_side = prepare(store, maya).positions[1]
    assert jordan_side.shown
    assert jordan_side.anxiety == pytest.approx(theirs.position.anxiety, abs=0.01)
    assert prepare(store, jordan).positions[1].missing == "not shared with you"


def test_the_partners_unshared_cycle_side_never_shows(store, couple):
    maya, jordan = couple
    cycle = cycle_maps.start_cycle(
        store, maya, CycleInput(occurred_at=NOW, name="the chase", shared_with_partner=True)
    )
    for person, fear, feel, shared in (
        (maya, "abandonment", "small", True),
        (jordan, "engulfment", "trapped", False),
    ):
        cycle_maps.save_side(store, person, SideInput(
            occurred_at=NOW, cycle_id=cycle.id, trigger="Plans change", feel=feel,
            core_fear=fear, move="go_quiet", shared_with_partner=shared,
        ))  # fmt: skip
    seen_by_maya = prepare(store, maya).cycles
    assert [c.name for c in seen_by_maya] == ["the chase"]
    mine, theirs = seen_by_maya[0].lanes
    assert mine.fear == "fear of abandonment; small"
    assert (theirs.filled, theirs.fear, theirs.legend) == (False, "", "Jordan: not filled in yet")
    shown = prepare(store, maya).model_dump_json()
    assert "engulfment" not in shown
    assert "trapped" not in shown
    assert prepare(store, jordan).cycles[0].lanes[0].filled


def test_chat_figures_are_the_viewers_own_only(store, couple):
    maya, jordan = couple
    chat_id = import_messages(store, maya)
    figures = prepare(store, maya).chats
    assert [(f.chat_id, f.messages, f.ratio) for f in figures] == [(chat_id, 7, 1.0)]
    assert prepare(store, jordan).chats == []
    chats.delete_chat(store, maya, chat_id)
    assert prepare(store, maya).chats == []


def test_a_chosen_cycle_must_be_one_the_person_can_see(store, couple, make_profile):
    maya, _ = couple
    robin = make_profile("Robin")
    hidden = cycle_maps.start_cycle(store, robin, CycleInput(occurred_at=NOW, name="theirs"))
    with pytest.raises(NotFound, match="no cycle"):
        service.save_talk(store, maya, sitting(cycle_id=hidden.id))
    assert service.list_talks(store, maya) == []
    own = cycle_maps.start_cycle(store, maya, CycleInput(occurred_at=NOW, name="ours"))
    assert service.save_talk(store, maya, sitting(cycle_id=own.id)).cycle_id == own.id


def test_alone_it_is_private_preparation(store, make_profile):
    robin = make_profile("Robin")
    material = prepare(store, robin)
    assert material.partner_name is None
    assert [(p.name, p.missing) for p in material.positions] == [("Robin", "no result yet")]
    saved = service.save_talk(store, robin, sitting())
    assert not saved.shared_with_partner
    assert saved.changes()[1] == ("What I hope they might try",
                                  "When I need space, I will say when I am back")  # fmt: skip


def test_safety_mode_pauses_the_whole_tool(store, couple):
    maya, jordan = couple
    saved = service.save_talk(store, maya, sitting())
    safety.set_safety_mode(store, maya, True)
    with pytest.raises(PausedForSafety):
        prepare(store, maya)
    with pytest.raises(PausedForSafety):
        service.save_talk(store, maya, sitting())
    with pytest.raises(PausedForSafety):
        service.follow_up(store, maya, saved.id, FollowUpInput(went="better"))
    assert service.read_talk(store, maya, saved.id).pattern == "the chase"
    assert prepare(store, jordan).partner_name == "Maya"


def test_the_words_are_encrypted_and_a_missing_name_is_refused(store, couple):
    maya, _ = couple
    with pytest.raises(InputError, match="give the pattern a name"):
        sitting(pattern="")
    saved = service.save_talk(store, maya, sitting(pattern="the freeze at bedtime"))
    entry = entries.read_entry(store, maya, saved.id)
    assert "the freeze at bedtime" not in str(entry.values)
    assert entry.text["pattern"] == "the freeze at bedtime"
