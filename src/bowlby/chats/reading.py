"""The one pass over a message behind ``patterns.analyse_text``: split it into words, find
the cues, then read each cue with its neighbours (negation, who it is said of, the rest of
the clause, sarcasm, laughter) into label weights, a tone and evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bowlby.chats.lexicons import LONG_RUN, Lexicon, load_lexicon
from bowlby.chats.message_words import Hit, Reading, Words, clause_after, find_hits, split_message

LOOK_BACK = 3
SCARE_QUOTES = re.compile(
    r"\b(?:(?:your|ur|his|her|their)\s+[\"'“‘][^\s\"'“”‘’]+|so[- ]called\s+[\"'“‘][^\"“”‘’]{1,30})"
    r"[\"'”’]"
)
NEVER_WORDS = frozenset({"never", "rarely", "hardly", "seldom"})
PRONOUNS = frozenset({"i", "you", "we", "it", "he", "she", "they", "that", "this"})
WE_WORDS = frozenset({"we", "us", "both", "lets", "our", "together"})
SELF_WORDS = frozenset({"i", "me", "myself"}) | WE_WORDS  # "you're my idiot" is not self-blame
CONTRASTS = frozenset({"but"})
BEFORE_CONTRAST = 0.5  # "I love you but I'm hurt": the clause after "but" carries the tone
LAUGHED_OFF = 0.5  # the share of a grumble's bad tone that laughter in a warm message eases


COUNTED = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|a dozen|so many)\s+"
    r"(?:missed calls?|calls|texts|messages|voice ?notes|times)\b",
    re.IGNORECASE,
)
PERSON_WINDOW = 5
WHOLE_LONGEST = 30  # "hellooooooooo??" still counts; the listed replies are all shorter


@dataclass
class Pass:
    """One message being read: its words, its cues, and what has been concluded so far."""

    words: Words
    hits: list[Hit]
    lexicon: Lexicon
    reading: Reading = field(default_factory=Reading)
    positive: float = 0.0
    negative: float = 0.0
    sarcasm: list[Hit] = field(default_factory=list)
    laughs: list[Hit] = field(default_factory=list)
    reassurance: list[Hit] = field(default_factory=list)
    floor: int = 0  # where the last labelled phrase ended: its "never" negates nothing after
    insults: list[Hit] = field(default_factory=list)
    contrast: int = 0  # the word after the last "but": what comes before it weighs less
    after: bool = True  # whether the cue being read stands after that "but"
    sour_sides: set[bool] = field(default_factory=set)  # sides of the "but" with a bad tone
    circumstance: bool = False  # whether a circumstance ("traffic", "delayed") has been read
    light: float = 0.0  # negative tone from unlabelled words ("knackered"), which laughter eases
    warm_words: bool = False  # whether an unlabelled word had a good tone ("amazing")

    def tone(self, amount: float) -> None:
        if not self.after:
            amount *= BEFORE_CONTRAST
        if amount > 0:
            self.positive += amount
        else:
            self.negative -= amount
            self.sour_sides.add(self.after)

    def give(self, label: str, weight: float, hit: Hit, signal: str = "") -> None:
        words = self.words
        self.reading.add(
            label,
            weight,
            signal or hit.cue.signal,
            words.said(hit.first, hit.last),
            words.span(hit.first, hit.last),
        )

    def before(self, hit: Hit, wanted: frozenset[str], window: int = LOOK_BACK) -> bool:
        tokens = self.words.words
        for index in range(hit.first - 1, max(-1, hit.first - 1 - window), -1):
            if tokens[index] in wanted:
                return True
            if tokens[index] in self.lexicon.boundaries:
                return False
        return False

    def negated(self, hit: Hit) -> bool:
        """A negator just before the cue, within its clause; a bare "no" only right before
        it and not before a pronoun ("no fun"), as "no you didn't do anything wrong" answers
        rather than negates."""
        if hit.cue.signal != "words":
            return False
        words = self.words.words
        answers = words[hit.first] in PRONOUNS
        lexicon = self.lexicon
        for index in range(hit.first - 1, max(self.floor - 1, hit.first - 1 - LOOK_BACK), -1):
            word = words[index]
            if word in lexicon.negators and (
                word != "no" or (index == hit.first - 1 and not answers)
            ):
                return True
            if word in lexicon.boundaries:
                return False
        return False

    def said_of(self, hit: Hit, wanted: frozenset[str]) -> bool:
        """Whether a trait is said of ``wanted``: in the phrase itself ("you're the best"),
        just before it ("you are so selfish"), or just after ("sweet of you")."""
        tokens = self.words.words
        inside = tokens[hit.first : hit.last]
        after = tokens[hit.last : hit.last + 2]
        return (
            bool(wanted.intersection(inside))
            or self.before(hit, wanted, PERSON_WINDOW)
            or (len(after) == 2 and after[0] == "of" and after[1] in wanted)
        )


def flip(state: Pass, hit: Hit) -> None:
    """A negated cue: "not happy" is unhappy, "not bad" only a little good."""
    valence = hit.cue.valence
    state.tone(-valence * 0.5 if valence > 0 else -valence * 0.25)


def read_plain(state: Pass, hit: Hit, negated: bool) -> None:
    cue = hit.cue
    if negated:
        flip(state, hit)
        return
    state.tone(cue.valence)
    if cue.label:
        state.give(cue.label, cue.weight, hit)
    elif cue.valence < 0:
        state.light -= cue.valence * (1.0 if state.after else BEFORE_CONTRAST)
    elif cue.valence > 0:
        state.warm_words = True


def read_circumstance(state: Pass, hit: Hit, negated: bool) -> None:
    """Traffic, a delay, a broken train: a logistics update is information, not hostility,
    so only the first circumstance in a message gives its faint tone ("stuck in traffic,
    train delayed" is no more negative than "stuck in traffic"). Feelings about it ("ugh",
    "I'm fuming", "sick of") carry the tone."""
    if negated or state.circumstance:
        return
    state.circumstance = True
    read_plain(state, hit, negated)


def read_said_of(state: Pass, hit: Hit, negated: bool) -> None:
    """A trait or an insult: criticism or contempt when said of "you", taking responsibility
    when said of oneself ("I was selfish")."""
    lexicon = state.lexicon
    unkind = hit.cue.valence < 0
    of_you = state.said_of(hit, lexicon.second_person)
    if negated:
        flip(state, hit)
        if unkind and of_you:  # "you're not selfish": reassurance
            state.tone(1.0)
            state.give("repair", 1.0, hit, "reassurance")
        return
    if state.said_of(hit, SELF_WORDS):
        if unkind:  # "I was selfish", "we're both being ridiculous"
            state.give("repair", 0.5, hit, "said of oneself")
        return
    state.tone(hit.cue.valence)
    state.warm_words = state.warm_words or hit.cue.valence > 0  # "the trip was amazing"
    if of_you or hit.cue.kind == "insult":
        state.give(hit.cue.label, hit.cue.weight, hit)
        if hit.cue.kind == "insult":
            state.insults.append(hit)


def read_feeling(state: Pass, hit: Hit, negated: bool) -> None:
    """A soft feeling is vulnerability when it is one's own ("I feel scared")."""
    if negated:
        flip(state, hit)
        return
    state.tone(hit.cue.valence)
    following = state.words.words[hit.last : hit.last + 1]
    if following == ["you"]:  # "I hurt you" is something done, not a feeling disclosed
        return
    if state.before(hit, state.lexicon.first_person, PERSON_WINDOW):
        state.give("vulnerability", hit.cue.weight, hit)


