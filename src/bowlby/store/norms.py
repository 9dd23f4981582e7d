"""Queries for loaded norms files."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bowlby.store.tables import NormsRow


def latest_norms(session: Session, instrument_id: str) -> NormsRow | None:
    query = (
        select(NormsRow)
        .where(NormsRow.instrument_id == instrument_id)
        .order_by(NormsRow.loaded_at.desc())
        .limit(1)
    )
    return session.scalar(query)


def all_norms(session: Session) -> list[NormsRow]:
    return list(session.scalars(select(NormsRow).order_by(NormsRow.loaded_at)))
