"""One typed context per self-soothing page: built here, rendered by a template, returned by
the matching /api/practice/soothing route."""

from __future__ import annotations

from typing import Unpack

from pydantic import BaseModel

from bowlby import models
from bowlby.insights import plot_catalogue
from bowlby.practice import soothing
from bowlby.practice.soothing import Exercise, ExerciseEffect, SoothingView
from bowlby.services import soothing as service
from bowlby.services.records import ListQuery
from bowlby.store.engine import Store
from bowlby.web import practice_soothing_messages as say
from bowlby.web.contexts import Whose
from bowlby.web.journal_contexts import whose_of

LIST_COUNT = 30


class EffectsChart(BaseModel):
    title: str
    description: str
    svg: str


class SoothingHome(BaseModel):
    title: str
    lead: str
    note: str
    exercises: list[Exercise]
    effects: list[ExerciseEffect]
    most_helpful: str
    chart: EffectsChart | None
    empty: str
    whose: Whose
    sessions: list[SoothingView]


class ExercisePage(BaseModel):
    exercise: Exercise
    effect: ExerciseEffect


def build_soothing_home(
    store: Store, keyring: models.Keyring, *, with_svg: bool = True, **query: Unpack[ListQuery]
) -> SoothingHome:
    query.setdefault("limit", LIST_COUNT)
    effects = service.exercise_effects(store, keyring)
    return SoothingHome(
        title=say.TITLE,
        lead=say.LEAD,
        note=soothing.exercises_note(),
        exercises=list(soothing.exercises()),
        effects=effects,
        most_helpful=soothing.most_helpful_sentence(effects),
        chart=effects_chart(effects, with_svg=with_svg),
        empty=say.NO_SESSIONS,
        whose=whose_of(query),
        sessions=service.list_sessions(store, keyring, **query),
    )


def build_exercise_page(store: Store, keyring: models.Keyring, exercise_id: str) -> ExercisePage:
    """One exercise, with what it has done for this person so far."""
    chosen = soothing.exercise(exercise_id)
    effect = next(e for e in service.exercise_effects(store, keyring) if e.exercise == chosen.id)
    return ExercisePage(exercise=chosen, effect=effect)


def effects_chart(effects: list[ExerciseEffect], *, with_svg: bool) -> EffectsChart | None:
    """The figure once some exercise has been tried often enough to tell (three sessions)."""
    drawn = plot_catalogue.soothing(effects)
    if drawn is None:
        return None
    svg = drawn.svg() if with_svg else ""
    return EffectsChart(title=drawn.title, description=drawn.description, svg=svg)
