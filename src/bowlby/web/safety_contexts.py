"""The safety pages' contexts: crisis lines for a country, the screen's questions and result,
and the safety settings; each page's JSON twin returns the same model."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel

from bowlby import models
from bowlby.safety import list_countries, resources_for, stance
from bowlby.safety.coercive_control import ControlDescription, get_checklist
from bowlby.safety.messages import resource_text, screen_caution
from bowlby.safety.resources import CountryResources, Service
from bowlby.safety.screens import HARK, WAST_SHORT, Accuracy, ScreenResult, get_screen
from bowlby.services import preferences, safety
from bowlby.store.engine import Store
from bowlby.web import safety_messages as say


class Line(BaseModel):
    """One phone line, as the page shows it."""

    name: str
    purpose: str  # crisis, domestic_abuse or both
    phone: str
    tel: str  # the number for a tel: link, digits (and a leading +) only
    also: list[str]
    text: str | None
    hours: str | None
    website: str
    verified: bool
    note: str | None


class CountryLines(BaseModel):
    """Crisis lines first, then domestic-abuse lines, for one country (or the fallback)."""

    code: str
    name: str | None
    known: bool
    emergency: str | None
    emergency_tel: str | None
    emergency_note: str | None
    crisis: list[Line]
    domestic_abuse: list[Line]
    fallback: str
    international: str
    unknown: str | None
    source: str | None
    checked: date | None
    unverified_note: str


class Country(BaseModel):
    code: str
    name: str


class SafetyPage(BaseModel):
    lines: CountryLines
    countries: list[Country]
    stance: list[str]
    signed_in: bool
    safety_mode: bool = False


class Option(BaseModel):
    value: str
    label: str


class Question(BaseModel):
    id: str
    text: str
    options: list[Option]


class ScreenQuestions(BaseModel):
    id: str
    name: str
    intro: str
    citation: str
    questions: list[Question]


class ScreenPage(BaseModel):
    """WAST-Short first (gentler); HARK next, with the WAST-Short answers carried along."""

    step: Literal["wast", "hark"]
    intro: str
    screen: ScreenQuestions
    carried: dict[str, str]


class ResultView(BaseModel):
    screen: str
    name: str
    outcome: str
    positive: bool
    message: str
    accuracy: str
    source: str
    unanswered: int


class ScreenResultPage(BaseModel):
    id: str
    taken_at: datetime
    results: list[ResultView]
    caution: str
    next_step: str | None
    positive: bool
    offer_safety_mode: bool
    safety_mode: bool
    offer: str
    lines: CountryLines


class ChecklistOption(BaseModel):
    id: str
    text: str


class ChecklistPage(BaseModel):
    """The descriptive coercive-control checklist: no score, nothing kept."""

    intro: str
    stem: str
    items: list[ChecklistOption]
    not_a_test: str


class ChecklistResultPage(BaseModel):
    ticked: list[str]
    sentence: str
    note: str
    not_a_test: str
    lines: CountryLines


class SafetySettingsPage(BaseModel):
    country: str | None
    countries: list[Country]
    safety_mode: bool
    disguise: bool
    partner_shared: int


def build_safety_page(
    country: str | None, *, signed_in: bool, safety_mode: bool = False
) -> SafetyPage:
    return SafetyPage(
        lines=country_lines(resources_for(country)),
        countries=countries(),
        stance=list(stance()),
        signed_in=signed_in,
        safety_mode=safety_mode,
    )


def build_screen_page(step: str, carried: dict[str, str] | None = None) -> ScreenPage:
    if step == "hark":
        return ScreenPage(
            step="hark",
            intro=say.SCREEN_INTRO,
            screen=screen_questions(HARK, say.HARK_INTRO),
            carried=carried or {},
        )
    return ScreenPage(
        step="wast",
        intro=say.SCREEN_INTRO,
        screen=screen_questions(WAST_SHORT, say.WAST_INTRO),
        carried={},
    )


def build_screen_result(
    store: Store, keyring: models.Keyring, taken: safety.ScreenTaken
) -> ScreenResultPage:
    chosen = preferences.load(store, keyring)
    results = [result_view(taken, r) for r in (taken.wast, taken.hark) if r is not None]
    return ScreenResultPage(
        id=taken.id,
        taken_at=taken.taken_at,
        results=results,
        caution=screen_caution(),
        next_step=taken.next_step,
        positive=taken.positive,
        offer_safety_mode=taken.offer_safety_mode,
        safety_mode=chosen.safety_mode,
        offer=say.SAFETY_MODE_OFFER,
        lines=country_lines(resources_for(chosen.country)),
    )


def build_checklist() -> ChecklistPage:
    checklist = get_checklist()
    return ChecklistPage(
        intro=say.CHECKLIST_INTRO,
        stem=checklist.stem,
        items=[ChecklistOption(id=item.id, text=item.text) for item in checklist.items],
        not_a_test=say.CHECKLIST_NOT_A_TEST,
    )


def build_checklist_result(
    store: Store, keyring: models.Keyring, described: ControlDescription
) -> ChecklistResultPage:
    chosen = preferences.load(store, keyring)
    return ChecklistResultPage(
        ticked=[item.label for item in described.ticked],
        sentence=described.sentence,
        note=described.note,
        not_a_test=say.CHECKLIST_NOT_A_TEST,
        lines=country_lines(resources_for(chosen.country)),
    )


def build_settings(store: Store, keyring: models.Keyring) -> SafetySettingsPage:
    chosen = preferences.load(store, keyring)
    return SafetySettingsPage(
        country=chosen.country,
        countries=countries(),
        safety_mode=chosen.safety_mode,
        disguise=chosen.disguise,
        partner_shared=safety.count_partner_shared(store, keyring),
    )


def country_lines(found: CountryResources) -> CountryLines:
    crisis = found.lines_for("crisis")
    abuse = [service for service in found.lines_for("domestic_abuse") if service not in crisis]
    return CountryLines(
        code=found.code,
        name=found.name,
        known=found.known,
        emergency=found.emergency,
        emergency_tel=tel(found.emergency) if found.emergency else None,
        emergency_note=found.emergency_note,
        crisis=[line(service) for service in crisis],
        domestic_abuse=[line(service) for service in abuse],
        fallback=found.fallback,
        international=found.international,
        unknown=found.unknown,
        source=found.source,
        checked=found.checked,
        unverified_note=resource_text("unverified"),
    )


def countries() -> list[Country]:
    return [Country(code=code, name=name) for code, name in list_countries()]


def line(service: Service) -> Line:
    return Line(
        name=service.name,
        purpose=service.purpose,
        phone=service.phone,
        tel=tel(service.phone),
        also=list(service.also),
        text=service.text,
        hours=service.hours,
        website=service.website,
        verified=service.verified,
        note=service.note,
    )


def tel(number: str) -> str:
    return "".join(c for c in number if c.isdigit() or c in "+*#")


def screen_questions(screen_id: str, intro: str) -> ScreenQuestions:
    screen = get_screen(screen_id)
    return ScreenQuestions(
        id=screen.id,
        name=screen.name,
        intro=intro,
        citation=screen.citation,
        questions=[
            Question(
                id=item.id,
                text=question_text(screen.question(item)),
                options=[
                    *answer_options(screen.id, item.options),
                    Option(value="", label=say.PREFER_NOT_TO_SAY),
                ],
            )
            for item in screen.items
        ],
    )


def question_text(text: str) -> str:
    """A question that the options finish ("... work out arguments with") ends in "…"."""
    return text if text.endswith(("?", ".")) else text + "…"


def answer_options(screen_id: str, options: tuple[str, ...]) -> list[Option]:
    if screen_id == HARK:
        return [Option(value="yes", label=say.YES), Option(value="no", label=say.NO)]
    return [Option(value=option, label=option[:1].upper() + option[1:]) for option in options]


def result_view(taken: safety.ScreenTaken, result: ScreenResult) -> ResultView:
    return ResultView(
        screen=result.screen,
        name=get_screen(result.screen).name,
        outcome=result.outcome,
        positive=result.positive,
        message=safety.screen_message(taken, result),
        accuracy=accuracy_sentence(result.accuracy),
        source=result.source,
        unanswered=len(result.unanswered),
    )


def accuracy_sentence(accuracy: Accuracy) -> str:
    """'It finds about 81 in 100 people ... (sensitivity 81%, 95% CI 69–90%)' in plain words."""
    parts = [f"sensitivity {percent(accuracy.sensitivity)}{interval(accuracy.sensitivity_ci)}"]
    if accuracy.specificity is not None:
        parts.append(
            f"specificity {percent(accuracy.specificity)}{interval(accuracy.specificity_ci)}"
        )
    elif accuracy.specificity_range is not None:
        low, high = accuracy.specificity_range
        parts.append(f"specificity {percent(low)}–{percent(high)} across studies")
    return "Published accuracy: " + ", ".join(parts) + "."


def percent(value: float) -> str:
    return f"{round(value * 100)}%"


def interval(pair: tuple[float, float] | None) -> str:
    if pair is None:
        return ""
    return f" (95% CI {percent(pair[0])}–{percent(pair[1])})"
