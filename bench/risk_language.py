"""Risk-language speed: how many chat messages and journal entries a second are checked.

Builds a synthetic mix (mostly everyday messages, about one in twenty with a sign of danger,
and a few long journal entries), checks each once, and prints messages per second. Not a
test: run `python bench/risk_language.py` (optionally with a message count).
"""

from __future__ import annotations

import random
import sys
import time

from bowlby.safety.risk_language import find_risk_language

EVERYDAY = [
    "Running late, traffic is killing me, be there in 20",
    "Did you remember to buy milk? We're out again",
    "Love you! Can't wait for the weekend :)",
    "I'm dying to see that new film, are you free on Friday?",
    "She's killing it at work lately, so proud of her",
    "Can you pick the kids up at 4? I have a meeting that won't end",
    "I'd die for a coffee right now honestly",
    "Why didn't you text back? I was a bit worried but it's fine",
    "I'm not afraid of him, he's just loud when he watches football",
    "We talked about the holiday and I think we agreed on Portugal",
    "I felt anxious when you went quiet, can we talk tonight?",
    "He doesn't check my phone anymore and I'm glad we worked through that",
]
RISKY = [
    "I can't go on like this",
    "He said he'd kill me if I ever left",
    "I'm scared of what he'll do when he gets home",
    "He checks my phone every night and won't let me see my friends",
    "He keeps showing up at my work even though I blocked him",
    "Honestly nobody would miss me",
]
JOURNAL = (
    "Today was hard. We argued about money again and I noticed the old urge to pull away. "
    "I wrote down the thought: he doesn't care. Evidence for: he was on his phone. Evidence "
    "against: he made dinner and asked about my day. I rated my belief at 60, then 35. "
)


def messages(count: int, seed: int = 8) -> list[str]:
    rng = random.Random(seed)
    made = []
    for n in range(count):
        if n % 100 == 0:
            made.append(JOURNAL * rng.randint(2, 6))
        elif rng.random() < 0.05:
            made.append(rng.choice(RISKY))
        else:
            made.append(rng.choice(EVERYDAY))
    return made


def main(count: int = 20_000) -> None:
    batch = messages(count)
    find_risk_language("warm up the compiled patterns")
    started = time.perf_counter()
    hits = sum(1 for message in batch if find_risk_language(message))
    elapsed = time.perf_counter() - started
    characters = sum(len(message) for message in batch)
    print(f"{count:,} messages ({characters / 1e6:.1f} M characters) in {elapsed:.2f} s")
    print(f"{count / elapsed:,.0f} messages a second; {hits:,} with a sign of danger")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
