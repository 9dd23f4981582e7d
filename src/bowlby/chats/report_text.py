"""The words of a chat's report, in one place: the sentences both the command line and the web
page show, the honest notes, the coaching (left out in safety mode), and the Markdown file."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo
from typing import Protocol

from bowlby.chats.chat_report import PURSUIT_SHOWN, ChatReport, PersonPursuit, Trend
from bowlby.chats.episodes import EPISODE_GAP, Episode
from bowlby.chats.timing import LONG_SILENCE, PersonTiming, TimingSummary
from bowlby.practice.ratio_ledger import TARGET, Tally, describe_ratio

ESTIMATED_NOTE = (
    "These counts are estimated from the words of each message, one message at a time, so "
    "they miss tone of voice, what happened off the chat, and much of humour. Gottman's 5:1 "
    "comes from trained observers watching couples talk through a disagreement; this is a "
    "rough echo of that idea, not the same measure, and not a grade."
)
EPISODES_NOTE = (
    f"An episode is two or more tense messages, each within {EPISODE_GAP.seconds // 60} "
    "minutes of the one before. How it ended looks at the half hour after its last tense "
    "message: a repair, a warmer message, talk that moved on without a repair, or silence."
)
TIMING_NOTE = (
    f"A reply is a message after someone else's. Gaps of {LONG_SILENCE.seconds // 3600} "
    "hours or more count as a silence, not a slow reply; whoever writes after one starts "
    "the conversation again."
)
PURSUE_NOTE = (
    "A pursue–withdraw shape: during an episode one person wrote more and faster while the "
    "other took longer to answer. Each move usually makes sense from the inside: one reaches "
    "to feel close again, the other steps back to calm down."
)
COACHING = (
    "Repair does not need to be perfect to work. A short 'I went quiet, I'm sorry' or 'can we "
    "pause and come back in 20 minutes?' early in an episode often changes how it ends.",
    "If you see the pursue–withdraw loop here, naming it together ('we're in our loop "
    "again') can turn it from something between you into something you face side by side. "
    "The cycle map in Practice helps draw it.",
)
RISK_IN_EPISODE = (
    "Some words in this episode suggest that someone may not be safe. Bowlby does not coach "
    "about it; the Get help page has people you can talk to."
)
NO_EPISODES = "No episode of tense messages was found in this period."
NO_MESSAGES = "There are no messages in this period."
ENDING_WORDS = {
    "repair": "with a repair",
    "positive turn": "with a warmer message",
    "silence": "in silence",
    "unresolved": "moving on without a repair",
}


class EvidenceLike(Protocol):
    @property
    def label(self) -> str: ...

    @property
    def signal(self) -> str: ...

    @property
    def text(self) -> str: ...


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 reply', '3 replies': the count with its word."""
    return f"{count:,} {word if count == 1 else many or word + 's'}"


def format_duration(seconds: float) -> str:
    """12 s, 8 min, 3 h 20 min, 2 days 4 h: as precise as a person needs."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    days, hours = divmod(hours, 24)
    return f"{days} days {hours} h" if hours else f"{days} days"


def latency_line(person: PersonTiming) -> str:
    if person.median_reply is None or person.p90_reply is None:
        return f"{person.name}: no replies to time in this period."
    return (
        f"{person.name}: {plural(person.replies, 'reply', 'replies')}; half came within "
        f"{format_duration(person.median_reply)}, nine in ten within "
        f"{format_duration(person.p90_reply)}."
    )


def asymmetry_line(timing: TimingSummary) -> str | None:
    if timing.asymmetry is None or timing.slower is None:
        return None
    if timing.asymmetry < 1.2:
        return "You both tend to reply about as quickly as each other."
    return (
        f"{timing.slower}'s typical reply takes {timing.asymmetry:.1f} times as long as "
        f"{timing.faster}'s."
    )


def burst_line(person: PersonTiming) -> str:
    if not person.bursts:
        return f"{person.name} did not send several messages in a row without a reply."
    return (
        f"{person.name} sent {plural(person.bursts, 'run')} of messages without a reply in "
        f"between ({person.burst_messages:,} messages; the longest {person.longest_burst} in a "
        "row)."
    )


def initiation_line(people: Sequence[PersonTiming]) -> str:
    counts = " and ".join(f"{p.name} {plural(p.initiations, 'time')}" for p in people)
    return f"After a silence of {LONG_SILENCE.seconds // 3600} hours or more, {counts} wrote first."


def trend_lines(trend: Trend | None) -> list[str]:
    """The chat's first half against its second: fewer episodes? sooner repair?"""
    if trend is None:
        return ["The period is shorter than two weeks: too short to say how things changed."]
    early, late = trend.early_episodes_per_week, trend.late_episodes_per_week
    change = "fewer" if trend.rarer else "more" if late > early else "about as many"
    lines = [
        f"Episodes: {early:.1f} a week in the first half, {late:.1f} a week in the second "
        f"({change})."
    ]
    if trend.early_median_repair is not None and trend.late_median_repair is not None:
        sooner = "sooner" if trend.repair_sooner else "not sooner"
        lines.append(
            "The first repair came a median of "
            f"{format_duration(trend.early_median_repair)} after an episode began in the first "
            f"half, and {format_duration(trend.late_median_repair)} in the second ({sooner})."
        )
    return lines


def ratio_line(tally: Tally) -> str:
    if tally.total == 0:
        return "No message read as clearly warm or clearly tense in this period."
    said = describe_ratio(tally).replace("positive", "warm").replace("negative", "tense")
    if tally.negative and (tally.ratio or 0.0) >= TARGET:
        where = "at or above 5:1"
    elif tally.negative:
        where = "below 5:1"
    else:
        where = "with nothing tense to set against it"
    return f"Estimated from the words: {said} messages, {where}."


