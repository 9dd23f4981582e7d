"""The journal entry form: what the browser posts, turned into an EntryDraft or a clear error.

The form model keeps exactly what the person typed, so a page can show it again next to the
message when something needs fixing; nothing they wrote is lost to a typo in the date.
"""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import BaseModel, ValidationError

from bowlby import models
from bowlby.errors import InputError
from bowlby.web import messages
from bowlby.web.zone import person_zone

LOCAL_INPUT_FORMAT = "%Y-%m-%dT%H:%M"


class EntryForm(BaseModel):
    title: str = ""
    body: str = ""
    occurred_at: str = ""
    share_partner: bool = False
    share_therapist: bool = False

    @classmethod
    def blank(cls, now: datetime | None = None) -> EntryForm:
        return cls(occurred_at=local_input(now or datetime.now(UTC)))

    @classmethod
    def of_entry(cls, entry: models.Entry) -> EntryForm:
        return cls(
            title=entry.text.get("title", ""),
            body=entry.text.get("body", ""),
            occurred_at=local_input(entry.occurred_at),
            share_partner=entry.shared_with_partner,
            share_therapist=entry.shared_with_therapist,
        )

    def to_draft(self, base: models.Entry | None = None) -> models.EntryDraft:
        """A draft for a new entry, or for ``base`` with its title, body and date replaced.

        Any other text fields and values of ``base`` (written by other features) are kept.
        """
        title, body = self.title.strip(), self.body.replace("\r\n", "\n")
        if not title and not body.strip():
            raise InputError(messages.WRITE_SOMETHING, field="body")
        try:
            return models.EntryDraft(
                kind=base.kind if base else "journal",
                occurred_at=parse_local(self.occurred_at),
                values=dict(base.values) if base else {},
                text={**(base.text if base else {}), "title": title, "body": body},
                shared_with_partner=self.share_partner,
                shared_with_therapist=self.share_therapist,
            )
        except ValidationError as error:
            first = error.errors()[0]
            field = ".".join(str(part) for part in first["loc"]) or None
            raise InputError(f"{first['msg']}.", field=field) from error


def parse_local(value: str) -> datetime:
    """A ``datetime-local`` value read in the person's time zone; blank means now."""
    if not value.strip():
        return datetime.now(UTC)
    try:
        when = datetime.fromisoformat(value.strip())
    except ValueError as error:
        raise InputError(messages.BAD_DATE, field="occurred_at") from error
    return when if when.tzinfo else when.replace(tzinfo=person_zone())


def local_input(when: datetime) -> str:
    return when.astimezone(person_zone()).strftime(LOCAL_INPUT_FORMAT)
