"""Full-text search over a person's own decrypted entries.

Text is encrypted at rest, so there is no index on disk: the entries a person can read are
decrypted for the search and matched in memory, then forgotten.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from bowlby import models

SNIPPET_CHARS = 160


@dataclass(frozen=True)
class SearchHit:
    entry: models.Entry
    snippet: str
    score: int


def fold(text: str) -> str:
    """Case- and accent-insensitive form, so 'Cafe' finds 'café'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def search_entries(entries: Sequence[models.Entry], query: str) -> list[SearchHit]:
    """Entries containing every word of the query, most matches first, then newest."""
    words = [fold(word) for word in query.split()]
    if not words:
        return []
    hits = []
    for entry in entries:
        text = "\n".join([entry.kind, *map(str, entry.values.values()), *entry.text.values()])
        folded = fold(text)
        if all(word in folded for word in words):
            score = sum(folded.count(word) for word in words)
            hits.append(SearchHit(entry, _snippet(entry, words), score))
    return sorted(hits, key=lambda hit: (-hit.score, -hit.entry.occurred_at.timestamp()))


def _snippet(entry: models.Entry, words: list[str]) -> str:
    for value in entry.text.values():
        folded = fold(value)
        position = min((folded.find(w) for w in words if w in folded), default=-1)
        if position >= 0:
            start = max(0, position - SNIPPET_CHARS // 3)
            piece = value[start : start + SNIPPET_CHARS].replace("\n", " ")
            return (
                ("…" if start else "") + piece + ("…" if start + SNIPPET_CHARS < len(value) else "")
            )
    return ""
