"""A chat's report and its estimated 5:1 counts, as use cases. Only the profile that imported
the chat can read either (services.chats refuses everyone else); the messages are read and
analysed once, only for the period asked, and nothing computed here is stored or shared."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from itertools import dropwhile, takewhile

from bowlby import models
from bowlby.chats.chat_report import ChatReport, build_report, tally_days
from bowlby.chats.episodes import Reading
from bowlby.chats.messages import ChatMessage, MessageKind
from bowlby.chats.timing import conversation
from bowlby.errors import InputError, NotFound, NotShared
from bowlby.practice.ratio_ledger import Tally
from bowlby.services import chats, records
from bowlby.services.chats import ChatInfo
from bowlby.services.ratio_ledger import start_of
from bowlby.store.engine import Store

Analyse = Callable[[str], Reading]
READ_AS_WORDS = frozenset({MessageKind.TEXT, MessageKind.EDITED})
RISK_CHECKED_EPISODES = 10
NOT_ONE_CHAT = "There is no single chat of yours starting with '{prefix}'."


@dataclass(frozen=True)
class ReportResult:
    """The report, the chat it is of, and what the page may say about it: coaching steps
    aside in safety mode, and for episodes whose words suggest danger (``risky``: their
    first message's index)."""

    chat: ChatInfo
    report: ChatReport
    since: datetime | None
    until: datetime | None
    coaching_paused: bool
    risky: frozenset[int]


@dataclass(frozen=True)
class ChatEstimate:
    """One chat's estimated warm and tense messages per local day, for the 5:1 ledger."""

    chat_id: str
    name: str
    days: dict[date, Tally]


def find_chat(store: Store, keyring: models.Keyring, chat_id: str) -> ChatInfo:
    """One of the person's chats, by its id or the start of it (the CLI shows 8 characters)."""
    matches = [c for c in chats.list_chats(store, keyring) if c.id.startswith(chat_id)]
    exact = [c for c in matches if c.id == chat_id]
    if len(exact) == 1 or len(matches) == 1:
        return (exact or matches)[0]
    if not chat_id or not matches:
        raise NotShared(chats.CHAT_NOT_READABLE.format(chat_id=chat_id))
    raise NotFound(NOT_ONE_CHAT.format(prefix=chat_id))


def build_chat_report(
    store: Store,
    keyring: models.Keyring,
    chat_id: str,
    zone: tzinfo,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    analyse: Analyse | None = None,
) -> ReportResult:
    """The chat's report over [since, until) (all of it by default), analysed once."""
    from bowlby.services.safety import check_text

    chat = find_chat(store, keyring, chat_id)
    talk = conversation(read_window(store, keyring, chat.id, since, until))
    report = build_report(talk, read_all(talk, analyse), zone, chat.me)
    risky = frozenset(
        episode.first
        for episode in report.top_episodes(RISK_CHECKED_EPISODES)
        if any(check_text(report.talk[index].text).found for index in episode.flagged)
    )
    return ReportResult(
        chat=chat,
        report=report,
        since=since,
        until=until,
        coaching_paused=records.coaching_paused(store, keyring),
        risky=risky,
    )


def estimate_ratio(
    store: Store,
    keyring: models.Keyring,
    zone: tzinfo,
    first: date,
    last: date,
    *,
    analyse: Analyse | None = None,
) -> list[ChatEstimate]:
    """Each of the person's chats' estimated moments from ``first`` to ``last`` (local days):
    computed when asked, only for those days, never stored, so never shared."""
    since, until = start_of(first, zone), start_of(last + timedelta(days=1), zone)
    estimates = []
    for chat in chats.list_chats(store, keyring):
        if chat.last_at is None or chat.last_at < since or (chat.first_at or until) >= until:
            continue
        talk = conversation(read_window(store, keyring, chat.id, since, until))
        days = tally_days(talk, read_all(talk, analyse), zone)
        if days:
            estimates.append(ChatEstimate(chat.id, chat.name, days))
    return estimates


def read_window(
    store: Store,
    keyring: models.Keyring,
    chat_id: str,
    since: datetime | None,
    until: datetime | None,
) -> Iterator[ChatMessage]:
    """The chat's messages from ``since`` up to (not including) ``until``; reading stops at
    ``until``."""
    messages: Iterable[ChatMessage] = chats.read_chat_messages(store, keyring, chat_id)
    if since is not None:
        start = since
        messages = dropwhile(lambda m: m.sent_at < start, messages)
    if until is not None:
        end = until
        messages = takewhile(lambda m: m.sent_at < end, messages)
    return iter(messages)


def default_analyser() -> Analyse:
    """bowlby.chats.patterns.analyse_text, loaded when first needed."""
    from bowlby.chats.patterns import analyse_text

    return analyse_text


def read_all(talk: list[ChatMessage], analyse: Analyse | None = None) -> list[Reading]:
    """One reading per message, the analyser run once per distinct text (chats repeat "ok"
    and "see you soon" a lot); media and deleted messages are read as no words at all."""
    analyse = analyse or default_analyser()
    seen: dict[str, Reading] = {}
    readings = []
    for message in talk:
        text = message.text if message.kind in READ_AS_WORDS else ""
        reading = seen.get(text)
        if reading is None:
            reading = seen[text] = analyse(text)
        readings.append(reading)
    return readings


def window_of(
    zone: tzinfo, since: date | None, until: date | None
) -> tuple[datetime | None, datetime | None]:
    """A period given as local days, both included, as the instants [since, until)."""
    if since is not None and until is not None and until < since:
        raise InputError("the last day comes before the first; swap them.", field="until")
    start = start_of(since, zone) if since else None
    end = start_of(until + timedelta(days=1), zone) if until else None
    return start, end
