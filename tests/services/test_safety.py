"""Safety use cases: the screen kept privately and scored from its answers, sealed preferences,
safety mode refusing partner sharing in the entries service itself, stopping every partner
share at once, and risk language in saved text; on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bowlby import models
from bowlby.errors import DamagedData, InputError, NotFound
from bowlby.journal.triggers import TriggerInput
from bowlby.services import (
    accounts,
    assessment_reports,
    entries,
    journal,
    preferences,
    safety,
    sharing,
)
from bowlby.store.engine import open_store
from bowlby.store.tables import EntryRow, EntryShareRow, ProfilePreferencesRow

NO = dict.fromkeys(("humiliation", "afraid", "rape", "kick"), False)
SELF_HARM = "Some nights I think about ending it all."


def write(store, keyring, body, **flags):
    draft = models.EntryDraft(occurred_at=datetime.now(UTC), text={"body": body}, **flags)
    return entries.write_entry(store, keyring, draft)


def partners(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    code = sharing.create_invitation(store, alex, models.LinkRole.PARTNER)
    sharing.accept_invitation(store, sam, code)
    return alex, sam


def row_of(store, entry_id):
    with store.unit_of_work() as session:
        row = session.get(EntryRow, entry_id)
        return {
            "kind": row.kind,
            "values": dict(row.plain_values),
            "partner": row.shared_with_partner,
            "therapist": row.shared_with_therapist,
            "text": bytes(row.sealed_text),
        }


# --- the screen --------------------------------------------------------------------------------


def test_a_positive_hark_is_scored_kept_and_offers_safety_mode(store, make_profile):
    alex = make_profile("Alex")
    taken = safety.take_screen(store, alex, hark={**NO, "afraid": True})
    assert taken.hark.outcome == "positive"
    assert taken.hark.score == 1
    assert taken.positive
    assert taken.offer_safety_mode
    assert "Sohal" in taken.hark.citation
    assert taken.hark.caution.startswith("These questions can show signs of abuse.")
    latest = safety.latest_screen(store, alex)
    assert latest is not None
    assert (latest.id, latest.hark.score, latest.hark_answers["afraid"]) == (taken.id, 1, True)
    assert safety.get_preferences(store, alex).safety_mode is False, "offered, not switched on"


def test_the_wast_short_comes_first_and_a_positive_one_leads_to_hark(store, make_profile):
    alex = make_profile("Alex")
    gentle = {"tension": "some tension", "arguments": "no difficulty"}
    negative = safety.take_screen(store, alex, wast=gentle)
    assert (negative.wast.outcome, negative.next_step, negative.positive) == (
        "negative",
        None,
        False,
    )
    strong = {"tension": "a lot of tension", "arguments": "great difficulty"}
    positive = safety.take_screen(store, alex, wast=strong)
    assert (positive.wast.outcome, positive.next_step) == ("positive", "hark")
    assert not positive.offer_safety_mode, "WAST-Short alone does not offer safety mode"
    both = safety.take_screen(store, alex, wast=strong, hark={**NO, "kick": True})
    assert (both.next_step, both.positive, both.offer_safety_mode) == (None, True, True)
    negative_hark = safety.take_screen(store, alex, wast=strong, hark=NO)
    assert (negative_hark.hark.outcome, negative_hark.offer_safety_mode) == ("negative", False)


def test_prefer_not_to_say_is_unanswered_and_nothing_answered_is_refused(store, make_profile):
    alex = make_profile("Alex")
    taken = safety.take_screen(store, alex, hark={**NO, "rape": None})
    assert taken.hark.outcome == "incomplete"
    assert taken.hark.unanswered == ("rape",)
    with pytest.raises(InputError, match="Answer at least one question"):
        safety.take_screen(store, alex, hark=dict.fromkeys(NO))
    with pytest.raises(InputError, match="no question 'mood'"):
        safety.take_screen(store, alex, wast={"mood": "fine"})


def test_a_screen_has_no_plain_values_and_can_never_be_shared(store, make_profile):
    alex, _ = partners(store, make_profile)
    taken = safety.take_screen(
        store,
        alex,
        wast={"tension": "a lot of tension", "arguments": "great difficulty"},
        hark={**NO, "humiliation": True},
    )
    row = row_of(store, taken.id)
    assert row["kind"] == "safety_screen"
    assert row["values"] == {}
    assert (row["partner"], row["therapist"]) == (False, False)
    for word in (b"humiliation", b"tension", b"positive", b"great difficulty"):
        assert word not in row["text"]
    for flags in ({"partner": True, "therapist": False}, {"partner": False, "therapist": True}):
        with pytest.raises(InputError, match="only ever for you") as refused:
            entries.set_sharing(store, alex, taken.id, **flags)
        assert refused.value.field.startswith("shared_with_")
    entry = entries.read_entry(store, alex, taken.id)
    shared = entry.model_copy(update={"shared_with_therapist": True})
    draft = models.EntryDraft(**shared.model_dump(include=set(models.EntryDraft.model_fields)))
    with pytest.raises(InputError, match="only ever for you"):
        entries.update_entry(store, alex, taken.id, draft)
    with pytest.raises(InputError, match="only ever for you"):
        entries.write_entry(store, alex, draft.model_copy(update={"kind": "safety_screen"}))
    with store.unit_of_work() as session:
        assert session.scalars(select(EntryShareRow)).all() == []


# --- preferences -----------------------------------------------------------------------------


def test_preferences_start_empty_and_change_one_at_a_time(store, make_profile):
    alex = make_profile("Alex")
    assert safety.get_preferences(store, alex) == preferences.Preferences()
    assert safety.set_country(store, alex, "uk").country == "GB"
    on = safety.set_safety_mode(store, alex, True, "screen")
    assert (on.country, on.safety_mode, on.safety_mode_reason) == ("GB", True, "screen")
    assert safety.set_disguise(store, alex, True).disguise
    off = safety.set_safety_mode(store, alex, False)
    assert (off.safety_mode, off.safety_mode_reason, off.disguise) == (False, None, True)
    assert safety.set_country(store, alex, "").country is None
    with pytest.raises(InputError, match="two-letter") as wrong:
        safety.set_country(store, alex, "Germany")
    assert wrong.value.field == "country"


def test_preferences_are_one_sealed_padded_blob_bound_to_the_profile(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    safety.set_country(store, alex, "DE")
    safety.set_safety_mode(store, alex, True)
    safety.set_disguise(store, sam, True)
    with store.unit_of_work() as session:
        rows = {
            row.profile_id: bytes(row.sealed_preferences)
            for row in session.scalars(select(ProfilePreferencesRow))
        }
    assert set(rows) == {alex.profile_id, sam.profile_id}
    assert len({len(blob) for blob in rows.values()}) == 1, "the size says nothing"
    for blob in rows.values():
        for word in (b"country", b"safety_mode", b"DE", b"disguise", b"true"):
            assert word not in blob
    with store.unit_of_work() as session:  # copied to another profile, it does not open
        session.get(ProfilePreferencesRow, sam.profile_id).sealed_preferences = rows[
            alex.profile_id
        ]
    with pytest.raises(DamagedData):
        safety.get_preferences(store, sam)


def test_planted_preferences_and_answers_are_nowhere_in_the_sqlite_file(settings, make_profile):
    store = open_store(settings)
    try:
        accounts.create_profile(store, settings, "Alex", "alex passphrase")
        alex = accounts.unlock_profile(store, "Alex", "alex passphrase")
        safety.set_country(store, alex, "NZ")
        safety.set_safety_mode(store, alex, True, "screen")
        safety.set_disguise(store, alex, True)
        safety.take_screen(
            store,
            alex,
            wast={"tension": "a lot of tension", "arguments": "great difficulty"},
            hark={**NO, "afraid": True},
        )
        files = b"".join(path.read_bytes() for path in settings.home.rglob("*") if path.is_file())
    finally:
        store.dispose()
    assert b"Alex" in files, "the search must see the plain data"
    needles = [b'"NZ"', b"country", b"safety_mode", b"disguise", b"screen_reason", b"afraid"]
    needles += [b"a lot of tension", b"great difficulty", b"humiliation", b"positive"]
    assert [needle for needle in needles if needle in files] == []


# --- safety mode and sharing -------------------------------------------------------------------


def test_safety_mode_refuses_new_partner_sharing_in_the_service(store, make_profile):
    alex, sam = partners(store, make_profile)
    before = write(store, alex, "shared before safety mode", shared_with_partner=True)
    safety.set_safety_mode(store, alex, True)
    with pytest.raises(InputError, match="safety mode is on") as refused:
        write(store, alex, "a new entry", shared_with_partner=True)
    assert refused.value.field == "shared_with_partner"
    private = write(store, alex, "private still works", shared_with_therapist=True)
    with pytest.raises(InputError, match="safety mode is on"):
        entries.set_sharing(store, alex, private.id, partner=True, therapist=False)
    draft = models.EntryDraft(
        occurred_at=datetime.now(UTC), text={"body": "edited"}, shared_with_partner=True
    )
    with pytest.raises(InputError, match="safety mode is on"):
        entries.update_entry(store, alex, private.id, draft)
    with pytest.raises(InputError, match="safety mode is on"):
        journal.record_trigger(
            store,
            alex,
            TriggerInput(
                occurred_at=datetime.now(UTC),
                what_happened="x",
                partner_action="seemed_distant",
                urge="seek_reassurance",
                strength=3,
                shared_with_partner=True,
            ),
        )
    # What was shared before stays as it is, and can still be edited as it was.
    kept = entries.update_entry(store, alex, before.id, draft)
    assert kept.shared_with_partner
    assert entries.read_entry(store, sam, before.id).text["body"] == "edited"
    assert [entry.id for entry in entries.list_entries(store, sam, whose="shared")] == [before.id]
    safety.set_safety_mode(store, alex, False)
    assert entries.set_sharing(store, alex, private.id, partner=True, therapist=False)


def test_stop_sharing_unshares_every_partner_entry_at_once(store, make_profile):
    alex, sam = partners(store, make_profile)
    therapist = make_profile("Dr Lee", models.Role.THERAPIST)
    code = sharing.create_invitation(store, alex, models.LinkRole.THERAPIST)
    sharing.accept_invitation(store, therapist, code)
    both = write(store, alex, "one", shared_with_partner=True, shared_with_therapist=True)
    write(store, alex, "two", shared_with_partner=True)
    write(store, alex, "three")
    sams = write(store, sam, "Sam's own", shared_with_partner=True)
    assert safety.stop_sharing_with_partner(store, alex) == 2
    assert entries.list_entries(store, sam, whose="shared") == []
    assert [entry.id for entry in entries.list_entries(store, therapist, whose="shared")] == [
        both.id
    ]
    assert [entry.id for entry in entries.list_entries(store, alex, whose="shared")] == [sams.id]
    assert safety.stop_sharing_with_partner(store, alex) == 0


def test_safety_mode_shares_nothing_pending_with_a_new_partner(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    write(store, alex, "marked before any link", shared_with_partner=True)
    code = sharing.create_invitation(store, alex, models.LinkRole.PARTNER)
    safety.set_safety_mode(store, alex, True)
    # Sam cannot know Alex's (sealed) safety mode, so the old code still links them...
    sharing.accept_invitation(store, sam, code)
    accounts.unlock_profile(store, "Alex", "alex passphrase")
    # ...but nothing Alex marked for a partner is sealed for Sam.
    assert entries.list_entries(store, sam, whose="shared") == []


def test_safety_mode_hides_the_couple_view(store, make_profile):
    alex, _ = partners(store, make_profile)
    assessment_reports.couple_view(store, alex)
    safety.set_safety_mode(store, alex, True)
    with pytest.raises(NotFound, match="safety mode"):
        assessment_reports.couple_view(store, alex)


# --- risk language and resources --------------------------------------------------------------


def test_check_text_finds_self_harm_and_gives_the_calm_message():
    found = safety.check_text(SELF_HARM)
    assert found.found
    assert [signal.category for signal in found.signals] == ["self_harm"]
    assert [message.category for message in found.messages] == ["self_harm"]
    assert found.messages[0].title == "You matter, and help is there right now"
    assert found.messages[0].resources == "crisis"


@pytest.mark.parametrize(
    "text", ["I would never hurt you", "I'm not afraid of him", "We laughed all evening."]
)
def test_check_text_finds_nothing_in_safe_or_negated_words(text):
    assert safety.check_text(text) == safety.SafetyCheck()


def test_check_entry_reads_what_was_saved(store, make_profile):
    alex = make_profile("Alex")
    entry = write(store, alex, SELF_HARM)
    assert [m.category for m in safety.check_entry(store, alex, entry.id).messages] == ["self_harm"]
    calm = write(store, alex, "A quiet walk together.")
    assert not safety.check_entry(store, alex, calm.id).found


def test_resources_follow_the_persons_country(store, make_profile):
    alex = make_profile("Alex")
    assert not safety.safety_resources(store, alex).known
    safety.set_country(store, alex, "GB")
    chosen = safety.safety_resources(store, alex)
    assert (chosen.code, chosen.known) == ("GB", True)
    assert chosen.lines_for("crisis")
    assert safety.safety_resources(store, alex, "DE").code == "DE"


def test_screen_document_keeps_answers_and_outcomes(store, make_profile):
    alex = make_profile("Alex")
    taken = safety.take_screen(store, alex, hark={**NO, "afraid": True})
    document = json.loads(entries.read_entry(store, alex, taken.id).text["screen"])
    assert document["hark"]["afraid"] is True
    assert document["outcomes"] == {"hark": "positive", "wast_short": None}


def test_no_partner_link_is_made_or_offered_in_safety_mode(store, make_profile):
    from bowlby import models as bowlby_models
    from bowlby.errors import InputError as BowlbyInputError
    from bowlby.services import safety as safety_service
    from bowlby.services import sharing as sharing_service

    alex, sam = make_profile("Alex"), make_profile("Sam")
    code = sharing_service.create_invitation(store, sam, bowlby_models.LinkRole.PARTNER)
    safety_service.set_safety_mode(store, alex, True)
    with pytest.raises(BowlbyInputError) as caught:
        sharing_service.create_invitation(store, alex, bowlby_models.LinkRole.PARTNER)
    assert caught.value.field == "role"
    with pytest.raises(BowlbyInputError):
        sharing_service.accept_invitation(store, alex, code)
    assert sharing_service.list_links(store, alex) == []
    assert sharing_service.create_invitation(store, alex, bowlby_models.LinkRole.THERAPIST)
