"""The what-if page's typed context: a change picked in a plain GET form (it works without
JavaScript), both runs from the same start, and the phase plane with both paths. In safety
mode only the pause is shown: the what-if coaches how to answer the partner."""

from __future__ import annotations

from typing import Literal

import numpy as np
from pydantic import BaseModel

from bowlby import models
from bowlby.dynamics.fitting import TooFewTurns
from bowlby.dynamics.model import CoupleModel, SteadyState
from bowlby.dynamics.whatif import Change
from bowlby.errors import InputError, PausedForSafety
from bowlby.services import dynamics as service
from bowlby.services import records
from bowlby.store.engine import Store
from bowlby.web import dynamics_messages as say
from bowlby.web.dynamics_contexts import (
    Chart,
    FitQuery,
    TooFew,
    say_states_hidden,
    settles,
    too_few_of,
)

Parameter = Literal["negative_slope", "positive_slope", "threshold", "inertia", "constant"]
MAX_TURNS = 200


class WhatIfQuery(FitQuery):
    """The fit's source and options, plus the change: whose, which, to what (blank: a
    suggested calmer value), how many turns, and an optional start."""

    who: Literal["first", "second"] = "first"
    parameter: Parameter = "negative_slope"
    value: str = ""
    turns: int = 30
    start_first: str = ""
    start_second: str = ""


class Option(BaseModel):
    id: str
    label: str


class StatesLine(BaseModel):
    label: str
    lines: list[str]


class WhatIfPage(BaseModel):
    title: str
    query: str
    fit_url: str
    paused_message: str | None = None
    too_few: TooFew | None = None
    error: str | None = None
    who_options: list[Option] = []
    parameter_options: list[Option] = []
    chosen: WhatIfQuery
    value: float | None = None
    current: float | None = None
    summary: str | None = None
    start: tuple[float, float] | None = None
    before: list[list[float]] = []
    after: list[list[float]] = []
    states: list[StatesLine] = []
    trajectories: Chart | None = None
    phase_plane: Chart | None = None


def build_whatif_page(
    store: Store, keyring: models.Keyring, query: WhatIfQuery, *, with_svg: bool = True
) -> WhatIfPage:
    """The form and, when a fit can carry it, both runs; otherwise the reason."""
    source = service.load_source(store, keyring, chat=query.chat, conversation=query.conversation)
    base = WhatIfPage(
        title=source.title,
        query=query.query(),
        fit_url=f"/dynamics/fit?{query.query()}",
        chosen=query,
        parameter_options=[Option(id=key, label=text) for key, text in say.CHANGES.items()],
    )
    if records.coaching_paused(store, keyring):
        return base.model_copy(update={"paused_message": records.PAUSED_FOR_SAFETY})
    try:
        result = service.fit_source(source, **query.options())
    except TooFewTurns as error:
        return base.model_copy(update={"too_few": too_few_of(error)})
    names = result.names
    base.who_options = [Option(id="first", label=names[0]), Option(id="second", label=names[1])]
    if not settles(result.fit):
        return base.model_copy(update={"error": say_states_hidden()})
    try:
        return filled(store, keyring, base, result, query, with_svg)
    except PausedForSafety as paused:
        return base.model_copy(update={"paused_message": paused.message})
    except InputError as error:
        return base.model_copy(update={"error": error.detail})


