"""The profile report's practice, journal, feedback-loop and couple-model sections: their words
(as data) and blocks. Coaching lines step aside in safety mode; the figures always stay."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from bowlby.insights.documents import Block, Bullets, Figure, Heading, PageBreak, Paragraph, Table
from bowlby.practice.ratio_ledger import Tally, describe_ratio
from bowlby.practice.repair_attempts import format_minutes

if TYPE_CHECKING:
    from bowlby.dynamics.feedback_loop_fit import LoopEstimate
    from bowlby.insights.profile_report import (
        DynamicsSummary,
        JournalSection,
        PracticeSection,
        UnsaidCounts,
    )
    from bowlby.practice.checkins import Rhythm
    from bowlby.practice.soothing import ExerciseEffect

Figures = Mapping[str, Figure]
DASH = "–"
RECENT_ROWS = 12  # weeks or months in a table; the chart shows the whole period
TEXT = {
    "practice": "Practice",
    "nothing": "Nothing of this kind was recorded in this period.",
    "checkins": "Daily check-ins",
    "rhythm": (
        "You checked in on {total}. In the last 30 days of the period: {month}; in the last "
        "7: {week}."
    ),
    "run": "Your latest run reached {run} in a row.",
    "soothing": "Self-soothing",
    "soothing_note": (
        "The drop is anxiety before minus after, on 0–10. The range is a 95% interval, shown "
        "from two sessions on; with few sessions it is wide, and it says how sure the average "
        "is, not how any one session will go."
    ),
    "tolerance": "Small shares (vulnerability windows)",
    "tolerance_count": "{windows} opened.",
    "ledger": "The 5:1 ledger by week",
    "ledger_total": "Over the whole period: {ratio}.",
    "ledger_recent": "The latest weeks with something logged:",
    "repairs": "Repairs and time to repair",
    "repairs_open": "Still open: {open}.",
    "repairs_recent": "The typical (median) time to repair by month:",
    "cycles": "Your cycle maps",
    "unsaid": "The unsaid list",
    "unsaid_counts": "Raised: {raised}. Let go: {let_go}. Still waiting: {waiting}.",
    "unsaid_texts": "What they were about (shown because you asked for it):",
    "talks": "Talks about how you talk: {talks} saved.",
    "journal": "Journal",
    "triggers": "Triggers",
    "triggers_total": "{total} logged. The partner actions that came most:",
    "leaning": (
        "Of the urges that leaned one way, {protest:.0%} were toward reaching out and "
        "{withdrawal:.0%} toward pulling back."
    ),
    "emotions": "Emotions named",
    "emotions_total": "{total} named.",
    "thoughts": "Thought records",
    "thoughts_total": "{total}, {done} of them re-rated afterwards.",
    "belief": "On average the belief went from {before:.0f} to {after:.0f} (of 100): {drop}.",
    "successes": "Success moments",
    "successes_total": "{total} noted when your partner was reliable or caring.",
    "remember": "Remember when, on {day}: {words}",
    "loop": "The feedback loop",
    "loop_days": "From {days} days with an anxiety rating ({safe} with a safe response).",
    "loop_effect": (
        "The estimate: anxiety {after} was {effect:+.1f} points (0–10) after days with a safe "
        "response, 95% range {low:+.1f} to {high:+.1f}."
    ),
    "loop_note": (
        "An estimate from your own ratings, with its uncertainty; other things change "
        "anxiety too, so this shows a link in your records, not a cause."
    ),
    "dynamics": "The couple model",
    "dynamics_pairs": (
        "Fitted to the hard conversations you logged: {first_pairs} turn pairs for {first} "
        "and {second_pairs} for {second}."
    ),
    "dynamics_note": (
        "These numbers describe the conversations logged here, with their uncertainty; they do "
        "not predict where the relationship goes."
    ),
}
FIT_LABELS = {
    "inertia": "carry-over of their own last turn",
    "negative_slope": "pull of the other's negative turns",
    "positive_slope": "pull of the other's positive turns",
    "uninfluenced_steady_state": "where they settle on their own",
}
VERDICT = {
    "lower": "Anxiety tended to be lower after days with a safe response.",
    "higher": "Anxiety tended to be higher after days with a safe response.",
    "unclear": "So far there is no clear difference either way.",
    "not_enough": "So far there are too few rated days for an estimate.",
}
LAG_WORDS = {1: "the next day", 3: "over the next three days"}
COACHING = {
    "practice": (
        "A next small step, if you like: one check-in, one repair or one small share is "
        "enough to keep the picture moving."
    ),
    "journal": (
        "When a trigger comes back, a thought record on it can show what the fear says and "
        "what the evidence says."
    ),
}


def practice_blocks(found: PracticeSection, figures: Figures, paused: bool) -> list[Block]:
    blocks: list[Block] = [PageBreak(), Heading(TEXT["practice"])]
    blocks += [Heading(TEXT["checkins"], level=3), *_rhythm(found.rhythm)]
    blocks += [Heading(TEXT["soothing"], level=3), *_soothing(found.soothing)]
    blocks += figure_after("soothing", figures)
    blocks += [Heading(TEXT["tolerance"], level=3), *_tolerance(found)]
    blocks += figure_after("tolerance", figures)
    blocks += [Heading(TEXT["ledger"], level=3), *_ledger(found)]
    blocks += figure_after("ratio", figures)
    blocks += [Heading(TEXT["repairs"], level=3), *_repairs(found)]
    blocks += figure_after("repairs", figures)
    if found.cycle_names:
        blocks += [Heading(TEXT["cycles"], level=3), Bullets(found.cycle_names)]
    blocks += [Heading(TEXT["unsaid"], level=3), *_unsaid(found.unsaid)]
    if found.talks:
        blocks.append(Paragraph(TEXT["talks"].format(talks=found.talks)))
    return blocks if paused else [*blocks, Paragraph(COACHING["practice"])]


def journal_blocks(found: JournalSection, paused: bool) -> list[Block]:
    blocks: list[Block] = [
        PageBreak(),
        Heading(TEXT["journal"]),
        Heading(TEXT["triggers"], level=3),
    ]
    patterns = found.triggers
    if patterns.total:
        rows = tuple(
            (r.label, str(r.count), f"{r.mean_strength:.1f}") for r in patterns.actions[:5]
        )
        blocks.append(
            Paragraph(TEXT["triggers_total"].format(total=count(patterns.total, "trigger")))
        )
        blocks.append(
            Table(("what the partner did", "times", "mean strength (0–10)"), rows, (1, 2))
        )
        if patterns.protest_share is not None:
            share = patterns.protest_share
            blocks.append(Paragraph(TEXT["leaning"].format(protest=share, withdrawal=1 - share)))
    else:
        blocks.append(Paragraph(TEXT["nothing"]))
    blocks += [Heading(TEXT["emotions"], level=3), *_emotions(found)]
    blocks += [Heading(TEXT["thoughts"], level=3), *_thoughts(found)]
    blocks += [Heading(TEXT["successes"], level=3), *_successes(found)]
    return blocks if paused else [*blocks, Paragraph(COACHING["journal"])]


def loop_blocks(estimate: LoopEstimate | None, figures: Figures) -> list[Block]:
    if estimate is None or not estimate.days_used:
        return []
    blocks: list[Block] = [Heading(TEXT["loop"])]
    days = TEXT["loop_days"].format(days=estimate.days_used, safe=estimate.safe_days)
    blocks += [Paragraph(days), Paragraph(VERDICT[estimate.verdict])]
    effect, low, high = estimate.effect, estimate.low, estimate.high
    if effect is not None and low is not None and high is not None:
        after = LAG_WORDS.get(estimate.lag_days, "later")
        sentence = TEXT["loop_effect"].format(after=after, effect=effect, low=low, high=high)
        blocks.append(Paragraph(sentence))
    return [*blocks, Paragraph(TEXT["loop_note"]), *figure_after("loop", figures)]


def dynamics_blocks(found: DynamicsSummary | None) -> list[Block]:
    if found is None:
        return []
    first, second = found.names
    pairs = TEXT["dynamics_pairs"].format(
        first=first, second=second, first_pairs=found.pairs[0], second_pairs=found.pairs[1]
    )
    rows = tuple(
        (
            who,
            FIT_LABELS.get(what, what.replace("_", " ")),
            f"{value:.2f}",
            DASH if low is None or high is None else f"{low:.2f} to {high:.2f}",
        )
        for who, what, value, low, high in found.rows
    )
    return [
        Heading(TEXT["dynamics"]),
        Paragraph(pairs),
        Table(("who", "what", "estimate", "95% range"), rows, numeric=(2,)),
        Paragraph(TEXT["dynamics_note"]),
    ]


def figure_after(slot: str, figures: Figures) -> list[Block]:
    """The chart drawn for this place in the report, if one was drawn."""
    return [figures[slot]] if slot in figures else []


def count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def minutes(value: float) -> str:
    return format_minutes(value)


def _rhythm(rhythm: Rhythm | None) -> list[Block]:
    if rhythm is None:
        return [Paragraph(TEXT["nothing"])]
    sentence = TEXT["rhythm"].format(
        total=count(rhythm.total_days, "day"),
        month=count(rhythm.last_30, "day"),
        week=count(rhythm.last_7, "day"),
    )
    blocks: list[Block] = [Paragraph(sentence)]
    if rhythm.current_run > 1:
        blocks.append(Paragraph(TEXT["run"].format(run=count(rhythm.current_run, "day"))))
    return blocks


def _soothing(effects: tuple[ExerciseEffect, ...]) -> list[Block]:
    if not effects:
        return [Paragraph(TEXT["nothing"])]
    rows = tuple(
        (
            e.title,
            str(e.count),
            DASH if e.mean_drop is None else f"{e.mean_drop:.1f}",
            DASH if e.low is None or e.high is None else f"{e.low:.1f} to {e.high:.1f}",
        )
        for e in effects
    )
    table = Table(("exercise", "sessions", "mean drop", "95% range"), rows, numeric=(1, 2))
    return [table, Paragraph(TEXT["soothing_note"])]


def _tolerance(found: PracticeSection) -> list[Block]:
    trend = found.tolerance
    if trend is None:
        return [Paragraph(TEXT["nothing"])]
    lead = TEXT["tolerance_count"].format(windows=count(trend.count, "window"))
    return [Paragraph(lead), *(Paragraph(sentence) for sentence in trend.sentences)]


def _ledger(found: PracticeSection) -> list[Block]:
    weeks = found.ratio_weeks
    if not weeks:
        return [Paragraph(TEXT["nothing"])]
    total = sum((w.tally for w in weeks if w.tally), start=Tally())
    rows = tuple((w.label, describe_ratio(w.tally)) for w in weeks[-RECENT_ROWS:])
    return [
        Paragraph(TEXT["ledger_total"].format(ratio=describe_ratio(total))),
        Paragraph(TEXT["ledger_recent"]),
        Table(("week", "positive and negative"), rows),
    ]


def _repairs(found: PracticeSection) -> list[Block]:
    months = found.repair_months
    if not months and not found.open_ruptures:
        return [Paragraph(TEXT["nothing"])]
    blocks: list[Block] = []
    if months:
        rows = tuple(
            (m.label, str(m.repaired), minutes(m.median_minutes)) for m in months[-RECENT_ROWS:]
        )
        blocks += [
            Paragraph(TEXT["repairs_recent"]),
            Table(("month", "repairs", "median time"), rows, numeric=(1,)),
        ]
    if found.open_ruptures:
        blocks.append(
            Paragraph(TEXT["repairs_open"].format(open=count(found.open_ruptures, "rupture")))
        )
    return blocks


def _unsaid(counts: UnsaidCounts) -> list[Block]:
    if not counts.raised + counts.let_go + counts.waiting:
        return [Paragraph(TEXT["nothing"])]
    blocks: list[Block] = [Paragraph(TEXT["unsaid_counts"].format(**counts.__dict__))]
    if counts.texts:
        blocks += [Paragraph(TEXT["unsaid_texts"]), Bullets(counts.texts)]
    return blocks


def _emotions(found: JournalSection) -> list[Block]:
    if not found.emotions_total:
        return [Paragraph(TEXT["nothing"])]
    rows = tuple((name, str(times), f"{mean:.1f}") for name, times, mean in found.emotions)
    return [
        Paragraph(TEXT["emotions_total"].format(total=count(found.emotions_total, "emotion"))),
        Table(("emotion", "times", "mean intensity (0–10)"), rows, numeric=(1, 2)),
    ]


def _thoughts(found: JournalSection) -> list[Block]:
    if not found.thought_records:
        return [Paragraph(TEXT["nothing"])]
    belief = found.belief
    total = count(found.thought_records, "thought record")
    blocks: list[Block] = [
        Paragraph(TEXT["thoughts_total"].format(total=total, done=belief.completed))
    ]
    if belief.mean_drop is not None:
        drop = belief.mean_drop
        moved = (
            f"down {drop:.0f} points"
            if drop > 0
            else f"up {-drop:.0f} points"
            if drop < 0
            else "unchanged"
        )
        blocks.append(
            Paragraph(
                TEXT["belief"].format(
                    before=belief.mean_before, after=belief.mean_after, drop=moved
                )
            )
        )
    return blocks


def _successes(found: JournalSection) -> list[Block]:
    if not found.successes:
        return [Paragraph(TEXT["nothing"])]
    blocks: list[Block] = [
        Paragraph(TEXT["successes_total"].format(total=count(found.successes, "moment")))
    ]
    if found.remember_when is not None:
        day, words = found.remember_when
        blocks.append(Paragraph(TEXT["remember"].format(day=day, words=words)))
    return blocks
