"""Batch scoring of survey CSVs: same numbers as the single scorer, every bad cell reported."""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bowlby.assess.batch import output_rows, score_survey
from bowlby.assess.column_maps import load_column_map, parse_column_map
from bowlby.assess.instruments import get_instrument
from bowlby.assess.internal_consistency import measure_internal_consistency
from bowlby.assess.scoring import key_answers, score_answers
from bowlby.errors import InputError

DATA = Path(__file__).parent / "data"
INSTRUMENT_IDS = ("ecr-r", "ecr-s", "ecr-rs", "ecr-1998")

CRAFTED = """id,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10,q11,q12
a,2,6,3,5,1,7,4,3,2,6,5,4
b,2,6,8,5,1,7,4,3,2,6,5,4
c,2,abc,3,5,1,7,4,3,2,6,5,4
d,2,6,3
e,4,4,4,4,4,4,4,4,4,4,4,4
f,2,6,3,5,3.5,7,4,3,2,6,5,4
g, 2 ,6,3,5.0,1,7,4,3,2,6,5,4

h,,6,3,5,1,7,4,3,2,6,5,
i,2,,3,,1,7,4,3,2,6,5,4
j,2,6,3,5,1,7,4,3,2,6,5,4,9
"""


def csv_text(header: list[str], rows: list[list[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([["" if v is None else v for v in row] for row in rows])
    return out.getvalue()


def test_invalid_rows_report_with_exact_row_numbers():
    result = score_survey(io.StringIO(CRAFTED), "ecr-s")
    # header = row 1; the blank row 9 is skipped
    assert result.lines.tolist() == [2, 3, 4, 5, 6, 7, 8, 10, 11, 12]
    assert [(p.line, p.kind, p.column, p.value) for p in result.problems] == [
        (3, "out_of_range", "q3", "8"),
        (4, "non_numeric", "q2", "abc"),
        (5, "wrong_column_count", None, None),
        (6, "straight_lining", None, None),
        (7, "not_whole", "q5", "3.5"),
        (12, "wrong_column_count", None, None),
    ]
    assert result.problems[0].message == "Value '8' is outside the scale (1 to 7); not scored."
    assert result.problems[2].message == "The row has 4 columns; the header has 13."
    anxiety = result.subscales["anxiety"].means.tolist()
    avoidance = result.subscales["avoidance"].means.tolist()
    # row 2: anxiety 33/6 = 5.5, avoidance 31/6 (see test_scoring); row 3: q3 = 8 leaves
    # avoidance empty; row 4: 'abc' leaves anxiety empty; row 5: wrong width, both empty;
    # row 6: all 4s (flagged, scored); row 7: 3.5 leaves avoidance empty; row 8 = row 2;
    # row 10: anxiety (6+5+7+5+6)/5 = 5.8, avoidance (3+7+4+6+5)/5 = 5.0;
    # row 11: 4 of 6 anxiety items -> empty; row 12: wrong width
    expected_anxiety = [5.5, 5.5, None, None, 4.0, 5.5, 5.5, 5.8, None, None]
    expected_avoidance = [31 / 6, None, 31 / 6, None, 4.0, None, 31 / 6, 5.0, 31 / 6, None]
    assert [None if math.isnan(v) else v for v in anxiety] == pytest.approx(expected_anxiety)
    assert [None if math.isnan(v) else v for v in avoidance] == pytest.approx(expected_avoidance)
    assert result.subscales["anxiety"].missing.tolist() == [0, 0, 0, 0, 0, 0, 0, 1, 2, 0]
    assert result.subscales["avoidance"].invalid.tolist() == [0, 1, 0, 6, 0, 1, 0, 0, 0, 6]
    assert result.straight_lining.tolist() == [False] * 4 + [True] + [False] * 5


def test_output_rows():
    rows = list(output_rows(score_survey(io.StringIO(CRAFTED), "ecr-s")))
    assert rows[0] == [
        "row",
        "anxiety",
        "anxiety_missing",
        "anxiety_invalid",
        "avoidance",
        "avoidance_missing",
        "avoidance_invalid",
        "straight_lining",
    ]
    assert rows[1] == ["2", "5.5", "0", "0", repr(31 / 6), "0", "0", "0"]
    assert rows[3] == ["4", "", "0", "1", repr(31 / 6), "0", "0", "0"]
    assert len(rows) == 11


@pytest.mark.parametrize("instrument_id", INSTRUMENT_IDS)
def test_batch_equals_single_scorer_on_random_data(instrument_id):
    instrument = get_instrument(instrument_id)
    rng = np.random.default_rng(2000)
    answers = rng.integers(1, 8, size=(400, len(instrument.items))).tolist()
    missing = rng.random((400, len(instrument.items))) < 0.12
    rows = [
        [None if m else a for a, m in zip(r, ms, strict=True)]
        for r, ms in zip(answers, missing, strict=True)
    ]
    compare_batch_with_single(instrument_id, rows)


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(INSTRUMENT_IDS).flatmap(
        lambda iid: st.tuples(
            st.just(iid),
            st.lists(
                st.lists(
                    st.one_of(st.none(), st.integers(1, 7)),
                    min_size=len(get_instrument(iid).items),
                    max_size=len(get_instrument(iid).items),
                ),
                min_size=1,
                max_size=12,
            ),
        )
    )
)
def test_batch_equals_single_scorer_property(case):
    instrument_id, rows = case
    compare_batch_with_single(instrument_id, rows)


def compare_batch_with_single(instrument_id: str, rows: list[list[int | None]]) -> None:
    instrument = get_instrument(instrument_id)
    header = [f"q{item.number}" for item in instrument.items]
    result = score_survey(io.StringIO(csv_text(header, rows)), instrument_id)
    for index, row in enumerate(rows):
        single = score_answers(
            instrument, dict(zip([i.id for i in instrument.items], row, strict=True))
        )
        for name, subscale in single.subscales.items():
            batch_mean = float(result.subscales[name].means[index])
            if subscale.mean is None:
                assert math.isnan(batch_mean)
            else:
                assert batch_mean == subscale.mean
            assert int(result.subscales[name].missing[index]) == subscale.items_missing


def test_sample_reliability_uses_complete_cases():
    instrument = get_instrument("ecr-s")
    rng = np.random.default_rng(7)
    trait = rng.normal(4, 1.2, size=(300, 1))
    answers = np.clip(np.rint(trait + rng.normal(0, 1, (300, 12))), 1, 7).astype(int)
    rows: list[list[int | None]] = answers.tolist()
    rows[0][1] = None  # one anxiety item missing: not a complete case for anxiety
    header = [f"q{n}" for n in range(1, 13)]
    result = score_survey(io.StringIO(csv_text(header, rows)), "ecr-s")
    anxiety = result.reliability["anxiety"]
    assert (anxiety.n_complete, result.reliability["avoidance"].n_complete) == (299, 300)
    keyed = [
        key_answers(instrument, dict(zip([i.id for i in instrument.items], r, strict=True)))
        for r in rows[1:]
    ]
    block = np.array(
        [[k[i] for i in instrument.subscales["anxiety"]] for k in keyed], dtype=np.int8
    )
    direct = measure_internal_consistency("anxiety", block)
    assert anxiety.alpha == pytest.approx(direct.alpha)
    assert anxiety.omega_total == pytest.approx(direct.omega_total)


def test_the_1998_key_scores_the_same_file_differently():
    header = [str(n) for n in range(1, 37)]  # the plain item-number layout
    rows = [[6 if n % 2 else 2 for n in range(1, 37)]]
    old = score_survey(io.StringIO(csv_text(header, rows)), "ecr-1998")
    new = score_survey(io.StringIO(csv_text(header, rows)), "ecr-r")
    # see test_scoring: ECR (1998) anxiety 40/18, avoidance 4.0; ECR-R anxiety 64/18
    assert old.subscales["anxiety"].means[0] == pytest.approx(40 / 18)
    assert old.subscales["avoidance"].means[0] == 4.0
    assert new.subscales["anxiety"].means[0] == pytest.approx(64 / 18)


def test_qualtrics_style_export_with_the_example_map(tmp_path):
    column_map = load_column_map(DATA / "qualtrics_ecr_r.toml", "ecr-r")
    columns = list(column_map.columns.values())
    header = ["StartDate", "ResponseId", *reversed(columns)]  # order in the file does not matter
    texts = ["Start Date", "Response ID"] + ['I worry, "a lot"'] * 36
    imports = ['{"ImportId":"startDate"}', '{"ImportId":"_recordId"}'] + [
        '{"ImportId":"QID3_1"}'
    ] * 36
    answers = {column: 4 for column in columns} | {"Q3_9": 2, "Q3_11": -99}
    row = ["2024-01-01", "R_abc", *[answers[c] for c in reversed(columns)]]
    path = tmp_path / "export.csv"
    path.write_text("\ufeff" + csv_text(header, [texts, imports, row]), "utf-8")
    result = score_survey(path, "ecr-r", column_map)
    assert result.lines.tolist() == [4]  # header row 1, two description rows skipped
    assert result.ids == ("R_abc",)
    # anxiety: item 11 is -99 = missing, so 17 answered: 16 items at 4 and item 9 reversed,
    # 8 - 2 = 6: (16 x 4 + 6) / 17 = 70 / 17 = 4.1176
    assert result.subscales["anxiety"].means[0] == 70 / 17
    assert result.subscales["anxiety"].missing[0] == 1
    assert next(iter(output_rows(result)))[:2] == ["row", "ResponseId"]


def test_default_layouts_and_no_guessing():
    instrument = get_instrument("ecr-s")
    rows = [[4] * 12]
    for header in (
        [i.id for i in instrument.items],
        [f"Q{i.number}" for i in instrument.items],
        [str(i.number) for i in instrument.items],
    ):
        assert score_survey(io.StringIO(csv_text(header, rows)), "ecr-s").n_rows == 1
    with pytest.raises(InputError) as error:
        score_survey(io.StringIO(csv_text([f"item{n}" for n in range(12)], rows)), "ecr-s")
    assert error.value.field == "header"


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("[columns]\necr_s_01 = 'A'\n", "columns.ecr_s_02"),
        ("[columns]\necr_r_01 = 'A'\n", "columns.ecr_r_01"),
        ("[columns]\necr_s_01 = 3\n", "columns.ecr_s_01"),
        ("instrument = 'ecr-r'\n[columns]\n", "instrument"),
        ("skip_after_header = -1\n[columns]\n", "skip_after_header"),
    ],
)
def test_map_errors_name_the_field(text, field):
    with pytest.raises(InputError) as error:
        parse_column_map(text, "ecr-s", file="map.toml")
    assert (error.value.file, error.value.field) == ("map.toml", field)


