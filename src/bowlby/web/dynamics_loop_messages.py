"""What the feedback-loop page and `bowlby loop` say, in one place so that their tone can be
reviewed in one sitting: plain, humble about observational data, never a verdict."""

from __future__ import annotations

from bowlby.dynamics.feedback_loop_fit import LoopEstimate, Shortfall

TITLE = "Your safety feedback loop"
LEAD = (
    "The idea behind much of Bowlby is that safe, reliable responses, met again and again, "
    "ease the fear of closeness over time. Here that idea is checked against your own "
    "records instead of being assumed."
)
OWN_DATA_HEADING = "What your own data says"
LATER = {1: "the next day", 3: "the next three days"}
ESTIMATE = {
    "lower": (
        "In your records, anxiety over {later} was on average {size} points lower after a day "
        "with a safe, reliable response than after a day without one (95% range {low} to "
        "{high}), from {days} days."
    ),
    "higher": (
        "In your records, anxiety over {later} was on average {size} points higher after a day "
        "with a safe, reliable response than after a day without one (95% range {low} to "
        "{high}), from {days} days. Hard days may also be the days warmth gets noticed."
    ),
    "unclear": (
        "Too uncertain to tell: after days with a safe, reliable response, your anxiety over "
        "{later} was {signed} points different on average, but the 95% range ({low} to {high}) "
        "includes no difference at all. From {days} days."
    ),
    "unsteady": (
        "Too uncertain to tell: your days with and without a safe response are too unevenly "
        "spread for a steady range yet (an estimate of {signed} points, from {days} days)."
    ),
}
NOT_ENOUGH = "Not enough data yet to say anything."
SHORTFALL = {
    "days": (
        "You have {have} days with an anxiety rating followed by one within {later}; {need} "
        "are needed ({more} more)."
    ),
    "safe_days": (
        "Of those, {have} had a safe, reliable response; at least {need} are needed to compare "
        "({more} more)."
    ),
    "other_days": (
        "Of those, {have} had no safe response logged; at least {need} such days are needed to "
        "compare ({more} more)."
    ),
}
MEANING = {
    "lower": "This fits the idea that safe responses calm fear, in your own life so far.",
    "higher": "This does not fit the simple idea that safe responses calm fear the next day.",
    "unclear": "That is an honest answer: more days, or a longer window, may make it clearer.",
    "not_enough": "Keep rating your anxiety and noting good moments; the estimate appears here.",
}
CARRY_OVER = "A day's anxiety tends to carry into the next: {share}% of it, in your records."
TREND = "Apart from that, your ratings moved by {change} points a week over these weeks."
TREND_STEADY = "Apart from that, your ratings held about steady over these weeks."
CAVEATS_HEADING = "Read it with care"
CAVEATS = (
    "This is observational: other things change too (sleep, work, the season, the two of you), "
    "and they may move both your anxiety and how your partner responds.",
    "The direction may run the other way: on calmer days you may notice, and write down, warmth "
    "more easily.",
    "Logging itself changes things: rating your anxiety and noting good moments can calm you on "
    "its own, and you may log more on some days than others.",
    "Anxiety is only rated on days you logged a trigger, a self-soothing session or a "
    "vulnerability window, and those are often the harder days.",
    "Small numbers: with a few weeks of days one unusual week can move the estimate; the 95% "
    "range shows how wide the uncertainty still is.",
)
METHOD = (
    "How it is worked out: for each day with an anxiety rating, Bowlby compares your rating on "
    "{later} after days with and without a safe response, allowing for that day's own anxiety "
    "and for a steady trend over the weeks (least squares). The 95% range comes from {resamples} "
    "re-samplings of blocks of {block} consecutive days (a moving-block bootstrap), so that runs "
    "of good and hard weeks stay together."
)
COUNTS_HEADING = "What counts"
ANXIETY_COUNTS = "A day's anxiety (0 to 10) is the average of what you rated that day:"
SAFE_COUNTS = "A safe, reliable response is any of these on that day:"
NEXT_STEP = (
    "If you would like to test it for yourself: on a calm day, try one small vulnerability "
    "window with your partner, and keep rating your anxiety; the estimate firms up as days add "
    "up."
)
CHART_TITLE = "Your daily anxiety, and the days with a safe response"
BACKGROUND_HEADING = "Background: a simplified account of the science, not measured by Bowlby"
BACKGROUND = (
    "When closeness feels threatening, the body's stress response switches on: the amygdala, a "
    "part of the brain that watches for danger, raises the alarm, and the stress hormone "
    "cortisol rises, readying you to protest or to pull away.",
    "Safe, warm contact is thought to work the other way: reliable comfort and touch go along "
    "with the release of oxytocin, a hormone linked with bonding, which may soften the stress "
    "response. Met often enough, the account goes, safe closeness slowly teaches the body that "
    "closeness need not be dangerous.",
    "These effects are modest and debated: many studies are small or in animals, several "
    "oxytocin findings have not held up when repeated, and hormone levels differ a great deal "
    "between people and across a day. Bowlby measures no hormones and no brain activity; the "
    "figures above are only your own ratings.",
)
CLI_DAYS = "Days used: {days} ({safe} with a safe response, {other} without)."


def one(number: float) -> str:
    """One decimal, without a minus sign on zero."""
    return f"{number + 0.0:.1f}".replace("-0.0", "0.0")


def estimate_sentence(estimate: LoopEstimate) -> str:
    """The estimate in plain words, or that there is not enough data yet."""
    if estimate.effect is None:
        return NOT_ENOUGH
    signed = one(estimate.effect)
    signed = signed if signed.startswith("-") else f"+{signed}"
    later, days = LATER[estimate.lag_days], estimate.days_used
    if estimate.low is None or estimate.high is None:
        return ESTIMATE["unsteady"].format(signed=signed, days=days)
    return ESTIMATE[estimate.verdict].format(
        later=later,
        size=one(abs(estimate.effect)),
        signed=signed,
        low=one(estimate.low),
        high=one(estimate.high),
        days=days,
    )


def shortfall_sentence(shortfall: Shortfall, lag_days: int) -> str:
    return SHORTFALL[shortfall.what].format(
        have=shortfall.have,
        need=shortfall.need,
        more=shortfall.need - shortfall.have,
        later=LATER[lag_days],
    )


def detail_sentences(estimate: LoopEstimate) -> list[str]:
    """What else the fit says: how much of a day's anxiety carries over, and the trend."""
    lines = []
    if estimate.carry_over is not None and 0 < estimate.carry_over < 1:
        lines.append(CARRY_OVER.format(share=round(estimate.carry_over * 100)))
    if estimate.trend_per_week is not None:
        trend = one(estimate.trend_per_week)
        if trend == "0.0":
            lines.append(TREND_STEADY)
        else:
            lines.append(TREND.format(change=trend if trend.startswith("-") else f"+{trend}"))
    return lines


def method_sentence(estimate: LoopEstimate) -> str:
    return METHOD.format(
        later=LATER[estimate.lag_days],
        resamples=f"{estimate.resamples:,}" if estimate.resamples else "1,000",
        block=estimate.block_days or "a few",
    )
