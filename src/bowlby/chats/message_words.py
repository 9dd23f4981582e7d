"""A message as the analyser reads it: canonical words with the span each came from, and
the cues found in them (the longest phrase winning at each word), in one left-to-right pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from bowlby.chats.lexicons import TOKEN, Cue, Lexicon, shorten_long_runs

QUOTED = re.compile(r"[\"“”]([^\"“”]{2,})[\"“”]")


class Evidence(NamedTuple):
    """Why a label was given: the words or signal, and where they are in the message."""

    label: str  # the label this supports
    signal: str  # "words", "punctuation", "emoji", "negation", "sarcasm", ...
    text: str  # the exact words/characters from the message (or a short description)
    start: int  # offsets into the message text (-1 when not a span)
    end: int


class Hit(NamedTuple):
    cue: Cue
    first: int  # token index of the phrase's first word
    last: int  # token index after its last word


@dataclass
class Reading:
    """What the pass found: the weight for each label, the tone, and the evidence."""

    weights: dict[str, float] = field(default_factory=dict)
    valence: float = 0.0
    evidence: list[Evidence] = field(default_factory=list)

    def add(self, label: str, weight: float, signal: str, text: str, span: tuple[int, int]) -> None:
        self.weights[label] = self.weights.get(label, 0.0) + weight
        self.evidence.append(Evidence(label, signal, text, span[0], span[1]))


@dataclass
class Words:
    """A message as canonical words, each with the span of the characters it came from."""

    text: str
    words: list[str]
    starts: list[int]
    ends: list[int]
    quoted: list[bool]

    def span(self, first: int, last: int) -> tuple[int, int]:
        return self.starts[first], self.ends[last - 1]

    def said(self, first: int, last: int) -> str:
        start, end = self.span(first, last)
        return self.text[start:end]


SHORTENED_KEPT = 50_000
shortened: dict[str, str] = {}


def remember_shortened(word: str, vocabulary: frozenset[str]) -> str:
    """Unknown words recur (names, places): shorten each once, in a bounded memo."""
    if len(shortened) >= SHORTENED_KEPT:
        shortened.clear()
    shortened[word] = short = shorten_long_runs(word, vocabulary)
    return short


def split_message(text: str, lexicon: Lexicon) -> Words:
    """Canonical words with their spans: "u r" → "you are", "im" → "i am", "sooo" → "so"."""
    lower = text.replace("’", "'").replace("‘", "'").lower()
    if len(lower) != len(text):  # a rare letter whose lower case is longer: keep offsets
        lower = "".join(character.lower()[0] for character in text.replace("’", "'"))
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    canonical = lexicon.canonical
    vocabulary = lexicon.vocabulary
    for match in TOKEN.finditer(lower):
        word = match.group()
        if word not in vocabulary and len(word) > 2:
            word = shortened.get(word) or remember_shortened(word, vocabulary)
        start, end = match.span()
        for part in canonical.get(word, (word,)):
            words.append(part)
            starts.append(start)
            ends.append(end)
    quoted = [False] * len(words)
    if '"' in lower or "“" in lower:
        for quote in QUOTED.finditer(lower):
            for index, start in enumerate(starts):
                if quote.start(1) <= start < quote.end(1):
                    quoted[index] = True
    return Words(text, words, starts, ends, quoted)


def find_hits(words: Words, lexicon: Lexicon) -> list[Hit]:
    """Every cue in the message, left to right, the longest phrase winning at each word."""
    hits: list[Hit] = []
    tokens = words.words
    count = len(tokens)
    phrases = lexicon.phrases
    index = 0
    while index < count:
        by_size = phrases.get(tokens[index])
        step = 1
        if by_size:
            for size, entries in by_size:
                cues = entries.get(tuple(tokens[index : index + size]))
                if cues:
                    hits.extend(Hit(cue, index, index + size) for cue in cues)
                    step = size
                    break
        index += step
    return hits


def clause_after(hits: list[Hit], words: Words, position: int, lexicon: Lexicon) -> list[Hit]:
    """The cues after a hit and before the end of its clause."""
    end = len(words.words)
    for index in range(position, end):
        if words.words[index] in lexicon.boundaries:
            end = index
            break
    return [hit for hit in hits if position <= hit.first < end]
