"""Every sentence the home dashboard says, in one place to review: a tile's title, its number
in plain words, and, without data, one kind sentence saying what would fill it.

Pure: figures in, words out. Descriptive, never diagnostic; small counts are called early.
"""

from __future__ import annotations

from dataclasses import dataclass

from bowlby.learn.figures import RepairFigure, SoothingFigure, TriggerCount
from bowlby.practice.ratio_ledger import format_ratio
from bowlby.practice.repair_attempts import format_minutes
from bowlby.practice.soothing import ENOUGH_SESSIONS
from bowlby.services.personal_figures import (
    BeliefFigure,
    PositionChange,
    RatioWeek,
    StreakFigure,
)
from bowlby.web.assessment_messages import INVITATION

HEADING = "Your progress"
LEAD = "Your own figures, from your own records. Each number opens the page that explains it."
SAFETY_TITLE = "Safety and help"
SAFETY_SENTENCE = (
    "If you ever feel unsafe, the safety page has lines to call, a short check and a plan."
)
SAFETY_LINK = "Get help and safety"


@dataclass(frozen=True)
class TileWords:
    """A tile's fixed words: its title, the page that explains it, and the empty state."""

    title: str
    href: str
    see_label: str
    without: str
    start_href: str
    start_label: str


TILES = {
    "position": TileWords(
        title="Where you stand",
        href="/assess",
        see_label="See the whole result",
        without=INVITATION,
        start_href="/assess",
        start_label="Take a questionnaire",
    ),
    "ratio": TileWords(
        title="This week's 5:1",
        href="/practice/ratio",
        see_label="Your 5:1 ledger",
        without="Nothing logged this week yet. One tap for a warm moment starts the count.",
        start_href="/practice/ratio",
        start_label="Log a moment",
    ),
    "checkins": TileWords(
        title="Check-in streak",
        href="/practice/checkins",
        see_label="Your check-ins",
        without="No check-ins yet. Fifteen minutes a day together builds the habit.",
        start_href="/practice/checkins",
        start_label="Start a check-in",
    ),
    "repairs": TileWords(
        title="Time to repair",
        href="/practice/repairs",
        see_label="Your ruptures and repairs",
        without=(
            "No repaired ruptures this year. Logging a rupture, and later its repair, shows "
            "how quickly the two of you come back together."
        ),
        start_href="/practice/repairs",
        start_label="Log a rupture",
    ),
    "triggers": TileWords(
        title="Top triggers, last 90 days",
        href="/journal/triggers",
        see_label="Your trigger log",
        without="No triggers logged in the last 90 days. Noting one is the first step.",
        start_href="/journal/triggers",
        start_label="Log a trigger",
    ),
    "beliefs": TileWords(
        title="Belief in hard thoughts",
        href="/journal/thoughts",
        see_label="Your thought records",
        without=(
            "No re-rated thought records in the last 90 days. A thought record asks how much "
            "you believe a thought before and after looking at the evidence."
        ),
        start_href="/journal/thoughts/new",
        start_label="Write a thought record",
    ),
    "soothing": TileWords(
        title="Self-soothing",
        href="/practice/soothing",
        see_label="Your self-soothing",
        without=(
            "No self-soothing sessions in the last 90 days. Rating your anxiety before and "
            "after shows what an exercise does for you."
        ),
        start_href="/practice/soothing",
        start_label="Try an exercise",
    ),
    "remember": TileWords(
        title="Remember when…",
        href="/journal/successes",
        see_label="Your success journal",
        without="Keep a warm, reliable moment in your success journal; it comes back here.",
        start_href="/journal/successes",
        start_label="Keep a moment",
    ),
}


def position_headline(found: PositionChange) -> str:
    return f"Anxiety {found.latest.anxiety:.2f}, avoidance {found.latest.avoidance:.2f}"


