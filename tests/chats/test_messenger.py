"""Facebook Messenger and Instagram JSON: mojibake repaired, newest-first reversed, media,
unsent messages and calls, and a message without its sender skipped."""

from __future__ import annotations

import json

import pytest

from bowlby.chats.messages import MessageKind
from bowlby.errors import InputError
from tests.chats.parsing import DATA, parse_file, problems, rows


def test_messenger_is_read_oldest_first_with_its_mojibake_repaired():
    messages, report = parse_file(DATA / "messenger" / "message_1.json")
    assert report.format == "messenger"
    assert rows(messages) == [
        (71, "2026-11-24T18:30:00+00:00", "Zoë", "Café tonight? 😊", MessageKind.TEXT),
        (
            65,
            "2026-11-24T18:31:00+00:00",
            "Jordan",
            "Sure — see you at 8\nlove you",
            MessageKind.TEXT,
        ),
        (54, "2026-11-24T18:32:00+00:00", "Zoë", "[photo]", MessageKind.MEDIA),
        (46, "2026-11-24T18:33:00+00:00", "Jordan", "[sticker]", MessageKind.MEDIA),
        (39, "2026-11-24T18:34:00+00:00", "Zoë", "[message unsent]", MessageKind.DELETED),
        (31, "2026-11-24T18:35:00+00:00", "", "Jordan called you.", MessageKind.SYSTEM),
        (23, "2026-11-24T18:36:00+00:00", "Jordan", "https://example.org/a", MessageKind.TEXT),
        (11, "2026-11-24T18:37:00+00:00", "Zoë", "naïve ✨", MessageKind.TEXT),
    ]


def test_instagram_is_read_by_the_same_format_and_equal_times_keep_their_order():
    messages, report = parse_file(DATA / "instagram" / "message_1.json")
    assert report.format == "messenger"
    assert rows(messages) == [
        (44, "2026-11-24T18:30:00+00:00", "maya.k", "¿Vienes? ❤️", MessageKind.TEXT),
        (33, "2026-11-24T18:31:00+00:00", "jordan_r", "Look 👀", MessageKind.TEXT),
        (22, "2026-11-24T18:31:00+00:00", "maya.k", "[video]", MessageKind.MEDIA),
        (11, "2026-11-24T18:32:00+00:00", "jordan_r", "[voice message]", MessageKind.MEDIA),
    ]


def test_a_message_without_its_sender_is_skipped_and_reported():
    messages, report = parse_file(DATA / "messenger" / "missing_sender.json")
    assert [(message.line, message.sender) for message in messages] == [
        (21, "Zoë"),
        (11, "Jordan"),
    ]
    assert problems(report) == [(17, "a message without its sender or time")]


def test_correct_unicode_in_an_export_is_left_alone(tmp_path):
    path = tmp_path / "message_1.json"
    document = {
        "participants": [{"name": "Zoë"}],
        "messages": [{"sender_name": "Zoë", "timestamp_ms": 0, "content": "é ❤️ Ã"}],
    }
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    messages, _ = parse_file(path)
    assert [(message.sender, message.text) for message in messages] == [("Zoë", "é ❤️ Ã")]


def test_broken_json_names_its_file_and_line(tmp_path):
    path = tmp_path / "message_1.json"
    whole = (DATA / "messenger" / "message_1.json").read_text()
    path.write_text(whole[: whole.index('"sender_name": "Jordan"')] + '"sender_name": "Jor')
    with pytest.raises(InputError) as raised:
        parse_file(path)
    assert (raised.value.file, raised.value.line) == (str(path), 24)


def test_an_empty_file_and_json_without_messages_are_refused(tmp_path):
    empty = tmp_path / "message_1.json"
    empty.write_text("  \n")
    with pytest.raises(InputError, match="the file is empty"):
        parse_file(empty, format="messenger")
    other = tmp_path / "other.json"
    other.write_text('{"participants": []}')
    with pytest.raises(InputError, match="not a Messenger or Instagram chat"):
        parse_file(other, format="messenger")
