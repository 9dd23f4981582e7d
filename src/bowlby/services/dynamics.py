"""The couple model as use cases: hard conversations logged by hand, the scored turns of one of
the person's own chats, a fit of either, and a what-if on a fit.

Fits are computed when asked and never stored (the chat's messages are read and scored once
per request, like the chat report). Only the person's own chats and logged conversations are
read, never a partner's shared ones: the fit describes the interaction the person logged. The
model itself is analysis and stays in safety mode; the what-if, which coaches how to answer
the partner, is paused there (``PausedForSafety``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Unpack

from bowlby import models
from bowlby.dynamics import hard_conversations as hard
from bowlby.dynamics.conversations import Conversation
from bowlby.dynamics.turn_scores import chat_conversations, two_people
from bowlby.errors import InputError
from bowlby.services import entries, records, sharing
from bowlby.services.records import ListQuery
from bowlby.store.engine import Store

if TYPE_CHECKING:
    from bowlby.dynamics.fitting import CoupleFit
    from bowlby.dynamics.model import CoupleModel
    from bowlby.dynamics.whatif import Change, WhatIf
    from bowlby.services.chat_report import Analyse

LABEL = "hard conversation"
ALL = "all"
NO_SOURCE = "Choose a chat or your logged conversations to fit."
ONE_SOURCE = "Choose either a chat or logged conversations, not both."
NO_PARTNER = "Only one person wrote in this chat, so there are no turns between two people."
NO_LOGGED = "No hard conversations logged yet."
PARTNER_LABEL = "Partner"


@dataclass(frozen=True)
class Source:
    """What a fit reads: the conversations, where they came from, and the partners' names as
    the person sees them (``labels`` maps a turn's partner to a display name)."""

    kind: Literal["chat", "logged"]
    id: str
    title: str
    conversations: list[Conversation]
    labels: dict[str, str]

    @property
    def turns(self) -> int:
        return sum(len(conversation.turns) for conversation in self.conversations)

    def name(self, partner: str) -> str:
        return self.labels.get(partner, partner)


@dataclass(frozen=True)
class FitResult:
    source: Source
    fit: CoupleFit

    @property
    def names(self) -> tuple[str, str]:
        """The first and the second speaker's display names."""
        return self.source.name(self.fit.first_speaker), self.source.name(self.fit.second_speaker)


@dataclass(frozen=True)
class WhatIfResult:
    """The fit, the change, the start, the changed model, and both runs with their states."""

    result: FitResult
    change: Change
    start: tuple[float, float]
    changed: CoupleModel
    runs: WhatIf


def log_hard_conversation(
    store: Store, keyring: models.Keyring, logged: hard.HardConversationInput
) -> hard.HardConversationView:
    """Save one hard conversation (private unless shared); it is a record, not coaching."""
    draft = hard.hard_conversation_draft(logged)
    return hard.hard_conversation_view(entries.write_entry(store, keyring, draft))


def list_hard_conversations(
    store: Store, keyring: models.Keyring, **query: Unpack[ListQuery]
) -> list[hard.HardConversationView]:
    return records.list_views(store, keyring, hard.KIND, hard.hard_conversation_view, **query)


def read_hard_conversation(
    store: Store, keyring: models.Keyring, conversation_id: str
) -> hard.HardConversationView:
    """One of the person's own logged conversations (a partner's reads as not found)."""
    entry = records.read_own(store, keyring, conversation_id, hard.KIND, LABEL)
    return hard.hard_conversation_view(entry)


def conversations_from_chat(
    store: Store, keyring: models.Keyring, chat_id: str, *, analyse: Analyse | None = None
) -> Source:
    """One of the person's own chats as scored conversations between them and the person who
    wrote most besides them (anyone else's chat reads as not found); ``analyse`` defaults to
    the chat analyser."""
    from bowlby.chats.timing import conversation
    from bowlby.services.chat_report import find_chat, read_all, read_window

    chat = find_chat(store, keyring, chat_id)
    talk = conversation(read_window(store, keyring, chat.id, None, None))
    people = two_people(talk, chat.me)
    if people is None:
        raise InputError(NO_PARTNER, field="chat")
    found = chat_conversations(talk, read_all(talk, analyse), people, chat_id=chat.id[:8])
    return Source("chat", chat.id, chat.name, found, {name: name for name in people})


def conversations_logged(
    store: Store, keyring: models.Keyring, conversation_id: str = ALL
) -> Source:
    """The person's own logged conversations, pooled (oldest first), or one of them."""
    partner = sharing.linked_partner(store, keyring)
    labels = {"me": keyring.name, "partner": partner.name if partner else PARTNER_LABEL}
    if conversation_id != ALL:
        view = read_hard_conversation(store, keyring, conversation_id)
        title = view.topic or view.occurred_at.date().isoformat()
        return Source("logged", view.id, title, [hard.as_conversation(view)], labels)
    own = list(reversed(list_hard_conversations(store, keyring)))  # whose="mine": own only
    if not own:
        raise InputError(NO_LOGGED, field="conversation")
    found = [hard.as_conversation(view) for view in own]
    return Source("logged", ALL, "All your logged hard conversations", found, labels)


def load_source(
    store: Store, keyring: models.Keyring, *, chat: str | None, conversation: str | None
) -> Source:
    """The one source asked for: a chat id, or a logged conversation id or 'all'."""
    if chat and conversation:
        raise InputError(ONE_SOURCE, field="source")
    if chat:
        return conversations_from_chat(store, keyring, chat)
    if conversation:
        return conversations_logged(store, keyring, conversation)
    raise InputError(NO_SOURCE, field="source")


def fit_source(source: Source, **options: object) -> FitResult:
    """The fit of a source's conversations (``options`` go to ``fitting.fit_couple``); raises
    ``TooFewTurns`` below the minimum, saying how many pairs there are and are needed."""
    from bowlby.dynamics.fitting import fit_couple

    return FitResult(source, fit_couple(source.conversations, **options))  # type: ignore[arg-type]


def fit_for_chat(
    store: Store, keyring: models.Keyring, chat_id: str, **options: object
) -> FitResult:
    return fit_source(conversations_from_chat(store, keyring, chat_id), **options)


def fit_for_logged(
    store: Store, keyring: models.Keyring, conversation_id: str = ALL, **options: object
) -> FitResult:
    return fit_source(conversations_logged(store, keyring, conversation_id), **options)


def opening(result: FitResult) -> tuple[float, float]:
    """The hardest opening among the source's conversations, first speaker first."""
    from bowlby.dynamics.whatif import hardest_opening

    names = (result.fit.first_speaker, result.fit.second_speaker)
    return hardest_opening(result.source.conversations, names)


def whatif(
    store: Store,
    keyring: models.Keyring,
    result: FitResult,
    change: Change,
    *,
    start: tuple[float, float] | None = None,
    turns: int = 30,
) -> WhatIfResult:
    """Both runs from the same start (the hardest opening logged, by default): as fitted
    and with one parameter changed. Paused in safety mode: it coaches how to answer."""
    from bowlby.dynamics.whatif import apply_change, compare

    records.refuse_coaching_in_safety_mode(store, keyring)
    begin = start or opening(result)
    changed = apply_change(result.fit.model, change)
    return WhatIfResult(
        result, change, begin, changed, compare(result.fit.model, changed, begin, turns)
    )
