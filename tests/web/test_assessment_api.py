"""Questionnaires through the JSON API: the page contexts as bodies, answers checked against the
scale, the one error shape, and nothing readable by a partner until it is shared."""

from __future__ import annotations

import pytest

from bowlby.assess import wording
from bowlby.web import assessment_messages as say

# ECR-S: anxiety = even items, avoidance = odd items; 1, 5, 8, 9 reversed (8 - x).
ALEX = {f"ecr_s_{n:02d}": a for n, a in enumerate([3, 5, 2, 6, 4, 7, 3, 1, 5, 6, 2, 4], 1)}
# anxiety   2, 4, 6, 8R, 10, 12: 5, 6, 7, 8-1=7, 6, 4  -> 35 / 6
# avoidance 1R, 3, 5R, 7, 9R, 11: 8-3=5, 2, 8-4=4, 3, 8-5=3, 2 -> 19 / 6
SAM = {f"ecr_s_{n:02d}": a for n, a in enumerate([2, 2, 6, 2, 2, 2, 6, 6, 2, 2, 6, 2], 1)}
# anxiety 2, 2, 2, 8-6=2, 2, 2 -> 2; avoidance 8-2=6, 6, 8-2=6, 6, 8-2=6, 6 -> 6


def start(person, instrument: str = "ecr-s", targets: list[str] | None = None) -> dict:
    response = person.send(
        "POST", "/api/assessments", {"instrument": instrument, "targets": targets or []}
    )
    assert response.status_code == 201, response.text
    return response.json()


def take(person, answers: dict[str, int]) -> str:
    sitting = start(person)
    saved = person.send("POST", f"/api/assessments/{sitting['id']}/answers", {"answers": answers})
    assert saved.status_code == 200, saved.text
    finished = person.send("POST", f"/api/assessments/{sitting['id']}/finish")
    assert finished.status_code == 200, finished.text
    return sitting["id"]


def test_take_the_ecr_s_and_read_the_report(people):
    alex = people.add("Alex")
    sitting = start(alex)
    assert sitting["status"] == "in_progress"
    assert (sitting["answered"], sitting["total"], sitting["answers"]) == (0, 12, {})

    half = dict(list(ALEX.items())[:6])
    saved = alex.send("POST", f"/api/assessments/{sitting['id']}/answers", {"answers": half})
    assert saved.json()["answers"] == half
    cleared = alex.send(
        "POST", f"/api/assessments/{sitting['id']}/answers", {"answers": {"ecr_s_06": None}}
    )
    assert cleared.json()["answered"] == 5

    page = alex.get(f"/api/assessments/{sitting['id']}/take", params={"page": 2}).json()
    assert [q["key"] for q in page["questions"]] == [f"ecr_s_{n:02d}" for n in range(7, 13)]
    assert page["first_unanswered_page"] == 1
    assert page["instructions_by_authors"] is False
    assert page["instructions_note"] == wording.FALLBACK_INSTRUCTIONS_NOTE
    assert [p["anchor"] for p in page["scale"]] == ["Strongly disagree"] + [None] * 5 + [
        "Strongly agree"
    ]

    alex.send("POST", f"/api/assessments/{sitting['id']}/answers", {"answers": ALEX})
    report = alex.send("POST", f"/api/assessments/{sitting['id']}/finish").json()
    assert report["complete"] is True
    (whole,) = report["by_target"]
    means = {s["subscale"]: s["mean"] for s in whole["subscales"]}
    assert means == {"anxiety": pytest.approx(35 / 6), "avoidance": pytest.approx(19 / 6)}
    assert {s["missing"] for s in whole["subscales"]} == {0}
    assert report["position"]["region"] == "anxious_preoccupied"
    assert report["position"]["near_boundary"] is True
    assert report["position"]["not_a_verdict"] == wording.POSITION_NOT_A_VERDICT
    assert report["percentiles"] == []
    assert report["no_norms"] == say.NO_NORMS
    assert report["plot"]["url"] == f"/api/assessments/{sitting['id']}/plot.svg"
    assert "svg" not in report["plot"], "the SVG is a page's; the API links to it"
    assert alex.get(f"/api/assessments/{sitting['id']}/report").json() == report

    listing = alex.get("/api/assessments").json()
    assert [i["id"] for i in listing["instruments"]] == ["ecr-r", "ecr-s", "ecr-rs"]
    assert [r["id"] for r in listing["results"]] == [sitting["id"]]
    assert listing["unfinished"] == []
    assert listing["plot"]["description"].startswith("The attachment plane")


def test_the_plot_is_an_accessible_svg_without_inline_styles(people):
    alex = people.add("Alex")
    assessment_id = take(alex, ALEX)
    response = alex.get(f"/api/assessments/{assessment_id}/plot.svg")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    svg = response.text
    assert svg.startswith('<svg role="img"')
    assert "<title>The attachment plane</title>" in svg
    assert "Alex: anxiety 5.83, avoidance 3.17" in svg
    assert ' style="' not in svg
    assert "<style" not in svg


def test_an_answer_outside_the_scale_is_a_422_naming_the_item(people):
    alex = people.add("Alex")
    sitting = start(alex)
    url = f"/api/assessments/{sitting['id']}/answers"
    response = alex.send("POST", url, {"answers": {"ecr_s_01": 4, "ecr_s_02": 8}})
    assert response.status_code == 422
    assert response.json() == {
        "error": {
            "code": "invalid_input",
            "message": "field 'ecr_s_02': The answer 8 is outside the scale. "
            "Choose a number from 1 to 7.",
            "field": "ecr_s_02",
        }
    }
    assert alex.get(f"/api/assessments/{sitting['id']}").json()["answers"] == {}

    not_whole = alex.send("POST", url, {"answers": {"ecr_s_03": "5"}})
    assert not_whole.status_code == 422
    assert not_whole.json()["error"]["field"] == "answers.ecr_s_03"
    unknown = alex.send("POST", url, {"answers": {"ecr_r_01": 5}})
    assert unknown.status_code == 422
    assert unknown.json()["error"]["field"] == "ecr_r_01"


