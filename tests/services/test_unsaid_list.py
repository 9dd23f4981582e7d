"""The unsaid list through its use cases, on both databases: raising updates the item's own
entry and keeps its first version; nobody else, not even the partner, can list, read, raise or
let go of it; safety mode pauses raising and the nudge, never noting or letting go."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bowlby import models
from bowlby.errors import InputError, NotFound, NotShared, PausedForSafety
from bowlby.practice.unsaid_list import LetGoInput, RaiseInput, UnsaidInput
from bowlby.services import entries, safety, sharing
from bowlby.services import unsaid_list as service

WHEN = datetime(2026, 3, 7, 21, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")


def note(store, keyring, what="the joke about my job at dinner", when=WHEN):
    return service.note_item(
        store, keyring, UnsaidInput(occurred_at=when, what_happened=what, feeling="small", sting=7)
    )


def raised(went="well", days=3, **extra) -> RaiseInput:
    return RaiseInput(
        raised_at=WHEN + timedelta(days=days),
        feel="small",
        about="the joke at dinner",
        need="you to check with me first",
        went=went,
        **extra,
    )


def test_raising_updates_the_item_and_keeps_its_first_version(store, make_profile):
    alex = make_profile("Alex")
    item = note(store, alex)
    assert (item.is_open, item.sting, item.feeling) == (True, 7, "small")
    done = service.raise_item(store, alex, item.id, raised(note="we both laughed, later"))
    assert (done.id, done.status, done.went_label, done.raise_note) == (
        item.id,
        "raised",
        "went well",
        "we both laughed, later",
    )
    assert done.raised_at == WHEN + timedelta(days=3)
    history = entries.entry_history(store, alex, item.id)
    assert [(v.values["status"], v.text) for v in history] == [
        ("open", {"what_happened": "the joke about my job at dinner", "feeling": "small"})
    ]
    again = service.let_go_item(store, alex, item.id, LetGoInput(let_go_at=WHEN + timedelta(5)))
    assert (again.status, again.raised_at, again.feel) == ("let_go", None, "")
    assert len(entries.entry_history(store, alex, item.id)) == 2
    assert [i.status for i in service.list_items(store, alex)] == ["let_go"]


def test_the_nudge_names_the_oldest_open_items(store, make_profile):
    alex = make_profile("Alex")
    old = note(store, alex, what="oldest", when=WHEN)
    note(store, alex, what="middle", when=WHEN + timedelta(days=1))
    note(store, alex, what="too fresh", when=WHEN + timedelta(days=4))
    gone = note(store, alex, what="let go", when=WHEN - timedelta(days=9))
    service.let_go_item(store, alex, gone.id, LetGoInput(let_go_at=WHEN))
    nudge = service.nudge(store, alex, WHEN + timedelta(days=4, hours=1), BERLIN)
    assert nudge is not None
    assert nudge.message.startswith("Two things have waited a while.")
    assert [i.what_happened for i in nudge.items] == ["oldest", "middle"]
    assert nudge.items[0].id == old.id


def test_nobody_else_can_read_raise_or_let_go_an_item(store, make_profile):
    alex, sam, robin = make_profile("Alex"), make_profile("Sam"), make_profile("Robin")
    sharing.accept_invitation(
        store, sam, sharing.create_invitation(store, alex, models.LinkRole.PARTNER)
    )
    item = note(store, alex)
    for other in (sam, robin):
        assert service.list_items(store, other) == []
        assert entries.list_entries(store, other, whose="all") == []
        assert service.nudge(store, other, WHEN + timedelta(days=9), BERLIN) is None
        with pytest.raises(NotShared):
            service.read_item(store, other, item.id)
        with pytest.raises(NotShared):
            service.raise_item(store, other, item.id, raised())
        with pytest.raises(NotShared):
            service.let_go_item(store, other, item.id, LetGoInput(let_go_at=WHEN))
    assert service.read_item(store, alex, item.id).is_open


def test_another_kind_of_entry_is_not_an_item(store, make_profile):
    alex = make_profile("Alex")
    journal = entries.write_entry(
        store, alex, models.EntryDraft(kind="journal", occurred_at=WHEN, text={"body": "x"})
    )
    with pytest.raises(NotFound, match="There is no unsaid item"):
        service.raise_item(store, alex, journal.id, raised())


def test_an_item_is_never_saved_as_shared(store, make_profile):
    alex = make_profile("Alex")
    with pytest.raises(InputError, match="only ever for you"):
        UnsaidInput(occurred_at=WHEN, what_happened="x", shared_with_partner=True)
    item = note(store, alex)
    stored = entries.read_entry(store, alex, item.id)
    assert (stored.shared_with_partner, stored.shared_with_therapist) == (False, False)


def test_safety_mode_pauses_raising_and_the_nudge_not_noting(store, make_profile):
    alex = make_profile("Alex")
    first = note(store, alex)
    safety.set_safety_mode(store, alex, True)
    later = note(store, alex, what="noted in safety mode", when=WHEN + timedelta(hours=1))
    assert later.is_open
    with pytest.raises(PausedForSafety):
        service.raise_item(store, alex, first.id, raised())
    assert service.nudge(store, alex, WHEN + timedelta(days=9), BERLIN) is None
    gone = service.let_go_item(store, alex, first.id, LetGoInput(let_go_at=WHEN, note="enough"))
    assert (gone.status, gone.let_go_note) == ("let_go", "enough")
    assert [i.what_happened for i in service.list_items(store, alex)] == [
        "noted in safety mode",
        "the joke about my job at dinner",
    ]


def test_the_generic_share_commands_refuse_an_item(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    sharing.accept_invitation(
        store, sam, sharing.create_invitation(store, alex, models.LinkRole.PARTNER)
    )
    item = note(store, alex)
    for partner, therapist in ((True, False), (False, True)):
        with pytest.raises(InputError, match="only ever for you"):
            entries.set_sharing(store, alex, item.id, partner=partner, therapist=therapist)
    entry = entries.read_entry(store, alex, item.id)
    shared = entry.model_copy(update={"shared_with_partner": True})
    draft = models.EntryDraft(**shared.model_dump(include=set(models.EntryDraft.model_fields)))
    with pytest.raises(InputError, match="only ever for you"):
        entries.update_entry(store, alex, item.id, draft)
    assert service.list_items(store, sam) == []
    assert entries.list_entries(store, sam, whose="all") == []