def read_absolute(state: Pass, hit: Hit, negated: bool) -> None:
    """ "You always/never …" is criticism unless the rest of the clause is kind: "you always
    make me laugh", "you never let me down"."""
    following = clause_after(state.hits, state.words, hit.last, state.lexicon)
    tone = sum(other.cue.valence for other in following if other.cue.kind != "absolute")
    if NEVER_WORDS.intersection(state.words.words[hit.first : hit.last]):
        tone = -tone
    if tone > 0:
        state.tone(1.0)
        state.give("appreciation", 1.0, hit, "kind absolute")
    else:
        state.tone(-1.0)
        state.give("criticism", 1.0, hit)


def read_opening(state: Pass, hit: Hit, negated: bool) -> None:
    """ "Anyway, …" at the start of a message turns away from what was being said."""
    if hit.first == 0:
        read_plain(state, hit, negated)


def read_reassurance(state: Pass, hit: Hit, negated: bool) -> None:
    """ "I'm not mad", "we're ok": repair, unless the message goes on to a hurt of its own."""
    if not negated:
        state.tone(hit.cue.valence)
        state.reassurance.append(hit)


def read_intensifier(state: Pass, hit: Hit, negated: bool) -> None:
    """Slang "mad", "bare", "hella" before another cue only strengthen it ("mad funny",
    "mad proud of you"); alone, "mad" is angry."""
    if not any(other.first == hit.last for other in state.hits):
        read_plain(state, hit, negated)