def test_a_mapped_column_missing_from_the_header_is_reported_at_row_1():
    text = "\n".join(f"ecr_s_{n:02d} = 'Q{n}'" for n in range(1, 13))
    column_map = parse_column_map("[columns]\n" + text, "ecr-s")
    header = [f"Q{n}" for n in range(1, 12)]
    with pytest.raises(InputError) as error:
        score_survey(io.StringIO(csv_text(header, [[4] * 11])), "ecr-s", column_map, file="s.csv")
    assert (error.value.file, error.value.line, error.value.field) == ("s.csv", 1, "Q12")


def test_empty_file_is_an_input_error():
    with pytest.raises(InputError) as error:
        score_survey(io.StringIO(""), "ecr-s", file="empty.csv")
    assert (error.value.file, error.value.line) == ("empty.csv", 1)


def test_unreadable_files_are_input_errors(tmp_path):
    with pytest.raises(InputError) as error:
        score_survey(tmp_path / "missing.csv", "ecr-s")
    assert error.value.file == str(tmp_path / "missing.csv")
    latin = tmp_path / "latin.csv"
    header = ",".join(f"q{n}" for n in range(1, 13))
    latin.write_bytes((header + "\n" + ",".join(["4"] * 12) + "\nRen\xe9\n").encode("latin-1"))
    with pytest.raises(InputError) as error:
        score_survey(latin, "ecr-s")
    assert error.value.message.endswith("Export it again as CSV UTF-8 and retry.")


