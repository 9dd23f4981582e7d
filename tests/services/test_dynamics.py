"""The couple model as use cases, on both databases: hard conversations logged, listed and read
(only one's own), a chat's scored turns (only the importer's), fits of both sources with the
too-few-turns refusal, and the what-if paused in safety mode."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import NamedTuple

import pytest

from bowlby import models
from bowlby.chats.messages import ChatMessage, MessageKind, ParseReport
from bowlby.dynamics.fitting import TooFewTurns
from bowlby.dynamics.hard_conversations import HardConversationInput
from bowlby.dynamics.model import Bilinear, CoupleModel, PartnerModel, simulate
from bowlby.errors import InputError, NotFound, NotShared, PausedForSafety
from bowlby.services import chats, safety, sharing
from bowlby.services import dynamics as service

WHEN = datetime(2026, 3, 7, 21, tzinfo=UTC)
KNOWN = CoupleModel(
    PartnerModel(-0.3, 0.3, Bilinear(0.5, 0.3)),
    PartnerModel(-0.2, 0.4, Bilinear(0.4, 0.2)),
)
LABEL_OF = {
    -4: "contempt",
    -3: "criticism",
    -2: "defensiveness",
    -1: "protest",
    1: "vulnerability",
    2: "repair",
}


class Read(NamedTuple):
    labels: tuple[str, ...]
    valence: str


def simulated_scores(turns: int, seed: int) -> list[int]:
    """Alternating scores from a known model (noise, whole numbers, on the scale)."""
    run = simulate(KNOWN, (-1, -1), turns // 2, noise_sd=1.2, seed=seed, round_scores=True)
    pairs = zip(run.first[1:], run.second[1:], strict=True)
    return [int(score) for pair in pairs for score in pair]


def log(store, keyring, scores, topic="the holidays", first="me", shared=False):
    logged = HardConversationInput(
        occurred_at=WHEN, topic=topic, first=first, scores=scores, shared_with_partner=shared
    )
    return service.log_hard_conversation(store, keyring, logged)


def test_logged_conversations_are_listed_and_read_by_their_owner_only(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    saved = log(store, alex, [-2, -1, -3, 0, 1], shared=True)
    assert saved.scores == [-2, -1, -3, 0, 1]
    assert saved.speakers == ["me", "partner", "me", "partner", "me"]
    assert service.read_hard_conversation(store, alex, saved.id).topic == "the holidays"
    assert [view.id for view in service.list_hard_conversations(store, alex)] == [saved.id]
    assert service.list_hard_conversations(store, sam) == []
    with pytest.raises((NotFound, NotShared)):
        service.read_hard_conversation(store, sam, saved.id)
    with pytest.raises(InputError, match="No hard conversations logged yet"):
        service.fit_for_logged(store, sam)


def test_too_few_logged_turns_are_refused_with_the_counts(store, make_profile):
    alex = make_profile("Alex")
    log(store, alex, simulated_scores(60, seed=1))
    with pytest.raises(TooFewTurns) as refused:
        service.fit_for_logged(store, alex)
    assert (refused.value.have, refused.value.need) == (29, 100)
    assert "There are 29 turn pairs for me; a fit needs at least 100" in refused.value.message


def test_all_logged_conversations_are_pooled_into_one_fit(store, make_profile):
    alex = make_profile("Alex")
    for seed in range(3):
        log(store, alex, simulated_scores(220, seed=seed), first="me")
    result = service.fit_for_logged(store, alex, bootstrap=50)
    fit = result.fit
    assert result.source.kind == "logged"
    assert len(result.source.conversations) == 3
    assert (fit.first_speaker, fit.second_speaker) == ("me", "partner")
    assert result.names == ("Alex", "Partner")
    sam = make_profile("Sam")
    sharing.accept_invitation(
        store, sam, sharing.create_invitation(store, alex, models.LinkRole.PARTNER)
    )
    assert service.fit_for_logged(store, alex, bootstrap=0).names == ("Alex", "Sam")
    assert fit.scoring_version == "hand-coded"
    assert (fit.n_pairs.first, fit.n_pairs.second) == (327, 327)
    slope = fit.first["negative_slope"]
    assert slope.shown
    assert slope.low < slope.value < slope.high
    one = service.fit_for_logged(store, alex, result.source.conversations[0].id, bootstrap=0)
    assert (one.source.id, one.source.title) == (result.source.conversations[0].id, "the holidays")
    assert (one.fit.n_pairs.first, one.fit.n_pairs.second) == (109, 109)


def chat_messages(scores: list[int], start: datetime = WHEN) -> list[ChatMessage]:
    people = ("Maya", "Jordan")
    return [
        ChatMessage(
            start + timedelta(minutes=n),
            people[n % 2],
            f"S{score}",
            MessageKind.TEXT,
            "chat.txt",
            n + 1,
        )
        for n, score in enumerate(scores)
    ]


def score_reading(text: str) -> Read:
    """'S-3' reads as the label weighing -3 (scores above +2 have no label: tone +1)."""
    score = int(text[1:])
    if score in LABEL_OF:
        return Read((LABEL_OF[score],), "negative" if score < 0 else "positive")
    return Read(("neutral",), "positive" if score > 0 else "neutral")


def import_chat(store, keyring, scores) -> str:
    summary = chats.import_chat(
        store, keyring, chat_messages(scores), me="Maya", format="whatsapp", report=ParseReport()
    )
    return summary.chat_id


def test_a_chats_turns_are_scored_and_split_for_its_importer_only(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    chat_id = import_chat(store, alex, [-2, 0, 2, -4])
    source = service.conversations_from_chat(store, alex, chat_id, analyse=score_reading)
    assert source.kind == "chat"
    assert source.labels == {"Maya": "Maya", "Jordan": "Jordan"}
    [talk] = source.conversations
    assert [(t.partner, t.score) for t in talk.turns] == [
        ("Maya", -2),
        ("Jordan", 0),
        ("Maya", 2),
        ("Jordan", -4),
    ]
    assert talk.scoring_version == "chat-labels-1"
    with pytest.raises(NotShared):
        service.conversations_from_chat(store, sam, chat_id, analyse=score_reading)


def test_a_long_chat_fits_and_the_source_is_chosen_once(store, make_profile):
    alex = make_profile("Alex")
    scores = [max(-4, min(2, s)) for s in simulated_scores(400, seed=4)]
    chat_id = import_chat(store, alex, scores)
    source = service.load_source(store, alex, chat=chat_id[:8], conversation=None)
    result = service.fit_source(
        service.conversations_from_chat(store, alex, source.id, analyse=score_reading),
        bootstrap=20,
    )
    assert (result.fit.first_speaker, result.fit.n_pairs.total) == ("Maya", 398)
    with pytest.raises(InputError, match="not both"):
        service.load_source(store, alex, chat=chat_id, conversation="all")
    with pytest.raises(InputError, match="Choose a chat"):
        service.load_source(store, alex, chat=None, conversation=None)


def test_the_whatif_runs_both_models_from_the_same_start_and_pauses_in_safety_mode(
    store, make_profile
):
    from bowlby.dynamics.whatif import Change

    alex = make_profile("Alex")
    for seed in range(2):
        log(store, alex, simulated_scores(320, seed=seed))
    result = service.fit_for_logged(store, alex, bootstrap=0)
    calmer = Change("first", "negative_slope", 0.0)
    done = service.whatif(store, alex, result, calmer, turns=12)
    assert done.start == service.opening(result)
    assert done.changed.first.influence.negative_slope == 0.0
    assert len(done.runs.before.first) == len(done.runs.after.first) == 13
    assert done.runs.before.first[0] == done.runs.after.first[0] == done.start[0]
    safety.set_safety_mode(store, alex, True)
    with pytest.raises(PausedForSafety):
        service.whatif(store, alex, result, calmer)
    assert service.fit_for_logged(store, alex, bootstrap=0).fit.n_pairs.total == 636
