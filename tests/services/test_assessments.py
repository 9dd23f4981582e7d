"""Assessments through the use cases: resumable, scored from stored answers, private unless
shared, progress toward secure, and the couple view."""

from __future__ import annotations

import pytest

from bowlby import models
from bowlby.errors import InputError, NotFound, NotShared
from bowlby.services import assessment_reports, assessments, entries, sharing

# ECR-S: anxiety = items 2, 4, 6, 8R, 10, 12; avoidance = items 1R, 3, 5R, 7, 9R, 11 (R: 8 - x).
ECR_S_HIGH = {f"ecr_s_{n:02d}": a for n, a in enumerate([2, 6, 5, 6, 2, 6, 5, 2, 2, 6, 5, 6], 1)}
# anxiety: 6, 6, 6, 8-2=6, 6, 6 -> 6.00; avoidance: 8-2=6, 5, 8-2=6, 5, 8-2=6, 5 -> 5.50
ECR_S_LOW = {f"ecr_s_{n:02d}": a for n, a in enumerate([6, 2, 2, 2, 6, 2, 2, 6, 6, 2, 2, 2], 1)}
# anxiety: 2, 2, 2, 8-6=2, 2, 2 -> 2.00; avoidance: 8-6=2, 2, 8-6=2, 2, 8-6=2, 2 -> 2.00


def take(store, keyring, answers, instrument="ecr-s", targets=()):
    sitting = assessments.start_assessment(store, keyring, instrument, targets)
    assessments.save_answers(store, keyring, sitting.id, answers)
    return assessments.complete_assessment(store, keyring, sitting.id)


def test_a_result_is_scored_exactly_from_the_stored_answers(store, make_profile):
    alex = make_profile("Alex")
    result = take(store, alex, ECR_S_HIGH)
    assert result.score.subscales["anxiety"].mean == pytest.approx(6.0)
    assert result.score.subscales["avoidance"].mean == pytest.approx(5.5)
    assert result.position.region == "fearful_disorganized"
    again = assessments.read_assessment(store, alex, result.assessment.id)
    assert dict(again.answers) == ECR_S_HIGH


def test_answers_are_saved_a_few_at_a_time_and_resumed(store, make_profile):
    alex = make_profile("Alex")
    sitting = assessments.start_assessment(store, alex, "ecr-s")
    first_half = dict(list(ECR_S_LOW.items())[:6])
    assessments.save_answers(store, alex, sitting.id, first_half)
    with pytest.raises(InputError, match="80%"):
        assessments.complete_assessment(store, alex, sitting.id)
    unfinished = assessments.list_assessments(store, alex, status=assessments.IN_PROGRESS)
    assert [a.id for a in unfinished] == [sitting.id]
    assert dict(unfinished[0].answers) == first_half
    assessments.save_answers(store, alex, sitting.id, dict(list(ECR_S_LOW.items())[6:]))
    done = assessments.complete_assessment(store, alex, sitting.id)
    assert done.position.region == "secure"
    assert assessments.list_assessments(store, alex, status=assessments.IN_PROGRESS) == []


def test_a_wrong_answer_names_the_item_and_changes_nothing(store, make_profile):
    alex = make_profile("Alex")
    sitting = assessments.start_assessment(store, alex, "ecr-s")
    with pytest.raises(InputError) as caught:
        assessments.save_answers(store, alex, sitting.id, {"ecr_s_01": 4, "ecr_s_02": 8})
    assert caught.value.field == "ecr_s_02"
    assert assessments.read_assessment(store, alex, sitting.id).answers == {}


def test_a_finished_result_cannot_be_changed(store, make_profile):
    alex = make_profile("Alex")
    result = take(store, alex, ECR_S_HIGH)
    with pytest.raises(InputError, match="finished"):
        assessments.save_answers(store, alex, result.assessment.id, {"ecr_s_01": 1})


def test_ecr_rs_is_scored_per_relationship_and_globally(store, make_profile):
    alex = make_profile("Alex")
    answers = {f"partner:ecr_rs_{n}": 6 for n in range(1, 10)} | {
        f"mother:ecr_rs_{n}": 2 for n in range(1, 10)
    }
    result = take(store, alex, answers, "ecr-rs", ["partner", "mother"])
    # partner: avoidance 8-6 x4 = 2, then 6, 6 -> (2*4+12)/6 = 3.333; anxiety 6
    assert result.by_target["partner"].subscales["avoidance"].mean == pytest.approx(20 / 6)
    assert result.by_target["partner"].subscales["anxiety"].mean == pytest.approx(6)
    # mother: avoidance (6*4 + 2 + 2)/6 = 4.667; anxiety 2; global = means of the two
    assert result.global_scores["avoidance"].mean == pytest.approx((20 / 6 + 28 / 6) / 2)
    assert result.global_scores["anxiety"].mean == pytest.approx(4)
    with pytest.raises(InputError, match="relationships"):
        assessments.start_assessment(store, alex, "ecr-rs", ["neighbour"])


