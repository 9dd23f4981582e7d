"""Undoing the latin-1 mojibake of Facebook's exports (Messenger, Instagram).

Their JSON writes each UTF-8 byte as its own ``\\u00xx`` code point, so ``é`` arrives as
``Ã©`` and an emoji as four odd characters. The repair is guarded: a string is changed only
when it encodes to latin-1 and those bytes decode as valid UTF-8 into something different, so
text that is already correct (a real ``é``, an emoji, Cyrillic) is left alone.
"""

from __future__ import annotations


def repair_mojibake(text: str) -> str:
    """The text as it was typed, or ``text`` itself when it is not mojibake."""
    if text.isascii():
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except UnicodeError:  # a character beyond latin-1, or bytes that are not UTF-8
        return text
