"""`bowlby dynamics fit` and `whatif` on a CSV of scored turns: the JSON record of a fit, the
human table, the refusal below 100 pairs and the what-if runs."""

from __future__ import annotations

import csv
import json

import pytest
import typer
from typer.testing import CliRunner

from bowlby.cli import dynamics
from bowlby.cli.main import BowlbyGroup
from bowlby.dynamics.model import simulate
from tests.dynamics.helpers import STUDY

# The lead registers dynamics.app as `bowlby dynamics`; here it hangs under a group of its own.
bowlby = typer.Typer(cls=BowlbyGroup)
bowlby.add_typer(dynamics.app, name="dynamics")


@bowlby.callback()
def root() -> None:
    """Bowlby, for these tests."""


def turns_file(path, steps: int, conversations: int = 2):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["conversation", "partner", "score"])
        for number in range(conversations):
            run = simulate(STUDY, (-2.0, 1.0), steps, noise_sd=1.5, seed=number, round_scores=True)
            for sam, alex in zip(run.first, run.second, strict=True):
                out.writerow([f"c{number}", "Sam", int(sam)])
                out.writerow([f"c{number}", "Alex", int(alex)])
    return str(path)


@pytest.fixture
def run(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    runner = CliRunner()
    return lambda *args: runner.invoke(bowlby, ["dynamics", *args])


def test_fit_json_prints_every_estimate_with_its_interval_and_the_record(run, tmp_path):
    path = turns_file(tmp_path / "turns.csv", 200)
    result = run("fit", "--turns", path, "--form", "turn", "--bootstrap", "30", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["form"], data["first_speaker"], data["second_speaker"]) == ("turn", "Sam", "Alex")
    assert data["scoring_version"] == "hand-coded"
    assert data["pairs"] == {"first": 400, "second": 400, "total": 800}
    assert data["bootstrap"]["refits"] == 30
    sam = data["partners"][0]["estimates"]["negative_slope"]
    assert sam["low"] <= sam["value"] <= sam["high"]
    assert data["steady_states"][0]["stable"] is True


def test_fit_prints_a_table_with_the_settling_point_and_the_notes(run, tmp_path):
    path = turns_file(tmp_path / "turns.csv", 200)
    result = run("fit", "--turns", path, "--bootstrap", "20")
    assert result.exit_code == 0, result.output
    assert (
        "Sam spoke first; 400 + 400 = 800 turn pairs; form turn, method one_step, influence "
        "bilinear, scoring hand-coded." in result.stdout
    )
    assert "Estimates (95% bootstrap intervals)" in result.stdout
    assert "negative slope" in result.stdout
    assert "Settling point: Sam " in result.stdout
    assert (
        "Only the bilinear form was fitted (the form set for this fit; choosing auto compares "
        "the forms by BIC)." in result.stdout
    )
    assert "they do not predict where the relationship goes." in result.stdout


def test_too_few_turns_are_refused_with_the_counts(run, tmp_path):
    path = turns_file(tmp_path / "turns.csv", 30)
    result = run("fit", "--turns", path)
    assert result.exit_code == 2
    assert "There are 60 turn pairs for Sam; a fit needs at least 100" in result.output


def test_fit_without_turns_says_how_to_give_them(run):
    result = run("fit")
    assert result.exit_code == 2
    assert "Give the scored turns with --turns FILE.csv" in result.output


def test_whatif_json_runs_both_models_from_the_given_start(run, tmp_path):
    path = turns_file(tmp_path / "turns.csv", 200)
    result = run(
        "whatif", "--turns", path, "--who", "Alex", "--change", "negative_slope=0.1",
        "--turns-ahead", "10", "--start=-3,-2", "--json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["who"], data["change"], data["start"]) == ("Alex", "negative_slope=0.1", [-3, -2])
    assert len(data["before"]["first"]) == len(data["after"]["second"]) == 11
    assert data["before"]["first"][0] == data["after"]["first"][0] == -3
    assert data["after"]["second"][1] > data["before"]["second"][1]
    assert data["before_steady_states"][0]["stable"] is True


def test_whatif_table_and_an_unknown_partner(run, tmp_path):
    path = turns_file(tmp_path / "turns.csv", 200)
    result = run("whatif", "--turns", path, "--who", "Sam", "--change", "repair=0.6")
    assert result.exit_code == 0, result.output
    assert "As fitted and with the change (a sketch of the model, not a forecast)" in result.stdout
    assert "With the change:" in result.stdout
    wrong = run("whatif", "--turns", path, "--who", "Kim", "--change", "repair=0.6")
    assert wrong.exit_code == 2
    assert "'Kim' is not one of the partners (Sam, Alex)." in wrong.output
