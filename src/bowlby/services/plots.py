"""Any catalogue plot for the person signed in: its data gathered the way its page gathers it
(the person's own records, and only what a partner shared), drawn by ``plot_catalogue``, and
written to a private file. The CLI's ``bowlby plot``, the download route and reports use it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from bowlby import models
from bowlby.errors import InputError, NotFound
from bowlby.insights import plot_catalogue as catalogue
from bowlby.insights.plot_catalogue import Drawn
from bowlby.store.engine import Store

if TYPE_CHECKING:
    from bowlby.practice.ratio_ledger import InteractionView, RatioPeriod
    from bowlby.services.dynamics import FitResult

RATIO_DAYS = (28, 91)
SUFFIXES = {".svg": "svg", ".png": "png", ".pdf": "pdf"}
NEEDS_CHAT = "choose one of your imported chats: --chat ID (`bowlby chats list` shows them)."


@dataclass(frozen=True)
class PlotOptions:
    """What a plot may be asked for; each plot takes only the ones its spec names."""

    chat: str | None = None
    cycle: str | None = None
    days: int = RATIO_DAYS[0]
    now: datetime = field(default_factory=lambda: datetime.now(UTC))


Gather = Callable[[Store, models.Keyring, tzinfo, PlotOptions], "Drawn | None"]


def draw_plot(
    store: Store,
    keyring: models.Keyring,
    name: str,
    zone: tzinfo,
    *,
    chat: str | None = None,
    couple: bool = False,
    cycle: str | None = None,
    days: int | None = None,
    now: datetime | None = None,
) -> Drawn:
    """The plot called ``name`` from the person's own data; NotFound when there is nothing to
    draw yet (with what to do about it), InputError for an unknown name or option."""
    if couple and name == "plane":
        name = "plane-couple"
    spec = catalogue.find_spec(name)
    _check_options(
        spec, chat=chat, cycle=cycle, days=days, couple=couple and name != "plane-couple"
    )
    options = PlotOptions(chat=chat, cycle=cycle, days=days or RATIO_DAYS[0],
                          now=now or datetime.now(UTC))  # fmt: skip
    drawn = GATHERERS[name](store, keyring, zone, options)
    if drawn is None:
        raise NotFound(f"Nothing to draw yet. {spec.empty}")
    return drawn


def export_plot(
    store: Store,
    keyring: models.Keyring,
    name: str,
    zone: tzinfo,
    path: Path,
    **options: object,
) -> Drawn:
    """Draw the plot and write it to ``path`` (0600, atomically) in the format its suffix
    names; nothing is written when there is nothing to draw."""
    from bowlby.files import write_private_file

    fmt = format_of(path)
    if not path.parent.is_dir():
        raise InputError(f"there is no folder {path.parent}.", field="--output")
    drawn = draw_plot(store, keyring, name, zone, **options)  # type: ignore[arg-type]
    write_private_file(path, drawn.render(fmt))
    return drawn


def format_of(path: Path, field_name: str = "--output") -> str:
    """svg, png or pdf from the file's suffix; anything else is an input error."""
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise InputError("the file must end in .svg, .png or .pdf.", field=field_name)
    return fmt


def _check_options(
    spec: catalogue.PlotSpec, *, chat: str | None, cycle: str | None, days: int | None, couple: bool
) -> None:
    given = {"chat": chat is not None, "cycle": cycle is not None, "days": days is not None}
    given["couple"] = couple
    for option, used in given.items():
        if used and option not in spec.options:
            raise InputError(f"the plot '{spec.name}' does not take --{option}.", field=option)
    if days is not None and days not in RATIO_DAYS:
        raise InputError("choose 28 or 91 days.", field="days")
    if "chat" in spec.options and spec.name in catalogue.CHAT_PLOTS and not chat:
        raise InputError(NEEDS_CHAT, field="chat")


def ratio_periods(
    store: Store, keyring: models.Keyring, zone: tzinfo, first: date, today: date
) -> tuple[list[InteractionView], list[RatioPeriod], list[RatioPeriod]]:
    """The person's own moments (with the 7 days before ``first`` that the rolling ratio
    needs), and the ledger by day and rolling 7 days from ``first`` to ``today``."""
    from bowlby.practice import ratio_ledger as ledger
    from bowlby.services import ratio_ledger

    since = ratio_ledger.start_of(first - timedelta(days=ledger.ROLLING_DAYS), zone)
    mine = ratio_ledger.list_interactions(store, keyring, whose="mine", since=since)
    by_day = ledger.ratio_by_day(mine, zone, first, today)
    return mine, by_day, ledger.rolling_ratio(mine, zone, first, today)


