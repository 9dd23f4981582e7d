"""Reading the safety package's own data files, with a clear error when one is damaged.

The phrases, messages, checklist and resource lines live as JSON so their wording can be
reviewed in one sitting; each loader checks the shape it relies on before using it.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from bowlby.errors import DamagedData


def read_data(name: str) -> dict[str, Any]:
    """The parsed JSON of ``safety/data/<name>``, a fresh copy each call."""
    text = resources.files("bowlby.safety").joinpath("data", name).read_text("utf-8")
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as error:
        raise DamagedData(f"safety/data/{name} is not valid JSON: {error}") from error
    if not isinstance(parsed, dict):
        raise DamagedData(f"safety/data/{name} should hold a JSON object")
    return parsed


def require(value: Any, kind: type | tuple[type, ...], where: str) -> Any:
    """``value`` when it is of ``kind``; otherwise DamagedData naming the place in the file."""
    if isinstance(value, bool) and kind in (int, float, (int, float)):
        raise DamagedData(f"{where}: expected a number, found {value!r}")
    if not isinstance(value, kind):
        raise DamagedData(f"{where}: expected {_kind_name(kind)}, found {type(value).__name__}")
    return value


def text_at(data: dict[str, Any], key: str, where: str) -> str:
    """A non-empty string field, or DamagedData."""
    value = require(data.get(key), str, f"{where}.{key}")
    if not value.strip():
        raise DamagedData(f"{where}.{key}: is empty")
    return str(value)


def _kind_name(kind: type | tuple[type, ...]) -> str:
    if isinstance(kind, tuple):
        return " or ".join(k.__name__ for k in kind)
    return kind.__name__
