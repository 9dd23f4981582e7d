"""`bowlby chats` as Alex uses it: parse without storing, import, re-import, list, delete."""

from __future__ import annotations

import io
import json
import re
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bowlby.chats.messages import ChatMessage, MessageKind
from tests.chats.samples import ANDROID_CHAT, LATER, write_chat, zip_chat


@pytest.fixture
def cli(alex_cli):
    return alex_cli


def test_parse_prints_one_json_object_a_line_and_stores_nothing(cli, tmp_path):
    chat = write_chat(tmp_path)
    result = cli("chats", "parse", str(chat), "--jsonl")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [m["sender"] for m in lines] == ["", "Maya", "Maya", "Jordan", "Jordan", "Maya"]
    assert lines[0]["kind"] == "system"
    assert lines[1] == {
        "sent_at": "2026-11-24T18:31:00+01:00",
        "sender": "Maya",
        "text": "are you coming home for dinner?",
        "kind": "text",
        "line": 2,
    }
    assert lines[4]["text"] == "sorry about last night.\nI was tired, not angry with you"
    assert "No chats yet" in cli("chats", "list").output


def test_parse_without_jsonl_says_who_wrote_how_much(cli, tmp_path):
    result = cli("chats", "parse", str(zip_chat(tmp_path)))
    assert result.exit_code == 0, result.output
    assert "6 messages (whatsapp) from 2026-11-24 to 2026-11-25." in result.output
    assert "Maya" in result.output
    assert "Jordan" in result.output


def test_import_then_reimport_adds_only_what_is_new(cli, tmp_path):
    chat = write_chat(tmp_path)
    first = cli("chats", "import", str(chat), "--me", "Maya")
    assert first.exit_code == 0, first.output
    assert "Imported 6 new messages" in first.output
    assert "0 were already there" in first.output
    longer = write_chat(tmp_path, ANDROID_CHAT + LATER, name="later.txt")
    again = cli("chats", "import", str(longer), "--me", "maya")
    assert again.exit_code == 0, again.output
    assert "Imported 1 new messages" in again.output
    assert "6 were already there" in again.output
    listing = cli("chats", "list")
    assert "7" in listing.output


def test_import_refuses_a_me_who_is_not_in_the_chat_and_stores_nothing(cli, tmp_path):
    result = cli("chats", "import", str(write_chat(tmp_path)), "--me", "Alex")
    assert result.exit_code == 2
    assert "--me" in result.output
    assert "Maya" in result.output
    assert "No chats yet" in cli("chats", "list").output


def test_bad_files_get_a_clear_message_with_the_file(cli, tmp_path):
    missing = cli("chats", "parse", str(tmp_path / "nope.txt"))
    assert missing.exit_code == 2
    assert "nope.txt" in missing.output
    prose = tmp_path / "notes.txt"
    prose.write_text("Dear diary,\nnothing here is a chat.\n", encoding="utf-8")
    refused = cli("chats", "parse", str(prose))
    assert refused.exit_code == 2
    assert "notes.txt, line 1" in refused.output
    assert "does not look like a chat export" in refused.output
    cut = tmp_path / "cut.zip"
    cut.write_bytes(zip_chat(tmp_path).read_bytes()[:-30])
    damaged = cli("chats", "parse", str(cut))
    assert damaged.exit_code == 2
    assert "cut.zip" in damaged.output
    bad_zone = cli("chats", "parse", str(write_chat(tmp_path)), "--tz", "Mars/Olympus")
    assert bad_zone.exit_code == 2
    assert "--tz" in bad_zone.output


def test_delete_removes_the_chat_after_confirmation(cli, tmp_path):
    assert cli("chats", "import", str(write_chat(tmp_path)), "--me", "Maya").exit_code == 0
    chat_id = re.search(r"\b([0-9a-f]{8})\b", cli("chats", "list").output).group(1)
    kept = cli("chats", "delete", chat_id, stdin="n\n")
    assert kept.exit_code == 1
    deleted = cli("chats", "delete", chat_id, "--yes")
    assert deleted.exit_code == 0, deleted.output
    assert "No chats yet" in cli("chats", "list").output


@given(
    st.lists(
        st.tuples(st.text(max_size=12), st.text(max_size=40), st.sampled_from(list(MessageKind))),
        max_size=5,
    )
)
def test_the_json_lines_are_exactly_what_json_dumps_would_write(rows):
    from bowlby.cli.chats import write_jsonl

    sent_at = datetime(2026, 11, 24, 18, 30, tzinfo=timezone(timedelta(hours=1)))
    messages = [
        ChatMessage(sent_at, sender, text, kind, "chat.txt", line)
        for line, (sender, text, kind) in enumerate(rows, start=1)
    ]
    out = io.StringIO()
    write_jsonl(messages, out)
    expected = "".join(
        json.dumps(
            {
                "sent_at": m.sent_at.isoformat(),
                "sender": m.sender,
                "text": m.text,
                "kind": m.kind.value,
                "line": m.line,
            },
            ensure_ascii=False,
        )
        + "\n"
        for m in messages
    )
    assert out.getvalue() == expected
