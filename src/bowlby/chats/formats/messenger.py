"""Facebook Messenger and Instagram JSON (``message_1.json``, ``message_2.json``…).

Both write ``participants`` and ``messages`` newest first (``sender_name``, ``timestamp_ms``,
``content``, ``photos``/``videos``/``audio_files``/``sticker``/``share``, ``is_unsent``), and
both store text as latin-1 mojibake, repaired here (``bowlby.chats.mojibake``). One file is
one part of the chat; messages are yielded oldest first, so this format reads its file whole.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from bowlby.chats.export_json import items_with_lines, load_json
from bowlby.chats.messages import ChatMessage, MessageKind, ParseOptions, ParseReport
from bowlby.chats.mojibake import repair_mojibake
from bowlby.chats.placeholders import with_caption
from bowlby.chats.sources import ExportText
from bowlby.errors import InputError

MEDIA_KEYS = {
    "photos": "[photo]",
    "videos": "[video]",
    "audio_files": "[voice message]",
    "gifs": "[GIF]",
    "files": "[file]",
    "sticker": "[sticker]",
}
SYSTEM_TYPES = frozenset({"Call", "Subscribe", "Unsubscribe"})
UNSENT = "[message unsent]"


def sniff(head: str, name: str) -> bool:
    """A JSON object with Facebook's message keys near the top."""
    return (
        head.lstrip().startswith("{")
        and '"participants"' in head
        and '"sender_name"' in head
        and '"timestamp_ms"' in head
    )


def parse(
    name: str, text: ExportText, options: ParseOptions, report: ParseReport
) -> Iterator[ChatMessage]:
    """The file's messages, oldest first (the export writes them newest first)."""
    whole = text.read()
    document = load_json(name, whole)
    messages = document.get("messages") if isinstance(document, dict) else None
    if not isinstance(messages, list):
        raise InputError(
            "this JSON has no 'messages' list, so it is not a Messenger or Instagram chat.",
            file=name,
            line=1,
        )
    found: list[ChatMessage] = []
    for line, raw in items_with_lines(whole, "messages", messages):
        message = _message(raw, name, line)
        if message is None:
            report.skip(name, line, "a message without its sender or time")
        else:
            found.append(message)
    found.reverse()
    found.sort(key=lambda message: message.sent_at)  # stable: equal times keep file order
    yield from found


def _message(raw: Any, name: str, line: int) -> ChatMessage | None:
    if not isinstance(raw, dict):
        return None
    try:
        sent_at = datetime.fromtimestamp(int(raw["timestamp_ms"]) / 1000, UTC)
        sender = repair_mojibake(str(raw["sender_name"]))
    except (KeyError, TypeError, ValueError, OverflowError):
        return None
    body, kind = _body(raw)
    if kind is MessageKind.SYSTEM:
        sender = ""
    return ChatMessage(sent_at, sender, body, kind, name, line)


def _body(raw: dict[str, Any]) -> tuple[str, MessageKind]:
    content = repair_mojibake(str(raw.get("content") or ""))
    if raw.get("is_unsent"):
        return content or UNSENT, MessageKind.DELETED
    if raw.get("type") in SYSTEM_TYPES:
        return content, MessageKind.SYSTEM
    for key, placeholder in MEDIA_KEYS.items():
        if raw.get(key):
            return with_caption(placeholder, content), MessageKind.MEDIA
    if not content and isinstance(raw.get("share"), dict):
        share = raw["share"]
        content = repair_mojibake(str(share.get("share_text") or share.get("link") or ""))
    return content, MessageKind.TEXT
