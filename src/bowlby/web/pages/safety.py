"""Safety in the browser: the quick exit and its neutral page, crisis lines (open to anyone),
the partner-violence screen, and the safety settings."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from bowlby.errors import InputError
from bowlby.safety import list_countries
from bowlby.safety.coercive_control import describe_coercive_control
from bowlby.safety.screens import score_wast_short
from bowlby.services import safety
from bowlby.services.preferences import SafetyReason, normalise_country
from bowlby.web import safety_contexts, safety_messages
from bowlby.web.auth import FormSession, MaybeSession, PageSession, StoreDep, get_sessions
from bowlby.web.pages import FormText
from bowlby.web.rendering import TEMPLATES, error_text, render
from bowlby.web.sessions import SESSION_COOKIE, WebSession, clear_session_cookie

router = APIRouter(include_in_schema=False)
NEUTRAL_PAGE = "/weather"
HARK_ITEMS = ("humiliation", "afraid", "rape", "kick")
ANSWERS = {"yes": True, "no": False}


@router.post("/exit")
def quick_exit(request: Request) -> Response:
    """End the session and leave for the neutral page. No CSRF token is asked for: leaving
    must always work, even from a stale page, and all it can do is sign someone out."""
    get_sessions(request).end(request.cookies.get(SESSION_COOKIE))
    response = RedirectResponse(NEUTRAL_PAGE, status_code=303)
    clear_session_cookie(request, response)
    return response


@router.get(NEUTRAL_PAGE)
def neutral_page(request: Request) -> Response:
    """A bland page with nothing of Bowlby on it."""
    return TEMPLATES.TemplateResponse(request, "neutral.html", {})


@router.get("/safety")
def safety_page(
    request: Request, store: StoreDep, session: MaybeSession, country: str = ""
) -> Response:
    """Crisis lines for a country: open to anyone, signed in or not, and offline."""
    chosen = safety.get_preferences(store, session.keyring) if session else None
    try:
        asked = normalise_country(country)
    except InputError:
        asked = None  # never echo arbitrary text back onto the page
    page = safety_contexts.build_safety_page(
        asked or (chosen.country if chosen else None),
        signed_in=session is not None,
        safety_mode=bool(chosen and chosen.safety_mode),
    )
    return render(request, "safety.html", session=session, page=page)


@router.get("/safety/screen")
def screen_form(request: Request, session: PageSession, step: str = "wast") -> Response:
    page = safety_contexts.build_screen_page(step)
    return render(request, "safety_screen.html", session=session, page=page, error=None)


@router.post("/safety/screen")
def answer_screen(
    request: Request,
    store: StoreDep,
    session: FormSession,
    step: FormText = "wast",
    tension: FormText = "",
    arguments: FormText = "",
    humiliation: FormText = "",
    afraid: FormText = "",
    rape: FormText = "",
    kick: FormText = "",
) -> Response:
    """WAST-Short first: a negative result is kept; otherwise HARK follows, and the sitting
    is kept with both when HARK is answered."""
    wast = {"tension": tension or None, "arguments": arguments or None}
    hark_given = {"humiliation": humiliation, "afraid": afraid, "rape": rape, "kick": kick}
    try:
        if step == "hark":
            hark = {item: ANSWERS.get(answer) for item, answer in hark_given.items()}
            carried = wast if any(wast.values()) else None
            safety.take_screen(store, session.keyring, wast=carried, hark=hark)
        elif score_wast_short(**wast).outcome == "negative":
            safety.take_screen(store, session.keyring, wast=wast)
        else:
            carry = {key: value for key, value in wast.items() if value}
            page = safety_contexts.build_screen_page("hark", carry)
            return render(request, "safety_screen.html", session=session, page=page, error=None)
    except InputError as error:
        carry = {key: value for key, value in wast.items() if value}
        page = safety_contexts.build_screen_page(step, carry)
        return render(
            request,
            "safety_screen.html",
            session=session,
            status_code=422,
            page=page,
            error=error_text(error),
        )
    return RedirectResponse("/safety/screen/result", status_code=303)


@router.get("/safety/screen/result")
def screen_result(request: Request, store: StoreDep, session: PageSession) -> Response:
    taken = safety.latest_screen(store, session.keyring)
    if taken is None:
        return RedirectResponse("/safety/screen", status_code=303)
    page = safety_contexts.build_screen_result(store, session.keyring, taken)
    return render(request, "safety_result.html", session=session, page=page)


@router.get("/safety/checklist")
def checklist_form(request: Request, session: PageSession) -> Response:
    page = safety_contexts.build_checklist()
    return render(request, "safety_checklist.html", session=session, page=page, error=None)


@router.post("/safety/checklist")
def answer_checklist(
    request: Request,
    store: StoreDep,
    session: FormSession,
    ticked: Annotated[list[str], Form()] = [],  # noqa: B006 - FastAPI copies defaults
) -> Response:
    """Describe what was ticked; an unticked item counts as "I'd rather not say". Nothing is
    stored."""
    try:
        described = describe_coercive_control(dict.fromkeys(ticked, True))
    except InputError as error:
        page = safety_contexts.build_checklist()
        return render(
            request,
            "safety_checklist.html",
            session=session,
            status_code=422,
            page=page,
            error=error_text(error),
        )
    result = safety_contexts.build_checklist_result(store, session.keyring, described)
    return render(request, "safety_checklist_result.html", session=session, page=result)


@router.get("/settings/safety")
def settings_page(request: Request, store: StoreDep, session: PageSession) -> Response:
    page = safety_contexts.build_settings(store, session.keyring)
    return render(request, "safety_settings.html", session=session, page=page, error=None)


@router.post("/settings/safety/country")
def choose_country(
    request: Request, store: StoreDep, session: FormSession, country: FormText = ""
) -> Response:
    try:
        chosen = safety.set_country(store, session.keyring, country)
    except InputError as error:
        page = safety_contexts.build_settings(store, session.keyring)
        return render(
            request,
            "safety_settings.html",
            session=session,
            status_code=422,
            page=page,
            error=error_text(error),
        )
    name = dict(list_countries()).get(chosen.country or "", chosen.country)
    notice = (
        safety_messages.COUNTRY_SET.format(country=name)
        if chosen.country
        else safety_messages.COUNTRY_CLEARED
    )
    return back_to_settings(session, notice)


@router.post("/settings/safety/mode")
def choose_safety_mode(
    store: StoreDep, session: FormSession, on: FormText = "", reason: FormText = "chosen"
) -> Response:
    why: SafetyReason = "screen" if reason == "screen" else "chosen"
    chosen = safety.set_safety_mode(store, session.keyring, on == "on", why)
    notice = (
        safety_messages.SAFETY_MODE_ON if chosen.safety_mode else safety_messages.SAFETY_MODE_OFF
    )
    return back_to_settings(session, notice)


@router.post("/settings/safety/disguise")
def choose_disguise(store: StoreDep, session: FormSession, on: FormText = "") -> Response:
    chosen = safety.set_disguise(store, session.keyring, on == "on")
    notice = safety_messages.DISGUISE_ON if chosen.disguise else safety_messages.DISGUISE_OFF
    return back_to_settings(session, notice)


@router.post("/settings/safety/stop-sharing")
def stop_sharing(store: StoreDep, session: FormSession) -> Response:
    count = safety.stop_sharing_with_partner(store, session.keyring)
    return back_to_settings(session, safety_messages.stopped_sharing(count))


def back_to_settings(session: WebSession, notice: str) -> Response:
    session.notice = notice
    return RedirectResponse("/settings/safety", status_code=303)
