"""The generic CSV: required columns named when missing, times with and without offsets,
comma or semicolon, quoted multi-line text, bad rows skipped at their line; and a file that is
no chat export at all refused by detection."""

from __future__ import annotations

import pytest

from bowlby.chats.messages import MessageKind
from bowlby.chats.sources import FORMATS, HEAD_CHARS, format_module
from bowlby.errors import InputError
from tests.chats.parsing import DATA, parse_file, problems, rows

CSV = DATA / "csv"


def test_rows_are_read_with_their_kinds_times_and_multi_line_text():
    messages, report = parse_file(CSV / "chat.csv")
    assert report.format == "csv_generic"
    assert rows(messages) == [
        (2, "2026-11-24T18:30:00+01:00", "Maya", "are you free tonight?", MessageKind.TEXT),
        (3, "2026-11-24T18:31:00+01:00", "Jordan", "yes,\n\nalways for you", MessageKind.TEXT),
        (6, "2026-11-24T18:32:00+00:00", "", "Maya changed the group photo", MessageKind.SYSTEM),
        (7, "2026-11-24T18:33:00+01:00", "Maya", "[photo]", MessageKind.MEDIA),
        (13, "2026-11-24T18:37:00+01:00", "Maya", "\u200fשלום \u202f😊", MessageKind.EDITED),
    ]


def test_bad_rows_are_skipped_and_reported_at_their_line():
    _, report = parse_file(CSV / "chat.csv")
    assert problems(report) == [
        (8, "'yesterday' is not an ISO 8601 time (e.g. 2026-11-24 18:30)"),
        (9, "'shouted' is not a kind (use text, media, system, deleted, edited)"),
        (10, "a message without a sender"),
        (11, "a row with 2 columns where the header has more"),
    ]


def test_semicolons_a_bom_and_crlf_line_endings():
    messages, report = parse_file(CSV / "semicolon.csv")
    assert report.format == "csv_generic"
    assert rows(messages) == [
        (2, "2026-11-24T18:30:00+01:00", "Maya", "hi; you", MessageKind.TEXT),
        (3, "2026-11-24T18:31:00+01:00", "Jordan", "two\nlines", MessageKind.TEXT),
    ]


def test_a_missing_column_is_named():
    path = CSV / "no_sender_column.csv"
    with pytest.raises(InputError) as raised:
        parse_file(path)
    assert raised.value.field == "sender"
    assert raised.value.message == (
        f"{path}, line 1, field 'sender': the CSV has no 'sender' column; its first row must "
        "name the columns sent_at,sender,text (and kind, if you have it)."
    )


def test_a_quote_never_closed_is_an_error_at_the_row_where_it_opened():
    path = CSV / "unclosed_quote.csv"
    with pytest.raises(InputError) as raised:
        list(parse_file(path)[0])
    assert (raised.value.file, raised.value.line) == (str(path), 3)


def test_an_empty_file_given_as_csv_names_the_first_missing_column(tmp_path):
    path = tmp_path / "chat.csv"
    path.write_text("")
    with pytest.raises(InputError, match="the CSV has no 'sent_at' column"):
        parse_file(path, format="csv_generic")


def test_a_text_file_that_is_no_chat_export_is_refused_by_detection(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Shopping list\n- eggs\n- milk, bread\n\nCall the dentist at 9:30\n")
    with pytest.raises(InputError) as raised:
        parse_file(path)
    assert (raised.value.file, raised.value.line) == (str(path), 1)
    assert "does not look like a chat export Bowlby knows" in raised.value.message


FIXTURES = {
    "telegram": ["telegram/result.json", "telegram/full_export.json"],
    "discord": ["discord/channel.json", "discord/channel.csv"],
    "messenger": ["messenger/message_1.json", "instagram/message_1.json"],
    "signal": ["signal/chat.md", "signal/old_chat.md", "signal/data.json"],
    "imessage": ["imessage/Maya.txt"],
    "csv_generic": ["csv/chat.csv", "csv/semicolon.csv"],
}


@pytest.mark.parametrize(
    ("owner", "fixture"),
    [(owner, fixture) for owner, fixtures in FIXTURES.items() for fixture in fixtures],
)
def test_each_fixture_is_claimed_first_by_its_own_sniffer_and_by_no_other_specific_one(
    owner, fixture
):
    """WhatsApp's and the generic CSV's sniffers come later and may overlap (a Signal
    Markdown line looks like WhatsApp's iOS layout): the order settles those."""
    path = DATA / fixture
    head = path.read_text(encoding="utf-8-sig")[:HEAD_CHARS]
    claimed = [name for name in FORMATS if format_module(name).sniff(head, str(path))]
    assert claimed[0] == owner
    assert set(claimed) - {owner, "whatsapp", "csv_generic"} == set()


@pytest.mark.parametrize(
    "line",
    [
        "[24/11/2026, 18:30:12] Maya: hi",
        "[2026-11-24, 18:30:12] Maya: hi",
        "[11/24/26, 6:30:12\u202fPM] Maya: hi",
        "2026-11-24, 18:30 - Maya: hi",
        "24.11.26, 18:30 - Maya: hi",
    ],
)
def test_whatsapp_lines_are_left_to_the_whatsapp_format(line):
    head = f"{line}\n"
    assert [
        name
        for name in ("telegram", "discord", "messenger", "signal", "imessage", "csv_generic")
        if format_module(name).sniff(head, "WhatsApp Chat with Maya.txt")
    ] == []
