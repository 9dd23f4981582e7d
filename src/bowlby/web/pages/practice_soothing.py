"""Self-soothing pages: the exercises with what helps this person, and one exercise at a time
with its pacer, grounding steps or countdown (JavaScript only enhances) and the before/after
form. Never paused in safety mode: calming oneself is self-care."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import Response

from bowlby.errors import InputError
from bowlby.practice import soothing
from bowlby.services import soothing as service
from bowlby.store.engine import Store
from bowlby.web import practice_soothing_contexts as contexts
from bowlby.web import practice_soothing_messages as say
from bowlby.web.auth import FormSession, PageSession, StoreDep
from bowlby.web.contexts import Whose
from bowlby.web.pages.journal_base import render_step, saved
from bowlby.web.pages.journal_forms import StepForm, whole_number
from bowlby.web.sessions import WebSession

router = APIRouter(include_in_schema=False)
HOME = "/practice/soothing"


class SoothingForm(StepForm):
    """The before/after form, kept as typed."""

    anxiety_before: str = ""
    anxiety_after: str = ""
    minutes: str = ""
    rounds: str = ""
    note: str = ""

    def to_input(self, exercise_id: str) -> soothing.SoothingInput:
        return self.build(
            soothing.SoothingInput,
            exercise=exercise_id,
            anxiety_before=whole_number(self.anxiety_before, 10, "anxiety_before", say.RATE_BEFORE),
            anxiety_after=whole_number(self.anxiety_after, 10, "anxiety_after", say.RATE_AFTER),
            minutes=minutes_of(self.minutes),
            rounds=rounds_of(self.rounds),
            note=self.note,
        )


def minutes_of(typed: str) -> float:
    """Minutes as typed (the pacer fills it in); empty means not timed."""
    try:
        minutes = float(typed.strip() or 0)
    except ValueError:
        raise InputError(say.BAD_MINUTES, field="minutes") from None
    if not 0 <= minutes <= 240:  # also refuses NaN
        raise InputError(say.BAD_MINUTES, field="minutes")
    return minutes


def rounds_of(typed: str) -> int | None:
    if not typed.strip():
        return None
    rounds = whole_number(typed, 100, "rounds", say.BAD_ROUNDS)
    if rounds < 1:
        raise InputError(say.BAD_ROUNDS, field="rounds")
    return rounds


@router.get(HOME)
def soothing_page(
    request: Request, store: StoreDep, session: PageSession, whose: Whose = "mine"
) -> Response:
    page = contexts.build_soothing_home(store, session.keyring, whose=whose)
    return render_step(request, store, session, "practice_soothing.html", page=page)


@router.get(HOME + "/{exercise_id}")
def exercise_page(
    request: Request, store: StoreDep, session: PageSession, exercise_id: str
) -> Response:
    chosen = soothing.exercise(exercise_id)  # an unknown id is a 422 with the list
    form = SoothingForm.blank(rounds=str(chosen.rounds) if chosen.phases else "")
    return show_exercise(request, store, session, exercise_id, form)


@router.post(HOME + "/{exercise_id}")
def record_session(
    request: Request,
    store: StoreDep,
    session: FormSession,
    exercise_id: str,
    form: Annotated[SoothingForm, Form()],
) -> Response:
    try:
        kept = service.record_session(store, session.keyring, form.to_input(exercise_id))
    except InputError as error:
        return show_exercise(request, store, session, exercise_id, form, error)
    notice = soothing.say(
        "saved", before=kept.anxiety_before, after=kept.anxiety_after, visibility="{visibility}"
    )
    return saved(store, session, HOME, notice, kept)


def show_exercise(
    request: Request,
    store: Store,
    session: WebSession,
    exercise_id: str,
    form: SoothingForm,
    error: InputError | None = None,
) -> Response:
    page = contexts.build_exercise_page(store, session.keyring, exercise_id)
    return render_step(
        request, store, session, "practice_soothing_exercise.html", page=page, form=form,
        error=error,
    )  # fmt: skip