def pursuit_line(person: PersonPursuit) -> str:
    return (
        f"{person.name}: pursued in {person.pursued:,} and withdrew in {person.withdrew:,} of "
        "the episodes with that shape."
    )


def episode_summary(episode: Episode, zone: tzinfo) -> str:
    """One line: when, how long, how many tense messages, how it ended, when repair came."""
    when = local_time(episode.started_at, zone)
    repair = episode.time_to_repair
    after = (
        f"first repair {format_duration(repair.total_seconds())} after it began"
        if repair is not None
        else "no repair found"
    )
    return (
        f"{when}: {format_duration(episode.duration.total_seconds())}, "
        f"{plural(episode.negative_total, 'tense message')}, ended "
        f"{ENDING_WORDS[episode.ending]}; {after}."
    )


def pursue_withdraw_line(episode: Episode) -> str | None:
    shape = episode.pursue_withdraw
    if shape is None or shape.index <= PURSUIT_SHOWN:
        return None
    return (
        f"A pursue–withdraw shape (index {shape.index:.2f}): {shape.pursuer} wrote more as it "
        f"went on, while {shape.withdrawer} took longer to answer."
    )


def flag_reasons(evidence: Sequence[EvidenceLike]) -> str:
    """Why a message was flagged: each label with the words or signals behind it."""
    by_label: dict[str, list[str]] = {}
    for item in evidence:
        by_label.setdefault(item.label, []).append(f"“{item.text}” ({item.signal})")
    return "; ".join(f"{label}: {', '.join(found)}" for label, found in by_label.items())


def local_time(moment: datetime, zone: tzinfo) -> str:
    return f"{moment.astimezone(zone):%a %d %b %Y, %H:%M}"


def summary_lines(report: ChatReport) -> list[str]:
    """The facts, as the command line prints them."""
    people = report.timing.people
    ordered = sorted(people, key=lambda p: report.people.index(p.name))
    lines = [latency_line(person) for person in ordered]
    asymmetry = asymmetry_line(report.timing)
    lines += [asymmetry] if asymmetry else []
    lines += [burst_line(person) for person in ordered]
    lines += [initiation_line(ordered)] if ordered else []
    return lines


def flagged_reasons(report: ChatReport, index: int) -> str:
    """Why the message at ``index`` was flagged, from its reading's evidence."""
    evidence: Sequence[EvidenceLike] = getattr(report.readings[index], "evidence", ())
    labels = ", ".join(label for label in report.readings[index].labels if label != "neutral")
    return flag_reasons(evidence) or labels or "read as tense"


def render_markdown(
    report: ChatReport, title: str, zone: tzinfo, *, coaching: bool, risky: frozenset[int]
) -> str:
    """The report as a Markdown file: facts always; coaching only when ``coaching``."""
    lines = [f"# {title}", ""]
    if not report.talk:
        return "\n".join([*lines, NO_MESSAGES, ""])
    first, last = report.talk[0].sent_at, report.talk[-1].sent_at
    lines += [
        f"{plural(len(report.talk), 'message')} from {local_time(first, zone)} to "
        f"{local_time(last, zone)} ({report.zone}).",
        "",
        "## Timing",
        "",
        *[f"- {line}" for line in summary_lines(report)],
        "",
        TIMING_NOTE,
        "",
        "## Over time",
        "",
        *[f"- {line}" for line in trend_lines(report.trend)],
        "",
        "| week | messages | tense | tense share | episodes |",
        "| --- | ---: | ---: | ---: | ---: |",
        *[
            f"| {w.label} | {w.messages} | {w.negative} | {w.negative_share:.0%} | {w.episodes} |"
            for w in report.weeks
        ],
        "",
        *_episodes_markdown(report, zone, coaching=coaching, risky=risky),
        "## The ratio against 5:1",
        "",
        ratio_line(report.ratio_total),
        "",
        ESTIMATED_NOTE,
        "",
        "## Pursue and withdraw",
        "",
        *[f"- {pursuit_line(person)}" for person in report.pursuit],
        "",
        PURSUE_NOTE,
        "",
    ]
    if coaching:
        lines += ["## What might help", "", *[f"- {line}" for line in COACHING], ""]
    return "\n".join(lines)


def _episodes_markdown(
    report: ChatReport, zone: tzinfo, *, coaching: bool, risky: frozenset[int]
) -> list[str]:
    summary = episodes_line(len(report.episodes), report.endings)
    lines = ["## Episodes", "", summary, "", EPISODES_NOTE, ""]
    if not report.episodes:
        return [*lines, NO_EPISODES, ""]
    for episode in report.top_episodes():
        lines += [f"### {episode_summary(episode, zone)}", ""]
        shape = pursue_withdraw_line(episode)
        lines += [shape, ""] if shape else []
        if episode.first in risky:
            lines += [RISK_IN_EPISODE, ""]
        for index in episode.flagged:
            message = report.talk[index]
            lines.append(
                f"- {message.sent_at.astimezone(zone):%H:%M} **{message.sender}**: "
                f"{' '.join(message.text.split())} — _{flagged_reasons(report, index)}_"
            )
        lines.append("")
    return lines


def episodes_line(count: int, endings: dict[str, int]) -> str:
    """'7 episodes: 3 ended with a repair, 4 in silence.'"""
    said = [f"{n} ended {ENDING_WORDS[ending]}" for ending, n in endings.items() if n]
    return plural(count, "episode") + (f": {', '.join(said)}." if said and count else ".")
