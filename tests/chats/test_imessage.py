"""imessage-exporter's txt: blocks of time, sender and body; nested replies out of time
order, bodies with blank lines, attachments, edits, unsends and renames."""

from __future__ import annotations

from bowlby.chats.messages import MessageKind
from tests.chats.parsing import DATA, parse_file, problems, rows


def test_messages_come_out_in_time_order_with_their_blank_lines_kept():
    messages, report = parse_file(DATA / "imessage" / "Maya.txt")
    assert report.format == "imessage"
    assert rows(messages) == [
        (
            1,
            "2026-11-24T18:30:00+01:00",
            "Maya",
            "Are you free tonight?\n\nI made soup.",
            MessageKind.TEXT,
        ),
        (12, "2026-11-24T18:31:00+01:00", "Jordan", "[photo]", MessageKind.MEDIA),
        (6, "2026-11-24T18:45:00+01:00", "Jordan", "yes! on my way", MessageKind.TEXT),
        (
            21,
            "2026-11-24T19:02:10+01:00",
            "",
            "Maya renamed the conversation to Soup night 🍲",
            MessageKind.SYSTEM,
        ),
        (23, "2026-11-24T23:59:59+01:00", "Maya", "good night ❤️", MessageKind.EDITED),
        (28, "2026-11-25T00:05:00+01:00", "Jordan", "They deleted a message.", MessageKind.DELETED),
    ]
    assert report.skipped == 0


def test_stray_lines_and_a_time_without_sender_are_reported(tmp_path):
    path = tmp_path / "chat.txt"
    path.write_text(
        "Nov 24, 2026  6:30:00 PM\nMaya\nhi\n\nNov 24, 2026  6:31:00 PM\n",
        encoding="utf-8",
    )
    messages, report = parse_file(path)
    assert [message.text for message in messages] == ["hi"]
    assert problems(report) == [(5, "an iMessage time line without a sender")]
    stray = tmp_path / "stray.txt"
    stray.write_text("not a message\n", encoding="utf-8")
    messages, report = parse_file(stray, format="imessage")
    assert messages == []
    assert problems(report) == [(1, "a line outside any iMessage message")]


def test_an_empty_file_yields_nothing(tmp_path):
    path = tmp_path / "chat.txt"
    path.write_text("")
    assert parse_file(path, format="imessage")[0] == []
