"""bench/text_eval.py runs in the suite on a small slice: it computes, whatever the score."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from bowlby.chats.patterns import LABELS

BENCH = Path(__file__).resolve().parents[2] / "bench" / "text_eval.py"


@pytest.fixture(scope="module")
def text_eval():
    spec = importlib.util.spec_from_file_location("text_eval", BENCH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["text_eval"] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules["text_eval"]


def test_evaluate_on_a_slice_gives_every_figure_in_range(text_eval):
    rows = text_eval.read_rows(text_eval.DATA / "dev.jsonl")[::19][:20]
    assert len(rows) == 20
    report = text_eval.evaluate(rows)
    assert report.messages == 20
    assert tuple(score.label for score in report.per_label) == LABELS
    for score in report.per_label:
        for figure in (score.precision, score.recall, score.f1):
            assert 0.0 <= figure <= 1.0
    assert sum(score.support for score in report.per_label) >= 20
    assert 0.0 <= report.macro_f1 <= 1.0
    assert 0.0 <= report.macro_f1_without_neutral <= 1.0
    assert 0.0 <= report.valence_accuracy <= 1.0
    assert report.messages_per_second is None


def test_the_vader_baseline_row_is_there_when_vader_is_installed(text_eval):
    rows = text_eval.read_rows(text_eval.DATA / "dev.jsonl")[:20]
    report = text_eval.evaluate(rows)
    if importlib.util.find_spec("vaderSentiment") is None:
        assert report.vader_valence_accuracy is None
    else:
        assert 0.0 <= report.vader_valence_accuracy <= 1.0


def test_the_speed_is_measured_when_asked(text_eval):
    rows = text_eval.read_rows(text_eval.DATA / "dev.jsonl")[:20]
    assert text_eval.measure_speed([str(row["text"]) for row in rows], count=200) > 0


def test_both_splits_are_labelled_with_known_labels_and_do_not_overlap(text_eval):
    dev = text_eval.read_rows(text_eval.DATA / "dev.jsonl")
    heldout = text_eval.read_rows(text_eval.DATA / "heldout.jsonl")
    assert len(dev) >= 300
    assert len(heldout) >= 100
    assert not {row["text"] for row in dev} & {row["text"] for row in heldout}
    for row in dev + heldout:
        assert row["labels"]
        assert set(row["labels"]) <= set(LABELS)
        assert row["valence"] in ("positive", "negative", "neutral")
        assert ("neutral" in row["labels"]) == (row["labels"] == ["neutral"])
        assert "stonewalling" not in row["labels"] or "withdrawal" in row["labels"]
