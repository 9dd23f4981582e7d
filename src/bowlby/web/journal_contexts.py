"""One typed context per journal page: built here, rendered by a template, returned by /api.

The records themselves are the journal models' views (TriggerView, EmotionView, ...); this
module adds what a page needs around them: patterns as bars, belief drops, choice lists.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, tzinfo
from typing import Unpack

from pydantic import BaseModel, computed_field

from bowlby import models
from bowlby.journal import emotions, thought_records, triggers, vocabulary
from bowlby.journal.reflections import ReflectionView
from bowlby.journal.successes import SuccessView
from bowlby.journal.thought_records import ThoughtRecordView
from bowlby.services import entries, journal
from bowlby.store.engine import Store
from bowlby.web import contexts, journal_messages
from bowlby.web.contexts import EntrySummary, Whose
from bowlby.web.journal_choices import Prompt, PromptTheme, build_vocabulary

RECENT_COUNT = 8
LIST_COUNT = 50
WEEKDAY_NAMES = dict(
    zip(triggers.WEEKDAYS, ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                            "Saturday", "Sunday"), strict=True)
)  # fmt: skip


# The overview -------------------------------------------------------------------------------


class Step(BaseModel):
    number: int
    title: str
    explanation: str
    href: str
    tool: str


class JournalHome(BaseModel):
    steps: list[Step]
    recent: list[EntrySummary]


def build_journal_home(store: Store, keyring: models.Keyring) -> JournalHome:
    recent = entries.list_entries(
        store, keyring, whose="mine", kinds=list(journal.KINDS), limit=RECENT_COUNT
    )
    return JournalHome(
        steps=[
            Step(number=number, title=title, explanation=text, href=href, tool=tool)
            for number, (title, text, href, tool) in enumerate(journal_messages.STEPS, start=1)
        ],
        recent=[contexts.summarise(entry, keyring) for entry in recent],
    )


# Step 1: triggers ---------------------------------------------------------------------------


class Bar(BaseModel):
    """One row of a bar list: a count, and its width as a share of the longest row."""

    key: str
    label: str
    count: int
    percent: int
    mean_strength: float | None = None


class TriggerPatternsView(BaseModel):
    total: int
    zone: str
    actions: list[Bar]
    tags: list[Bar]
    urges: list[Bar]
    by_time_of_day: list[Bar]
    by_weekday: list[Bar]
    protest_share: float | None
    withdrawal_share: float | None


class TriggersPage(BaseModel):
    whose: Whose
    triggers: list[triggers.TriggerView]
    patterns: TriggerPatternsView


def build_trigger_patterns(
    store: Store, keyring: models.Keyring, zone: tzinfo
) -> TriggerPatternsView:
    """The person's own patterns, in their time zone."""
    found = journal.trigger_patterns(store, keyring, zone)
    hours = {name: f"{name} ({start:02}–{end:02})" for name, start, end in triggers.TIMES_OF_DAY}
    share = found.protest_share
    return TriggerPatternsView(
        total=found.total,
        zone=str(zone),
        actions=bars([(r.key, r.label, r.count, r.mean_strength) for r in found.actions]),
        tags=bars([(r.key, r.label, r.count, r.mean_strength) for r in found.tags]),
        urges=bars([(r.key, r.label, r.count, r.mean_strength) for r in found.urges]),
        by_time_of_day=bars([(k, hours[k], n, None) for k, n in found.by_time_of_day.items()]),
        by_weekday=bars([(k, WEEKDAY_NAMES[k], n, None) for k, n in found.by_weekday.items()]),
        protest_share=share,
        withdrawal_share=None if share is None else 1 - share,
    )


def bars(rows: list[tuple[str, str, int, float | None]]) -> list[Bar]:
    longest = max((count for _, _, count, _ in rows), default=0)
    return [
        Bar(
            key=key,
            label=label,
            count=count,
            percent=round(100 * count / longest) if longest else 0,
            mean_strength=None if mean is None else round(mean, 1),
        )
        for key, label, count, mean in rows
    ]


def build_triggers_page(
    store: Store, keyring: models.Keyring, zone: tzinfo, **query: Unpack[journal.ListQuery]
) -> TriggersPage:
    query.setdefault("limit", LIST_COUNT)
    return TriggersPage(
        whose=whose_of(query),
        triggers=journal.list_triggers(store, keyring, **query),
        patterns=build_trigger_patterns(store, keyring, zone),
    )


# Step 2: emotions ---------------------------------------------------------------------------


class EmotionCount(BaseModel):
    name: str
    count: int
    mean_intensity: float


class EmotionsPage(BaseModel):
    whose: Whose
    emotions: list[emotions.EmotionView]
    counts: list[EmotionCount]


