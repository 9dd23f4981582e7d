"""The JSON API under /api: the same use cases and page contexts as the pages, as JSON.

Unsafe methods need the session's CSRF token in the ``X-CSRF-Token`` header; errors always
come back as ``{"error": {"code", "message", "field"}}``.
"""

from __future__ import annotations

from fastapi import APIRouter

from bowlby.web.api import (
    assessments,
    auth,
    chat_report,
    chats,
    dynamics,
    dynamics_loop,
    entries,
    journal,
    learn,
    links,
    practice,
    report,
    safety,
    text,
)

router = APIRouter(prefix="/api")
router.include_router(auth.router)
router.include_router(entries.router)
router.include_router(links.router)
router.include_router(journal.router)
router.include_router(assessments.router)
router.include_router(safety.router)
router.include_router(practice.router)
router.include_router(chats.router)
router.include_router(chat_report.router)
router.include_router(text.router)
router.include_router(learn.router)
router.include_router(dynamics_loop.router)
router.include_router(dynamics.router)
router.include_router(report.router)
