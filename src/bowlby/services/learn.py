"""The guide as use cases: its contents, and one article read for the person, with their own
figures gathered from their own records only (``whose="mine"``; chats are only ever the
importer's). What a partner shared with them never counts as theirs. Nothing is stored.

Safety mode leaves the guide readable (it teaches, it does not coach); it only marks the
practice links to the tools that step aside.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta, tzinfo

from bowlby import models
from bowlby.chats.patterns import HORSEMEN
from bowlby.journal.triggers import find_trigger_patterns
from bowlby.learn import figures as own
from bowlby.learn.article_body import FIGURE_NAMES, FigureName, Variant
from bowlby.learn.articles import load_articles, variant_of
from bowlby.learn.reading import ArticleReading, ArticleSummary, build_reading, summarise
from bowlby.practice import repair_attempts, soothing
from bowlby.services import assessments, chats, journal, records, repairs
from bowlby.services import soothing as soothing_service
from bowlby.services.chat_report import READ_AS_WORDS, Analyse, default_analyser, read_window
from bowlby.store.engine import Store

TRIGGER_DAYS = 90
CHAT_DAYS = 30
TOP_TRIGGERS = 3
MAX_OWN_MESSAGES = 20_000  # the latest ones; enough for a month of even a busy chat


def list_articles() -> tuple[ArticleSummary, ...]:
    """The guide's contents, in order."""
    return tuple(summarise(article) for article in load_articles())


def read_article(
    store: Store,
    keyring: models.Keyring,
    slug: str,
    zone: tzinfo,
    *,
    as_variant: str | None = None,
    now: datetime | None = None,
    analyse: Analyse | None = None,
) -> ArticleReading:
    """One article for this person: their variant (or the one asked for), their figures."""
    articles = load_articles()
    needed = next((a.meta.figures for a in articles if a.slug == slug), ())
    figures = gather_figures(store, keyring, zone, needed, now=now, analyse=analyse)
    return build_reading(
        articles,
        slug,
        figures,
        own_variant=own_variant(figures),
        requested=as_variant,
        paused=records.coaching_paused(store, keyring),
    )


def own_variant(figures: own.PersonalFigures) -> Variant:
    return variant_of(figures.position.region if figures.position else None)


def gather_figures(
    store: Store,
    keyring: models.Keyring,
    zone: tzinfo,
    names: tuple[FigureName, ...] = FIGURE_NAMES,
    *,
    now: datetime | None = None,
    analyse: Analyse | None = None,
) -> own.PersonalFigures:
    """The person's own figures that ``names`` asks for; the position always, since it
    chooses the article's variant."""
    now = now or datetime.now(UTC)
    wanted = set(names)
    return own.PersonalFigures(
        position=latest_position(store, keyring, zone),
        top_triggers=(top_triggers(store, keyring, zone, now) if "top_triggers" in wanted else ()),
        chat_moves=chat_moves(store, keyring, now, analyse) if "chat_moves" in wanted else None,
        time_to_repair=time_to_repair(store, keyring, zone) if "time_to_repair" in wanted else None,
        soothing_effect=soothing_effect(store, keyring) if "soothing_effect" in wanted else None,
    )


def latest_position(
    store: Store, keyring: models.Keyring, zone: tzinfo
) -> own.PositionFigure | None:
    """The newest finished questionnaire of the person's own that places them on the plane."""
    for assessment in reversed(assessments.list_assessments(store, keyring, whose="mine")):
        result = assessments.score_assessment(assessment)
        found = result.position
        if found is None:
            continue
        return own.PositionFigure(
            instrument=result.instrument.short_name,
            taken_on=assessment.taken_at.astimezone(zone).date(),
            anxiety=found.anxiety,
            avoidance=found.avoidance,
            anxiety_margin=found.anxiety_margin,
            avoidance_margin=found.avoidance_margin,
            uncertainty_known=found.uncertainty_known,
            region=found.region,
            region_label=found.region_label,
            near_boundary=found.near_boundary,
            not_a_verdict=found.not_a_verdict,
        )
    return None


def top_triggers(
    store: Store, keyring: models.Keyring, zone: tzinfo, now: datetime
) -> tuple[own.TriggerCount, ...]:
    """The partner actions the person logged most in the last 90 days, with counts."""
    since = now - timedelta(days=TRIGGER_DAYS)
    logs = journal.list_triggers(store, keyring, whose="mine", since=since, until=now)
    ranked = find_trigger_patterns(logs, zone).actions[:TOP_TRIGGERS]
    return tuple(own.TriggerCount(label=item.label, count=item.count) for item in ranked)


def chat_moves(
    store: Store, keyring: models.Keyring, now: datetime, analyse: Analyse | None = None
) -> own.ChatMoves | None:
    """How many of the person's own messages of the last 30 days read as protest, withdrawal
    and each horseman; the latest MAX_OWN_MESSAGES at most. None without any."""
    since = now - timedelta(days=CHAT_DAYS)
    texts: list[tuple[datetime, str]] = []
    for chat in chats.list_chats(store, keyring):
        if chat.last_at is None or chat.last_at < since:
            continue
        texts.extend(
            (message.sent_at, message.text)
            for message in read_window(store, keyring, chat.id, since, now)
            if message.sender == chat.me and message.kind in READ_AS_WORDS
        )
    if not texts:
        return None
    texts.sort(key=lambda item: item[0])
    kept = texts[-MAX_OWN_MESSAGES:]
    counts = _count_labels([text for _, text in kept], analyse or default_analyser())
    return own.ChatMoves(
        messages=len(kept),
        protest=counts["protest"],
        withdrawal=counts["withdrawal"],
        horsemen={name: counts[name] for name in HORSEMEN},
        capped_at=MAX_OWN_MESSAGES if len(texts) > MAX_OWN_MESSAGES else None,
    )


def _count_labels(texts: list[str], analyse: Analyse) -> Counter[str]:
    """Messages per label, the analyser run once per distinct text."""
    labels_of: dict[str, tuple[str, ...]] = {}
    counts: Counter[str] = Counter()
    for text in texts:
        if text not in labels_of:
            labels_of[text] = tuple(analyse(text).labels)
        counts.update(set(labels_of[text]))
    return counts


def time_to_repair(store: Store, keyring: models.Keyring, zone: tzinfo) -> own.RepairFigure | None:
    """The median time-to-repair over the person's latest repairs, and over the ones before."""
    rolling = repair_attempts.rolling_median(
        repairs.list_ruptures(store, keyring, whose="mine"), zone
    )
    if not rolling:
        return None
    latest = rolling[-1]
    before = len(rolling) - 1 - repair_attempts.ROLLING_COUNT
    return own.RepairFigure(
        repairs=latest.repaired,
        median_minutes=latest.median_minutes,
        earlier_median_minutes=rolling[before].median_minutes if before >= 0 else None,
    )


def soothing_effect(store: Store, keyring: models.Keyring) -> own.SoothingFigure | None:
    """The mean drop in anxiety over all the person's own self-soothing sessions."""
    sessions = soothing_service.list_sessions(store, keyring, whose="mine")
    effect = soothing.summarise_drops([session.drop for session in sessions])
    if effect.mean_drop is None:
        return None
    return own.SoothingFigure(
        sessions=effect.count, mean_drop=effect.mean_drop, low=effect.low, high=effect.high
    )
