"""The message analyser on hand-written examples: each label, the hard cases from the issue
(negation, kind absolutes, sarcasm, defensive apologies, terse logistics against a cold "k.",
quoted words, humour, slang, typos, emoji, UK, Indian and AAVE English), and its evidence."""

from __future__ import annotations

import pytest

from bowlby.chats.patterns import HORSEMEN, LABELS, Analysis, Evidence, analyse_text


def said(analysis: Analysis, label: str) -> set[str]:
    """The words offered as evidence for one label."""
    return {item.text for item in analysis.evidence if item.label == label}


LABELLED = [
    # protest: pings, counting, reassurance seeking, guilt, ultimatums
    ("hello??", ("protest",), "hello??"),
    ("hellooooo", ("protest",), "hellooooo"),
    ("why are you ignoring me??", ("protest",), "why are you ignoring me"),
    ("I've called you 5 times", ("protest",), "5 times"),
    ("are we ok?", ("protest",), "are we ok"),
    ("if you walk out that door we're done", ("protest",), "if you walk out"),
    ("I guess I just don't matter to you", ("protest",), "I just don't matter"),
    ("why you are not picking up yaar", ("protest",), "why you are not picking"),
    # withdrawal: cold short replies, deflection, abrupt space
    ("k.", ("withdrawal",), "k."),
    ("fine.", ("withdrawal",), "fine."),
    ("I need space", ("withdrawal",), "I need space"),
    ("anyway, the car needs an MOT", ("withdrawal",), "anyway"),
    # stonewalling comes with withdrawal
    ("I'm not talking about this", ("withdrawal", "stonewalling"), "I'm not talking about this"),
    ("ion wanna talk bout it", ("withdrawal", "stonewalling"), "ion wanna talk"),
    # criticism: character, not behaviour
    ("you always do this", ("criticism",), "you always"),
    ("you never listen", ("criticism",), "you never listen"),
    ("what kind of person says that", ("criticism",), "what kind of person"),
    ("ur so selfish", ("criticism",), "selfish"),
    ("I feel like you're always on your phone", ("criticism",), "you're always"),
    # contempt: mockery, name-calling, disgust, the eye-roll, scare quotes
    ("🙄", ("contempt",), "🙄"),
    ("you're an idiot", ("contempt",), "idiot"),
    ("you make me sick", ("contempt",), "you make me sick"),
    ('your "friends" again?', ("contempt",), 'your "friends"'),
    ("oh poor baby, is it hard?", ("contempt",), "poor baby"),
    # defensiveness: counter-attack, innocent victim, the apology that is not one
    ("I'm sorry you feel that way", ("defensiveness",), "sorry you feel that way"),
    ("what about you?", ("defensiveness",), "what about you"),
    ("it's not my fault", ("defensiveness",), "not my fault"),
    ("I can't do anything right", ("defensiveness",), "I can't do anything right"),
    # repair: apology, responsibility, pausing, de-escalating humour
    ("I'm sorry, that came out wrong", ("repair",), "that came out wrong"),
    ("let's pause and come back in 20 minutes", ("repair",), "let's pause"),
    ("that's on me", ("repair",), "that's on me"),
    ("ok lol we're both being ridiculous", ("repair",), "lol"),
    ("sorry yaar, my mistake", ("repair",), "sorry yaar"),
    # vulnerability: gentle I-language
    ("I feel hurt when you cancel last minute", ("vulnerability",), "hurt"),
    ("I'm scared of losing you", ("vulnerability",), "I'm scared"),
    ("mujhe bura laga yaar", ("vulnerability",), "mujhe bura laga"),
    # appreciation: affection, gratitude, admiration
    ("thank you so much ❤️", ("appreciation",), "❤️"),
    ("proud of you babe", ("appreciation",), "proud of you"),
    ("cheers for sorting the car", ("appreciation",), "cheers"),
    ("you the goat fr", ("appreciation",), "goat"),
]


@pytest.mark.parametrize(("text", "labels", "words"), LABELLED)
def test_each_label_comes_with_the_words_behind_it(text, labels, words):
    analysis = analyse_text(text)
    assert analysis.labels == labels
    for label in labels:
        assert said(analysis, label), f"no evidence for {label}"
    assert any(words in item.text or item.text in words for item in analysis.evidence)
    for item in analysis.evidence:
        assert item.label in labels
        if item.start >= 0:
            assert text[item.start : item.end] == item.text


@pytest.mark.parametrize(
    ("text", "labels", "valence"),
    [
        ("I'm mad at you", ("neutral",), "negative"),
        ("I'm not mad at you", ("repair",), "positive"),
        ("it's your fault", ("defensiveness",), "negative"),
        ("it's not your fault", ("repair",), "positive"),
        ("I'm happy", ("neutral",), "positive"),
        ("I'm not happy", ("neutral",), "negative"),
        ("you're selfish", ("criticism",), "negative"),
        ("you're not selfish, you're tired", ("repair",), "positive"),
        ("I'm scared", ("vulnerability",), "negative"),
        ("I'm not scared", ("neutral",), "neutral"),
        ("I love you", ("appreciation",), "positive"),
        ("I don't love you", ("neutral",), "negative"),
    ],
)
def test_negation_flips_the_reading(text, labels, valence):
    analysis = analyse_text(text)
    assert (analysis.labels, analysis.valence) == (labels, valence)


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("you always make me laugh", ("appreciation",)),
        ("you never let me down", ("appreciation",)),
        ("you always know what to say", ("appreciation",)),
        ("you always forget", ("criticism",)),
        ("you never help", ("criticism",)),
    ],
)
def test_always_and_never_can_be_kind(text, labels):
    assert analyse_text(text).labels == labels


