"""The search page's context: entries the person may read that contain every word, each
with its kind, date and a snippet. Decrypted in memory for one search, then forgotten."""

from __future__ import annotations

from pydantic import AwareDatetime, BaseModel

from bowlby import models
from bowlby.services import journal
from bowlby.store.engine import Store
from bowlby.web import contexts
from bowlby.web.contexts import Whose


class SearchResult(BaseModel):
    id: str
    kind: str
    kind_label: str
    occurred_at: AwareDatetime
    title: str
    snippet: str
    owner_name: str
    mine: bool


class SearchPage(BaseModel):
    query: str
    whose: Whose
    results: list[SearchResult]


def build_search(
    store: Store, keyring: models.Keyring, query: str, whose: Whose = "mine"
) -> SearchPage:
    hits = journal.search_journal(store, keyring, query, whose) if query.strip() else []
    return SearchPage(
        query=query,
        whose=whose,
        results=[
            SearchResult(
                id=hit.entry.id,
                kind=hit.entry.kind,
                kind_label=journal.KINDS.get(hit.entry.kind, hit.entry.kind),
                occurred_at=hit.entry.occurred_at,
                title=contexts.entry_title(hit.entry),
                snippet=hit.snippet,
                owner_name=hit.entry.owner_name,
                mine=hit.entry.owner_id == keyring.profile_id,
            )
            for hit in hits
        ],
    )
