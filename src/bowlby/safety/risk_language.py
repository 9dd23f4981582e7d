"""Signs of danger in free text: journal entries, thought records, chat messages.

Each pattern from the phrase book is matched, then judged in its context: a negation just
before it ("I'm not afraid of him") or inside it ("he doesn't check my phone") cancels it,
unless the pattern's own "not" is the risk ("I'm not safe at home"); a hypothetical ("if he
ever hit me") drops or lowers it; the past, jokes and film or song talk lower it; quoted words
are kept and marked as someone else's unless they are lyrics or lines. The result is data
only: a hit never blocks anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bowlby.errors import InputError
from bowlby.safety.risk_phrases import (
    CATEGORIES,
    CONFIDENCES,
    Confidence,
    Cues,
    Phrase,
    PhraseBook,
    phrase_book,
)

# One character for one character, so spans found in the normalised text fit the original.
_NORMALISE = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2033": '"',
        "\u00a0": " ",
        "\u2010": "-",
        "\u2011": "-",
    }
)
_TOKEN = re.compile(r"[\w']+")
_QUOTE = re.compile(r'"[^"\n]{1,400}"')
_LOOK_BACK = 160
_SENTENCE_REACH = 400


@dataclass(frozen=True)
class RiskSignal:
    """One sign of danger: the words that matched, where, and how sure the match is.

    ``reported`` is True when the words are someone else's (quoted, reported speech) or the
    risk is to someone else ("he keeps talking about killing himself"). ``reasons`` says why
    the confidence moved from the pattern's own ("names a partner", "past", "joking", ...).
    """

    category: str
    evidence: str
    span: tuple[int, int]
    confidence: Confidence
    pattern: str
    reported: bool = False
    reasons: tuple[str, ...] = ()


def normalise(text: str) -> str:
    """Lower case, curly quotes and apostrophes made straight: same length as the input, so
    spans found in it fit the original."""
    lowered = text.translate(_NORMALISE).lower()
    if len(lowered) == len(text):
        return lowered
    # A few letters grow when lower-cased ("İ"); keep those as they are.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text.translate(_NORMALISE))


def find_risk_language(text: str) -> list[RiskSignal]:
    """Every sign of danger in ``text``, in reading order; one per category and place."""
    if not isinstance(text, str):
        raise InputError("expected text to check", field="text")
    book = phrase_book()
    plain = normalise(text)
    quotes: list[tuple[int, int]] | None = None
    found: list[RiskSignal] = []
    for phrase in book.phrases:
        for match in phrase.regex.finditer(plain):
            if quotes is None:
                quotes = [quote.span() for quote in _QUOTE.finditer(plain)]
            found.extend(_judge(book, phrase, text, plain, match, quotes))
    return _best_per_place(found)


@dataclass
class _Verdict:
    """The pattern's own level and how many steps the context takes off it."""

    level: int
    steps_down: int
    reported: bool
    reasons: list[str]

    def lower(self, reason: str) -> None:
        self.steps_down += 1
        self.reasons.append(reason)


def _judge(
    book: PhraseBook,
    phrase: Phrase,
    text: str,
    plain: str,
    match: re.Match[str],
    quotes: list[tuple[int, int]],
) -> list[RiskSignal]:
    clause = _clause_before(book.cues, plain, match.start())
    if _negated(book.cues, phrase, clause, match.group()):
        return []
    verdict = _in_context(book.cues, phrase, plain, match, quotes)
    if verdict is None:
        return []
    start, end = match.span()
    signals = []
    for category in phrase.categories:
        judged = _for_category(book, phrase, category, match, clause, verdict)
        if judged is not None:
            level, reported, reasons = judged
            signals.append(
                RiskSignal(
                    category=category,
                    evidence=text[start:end],
                    span=(start, end),
                    confidence=CONFIDENCES[level],
                    pattern=phrase.id,
                    reported=reported,
                    reasons=tuple(reasons),
                )
            )
    return signals


def _in_context(
    cues: Cues,
    phrase: Phrase,
    plain: str,
    match: re.Match[str],
    quotes: list[tuple[int, int]],
) -> _Verdict | None:
    """The sentence around the match: None for a resolved past or a quoted lyric or line;
    otherwise the confidence lowered for the past, jokes and media talk."""
    start, end = match.span()
    sentence, after = _sentence_around(cues, plain, start, end)
    context = sentence + " " + after  # the match blanked out: its own words are not cues
    past = cues.regex["past"].search(context) or cues.regex["past"].search(match.group())
    resolved = cues.regex["resolved"].search(context)
    if past and resolved:
        return None
    verdict = _Verdict(CONFIDENCES.index(phrase.confidence), 0, phrase.reported, [])
    in_quote = next(((a, b) for a, b in quotes if a <= start and end <= b), None)
    if in_quote is not None:
        if cues.regex["media"].search(plain[max(0, in_quote[0] - 120) : in_quote[1] + 80]):
            return None  # a lyric, a line from a film or book
        verdict.reported = True
    elif cues.regex["media"].search(sentence):
        verdict.lower("about a song, film or book")
    if cues.regex["speech"].search(_sentence_start(cues, plain, start)):
        verdict.reported = True
    if past:
        verdict.lower("past")
    elif resolved:
        verdict.lower("said to be over")
    if cues.regex["agreed"].search(context):
        verdict.lower("described as agreed")
    if cues.regex["joking"].search(context):
        verdict.lower("joking")
    return verdict