def read_nothing(state: Pass, hit: Hit, negated: bool) -> None:
    """Kind and hurtful acts only matter after "you always/never"."""


def read_sarcasm(state: Pass, hit: Hit, negated: bool) -> None:
    state.sarcasm.append(hit)


def read_laugh(state: Pass, hit: Hit, negated: bool) -> None:
    state.tone(hit.cue.valence)
    state.laughs.append(hit)


READERS = {
    "words": read_plain,
    "you_trait": read_said_of,
    "insult": read_said_of,
    "feeling": read_feeling,
    "absolute": read_absolute,
    "opening": read_opening,
    "reassurance": read_reassurance,
    "intensifier": read_intensifier,
    "kind_act": read_nothing,
    "hurtful_act": read_nothing,
    "sarcasm": read_sarcasm,
    "laugh": read_laugh,
    "circumstance": read_circumstance,
}


def read_message(text: str) -> Reading:
    """Read one message into label weights, a tone and evidence."""
    lexicon = load_lexicon()
    words = split_message(text, lexicon)
    state = Pass(words, find_hits(words, lexicon), lexicon)
    read_whole(state)
    state.contrast = last_contrast(words.words)
    for hit in state.hits:
        if words.quoted[hit.first]:
            continue  # reported speech: "she said 'you never listen'" is not said to you
        state.after = hit.first >= state.contrast
        READERS[hit.cue.kind](state, hit, state.negated(hit))
        if hit.cue.label:
            state.floor = hit.last
    state.after = True
    read_punctuation(state)
    read_sarcasm_through(state)
    read_reassurance_through(state)
    read_laughter(state)
    state.reading.valence = state.positive - state.negative
    return state.reading


def last_contrast(words: list[str]) -> int:
    """The word after the last "but" (0 when there is none): the turn a message takes there
    is what it means ("traffic was hell but I'm home now ❤️")."""
    for index in range(len(words) - 1, 0, -1):
        if words[index] in CONTRASTS:
            return index + 1
    return 0


def read_whole(state: Pass) -> None:
    """A whole message that is only "k." or "hello??" says more than its words."""
    text = state.words.text
    stripped = text.strip()
    if len(stripped) > WHOLE_LONGEST:
        return
    lowered = stripped.lower().replace("’", "'")
    whole = state.lexicon.whole_messages
    label = (
        whole.get(lowered)
        or whole.get(LONG_RUN.sub(r"\1", lowered))
        or whole.get(LONG_RUN.sub(r"\1\1", lowered))
    )
    if label:
        start = text.index(stripped)
        state.reading.add(label, 1.0, "short reply", stripped, (start, start + len(stripped)))
        state.tone(-1.0)


