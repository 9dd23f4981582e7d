"""Every plot in the catalogue, drawn from hand-made data in each format it offers: the right
file signature, a title and alt text inside, and a clear error for a format it cannot give."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bowlby.chats.chat_report import build_report
from bowlby.chats.timing import conversation
from bowlby.dynamics.feedback_loop import Day
from bowlby.dynamics.feedback_loop_fit import LoopEstimate
from bowlby.dynamics.model import null_clines, steady_states
from bowlby.errors import InputError
from bowlby.insights import plot_catalogue as catalogue
from bowlby.insights.plane import PlanePoint
from bowlby.insights.plot_catalogue import Drawn
from bowlby.practice.ratio_ledger import RatioPeriod, Tally
from bowlby.practice.repair_attempts import RepairTrendPoint, RuptureView
from bowlby.practice.soothing import ExerciseEffect
from bowlby.practice.vulnerability_windows import TolerancePoint, ToleranceTrend, WeekCount
from tests.insights.test_cycle_diagram import JORDAN, MAYA, loop_of
from tests.services.test_chat_report import CHAT, keyword_reading
from tests.services.test_dynamics import KNOWN

UTC_ZONE = ZoneInfo("UTC")
NOW = datetime(2026, 3, 1, 19, tzinfo=UTC)
DAY = date(2026, 2, 1)
MAGIC = {"svg": b"<svg", "png": b"\x89PNG", "pdf": b"%PDF"}


def rupture(days_ago: int, minutes: float | None) -> RuptureView:
    when = NOW - timedelta(days=days_ago)
    return RuptureView(
        id=f"r{days_ago}", owner_name="Maya", occurred_at=when, updated_at=when,
        shared_with_partner=False, shared_with_therapist=False, what_happened="a fight",
        intensity=5, repaired_at=None if minutes is None else when + timedelta(minutes=minutes),
        how=[], initiated_by=None, initiated_by_label="", note="", minutes_to_repair=minutes,
    )  # fmt: skip


def drawn_plots() -> dict[str, Drawn | None]:
    """One Drawn per catalogue name, each from small hand-made data."""
    days = [
        RatioPeriod(f"d{n}", DAY + timedelta(days=n), DAY + timedelta(days=n), Tally(4 + n, 1))
        for n in range(10)
    ]
    effect = ExerciseEffect(count=4, mean_drop=2.0, low=1.0, high=3.0, exercise="breathing",
                            title="Paced breathing", sentence="")  # fmt: skip
    trend = ToleranceTrend(
        count=3,
        points=[
            TolerancePoint(
                occurred_at=NOW,
                day=DAY + timedelta(days=n),
                before=7 - n,
                after=4 - n,
                rolling_before=7 - n,
                rolling_after=4 - n,
            )
            for n in range(3)
        ],
        weeks=[WeekCount(week_start=DAY, windows=3)],
        first_mean_before=7,
        last_mean_before=5,
        mean_relief=3,
        responses={},
        sentences=[],
    )
    series = [Day(day=DAY + timedelta(days=n), anxiety=6 - n % 3, safe_responses=n % 2)
              for n in range(12)]  # fmt: skip
    estimate = LoopEstimate(lag_days=1, days_used=11, safe_days=6, other_days=5, effect=-1.2,
                            low=-2.0, high=-0.4)  # fmt: skip
    talk = conversation(CHAT)
    report = build_report(talk, [keyword_reading(m.text) for m in talk], UTC_ZONE, "Maya")
    return {
        "plane": catalogue.plane([("Maya", [PlanePoint(5.1, 3.2, "ECR-S", 0.2, 0.2)])]),
        "plane-couple": catalogue.plane(
            [("Maya", [PlanePoint(5.1, 3.2, "a")]), ("Jordan", [PlanePoint(2.5, 5.4, "b")])],
            couple=True,
        ),
        "ratio": catalogue.ratio(days, days),
        "repairs": catalogue.repairs(
            [rupture(40, 90), rupture(20, 30), rupture(1, None)],
            [RepairTrendPoint("2026-01", 90, 1), RepairTrendPoint("2026-02", 30, 1)],
            UTC_ZONE,
            NOW,
        ),
        "soothing": catalogue.soothing([effect]),
        "tolerance": catalogue.tolerance(trend),
        "loop": catalogue.loop(series, estimate),
        **{name: catalogue.chat(name, report, UTC_ZONE) for name in catalogue.CHAT_PLOTS},
        "dynamics-phase": catalogue.dynamics_phase(
            null_clines(KNOWN), steady_states(KNOWN), ("Maya", "Jordan")
        ),
        "cycle": catalogue.cycle(loop_of("The chase", MAYA, JORDAN)),
    }


DRAWN = drawn_plots()


def test_the_catalogue_names_every_plot_once_with_a_title_and_what_it_shows():
    assert set(DRAWN) == set(catalogue.CATALOGUE)
    for spec in catalogue.SPECS:
        assert spec.title
        assert spec.about
        assert spec.empty
        assert set(spec.options) <= {"chat", "cycle", "days"}


@pytest.mark.parametrize("name", list(catalogue.CATALOGUE))
def test_each_plot_renders_in_every_format_it_offers_with_title_and_alt_text(name):
    drawn = DRAWN[name]
    assert drawn is not None
    assert drawn.spec.name == name
    assert len(drawn.description) > 20
    for fmt in drawn.spec.formats:
        data = drawn.render(fmt)
        assert data.startswith(MAGIC[fmt]), fmt
        if fmt == "svg":
            text = data.decode("utf-8")
            assert 'role="img"' in text
            assert "<title" in text
            assert "<desc" in text
            assert ' style="' not in text


@pytest.mark.parametrize(
    "name", [n for n, s in catalogue.CATALOGUE.items() if s.formats != ("svg",)]
)
def test_png_and_pdf_carry_the_title_and_the_alt_text_as_metadata(name):
    drawn = DRAWN[name]
    assert drawn is not None
    figure = drawn.figure()
    assert all(axes.get_ylabel() or axes.get_xlabel() for axes in figure.axes if axes.get_visible()
               and axes.get_yticks().size)  # fmt: skip
    png = drawn.render("png")
    assert b"Title" in png
    assert drawn.title.encode("latin-1", "replace")[:10] in png
    pdf = drawn.render("pdf")
    assert b"/Subject" in pdf
    assert b"/Title" in pdf


def test_the_page_svg_scales_and_a_file_svg_keeps_its_size():
    drawn = DRAWN["ratio"]
    assert drawn is not None
    head = drawn.svg()[: drawn.svg().index(">")]
    assert "width=" not in head
    file_head = drawn.render("svg").decode()[:400]
    assert 'width="' in file_head


def test_the_cycle_is_svg_only_and_says_so():
    drawn = DRAWN["cycle"]
    assert drawn is not None
    for fmt in ("png", "pdf"):
        with pytest.raises(InputError) as error:
            drawn.render(fmt)
        assert error.value.field == "output"
        assert "as .svg only" in error.value.message
        assert "drawn by hand" in error.value.message


def test_nothing_to_draw_is_none_not_an_empty_chart():
    empty_day = RatioPeriod("d", DAY, DAY, None)
    assert catalogue.plane([("Maya", [])]) is None
    assert catalogue.ratio([empty_day], [empty_day]) is None
    assert catalogue.repairs([], [], UTC_ZONE, NOW) is None
    assert catalogue.soothing([]) is None
    assert catalogue.loop([Day(day=DAY, anxiety=3)], LoopEstimate(
        lag_days=1, days_used=0, safe_days=0, other_days=0)) is None  # fmt: skip


def test_an_unknown_name_lists_the_real_ones():
    with pytest.raises(InputError) as error:
        catalogue.find_spec("pie")
    assert error.value.field == "name"
    assert "there is no plot 'pie'" in error.value.message
    assert all(name in error.value.message for name in catalogue.CATALOGUE)