def build_emotions_page(
    store: Store, keyring: models.Keyring, **query: Unpack[journal.ListQuery]
) -> EmotionsPage:
    query.setdefault("limit", LIST_COUNT)
    named = journal.list_emotions(store, keyring, **query)
    counts = [
        EmotionCount(name=name, count=count, mean_intensity=round(mean, 1))
        for name, count, mean in emotions.count_emotions(named)
    ]
    return EmotionsPage(whose=whose_of(query), emotions=named, counts=counts)


# Step 3: thought records --------------------------------------------------------------------


class ThoughtRow(ThoughtRecordView):
    """A thought record with its belief drop and its distortions' names, for lists and JSON."""

    distortion_labels: list[str]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def belief_drop(self) -> int | None:
        return super().belief_drop

    @classmethod
    def of(cls, view: ThoughtRecordView) -> ThoughtRow:
        labels = [vocabulary.label_of(vocabulary.distortions(), d) for d in view.distortions]
        return cls(**view.model_dump(), distortion_labels=labels)


class BeliefSummary(BaseModel):
    completed: int
    mean_before: float | None
    mean_after: float | None
    mean_drop: float | None
    distortions: list[Bar]


class ThoughtsPage(BaseModel):
    whose: Whose
    records: list[ThoughtRow]
    summary: BeliefSummary


class ThoughtFormPage(BaseModel):
    """A new or half-finished record, and the person's success moments to cite as evidence."""

    record: ThoughtRow | None
    successes: list[SuccessView]


def build_thoughts_page(
    store: Store, keyring: models.Keyring, **query: Unpack[journal.ListQuery]
) -> ThoughtsPage:
    query.setdefault("limit", LIST_COUNT)
    records = journal.list_thought_records(store, keyring, **query)
    change = thought_records.summarise_belief_change(records)
    labels = {d.id: d.label for d in vocabulary.distortions()}
    return ThoughtsPage(
        whose=whose_of(query),
        records=[ThoughtRow.of(record) for record in records],
        summary=BeliefSummary(
            completed=change.completed,
            mean_before=rounded(change.mean_before),
            mean_after=rounded(change.mean_after),
            mean_drop=rounded(change.mean_drop),
            distortions=bars([(d, labels.get(d, d), n, None) for d, n in change.distortion_counts]),
        ),
    )


def build_thought_form(
    store: Store, keyring: models.Keyring, record: ThoughtRecordView | None = None
) -> ThoughtFormPage:
    return ThoughtFormPage(
        record=ThoughtRow.of(record) if record else None,
        successes=journal.list_successes(store, keyring, limit=LIST_COUNT),
    )


def build_thought_edit(store: Store, keyring: models.Keyring, record_id: str) -> ThoughtFormPage:
    """One of the person's own thought records, to finish or revise; others' read as absent."""
    return build_thought_form(
        store, keyring, journal.read_thought_record(store, keyring, record_id)
    )


def rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


# Step 4: successes and remember-when --------------------------------------------------------


class RememberWhen(BaseModel):
    """One calm moment for today, the same all day; none until a moment is kept."""

    moment: SuccessView | None


class SuccessesPage(BaseModel):
    whose: Whose
    successes: list[SuccessView]
    remember_when: SuccessView | None


def build_remember_when(store: Store, keyring: models.Keyring, today: date) -> RememberWhen:
    return RememberWhen(moment=journal.remember_when(store, keyring, today))


def build_successes_page(
    store: Store, keyring: models.Keyring, today: date, **query: Unpack[journal.ListQuery]
) -> SuccessesPage:
    query.setdefault("limit", LIST_COUNT)
    return SuccessesPage(
        whose=whose_of(query),
        successes=journal.list_successes(store, keyring, **query),
        remember_when=journal.remember_when(store, keyring, today),
    )


# Guided reflections -------------------------------------------------------------------------


class ReflectionsPage(BaseModel):
    whose: Whose
    note: str
    themes: list[PromptTheme]
    answers: list[ReflectionView]


def build_reflections_page(
    store: Store, keyring: models.Keyring, **query: Unpack[journal.ListQuery]
) -> ReflectionsPage:
    query.setdefault("limit", LIST_COUNT)
    grouped: dict[str, list[Prompt]] = defaultdict(list)
    for prompt in build_vocabulary().prompts:
        grouped[prompt.theme].append(prompt)
    return ReflectionsPage(
        whose=whose_of(query),
        note=vocabulary.prompts_note(),
        themes=[PromptTheme(theme=theme, prompts=items) for theme, items in grouped.items()],
        answers=journal.list_reflections(store, keyring, **query),
    )


def whose_of(query: journal.ListQuery) -> Whose:
    whose = query.get("whose", "mine")
    return "shared" if whose == "shared" else "all" if whose == "all" else "mine"
