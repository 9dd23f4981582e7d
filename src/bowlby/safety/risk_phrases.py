"""The phrase book behind risk detection, read from `data/risk_phrases.json` and compiled once.

Patterns, cue words and examples are data so that they can be reviewed (and argued about) in
one file; this module only checks their shape and turns them into compiled expressions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from bowlby.errors import DamagedData
from bowlby.safety.datafile import read_data, require, text_at

PHRASES_FILE = "risk_phrases.json"
CATEGORIES = ("self_harm", "threat_of_violence", "fear_of_partner", "stalking", "coercive_control")
Confidence = Literal["low", "medium", "high"]
CONFIDENCES: tuple[Confidence, ...] = ("low", "medium", "high")
# Patterns are written in lower case and run on lower-cased text: much faster than IGNORECASE.
_UPPER_OUTSIDE_ESCAPES = re.compile(r"(?<!\\)[A-Z]")
_MACRO = re.compile(r"\{([a-z_]+)\}")
_REGEX_CUES = (
    "clause_break",
    "sentence_break",
    "not_negations",
    "again",
    "past",
    "resolved",
    "joking",
    "media",
    "others_reflexive",
    "agreed",
    "speech",
    "third_person",
)
_WORD_CUES = ("negators", "fillers", "hypothetical")


@dataclass(frozen=True)
class Phrase:
    """One pattern: the categories it signals, its base confidence and how negation works.

    ``risk_negation`` marks a pattern whose own "not" carries the risk ("I can't go on"), so a
    negator inside the match does not cancel it; ``reported`` marks words about someone else;
    ``conditional_threat`` marks a threat whose "if" is its condition ("if you leave I will
    hurt you"), not a hypothetical.
    """

    id: str
    categories: tuple[str, ...]
    confidence: Confidence
    risk_negation: bool
    reported: bool
    conditional_threat: bool
    regex: re.Pattern[str]
    written: str
    examples: tuple[str, ...]


@dataclass(frozen=True)
class Category:
    id: str
    description: str
    on_hypothetical: Literal["drop", "lower"]
    near_misses: tuple[str, ...]


@dataclass(frozen=True)
class Cues:
    """Words and expressions that judge a match: negation, hypotheticals, the past, jokes."""

    regex: dict[str, re.Pattern[str]]
    words: dict[str, frozenset[str]]
    partner: re.Pattern[str]


@dataclass(frozen=True)
class PhraseBook:
    phrases: tuple[Phrase, ...]
    categories: dict[str, Category]
    cues: Cues


@cache
def phrase_book() -> PhraseBook:
    data = read_data(PHRASES_FILE)
    macros = require(data.get("macros"), dict, f"{PHRASES_FILE}.macros")
    phrases = tuple(
        _read_phrase(raw, macros, f"{PHRASES_FILE}.patterns[{n}]")
        for n, raw in enumerate(require(data.get("patterns"), list, f"{PHRASES_FILE}.patterns"))
    )
    ids = [phrase.id for phrase in phrases]
    if len(set(ids)) != len(ids):
        raise DamagedData(f"{PHRASES_FILE}.patterns: two patterns share an id")
    categories = _read_categories(require(data.get("categories"), dict, "categories"))
    return PhraseBook(phrases, categories, _read_cues(data, macros))


def expand(written: str, macros: dict[str, Any], where: str) -> str:
    """Macros replaced (they may nest); a space stands for any whitespace, " ?" for none too."""
    expanded = written
    for _ in range(5):
        if not _MACRO.search(expanded):
            return expanded.replace(" ?", r"\s*").replace(" ", r"\s+")
        expanded = _MACRO.sub(lambda match: _macro(match.group(1), macros, where), expanded)
    raise DamagedData(f"{where}: macros nest too deeply")


def compile_phrase(written: str, macros: dict[str, Any], where: str) -> re.Pattern[str]:
    """A pattern that must start and end on word edges (every pattern starts with a word)."""
    return _compile(rf"\b(?:{expand(written, macros, where)})(?!\w)", where)


def _macro(name: str, macros: dict[str, Any], where: str) -> str:
    if name not in macros:
        raise DamagedData(f"{where}: unknown macro {{{name}}}")
    return f"(?:{macros[name]})"


def _compile(expression: str, where: str) -> re.Pattern[str]:
    if _UPPER_OUTSIDE_ESCAPES.search(expression):
        raise DamagedData(f"{where}: write patterns in lower case (text is lower-cased first)")
    try:
        return re.compile(expression)
    except re.error as error:
        raise DamagedData(f"{where}: not a valid pattern ({error})") from error


def _read_phrase(raw: Any, macros: dict[str, Any], where: str) -> Phrase:
    raw = require(raw, dict, where)
    phrase_id = text_at(raw, "id", where)
    where = f"{PHRASES_FILE}: pattern {phrase_id}"
    categories = (text_at(raw, "category", where), *require(raw.get("also", []), list, where))
    if any(category not in CATEGORIES for category in categories):
        raise DamagedData(f"{where}: category must be one of {', '.join(CATEGORIES)}")
    confidence = raw.get("confidence")
    if confidence not in CONFIDENCES:
        raise DamagedData(f"{where}: confidence must be one of {', '.join(CONFIDENCES)}")
    examples = tuple(require(raw.get("examples"), list, f"{where}.examples"))
    if not examples or not all(isinstance(example, str) for example in examples):
        raise DamagedData(f"{where}: needs at least one example sentence")
    written = text_at(raw, "regex", where)
    return Phrase(
        id=phrase_id,
        categories=categories,
        confidence=confidence,
        risk_negation=bool(require(raw.get("risk_negation", False), bool, where)),
        reported=bool(require(raw.get("reported", False), bool, where)),
        conditional_threat=bool(require(raw.get("conditional_threat", False), bool, where)),
        regex=compile_phrase(written, macros, where),
        written=written,
        examples=examples,
    )


def _read_categories(raw: dict[str, Any]) -> dict[str, Category]:
    if set(raw) != set(CATEGORIES):
        raise DamagedData(f"{PHRASES_FILE}.categories: expected exactly {', '.join(CATEGORIES)}")
    categories = {}
    for category_id in CATEGORIES:
        where = f"{PHRASES_FILE}.categories.{category_id}"
        entry = require(raw[category_id], dict, where)
        if entry.get("on_hypothetical") not in ("drop", "lower"):
            raise DamagedData(f"{where}.on_hypothetical: expected 'drop' or 'lower'")
        categories[category_id] = Category(
            id=category_id,
            description=text_at(entry, "description", where),
            on_hypothetical=entry["on_hypothetical"],
            near_misses=tuple(require(entry.get("near_misses", []), list, where)),
        )
    return categories


def _read_cues(data: dict[str, Any], macros: dict[str, Any]) -> Cues:
    raw = require(data.get("cues"), dict, f"{PHRASES_FILE}.cues")
    where = f"{PHRASES_FILE}.cues"
    regex = {
        name: _compile(expand(text_at(raw, name, where), macros, f"{where}.{name}"), where)
        for name in _REGEX_CUES
    }
    words = {
        name: frozenset(word.lower() for word in require(raw.get(name), list, f"{where}.{name}"))
        for name in _WORD_CUES
    }
    partner = _compile(rf"\b{expand('{partner_word}', macros, where)}\b", where)
    return Cues(regex=regex, words=words, partner=partner)
