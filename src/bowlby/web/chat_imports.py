"""Chat imports started in the browser: the uploaded file waits in a private folder while the
person says which sender they are, then a background thread imports it and the page follows
its count. The plaintext file is removed as soon as the import ends, fails or is cancelled,
and at every start of the server.
"""

from __future__ import annotations

import itertools
import logging
import secrets
import shutil
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

from pydantic import BaseModel

from bowlby import models
from bowlby.chats.messages import ParseOptions, ParseReport
from bowlby.chats.sources import FORMAT_LABELS, open_export, read_chat
from bowlby.errors import BowlbyError, InputError, NotFound
from bowlby.store.engine import Store

log = logging.getLogger("bowlby.web")
SENDERS_LOOKED_AT = 20_000  # messages read to offer "which one is you?"
PENDING_FOR = timedelta(hours=1)
COPY_CHUNK = 1 << 20


class ImportState(StrEnum):
    WAITING = "waiting"  # for the person to say which sender they are
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class ImportJobView(BaseModel):
    """What the progress page and /api show of one import."""

    id: str
    file_name: str
    format: str
    format_label: str
    state: ImportState
    senders: list[str]
    imported: int
    error: str | None
    chat_id: str | None
    added: int | None
    already_there: int | None
    skipped_lines: int


@dataclass
class ImportJob:
    id: str
    owner_id: str
    file_name: str
    path: Path
    options: ParseOptions
    senders: list[str]
    format: str
    created_at: datetime
    state: ImportState = ImportState.WAITING
    imported: int = 0
    error: str | None = None
    chat_id: str | None = None
    added: int | None = None
    already_there: int | None = None
    skipped_lines: int = 0
    thread: threading.Thread | None = field(default=None, repr=False)

    def view(self) -> ImportJobView:
        return ImportJobView(
            id=self.id,
            file_name=self.file_name,
            format=self.format,
            format_label=FORMAT_LABELS.get(self.format, self.format),
            state=self.state,
            senders=self.senders,
            imported=self.imported,
            error=self.error,
            chat_id=self.chat_id,
            added=self.added,
            already_there=self.already_there,
            skipped_lines=self.skipped_lines,
        )


class ChatImports:
    """The imports of this server, each visible only to the profile that started it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._jobs: dict[str, ImportJob] = {}
        self._lock = threading.Lock()

    def clear_leftovers(self) -> None:
        """Remove uploads a stopped server left behind: they hold a chat in plain text."""
        shutil.rmtree(self.folder, ignore_errors=True)

    def receive(
        self, owner_id: str, file_name: str, upload: BinaryIO, options: ParseOptions
    ) -> ImportJob:
        """Keep the upload privately, read its first messages for the senders, and wait."""
        self._forget_stale()
        job_id = secrets.token_urlsafe(12)
        suffix = "".join(Path(file_name).suffixes[-1:]) or ".txt"
        path = self._private_copy(upload, f"{job_id}{suffix}")
        try:
            found, chosen = first_senders(path, file_name, options)
        except BowlbyError:
            path.unlink(missing_ok=True)
            raise
        job = ImportJob(
            id=job_id,
            owner_id=owner_id,
            file_name=file_name,
            path=path,
            options=options,
            senders=found,
            format=chosen,
            created_at=datetime.now(UTC),
        )
        with self._lock:
            self._jobs[job_id] = job
        return job

    def get(self, owner_id: str, job_id: str) -> ImportJob:
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None or job.owner_id != owner_id:
            raise NotFound("There is no such import of yours; it may have ended long ago.")
        return job

    def start(self, store: Store, keyring: models.Keyring, job_id: str, me: str) -> ImportJob:
        job = self.get(keyring.profile_id, job_id)
        if job.state is not ImportState.WAITING:
            return job
        if me not in job.senders:
            raise InputError("choose which of the senders is you.", field="me")
        job.state = ImportState.RUNNING
        job.thread = threading.Thread(
            target=run_import, args=(store, keyring, job, me), daemon=True, name="chat-import"
        )
        job.thread.start()
        return job

    def cancel(self, owner_id: str, job_id: str) -> None:
        job = self.get(owner_id, job_id)
        if job.state is ImportState.RUNNING:
            raise InputError("this import is running; it will finish on its own in a moment.")
        job.path.unlink(missing_ok=True)
        with self._lock:
            self._jobs.pop(job_id, None)

    def _private_copy(self, upload: BinaryIO, name: str) -> Path:
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        path = self.folder / name
        with path.open("xb") as target:
            path.chmod(0o600)
            shutil.copyfileobj(upload, target, COPY_CHUNK)
        return path

    def _forget_stale(self) -> None:
        cutoff = datetime.now(UTC) - PENDING_FOR
        with self._lock:
            stale = [
                job
                for job in self._jobs.values()
                if job.state is not ImportState.RUNNING and job.created_at < cutoff
            ]
            for job in stale:
                job.path.unlink(missing_ok=True)
                del self._jobs[job.id]


def first_senders(path: Path, file_name: str, options: ParseOptions) -> tuple[list[str], str]:
    """The senders among the first messages, most frequent first, and the format found."""
    report = ParseReport()
    counts: dict[str, int] = {}
    with open_export(path) as (name, stream):
        messages = read_chat(shown_name(name, path, file_name), stream, options, report)
        for message in itertools.islice(messages, SENDERS_LOOKED_AT):
            if message.sender:
                counts[message.sender] = counts.get(message.sender, 0) + 1
    if not counts:
        raise InputError("no messages with a sender were found in this file.", file=file_name)
    return sorted(counts, key=lambda name: -counts[name]), report.format


def run_import(store: Store, keyring: models.Keyring, job: ImportJob, me: str) -> None:
    """The background import: one transaction; the upload is removed whatever happens."""
    from bowlby.services import chats

    report = ParseReport()

    def progress(done: int) -> None:
        job.imported = done

    try:
        with open_export(job.path) as (name, stream):
            shown = shown_name(name, job.path, job.file_name)
            messages = read_chat(shown, stream, job.options, report)
            summary = chats.import_chat(
                store, keyring, messages, me=me, format=job.format, report=report, progress=progress
            )
        job.chat_id, job.added = summary.chat_id, summary.added
        job.already_there = summary.already_there
        job.imported = summary.added + summary.already_there
        job.skipped_lines = report.skipped
        job.state = ImportState.DONE
    except BowlbyError as error:
        job.error = error.message
        job.state = ImportState.FAILED
    except Exception as error:  # the page must say it failed, not spin forever
        # The type only: an error's text could quote the chat.
        log.error("A chat import failed with %s", type(error).__name__)
        job.error = "The import stopped unexpectedly; nothing was stored."
        job.state = ImportState.FAILED
    finally:
        job.path.unlink(missing_ok=True)


def shown_name(name: str, path: Path, file_name: str) -> str:
    """Problems name the file the person uploaded (and the chat inside a zip), never the
    private copy."""
    return file_name + name.removeprefix(str(path))
