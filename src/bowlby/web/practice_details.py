"""A practice record on its entry page: labelled fields instead of raw values, the kind's name,
and where it is changed (the tool's own page, or nowhere: a tally or a session is a fact)."""

from __future__ import annotations

from collections.abc import Callable

from bowlby import models
from bowlby.dynamics import hard_conversations
from bowlby.practice import (
    checkin_schedule,
    checkins,
    cycle_maps,
    how_we_talk,
    ratio_ledger,
    repair_attempts,
    soothing,
    unsaid_list,
    vulnerability_windows,
)
from bowlby.web.entry_fields import Detail

KIND_LABELS = {
    checkins.KIND: "check-in",
    checkin_schedule.SCHEDULE_KIND: "check-in time",
    soothing.KIND: "self-soothing session",
    vulnerability_windows.KIND: "vulnerability window",
    ratio_ledger.KIND: "5:1 ledger moment",
    repair_attempts.KIND: "rupture and repair",
    cycle_maps.CYCLE_KIND: "cycle map",
    cycle_maps.SIDE_KIND: "side of a cycle",
    how_we_talk.KIND: "talk about how we talk",
    unsaid_list.KIND: "unsaid item",
    hard_conversations.KIND: "hard conversation",
}


def edit_url(entry: models.Entry) -> str | None:
    """The tool's page where this record is continued or revised, if it has one."""
    if entry.kind == repair_attempts.KIND:
        return f"/practice/repairs/{entry.id}"
    if entry.kind == cycle_maps.CYCLE_KIND:
        return f"/practice/cycles/{entry.id}"
    if entry.kind == cycle_maps.SIDE_KIND:
        return f"/practice/cycles/{entry.values.get('cycle_id')}"
    if entry.kind == unsaid_list.KIND:
        return f"/practice/unsaid/{entry.id}"
    if entry.kind == how_we_talk.KIND:
        return f"/practice/how-we-talk/{entry.id}"
    return None


def out_of_ten(before: int, after: int) -> str:
    return f"{before} before, {after} after (out of 10)"


def describe_checkin(entry: models.Entry) -> list[Detail]:
    view = checkins.checkin_view(entry)
    feeling = " — ".join(part for part in (view.feeling_word, view.feeling_note) if part)
    return [
        Detail(label="How I felt", text=feeling),
        Detail(label="One appreciation", text=view.appreciation),
        Detail(label="One practical thing", text=view.logistics),
        Detail(label="One need for tomorrow", text=view.need),
        Detail(label="Minutes", text=str(view.minutes) if view.minutes is not None else ""),
    ]


def describe_schedule(entry: models.Entry) -> list[Detail]:
    return [Detail(label="Check-in time", text=checkin_schedule.schedule_view(entry).description)]


def describe_soothing(entry: models.Entry) -> list[Detail]:
    view = soothing.soothing_view(entry)
    return [
        Detail(label="Exercise", text=view.exercise_title),
        Detail(label="Anxiety", text=out_of_ten(view.anxiety_before, view.anxiety_after)),
        Detail(label="Minutes", text=f"{view.minutes:g}" if view.minutes else ""),
        Detail(label="Rounds", text=str(view.rounds) if view.rounds else ""),
        Detail(label="What I noticed", text=view.note),
    ]


def describe_window(entry: models.Entry) -> list[Detail]:
    view = vulnerability_windows.window_view(entry)
    response = view.partner_response_label or ""
    return [
        Detail(label="The prompt", text=view.topic),
        Detail(label="What I shared", text=view.what_shared),
        Detail(label="Discomfort", text=out_of_ten(view.discomfort_before, view.discomfort_after)),
        Detail(label="How my partner responded", text=response),
        Detail(label="About their response", text=view.partner_note),
    ]


def describe_interaction(entry: models.Entry) -> list[Detail]:
    view = ratio_ledger.interaction_view(entry)
    source = "estimated from a chat" if view.source == "estimated" else "logged by hand"
    return [
        Detail(label="Moment", text=f"{view.sign}, {source}"),
        Detail(label="Kind", text=view.kind_label if view.kind else ""),
        Detail(label="Note", text=view.note),
    ]


def describe_repair(entry: models.Entry) -> list[Detail]:
    view = repair_attempts.rupture_view(entry)
    took = view.minutes_to_repair
    return [
        Detail(label="What happened", text=view.what_happened),
        Detail(label="How intense", text=f"{view.intensity} out of 10"),
        Detail(
            label="Repaired",
            text=f"after {repair_attempts.format_minutes(took)}" if took is not None else "not yet",
        ),
        Detail(label="How", items=view.how),
        Detail(label="Who reached out first", text=_initiator(view, entry.owner_name)),
        Detail(label="Note", text=view.note),
    ]


def _initiator(view: repair_attempts.RuptureView, owner: str) -> str:
    """Told from the owner's side, with their name, so it reads right to a partner too."""
    return {"me": owner, "partner": f"{owner}'s partner", "both": "both"}.get(
        view.initiated_by or "", ""
    )


