"""Telegram Desktop's result.json: one chat or the whole account, text as a string or as
entities, epoch times, service messages, media, edits, and where each message starts."""

from __future__ import annotations

import pytest

from bowlby.chats.messages import MessageKind
from bowlby.errors import InputError
from tests.chats.parsing import DATA, parse_file, problems, rows

TELEGRAM = DATA / "telegram"
FIRST_TWO = [
    (6, "2026-11-24T18:30:00+00:00", "Maya", "Hi 👋 are you free tonight?", MessageKind.TEXT),
    (21, "2026-11-24T18:31:00+00:00", "Jordan", "See https://example.org — ok?", MessageKind.TEXT),
]


def test_a_single_chat_export_reads_every_kind_of_message_at_its_line():
    messages, report = parse_file(TELEGRAM / "result.json")
    assert report.format == "telegram"
    assert rows(messages) == [
        *FIRST_TWO,
        (37, "2026-11-24T18:32:00+00:00", "", "Jordan: phone call", MessageKind.SYSTEM),
        (48, "2026-11-24T18:33:00+00:00", "Maya", "[photo] sunset\u202fnow", MessageKind.MEDIA),
        (60, "2026-11-24T18:34:00+00:00", "Jordan", "[sticker]", MessageKind.MEDIA),
        (
            72,
            "2026-11-24T18:35:00+00:00",
            "Maya",
            "שלום\u200f, sorry\nsecond line",
            MessageKind.EDITED,
        ),
        (83, "2026-11-24T18:37:00+00:00", "Jordan", "[voice message]", MessageKind.MEDIA),
        (95, "2026-11-24T18:38:00+00:00", "", "Maya: pin message", MessageKind.SYSTEM),
    ]
    assert report.skipped == 0


def test_the_offset_less_date_is_ignored_in_favour_of_date_unixtime():
    messages, _ = parse_file(TELEGRAM / "result.json")
    # the fixture's "date" says 19:30 (local to whoever exported it); the epoch says 18:30 UTC
    assert messages[0].sent_at.isoformat() == "2026-11-24T18:30:00+00:00"


def test_a_full_account_export_reads_its_one_personal_chat():
    messages, report = parse_file(TELEGRAM / "full_export.json")
    assert report.format == "telegram"
    assert [(line, sender) for line, _, sender, _, _ in rows(messages)] == [
        (30, "Maya"),
        (45, "Jordan"),
    ]


def test_a_full_export_with_several_personal_chats_says_how_to_choose():
    path = TELEGRAM / "two_personal_chats.json"
    with pytest.raises(InputError) as raised:
        parse_file(path)
    assert raised.value.message == (
        f"{path}, line 1: this Telegram export holds 2 personal chats (Jordan, Sam); in "
        "Telegram Desktop open the one chat you mean, choose ⋮ → Export chat history → JSON, "
        "and import that file."
    )


def test_a_message_without_its_time_is_skipped_and_reported_not_fatal():
    messages, report = parse_file(TELEGRAM / "missing_time.json")
    assert [message.line for message in messages] == [6, 27]
    assert report.skipped == 1
    assert problems(report) == [(21, "a Telegram message without its time or sender")]


def test_a_file_cut_short_is_broken_json_at_its_file_and_line():
    path = TELEGRAM / "cut_short.json"
    with pytest.raises(InputError) as raised:
        parse_file(path)
    assert (raised.value.file, raised.value.line) == (str(path), 49)
    assert "the JSON is broken here" in raised.value.message
    assert "export the chat again" in raised.value.message


def test_an_empty_file_given_as_telegram_says_it_is_empty(tmp_path):
    path = tmp_path / "result.json"
    path.write_text("")
    with pytest.raises(InputError, match=r"line 1: the file is empty; export the chat again"):
        parse_file(path, format="telegram")


def test_json_that_is_not_an_object_is_not_a_telegram_export(tmp_path):
    path = tmp_path / "result.json"
    path.write_text("[1, 2]")
    with pytest.raises(InputError, match="this is JSON, but not a Telegram export"):
        parse_file(path, format="telegram")
