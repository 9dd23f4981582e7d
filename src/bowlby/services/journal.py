"""The five steps of self-awareness as use cases: each record is an entry of its own kind,
private unless shared; the patterns are read from the person's own entries."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, tzinfo
from typing import TypeVar, Unpack

from bowlby import models
from bowlby.errors import InputError, NotFound, NotShared
from bowlby.journal import emotions, reflections, search, successes, thought_records, triggers
from bowlby.services import entries, records
from bowlby.services.records import ListQuery
from bowlby.store.engine import Store

View = TypeVar("View")


KINDS = {
    triggers.KIND: "trigger",
    emotions.KIND: "named emotion",
    thought_records.KIND: "thought record",
    successes.KIND: "success moment",
    reflections.KIND: "reflection",
    "journal": "journal entry",
}


def record_trigger(
    store: Store, keyring: models.Keyring, log: triggers.TriggerInput
) -> triggers.TriggerView:
    return triggers.trigger_view(entries.write_entry(store, keyring, triggers.trigger_draft(log)))


def name_emotion(
    store: Store, keyring: models.Keyring, note: emotions.EmotionInput
) -> emotions.EmotionView:
    return emotions.emotion_view(entries.write_entry(store, keyring, emotions.emotion_draft(note)))


def record_thought(
    store: Store, keyring: models.Keyring, record: thought_records.ThoughtRecordInput
) -> thought_records.ThoughtRecordView:
    _check_evidence(store, keyring, record.evidence_success_ids)
    draft = thought_records.thought_record_draft(record)
    return thought_records.thought_record_view(entries.write_entry(store, keyring, draft))


def update_thought(
    store: Store,
    keyring: models.Keyring,
    record_id: str,
    record: thought_records.ThoughtRecordInput,
) -> thought_records.ThoughtRecordView:
    """Finish or revise a thought record (re-rating the belief later is common)."""
    _own(store, keyring, record_id, thought_records.KIND)
    _check_evidence(store, keyring, record.evidence_success_ids)
    draft = thought_records.thought_record_draft(record)
    return thought_records.thought_record_view(
        entries.update_entry(store, keyring, record_id, draft)
    )


def read_thought_record(
    store: Store, keyring: models.Keyring, record_id: str
) -> thought_records.ThoughtRecordView:
    """One of the person's own thought records, to finish or revise it."""
    return thought_records.thought_record_view(
        _own(store, keyring, record_id, thought_records.KIND)
    )


def record_success(
    store: Store, keyring: models.Keyring, moment: successes.SuccessInput
) -> successes.SuccessView:
    draft = successes.success_draft(moment)
    return successes.success_view(entries.write_entry(store, keyring, draft))


def write_reflection(
    store: Store, keyring: models.Keyring, reflection: reflections.ReflectionInput
) -> reflections.ReflectionView:
    draft = reflections.reflection_draft(reflection)
    return reflections.reflection_view(entries.write_entry(store, keyring, draft))


def list_triggers(
    store: Store, keyring: models.Keyring, **query: Unpack[ListQuery]
) -> list[triggers.TriggerView]:
    return _views(store, keyring, triggers.KIND, triggers.trigger_view, **query)


def list_emotions(
    store: Store, keyring: models.Keyring, **query: Unpack[ListQuery]
) -> list[emotions.EmotionView]:
    return _views(store, keyring, emotions.KIND, emotions.emotion_view, **query)


def list_thought_records(
    store: Store, keyring: models.Keyring, **query: Unpack[ListQuery]
) -> list[thought_records.ThoughtRecordView]:
    return _views(
        store, keyring, thought_records.KIND, thought_records.thought_record_view, **query
    )


def list_successes(
    store: Store, keyring: models.Keyring, **query: Unpack[ListQuery]
) -> list[successes.SuccessView]:
    return _views(store, keyring, successes.KIND, successes.success_view, **query)


def list_reflections(
    store: Store, keyring: models.Keyring, **query: Unpack[ListQuery]
) -> list[reflections.ReflectionView]:
    return _views(store, keyring, reflections.KIND, reflections.reflection_view, **query)


def trigger_patterns(
    store: Store, keyring: models.Keyring, zone: tzinfo, since: datetime | None = None
) -> triggers.TriggerPatterns:
    """The person's recurring triggers, ranked, and when in the day and week they come."""
    return triggers.find_trigger_patterns(list_triggers(store, keyring, since=since), zone)


def remember_when(
    store: Store, keyring: models.Keyring, today: date
) -> successes.SuccessView | None:
    return successes.remember_when(list_successes(store, keyring), today)


def search_journal(
    store: Store, keyring: models.Keyring, query: str, whose: str = "mine"
) -> list[search.SearchHit]:
    """Search the entries the person can read; decrypted in memory for this search only."""
    readable = entries.list_entries(store, keyring, whose=whose)
    return search.search_entries([e for e in readable if e.kind in KINDS], query)


def _views(
    store: Store,
    keyring: models.Keyring,
    kind: str,
    to_view: Callable[[models.Entry], View],
    **query: Unpack[ListQuery],
) -> list[View]:
    return records.list_views(store, keyring, kind, to_view, **query)


def _own(store: Store, keyring: models.Keyring, entry_id: str, kind: str) -> models.Entry:
    return records.read_own(store, keyring, entry_id, kind, KINDS.get(kind, kind))


def _check_evidence(store: Store, keyring: models.Keyring, success_ids: Sequence[str]) -> None:
    """Evidence against may cite only the person's own success moments."""
    for success_id in success_ids:
        try:
            _own(store, keyring, success_id, successes.KIND)
        except (NotFound, NotShared) as error:
            raise InputError(
                "evidence can cite only your own success moments; this one is not one of them.",
                field="evidence_success_ids",
            ) from error
