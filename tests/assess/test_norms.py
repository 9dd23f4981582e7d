"""Norms files: parsed strictly, percentiles only with a source, assuming normality."""

from __future__ import annotations

import json

import pytest

from bowlby.assess import wording
from bowlby.assess.norms import load_norms, parse_norms, percentile_for
from bowlby.errors import InputError

VALID = """
instrument = "ecr-r"
population = "Test population"
source = "Author, A. (2020). A test. Journal, 1(2), 3-4."

[subscales.anxiety]
mean = 3.5
sd = 1.2
n = 400
reliability = 0.9
reliability_kind = "alpha"

[subscales.avoidance]
mean = 2.9
sd = 1.1
n = 400
"""


def test_valid_file_and_percentile(tmp_path):
    path = tmp_path / "norms.toml"
    path.write_text(VALID, "utf-8")
    norms = load_norms(path)
    assert norms.file == str(path)
    assert norms.instrument_id == "ecr-r"
    anxiety = norms.row("anxiety")
    assert anxiety is not None
    assert (anxiety.reliability, anxiety.reliability_kind) == (0.9, "alpha")
    # 4.7 is (4.7 - 3.5) / 1.2 = 1 SD above the mean: Phi(1) = .8413 -> 84.13th percentile
    result = percentile_for(norms, "anxiety", 4.7)
    assert result is not None
    assert result.percentile == pytest.approx(84.134, abs=1e-3)
    assert result.source == "Author, A. (2020). A test. Journal, 1(2), 3-4."
    assert result.assumption == wording.PERCENTILE_ASSUMPTION


def test_json_form(tmp_path):
    path = tmp_path / "norms.json"
    raw = {
        "instrument": "ecr-rs",
        "population": "p",
        "source": "s",
        "targets": {"partner": {"anxiety": {"mean": 3.0, "sd": 1.5, "n": 50}}},
    }
    path.write_text(json.dumps(raw), "utf-8")
    norms = load_norms(path)
    assert norms.row("anxiety", "partner") is not None
    assert percentile_for(norms, "anxiety", 3.0, target="partner").percentile == 50.0


def test_no_norms_no_percentile():
    assert percentile_for(None, "anxiety", 4.0) is None
    norms = parse_norms(VALID)
    assert percentile_for(norms, "anxiety", None) is None
    assert percentile_for(norms, "anxiety", 4.0, target="partner") is None


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (("sd = 1.2", "sd = 0"), "subscales.anxiety.sd"),
        (("sd = 1.2", 'sd = "wide"'), "subscales.anxiety.sd"),
        (("mean = 3.5", "mean = 9.5"), "subscales.anxiety.mean"),
        (("n = 400\nreliability", "n = 1\nreliability"), "subscales.anxiety.n"),
        (("reliability = 0.9", "reliability = 1.0"), "subscales.anxiety.reliability"),
        (('population = "Test population"', ""), "population"),
        (('instrument = "ecr-r"', 'instrument = "ecr-x"'), "instrument"),
        (("[subscales.avoidance]", "[subscales.closeness]"), "subscales.closeness"),
        (("[subscales.avoidance]", "[targets.partner.avoidance]"), "targets"),
    ],
)
def test_errors_name_file_and_field(change, field):
    old, new = change
    with pytest.raises(InputError) as error:
        parse_norms(VALID.replace(old, new, 1), file="norms.toml")
    assert (error.value.file, error.value.field) == ("norms.toml", field)


def test_syntax_error_names_the_file():
    with pytest.raises(InputError) as error:
        parse_norms("instrument = ", file="bad.toml")
    assert error.value.file == "bad.toml"
    with pytest.raises(InputError):
        load_norms("/nonexistent/norms.toml")