def _plane(couple: bool) -> Gather:
    def gather(
        store: Store, keyring: models.Keyring, _zone: tzinfo, _o: PlotOptions
    ) -> Drawn | None:
        from bowlby.services import assessment_reports

        series = assessment_reports.plane_series(store, keyring, couple=couple)
        return catalogue.plane(series, couple=couple)

    return gather


def _ratio(
    store: Store, keyring: models.Keyring, zone: tzinfo, options: PlotOptions
) -> Drawn | None:
    today = options.now.astimezone(zone).date()
    _, by_day, rolling = ratio_periods(
        store, keyring, zone, today - timedelta(days=options.days - 1), today
    )
    return catalogue.ratio(by_day, rolling)


def _repairs(
    store: Store, keyring: models.Keyring, zone: tzinfo, options: PlotOptions
) -> Drawn | None:
    from bowlby.practice import repair_attempts
    from bowlby.services import repairs

    mine = repairs.list_ruptures(store, keyring, whose="mine")
    months = repair_attempts.median_by_month(mine, zone)
    return catalogue.repairs(mine, months, zone, options.now)


def _soothing(
    store: Store, keyring: models.Keyring, _zone: tzinfo, _o: PlotOptions
) -> Drawn | None:
    from bowlby.services import soothing

    return catalogue.soothing(soothing.exercise_effects(store, keyring))


def _tolerance(
    store: Store, keyring: models.Keyring, zone: tzinfo, _o: PlotOptions
) -> Drawn | None:
    from bowlby.services import vulnerability_windows

    return catalogue.tolerance(vulnerability_windows.tolerance(store, keyring, zone))


def _loop(
    store: Store, keyring: models.Keyring, zone: tzinfo, options: PlotOptions
) -> Drawn | None:
    from bowlby.services import feedback_loop

    today = options.now.astimezone(zone).date()
    result = feedback_loop.feedback_loop(store, keyring, zone, today=today)
    return catalogue.loop(result.series, result.estimate)


def _chat(name: str) -> Gather:
    def gather(
        store: Store, keyring: models.Keyring, zone: tzinfo, options: PlotOptions
    ) -> Drawn | None:
        from bowlby.services import chat_report

        report = chat_report.build_chat_report(store, keyring, options.chat or "", zone).report
        return catalogue.chat(name, report, zone)

    return gather


def _dynamics_phase(
    store: Store, keyring: models.Keyring, _zone: tzinfo, options: PlotOptions
) -> Drawn | None:
    from bowlby.services import dynamics

    if options.chat:
        result = dynamics.fit_for_chat(store, keyring, options.chat)
    else:
        result = dynamics.fit_for_logged(store, keyring)
    return phase_plane(result)


def phase_plane(result: FitResult) -> Drawn:
    """A fit's phase plane: its null clines and the steady states where they cross."""
    from bowlby.dynamics.model import null_clines

    states = [influenced.state for influenced in result.fit.steady_states]
    return catalogue.dynamics_phase(null_clines(result.fit.model), states, result.names)


def _cycle(
    store: Store, keyring: models.Keyring, _zone: tzinfo, options: PlotOptions
) -> Drawn | None:
    from bowlby.services import cycle_maps

    cycle_id = options.cycle
    if cycle_id is None:
        cycles = cycle_maps.list_cycles(store, keyring)
        if not cycles:
            return None
        cycle_id = cycles[0].id
    return catalogue.cycle(cycle_maps.shared_loop(store, keyring, cycle_id))


GATHERERS: dict[str, Gather] = {
    "plane": _plane(couple=False),
    "plane-couple": _plane(couple=True),
    "ratio": _ratio,
    "repairs": _repairs,
    "soothing": _soothing,
    "tolerance": _tolerance,
    "loop": _loop,
    **{name: _chat(name) for name in catalogue.CHAT_PLOTS},
    "dynamics-phase": _dynamics_phase,
    "cycle": _cycle,
}
