"""The unsaid list's pages: note an item (always private), the list with ages, and one item's
page to raise it with the gentle start-up or to let it go."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, TypeVar

from fastapi import APIRouter, Form, Request
from pydantic import BaseModel, ValidationError
from starlette.responses import RedirectResponse, Response

from bowlby.errors import InputError, first_problem
from bowlby.practice.unsaid_list import LetGoInput, RaiseInput, UnsaidInput
from bowlby.services import unsaid_list
from bowlby.settings import Settings
from bowlby.store.engine import Store
from bowlby.web import practice_unsaid_contexts as contexts
from bowlby.web import practice_unsaid_messages as say
from bowlby.web.auth import FormSession, PageSession, SettingsDep, StoreDep
from bowlby.web.forms import parse_local
from bowlby.web.pages.journal_base import render_step
from bowlby.web.pages.journal_forms import StepForm, require, whole_number
from bowlby.web.safety_notes import note_risk
from bowlby.web.sessions import WebSession

router = APIRouter(include_in_schema=False)
Model = TypeVar("Model", bound=BaseModel)
PAGE = "/practice/unsaid"


class UnsaidForm(StepForm):
    what_happened: str = ""
    feeling: str = ""
    sting: str = ""

    def to_input(self) -> UnsaidInput:
        require(self.what_happened, "what_happened", say.WRITE_WHAT_HAPPENED)
        sting = whole_number(self.sting, 10, "sting", say.CHOOSE_STING)
        return self.build(
            UnsaidInput, what_happened=self.what_happened, feeling=self.feeling, sting=sting
        )


class ResolveForm(BaseModel):
    """Raising (the three parts, how it went, a note) or letting go (a note), as typed."""

    action: str = "raise"
    feel: str = ""
    about: str = ""
    need: str = ""
    went: str = ""
    note: str = ""
    when: str = ""

    def to_raise(self) -> RaiseInput:
        for field in ("feel", "about", "need"):
            require(getattr(self, field), field, say.FINISH_SENTENCE)
        require(self.went, "went", say.CHOOSE_WENT)
        values = {"feel": self.feel, "about": self.about, "need": self.need, "went": self.went}
        return _checked(RaiseInput, "raised_at", self.when, {**values, "note": self.note})

    def to_let_go(self) -> LetGoInput:
        return _checked(LetGoInput, "let_go_at", self.when, {"note": self.note})


def _checked(model: type[Model], time_field: str, typed: str, values: dict[str, str]) -> Model:
    try:
        when = parse_local(typed)
    except InputError as error:
        raise InputError(error.detail, field="when") from error
    try:
        return model.model_validate({time_field: when, **values})
    except ValidationError as error:
        field, message = first_problem(error)
        raise InputError(message[:1].upper() + message[1:] + ".", field=field) from error


@router.get(PAGE)
def unsaid_page(
    request: Request, store: StoreDep, settings: SettingsDep, session: PageSession
) -> Response:
    return overview(request, store, settings, session, UnsaidForm(sting="5"))


@router.post(PAGE)
def note_item(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    session: FormSession,
    form: Annotated[UnsaidForm, Form()],
) -> Response:
    try:
        noted = unsaid_list.note_item(store, session.keyring, form.to_input())
    except InputError as error:
        return overview(request, store, settings, session, form, error=error)
    return done(store, session, noted.id, say.NOTED)


@router.get(PAGE + "/{item_id}")
def item_page(
    request: Request, store: StoreDep, settings: SettingsDep, session: PageSession, item_id: str
) -> Response:
    page = contexts.build_item_page(store, session.keyring, item_id, settings.zone, now())
    form = ResolveForm(feel=page.template.feel, about=page.template.about, need=page.template.need)
    return item_view(request, store, session, settings, item_id, form)


@router.post(PAGE + "/{item_id}")
def resolve_item(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    session: FormSession,
    item_id: str,
    form: Annotated[ResolveForm, Form()],
) -> Response:
    try:
        if form.action == "let_go":
            unsaid_list.let_go_item(store, session.keyring, item_id, form.to_let_go())
            notice = say.LET_GO
        else:
            unsaid_list.raise_item(store, session.keyring, item_id, form.to_raise())
            notice = say.RAISED
    except InputError as error:
        if error.field in ("raised_at", "let_go_at"):
            error = InputError(error.detail, field="when")
        return item_view(request, store, session, settings, item_id, form, error=error)
    return done(store, session, item_id, notice)


def now() -> datetime:
    return datetime.now(UTC)


def done(store: Store, session: WebSession, item_id: str, notice: str) -> Response:
    """After a save: the calm safety box if the words show danger, then back to the list."""
    note_risk(store, session, item_id)
    session.notice = notice
    return RedirectResponse(PAGE, status_code=303)


def overview(
    request: Request,
    store: Store,
    settings: Settings,
    session: WebSession,
    form: UnsaidForm,
    *,
    error: InputError | None = None,
) -> Response:
    page = contexts.build_unsaid_page(store, session.keyring, settings.zone, now())
    return render_step(
        request, store, session, "practice_unsaid.html", page=page, form=form, error=error
    )


def item_view(
    request: Request,
    store: Store,
    session: WebSession,
    settings: Settings,
    item_id: str,
    form: ResolveForm,
    *,
    error: InputError | None = None,
) -> Response:
    page = contexts.build_item_page(store, session.keyring, item_id, settings.zone, now())
    return render_step(
        request, store, session, "practice_unsaid_item.html", page=page, form=form, error=error
    )
