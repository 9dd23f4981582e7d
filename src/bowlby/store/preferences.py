"""Queries for a profile's sealed preferences document."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bowlby.store.tables import ProfilePreferencesRow


def find_preferences(session: Session, profile_id: str) -> ProfilePreferencesRow | None:
    return session.get(ProfilePreferencesRow, profile_id)


def save_preferences(session: Session, profile_id: str, sealed: bytes) -> None:
    row = session.get(ProfilePreferencesRow, profile_id)
    if row is None:
        session.add(ProfilePreferencesRow(profile_id=profile_id, sealed_preferences=sealed))
    else:
        row.sealed_preferences = sealed
    session.flush()
