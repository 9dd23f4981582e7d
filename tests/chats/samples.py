"""Small chat exports written by the tests themselves, for the interfaces' tests."""

from __future__ import annotations

import zipfile
from pathlib import Path

ANDROID_CHAT = (
    "24/11/2026, 18:30 - Messages and calls are end-to-end encrypted. No one outside of this "
    "chat, not even WhatsApp, can read or listen to them.\n"
    "24/11/2026, 18:31 - Maya: are you coming home for dinner?\n"
    "24/11/2026, 18:52 - Maya: hello??\n"
    "24/11/2026, 19:40 - Jordan: ok see u at 8\n"
    "25/11/2026, 08:05 - Jordan: sorry about last night.\n"
    "I was tired, not angry with you\n"
    "25/11/2026, 08:07 - Maya: thank you for saying that ❤️\n"
)
LATER = "26/11/2026, 21:15 - Maya: goodnight, love\n"


def write_chat(folder: Path, text: str = ANDROID_CHAT, name: str = "chat.txt") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def zip_chat(folder: Path, text: str = ANDROID_CHAT) -> Path:
    path = folder / "WhatsApp Chat with Jordan.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("WhatsApp Chat with Jordan.txt", text)
    return path
