"""Each figure's box in words, with the person's data and without it, compared exactly."""

from __future__ import annotations

from datetime import date

import pytest

from bowlby.learn.figures import (
    ChatMoves,
    PersonalFigures,
    PositionFigure,
    RepairFigure,
    SoothingFigure,
    TriggerCount,
    describe_figure,
)
from bowlby.learn.wording import FIGURES

POSITION = PositionFigure(
    instrument="ECR-R",
    taken_on=date(2026, 3, 4),
    anxiety=5.2,
    avoidance=2.46,
    anxiety_margin=0.31,
    avoidance_margin=0.42,
    uncertainty_known=True,
    region="anxious_preoccupied",
    region_label="anxious/preoccupied",
    near_boundary=False,
    not_a_verdict="A position, not a verdict.",
)
FULL = PersonalFigures(
    position=POSITION,
    top_triggers=(
        TriggerCount(label="No reply for hours", count=5),
        TriggerCount(label="A cancelled plan", count=2),
        TriggerCount(label="A sharp tone", count=1),
    ),
    chat_moves=ChatMoves(
        messages=120,
        protest=9,
        withdrawal=4,
        horsemen={"criticism": 3, "contempt": 0, "defensiveness": 2, "stonewalling": 1},
    ),
    time_to_repair=RepairFigure(repairs=5, median_minutes=95, earlier_median_minutes=300),
    soothing_effect=SoothingFigure(sessions=4, mean_drop=2.5, low=1.25, high=3.75),
)


def test_the_position_box_gives_both_scores_their_margins_and_the_caveat():
    box = describe_figure("position", FULL)
    assert (box.label, box.title, box.has_data) == (
        "From your own records",
        "Your position on the plane",
        True,
    )
    assert box.sentences == (
        "Your latest questionnaire (ECR-R, 4 March 2026) puts anxiety at 5.2 and avoidance at "
        "2.5 on the 1 to 7 scale.",
        "Each could reasonably be 0.3 and 0.4 higher or lower.",
        "That point sits in the anxious/preoccupied area of the plane.",
        "A position, not a verdict.",
    )
    assert (box.href, box.link_label, box.command) == (
        "/assess",
        "Your questionnaire results",
        "bowlby assess history",
    )


def test_a_position_near_a_boundary_without_margins_says_so():
    near = POSITION.model_copy(update={"uncertainty_known": False, "near_boundary": True})
    box = describe_figure("position", PersonalFigures(position=near))
    assert box.sentences[1:3] == (
        "That point sits in the anxious/preoccupied area of the plane.",
        "It is close to a boundary, so the neighbouring area describes you almost as well.",
    )


def test_triggers_chat_moves_repair_and_soothing_in_words():
    assert describe_figure("top_triggers", FULL).sentences == (
        "The partner actions you logged most often in the last 90 days: No reply for hours "
        "(5 times), A cancelled plan (twice) and A sharp tone (once).",
    )
    assert describe_figure("chat_moves", FULL).sentences == (
        "Of the 120 messages you sent in your imported chats over the last 30 days, 9 read as "
        "protest and 4 as withdrawal.",
        "The four horsemen among them: criticism 3, contempt 0, defensiveness 2, stonewalling 1.",
        "These are estimates from the words alone; the chat report shows why each was flagged.",
    )
    assert describe_figure("time_to_repair", FULL).sentences == (
        "Over your last 5 repairs, the median time from rupture to repair was 1 hour 35 minutes.",
        "That is quicker than the repairs before them (5 hours).",
    )
    assert describe_figure("soothing_effect", FULL).sentences == (
        "Across your 4 self-soothing sessions, anxiety dropped by 2.5 points on average (95% "
        "interval 1.2 to 3.8).",
    )


def test_early_and_rising_soothing_and_a_steady_or_slower_repair():
    one = PersonalFigures(soothing_effect=SoothingFigure(sessions=1, mean_drop=-1.0))
    assert describe_figure("soothing_effect", one).sentences == (
        "After your first session, anxiety rose by 1.0 points on average; from three sessions "
        "on, this box also shows how sure that is.",
    )
    rise = PersonalFigures(
        soothing_effect=SoothingFigure(sessions=3, mean_drop=-1.0, low=-2.0, high=0.5)
    )
    assert describe_figure("soothing_effect", rise).sentences == (
        "Across your 3 self-soothing sessions, anxiety rose by 1.0 points on average (95% "
        "interval -0.5 to 2.0).",
    )
    steady = RepairFigure(repairs=5, median_minutes=60, earlier_median_minutes=55)
    assert describe_figure("time_to_repair", PersonalFigures(time_to_repair=steady)).sentences[
        1
    ] == ("That is about the same as the repairs before them (55 minutes).")
    slower = RepairFigure(repairs=2, median_minutes=600)
    assert describe_figure("time_to_repair", PersonalFigures(time_to_repair=slower)).sentences == (
        "Over your last 2 repairs, the median time from rupture to repair was 10 hours.",
    )


def test_a_capped_chat_reading_says_how_many_messages_were_read():
    capped = FULL.chat_moves.model_copy(update={"capped_at": 20000})
    sentences = describe_figure("chat_moves", PersonalFigures(chat_moves=capped)).sentences
    assert "Only your latest 20000 messages were read." in sentences


@pytest.mark.parametrize("name", list(FIGURES))
def test_without_data_each_box_says_what_would_show_it_and_where_to_start(name):
    box = describe_figure(name, PersonalFigures())
    words = FIGURES[name]
    assert box.has_data is False
    assert box.sentences == (words.without,)
    assert (box.link_label, box.command, box.href) == (
        words.start_label,
        words.start_command,
        words.href,
    )


def test_without_data_wording_is_exact_for_the_position():
    box = describe_figure("position", PersonalFigures())
    assert box.sentences == (
        "There is no questionnaire of yours yet. The ECR-R (36 statements, about ten minutes) "
        "places you on the anxiety and avoidance plane, and this box then shows where.",
    )
    assert (box.link_label, box.command) == ("Take the ECR-R", "bowlby assess take ecr-r")
