"""The couple-model pages' typed contexts: the overview (what the model is, which sources there
are), one fit (estimates with intervals, steady states in words, the phase plane), the what-if
(both runs and the plane) and the log form. Each API twin returns the same model."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from bowlby import models
from bowlby.dynamics import hard_conversations as hard
from bowlby.dynamics.fitting import (
    MIN_PAIRS,
    MIN_PAIRS_STEADY,
    CoupleFit,
    Estimate,
    TooFewTurns,
    fit_as_json,
)
from bowlby.services import chats, records
from bowlby.services import dynamics as service
from bowlby.store.engine import Store
from bowlby.web import dynamics_messages as say

RECENT = 10
LOOP_URL = "/dynamics/loop"
Form = Literal["turn", "block"]
Influence = Literal["bilinear", "auto"]


class SourceLink(BaseModel):
    label: str
    detail: str
    url: str


class ScaleStep(BaseModel):
    score: int
    meaning: str


class OverviewPage(BaseModel):
    lead: str
    model_in_words: str
    minimum_note: str
    chats: list[SourceLink]
    logged: list[SourceLink]
    logged_summary: str | None
    fit_all_url: str | None
    loop_url: str
    scale: list[ScaleStep]


class EstimateRow(BaseModel):
    key: str
    label: str
    value: float | None
    low: float | None
    high: float | None
    shown: bool
    text: str


class PartnerBlock(BaseModel):
    name: str
    role: str
    pairs: int
    estimates: list[EstimateRow]


class StateRow(BaseModel):
    first: float
    second: float
    stable: bool
    text: str


class Chart(BaseModel):
    title: str
    description: str
    svg: str


class TooFew(BaseModel):
    title: str
    message: str
    have: int
    need: int
    hint: str


class FitQuery(BaseModel):
    """Which source, and how to fit it: the query string of /dynamics/fit and /whatif."""

    chat: str | None = None
    conversation: str | None = None
    form: Form = "turn"
    influence: Influence = "bilinear"

    def query(self) -> str:
        source = f"chat={self.chat}" if self.chat else f"conversation={self.conversation}"
        return f"{source}&form={self.form}&influence={self.influence}"

    def options(self) -> dict[str, object]:
        return {"form": self.form, "influence": self.influence}


class FitPage(BaseModel):
    source_kind: str
    source_id: str
    title: str
    query: str
    too_few: TooFew | None = None
    facts: str | None = None
    partners: list[PartnerBlock] = []
    states: list[StateRow] = []
    states_note: str | None = None
    comparison: str | None = None
    notes: list[str] = []
    phase_plane: Chart | None = None
    whatif_url: str | None = None
    fit: dict[str, object] | None = None


def build_overview(store: Store, keyring: models.Keyring) -> OverviewPage:
    """Which of the person's own sources can be fitted, and what the model is in words."""
    own_chats = chats.list_chats(store, keyring)
    logged = service.list_hard_conversations(store, keyring)
    turns = sum(len(view.scores) for view in logged)
    return OverviewPage(
        lead=say.LEAD,
        model_in_words=say.MODEL_IN_WORDS,
        minimum_note=say.MINIMUM_NOTE.format(need=MIN_PAIRS),
        chats=[
            SourceLink(
                label=chat.name,
                detail=f"{chat.messages:,} messages",
                url=f"/dynamics/fit?chat={chat.id}",
            )
            for chat in own_chats
        ],
        logged=[logged_link(view) for view in logged[:RECENT]],
        logged_summary=(
            say.LOGGED_COUNT.format(conversations=len(logged), turns=turns) if logged else None
        ),
        fit_all_url="/dynamics/fit?conversation=all" if logged else None,
        loop_url=LOOP_URL,
        scale=scale(),
    )


def scale() -> list[ScaleStep]:
    return [ScaleStep(score=score, meaning=text) for score, text in hard.legend().items()]


def logged_link(view: hard.HardConversationView) -> SourceLink:
    return SourceLink(
        label=view.topic or view.occurred_at.date().isoformat(),
        detail=f"{len(view.scores)} turns",
        url=f"/dynamics/fit?conversation={view.id}",
    )