def read_punctuation(state: Pass) -> None:
    """ "??" pings and counted calls are protest."""
    text = state.words.text
    where = text.find("??")
    if where >= 0:
        end = where
        while end < len(text) and text[end] in "?!":
            end += 1
        state.reading.add("protest", 0.5, "punctuation", text[where:end], (where, end))
        state.tone(-0.5)
    for match in COUNTED.finditer(text):
        state.reading.add("protest", 1.0, "counting", match.group(), match.span())
        state.tone(-1.0)
    for match in SCARE_QUOTES.finditer(text):
        state.reading.add("contempt", 1.0, "quotes", match.group(), match.span())
        state.tone(-1.0)


def read_sarcasm_through(state: Pass) -> None:
    """Praise beside an eye-roll or a complaint is mockery: "great, thanks a lot 🙄"."""
    reading = state.reading
    rolled = any(item.signal == "emoji" and item.label == "contempt" for item in reading.evidence)
    mocking = reading.weights.get("contempt", 0.0) > 0
    soured = any((hit.first >= state.contrast) in state.sour_sides for hit in state.sarcasm)
    if not rolled and not (state.sarcasm and (mocking or soured)):
        return
    for hit in state.sarcasm:
        state.give("contempt", 1.0, hit, "sarcasm")
    if "appreciation" in reading.weights:
        del reading.weights["appreciation"]
        reading.evidence = [item for item in reading.evidence if item.label != "appreciation"]
    state.negative += state.positive
    state.positive = 0.0


def read_reassurance_through(state: Pass) -> None:
    """ "I'm not mad, I'm sad" is a hurt, not a repair; "I'm not mad at you" is a repair."""
    if not state.reassurance:
        return
    if state.reading.weights.get("vulnerability", 0.0) >= 0.5:
        state.positive -= sum(hit.cue.valence for hit in state.reassurance)
        return
    for hit in state.reassurance:
        state.give("repair", hit.cue.weight, hit)


def teasing(state: Pass) -> bool:
    """Name-calling followed by love, or laughing beside love ("you absolute muppet 😂 love
    you"), is teasing, while a bare "what an idiot 😂" still mocks: the insult is taken back
    out of the labels and the tone."""
    if not state.insults or state.reading.weights.get("criticism", 0.0) > 0:
        return False
    insulted = state.words.ends[state.insults[-1].last - 1]
    warm = [item.start for item in state.reading.evidence if item.label == "appreciation"]
    if not any(start >= insulted or state.laughs for start in warm):
        return False
    reading = state.reading
    reading.weights.pop("contempt", None)
    reading.evidence = [item for item in reading.evidence if item.label != "contempt"]
    state.negative -= sum(-hit.cue.valence for hit in state.insults)
    return True


COLD_LABELS = ("protest", "criticism", "contempt", "defensiveness", "stonewalling")


def read_laughter(state: Pass) -> None:
    """Laughter beside an apology or a "we" eases things; beside an insult it mocks, unless
    the insult is teasing. In a mixed message with nothing cold in it ("the trip was amazing
    but I'm knackered lol") it makes the grumble light: the plain words' bad tone counts half.
    """
    if teasing(state) or not state.laughs:
        return
    weights = state.reading.weights
    if state.warm_words and not any(weights.get(label, 0.0) > 0 for label in COLD_LABELS):
        state.negative -= state.light * LAUGHED_OFF
    if weights.get("contempt", 0.0) > 0 or weights.get("criticism", 0.0) > 0:
        for hit in state.laughs:
            state.give("contempt", 0.5, hit, "mocking laughter")
    elif weights.get("repair", 0.0) > 0 or WE_WORDS.intersection(state.words.words):
        for hit in state.laughs:
            state.give("repair", 0.5, hit, "humour")
