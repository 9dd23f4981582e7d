"""Translate: per pattern, the fear or need beneath it in our exact words, and a gentler
I-statement that speaks only for the writer; calm messages left as they are; no rewording
about words that suggest danger."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from bowlby.chats.patterns import Analysis, Evidence
from bowlby.chats.translate import (
    feelings_in,
    gentler_statement,
    pattern_words,
    translate_analysis,
    translate_text,
)

BENEATH = {
    "protest": ("I'm scared I don't matter to you", "I need to know we're okay"),
    "withdrawal": (
        "I'm afraid this will only get worse if I stay in it",
        "I need some calm, and to know we can come back to this",
    ),
    "criticism": (
        "I'm afraid what I need doesn't count with you",
        "I need to feel we're on the same side",
    ),
    "contempt": (
        "I'm afraid I'm not being seen or respected",
        "I need to feel respected and heard",
    ),
    "defensiveness": (
        "I'm afraid of being blamed, or of not being good enough for you",
        "I need to know you see my side too",
    ),
    "stonewalling": (
        "I'm afraid that if I speak, it will only get worse",
        "I need a pause, and to trust that we will come back to this",
    ),
}
# Hand-written drafts, one per pattern, as a person might type them in a hard moment.
EXAMPLES = {
    "protest": "hello?? why are you ignoring me?? that's the third message you haven't answered",
    "withdrawal": "k.",
    "criticism": "You never think about anyone but yourself. You're so selfish.",
    "contempt": "Oh wow, what a genius 🙄 you're pathetic",
    "defensiveness": "Well I'm sorry you feel that way, but you're the one who started it",
    "stonewalling": "I'm done talking. Whatever.",
}
# Words we never put in the writer's (or the partner's) mouth.
DIAGNOSES = ("narcissis", "abusive", "toxic", "disorder", "avoidant", "anxious attach")


def analysis(*labels: str, scores: dict[str, float] | None = None, words: str = "") -> Analysis:
    negative = any(label in BENEATH for label in labels)
    return Analysis(
        labels=labels,
        valence="negative" if negative else "positive" if labels != ("neutral",) else "neutral",
        scores=scores or dict.fromkeys(labels, 0.8),
        evidence=tuple(Evidence(label, "words", words or label, -1, -1) for label in labels),
    )


@pytest.mark.parametrize("label", sorted(BENEATH))
def test_each_pattern_has_its_fear_and_need_in_our_words(label):
    found = translate_analysis("a message", analysis(label, words="the words"))
    (reading,) = found.readings
    assert (reading.label, reading.fear, reading.need) == (label, *BENEATH[label])
    assert reading.evidence == ("the words",)
    assert found.beneath == f"{BENEATH[label][0]}; {BENEATH[label][1]}"
    assert found.gentler is not None
    assert found.gentler.startswith("I feel ")
    assert found.gentler.endswith(".")
    assert ", and I need " in found.gentler
    assert found.already_gentle is None
    assert not found.risk


@pytest.mark.parametrize("label", sorted(EXAMPLES))
def test_hand_written_drafts_are_read_and_translated(label):
    found = translate_text(EXAMPLES[label])
    readings = {reading.label: reading for reading in found.readings}
    assert label in readings, (EXAMPLES[label], found.labels)
    assert (readings[label].fear, readings[label].need) == BENEATH[label]
    assert readings[label].evidence, "every reading names the words behind it"
    assert found.gentler is not None
    assert found.gentler.startswith("I feel ")


def test_the_issue_example_reads_as_protest_with_its_fear_beneath():
    found = translate_text("why are you ignoring me??")
    assert found.readings[0].label == "protest"
    assert found.beneath == "I'm scared I don't matter to you; I need to know we're okay"
    assert found.gentler == (
        "I feel lonely about not hearing from you, and I need a quick word that we're okay, "
        "even if you're busy."
    )


def test_the_most_telling_pattern_leads_by_score_then_our_order():
    scored = analysis("criticism", "protest", scores={"criticism": 0.9, "protest": 0.6})
    assert [r.label for r in translate_analysis("x", scored).readings] == ["criticism", "protest"]
    tied = analysis("criticism", "protest", scores={"criticism": 0.7, "protest": 0.7})
    assert [r.label for r in translate_analysis("x", tied).readings] == ["protest", "criticism"]


def test_the_writers_own_feelings_replace_ours():
    assert gentler_statement("criticism") == (
        "I feel frustrated about what happened, and I need us to find a way through it together."
    )
    assert gentler_statement("criticism", ("hurt", "lonely")).startswith(
        "I feel hurt and lonely about what happened"
    )
    found = translate_analysis("You never listen and I'm so hurt", analysis("criticism"))
    assert found.feelings == ("hurt",)
    assert found.gentler is not None
    assert found.gentler.startswith("I feel hurt about")


@pytest.mark.parametrize(
    ("text", "feelings"),
    [
        ("I'm not mad, just hurt", ("hurt",)),
        ("I don't feel scared", ()),
        ("you're so jealous", ()),  # someone else's feeling is not the writer's
        ("you make me so angry", ("angry",)),
        ("why are you ignoring me", ("lonely",)),  # being on the receiving end
        ("I’m worried and sad and lonely", ("worried", "sad")),  # at most two
        ("I'M FURIOUS", ("really angry",)),
    ],
)
def test_feelings_are_the_writers_own_and_not_negated(text, feelings):
    assert feelings_in(text) == feelings


@pytest.mark.parametrize(
    ("labels", "start"),
    [
        (("neutral",), "This reads calmly."),
        (("appreciation",), "This already reads warmly."),
        (("repair",), "This reads as a repair attempt"),
        (("vulnerability",), "This already says how you feel"),
        (("appreciation", "vulnerability"), "This already says how you feel"),
    ],
)
def test_gentle_messages_are_left_as_they_are(labels, start):
    found = translate_analysis("thank you for tonight", analysis(*labels))
    assert found.readings == ()
    assert found.gentler is None
    assert found.beneath is None
    assert found.already_gentle is not None
    assert found.already_gentle.startswith(start)


@pytest.mark.parametrize(
    "text", ["ok see u at 6", "Thank you for cooking tonight, that was lovely ❤️"]
)
def test_calm_and_warm_drafts_read_gently_end_to_end(text):
    found = translate_text(text)
    assert found.gentler is None
    assert found.already_gentle


@pytest.mark.parametrize(
    "text",
    [
        "why won't you answer?? he hit me last night and I am scared to go home",
        "answer me or I swear I'll kill myself",
        "I will hurt you if you leave",
        "you never listen. i dont want to be alive anymore",
    ],
)
def test_risk_language_gets_no_rewording(text):
    found = translate_analysis(text, analysis("protest", "criticism"))
    assert found.risk
    assert found.gentler is None
    assert found.already_gentle is None
    assert translate_text(text).gentler is None


def test_a_risk_in_a_calm_message_is_not_called_gentle():
    found = translate_analysis("I want to die", analysis("neutral"))
    assert found.risk
    assert found.already_gentle is None


def test_the_words_speak_for_the_writer_and_never_diagnose():
    data = json.loads(
        resources.files("bowlby.chats").joinpath("data", "translations.json").read_text("utf-8")
    )
    for label in data["patterns"]:
        words = pattern_words(label)
        assert words.fear.startswith("I'm ")
        assert words.need.startswith("I need ")
        statement = gentler_statement(label).lower()
        assert " you feel" not in statement
        assert " you think" not in statement
        assert not any(word in statement for word in DIAGNOSES)
    every_text = json.dumps(data).lower()
    assert not any(word in every_text for word in DIAGNOSES)


def test_the_json_shape():
    body = translate_analysis("hello??", analysis("protest", words="hello??")).as_json()
    assert set(body) == {
        "labels",
        "valence",
        "risk",
        "readings",
        "beneath",
        "feelings",
        "gentler",
        "already_gentle",
    }
    assert body["readings"][0]["evidence"] == ["hello??"]