def describe_cycle(entry: models.Entry) -> list[Detail]:
    return [Detail(label="The cycle", text=cycle_maps.cycle_view(entry).name)]


def describe_side(entry: models.Entry) -> list[Detail]:
    view = cycle_maps.side_view(entry)
    heading = "A guess at the partner's side" if view.guess else "Their own side"
    return [
        Detail(label="Whose side", text=heading),
        Detail(label="What sets it off", text=view.trigger),
        Detail(label="Feelings underneath", items=view.feelings),
        Detail(label="The fear beneath", text=view.core_fear_label or ""),
        Detail(label="In their own words", text=view.feel),
        Detail(label="What they do", text=f"{view.move_label}. {view.do}".strip(". ")),
    ]


def describe_talk(entry: models.Entry) -> list[Detail]:
    view = how_we_talk.talk_view(entry)
    changes = [Detail(label=who, text=change) for who, change in view.changes()]
    return [
        Detail(label="The two of us against", text=view.pattern),
        *changes,
        Detail(label="Appreciated", text=view.appreciation),
        Detail(label="To remember", text=view.notes),
        Detail(label="How it went", text=" — ".join(
            part for part in (view.went_label or "", view.follow_up_note) if part)),
    ]  # fmt: skip


def describe_unsaid(entry: models.Entry) -> list[Detail]:
    view = unsaid_list.unsaid_view(entry)
    said = unsaid_list.startup_sentence(unsaid_list.startup_template(view)) if view.feel else ""
    return [
        Detail(label="What happened", text=view.what_happened),
        Detail(label="How it felt", text=view.feeling),
        Detail(label="How much it stung", text=f"{view.sting} out of 10"),
        Detail(label="Now", text=unsaid_list.STATUS_LABELS[view.status]),
        Detail(label="What I said", text=said),
        Detail(label="How it went", text=view.went_label),
        Detail(label="Note", text=view.raise_note or view.let_go_note),
    ]


def describe_hard_conversation(entry: models.Entry) -> list[Detail]:
    view = hard_conversations.hard_conversation_view(entry)
    return [
        Detail(label="What it was about", text=view.topic),
        Detail(label="Who spoke first", text=hard_conversations.SPEAKERS[view.first]),
        Detail(label="Turns (−4 to +4)", text=view.code),
    ]


DESCRIBERS: dict[str, Callable[[models.Entry], list[Detail]]] = {
    checkins.KIND: describe_checkin,
    checkin_schedule.SCHEDULE_KIND: describe_schedule,
    soothing.KIND: describe_soothing,
    vulnerability_windows.KIND: describe_window,
    ratio_ledger.KIND: describe_interaction,
    repair_attempts.KIND: describe_repair,
    cycle_maps.CYCLE_KIND: describe_cycle,
    cycle_maps.SIDE_KIND: describe_side,
    how_we_talk.KIND: describe_talk,
    unsaid_list.KIND: describe_unsaid,
    hard_conversations.KIND: describe_hard_conversation,
}


def title_of(entry: models.Entry) -> str | None:
    """A practice record's title in lists: what it was, in a few words."""
    titles: dict[str, Callable[[models.Entry], str]] = {
        checkins.KIND: lambda e: f"Check-in: {checkins.checkin_view(e).feeling_word}",
        checkin_schedule.SCHEDULE_KIND: lambda e: (
            f"Check-in time: {checkin_schedule.schedule_view(e).description}"
        ),
        soothing.KIND: _soothing_title,
        vulnerability_windows.KIND: lambda e: vulnerability_windows.window_view(e).topic,
        ratio_ledger.KIND: _moment_title,
        repair_attempts.KIND: lambda e: repair_attempts.rupture_view(e).what_happened,
        cycle_maps.CYCLE_KIND: lambda e: f"Cycle: {cycle_maps.cycle_view(e).name}",
        cycle_maps.SIDE_KIND: lambda e: f"Side of a cycle: {cycle_maps.side_view(e).trigger}",
        how_we_talk.KIND: lambda e: how_we_talk.talk_view(e).common_enemy,
        unsaid_list.KIND: lambda e: f"Unsaid: {unsaid_list.unsaid_view(e).what_happened}",
        hard_conversations.KIND: lambda e: (
            f"Hard conversation: {hard_conversations.hard_conversation_view(e).topic}"
        ),
    }
    make = titles.get(entry.kind)
    return make(entry) if make else None


def _soothing_title(entry: models.Entry) -> str:
    view = soothing.soothing_view(entry)
    return f"{view.exercise_title}: anxiety {view.anxiety_before} → {view.anxiety_after}"


def _moment_title(entry: models.Entry) -> str:
    view = ratio_ledger.interaction_view(entry)
    what = view.kind_label if view.kind else view.note or f"a {view.sign} moment"
    return f"{'+' if view.sign == 'positive' else '−'} {what}"