def position_sentences(found: PositionChange) -> tuple[str, ...]:
    taken = f"{found.instrument}, {_day(found.latest.taken_on)}"
    if found.results < 2 or found.movement_sentence is None:
        return (f"From your {taken}. One more questionnaire later shows how you move.",)
    error = {
        True: "The change is larger than the questionnaire's measurement error.",
        False: "The change is still within the questionnaire's measurement error.",
        None: "Whether it exceeds the measurement error cannot be judged without published "
        "reliability figures.",
    }[found.beyond_error]
    since = f"Your first was on {_day(found.first.taken_on)}. {found.movement_sentence}"
    return (f"From your {taken}.", since, error)


def ratio_headline(week: RatioWeek) -> str | None:
    if week.positive_logged + week.negative_logged == 0:
        return None
    if week.logged_ratio is None:
        return f"{week.positive_logged} warm, none hurtful"
    return f"{format_ratio(week.logged_ratio)} ({week.positive_logged} warm, " + (
        f"{week.negative_logged} hurtful)"
    )


def ratio_sentences(week: RatioWeek) -> tuple[str, ...]:
    said = ["What you logged this week, since Monday. Watch the direction over weeks."]
    estimated = week.positive_estimated + week.negative_estimated
    if estimated:
        said.append(
            f"Read from your chats, counted apart: {week.positive_estimated} warm, "
            f"{week.negative_estimated} hurtful."
        )
    return tuple(said)


def streak_headline(streak: StreakFigure) -> str:
    run = streak.current_run
    if run == 0:
        return "No run at the moment"
    days = "day" if run == 1 else "days"
    return f"{run}+ {days} in a row" if streak.run_capped else f"{run} {days} in a row"


def streak_sentences(streak: StreakFigure) -> tuple[str, ...]:
    said = [f"{streak.last_7} of the last 7 days, {streak.last_30} of the last 30."]
    if streak.current_run and not streak.run_includes_today:
        said.append("Today is still open.")
    return tuple(said)


def repair_headline(found: RepairFigure) -> str:
    return f"About {format_minutes(found.median_minutes)}"


def repair_sentences(found: RepairFigure) -> tuple[str, ...]:
    latest = f"The middle time over your latest {found.repairs} repairs."
    if found.earlier_median_minutes is None or found.trend is None:
        return (latest,)
    earlier = format_minutes(found.earlier_median_minutes)
    trend = {
        "quicker": f"Quicker than the few before (about {earlier}).",
        "slower": f"Slower than the few before (about {earlier}); hard weeks happen.",
        "steady": f"About the same as the few before ({earlier}).",
    }[found.trend]
    return (latest, trend)


def trigger_headline(found: tuple[TriggerCount, ...]) -> str:
    top = found[0]
    return f"{top.label.capitalize()} ({_times(top.count)})"


def trigger_sentences(found: tuple[TriggerCount, ...]) -> tuple[str, ...]:
    if len(found) == 1:
        return ("The partner action you logged most.",)
    rest = ", ".join(f"{item.label} ({_times(item.count)})" for item in found[1:])
    return (f"Then: {rest}.",)


def belief_headline(found: BeliefFigure) -> str:
    return f"From {found.mean_before:.0f} to {found.mean_after:.0f} out of 100"


def belief_sentences(found: BeliefFigure) -> tuple[str, ...]:
    records = "record" if found.records == 1 else "records"
    return (
        f"On average over {found.records} thought {records} of the last {found.days} days, "
        f"your belief fell by {found.mean_drop:.0f} points after weighing the evidence.",
    )


def soothing_headline(found: SoothingFigure) -> str:
    return f"Anxiety down {found.mean_drop:.1f} on average"


def soothing_sentences(found: SoothingFigure) -> tuple[str, ...]:
    sessions = "session" if found.sessions == 1 else "sessions"
    counted = f"Over {found.sessions} {sessions} of the last 90 days, rated 0–10."
    if found.sessions < ENOUGH_SESSIONS or found.low is None or found.high is None:
        return (counted, f"Too early to say much: {ENOUGH_SESSIONS} sessions give a first read.")
    return (counted, f"95% interval {found.low:.1f} to {found.high:.1f}.")


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


def _day(day: object) -> str:
    return f"{day:%-d %B %Y}"
