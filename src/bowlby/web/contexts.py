"""One typed context per page: the view builds it, the template renders it, /api returns it.

Keeping the page's content in a pydantic model means the HTML and the JSON twin cannot
drift apart, and a test can look at the data without parsing HTML.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal

from pydantic import AwareDatetime, BaseModel

from bowlby import models
from bowlby.journal.successes import SuccessView
from bowlby.practice import checkin_schedule, ratio_ledger, unsaid_list
from bowlby.services import entries, journal, sharing
from bowlby.services.preferences import SAFETY_SCREEN_KIND
from bowlby.store.engine import Store
from bowlby.web import practice_details
from bowlby.web.assessment_contexts import Standing, build_standing
from bowlby.web.dashboard_contexts import Dashboard, build_dashboard
from bowlby.web.zone import person_zone

Whose = Literal["mine", "shared", "all"]
RECENT_COUNT = 5
# The text that names an entry of each of the five steps' kinds, when it has no title.
MAIN_TEXT = {
    "trigger": "what_happened",
    "emotion": "statement",
    "thought_record": "automatic_thought",
    "success": "what_happened",
    "reflection": "answer",
}
EXCERPT_CHARS = 160


class Me(BaseModel):
    """The signed-in profile, as pages and the API show it."""

    id: str
    name: str
    role: models.Role

    @classmethod
    def of(cls, keyring: models.Keyring) -> Me:
        return cls(id=keyring.profile_id, name=keyring.name, role=keyring.role)


class LinkView(models.LinkInfo):
    relation: str


class EntrySummary(BaseModel):
    """What a list shows of an entry: enough to recognise it, never the whole text."""

    id: str
    kind: str
    kind_label: str
    occurred_at: AwareDatetime
    title: str
    excerpt: str
    owner_name: str
    mine: bool
    visibility: str
    url: str


# Kinds with a page of their own; every other entry opens on /entries/{id}.
OWN_PAGES = {"assessment": "/assess/{id}", SAFETY_SCREEN_KIND: "/safety/screen/result"}
# Private safety checks are left out of lists: they have their page under /safety.
UNLISTED = (SAFETY_SCREEN_KIND,)
# One-tap tallies and settings would crowd out what people wrote on the home page.
# Tallies and the schedule are not entries to read; unsaid hurts stay off the most-seen page.
QUIET_AT_HOME = (
    *UNLISTED,
    ratio_ledger.KIND,
    checkin_schedule.SCHEDULE_KIND,
    unsaid_list.KIND,
)


def entry_url(kind: str, entry_id: str) -> str:
    return OWN_PAGES.get(kind, "/entries/{id}").format(id=entry_id)


class HomePage(BaseModel):
    me: Me
    greeting: str
    recent: list[EntrySummary]
    shared_with_me: list[EntrySummary]
    links: list[LinkView]
    remember_when: SuccessView | None = None
    standing: Standing | None = None
    dashboard: Dashboard | None = None


class EntriesPage(BaseModel):
    whose: Whose
    kind: str | None
    kinds: list[str]
    kind_labels: dict[str, str]
    entries: list[EntrySummary]


class EntryPage(BaseModel):
    entry: models.Entry
    title: str
    mine: bool
    has_partner: bool
    has_therapist: bool


class LinksPage(BaseModel):
    links: list[LinkView]
    new_code: str | None = None
    new_code_role: models.LinkRole | None = None
    invitation_days: int = sharing.INVITATION_DAYS


def build_home(store: Store, keyring: models.Keyring, now: datetime | None = None) -> HomePage:
    mine = entries.list_entries(
        store, keyring, whose="mine", except_kinds=QUIET_AT_HOME, limit=RECENT_COUNT
    )
    shared = entries.list_entries(
        store, keyring, whose="shared", except_kinds=QUIET_AT_HOME, limit=RECENT_COUNT
    )
    now = now or datetime.now(UTC)
    local = now.astimezone(person_zone())
    dashboard = build_dashboard(store, keyring, person_zone(), now)
    return HomePage(
        me=Me.of(keyring),
        greeting=greeting(local),
        recent=[summarise(entry, keyring) for entry in mine],
        shared_with_me=[summarise(entry, keyring) for entry in shared],
        links=build_links(store, keyring),
        standing=build_standing(store, keyring),
        remember_when=dashboard.remember_when,
        dashboard=dashboard,
    )


def build_entries(
    store: Store, keyring: models.Keyring, whose: Whose = "all", kind: str | None = None
) -> EntriesPage:
    """All visible entries of ``whose``, filtered by kind; the kinds offered come from them."""
    found = entries.list_entries(store, keyring, whose=whose, except_kinds=UNLISTED)
    kinds = sorted({entry.kind for entry in found} | ({kind} if kind else set()))
    chosen = [entry for entry in found if not kind or entry.kind == kind]
    return EntriesPage(
        whose=whose,
        kind=kind or None,
        kinds=kinds,
        kind_labels={name: kind_label(name) for name in kinds},
        entries=[summarise(entry, keyring) for entry in chosen],
    )


def build_entry(store: Store, keyring: models.Keyring, entry_id: str) -> EntryPage:
    entry = entries.read_entry(store, keyring, entry_id)
    mine = entry.owner_id == keyring.profile_id
    links = build_links(store, keyring) if mine else []
    return EntryPage(
        entry=entry,
        title=entry_title(entry),
        mine=mine,
        has_partner=any(link.role is models.LinkRole.PARTNER for link in links),
        has_therapist=any(link.i_am_client for link in links),
    )


def build_links(store: Store, keyring: models.Keyring) -> list[LinkView]:
    return [
        LinkView(**link.model_dump(), relation=relation(link))
        for link in sharing.list_links(store, keyring)
    ]


def relation(link: models.LinkInfo) -> str:
    if link.role is models.LinkRole.PARTNER:
        return "your partner"
    return "your therapist" if link.i_am_client else "your client"


def summarise(entry: models.Entry, keyring: models.Keyring) -> EntrySummary:
    return EntrySummary(
        id=entry.id,
        kind=entry.kind,
        kind_label=kind_label(entry.kind),
        occurred_at=entry.occurred_at,
        title=entry_title(entry),
        excerpt=excerpt(entry),
        owner_name=entry.owner_name,
        mine=entry.owner_id == keyring.profile_id,
        visibility=entry.visibility,
        url=entry_url(entry.kind, entry.id),
    )


def kind_label(kind: str) -> str:
    """What an entry of this kind is called: "trigger", "check-in", "5:1 ledger moment"."""
    named = journal.KINDS.get(kind) or practice_details.KIND_LABELS.get(kind)
    return named or kind.replace("_", " ")


def entry_title(entry: models.Entry) -> str:
    """The title the person gave, else the start of the text, else the kind of entry."""
    title = entry.text.get("title", "").strip() or practice_details.title_of(entry)
    if title:
        return shorten(title, 80)
    if entry.kind == "assessment":
        return f"{str(entry.values.get('instrument', '')).upper()} questionnaire"
    main = entry.text.get(MAIN_TEXT.get(entry.kind, ""), "").strip()
    first = main or next((value.strip() for value in entry.text.values() if value.strip()), "")
    if first:
        return shorten(first.splitlines()[0], 60)
    return entry.kind.replace("_", " ").capitalize()


def excerpt(entry: models.Entry) -> str:
    named_by = "title" if entry.text.get("title", "").strip() else MAIN_TEXT.get(entry.kind)
    parts = [value.strip() for key, value in entry.text.items() if key not in ("title", named_by)]
    return shorten(" ".join(part for part in parts if part), EXCERPT_CHARS)


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def greeting(now: datetime) -> str:
    if 5 <= now.hour < 12:
        return "Good morning"
    if 12 <= now.hour < 18:
        return "Good afternoon"
    return "Good evening" if now.hour >= 18 else "Hello"
