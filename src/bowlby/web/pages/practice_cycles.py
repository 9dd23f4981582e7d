"""The cycle map's pages: the list of cycles with a form to name a new one, and each cycle
with its loop drawn and the builder's six prompts in one form (no JavaScript needed)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from pydantic import Field
from starlette.responses import Response

from bowlby.errors import InputError
from bowlby.practice import cycle_maps as maps
from bowlby.practice.cycle_maps import CycleInput, SideInput, SideView
from bowlby.services import cycle_maps
from bowlby.store.engine import Store
from bowlby.web import practice_cycles_contexts as contexts
from bowlby.web import practice_cycles_messages as say
from bowlby.web.auth import FormSession, PageSession, StoreDep
from bowlby.web.forms import local_input
from bowlby.web.pages.journal_base import render_step, saved
from bowlby.web.pages.journal_forms import StepForm, require
from bowlby.web.safety_notes import note_risk
from bowlby.web.sessions import WebSession

router = APIRouter(include_in_schema=False)

# A guess's fields, named as the form names them (the model calls them trigger, feel, ...).
GUESS_FIELDS = {"trigger": "reads", "core_fear": "their_fear", "feel": "their_feel",
                "move": "their_move", "do": "their_do"}  # fmt: skip


class CycleNameForm(StepForm):
    name: str = ""

    def to_input(self) -> CycleInput:
        require(self.name, "name", say.NAME_MISSING)
        return self.build(CycleInput, name=self.name)


class CycleSideForm(StepForm):
    """The six prompts: the person's own side, then (optionally) their guess at the other."""

    trigger: str = ""
    feelings: list[str] = Field(default_factory=list)
    core_fear: str = ""
    feel: str = ""
    move: str = ""
    do: str = ""
    reads: str = ""
    their_fear: str = ""
    their_feel: str = ""
    their_move: str = ""
    their_do: str = ""

    @classmethod
    def of_sides(cls, own: SideView | None, guess: SideView | None) -> CycleSideForm:
        form = cls.blank()
        if own is not None:
            form = cls(
                occurred_at=local_input(own.occurred_at), share_partner=own.shared_with_partner,
                share_therapist=own.shared_with_therapist, trigger=own.trigger,
                feelings=own.feelings, core_fear=own.core_fear or "", feel=own.feel,
                move=own.move, do=own.do,
            )  # fmt: skip
        if guess is not None:
            form.reads, form.their_fear = guess.trigger, guess.core_fear or ""
            form.their_feel, form.their_move, form.their_do = guess.feel, guess.move, guess.do
        return form

    def to_inputs(self, cycle_id: str) -> tuple[SideInput, SideInput | None]:
        own = _built(
            self,
            cycle_id,
            trigger=self.trigger,
            feelings=self.feelings,
            core_fear=self.core_fear or None,
            feel=self.feel,
            move=self.move,
            do=self.do,
        )
        if not self.has_guess():
            return own, None
        try:
            guess = _built(
                self,
                cycle_id,
                guess=True,
                trigger=self.reads,
                core_fear=self.their_fear or None,
                feel=self.their_feel,
                move=self.their_move,
                do=self.their_do,
            )
        except InputError as error:
            field = GUESS_FIELDS.get(error.field or "", error.field)
            raise InputError(error.detail, field=field) from error
        return own, guess

    def has_guess(self) -> bool:
        return any(
            value.strip() for value in (self.reads, self.their_fear, self.their_feel, self.their_do)
        ) or self.their_move not in ("", "other")


def _built(form: CycleSideForm, cycle_id: str, **values: Any) -> SideInput:
    """The side's input; the model's own messages start with a capital letter on a page."""
    try:
        return form.build(SideInput, cycle_id=cycle_id, **values)
    except InputError as error:
        detail = error.detail[:1].upper() + error.detail[1:]
        raise InputError(detail, field=error.field) from error