def test_progress_toward_secure_compares_the_first_and_latest(store, make_profile):
    alex = make_profile("Alex")
    assert assessment_reports.measure_progress(store, alex) is None
    take(store, alex, ECR_S_HIGH)
    take(store, alex, ECR_S_LOW)
    progress = assessment_reports.measure_progress(store, alex)
    assert progress.movement.direction == "toward"
    report = assessment_reports.build_report(store, alex, progress.latest.assessment.id)
    assert report.versus_first["anxiety"].difference == pytest.approx(-4.0)
    assert report.versus_first["anxiety"].reliability_known is False
    assert len(report.trail) == 1
    assert all(p is None for p in report.percentiles.values())


def test_a_partner_sees_a_result_only_once_it_is_shared(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    sharing.accept_invitation(
        store, sam, sharing.create_invitation(store, alex, models.LinkRole.PARTNER)
    )
    mine = take(store, alex, ECR_S_HIGH)
    take(store, sam, ECR_S_LOW)
    with pytest.raises(NotShared):
        assessments.read_assessment(store, sam, mine.assessment.id)
    assert assessment_reports.couple_view(store, sam).partner is None
    entries.set_sharing(store, alex, mine.assessment.id, partner=True, therapist=False)
    view = assessment_reports.couple_view(store, sam)
    assert view.partner.position.anxiety == pytest.approx(6.0)
    assert view.partner_name == "Alex"
    with pytest.raises(NotFound):
        assessments.save_answers(store, sam, mine.assessment.id, {"ecr_s_01": 1})


def test_the_anxious_avoidant_pairing_is_named_when_it_is_clear(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    sharing.accept_invitation(
        store, sam, sharing.create_invitation(store, alex, models.LinkRole.PARTNER)
    )
    anxious = {f"ecr_s_{n:02d}": a for n, a in enumerate([6, 6, 2, 6, 6, 6, 2, 2, 6, 6, 2, 6], 1)}
    avoidant = {f"ecr_s_{n:02d}": a for n, a in enumerate([2, 2, 6, 2, 2, 2, 6, 6, 2, 2, 6, 2], 1)}
    shared = take(store, sam, avoidant)
    entries.set_sharing(store, sam, shared.assessment.id, partner=True, therapist=False)
    take(store, alex, anxious)
    view = assessment_reports.couple_view(store, alex)
    assert view.pairing.named
    assert view.pairing.anxious_partner == "Alex"
    assert view.pairing.avoidant_partner == "Sam"


NORMS = """
instrument = "ecr-s"
population = "a made-up test population"
source = "Test, T. (2026). Not a real study."

[subscales.anxiety]
mean = 4.0
sd = 1.0
n = 500
reliability = 0.84

[subscales.avoidance]
mean = 3.0
sd = 1.0
n = 500
"""


def test_loaded_norms_give_percentiles_and_reliable_change(store, make_profile):
    alex = make_profile("Alex")
    take(store, alex, ECR_S_LOW)
    latest = take(store, alex, ECR_S_HIGH)
    assessment_reports.load_norms(store, NORMS, "norms.toml")
    report = assessment_reports.build_report(store, alex, latest.assessment.id)
    assert report.percentiles["anxiety"].percentile == pytest.approx(97.72, abs=0.01)
    assert report.percentiles["anxiety"].source.startswith("Test, T.")
    # SEM = 1 * sqrt(1 - .84) = 0.4; S_diff = sqrt(2) * 0.4; RCI = 4 / 0.5657 = 7.07
    assert report.versus_first["anxiety"].rci == pytest.approx(4 / (2**0.5 * 0.4))
    assert report.versus_first["anxiety"].reliable is True
    assert report.versus_first["avoidance"].reliability_known is False


def test_the_couple_view_compares_the_same_questionnaire(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    sharing.accept_invitation(
        store, sam, sharing.create_invitation(store, alex, models.LinkRole.PARTNER)
    )
    theirs = take(store, sam, ECR_S_LOW)
    entries.set_sharing(store, sam, theirs.assessment.id, partner=True, therapist=False)
    take(store, alex, ECR_S_HIGH)
    rs = {f"partner:ecr_rs_{n}": 4 for n in range(1, 10)}
    take(store, alex, rs, "ecr-rs", ["partner"])  # newer, but Sam has no ECR-RS
    view = assessment_reports.couple_view(store, alex)
    assert view.mine.instrument.id == "ecr-s"
    assert view.partner.instrument.id == "ecr-s"


def test_an_ecr_rs_answer_error_names_the_relationship_and_item(store, make_profile):
    alex = make_profile("Alex")
    sitting = assessments.start_assessment(store, alex, "ecr-rs", ["partner"])
    with pytest.raises(InputError) as caught:
        assessments.save_answers(store, alex, sitting.id, {"partner:ecr_rs_2": 0})
    assert caught.value.field == "partner:ecr_rs_2"
