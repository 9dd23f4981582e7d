"""Risk language on hand-written examples: positives per category, self-harm phrasing variants,
and hard negatives (negation, hypotheticals, lyrics in quotes, idioms, resolved past)."""

from __future__ import annotations

import time

import pytest

from bowlby.errors import InputError
from bowlby.safety.risk_language import RiskSignal, find_risk_language
from bowlby.safety.risk_phrases import CATEGORIES, phrase_book

LEVEL = {"low": 0, "medium": 1, "high": 2}

SELF_HARM = [
    "I can't go on",
    "I can’t go on.",
    "I don't want to be alive",
    "I don’t want to be alive anymore",
    "I dont wanna live anymore",
    "nobody would miss me",
    "Honestly I feel like nobody would even notice if I was gone",
    "I want to die.",
    "i just wanna die",
    "I'm going to kill myself",
    "I keep thinking about suicide",
    "I've been having suicidal thoughts again",
    "I want to end my life",
    "Everyone would be better off without me",
    "I wish I was dead",
    "There's no reason to live",
    "I don't think I can keep going",
    "I've been cutting myself again",
    "I want to go to sleep and never wake up",
    "I'm so tired of living like this",
    "I have a plan to end it",
    "I CAN'T GO ON",
    "i wanna kil myslef",
]

POSITIVES = [
    *[(text, "self_harm") for text in SELF_HARM],
    ("I'm not safe at home", "fear_of_partner"),
    ("I'm scared of my husband", "fear_of_partner"),
    ("I'm afraid of what he'll do if I leave", "fear_of_partner"),
    ("I'm not scared, I'm terrified of him", "fear_of_partner"),
    ("I don't feel safe with him anymore", "fear_of_partner"),
    ("I'm always walking on eggshells around her", "fear_of_partner"),
    ("I'm too scared to go home tonight", "fear_of_partner"),
    ("He hit me last night", "threat_of_violence"),
    ("My boyfriend choked me", "threat_of_violence"),
    ("He said he'd kill me if I ever left", "threat_of_violence"),
    ("He threatened me with a knife", "threat_of_violence"),
    ("If he hits me again I'm calling the police", "threat_of_violence"),
    ("I'll kill you if you leave me", "threat_of_violence"),
    ("He checks my phone every night", "coercive_control"),
    ("He won't stop checking my phone", "coercive_control"),
    ("He never lets me see my friends", "coercive_control"),
    ("My partner controls all our money", "coercive_control"),
    ("I have to ask his permission to see my sister", "coercive_control"),
    ("He decides what I wear", "coercive_control"),
    ("If you leave me I'll kill myself", "coercive_control"),
    ("He threatened to take the kids", "coercive_control"),
    ("He followed me home from work", "stalking"),
    ("My ex keeps showing up at my work", "stalking"),
    ("I found an AirTag in my bag", "stalking"),
    ("He won't stop texting me even after I blocked him", "stalking"),
    ("I think I'm being stalked", "stalking"),
    # Said to the partner, as in a chat or a draft in the composer.
    ("I'm scared of you", "fear_of_partner"),
    ("I am afraid of your temper", "fear_of_partner"),
    ("I am scared of what you will do when you get home", "fear_of_partner"),
    ("you hit me again", "threat_of_violence"),
    ("if you leave I will hurt you", "threat_of_violence"),
]

NO_SIGNAL_AT_ALL = [
    "I would never hurt you",
    "I'd never hurt you, I promise",
    "I'm not afraid of him",
    "I am not at all afraid of him",
    "he doesn't check my phone anymore",
    "He would never stop me from seeing my friends",
    "She's killing it at work",
    "I'm killing it at work this month",
    "this traffic is killing me",
    "I'd die for a coffee",
    "I'm dying to see you",
    "I nearly died laughing",
    "My feet are killing me after that hike",
    "I could murder a pizza",
    "I'll beat you at chess tonight",
    "He hit me up last night about dinner",
    "It hit me that I was the one pulling away",
    "He follows me on Instagram now",
    "I'm scared of losing him",
    "I'm afraid he'll leave me",
    "I'm worried what he'll think of my haircut",
    "I'm scared of spiders",
    "My mum will kill me when she sees my grades",
    "If he ever hit me, I'd leave",
    "What would you do if your partner checked your phone?",
    'My favourite lyric right now is "I don\'t wanna live forever"',
    "The chorus goes \"I'll kill you if you leave\" and it's stuck in my head",
    'We sang "Hit me baby one more time" at karaoke',
    "I used to want to die. Not anymore.",
    "Years ago I was afraid of my ex, but that's over now.",
    "I used to self-harm as a teenager, but I haven't in ten years.",
    "He used to check my phone, but he doesn't anymore.",
    "I don't want to die on this hill, pick any restaurant",
    "I can't go on the trip next week",
    "I'm thinking about dying my hair red",
    "I don't think I'm suicidal, just tired",
    "I would never ever kill myself",
    "We drove 40 kms to the beach",
    "I feel safe at home with him",
    "He won't let me pay for dinner",
    "I'm scared of you leaving me",
    "I'm not scared of you",
    "you hit me up yesterday about the tickets",
    "you pushed me to apply for the job and I got it",
    "you beat me at chess again",
]


