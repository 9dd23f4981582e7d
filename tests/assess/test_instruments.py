"""The shipped instrument data: identical to the shared file, keys consistent, nulls kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bowlby.assess import wording
from bowlby.assess.instruments import (
    get_instrument,
    instructions_for,
    list_instruments,
    read_instrument_file,
)
from bowlby.errors import InputError

SHARED = Path(__file__).resolve().parents[3] / "shared" / "instruments" / "ecr.json"
PACKAGED = Path(__file__).resolve().parents[2] / "src" / "bowlby" / "assess" / "data" / "ecr.json"
FILE_KEYS = {"ecr-r": "ecr_r", "ecr-s": "ecr_s", "ecr-rs": "ecr_rs"}


def shared_file() -> dict:
    if not SHARED.exists():
        # The team's reference copy, not a part the product needs: absent outside the workspace.
        pytest.skip(f"{SHARED} is not beside the checkout; the packaged copy is checked alone")
    return json.loads(SHARED.read_text("utf-8"))


def test_packaged_data_is_a_byte_for_byte_copy_of_the_shared_file():
    shared_file()
    assert PACKAGED.read_bytes() == SHARED.read_bytes()


@pytest.mark.parametrize("instrument_id", list(FILE_KEYS))
def test_every_item_text_equals_the_shared_instrument_file(instrument_id):
    shared = shared_file()["instruments"][FILE_KEYS[instrument_id]]["items"]
    items = get_instrument(instrument_id).items
    assert [(i.id, i.number, i.text) for i in items] == [
        (s["id"], s["number"], s["text"]) for s in shared
    ]


@pytest.mark.parametrize("instrument_id", list(FILE_KEYS))
def test_keys_come_from_the_file(instrument_id):
    raw = read_instrument_file()["instruments"][FILE_KEYS[instrument_id]]
    instrument = get_instrument(instrument_id)
    assert {i.id for i in instrument.items if i.reverse} == set(raw["scoring"]["reverse_keyed"])
    assert {k: list(v) for k, v in instrument.subscales.items()} == raw["scoring"]["subscales"]


def test_item_counts_and_published_keys():
    # ECR-R: 36 items, 18 + 18, 14 reverse-keyed; ECR-S: 12, 6 + 6, items 1, 5, 8, 9 reversed;
    # ECR-RS: 9 per target, avoidance 1-6 with 1-4 reversed, anxiety 7-9.
    reversed_numbers = {
        iid: [i.number for i in get_instrument(iid).items if i.reverse] for iid in FILE_KEYS
    }
    assert reversed_numbers == {
        "ecr-r": [9, 11, 20, 22, 26, 27, 28, 29, 30, 31, 33, 34, 35, 36],
        "ecr-s": [1, 5, 8, 9],
        "ecr-rs": [1, 2, 3, 4],
    }
    assert len(get_instrument("ecr-r").items) == 36
    assert len(get_instrument("ecr-s").items) == 12
    assert len(get_instrument("ecr-rs").items) == 9


def test_the_1998_ecr_has_its_own_key_and_no_item_texts():
    ecr = get_instrument("ecr-1998")
    assert len(ecr.items) == 36
    assert not ecr.has_item_texts
    assert [i.number for i in ecr.items if i.subscale == "avoidance"] == list(range(1, 36, 2))
    assert [i.number for i in ecr.items if i.subscale == "anxiety"] == list(range(2, 37, 2))
    assert [i.number for i in ecr.items if i.reverse] == [3, 15, 19, 22, 25, 27, 29, 31, 33, 35]
    assert ecr.citation.text.startswith("Brennan, K. A., Clark, C. L., & Shaver, P. R. (1998)")


def test_response_scale_keeps_endpoint_anchors_only():
    scale = get_instrument("ecr-s").scale  # the file has a low-credibility midpoint label
    assert (scale.min, scale.max) == (1, 7)
    assert dict(scale.anchors) == {1: "Strongly disagree", 7: "Strongly agree"}


def test_nulls_stay_none_and_figures_are_as_given():
    ecr_r = get_instrument("ecr-r")
    assert all(f.mean is None and f.sd is None for f in ecr_r.norms)
    alphas = [f for f in ecr_r.reliability if f.statistic == "alpha"]
    assert [(f.subscale, f.value) for f in alphas] == [("anxiety", None), ("avoidance", None)]
    latent = [f for f in ecr_r.reliability if f.statistic == "latent_stability"]
    assert [(f.interval, f.value) for f in latent] == [("3 weeks", None), ("6 weeks", None)]
    retest = [f for f in get_instrument("ecr-rs").reliability if f.statistic == "test_retest"]
    assert [(f.domain, f.value, f.approximate) for f in retest] == [
        ("romantic", 0.65, True),
        ("parental", 0.8, True),
    ]
    ecr_1998 = [(f.subscale, f.value) for f in get_instrument("ecr-1998").reliability]
    assert ecr_1998 == [("anxiety", 0.91), ("avoidance", 0.94)]


def test_ecr_rs_targets_pair_the_file_labels_with_its_norm_keys():
    targets = [(t.id, t.label) for t in get_instrument("ecr-rs").targets]
    assert targets == [
        ("mother", "mother (or mother-like figure)"),
        ("father", "father (or father-like figure)"),
        ("partner", "romantic partner"),
        ("friend", "best friend"),
    ]


def test_instructions_are_the_authors_or_a_fallback_marked_as_ours():
    authors = instructions_for(get_instrument("ecr-r"))
    assert authors.by_authors
    assert authors.text.startswith("The statements below concern")
    fallback = instructions_for(get_instrument("ecr-s"))
    assert not fallback.by_authors
    assert fallback.note == wording.FALLBACK_INSTRUCTIONS_NOTE
    assert fallback.text == (
        "Each statement below is about how you feel in close relationships. For each one, "
        "choose the number from 1 (strongly disagree) to 7 (strongly agree) that fits you best. "
        "There are no right or wrong answers."
    )
    rs = get_instrument("ecr-rs")
    partner = instructions_for(rs, rs.targets[2])
    assert partner.text.startswith(
        "These statements are about one person in your life: your romantic partner."
    )


def test_unknown_instrument_and_item_are_input_errors():
    with pytest.raises(InputError) as error:
        get_instrument("ecr-x")
    assert error.value.field == "instrument"
    with pytest.raises(InputError) as error:
        get_instrument("ecr-s").item("ecr_r_01")
    assert error.value.field == "ecr_r_01"


def test_instruments_are_frozen():
    instrument = list_instruments()[0]
    with pytest.raises(AttributeError):
        instrument.name = "changed"  # type: ignore[misc]


def test_fallback_without_anchors_for_the_1998_key():
    instructions = instructions_for(get_instrument("ecr-1998"))
    assert not instructions.by_authors
    assert "from 1 to 7 that fits you best" in instructions.text
