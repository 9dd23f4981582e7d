"""The unsaid list on hand-made items: ages in plain local words (DST days are still days),
the nudge rule (two days, oldest first, three at most, gentle words), raising or letting go
on the same entry, and the gentle start-up template."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bowlby import models
from bowlby.errors import InputError
from bowlby.practice.unsaid_list import (
    LetGoInput,
    RaiseInput,
    StartupTemplate,
    UnsaidInput,
    age_in_days,
    age_in_words,
    let_go_draft,
    nudge_for,
    raised_draft,
    ready_to_raise,
    shorten,
    startup_sentence,
    startup_template,
    unsaid_draft,
    unsaid_view,
)

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
NOW = datetime(2026, 3, 30, 18, tzinfo=UTC)


def stored(draft: models.EntryDraft, entry_id: str = "u1") -> models.Entry:
    return models.Entry(
        **draft.model_dump(),
        id=entry_id,
        owner_id="p1",
        owner_name="Alex",
        created_at=draft.occurred_at,
        updated_at=draft.occurred_at,
    )


def noted(days_ago: float, what: str = "left me to clear up after the party", **extra):
    item = UnsaidInput(
        occurred_at=NOW - timedelta(days=days_ago), what_happened=what, sting=6, **extra
    )
    return stored(unsaid_draft(item), entry_id=f"u{days_ago}")


def raise_input(**extra) -> RaiseInput:
    values = {"feel": "tired", "about": "the party", "need": "a hand", "went": "well"}
    return RaiseInput(**{"raised_at": NOW, **values, **extra})


def test_an_item_is_open_private_and_keeps_its_words_apart_from_its_numbers():
    entry = noted(1, feeling=" hurt ")
    assert entry.values == {"sting": 6, "status": "open"}
    assert entry.text == {"what_happened": "left me to clear up after the party", "feeling": "hurt"}
    assert (entry.shared_with_partner, entry.shared_with_therapist) == (False, False)
    view = unsaid_view(entry)
    assert (view.is_open, view.status, view.raised_at, view.went_label) == (True, "open", None, "")


@pytest.mark.parametrize("field", ["shared_with_partner", "shared_with_therapist"])
def test_an_item_cannot_be_shared(field):
    with pytest.raises(InputError) as refused:
        UnsaidInput(occurred_at=NOW, what_happened="x", **{field: True})
    assert refused.value.field == field
    assert "only ever for you" in refused.value.detail


def test_an_empty_item_is_refused():
    with pytest.raises(ValueError, match="write a few words about what happened"):
        UnsaidInput(occurred_at=NOW, what_happened="   ")


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (0, "today"),
        (1, "1 day"),
        (3, "3 days"),
        (13, "13 days"),
        (14, "2 weeks"),
        (59, "8 weeks"),
        (61, "2 months"),
        (150, "4 months"),
        (400, "1 year"),
        (800, "2 years"),
    ],
)
def test_ages_in_plain_words(days, words):
    since = datetime(2025, 6, 10, 12, tzinfo=UTC)
    assert age_in_words(since, since + timedelta(days=days), BERLIN) == words


def test_a_month_counts_when_its_day_comes_round():
    since = datetime(2026, 1, 31, 12, tzinfo=UTC)
    assert age_in_words(since, datetime(2026, 4, 1, 12, tzinfo=UTC), BERLIN) == "2 months"
    assert age_in_words(since, datetime(2026, 4, 30, 12, tzinfo=UTC), BERLIN) == "2 months"
    assert age_in_words(since, datetime(2026, 5, 31, 12, tzinfo=UTC), BERLIN) == "4 months"


def test_ages_count_local_days_across_the_dst_change():
    # New York springs forward on 8 March 2026: 23:30 on the 7th to 00:30 on the 9th is
    # 24 hours of real time but two calendar days on the person's clock.
    since = datetime(2026, 3, 7, 23, 30, tzinfo=NEW_YORK)
    later = datetime(2026, 3, 9, 0, 30, tzinfo=NEW_YORK)
    assert later.astimezone(UTC) - since.astimezone(UTC) == timedelta(hours=24)
    assert age_in_days(since, later, NEW_YORK) == 2
    assert age_in_words(since, later, NEW_YORK) == "2 days"
    # The same two moments in Berlin are 05:30 and 05:30 the next day: one day.
    assert age_in_words(since, later, BERLIN) == "1 day"
    # Late evening in New York is already tomorrow in UTC: the age follows the local day.
    evening = datetime(2026, 3, 10, 22, tzinfo=NEW_YORK)
    assert age_in_words(evening, evening + timedelta(hours=1), NEW_YORK) == "today"


def test_items_are_ready_to_raise_from_two_local_days_oldest_first():
    items = [unsaid_view(noted(days)) for days in (1, 2, 9, 4)]
    ready = ready_to_raise(items, NOW, BERLIN)
    assert [item.id for item in ready] == ["u9", "u4", "u2"]


def test_the_nudge_names_the_oldest_three_gently_and_counts_nothing():
    items = [unsaid_view(noted(days)) for days in (3, 30, 7, 12, 0.5)]
    nudge = nudge_for(items, NOW, BERLIN)
    assert nudge is not None
    assert nudge.message == (
        "A few things have waited a while. The check-in is a good place for one of them — "
        "only if it feels right today."
    )
    assert [item.id for item in nudge.items] == ["u30", "u12", "u7"]


def test_the_nudge_for_one_or_two_and_none_when_nothing_waited():
    two = [unsaid_view(noted(days)) for days in (5, 2)]
    assert nudge_for(two, NOW, BERLIN).message == (  # type: ignore[union-attr]
        "Two things have waited a while. The check-in is a good place for one of them — "
        "only if it feels right today."
    )
    one = nudge_for(two[:1], NOW, BERLIN)
    assert one is not None
    assert one.message == (
        "One thing has waited a while. The check-in is a good place for it — "
        "only if it feels right today."
    )
    assert nudge_for([unsaid_view(noted(1))], NOW, BERLIN) is None
    assert nudge_for([], NOW, BERLIN) is None


def test_raised_and_let_go_items_are_not_nudged_but_not_yet_talked_ones_are():
    raised = unsaid_view(stored(raised_draft(noted(5), raise_input()), "raised"))
    gone = unsaid_view(stored(let_go_draft(noted(6), LetGoInput(let_go_at=NOW)), "gone"))
    begun = unsaid_view(stored(raised_draft(noted(7), raise_input(went="not yet")), "begun"))
    assert (raised.status, gone.status, begun.status) == ("raised", "let_go", "open")
    assert begun.went_label == "not yet talked"
    nudge = nudge_for([raised, gone, begun], NOW, BERLIN)
    assert nudge is not None
    assert [item.id for item in nudge.items] == ["begun"]


def test_raising_keeps_the_item_and_replaces_an_earlier_letting_go():
    first = noted(4, feeling="hurt")
    gone = stored(let_go_draft(first, LetGoInput(let_go_at=NOW, note="it was small")))
    assert gone.values["status"] == "let_go"
    assert gone.text["let_go_note"] == "it was small"
    raised = stored(raised_draft(gone, raise_input(went="Mixed", note="we laughed in the end")))
    assert raised.values == {
        "sting": 6,
        "status": "raised",
        "raised_at": NOW.isoformat(),
        "went": "mixed",
    }
    assert raised.text == {
        "what_happened": "left me to clear up after the party",
        "feeling": "hurt",
        "feel": "tired",
        "about": "the party",
        "need": "a hand",
        "raise_note": "we laughed in the end",
    }
    assert raised.occurred_at == first.occurred_at


def test_raising_before_the_item_or_with_an_unknown_outcome_is_refused():
    with pytest.raises(InputError) as early:
        raised_draft(noted(2), raise_input(raised_at=NOW - timedelta(days=3)))
    assert early.value.field == "raised_at"
    with pytest.raises(InputError) as odd:
        raise_input(went="brilliant")
    assert odd.value.field == "went"
    assert "'brilliant' is not one of: well, mixed, hard, not-yet." in str(odd.value)
    with pytest.raises(ValueError, match="finish each part of the sentence"):
        raise_input(need=" ")


def test_the_template_is_prefilled_from_the_item_then_from_what_was_said():
    item = unsaid_view(
        noted(3, what="You made plans for Saturday with your brother without asking me first, "
              "and I heard about it from him.", feeling="left out")
    )  # fmt: skip
    template = startup_template(item)
    assert template == StartupTemplate(
        "left out",
        "you made plans for Saturday with your brother without asking me first, and I…",
        "",
    )
    assert len(template.about) <= 80
    assert startup_sentence(template) == (
        "I feel left out about you made plans for Saturday with your brother without asking "
        "me first, and I… I need …"
    )
    said = unsaid_view(stored(raised_draft(noted(3), raise_input(went="hard"))))
    assert startup_template(said) == StartupTemplate("tired", "the party", "a hand")


def test_names_keep_their_capitals_after_about():
    item = unsaid_view(noted(3, what="Sam forgot my birthday"))
    assert startup_template(item).about == "Sam forgot my birthday"
    item = unsaid_view(noted(3, what="The dishes, again."))
    assert startup_template(item).about == "the dishes, again"


def test_the_sentence_does_not_repeat_its_own_words():
    typed = StartupTemplate("I feel lonely.", "about the evenings", "I need an hour with you.")
    assert startup_sentence(typed) == ("I feel lonely about the evenings. I need an hour with you.")
    assert startup_sentence(StartupTemplate("", "", "")) == "I feel … about … I need …"


def test_shorten_cuts_at_a_word():
    assert shorten("short and sweet.") == "short and sweet"
    assert shorten("one two three four", limit=10) == "one two…"
    assert shorten("x" * 30, limit=10) == "x" * 9 + "…"