def categories(text: str) -> set[str]:
    return {signal.category for signal in find_risk_language(text)}


@pytest.mark.parametrize(("text", "category"), POSITIVES)
def test_positive_examples_are_found(text, category):
    assert category in categories(text)


@pytest.mark.parametrize("text", NO_SIGNAL_AT_ALL)
def test_hard_negatives_find_nothing(text):
    assert find_risk_language(text) == []


def test_there_are_enough_hand_written_examples():
    assert len(POSITIVES) + len(NO_SIGNAL_AT_ALL) >= 60
    assert {category for _, category in POSITIVES} == set(CATEGORIES)
    assert len(SELF_HARM) >= 20


def test_the_phrase_books_own_examples_fire_their_own_pattern():
    missed = [
        (phrase.id, example)
        for phrase in phrase_book().phrases
        for example in phrase.examples
        if phrase.id not in {signal.pattern for signal in find_risk_language(example)}
    ]
    assert missed == []


def test_the_phrase_books_near_misses_stay_quiet():
    noisy = [
        (category.id, text)
        for category in phrase_book().categories.values()
        for text in category.near_misses
        if category.id in categories(text)
    ]
    assert noisy == []


def test_a_signal_carries_evidence_span_and_confidence():
    text = "Last night he said “I’ll kill you” and I believed him."
    [signal] = find_risk_language(text)
    assert isinstance(signal, RiskSignal)
    assert signal.category == "threat_of_violence"
    assert signal.evidence == "I’ll kill you"
    assert text[signal.span[0] : signal.span[1]] == signal.evidence
    assert signal.reported is True  # quoted words of someone else
    assert signal.confidence in LEVEL


def test_spans_fit_the_original_text_with_letters_that_grow_when_lower_cased():
    text = "İİİ I can't go on"
    [signal] = find_risk_language(text)
    assert text[signal.span[0] : signal.span[1]] == "can't go on"


def test_several_signals_come_in_reading_order():
    text = "He checks my phone. Yesterday he hit me. I don't want to be alive."
    found = [(signal.category, signal.evidence) for signal in find_risk_language(text)]
    assert found == [
        ("coercive_control", "He checks my phone"),
        ("threat_of_violence", "he hit me"),
        ("self_harm", "don't want to be alive"),
    ]


def test_jokes_and_the_past_lower_confidence_but_are_still_shown():
    [joke] = find_risk_language("omg I want to die lol")
    assert (joke.confidence, joke.reasons) == ("medium", ("joking",))
    [past] = find_risk_language("I tried to kill myself when I was 16.")
    assert (past.confidence, past.reasons) == ("medium", ("past",))


def test_naming_a_partner_raises_confidence():
    [pronoun] = find_risk_language("I'm scared of him")
    [partner] = find_risk_language("I'm scared of my husband")
    assert (pronoun.confidence, partner.confidence) == ("medium", "high")
    assert "names a partner" in partner.reasons


def test_a_hypothetical_lowers_self_harm_instead_of_dropping_it():
    [signal] = find_risk_language("If I ever felt suicidal I would call my sister")
    assert signal.category == "self_harm"
    assert "hypothetical" in signal.reasons


def test_someone_elses_risk_is_marked_reported():
    found = find_risk_language("He keeps threatening to kill himself if I go out")
    by_category = {signal.category: signal for signal in found}
    assert by_category["self_harm"].reported is True
    assert "coercive_control" in by_category
    [friend] = find_risk_language("My friend is suicidal and I don't know what to do")
    assert friend.reported is True


def test_a_non_text_is_refused():
    with pytest.raises(InputError) as caught:
        find_risk_language(None)  # type: ignore[arg-type]
    assert caught.value.field == "text"


def test_empty_and_long_texts():
    assert find_risk_language("") == []
    long_entry = "We had a calm evening and cooked together. " * 500 + "I can't go on."
    assert [s.category for s in find_risk_language(long_entry)] == ["self_harm"]


def test_thousands_of_messages_a_second():
    messages = ["Running late, traffic is killing me, see you at 7", "I can't go on like this"]
    batch = messages * 1000
    started = time.perf_counter()
    for message in batch:
        find_risk_language(message)
    elapsed = time.perf_counter() - started
    assert len(batch) / elapsed > 1000, f"{len(batch) / elapsed:.0f} messages a second"


def test_a_partner_named_in_the_past_is_still_shown_but_lower():
    [signal] = find_risk_language("My ex used to hit me")
    assert (signal.category, signal.confidence) == ("threat_of_violence", "medium")
    assert signal.reasons == ("names a partner", "past")


def test_monitoring_described_as_agreed_is_lowered_not_hidden():
    found = find_risk_language("My partner tracks my location and I track his, we agreed")
    assert {signal.category for signal in found} == {"stalking", "coercive_control"}
    assert all("described as agreed" in signal.reasons for signal in found)
    assert all(signal.confidence == "medium" for signal in found)


def test_contact_after_being_asked_to_stop_is_stalking():
    assert "stalking" in categories("He keeps calling me even after I said stop")
    assert find_risk_language("He keeps calling me babe") == []
