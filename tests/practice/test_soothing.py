"""Self-soothing maths on hand-made data: the mean drop, its t interval, and the humble words."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bowlby.errors import InputError
from bowlby.practice import soothing
from bowlby.practice.soothing import SoothingInput, SoothingView

NOW = datetime(2026, 3, 2, 21, tzinfo=UTC)
# Two-sided 95% critical values of Student's t, from printed tables.
T_TABLE = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 9: 2.262, 10: 2.228, 30: 2.042, 120: 1.980}


def view(exercise: str, before: int, after: int, n: int = 0) -> SoothingView:
    return SoothingView(
        id=f"s{n}",
        owner_name="Alex",
        occurred_at=NOW,
        updated_at=NOW,
        shared_with_partner=False,
        shared_with_therapist=False,
        exercise=exercise,
        exercise_title=soothing.exercise(exercise).title,
        anxiety_before=before,
        anxiety_after=after,
        minutes=2,
        rounds=None,
        note="",
    )


@pytest.mark.parametrize(("df", "expected"), T_TABLE.items())
def test_the_t_critical_value_matches_the_tables(df, expected):
    assert soothing.t_critical(df) == pytest.approx(expected, abs=5e-4)


def test_no_sessions_and_one_session_give_no_interval():
    assert soothing.summarise_drops([]).model_dump() == {
        "count": 0,
        "mean_drop": None,
        "low": None,
        "high": None,
    }
    one = soothing.summarise_drops([3])
    assert (one.count, one.mean_drop, one.low, one.high) == (1, 3, None, None)


def test_two_sessions_give_a_wide_interval():
    two = soothing.summarise_drops([2, 4])
    # mean 3, sd sqrt(2), se 1, t(1) = 12.706
    assert two.mean_drop == 3
    assert two.low == pytest.approx(3 - 12.7062, abs=1e-3)
    assert two.high == pytest.approx(3 + 12.7062, abs=1e-3)


def test_identical_drops_give_a_zero_width_interval():
    same = soothing.summarise_drops([2, 2, 2, 2])
    assert (same.mean_drop, same.low, same.high) == (2, 2, 2)


def test_four_sessions_match_a_worked_example():
    effect = soothing.summarise_drops([1, 2, 3, 4])
    # mean 2.5, sd 1.29099, se 0.645497, t(3) 3.182446
    assert effect.low == pytest.approx(0.44574, abs=1e-4)
    assert effect.high == pytest.approx(4.55426, abs=1e-4)


def test_the_words_say_too_few_below_three_sessions():
    sessions = [view("wait_20", 6, 5, 1), view("wait_20", 7, 5, 2)]
    rows = {row.exercise: row for row in soothing.measure_effects(sessions)}
    assert rows["wait_20"].sentence == (
        "Too few sessions to tell yet (2 so far); after three or more, a pattern can start to show."
    )
    assert rows["grounding_54321"].sentence == "Not tried yet."
    assert soothing.most_helpful(list(rows.values())) is None
    assert soothing.most_helpful_sentence(list(rows.values())) == (
        "No exercise stands out yet. Keep rating before and after; the picture gets clearer "
        "with each session."
    )


def test_the_most_helpful_exercise_is_named_humbly():
    sessions = [view("breathing_478", 8, after, n) for n, after in enumerate((4, 3, 5, 4))]
    sessions += [view("wait_20", 7, after, 10 + n) for n, after in enumerate((6, 7, 5))]
    effects = soothing.measure_effects(sessions)
    breathing = next(e for e in effects if e.exercise == "breathing_478")
    assert breathing.sentence == (
        "On average your anxiety went down 4.0 points (95% range 2.7 to 5.3, from 4 sessions)."
    )
    assert soothing.most_helpful(effects) is breathing
    assert soothing.most_helpful_sentence(effects) == (
        "So far, Paced breathing 4-7-8 seems to help you most: about 4.0 points calmer on "
        "average. It is early evidence from your own sessions, not a rule."
    )


def test_a_rise_in_anxiety_is_said_plainly():
    effects = soothing.measure_effects([view("wait_20", 4, 6, n) for n in range(3)])
    assert next(e for e in effects if e.exercise == "wait_20").sentence.startswith(
        "On average your anxiety went up 2.0 points (95% range 2.0 to 2.0, from 3 sessions)."
    )


@pytest.mark.parametrize(("field", "value"), [("anxiety_before", 11), ("anxiety_after", -1)])
def test_ratings_outside_zero_to_ten_are_refused(field, value):
    values = {"exercise": "wait_20", "anxiety_before": 5, "anxiety_after": 3, field: value}
    with pytest.raises(ValueError, match=field):
        SoothingInput(occurred_at=NOW, **values)


def test_an_unknown_exercise_names_the_field():
    with pytest.raises(InputError) as raised:
        SoothingInput(occurred_at=NOW, exercise="yoga", anxiety_before=5, anxiety_after=3)
    assert raised.value.field == "exercise"
    assert "breathing_478, resonance_breathing, grounding_54321, wait_20" in raised.value.message


def test_the_exercises_are_data_with_their_pacing():
    by_id = {e.id: e for e in soothing.exercises()}
    assert by_id["breathing_478"].phases == {"in": 4, "hold": 7, "out": 8}
    assert by_id["resonance_breathing"].round_seconds == 10  # six breaths a minute
    assert len(by_id["grounding_54321"].steps) == 5
    assert by_id["wait_20"].minutes == 20
    assert by_id["wait_20"].meanwhile
    assert soothing.breathing_exercise("4-7-8").id == "breathing_478"
    with pytest.raises(InputError):
        soothing.breathing_exercise("box")


def test_the_effects_chart_draws_only_exercises_tried_three_times():
    from bowlby.insights.figures import svg_markup
    from bowlby.insights.soothing_chart import charted, describe_effects, plot_effects

    sessions = [view("breathing_478", 8, after, n) for n, after in enumerate((4, 3, 5))]
    sessions += [view("wait_20", 7, 6, 10), view("wait_20", 7, 5, 11)]
    effects = soothing.measure_effects(sessions)
    assert [e.exercise for e in charted(effects)] == ["breathing_478"]
    assert describe_effects(effects) == (
        "Paced breathing 4-7-8: 4.0 points calmer on average, 95% range 1.5 to 6.5, from 3 "
        "sessions."
    )
    svg = svg_markup(plot_effects(effects), "t", describe_effects(effects))
    assert "<title>t</title>" in svg
    assert "style=" not in svg
    assert describe_effects(soothing.measure_effects([])) == "Not enough sessions to draw yet."