def test_a_repeated_header_column_is_refused():
    header = [f"q{n}" for n in range(1, 13)] + ["q3"]
    with pytest.raises(InputError) as error:
        score_survey(io.StringIO(csv_text(header, [[4] * 13])), "ecr-s")
    assert error.value.field == "q3"
    assert "more than once" in error.value.message


def test_unusual_cells_take_the_slower_paths_with_the_same_result():
    header = [f"q{n}" for n in range(1, 13)]
    plain = [[2, 6, 3, 5, 1, 7, 4, 3, 2, 6, 5, 4]]
    unusual = [["2.0", " 6", "3", "5", "1", "7", "4", "3", "2", "6", "5", "NA"]]
    separator = [["2", "6", "3", "5", "1", "7", "4", "3", "2", "6", "5", "x\x1f4"]]
    expected = score_survey(io.StringIO(csv_text(header, plain)), "ecr-s")
    padded = score_survey(io.StringIO(csv_text(header, unusual)), "ecr-s")
    assert padded.subscales["avoidance"].means[0] == expected.subscales["avoidance"].means[0]
    assert padded.subscales["anxiety"].missing[0] == 1  # "NA" is a default missing code
    assert padded.problems == ()
    odd = score_survey(io.StringIO(csv_text(header, separator)), "ecr-s")
    assert [(p.line, p.kind, p.column) for p in odd.problems] == [(2, "non_numeric", "q12")]
    assert odd.subscales["avoidance"].means[0] == expected.subscales["avoidance"].means[0]
