"""Signal through signal-export: its JSON Lines (repeats across runs dropped) and its
Markdown (current and older headers, quotes, reactions, stickers, attachments, calls)."""

from __future__ import annotations

from bowlby.chats.messages import MessageKind
from tests.chats.parsing import DATA, parse_file, problems, rows

SIGNAL = DATA / "signal"
SHARED = [
    (1, "2026-11-24T18:30:00+01:00", "Maya", "are you home soon?", MessageKind.TEXT),
    (
        2,
        "2026-11-24T18:31:05+01:00",
        "Jordan",
        "yes, 10 min\nbringing food 🍜",
        MessageKind.TEXT,
    ),
]


def test_the_markdown_export_reads_each_message_without_the_exporters_decorations():
    messages, report = parse_file(SIGNAL / "chat.md")
    assert report.format == "signal"
    assert rows(messages) == [
        *SHARED,
        (9, "2026-11-24T18:32:00+01:00", "Maya", "[photo]", MessageKind.MEDIA),
        (10, "2026-11-24T18:33:00+01:00", "", "Missed voice call", MessageKind.SYSTEM),
        (
            11,
            "2026-11-24T18:34:00+01:00",
            "Maya",
            "(This message was deleted)",
            MessageKind.DELETED,
        ),
        (12, "2026-11-24T18:35:00+01:00", "Jordan", "[sticker]", MessageKind.MEDIA),
        (
            14,
            "2026-11-24T18:36:00+01:00",
            "Maya",
            "see [this](https://example.org) \u200fשלום",
            MessageKind.TEXT,
        ),
    ]


def test_the_older_markdown_header_with_a_comma_is_read_in_a_md_file():
    messages, report = parse_file(SIGNAL / "old_chat.md")
    assert report.format == "signal"
    assert rows(messages) == [
        (1, "2019-05-29T15:04:00+02:00", "Me", "How is everyone?", MessageKind.TEXT),
        (
            2,
            "2019-05-29T15:10:00+02:00",
            "Jordan",
            "Good!\nThis line continues it.",
            MessageKind.TEXT,
        ),
    ]


def test_json_lines_drop_exact_repeats_and_skip_a_record_without_sender():
    messages, report = parse_file(SIGNAL / "data.json")
    assert report.format == "signal"
    assert rows(messages) == [
        *SHARED,
        (4, "2026-11-24T18:32:00+01:00", "Maya", "[photo]", MessageKind.MEDIA),
        (5, "2026-11-24T18:33:00+01:00", "", "Missed voice call", MessageKind.SYSTEM),
        (
            6,
            "2026-11-24T18:34:00+01:00",
            "Maya",
            "(This message was deleted)",
            MessageKind.DELETED,
        ),
        (8, "2026-11-24T18:36:00+01:00", "Jordan", "[sticker] ok", MessageKind.MEDIA),
    ]
    assert problems(report) == [(7, "a line that is not a Signal message in JSON")]


def test_a_line_before_the_first_message_is_skipped_and_an_empty_file_yields_nothing(tmp_path):
    path = tmp_path / "chat.md"
    path.write_text("# Jordan\n[2026-11-24 18:30:00] Maya: hi  \n", encoding="utf-8")
    messages, report = parse_file(path, format="signal")
    assert [message.text for message in messages] == ["hi"]
    assert problems(report) == [(1, "a line before the first Signal message")]
    empty = tmp_path / "empty.md"
    empty.write_text("")
    assert parse_file(empty, format="signal")[0] == []


def test_a_json_line_with_its_own_offset_keeps_it(tmp_path):
    path = tmp_path / "data.json"
    path.write_text(
        '{"date": "2026-11-24T18:30:00-05:00", "sender": "Maya", "body": "hi  "}\n',
        encoding="utf-8",
    )
    messages, _ = parse_file(path)
    assert messages[0].sent_at.isoformat() == "2026-11-24T18:30:00-05:00"
