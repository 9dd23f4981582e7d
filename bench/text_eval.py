"""How well the message analyser reads the held-out labelled messages, and how fast.

Prints per-label precision, recall and F1 on `tests/data/messages/heldout.jsonl` (never
tuned on), the macro-F1 over all ten labels (the nine non-neutral labels plus neutral; the
macro over the nine alone is printed too), the valence accuracy, a baseline row with VADER's
compound score (>= 0.05 positive, <= -0.05 negative) when `vaderSentiment` is installed, and
messages a second of `analyse_text` on one core. Run `python bench/text_eval.py`
(`--split dev` reads the development set instead).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bowlby.chats.patterns import LABELS, analyse_text

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "messages"
SPEED_MESSAGES = 50_000


@dataclass(frozen=True)
class LabelScore:
    label: str
    precision: float
    recall: float
    f1: float
    support: int  # messages that carry the label
    predicted: int  # messages the analyser gave it to


@dataclass(frozen=True)
class EvalReport:
    messages: int
    per_label: tuple[LabelScore, ...]
    macro_f1: float  # over the labels present in the rows or predicted, neutral included
    macro_f1_without_neutral: float
    valence_accuracy: float
    vader_valence_accuracy: float | None  # None when vaderSentiment is not installed
    messages_per_second: float | None  # None unless measured


def read_rows(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def score_label(label: str, truth: Sequence[set[str]], guess: Sequence[set[str]]) -> LabelScore:
    both = sum(1 for want, got in zip(truth, guess, strict=True) if label in want and label in got)
    support = sum(1 for want in truth if label in want)
    predicted = sum(1 for got in guess if label in got)
    precision = both / predicted if predicted else 0.0
    recall = both / support if support else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return LabelScore(label, precision, recall, f1, support, predicted)


def mean(values: Iterable[float]) -> float:
    listed = list(values)
    return sum(listed) / len(listed) if listed else 0.0


def vader_valence() -> Callable[[str], str] | None:
    """VADER's compound thresholds as a valence baseline, or None when it is missing."""
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        return None
    analyser = SentimentIntensityAnalyzer()

    def valence(text: str) -> str:
        compound = analyser.polarity_scores(text)["compound"]
        if compound >= 0.05:
            return "positive"
        if compound <= -0.05:
            return "negative"
        return "neutral"

    return valence


def evaluate(rows: Sequence[dict[str, object]], *, speed: bool = False) -> EvalReport:
    """Score the analyser on labelled rows ({"text", "labels", "valence"})."""
    texts = [str(row["text"]) for row in rows]
    analyses = [analyse_text(text) for text in texts]
    truth = [set(row["labels"]) for row in rows]  # type: ignore[call-overload]
    guess = [set(analysis.labels) for analysis in analyses]
    scores = tuple(score_label(label, truth, guess) for label in LABELS)
    seen = [score for score in scores if score.support or score.predicted]
    pairs = zip(rows, analyses, strict=True)
    right = sum(1 for row, analysis in pairs if analysis.valence == row["valence"])
    baseline = vader_valence()
    vader = None
    if baseline is not None:
        vader = mean(1.0 if baseline(str(row["text"])) == row["valence"] else 0.0 for row in rows)
    return EvalReport(
        messages=len(rows),
        per_label=scores,
        macro_f1=mean(score.f1 for score in seen),
        macro_f1_without_neutral=mean(score.f1 for score in seen if score.label != "neutral"),
        valence_accuracy=right / len(rows) if rows else 0.0,
        vader_valence_accuracy=vader,
        messages_per_second=measure_speed(texts) if speed else None,
    )


def measure_speed(texts: Sequence[str], count: int = SPEED_MESSAGES) -> float:
    """Messages a second of analyse_text in this one thread (main() pins it to one core)."""
    batch = [texts[n % len(texts)] for n in range(count)]
    for text in texts:  # warm up: the word lists load once
        analyse_text(text)
    started = time.perf_counter()
    for text in batch:
        analyse_text(text)
    return count / (time.perf_counter() - started)


def print_report(report: EvalReport, split: str) -> None:
    print(f"{split}: {report.messages} messages")
    print(f"{'label':<15}{'precision':>10}{'recall':>10}{'F1':>8}{'support':>9}{'given':>7}")
    for score in report.per_label:
        print(
            f"{score.label:<15}{score.precision:>10.3f}{score.recall:>10.3f}{score.f1:>8.3f}"
            f"{score.support:>9}{score.predicted:>7}"
        )
    print(f"macro-F1 (nine labels plus neutral): {report.macro_f1:.3f}")
    print(f"macro-F1 (nine labels, no neutral):  {report.macro_f1_without_neutral:.3f}")
    print(f"valence accuracy, analyser:          {report.valence_accuracy:.3f}")
    if report.vader_valence_accuracy is None:
        print("valence accuracy, VADER baseline:    (vaderSentiment not installed)")
    else:
        print(f"valence accuracy, VADER baseline:    {report.vader_valence_accuracy:.3f}")
    if report.messages_per_second is not None:
        print(f"speed, one core:                     {report.messages_per_second:,.0f} messages/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["heldout", "dev"], default="heldout")
    arguments = parser.parse_args()
    rows = read_rows(DATA / f"{arguments.split}.jsonl")
    if hasattr(os, "sched_setaffinity"):  # one core, as the target says
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    print_report(evaluate(rows, speed=True), arguments.split)


if __name__ == "__main__":
    main()
