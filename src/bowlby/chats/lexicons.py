"""The message analyser's word lists, read once from ``data/patterns.json`` into lookups a
single pass over a message can use: every cue is a dict hit on its first word, never a regex.

Words are written by the project. A cue names the label it supports, how strongly, its tone,
and its kind (how it must be read with its neighbours: see ``about`` in the file).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import NamedTuple

# A word (letters, digits, inner apostrophes) or any other single visible character: every
# emoji and punctuation mark is a token of its own, so ":)" and "🙄" are cues like words.
TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*|\S")
LONG_RUN = re.compile(r"(.)\1{2,}")
SAID_OF = frozenset({"you_trait", "insult", "feeling"})


# For each first word: (phrase length, phrase → its cues), longest first.
PhrasesBySize = tuple[tuple[int, dict[tuple[str, ...], tuple["Cue", ...]]], ...]


class Cue(NamedTuple):
    label: str  # "" when the cue only carries tone
    weight: float
    valence: float
    kind: str
    signal: str


@dataclass(frozen=True)
class Lexicon:
    """Everything the analyser looks up, indexed for one pass."""

    canonical: dict[str, tuple[str, ...]]
    phrases: dict[str, PhrasesBySize]
    vocabulary: frozenset[str]
    negators: frozenset[str]
    boundaries: frozenset[str]
    first_person: frozenset[str]
    second_person: frozenset[str]
    whole_messages: dict[str, str]


def signal_of(phrase: str) -> str:
    """Name what kind of thing a cue is, for the evidence a person reads."""
    if any(character.isalnum() for character in phrase):
        return "words"
    if all(character in "?!.,:;()<>-/*" or character.isspace() for character in phrase):
        return "punctuation"
    return "emoji"


def split_words(phrase: str) -> tuple[str, ...]:
    return tuple(TOKEN.findall(phrase.lower()))


def expand(words: tuple[str, ...], canonical: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Write a phrase the way messages are read: contractions and spellings made canonical."""
    out: list[str] = []
    for word in words:
        out.extend(canonical.get(word, (word,)))
    return tuple(out)


def index_cues(
    groups: list[dict[str, object]], canonical: dict[str, tuple[str, ...]]
) -> dict[str, PhrasesBySize]:
    """First word → phrases by length, longest first, so the longest match wins with one
    dict lookup a length."""
    by_phrase: dict[tuple[str, ...], list[Cue]] = {}
    for group in groups:
        phrases = group["phrases"]
        assert isinstance(phrases, list)
        for phrase in phrases:
            words = expand(split_words(str(phrase)), canonical)
            if not words:
                continue
            cue = Cue(
                label=str(group["label"]),
                weight=float(str(group["weight"])),
                valence=float(str(group["valence"])),
                kind=str(group.get("kind", "words")),
                signal=signal_of(str(phrase)),
            )
            cues = by_phrase.setdefault(words, [])
            if cue not in cues:
                cues.append(cue)
    index: dict[str, dict[int, dict[tuple[str, ...], tuple[Cue, ...]]]] = {}
    for words, cues in by_phrase.items():
        if any(cue.kind in SAID_OF for cue in cues):  # its tone depends on whom it is said of
            cues[:] = [cue for cue in cues if cue.label or cue.kind != "words"]
        index.setdefault(words[0], {}).setdefault(len(words), {})[words] = tuple(cues)
    return {first: tuple(sorted(by_size.items(), reverse=True)) for first, by_size in index.items()}


@cache
def load_lexicon() -> Lexicon:
    """Read the shipped word lists once per process."""
    raw = resources.files("bowlby.chats").joinpath("data", "patterns.json").read_text("utf-8")
    data = json.loads(raw)
    canonical = {key: tuple(value.split()) for key, value in data["canonical"].items()}
    phrases = index_cues(data["cues"], canonical)
    vocabulary = frozenset(
        {
            word
            for by_size in phrases.values()
            for _, entries in by_size
            for words in entries
            for word in words
        }
        | set(canonical)
    )
    whole = {
        message: label for label, messages in data["whole_messages"].items() for message in messages
    }
    return Lexicon(
        canonical=canonical,
        phrases=phrases,
        vocabulary=vocabulary,
        negators=frozenset(data["negators"]),
        boundaries=frozenset(data["boundaries"]),
        first_person=frozenset(data["first_person"]),
        second_person=frozenset(data["second_person"]),
        whole_messages=whole,
    )


def shorten_long_runs(word: str, vocabulary: frozenset[str]) -> str:
    """ "sooo" → "so", "pleeease" → "please", "missss" → "miss": stretched words are read as
    the word they stretch."""
    once = LONG_RUN.sub(r"\1", word)
    if once in vocabulary:
        return once
    twice = LONG_RUN.sub(r"\1\1", word)
    return twice if twice in vocabulary else once
