"""bowlby assess as a person and a researcher use it."""

from __future__ import annotations

import csv
import re

import pytest

HIGH = "2,6,5,6,2,6,5,2,2,6,5,6"  # ECR-S: anxiety 6.00, avoidance 5.50
LOW = "6,2,2,2,6,2,2,6,6,2,2,2"  # ECR-S: anxiety 2.00, avoidance 2.00


@pytest.fixture
def cli(alex_cli):
    return alex_cli


def test_take_with_answers_shows_the_scores_and_the_words(cli):
    result = cli("assess", "take", "ecr-s", "--answers", HIGH)
    assert result.exit_code == 0, result.output
    assert re.search(r"anxiety\s+│\s+6\.00", result.output)
    assert re.search(r"avoidance\s+│\s+5\.50", result.output)
    assert "not a type or a diagnosis" in result.output
    assert "No percentiles" in result.output


def test_history_and_movement_toward_secure(cli):
    cli("assess", "take", "ecr-s", "--answers", HIGH)
    second = cli("assess", "take", "ecr-s", "--answers", LOW)
    assert "closer to the secure corner" in second.output
    history = cli("assess", "history").output
    assert history.count("ECR-S") == 2
    assert "fearful/disorganized" in history
    assert "secure" in history


def test_interactive_answers_are_kept_when_the_sitting_is_interrupted(cli):
    interrupted = cli("assess", "take", "ecr-s", stdin="2\n6\n5\n")
    assert interrupted.exit_code != 0
    resumed = cli("assess", "take", "ecr-s", stdin="y\n" + "\n".join(HIGH.split(",")[3:]) + "\n")
    assert resumed.exit_code == 0, resumed.output
    assert "4/12" in resumed.output
    assert not re.search(r"(?<!\d)1/12", resumed.output.split("Continue it?")[1])
    assert re.search(r"anxiety\s+│\s+6\.00", resumed.output)


def test_a_wrong_number_of_answers_is_refused(cli):
    result = cli("assess", "take", "ecr-s", "--answers", "1,2,3")
    assert result.exit_code == 2
    assert "expected 12 comma-separated answers, got 3" in result.output


def test_an_out_of_range_answer_names_the_item(cli):
    result = cli("assess", "take", "ecr-s", "--answers", HIGH.replace("2,6,5", "9,6,5", 1))
    assert result.exit_code == 2
    assert "field 'ecr_s_01'" in result.output


def test_plot_writes_the_plane(cli, tmp_path):
    cli("assess", "take", "ecr-s", "--answers", HIGH)
    target = tmp_path / "plane.svg"
    result = cli("assess", "plot", "-o", str(target))
    assert result.exit_code == 0
    assert "<svg" in target.read_text()
    assert "anxiety 6.00, avoidance 5.50" in result.output


def test_norms_load_and_list(cli, tmp_path):
    from tests.services.test_assessments import NORMS

    norms = tmp_path / "norms.toml"
    norms.write_text(NORMS)
    assert "Loaded norms for ecr-s" in cli("assess", "norms", "load", str(norms)).output
    assert "a made-up test population" in cli("assess", "norms", "list").output
    shown = cli("assess", "take", "ecr-s", "--answers", HIGH).output
    assert "percentile 98" in shown


def test_batch_scores_a_survey_and_reports_bad_rows(cli, tmp_path):
    survey = tmp_path / "survey.csv"
    rows = [["id", *[f"q{n}" for n in range(1, 13)]]]
    rows.append(["a", *HIGH.split(",")])
    rows.append(["b", *LOW.split(",")])
    rows.append(["c", *HIGH.replace("2,6,5", "9,6,5", 1).split(",")])
    with survey.open("w", newline="") as handle:
        csv.writer(handle).writerows(rows)
    output, problems = tmp_path / "scores.csv", tmp_path / "problems.csv"
    result = cli(
        "assess",
        "batch",
        str(survey),
        "-i",
        "ecr-s",
        "-o",
        str(output),
        "--problems",
        str(problems),
    )
    assert result.exit_code == 0, result.output
    with output.open(newline="") as handle:
        scored = list(csv.DictReader(handle))
    assert [row["anxiety"][:4] for row in scored] == ["6.0", "2.0", "6.0"]
    assert scored[2]["avoidance"] == ""
    assert "row 4:" in result.output
    assert "out_of_range" in problems.read_text()
