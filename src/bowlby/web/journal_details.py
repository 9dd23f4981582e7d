"""An entry of one of the five steps, read as labelled fields rather than raw values, and its
earlier versions for its owner (a reader never sees what an entry used to say)."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import AwareDatetime, BaseModel

from bowlby import models
from bowlby.journal import emotions, reflections, successes, thought_records, triggers
from bowlby.journal import vocabulary as words
from bowlby.services import entries, journal
from bowlby.store.engine import Store
from bowlby.web import contexts, journal_messages, practice_details
from bowlby.web.entry_fields import Detail, label_of

DIRECTIONS = {"protest": "reaching out (protest)", "withdrawal": "pulling away (withdrawal)"}


class EarlierVersion(BaseModel):
    version: int
    occurred_at: AwareDatetime
    replaced_at: AwareDatetime
    details: list[Detail]


class JournalEntryPage(contexts.EntryPage):
    """The entry page: the entry, its fields readably, and (owner only) its history."""

    kind_label: str
    details: list[Detail]
    history: list[EarlierVersion]
    edit_url: str | None


Cited = dict[str, str]


def build_entry_page(store: Store, keyring: models.Keyring, entry_id: str) -> JournalEntryPage:
    base = contexts.build_entry(store, keyring, entry_id)
    entry = base.entry
    cited = cited_moments(store, keyring, entry)
    return JournalEntryPage(
        **dict(base),
        kind_label=contexts.kind_label(entry.kind),
        details=describe(entry, cited) if described(entry.kind) else [],
        history=earlier_versions(store, keyring, entry, cited) if base.mine else [],
        edit_url=edit_url(entry) if base.mine else None,
    )


def earlier_versions(
    store: Store, keyring: models.Keyring, entry: models.Entry, cited: Cited
) -> list[EarlierVersion]:
    """The owner's earlier versions, newest first, each read like the entry itself."""
    versions = []
    for earlier in reversed(entries.entry_history(store, keyring, entry.id)):
        then = {"occurred_at": earlier.occurred_at, "values": earlier.values, "text": earlier.text}
        versions.append(
            EarlierVersion(
                version=earlier.version,
                occurred_at=earlier.occurred_at,
                replaced_at=earlier.replaced_at,
                details=describe(entry.model_copy(update=then), cited),
            )
        )
    return versions


def described(kind: str) -> bool:
    return kind in DESCRIBERS or kind in practice_details.DESCRIBERS


def edit_url(entry: models.Entry) -> str | None:
    """Where the entry is edited: its own step's or tool's page, the general form for a plain
    journal entry, or nowhere (a trigger or a tally is a record of a moment)."""
    if entry.kind == thought_records.KIND:
        return f"/journal/thoughts/{entry.id}/edit"
    if entry.kind in practice_details.DESCRIBERS:
        return practice_details.edit_url(entry)
    return f"/entries/{entry.id}/edit" if not described(entry.kind) else None


def cited_moments(store: Store, keyring: models.Keyring, entry: models.Entry) -> Cited:
    """The success moments the reader may see, by id, for a thought record's evidence."""
    if entry.kind != thought_records.KIND:
        return {}
    readable = journal.list_successes(store, keyring, whose="all")
    return {moment.id: moment.what_happened for moment in readable}


def describe(entry: models.Entry, cited: Cited) -> list[Detail]:
    practice = practice_details.DESCRIBERS.get(entry.kind)
    found = practice(entry) if practice else DESCRIBERS.get(entry.kind, describe_text)(entry, cited)
    return [detail for detail in found if detail.text or detail.items]


def describe_trigger(entry: models.Entry, _: Cited) -> list[Detail]:
    view = triggers.trigger_view(entry)
    action = view.partner_action_label
    if view.partner_action_detail:
        action = f"{action}: {view.partner_action_detail}"
    direction = DIRECTIONS.get(view.urge_direction)
    return [
        Detail(label="What happened", text=view.what_happened),
        Detail(label="What the partner did or did not do", text=action),
        Detail(
            label="The urge", text=f"{view.urge_label}, {direction}" if direction else view.urge
        ),
        Detail(label="How strong", text=f"{view.strength} out of 10"),
        Detail(label="Tags", items=view.tags),
    ]


def describe_emotion(entry: models.Entry, _: Cited) -> list[Detail]:
    view = emotions.emotion_view(entry)
    return [
        Detail(label="The feeling", text=f"{view.name} ({view.family})"),
        Detail(label="How strong", text=f"{view.intensity} out of 10"),
        Detail(label="The fear beneath it", text=view.core_fear_label or ""),
        Detail(label="In words", text=view.statement),
        Detail(label="Note", text=view.note),
    ]


def describe_thought(entry: models.Entry, cited: Cited) -> list[Detail]:
    view = thought_records.thought_record_view(entry)
    after = view.belief_after
    drop = view.belief_drop
    return [
        Detail(label="Situation", text=view.situation),
        Detail(label="Automatic thought", text=view.automatic_thought),
        Detail(label="Belief at first", text=f"{view.belief_before} out of 100"),
        Detail(
            label="Thinking traps noticed",
            items=[words.label_of(words.distortions(), d) for d in view.distortions],
        ),
        Detail(label="Evidence for", text=view.evidence_for),
        Detail(label="Evidence against", text=view.evidence_against),
        Detail(
            label="Success moments cited as evidence",
            items=[
                cited.get(i, journal_messages.NOT_SHARED_MOMENT) for i in view.evidence_success_ids
            ],
        ),
        Detail(label="Balanced thought", text=view.balanced_thought),
        Detail(
            label="Belief re-rated",
            text="not yet re-rated" if after is None else f"{after} out of 100",
        ),
        Detail(label="Change", text="" if drop is None else belief_change(drop)),
    ]


def belief_change(drop: int) -> str:
    if drop > 0:
        return journal_messages.BELIEF_CHANGE_DOWN.format(points=drop)
    if drop < 0:
        return journal_messages.BELIEF_CHANGE_UP.format(points=-drop)
    return journal_messages.BELIEF_CHANGE_SAME


def describe_success(entry: models.Entry, _: Cited) -> list[Detail]:
    view = successes.success_view(entry)
    return [
        Detail(label="What happened", text=view.what_happened),
        Detail(label="What it showed", text=view.quality_label),
    ]


def describe_reflection(entry: models.Entry, _: Cited) -> list[Detail]:
    view = reflections.reflection_view(entry)
    return [
        Detail(label=f"Question ({view.theme})" if view.theme else "Question", text=view.prompt),
        Detail(label="Answer", text=view.answer),
    ]


def describe_text(entry: models.Entry, _: Cited) -> list[Detail]:
    """Any other kind: its text fields and values, labelled by their names."""
    texts = [Detail(label=label_of(key), text=value) for key, value in entry.text.items()]
    values = [
        Detail(label=label_of(key), text=str(value))
        for key, value in entry.values.items()
        if value is not None
    ]
    return texts + values


DESCRIBERS: dict[str, Callable[[models.Entry, Cited], list[Detail]]] = {
    triggers.KIND: describe_trigger,
    emotions.KIND: describe_emotion,
    thought_records.KIND: describe_thought,
    successes.KIND: describe_success,
    reflections.KIND: describe_reflection,
}
