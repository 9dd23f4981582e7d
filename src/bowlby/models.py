"""The validated shapes that cross between the interfaces, the use cases and the store."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, FiniteFloat

PROFILE_NAME = re.compile(r"^[\w][\w .'-]{0,79}$")
ENTRY_KIND = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
MAX_TEXT_CHARS = 100_000

# Finite floats only: NaN and infinities are not JSON, and PostgreSQL refuses them.
PlainValue = FiniteFloat | int | str | bool | None


class Role(StrEnum):
    PERSON = "person"
    THERAPIST = "therapist"


class LinkRole(StrEnum):
    PARTNER = "partner"
    THERAPIST = "therapist"


def _check_profile_name(name: str) -> str:
    name = name.strip()
    if not PROFILE_NAME.match(name):
        raise ValueError("use 1 to 80 letters, digits, spaces, dots, apostrophes or dashes")
    return name


def _check_kind(kind: str) -> str:
    if not ENTRY_KIND.match(kind):
        raise ValueError("an entry kind is lower-case letters, digits and underscores")
    return kind


ProfileName = Annotated[str, AfterValidator(_check_profile_name)]
EntryKind = Annotated[str, AfterValidator(_check_kind)]


@dataclass(frozen=True)
class Keyring:
    """What a signed-in person holds in memory: who they are and their unwrapped keys."""

    profile_id: str
    name: str
    role: Role
    data_key: bytes = field(repr=False)
    private_key: bytes = field(repr=False)


class ProfileInfo(BaseModel):
    id: str
    name: str
    role: Role
    created_at: datetime


class LinkInfo(BaseModel):
    """Someone this profile is linked to, and how."""

    profile_id: str
    name: str
    role: LinkRole
    i_am_client: bool = Field(description="True when the other profile is my therapist.")


class NewProfile(BaseModel):
    """A profile just created, with the recovery key that is shown exactly once."""

    profile: ProfileInfo
    recovery_key: str


class EntryDraft(BaseModel):
    """What a person writes: plain values may be analysed in SQL, text is always encrypted."""

    model_config = ConfigDict(extra="forbid")

    kind: EntryKind = "journal"
    occurred_at: AwareDatetime
    values: dict[str, PlainValue] = Field(default_factory=dict)
    text: dict[str, Annotated[str, Field(max_length=MAX_TEXT_CHARS)]] = Field(default_factory=dict)
    shared_with_partner: bool = False
    shared_with_therapist: bool = False


class Entry(EntryDraft):
    id: str
    owner_id: str
    owner_name: str
    created_at: AwareDatetime
    updated_at: AwareDatetime

    @property
    def visibility(self) -> str:
        return audience(self.shared_with_partner, self.shared_with_therapist) or "private"


def audience(partner: bool, therapist: bool) -> str:
    """Who else may read a record: "partner", "therapist", "partner and therapist" or ""."""
    return " and ".join(
        name for name, shared in (("partner", partner), ("therapist", therapist)) if shared
    )