def test_finishing_with_too_few_answers_leaves_it_unfinished(people):
    alex = people.add("Alex")
    sitting = start(alex)
    alex.send(
        "POST",
        f"/api/assessments/{sitting['id']}/answers",
        {"answers": dict(list(ALEX.items())[:9])},
    )
    response = alex.send("POST", f"/api/assessments/{sitting['id']}/finish")
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "answers"
    assert "Not enough answers yet" in response.json()["error"]["message"]
    assert alex.get(f"/api/assessments/{sitting['id']}").json()["status"] == "in_progress"
    assert [s["id"] for s in alex.get("/api/assessments").json()["unfinished"]] == [sitting["id"]]


def test_unsafe_calls_need_the_csrf_header(people):
    alex = people.add("Alex")
    response = alex.client.post("/api/assessments", json={"instrument": "ecr-s"})
    assert response.status_code == 403
    assert alex.get("/api/assessments").json()["unfinished"] == []


def test_a_partner_reads_nothing_until_it_is_shared(people):
    alex, sam = people.couple()
    assessment_id = take(alex, ALEX)
    take(sam, SAM)
    for path in ("", "/report", "/plot.svg", "/take"):
        response = sam.get(f"/api/assessments/{assessment_id}{path}")
        assert response.status_code == 404, path
        assert response.json()["error"]["code"] == "not_found"
    couple = sam.get("/api/assessments/couple").json()
    assert couple["partner"] is None
    assert couple["partner_note"] == say.NOT_SHARED.format(name="Alex")
    assert couple["pairing"]["sentence"] == wording.PAIRING_SENTENCES["incomplete"]

    shared = alex.send(
        "POST", f"/api/entries/{assessment_id}/sharing", {"partner": True, "therapist": False}
    )
    assert shared.status_code == 200
    assert sam.get(f"/api/assessments/{assessment_id}").json()["owner_name"] == "Alex"
    assert sam.get(f"/api/assessments/{assessment_id}/report").json()["mine"] is False
    assert sam.get(f"/api/assessments/{assessment_id}/take").status_code == 404
    assert sam.send("POST", f"/api/assessments/{assessment_id}/finish").status_code == 404
    couple = sam.get("/api/assessments/couple").json()
    assert couple["partner"]["name"] == "Alex"
    assert couple["partner"]["position"]["anxiety"] == pytest.approx(35 / 6)
    assert couple["pairing"]["named"] is True
    assert couple["pairing"]["margin_note"] == wording.PAIRING_MARGIN_NOTE.format(margin="1")


def test_ecr_rs_scores_each_relationship_and_the_global_mean(people):
    alex = people.add("Alex")
    refused = alex.send("POST", "/api/assessments", {"instrument": "ecr-rs"})
    assert refused.status_code == 422
    assert refused.json()["error"]["field"] == "targets"

    sitting = start(alex, "ecr-rs", ["partner", "friend"])
    assert (sitting["targets"], sitting["total"]) == (["partner", "friend"], 18)
    # partner: avoidance items 1-4 reversed: 8-7=1 (x4), 1, 1 -> 1.00; anxiety 2, 2, 2 -> 2.00
    # friend: avoidance 8-4=4 (x4), 4, 4 -> 4.00; anxiety 5, 5, 5 -> 5.00
    answers = {
        **{f"partner:ecr_rs_{n}": a for n, a in enumerate([7, 7, 7, 7, 1, 1, 2, 2, 2], 1)},
        **{f"friend:ecr_rs_{n}": a for n, a in enumerate([4, 4, 4, 4, 4, 4, 5, 5, 5], 1)},
    }
    alex.send("POST", f"/api/assessments/{sitting['id']}/answers", {"answers": answers})
    report = alex.send("POST", f"/api/assessments/{sitting['id']}/finish").json()
    by_target = {
        part["target"]["id"]: {s["subscale"]: s["mean"] for s in part["subscales"]}
        for part in report["by_target"]
    }
    assert by_target == {
        "partner": {"avoidance": 1.0, "anxiety": 2.0},
        "friend": {"avoidance": 4.0, "anxiety": 5.0},
    }
    overall = {g["subscale"]: g["mean"] for g in report["global_scores"]}
    assert overall == {"avoidance": 2.5, "anxiety": 3.5}  # (1 + 4) / 2 and (2 + 5) / 2
    assert report["position"]["region"] == "secure"


def test_home_says_where_you_stand(people):
    alex = people.add("Alex")
    assert alex.get("/api/home").json()["standing"]["invitation"] == say.INVITATION
    assessment_id = take(alex, SAM)
    standing = alex.get("/api/home").json()["standing"]
    assert standing["result_id"] == assessment_id
    assert (standing["anxiety"], standing["avoidance"]) == (2.0, 6.0)
    assert standing["words"] == [wording.REGION_SENTENCES["avoidant_dismissing"]]
    assert standing["movement"] is None


def test_the_api_is_in_the_openapi_schema(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/assessments",
        "/api/assessments/couple",
        "/api/assessments/{assessment_id}",
        "/api/assessments/{assessment_id}/answers",
        "/api/assessments/{assessment_id}/finish",
        "/api/assessments/{assessment_id}/report",
        "/api/assessments/{assessment_id}/plot.svg",
    ):
        assert path in paths, path
    assert not any(path.startswith("/assess") for path in paths)
