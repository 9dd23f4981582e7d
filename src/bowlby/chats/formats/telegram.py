"""Telegram Desktop's JSON export (``result.json``).

Two shapes: one chat exported on its own (``name``, ``type``, ``messages`` at the top), or the
whole account (chats under ``chats.list``), from which the one personal chat is taken. Times
come from ``date_unixtime`` (epoch seconds, so aware in UTC); the offset-less ``date`` is read
in the person's zone only when an old export lacks it. Each message's line is where its
object starts (see ``bowlby.chats.export_json``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from bowlby.chats.export_json import items_with_lines, load_json
from bowlby.chats.messages import ChatMessage, MessageKind, ParseOptions, ParseReport
from bowlby.chats.placeholders import with_caption
from bowlby.chats.sources import ExportText
from bowlby.errors import InputError

MEDIA_PLACEHOLDERS = {
    "sticker": "[sticker]",
    "voice_message": "[voice message]",
    "video_message": "[video message]",
    "video_file": "[video]",
    "audio_file": "[audio]",
    "animation": "[GIF]",
}
PERSONAL = "personal_chat"


def sniff(head: str, name: str) -> bool:
    """A JSON object with Telegram's own words: ``date_unixtime`` or ``personal_chat`` in a
    chat, or the account export's ``about`` text that names Telegram."""
    if not head.lstrip().startswith("{"):
        return False
    return (
        '"date_unixtime"' in head
        or '"personal_chat"' in head
        or ('"about"' in head and "Telegram" in head and '"chats"' in head)
    )


def parse(
    name: str, text: ExportText, options: ParseOptions, report: ParseReport
) -> Iterator[ChatMessage]:
    """The chat's messages in file order (Telegram writes them oldest first)."""
    whole = text.read()
    chat = _the_chat(name, load_json(name, whole))
    messages = chat.get("messages")
    if not isinstance(messages, list):
        raise InputError("this Telegram chat has no 'messages' list.", file=name, line=1)
    for line, raw in items_with_lines(whole, "messages", messages):
        message = _message(raw, name, line, options)
        if message is None:
            report.skip(name, line, "a Telegram message without its time or sender")
        else:
            yield message


def _the_chat(name: str, document: Any) -> dict[str, Any]:
    if not isinstance(document, dict):
        raise InputError("this is JSON, but not a Telegram export.", file=name, line=1)
    chats = document.get("chats")
    if "messages" in document or not isinstance(chats, dict):
        return document
    personal = [chat for chat in chats.get("list", []) if chat.get("type") == PERSONAL]
    if len(personal) == 1:
        return personal[0]  # type: ignore[no-any-return]
    if not personal:
        raise InputError("this Telegram export holds no personal chat.", file=name, line=1)
    names = ", ".join(str(chat.get("name") or chat.get("id")) for chat in personal)
    raise InputError(
        f"this Telegram export holds {len(personal)} personal chats ({names}); in Telegram "
        "Desktop open the one chat you mean, choose ⋮ → Export chat history → JSON, and "
        "import that file.",
        file=name,
        line=1,
    )


def _message(raw: Any, name: str, line: int, options: ParseOptions) -> ChatMessage | None:
    if not isinstance(raw, dict):
        return None
    sent_at = _sent_at(raw, options)
    if sent_at is None:
        return None
    if raw.get("type") == "service":
        return ChatMessage(sent_at, "", _service_text(raw), MessageKind.SYSTEM, name, line)
    if "from" not in raw:
        return None
    body, kind = _body(raw)
    return ChatMessage(sent_at, raw["from"] or "Deleted Account", body, kind, name, line)


def _sent_at(raw: dict[str, Any], options: ParseOptions) -> datetime | None:
    try:
        if "date_unixtime" in raw:
            return datetime.fromtimestamp(int(raw["date_unixtime"]), UTC)
        return datetime.fromisoformat(raw["date"]).replace(tzinfo=options.zone)
    except (KeyError, TypeError, ValueError, OverflowError):
        return None


def _body(raw: dict[str, Any]) -> tuple[str, MessageKind]:
    words = joined_text(raw.get("text", ""))
    placeholder = _media_placeholder(raw)
    if placeholder:
        return with_caption(placeholder, words), MessageKind.MEDIA
    if "edited" in raw or "edited_unixtime" in raw:
        return words, MessageKind.EDITED
    return words, MessageKind.TEXT


def joined_text(text: Any) -> str:
    """Telegram writes formatted text as a list of plain strings and ``{type, text}``
    entities (links, bold, mentions); their texts joined are what was sent."""
    if isinstance(text, str):
        return text
    if isinstance(text, list):
        return "".join(
            part if isinstance(part, str) else str(part.get("text", "")) for part in text
        )
    return ""


def _media_placeholder(raw: dict[str, Any]) -> str:
    if "photo" in raw:
        return "[photo]"
    media_type = raw.get("media_type")
    if media_type:
        return MEDIA_PLACEHOLDERS.get(media_type, f"[{str(media_type).replace('_', ' ')}]")
    if "file" in raw:
        return "[file]"
    if "poll" in raw:
        return "[poll]"
    if "location_information" in raw:
        return "[location]"
    return ""


def _service_text(raw: dict[str, Any]) -> str:
    """Service messages (calls, pins, joins) often carry no text; say what happened."""
    words = joined_text(raw.get("text", ""))
    if words:
        return words
    action = str(raw.get("action", "service message")).replace("_", " ")
    actor = raw.get("actor")
    return f"{actor}: {action}" if actor else action
