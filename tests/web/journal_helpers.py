"""Records of the five steps made through the API, for the journal page and API tests."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tests.web.helpers import NOW, Person


def post(person: Person, path: str, body: dict[str, Any]) -> dict[str, Any]:
    response = person.send("POST", f"/api/journal/{path}", body)
    assert response.status_code == 201, response.text
    return response.json()


def when(moment: datetime | None = None) -> str:
    return (moment or NOW).isoformat()


def log_trigger(person: Person, **fields: Any) -> dict[str, Any]:
    body = {
        "occurred_at": when(),
        "what_happened": "No reply all afternoon",
        "partner_action": "delayed_reply",
        "urge": "text_again",
        "strength": 7,
        "tags": ["texting"],
        **fields,
    }
    return post(person, "triggers", body)


def name_emotion(person: Person, **fields: Any) -> dict[str, Any]:
    body = {"occurred_at": when(), "family": "fear", "name": "abandoned", "intensity": 6, **fields}
    return post(person, "emotions", body)


def keep_success(person: Person, what: str = "They called to say the train was late", **fields):
    body = {"occurred_at": when(), "what_happened": what, "quality": "reliable", **fields}
    return post(person, "successes", body)


def record_thought(person: Person, **fields: Any) -> dict[str, Any]:
    body = {
        "occurred_at": when(),
        "situation": "No reply for three hours",
        "automatic_thought": "They will definitely leave me",
        "belief_before": 80,
        **fields,
    }
    return post(person, "thoughts", body)


def reflect(person: Person, answer: str = "We had a routine then.", **fields: Any):
    body = {"occurred_at": when(), "prompt_id": "first_love", "answer": answer, **fields}
    return post(person, "reflections", body)


def one_of_each(person: Person, word: str, **sharing: bool) -> dict[str, str]:
    """A record of every kind whose text contains ``word``; their ids by kind."""
    moment = keep_success(person, f"{word} moment", **sharing)
    return {
        "trigger": log_trigger(person, what_happened=f"{word} trigger", **sharing)["id"],
        "emotion": name_emotion(person, note=f"{word} emotion", **sharing)["id"],
        "thought_record": record_thought(
            person,
            automatic_thought=f"{word} thought",
            evidence_success_ids=[moment["id"]],
            **sharing,
        )["id"],
        "success": moment["id"],
        "reflection": reflect(person, f"{word} reflection", **sharing)["id"],
    }