def filled(
    store: Store,
    keyring: models.Keyring,
    base: WhatIfPage,
    result: service.FitResult,
    query: WhatIfQuery,
    with_svg: bool,
) -> WhatIfPage:
    model = result.fit.model
    current = current_value(model, query.who, query.parameter)
    value = number(query.value, "value") if query.value.strip() else suggested(query, current)
    turns = max(1, min(MAX_TURNS, query.turns))
    start = start_of(query)
    change = Change(query.who, query.parameter, value)
    done = service.whatif(store, keyring, result, change, start=start, turns=turns)
    runs = done.runs
    names = result.names
    name = names[0] if query.who == "first" else names[1]
    summary = say.WHATIF_RESULT.format(
        name=name,
        change=say.CHANGES[query.parameter].lower(),
        label=say.ESTIMATE_LABELS[query.parameter],
        before=f"{current:+.2f}",
        after=f"{value:+.2f}",
    )
    return base.model_copy(
        update={
            "value": round(value, 4),
            "current": round(current, 4),
            "summary": summary,
            "start": done.start,
            "before": [rounded(runs.before.first), rounded(runs.before.second)],
            "after": [rounded(runs.after.first), rounded(runs.after.second)],
            "states": [
                states_line(say.STATES_BEFORE, runs.before_states, names),
                states_line(say.STATES_AFTER, runs.after_states, names),
            ],
            **charts(done, names, with_svg),
        }
    )


def current_value(model: CoupleModel, who: str, parameter: str) -> float:
    """The fitted value the change starts from (a bilinear model's threshold is 0)."""
    partner = model.first if who == "first" else model.second
    if parameter in ("constant", "inertia"):
        return float(getattr(partner, parameter))
    found = partner.influence.parameters()
    key = {"threshold": "negative_threshold"}.get(parameter, parameter)
    return float(found.get(parameter, found.get(key, 0.0)))


def suggested(query: WhatIfQuery, current: float) -> float:
    """Halfway towards calmer: half the pull of negativity or the carry-over, a stronger pull
    of positive turns, a threshold two points lower, a warmer starting point."""
    if query.parameter in ("negative_slope", "inertia"):
        return current / 2
    if query.parameter == "positive_slope":
        return current + 0.3
    if query.parameter == "threshold":
        return max(-4.0, current - 2)
    return current + 0.5


def number(text: str, field: str) -> float:
    try:
        return float(text.strip().replace("−", "-"))
    except ValueError:
        raise InputError(f"'{text.strip()}' is not a number.", field=field) from None


def start_of(query: WhatIfQuery) -> tuple[float, float] | None:
    if not (query.start_first.strip() or query.start_second.strip()):
        return None
    first = number(query.start_first or "0", "start_first")
    second = number(query.start_second or "0", "start_second")
    return max(-4.0, min(4.0, first)), max(-4.0, min(4.0, second))


def rounded(scores: np.ndarray) -> list[float]:
    return [round(float(score), 3) for score in scores]


def states_line(label: str, states: list[SteadyState], names: tuple[str, str]) -> StatesLine:
    lines = [
        say.STATE_LINE.format(
            first=names[0],
            second=names[1],
            first_score=state.first,
            second_score=state.second,
            stability=say.STABLE if state.stable else say.UNSTABLE,
        )
        for state in states
    ]
    return StatesLine(label=label, lines=lines or [say.NO_STATES])


def charts(done: service.WhatIfResult, names: tuple[str, str], with_svg: bool) -> dict[str, Chart]:
    from bowlby.dynamics.model import null_clines
    from bowlby.insights import dynamics_charts as plots
    from bowlby.insights.figures import svg_markup

    runs = done.runs
    about_runs = plots.describe_trajectories(runs.before, runs.after, names)
    about_plane = plots.describe_phase_plane(runs.after_states, names)
    runs_svg = plane_svg = ""
    if with_svg:
        figure = plots.plot_trajectories(runs.before, runs.after, names)
        runs_svg = svg_markup(figure, say.TRAJECTORY_TITLE, about_runs)
        paths = [(runs.before, "as now"), (runs.after, "with the change")]
        plane = plots.plot_phase_plane(null_clines(done.changed), runs.after_states, names, paths)
        plane_svg = svg_markup(plane, say.PHASE_TITLE, about_plane)
    return {
        "trajectories": Chart(title=say.TRAJECTORY_TITLE, description=about_runs, svg=runs_svg),
        "phase_plane": Chart(title=say.PHASE_TITLE, description=about_plane, svg=plane_svg),
    }
