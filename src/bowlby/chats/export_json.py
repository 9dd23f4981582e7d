"""Reading the JSON exports (Telegram, Messenger, Instagram, Discord): the whole document
decoded once with a clear error for a broken file, and the line where each message object
starts, found by decoding the messages array again element by element with
``json.JSONDecoder.raw_decode``, which reports where every element ends."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from typing import Any

from bowlby.errors import InputError

_DECODER = json.JSONDecoder()
_BETWEEN_ITEMS = re.compile(r"[\s,]*")


def load_json(name: str, text: str) -> Any:
    """The decoded document; an empty or broken file is an InputError at its line."""
    if not text.strip():
        raise InputError("the file is empty; export the chat again.", file=name, line=1)
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            f"the JSON is broken here ({error.msg}); the file may be cut short, so export "
            "the chat again.",
            file=name,
            line=error.lineno,
        ) from None


def items_with_lines(text: str, key: str, items: Sequence[Any]) -> Iterator[tuple[int, Any]]:
    """Each of ``items`` (the decoded array under ``key``) with the 1-based line where it
    starts in ``text``; the array is the first one under ``key`` whose first element equals
    ``items[0]`` (a full Telegram export holds one such array per chat)."""
    if not items:
        return
    start = _array_start(text, key, items[0])
    if start is None:  # not found (an unusual layout): every message on the first line
        yield from ((1, item) for item in items)
        return
    yield from zip(_item_lines(text, start), items, strict=False)


def _array_start(text: str, key: str, first: Any) -> int | None:
    for match in re.finditer(rf'"{re.escape(key)}"\s*:\s*\[\s*', text):
        try:
            candidate, _ = _DECODER.raw_decode(text, match.end())
        except json.JSONDecodeError:
            continue
        if candidate == first:
            return match.end()
    return None


def _item_lines(text: str, position: int) -> Iterator[int]:
    line = 1 + text.count("\n", 0, position)
    while position < len(text) and text[position] != "]":
        _, end = _DECODER.raw_decode(text, position)
        yield line
        following = _BETWEEN_ITEMS.match(text, end)
        next_position = following.end() if following else end
        line += text.count("\n", position, next_position)
        position = next_position
