"""The text that stands in for a photo, video, voice note or file, shared by the formats
that only know an attachment by its file name."""

from __future__ import annotations

from pathlib import PurePosixPath

PHOTO_SUFFIXES = frozenset(
    {
        ".jpg",
        ".jpeg",
        ".png",
        ".gif",
        ".heic",
        ".heif",
        ".webp",
        ".bmp",
        ".tif",
        ".tiff",
        ".apng",
        ".svg",
    }
)
VIDEO_SUFFIXES = frozenset(
    {".mp4", ".mov", ".m4v", ".mkv", ".webm", ".avi", ".mpeg", ".3gp", ".qt"}
)
AUDIO_SUFFIXES = frozenset(
    {".m4a", ".aac", ".mp3", ".ogg", ".opus", ".oga", ".wav", ".flac", ".caf", ".amr"}
)


def placeholder_for(file_name: str) -> str:
    """``[photo]``, ``[video]``, ``[audio]`` or ``[file]``, from the file name's suffix."""
    suffix = PurePosixPath(file_name.replace("\\", "/")).suffix.lower()
    if suffix in PHOTO_SUFFIXES:
        return "[photo]"
    if suffix in VIDEO_SUFFIXES:
        return "[video]"
    if suffix in AUDIO_SUFFIXES:
        return "[audio]"
    return "[file]"


def with_caption(placeholder: str, caption: str) -> str:
    """A media message keeps the words sent with it: ``[photo] look at this``."""
    return f"{placeholder} {caption}" if caption else placeholder