def build_fit_page(
    store: Store, keyring: models.Keyring, query: FitQuery, *, with_svg: bool = True
) -> FitPage:
    """The fit of one source, or the plain too-few-turns state (nothing estimated)."""
    source = service.load_source(store, keyring, chat=query.chat, conversation=query.conversation)
    head = FitPage(
        source_kind=source.kind, source_id=source.id, title=source.title, query=query.query()
    )
    try:
        result = service.fit_source(source, **query.options())
    except TooFewTurns as error:
        return head.model_copy(update={"too_few": too_few_of(error)})
    return fit_page(
        head, result, query, paused=records.coaching_paused(store, keyring), with_svg=with_svg
    )


def too_few_of(error: TooFewTurns) -> TooFew:
    """The plain too-few-turns state: how many pairs there are and are needed."""
    return TooFew(
        title=say.TOO_FEW_TITLE,
        message=error.detail,
        have=error.have,
        need=error.need,
        hint=say.TOO_FEW_HINT,
    )


def fit_page(
    head: FitPage,
    result: service.FitResult,
    query: FitQuery,
    *,
    paused: bool,
    with_svg: bool,
) -> FitPage:
    fit = result.fit
    names = result.names
    enough = settles(fit)
    return head.model_copy(
        update=dict(
            facts=facts(result),
            partners=[
                partner_block(names[0], "first", fit.n_pairs.first, fit.first),
                partner_block(names[1], "second", fit.n_pairs.second, fit.second),
            ],
            states=state_rows(result) if enough else [],
            states_note=None if enough else say_states_hidden(),
            comparison=fit.comparison.why,
            notes=list(fit.notes),
            phase_plane=phase_plane(result, with_svg) if enough else None,
            whatif_url=f"/dynamics/whatif?{query.query()}" if enough and not paused else None,
            fit=fit_as_json(fit),
        )
    )


def settles(fit: CoupleFit) -> bool:
    """Steady states, the plane and the what-if only from MIN_PAIRS_STEADY pairs a partner."""
    return min(fit.n_pairs.first, fit.n_pairs.second) >= MIN_PAIRS_STEADY


def say_states_hidden() -> str:
    from bowlby.dynamics import messages

    return messages.STATES_HIDDEN.format(need=MIN_PAIRS_STEADY)


def facts(result: service.FitResult) -> str:
    fit = result.fit
    names = result.names
    return say.FIT_FACTS.format(
        pairs=fit.n_pairs.total,
        first=names[0],
        second=names[1],
        first_pairs=fit.n_pairs.first,
        second_pairs=fit.n_pairs.second,
        conversations=len(result.source.conversations),
        form=fit.form,
        version=fit.scoring_version,
    )


def partner_block(name: str, role: str, pairs: int, estimates: dict[str, Estimate]) -> PartnerBlock:
    rows = [estimate_row(key, estimate) for key, estimate in estimates.items()]
    return PartnerBlock(name=name, role=role, pairs=pairs, estimates=rows)


def estimate_row(key: str, estimate: Estimate) -> EstimateRow:
    label = say.ESTIMATE_LABELS.get(key, key.replace("_", " "))
    if not estimate.shown:
        text = estimate.why_hidden or ""
        return EstimateRow(
            key=key, label=label, value=None, low=None, high=None, shown=False, text=text
        )
    text = f"{estimate.value:+.2f}"
    if estimate.low is not None and estimate.high is not None:
        text += f" ({estimate.low:+.2f} to {estimate.high:+.2f})"
    return EstimateRow(
        key=key,
        label=label,
        value=round(estimate.value, 4),
        low=None if estimate.low is None else round(estimate.low, 4),
        high=None if estimate.high is None else round(estimate.high, 4),
        shown=True,
        text=text,
    )


def state_rows(result: service.FitResult) -> list[StateRow]:
    names = result.names
    rows = []
    for influenced in result.fit.steady_states:
        state = influenced.state
        stability = say.STABLE if state.stable else say.UNSTABLE
        text = say.STATE_LINE.format(
            first=names[0],
            second=names[1],
            first_score=state.first,
            second_score=state.second,
            stability=stability,
        )
        rows.append(
            StateRow(
                first=round(state.first, 4),
                second=round(state.second, 4),
                stable=state.stable,
                text=text,
            )
        )
    return rows


def phase_plane(result: service.FitResult, with_svg: bool) -> Chart:
    """The catalogue's phase plane (the one `bowlby plot dynamics-phase` writes)."""
    from bowlby.services.plots import phase_plane as draw_phase_plane

    drawn = draw_phase_plane(result)
    svg = drawn.svg() if with_svg else ""
    return Chart(title=drawn.title, description=drawn.description, svg=svg)
