"""The five steps through the use cases, on both databases, private unless shared."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bowlby import models
from bowlby.errors import InputError
from bowlby.journal.emotions import EmotionInput
from bowlby.journal.reflections import ReflectionInput
from bowlby.journal.successes import SuccessInput
from bowlby.journal.thought_records import ThoughtRecordInput
from bowlby.journal.triggers import TriggerInput
from bowlby.services import entries, journal, sharing

NOW = datetime(2026, 4, 10, 20, tzinfo=UTC)


def log_trigger(store, keyring, action="delayed_reply", strength=7, shared=False):
    return journal.record_trigger(
        store,
        keyring,
        TriggerInput(
            occurred_at=NOW,
            what_happened="No reply since lunch",
            partner_action=action,
            urge="text_again",
            strength=strength,
            shared_with_partner=shared,
        ),
    )


def test_each_step_is_stored_and_read_back(store, make_profile):
    alex = make_profile("Alex")
    log_trigger(store, alex)
    journal.name_emotion(
        store, alex, EmotionInput(occurred_at=NOW, family="fear", name="rejected", intensity=6)
    )
    moment = journal.record_success(
        store, alex, SuccessInput(occurred_at=NOW - timedelta(days=9), what_happened="Sam called")
    )
    record = journal.record_thought(
        store,
        alex,
        ThoughtRecordInput(
            occurred_at=NOW,
            situation="No reply",
            automatic_thought="Sam is losing interest",
            belief_before=80,
            evidence_success_ids=[moment.id],
        ),
    )
    finished = journal.update_thought(
        store,
        alex,
        record.id,
        ThoughtRecordInput(
            **record.model_dump(include={"occurred_at", "situation", "automatic_thought"}),
            belief_before=80,
            balanced_thought="Sam was in a meeting; Sam has called every evening",
            belief_after=30,
            evidence_success_ids=[moment.id],
        ),
    )
    journal.write_reflection(
        store,
        alex,
        ReflectionInput(occurred_at=NOW, prompt_id="comfort_as_a_child", answer="Mum went quiet."),
    )
    assert finished.belief_drop == 50
    assert [t.partner_action for t in journal.list_triggers(store, alex)] == ["delayed_reply"]
    assert journal.list_emotions(store, alex)[0].name == "rejected"
    assert journal.list_reflections(store, alex)[0].prompt.startswith("When you were upset")
    assert journal.remember_when(store, alex, date(2026, 4, 10)).id == moment.id
    assert len(entries.entry_history(store, alex, record.id)) == 1


def test_patterns_rank_the_persons_own_triggers(store, make_profile):
    alex = make_profile("Alex")
    for strength in (8, 6):
        log_trigger(store, alex, "delayed_reply", strength)
    log_trigger(store, alex, "request_for_space", 9)
    patterns = journal.trigger_patterns(store, alex, UTC)
    assert [(r.key, r.count) for r in patterns.actions] == [
        ("delayed_reply", 2),
        ("request_for_space", 1),
    ]


def test_evidence_may_only_cite_ones_own_success_moments(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    theirs = journal.record_success(
        store, sam, SuccessInput(occurred_at=NOW, what_happened="private to Sam")
    )
    with pytest.raises(InputError, match="your own success moments"):
        journal.record_thought(
            store,
            alex,
            ThoughtRecordInput(
                occurred_at=NOW,
                situation="x",
                automatic_thought="y",
                belief_before=50,
                evidence_success_ids=[theirs.id],
            ),
        )
    assert journal.list_thought_records(store, alex) == []


def test_a_partner_sees_only_shared_steps_and_search_covers_only_what_one_may_read(
    store, make_profile
):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    sharing.accept_invitation(
        store, sam, sharing.create_invitation(store, alex, models.LinkRole.PARTNER)
    )
    log_trigger(store, alex, "delayed_reply", shared=False)
    log_trigger(store, alex, "time_apart", shared=True)
    shared = journal.list_triggers(store, sam, whose="shared")
    assert [t.partner_action for t in shared] == ["time_apart"]
    assert [
        h.entry.values["partner_action"] for h in journal.search_journal(store, sam, "lunch", "all")
    ] == ["time_apart"]
    assert len(journal.search_journal(store, alex, "lunch")) == 2