def test_praise_beside_an_eye_roll_is_sarcasm_not_thanks():
    analysis = analyse_text("great, thanks a lot 🙄")
    assert analysis.labels == ("contempt",)
    assert analysis.valence == "negative"
    assert {"great", "thanks a lot"} <= said(analysis, "contempt")
    assert any(item.signal == "sarcasm" for item in analysis.evidence)
    assert analyse_text("thanks a lot ❤️").labels == ("appreciation",)


def test_an_apology_that_blames_is_defensive_and_a_real_one_is_repair():
    assert analyse_text("I'm sorry you feel that way").labels == ("defensiveness",)
    assert analyse_text("sorry if you were offended").labels == ("defensiveness",)
    assert analyse_text("I'm sorry, I was wrong").labels == ("repair",)


def test_terse_logistics_are_neutral_and_a_cold_k_is_withdrawal():
    logistics = analyse_text("ok see u at 6")
    assert (logistics.labels, logistics.valence) == (("neutral",), "neutral")
    assert logistics.evidence == ()
    cold = analyse_text("k.")
    assert cold.labels == ("withdrawal",)
    assert cold.evidence == (Evidence("withdrawal", "short reply", "k.", 0, 2),)
    assert analyse_text("kk").labels == ("neutral",)


def test_quoted_words_are_reported_speech_not_said_to_you():
    assert analyse_text('my boss said "you never listen" in the meeting').labels == ("neutral",)
    assert analyse_text("your so-called 'work trip'").labels == ("contempt",)


def test_laughter_eases_with_an_apology_and_mocks_with_an_insult():
    assert analyse_text("my bad lol").labels == ("repair",)
    assert analyse_text("what an idiot 😂").labels == ("contempt",)
    assert analyse_text("lol this meme").labels == ("neutral",)


def test_typos_slang_and_stretched_words_are_read():
    assert analyse_text("u always do dis").labels == ("criticism",)
    assert analyse_text("srry i was a jerk earlier").labels == ("repair",)
    assert analyse_text("pleeease answer me").labels == ("protest",)
    assert analyse_text("ily").labels == ("appreciation",)


def test_as_json_has_labels_valence_every_score_and_evidence():
    shown = analyse_text("you never listen 🙄").as_json()
    assert list(shown) == ["labels", "valence", "scores", "evidence"]
    assert shown["labels"] == ["criticism", "contempt"]
    assert shown["valence"] == "negative"
    scores = shown["scores"]
    assert isinstance(scores, dict)
    assert tuple(scores) == LABELS
    assert all(0.0 <= score <= 1.0 for score in scores.values())
    assert shown["evidence"] == [
        {"label": "criticism", "signal": "words", "text": "you never listen"},
        {"label": "contempt", "signal": "emoji", "text": "🙄"},
    ]


def test_scores_follow_the_labels():
    analysis = analyse_text("drop it.")
    assert analysis.scores["stonewalling"] == 1.0
    assert analysis.scores["withdrawal"] == 1.0
    assert analysis.scores["neutral"] == 0.0
    assert said(analysis, "withdrawal") == {"drop it"}
    neutral = analyse_text("the plumber comes at 2")
    assert neutral.scores["neutral"] == 1.0


@pytest.mark.parametrize("text", ["", "   ", "\n", "😀", "?", "a" * 5000, "İstanbul’da"])
def test_any_text_is_read_without_error(text):
    analysis = analyse_text(text)
    assert analysis.labels
    assert set(analysis.scores) == set(LABELS)


def test_the_horsemen_are_labels():
    assert set(HORSEMEN) <= set(LABELS)


@pytest.mark.parametrize(
    ("text", "valence"),
    [
        ("stuck in traffic, train delayed, be there by 8", "neutral"),  # logistics: information
        ("ugh stuck in traffic again and I'm fuming", "negative"),  # a feeling about it
        ("late AGAIN. typical.", "negative"),
        ("an hour late and not even a text. great.", "negative"),
        ("the gig was amazing but I'm knackered lol", "positive"),  # laughter eases the grumble
        ("the gig was a disaster and I'm knackered lol", "negative"),  # nothing warm to ease
        ("let's take a breather and talk it through after dinner", "positive"),
        ("let's sit down later and sort this out together", "positive"),
        ("let's just not talk about it", "negative"),
    ],
)
def test_logistics_laughter_and_planned_repairs_take_their_tone(text: str, valence: str) -> None:
    assert analyse_text(text).valence == valence


def test_a_planned_repair_is_repair_and_a_restart_is_not_a_closed_conversation() -> None:
    analysis = analyse_text("can we start this conversation over? I came in too hot")
    assert "repair" in analysis.labels
    assert "stonewalling" not in analysis.labels
