"""Plots through their use case, on both databases: each drawn from the person's own data and
what a partner shared (never what they did not), a clear error when there is nothing yet,
and a file written only when there is something to write."""

from __future__ import annotations

import stat
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bowlby import models
from bowlby.errors import InputError, NotFound, NotShared
from bowlby.practice.ratio_ledger import InteractionInput
from bowlby.services import entries, plots, ratio_ledger, sharing
from tests.services.test_assessments import ECR_S_HIGH, ECR_S_LOW, take
from tests.services.test_chat_report import import_messages
from tests.services.test_cycle_maps import start, write_side

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 1, 19, tzinfo=UTC)


@pytest.fixture
def couple(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    sharing.accept_invitation(
        store, sam, sharing.create_invitation(store, alex, models.LinkRole.PARTNER)
    )
    return alex, sam


def moment(store, keyring, sign: str, days_ago: int, shared: bool = False) -> None:
    when = NOW - timedelta(days=days_ago)
    moment = InteractionInput(occurred_at=when, sign=sign, shared_with_partner=shared)
    ratio_ledger.log_interaction(store, keyring, moment)


def test_the_plane_holds_my_results_and_only_the_ones_my_partner_shared(store, couple):
    alex, sam = couple
    take(store, alex, ECR_S_HIGH)
    private = take(store, sam, ECR_S_LOW)
    assert "Alex: anxiety 6.00" in plots.draw_plot(store, alex, "plane", BERLIN).description
    together = plots.draw_plot(store, alex, "plane", BERLIN, couple=True)
    assert together.spec.name == "plane-couple"
    assert "Sam" not in together.description
    entries.set_sharing(store, sam, private.assessment.id, partner=True, therapist=False)
    shared = plots.draw_plot(store, alex, "plane-couple", BERLIN).description
    assert "Sam: anxiety 2.00, avoidance 2.00" in shared
    assert "Sam" not in plots.draw_plot(store, alex, "plane", BERLIN).description


def test_the_ratio_counts_my_moments_never_my_partners_even_shared(store, couple):
    alex, sam = couple
    for days_ago in range(3):
        moment(store, alex, "+", days_ago)
    moment(store, alex, "-", 1)
    for _ in range(5):
        moment(store, sam, "-", 0, shared=True)
    drawn = plots.draw_plot(store, alex, "ratio", BERLIN, now=NOW)
    assert drawn.description == (
        "Over the 7 days to 2026-03-01: 3.0 positive for each negative. The line marks 5:1."
    )
    assert drawn.render("png").startswith(b"\x89PNG")
    with pytest.raises(NotFound, match=r"Nothing to draw yet\. No moments logged"):
        plots.draw_plot(store, sam, "ratio", BERLIN, now=NOW + timedelta(days=60))


def test_nothing_yet_is_a_clear_not_found_and_writes_no_file(store, make_profile, tmp_path):
    alex = make_profile("Alex")
    target = tmp_path / "plane.pdf"
    for name in ("plane", "repairs", "soothing", "tolerance", "loop", "cycle"):
        with pytest.raises(NotFound, match="Nothing to draw yet"):
            plots.export_plot(store, alex, name, BERLIN, target)
    assert not target.exists()


def test_export_writes_a_private_file_by_its_suffix_and_refuses_others(
    store, make_profile, tmp_path
):
    alex = make_profile("Alex")
    take(store, alex, ECR_S_HIGH)
    for suffix, magic in ((".svg", b"<svg"), (".png", b"\x89PNG"), (".pdf", b"%PDF")):
        target = tmp_path / f"plane{suffix}"
        plots.export_plot(store, alex, "plane", BERLIN, target)
        assert target.read_bytes().startswith(magic)
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with pytest.raises(InputError) as error:
        plots.export_plot(store, alex, "plane", BERLIN, tmp_path / "plane.jpg")
    assert (error.value.field, error.value.detail) == (
        "--output",
        "the file must end in .svg, .png or .pdf.",
    )
    assert not (tmp_path / "plane.jpg").exists()


def test_options_are_checked_against_the_plot(store, make_profile):
    alex = make_profile("Alex")
    with pytest.raises(InputError, match="there is no plot 'pie'") as unknown:
        plots.draw_plot(store, alex, "pie", BERLIN)
    assert unknown.value.field == "name"
    with pytest.raises(InputError, match="does not take --chat"):
        plots.draw_plot(store, alex, "ratio", BERLIN, chat="abc")
    with pytest.raises(InputError, match="choose one of your imported chats"):
        plots.draw_plot(store, alex, "chat-weeks", BERLIN)
    with pytest.raises(InputError, match="choose 28 or 91 days"):
        plots.draw_plot(store, alex, "ratio", BERLIN, days=30)
    with pytest.raises(InputError, match="does not take --couple"):
        plots.draw_plot(store, alex, "repairs", BERLIN, couple=True)


def test_a_chat_plot_reads_my_chat_and_never_someone_elses(store, couple):
    alex, sam = couple
    chat_id = import_messages(store, alex)
    for name in ("chat-weeks", "chat-latency", "chat-episodes"):
        drawn = plots.draw_plot(store, alex, name, BERLIN, chat=chat_id)
        assert drawn.render("svg").startswith(b"<svg")
    with pytest.raises((NotFound, NotShared, InputError)):
        plots.draw_plot(store, sam, "chat-weeks", BERLIN, chat=chat_id)


def test_the_cycle_is_drawn_from_what_the_reader_may_see(store, couple):
    alex, sam = couple
    cycle = start(store, alex)
    write_side(store, alex, cycle.id, shared=False, trigger="Private words")
    write_side(store, sam, cycle.id, trigger="Questions come fast")
    mine = plots.draw_plot(store, alex, "cycle", BERLIN).render("svg").decode()
    assert "Private words" in mine
    theirs = plots.draw_plot(store, sam, "cycle", BERLIN, cycle=cycle.id).render("svg").decode()
    assert "Questions come fast" in theirs
    assert "Private words" not in theirs
    with pytest.raises(InputError, match=r"as \.svg only"):
        plots.draw_plot(store, alex, "cycle", BERLIN).render("png")
