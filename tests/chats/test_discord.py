"""DiscordChatExporter's JSON and CSV: offsets kept, nicknames, attachments and stickers as
media, system messages, edits, old and new CSV dates, and bad rows skipped."""

from __future__ import annotations

import pytest

from bowlby.chats.messages import MessageKind
from bowlby.errors import InputError
from tests.chats.parsing import DATA, parse_file, problems, rows

DISCORD = DATA / "discord"


def test_the_json_export_reads_every_kind_of_message_at_its_line():
    messages, report = parse_file(DISCORD / "channel.json")
    assert report.format == "discord"
    assert rows(messages) == [
        (
            21,
            "2026-11-24T19:30:00.123000+01:00",
            "Maya",
            "did you see my message? 🥺",
            MessageKind.TEXT,
        ),
        (45, "2026-11-24T19:45:10+01:00", "jordan.r", "yes\nsorry, was driving", MessageKind.TEXT),
        (69, "2026-11-24T19:46:00+01:00", "Maya", "[photo]", MessageKind.MEDIA),
        (100, "2026-11-24T19:50:00+01:00", "", "Call", MessageKind.SYSTEM),
        (124, "2026-11-24T20:00:00+01:00", "Maya", "love you\u200d❤️", MessageKind.EDITED),
        (148, "2026-11-24T20:02:00+01:00", "jordan.r", "[sticker]", MessageKind.MEDIA),
    ]


def test_a_json_message_without_author_or_time_is_skipped_and_reported():
    messages, report = parse_file(DISCORD / "missing_author.json")
    assert len(messages) == 6
    assert problems(report) == [(45, "a Discord message without its author or time")]


def test_the_csv_export_reads_iso_and_old_dates_and_skips_a_bad_row():
    messages, report = parse_file(DISCORD / "channel.csv")
    assert report.format == "discord"
    assert rows(messages) == [
        (
            2,
            "2026-11-24T19:30:00.123000+01:00",
            "maya_k",
            "did you see my message? 🥺",
            MessageKind.TEXT,
        ),
        (3, "2026-11-24T19:45:10+01:00", "jordan.r", "yes\nsorry, was driving", MessageKind.TEXT),
        (5, "2026-11-24T19:46:00+01:00", "maya_k", "[photo]", MessageKind.MEDIA),
        (7, "2026-11-24T20:00:00+01:00", "jordan.r", 'old-style date, "quoted"', MessageKind.TEXT),
    ]
    assert problems(report) == [(6, "'not a date' is not a date DiscordChatExporter writes")]


def test_broken_json_names_its_line(tmp_path):
    path = tmp_path / "channel.json"
    path.write_text('{"guild": {"id": "0"},\n "channel": {"id": "9"},\n "messages": [\n  {"id": ')
    with pytest.raises(InputError) as raised:
        parse_file(path)
    assert (raised.value.file, raised.value.line) == (str(path), 4)


def test_an_empty_file_yields_nothing_and_a_short_csv_row_is_skipped(tmp_path):
    path = tmp_path / "channel.csv"
    path.write_text("")
    messages, report = parse_file(path, format="discord")
    assert (messages, report.skipped) == ([], 0)
    short = tmp_path / "short.csv"
    short.write_text("AuthorID,Author,Date,Content,Attachments,Reactions\n1,Maya\n")
    messages, report = parse_file(short)
    assert messages == []
    assert problems(report) == [(2, "a row with 2 columns where DiscordChatExporter writes 6")]
