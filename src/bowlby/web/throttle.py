"""Slow down passphrase guessing through the web app.

Argon2id already makes each guess cost a fraction of a second; after a few wrong passphrases
for one profile, further attempts wait for a growing pause. Kept in server memory: a restart
forgets it, which a person locked out by mistake may also welcome.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bowlby.errors import TooManyAttempts

FREE_ATTEMPTS = 5
FIRST_PAUSE = timedelta(seconds=30)
LONGEST_PAUSE = timedelta(minutes=15)


@dataclass
class _Failures:
    count: int = 0
    blocked_until: datetime | None = None


class SignInThrottle:
    def __init__(self, clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self._clock = clock
        self._failures: dict[str, _Failures] = {}
        self._lock = threading.Lock()

    def check(self, name: str) -> None:
        """Refuse an attempt while the profile's pause lasts."""
        with self._lock:
            failures = self._failures.get(name.casefold())
            now = self._clock()
            if failures and failures.blocked_until and failures.blocked_until > now:
                seconds = math.ceil((failures.blocked_until - now).total_seconds())
                raise TooManyAttempts(
                    f"Too many wrong passphrases for this profile. Try again in {seconds} "
                    "seconds. If you have forgotten it, `bowlby passphrase reset` with your "
                    "recovery key sets a new one."
                )

    def failed(self, name: str) -> None:
        with self._lock:
            failures = self._failures.setdefault(name.casefold(), _Failures())
            failures.count += 1
            extra = failures.count - FREE_ATTEMPTS
            if extra >= 0:
                pause = min(FIRST_PAUSE * (2**extra), LONGEST_PAUSE)
                failures.blocked_until = self._clock() + pause

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._failures.pop(name.casefold(), None)
