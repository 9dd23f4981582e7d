"""Atomic, private file writes for exports, reports, calendar files and config."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any


@contextmanager
def private_file(path: Path, mode: str = "w") -> Iterator[IO[Any]]:
    """Write to a temporary file beside ``path``, fsync, then replace: never half a file.

    The file is readable by its owner only (0o600), since it may hold decrypted text. If the
    writing fails, the temporary file is removed and ``path`` is left as it was.
    """
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    descriptor, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        encoding = None if "b" in mode else "utf-8"
        newline = None if "b" in mode else ""
        with os.fdopen(descriptor, mode, encoding=encoding, newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_private_file(path: Path, data: bytes | str) -> Path:
    """Write the whole of ``data`` atomically and privately (see ``private_file``)."""
    if isinstance(data, str):
        with private_file(path, "w") as handle:
            handle.write(data)
    else:
        with private_file(path, "wb") as binary:
            binary.write(data)
    return Path(path)
