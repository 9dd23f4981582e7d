"""The latin-1 mojibake repair: every mojibake undone, correct text never touched."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bowlby.chats.mojibake import repair_mojibake

# Correct text whose non-ASCII latin-1 characters are letters (é, ü, ß…) together with
# anything beyond latin-1 (emoji, Cyrillic, Hebrew): no UTF-8 continuation byte (0x80–0xBF)
# can appear when it is encoded to latin-1, so it never decodes as UTF-8 into something else.
correct_text = st.text(
    alphabet=st.characters(
        exclude_categories=("Cs",), exclude_characters=[chr(c) for c in range(0x80, 0xC0)]
    )
)


def mojibake_of(text: str) -> str:
    """What Facebook's exports write: each UTF-8 byte as its own code point."""
    return text.encode("utf-8").decode("latin-1")


@given(st.text(alphabet=st.characters(exclude_categories=("Cs",))))
def test_mojibake_of_any_text_is_always_repaired(text):
    assert repair_mojibake(mojibake_of(text)) == text


@given(correct_text)
def test_correct_text_is_never_changed(text):
    assert repair_mojibake(text) == text


def test_examples_from_real_exports():
    assert repair_mojibake("Caf\u00c3\u00a9") == "Café"
    assert repair_mojibake("\u00f0\u009f\u0098\u0082") == "😂"
    assert repair_mojibake("Café 😂") == "Café 😂"
    assert repair_mojibake("é") == "é"
    assert repair_mojibake("plain") == "plain"
