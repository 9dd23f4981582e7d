"""Scoring one person: hand-computed examples for every instrument, missing data, bad input."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bowlby.assess import wording
from bowlby.assess.instruments import get_instrument
from bowlby.assess.norms import parse_norms
from bowlby.assess.scoring import key_answers, min_answered, score_answers, score_ecr_rs
from bowlby.errors import InputError

INSTRUMENT_IDS = ("ecr-r", "ecr-s", "ecr-rs", "ecr-1998")


def by_number(instrument_id: str, answers: dict[int, int | None]) -> dict[str, int | None]:
    items = {item.number: item.id for item in get_instrument(instrument_id).items}
    return {items[number]: answer for number, answer in answers.items()}


def ecr_r_example() -> dict[int, int]:
    # Anxiety 1-18: every item 5, except reverse-keyed 9 and 11 answered 2.
    # Avoidance 19-36: non-reversed 19, 21, 23, 24, 25, 32 answered 3; the 12 reversed
    # items (20, 22, 26-31, 33-36) answered 6.
    answers = {n: 5 for n in range(1, 19)} | {9: 2, 11: 2}
    answers |= {n: 6 for n in range(19, 37)} | {n: 3 for n in (19, 21, 23, 24, 25, 32)}
    return answers


def test_ecr_r_hand_computed():
    score = score_answers("ecr-r", by_number("ecr-r", ecr_r_example()))
    # anxiety: 16 x 5 + (8 - 2) + (8 - 2) = 80 + 12 = 92; 92 / 18 = 5.1111
    assert score.anxiety.mean == pytest.approx(92 / 18)
    # avoidance: 6 x 3 + 12 x (8 - 6) = 18 + 24 = 42; 42 / 18 = 2.3333
    assert score.avoidance.mean == pytest.approx(42 / 18)
    assert (score.anxiety.items_missing, score.avoidance.items_missing) == (0, 0)


def test_ecr_r_all_sevens_and_all_ones():
    sevens = score_answers("ecr-r", by_number("ecr-r", {n: 7 for n in range(1, 37)}))
    # anxiety: 16 x 7 + 2 x 1 = 114 -> 6.3333; avoidance: 6 x 7 + 12 x 1 = 54 -> 3.0
    assert (sevens.anxiety.mean, sevens.avoidance.mean) == pytest.approx((114 / 18, 3.0))
    ones = score_answers("ecr-r", by_number("ecr-r", {n: 1 for n in range(1, 37)}))
    # anxiety: 16 x 1 + 2 x 7 = 30 -> 1.6667; avoidance: 6 x 1 + 12 x 7 = 90 -> 5.0
    assert (ones.anxiety.mean, ones.avoidance.mean) == pytest.approx((30 / 18, 5.0))


@pytest.mark.parametrize("instrument_id", INSTRUMENT_IDS)
def test_all_reverse_patterns_reach_both_ends(instrument_id):
    instrument = get_instrument(instrument_id)
    # Reverse items answered 1 and the others 7: every keyed score is 7 (8 - 1 = 7).
    high = {i.id: 1 if i.reverse else 7 for i in instrument.items}
    low = {i.id: 7 if i.reverse else 1 for i in instrument.items}
    assert {s.mean for s in score_answers(instrument, high).subscales.values()} == {7.0}
    assert {s.mean for s in score_answers(instrument, low).subscales.values()} == {1.0}


def test_ecr_s_hand_computed():
    answers = dict(enumerate([2, 6, 3, 5, 1, 7, 4, 3, 2, 6, 5, 4], start=1))
    score = score_answers("ecr-s", by_number("ecr-s", answers))
    # anxiety = items 2, 4, 6, 8R, 10, 12 = 6 + 5 + 7 + (8 - 3) + 6 + 4 = 33; 33 / 6 = 5.5
    assert score.anxiety.mean == 5.5
    # avoidance = 1R, 3, 5R, 7, 9R, 11 = (8 - 2) + 3 + (8 - 1) + 4 + (8 - 2) + 5 = 31 -> 5.1667
    assert score.avoidance.mean == pytest.approx(31 / 6)
    # SE of the person's anxiety item mean: keyed 6, 5, 7, 5, 6, 4, mean 5.5; squared deviations
    # .25 + .25 + 2.25 + .25 + .25 + 2.25 = 5.5; SD^2 = 5.5 / 5 = 1.1; SE = sqrt(1.1 / 6) = .4282
    assert score.anxiety.person_item_se == pytest.approx(math.sqrt(1.1 / 6))
    uncertainty = score.anxiety.uncertainty
    assert uncertainty is not None
    assert uncertainty.kind == "person_item_se"
    assert uncertainty.label == wording.UNCERTAINTY_LABELS["person_item_se"]
    assert score.anxiety.sem is None
    assert score.anxiety.sem_reason == wording.REASONS["no_sd"]


def test_ecr_1998_hand_computed_and_not_the_ecr_r_key():
    answers = {n: 6 if n % 2 else 2 for n in range(1, 37)}  # odd items 6, even items 2
    old = score_answers("ecr-1998", by_number("ecr-1998", answers))
    # avoidance = odd items; reversed odd items 3, 15, 19, 25, 27, 29, 31, 33, 35 -> 8 - 6 = 2:
    # 9 x 2 + 9 x 6 = 72; 72 / 18 = 4.0
    assert old.avoidance.mean == 4.0
    # anxiety = even items; only 22 reversed -> 8 - 2 = 6: 17 x 2 + 6 = 40; 40 / 18 = 2.2222
    assert old.anxiety.mean == pytest.approx(40 / 18)
    revised = score_answers("ecr-r", by_number("ecr-r", answers))
    # ECR-R anxiety = items 1-18: odd 1..17 answered 6 (9 and 11 reversed -> 2), even answered 2:
    # 7 x 6 + 2 x 2 + 9 x 2 = 42 + 4 + 18 = 64; 64 / 18 = 3.5556
    assert revised.anxiety.mean == pytest.approx(64 / 18)
    assert (old.anxiety.mean, old.avoidance.mean) != (revised.anxiety.mean, revised.avoidance.mean)


def test_ecr_rs_per_target_and_global():
    partner = by_number("ecr-rs", dict(enumerate([2, 3, 1, 2, 6, 5, 6, 7, 5], start=1)))
    mother = by_number("ecr-rs", dict(enumerate([6, 6, 7, 5, 2, 1, 2, 1, 3], start=1)))
    result = score_ecr_rs({"partner": partner, "mother": mother})
    # partner avoidance: (8-2) + (8-3) + (8-1) + (8-2) + 6 + 5 = 35 -> 5.8333; anxiety 18 / 3 = 6
    assert result.by_target["partner"].avoidance.mean == pytest.approx(35 / 6)
    assert result.by_target["partner"].anxiety.mean == 6.0
    # mother avoidance: 2 + 2 + 1 + 3 + 2 + 1 = 11 -> 1.8333; anxiety 6 / 3 = 2
    assert result.by_target["mother"].avoidance.mean == pytest.approx(11 / 6)
    # global = mean of the target scores: avoidance (35/6 + 11/6) / 2 = 3.8333; anxiety 4.0
    assert result.global_scores["avoidance"].mean == pytest.approx(46 / 12)
    assert result.global_scores["anxiety"].mean == 4.0
    assert result.global_scores["anxiety"].targets_used == ("partner", "mother")


def test_ecr_rs_global_uses_only_scored_targets():
    partner = by_number("ecr-rs", dict(enumerate([2, 3, 1, 2, 6, 5, 6, 7, 5], start=1)))
    mother = by_number("ecr-rs", dict(enumerate([6, 6, 7, 5, 2, 1, 2, 1, None], start=1)))
    result = score_ecr_rs({"partner": partner, "mother": mother})
    # 2 of 3 anxiety items is 67% < 80%: the mother's anxiety is not scored
    assert result.by_target["mother"].anxiety.mean is None
    anxiety = result.global_scores["anxiety"]
    assert (anxiety.mean, anxiety.targets_used, anxiety.targets_unscored) == (
        6.0,
        ("partner",),
        ("mother",),
    )
    with pytest.raises(InputError) as error:
        score_ecr_rs({"neighbour": partner})
    assert error.value.field == "neighbour"


def test_eighty_percent_rule():
    assert [min_answered(n) for n in (18, 6, 3)] == [15, 5, 3]  # 14.4, 4.8, 2.4 rounded up
    answers = by_number("ecr-r", ecr_r_example())
    for number in (1, 2, 3):  # 15 of 18 anxiety items answered: 83% -> scored
        answers[f"ecr_r_{number:02d}"] = None
    score = score_answers("ecr-r", answers)
    # the 15 answered anxiety items: 13 x 5 + 2 x 6 = 77; 77 / 15 = 5.1333
    assert score.anxiety.mean == pytest.approx(77 / 15)
    assert (score.anxiety.items_answered, score.anxiety.items_missing) == (15, 3)
    del answers["ecr_r_04"]  # 14 of 18: 78% -> not scored, with the reason
    score = score_answers("ecr-r", answers)
    assert score.anxiety.mean is None
    assert score.anxiety.items_missing == 4
    assert score.anxiety.reason == (
        "Not scored: 14 of 18 items answered, and a score needs at least 15 (80%)."
    )
    assert score.anxiety.uncertainty is None
    assert score.avoidance.mean == pytest.approx(42 / 18)


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (8, "The answer 8 is outside the scale. Choose a number from 1 to 7."),
        (0, "The answer 0 is outside the scale. Choose a number from 1 to 7."),
        (3.5, "The answer 3.5 is not a whole number. Choose one of the scale points."),
        (4.0, "The answer 4.0 is not a whole number. Choose one of the scale points."),
        ("4", "The answer '4' is not a whole number. Choose one of the scale points."),
        (True, "The answer True is not a whole number. Choose one of the scale points."),
    ],
)
def test_bad_answers_name_the_item(answer, message):
    with pytest.raises(InputError) as error:
        score_answers("ecr-s", {"ecr_s_03": answer})
    assert error.value.field == "ecr_s_03"
    assert error.value.message == f"field 'ecr_s_03': {message}"


def test_sem_when_norms_give_reliability_and_sd():
    norms = parse_norms(
        'instrument = "ecr-s"\npopulation = "test"\nsource = "Test source (2024)"\n'
        "[subscales.anxiety]\nmean = 3.5\nsd = 1.2\nn = 500\nreliability = 0.91\n"
    )
    answers = by_number("ecr-s", dict(enumerate([2, 6, 3, 5, 1, 7, 4, 3, 2, 6, 5, 4], start=1)))
    score = score_answers("ecr-s", answers, norms=norms)
    # SEM = SD x sqrt(1 - r) = 1.2 x sqrt(.09) = 1.2 x .3 = .36
    assert score.anxiety.sem == pytest.approx(0.36)
    uncertainty = score.anxiety.uncertainty
    assert uncertainty is not None
    assert uncertainty.kind == "sem"
    assert uncertainty.source == "Test source (2024)"
    assert score.avoidance.sem is None  # no norms row for avoidance


answers_strategy = st.sampled_from(INSTRUMENT_IDS).flatmap(
    lambda iid: st.tuples(
        st.just(iid),
        st.fixed_dictionaries(
            {i.id: st.one_of(st.none(), st.integers(1, 7)) for i in get_instrument(iid).items}
        ),
    )
)
complete_strategy = st.sampled_from(INSTRUMENT_IDS).flatmap(
    lambda iid: st.tuples(
        st.just(iid),
        st.fixed_dictionaries({i.id: st.integers(1, 7) for i in get_instrument(iid).items}),
    )
)


@settings(max_examples=200, deadline=None)
@given(answers_strategy)
def test_scores_stay_on_the_scale(case):
    instrument_id, answers = case
    for subscale in score_answers(instrument_id, answers).subscales.values():
        assert subscale.mean is None or 1.0 <= subscale.mean <= 7.0
        assert subscale.items_answered + subscale.items_missing == subscale.items_total


@settings(max_examples=200, deadline=None)
@given(answers_strategy)
def test_answering_eight_minus_x_mirrors_the_score(case):
    instrument_id, answers = case
    mirrored = {k: None if v is None else 8 - v for k, v in answers.items()}
    original = score_answers(instrument_id, answers)
    flipped = score_answers(instrument_id, mirrored)
    for name, subscale in original.subscales.items():
        other = flipped.subscales[name].mean
        if subscale.mean is None:
            assert other is None
        else:
            assert other == pytest.approx(8 - subscale.mean)


@settings(max_examples=200, deadline=None)
@given(complete_strategy)
def test_reverse_keys_applied_twice_give_back_the_answers(case):
    instrument_id, answers = case
    instrument = get_instrument(instrument_id)
    assert key_answers(instrument, key_answers(instrument, answers)) == answers


def test_norms_for_another_instrument_are_refused():
    norms = parse_norms(
        'instrument = "ecr-r"\npopulation = "p"\nsource = "S"\n'
        "[subscales.anxiety]\nmean = 3.5\nsd = 1.0\nn = 100\n",
        file="ecr-r-norms.toml",
    )
    with pytest.raises(InputError) as error:
        score_answers("ecr-s", {"ecr_s_01": 4}, norms=norms)
    assert (error.value.file, error.value.field) == ("ecr-r-norms.toml", "instrument")
