"""One error tree for the whole product.

Each interface translates these in one place: the CLI to an exit code and a readable message,
the web app to one JSON body and one HTML page. Messages are written for the person reading
them: what went wrong, where, and what to do next.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import ValidationError


class BowlbyError(Exception):
    """Base of every error Bowlby raises on purpose."""

    exit_code = 1
    http_status = 400
    code = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(BowlbyError):
    """Something the person gave us is not usable; says which file, line and field.

    ``message`` carries the place in front; ``detail`` is the bare sentence, for a form that
    shows it next to the field itself.
    """

    exit_code = 2
    http_status = 422
    code = "invalid_input"

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.file = file
        self.line = line
        self.field = field
        self.detail = message
        super().__init__(_locate(message, file, line, field))


class NotFound(BowlbyError):
    exit_code = 3
    http_status = 404
    code = "not_found"


class NotShared(BowlbyError):
    """The thing exists but its owner has not shared it with the person asking.

    Interfaces show it exactly like NotFound so that nobody learns what exists.
    """

    exit_code = 3
    http_status = 404
    code = "not_found"


class WrongPassphrase(BowlbyError):
    exit_code = 4
    http_status = 401
    code = "wrong_passphrase"


class NotSignedIn(BowlbyError):
    exit_code = 4
    http_status = 401
    code = "not_signed_in"


class TooManyAttempts(BowlbyError):
    """Sign-in is paused for a while after several wrong passphrases."""

    exit_code = 4
    http_status = 429
    code = "too_many_attempts"


class DamagedData(BowlbyError):
    """Stored or supplied data failed its integrity check: not a wrong passphrase."""

    exit_code = 5
    http_status = 500
    code = "damaged_data"


class StoreUnavailable(BowlbyError):
    """The database cannot be opened, reached or used by this version of Bowlby."""

    exit_code = 6
    http_status = 503
    code = "store_unavailable"


class Conflict(BowlbyError):
    """The request clashes with what is already there (a name taken, a code used)."""

    exit_code = 7
    http_status = 409
    code = "conflict"


class PausedForSafety(BowlbyError):
    """A tool that coaches closeness with the partner, asked for while safety mode is on."""

    exit_code = 8
    http_status = 403
    code = "paused_for_safety"


def first_problem(error: ValidationError) -> tuple[str | None, str]:
    """The first field pydantic found wrong and its message, without pydantic's "Value error,"
    prefix, for the interfaces to turn into an InputError in their own words."""
    first = error.errors()[0]
    field = str(first["loc"][0]) if first["loc"] else None
    return field, first["msg"].removeprefix("Value error, ")


def _locate(message: str, file: str | None, line: int | None, field: str | None) -> str:
    where = [part for part in (file, f"line {line}" if line else None) if part]
    if field:
        where.append(f"field '{field}'")
    return f"{', '.join(where)}: {message}" if where else message