@router.get("/practice/cycles")
def cycles_page(request: Request, store: StoreDep, session: PageSession) -> Response:
    return _cycles(request, store, session, CycleNameForm.blank())


@router.post("/practice/cycles")
def start_cycle(
    request: Request,
    store: StoreDep,
    session: FormSession,
    form: Annotated[CycleNameForm, Form()],
) -> Response:
    try:
        started = cycle_maps.start_cycle(store, session.keyring, form.to_input())
    except InputError as error:
        return _cycles(request, store, session, form, error)
    return saved(store, session, f"/practice/cycles/{started.id}", say.STARTED, started)


@router.get("/practice/cycles/{cycle_id}")
def cycle_page(request: Request, store: StoreDep, session: PageSession, cycle_id: str) -> Response:
    own = cycle_maps.own_side(store, session.keyring, cycle_id)
    guess = cycle_maps.own_side(store, session.keyring, cycle_id, guess=True)
    return _cycle(request, store, session, cycle_id, CycleSideForm.of_sides(own, guess))


@router.post("/practice/cycles/{cycle_id}/sides")
def save_side(
    request: Request,
    store: StoreDep,
    session: FormSession,
    cycle_id: str,
    form: Annotated[CycleSideForm, Form()],
) -> Response:
    """Save the person's side and, when any of it was filled in, their guess at the other."""
    try:
        own, guess = form.to_inputs(cycle_id)
        side = cycle_maps.save_side(store, session.keyring, own)
        if guess is not None:
            note_risk(store, session, cycle_maps.save_side(store, session.keyring, guess).id)
    except InputError as error:
        return _cycle(request, store, session, cycle_id, form, error=error)
    notice = say.SIDE_AND_GUESS_SAVED if guess else say.SIDE_SAVED
    return saved(store, session, f"/practice/cycles/{cycle_id}#loop", notice, side)


@router.post("/practice/cycles/{cycle_id}/name")
def rename_cycle(
    request: Request,
    store: StoreDep,
    session: FormSession,
    cycle_id: str,
    form: Annotated[CycleNameForm, Form()],
) -> Response:
    """Rename one's own cycle or change who may read it; the old name stays in its history."""
    try:
        renamed = cycle_maps.rename_cycle(store, session.keyring, cycle_id, form.to_input())
    except InputError as error:
        return _cycle(request, store, session, cycle_id, None, name_form=form, error=error)
    return saved(store, session, f"/practice/cycles/{cycle_id}", say.RENAMED, renamed)


def _cycles(
    request: Request,
    store: Store,
    session: WebSession,
    form: CycleNameForm,
    error: InputError | None = None,
) -> Response:
    page = contexts.build_cycles_page(store, session.keyring)
    return render_step(
        request, store, session, "practice_cycles.html", page=page, form=form, say=say,
        error=error,
    )  # fmt: skip


def _cycle(
    request: Request,
    store: Store,
    session: WebSession,
    cycle_id: str,
    form: CycleSideForm | None,
    *,
    name_form: CycleNameForm | None = None,
    error: InputError | None = None,
) -> Response:
    page = contexts.build_cycle_page(store, session.keyring, cycle_id)
    if form is None:
        own = cycle_maps.own_side(store, session.keyring, cycle_id)
        guess = cycle_maps.own_side(store, session.keyring, cycle_id, guess=True)
        form = CycleSideForm.of_sides(own, guess)
    if name_form is None:
        name_form = CycleNameForm(
            occurred_at=local_input(page.cycle.occurred_at), name=page.cycle.name,
            share_partner=page.cycle.shared_with_partner,
            share_therapist=page.cycle.shared_with_therapist,
        )  # fmt: skip
    return render_step(
        request, store, session, "practice_cycle.html", page=page, form=form,
        name_form=name_form, say=say, moves=maps.moves(), prompts=maps.prompts(), error=error,
    )  # fmt: skip