def _for_category(
    book: PhraseBook,
    phrase: Phrase,
    category: str,
    match: re.Match[str],
    clause: str,
    verdict: _Verdict,
) -> tuple[int, bool, list[str]] | None:
    """The shared verdict adjusted for one category: hypotheticals, partners, whose risk."""
    cues = book.cues
    level, reported, reasons = verdict.level, verdict.reported, list(verdict.reasons)
    if category != "self_harm" and cues.partner.search(match.group()):
        level, reasons = min(level + 1, 2), ["names a partner", *reasons]
    level = max(0, level - verdict.steps_down)
    if not phrase.conditional_threat and _hypothetical(cues, clause, match):
        if book.categories[category].on_hypothetical == "drop":
            return None
        level, reasons = max(0, level - 1), [*reasons, "hypothetical"]
    if category == "self_harm" and (
        cues.regex["others_reflexive"].search(match.group())
        or cues.regex["third_person"].search(clause)
    ):
        reported = True
    return level, reported, reasons


def _clause_before(cues: Cues, plain: str, start: int) -> str:
    """The text between the last clause break and the match."""
    before = plain[max(0, start - _LOOK_BACK) : start]
    last_break = 0
    for found in cues.regex["clause_break"].finditer(before):
        last_break = found.end()
    return before[last_break:]


def _sentence_start(cues: Cues, plain: str, start: int) -> str:
    before = plain[max(0, start - _SENTENCE_REACH) : start]
    last_break = 0
    for found in cues.regex["sentence_break"].finditer(before):
        last_break = found.end()
    return before[last_break:]


def _sentence_around(cues: Cues, plain: str, start: int, end: int) -> tuple[str, str]:
    """The match's sentence with the match blanked out, and what follows it (the next
    sentence, or a few characters such as a trailing "lol")."""
    head = _sentence_start(cues, plain, start)
    rest = plain[end : end + _SENTENCE_REACH]
    stop = cues.regex["sentence_break"].search(rest)
    tail = rest[: stop.start()] if stop else rest
    after = rest[stop.end() :] if stop else ""
    following = cues.regex["sentence_break"].search(after)
    next_sentence = after[: following.start()] if following else after
    if len(_TOKEN.findall(next_sentence)) > 8:
        next_sentence = next_sentence[:25]
    return f"{head} {' ' * (end - start)} {tail}", next_sentence


def _words(cues: Cues, text: str) -> list[str]:
    cleaned = cues.regex["not_negations"].sub(" ", text.lower())
    return [word for word in _TOKEN.findall(cleaned)]


def _is_negator(cues: Cues, word: str) -> bool:
    negators = cues.words["negators"]
    return word in negators or word.replace("'", "") in negators or word.endswith("n't")


def _negated(cues: Cues, phrase: Phrase, clause: str, matched: str) -> bool:
    """A negator among the last two content words before the match, or (unless the pattern's
    own "not" is the risk) anywhere inside it."""
    fillers = cues.words["fillers"]
    content = [word for word in _words(cues, clause) if word not in fillers][-2:]
    if any(_is_negator(cues, word) for word in content):
        return True
    if phrase.risk_negation:
        return False
    return any(_is_negator(cues, word) for word in _words(cues, matched))


def _hypothetical(cues: Cues, clause: str, match: re.Match[str]) -> bool:
    """ "if", "imagine", "suppose"... right before the match, and no "again"."""
    fillers = cues.words["fillers"] | {"he", "she", "they", "my", "you"}
    near = [word for word in _words(cues, clause) if word not in fillers][-3:]
    if not any(word in cues.words["hypothetical"] for word in near):
        return False
    following = match.string[match.end() : match.end() + 60]
    return not cues.regex["again"].search(match.group() + " " + following)


def _best_per_place(signals: list[RiskSignal]) -> list[RiskSignal]:
    """Where patterns of one category overlap, keep the surest, then the longest."""
    ranked = sorted(
        signals,
        key=lambda s: (-CONFIDENCES.index(s.confidence), s.span[0] - s.span[1], s.span[0]),
    )
    kept: list[RiskSignal] = []
    for signal in ranked:
        if not any(
            other.category == signal.category
            and other.span[0] < signal.span[1]
            and signal.span[0] < other.span[1]
            for other in kept
        ):
            kept.append(signal)
    return sorted(kept, key=lambda s: (s.span[0], CATEGORIES.index(s.category)))
