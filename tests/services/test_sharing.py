"""Links and invitation codes: one-time, expiring, partner and therapist rules, and the access
that links give and take away; on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, update

from bowlby import models
from bowlby.errors import Conflict, InputError, NotFound, NotShared
from bowlby.services import accounts, entries, sharing
from bowlby.store.tables import EntryShareRow, InvitationRow, LinkRow

PARTNER, THERAPIST = models.LinkRole.PARTNER, models.LinkRole.THERAPIST


def write(store, keyring, body, **flags):
    draft = models.EntryDraft(occurred_at=datetime.now(UTC), text={"body": body}, **flags)
    return entries.write_entry(store, keyring, draft)


def link(store, inviter, acceptor, role=PARTNER):
    return sharing.accept_invitation(
        store, acceptor, sharing.create_invitation(store, inviter, role)
    )


def count(store, table):
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(table)).scalar()


def readable(store, keyring, entry_id):
    try:
        return entries.read_entry(store, keyring, entry_id).text["body"]
    except NotShared:
        return None


# --- invitation codes ----------------------------------------------------------------------


def test_an_invitation_code_links_two_partners(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    code = sharing.create_invitation(store, alex, PARTNER)
    assert len(code) == 14
    assert code.count("-") == 2
    info = sharing.accept_invitation(store, sam, code)
    assert (info.name, info.role, info.i_am_client) == ("Alex", PARTNER, False)
    assert [(link.name, link.role) for link in sharing.list_links(store, alex)] == [
        ("Sam", PARTNER)
    ]
    assert [(link.name, link.role) for link in sharing.list_links(store, sam)] == [
        ("Alex", PARTNER)
    ]


def test_an_invitation_code_is_stored_only_as_a_hash(store, make_profile):
    alex = make_profile("Alex")
    code = sharing.create_invitation(store, alex, PARTNER)
    with store.engine.connect() as connection:
        stored = connection.execute(select(InvitationRow.__table__)).all()
    assert len(stored) == 1
    assert code not in repr(stored)
    assert code.replace("-", "") not in repr(stored)


@pytest.mark.parametrize(
    "typed", [str.lower, lambda code: code.replace("-", ""), lambda code: f" {code} "]
)
def test_an_invitation_code_may_be_typed_loosely(store, make_profile, typed):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    code = sharing.create_invitation(store, alex, PARTNER)
    assert sharing.accept_invitation(store, sam, typed(code)).name == "Alex"


def test_an_invitation_code_works_only_once(store, make_profile):
    alex, sam, robin = make_profile("Alex"), make_profile("Sam"), make_profile("Robin")
    lee = make_profile("Dr Lee", models.Role.THERAPIST)
    code = sharing.create_invitation(store, alex, THERAPIST)
    sharing.accept_invitation(store, lee, code)
    for someone in (lee, robin, sam):
        with pytest.raises(NotFound, match="already been used"):
            sharing.accept_invitation(store, someone, code)
    assert count(store, LinkRow.__table__) == 1


def test_an_expired_invitation_code_is_refused(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    code = sharing.create_invitation(store, alex, PARTNER)
    with store.unit_of_work() as session:
        session.execute(
            update(InvitationRow).values(expires_at=datetime.now(UTC) - timedelta(minutes=1))
        )
    with pytest.raises(NotFound, match="expired"):
        sharing.accept_invitation(store, sam, code)
    assert sharing.list_links(store, sam) == []


def test_an_invitation_expires_after_a_week(store, make_profile):
    alex = make_profile("Alex")
    sharing.create_invitation(store, alex, PARTNER)
    with store.engine.connect() as connection:
        created, expires = connection.execute(
            select(InvitationRow.created_at, InvitationRow.expires_at)
        ).one()
    assert expires - created == timedelta(days=sharing.INVITATION_DAYS)


def test_an_unknown_code_is_not_found(store, make_profile):
    sam = make_profile("Sam")
    with pytest.raises(NotFound, match="not valid"):
        sharing.accept_invitation(store, sam, "AAAA-BBBB-CCCC")


def test_ones_own_code_is_refused_and_stays_usable(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    code = sharing.create_invitation(store, alex, PARTNER)
    with pytest.raises(InputError, match="your own invitation code"):
        sharing.accept_invitation(store, alex, code)
    assert sharing.accept_invitation(store, sam, code).name == "Alex"


def test_someone_with_a_partner_cannot_invite_another(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    link(store, alex, sam)
    for linked in (alex, sam):
        with pytest.raises(Conflict, match="already linked with a partner"):
            sharing.create_invitation(store, linked, PARTNER)


@pytest.mark.parametrize("who_got_linked", ["acceptor", "inviter"])
def test_a_partner_code_is_refused_when_either_side_is_already_linked(
    store, make_profile, who_got_linked
):
    alex, sam, robin, kai = (make_profile(name) for name in ("Alex", "Sam", "Robin", "Kai"))
    code = sharing.create_invitation(store, robin, PARTNER)
    if who_got_linked == "acceptor":
        link(store, alex, sam)
        acceptor = sam
    else:
        link(store, robin, kai)
        acceptor = alex
    with pytest.raises(Conflict, match="already linked with a partner"):
        sharing.accept_invitation(store, acceptor, code)
    assert count(store, LinkRow.__table__) == 1


def test_a_therapist_code_is_accepted_only_by_a_therapist_profile(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    lee = make_profile("Dr Lee", models.Role.THERAPIST)
    code = sharing.create_invitation(store, alex, THERAPIST)
    with pytest.raises(Conflict, match="only a therapist profile"):
        sharing.accept_invitation(store, sam, code)
    info = sharing.accept_invitation(store, lee, code)
    assert (info.name, info.role) == ("Alex", THERAPIST)
    assert [(ln.name, ln.i_am_client) for ln in sharing.list_links(store, alex)] == [
        ("Dr Lee", True)
    ]
    assert [(ln.name, ln.i_am_client) for ln in sharing.list_links(store, lee)] == [("Alex", False)]


def test_a_therapist_can_have_several_clients_and_a_client_a_partner_too(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    lee = make_profile("Dr Lee", models.Role.THERAPIST)
    link(store, alex, sam)
    link(store, alex, lee, THERAPIST)
    link(store, sam, lee, THERAPIST)
    assert sorted(ln.name for ln in sharing.list_links(store, lee)) == ["Alex", "Sam"]
    assert sorted(ln.name for ln in sharing.list_links(store, alex)) == ["Dr Lee", "Sam"]


def test_the_same_therapist_cannot_be_linked_twice(store, make_profile):
    alex = make_profile("Alex")
    lee = make_profile("Dr Lee", models.Role.THERAPIST)
    link(store, alex, lee, THERAPIST)
    with pytest.raises(Conflict, match="already linked with Alex"):
        link(store, alex, lee, THERAPIST)


# --- access that links give and take away --------------------------------------------------


def test_an_entry_shared_before_the_link_opens_after_its_owner_unlocks_again(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    lee = make_profile("Dr Lee", models.Role.THERAPIST)
    for_partner = write(store, alex, "for a partner one day", shared_with_partner=True)
    for_therapist = write(store, alex, "for a therapist one day", shared_with_therapist=True)
    private = write(store, alex, "just mine")

    link(store, alex, sam)
    link(store, alex, lee, THERAPIST)
    assert readable(store, sam, for_partner.id) is None, "Alex has not unlocked since"
    assert readable(store, lee, for_therapist.id) is None

    accounts.unlock_profile(store, "Alex", "alex passphrase")

    assert readable(store, sam, for_partner.id) == "for a partner one day"
    assert readable(store, lee, for_therapist.id) == "for a therapist one day"
    for reader in (sam, lee):
        assert readable(store, reader, private.id) is None
    assert readable(store, sam, for_therapist.id) is None
    assert readable(store, lee, for_partner.id) is None
    assert sharing.share_pending_entries(store, alex) == 0


def test_the_acceptor_shares_their_pending_entries_at_once(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    waiting = write(store, sam, "sam wrote this earlier", shared_with_partner=True)
    link(store, alex, sam)
    assert readable(store, alex, waiting.id) == "sam wrote this earlier"


def test_unsharing_takes_access_away(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    lee = make_profile("Dr Lee", models.Role.THERAPIST)
    link(store, alex, sam)
    link(store, alex, lee, THERAPIST)
    entry = write(store, alex, "shared", shared_with_partner=True, shared_with_therapist=True)
    assert readable(store, sam, entry.id) == readable(store, lee, entry.id) == "shared"

    entries.set_sharing(store, alex, entry.id, partner=False, therapist=True)
    assert readable(store, sam, entry.id) is None
    assert readable(store, lee, entry.id) == "shared"

    entries.set_sharing(store, alex, entry.id, partner=False, therapist=False)
    assert readable(store, lee, entry.id) is None
    assert count(store, EntryShareRow.__table__) == 0
    assert entries.list_entries(store, sam, whose="all") == []

    entries.set_sharing(store, alex, entry.id, partner=True, therapist=False)
    assert readable(store, sam, entry.id) == "shared"


@pytest.mark.parametrize("who_unlinks", ["owner", "reader"])
def test_unlinking_takes_access_away_both_ways(store, make_profile, who_unlinks):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    link(store, alex, sam)
    from_alex = write(store, alex, "from alex", shared_with_partner=True)
    from_sam = write(store, sam, "from sam", shared_with_partner=True)
    assert readable(store, sam, from_alex.id) == "from alex"
    assert readable(store, alex, from_sam.id) == "from sam"

    if who_unlinks == "owner":
        sharing.unlink(store, alex, "Sam")
    else:
        sharing.unlink(store, sam, "Alex")

    assert readable(store, sam, from_alex.id) is None
    assert readable(store, alex, from_sam.id) is None
    assert entries.list_entries(store, sam, whose="shared") == []
    assert count(store, EntryShareRow.__table__) == 0
    assert count(store, LinkRow.__table__) == 0
    assert readable(store, alex, from_alex.id) == "from alex"


def test_unlinking_a_therapist_takes_their_access_away(store, make_profile):
    alex = make_profile("Alex")
    lee = make_profile("Dr Lee", models.Role.THERAPIST)
    link(store, alex, lee, THERAPIST)
    entry = write(store, alex, "homework", shared_with_therapist=True)
    assert readable(store, lee, entry.id) == "homework"
    sharing.unlink(store, alex, "Dr Lee")
    assert readable(store, lee, entry.id) is None
    assert sharing.list_links(store, lee) == []


def test_unlinking_someone_not_linked_is_not_found(store, make_profile):
    alex, _ = make_profile("Alex"), make_profile("Sam")
    with pytest.raises(NotFound, match="not linked with 'Sam'"):
        sharing.unlink(store, alex, "Sam")


def test_a_new_partner_does_not_inherit_what_was_shared_with_the_last_one(store, make_profile):
    """Entries written for one partner are not handed to the next one after a break-up."""
    alex, sam, kai = make_profile("Alex"), make_profile("Sam"), make_profile("Kai")
    link(store, alex, sam)
    for_sam = write(store, alex, "written for sam", shared_with_partner=True)
    sharing.unlink(store, alex, "Sam")
    link(store, alex, kai)
    accounts.unlock_profile(store, "Alex", "alex passphrase")
    assert readable(store, kai, for_sam.id) is None


# --- two people at the same moment (PostgreSQL runs transactions side by side) --------------


def at_the_same_time(monkeypatch, store, attempts):
    """Run accept_invitation calls in threads, each pausing after its checks so that they
    overlap; returns each call's result or the error it raised."""
    checked = sharing._check_can_link

    def slow_check(*args, **kwargs):
        checked(*args, **kwargs)
        time.sleep(0.5)

    monkeypatch.setattr(sharing, "_check_can_link", slow_check)
    results: dict[str, object] = {}

    def accept(name, keyring, code):
        try:
            results[name] = sharing.accept_invitation(store, keyring, code).name
        except Exception as error:  # collected and asserted on below
            results[name] = error

    threads = [
        threading.Thread(target=accept, args=(keyring.name, keyring, code))
        for keyring, code in attempts
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_one_code_accepted_twice_at_once_links_only_once(store, make_profile, monkeypatch):
    alex = make_profile("Alex")
    lee = make_profile("Dr Lee", models.Role.THERAPIST)
    kim = make_profile("Dr Kim", models.Role.THERAPIST)
    code = sharing.create_invitation(store, alex, THERAPIST)
    results = at_the_same_time(monkeypatch, store, [(lee, code), (kim, code)])
    outcomes = sorted(type(result).__name__ for result in results.values())
    assert outcomes == ["NotFound", "str"], results
    assert count(store, LinkRow.__table__) == 1


def test_two_codes_accepted_at_once_give_one_partner(store, make_profile, monkeypatch):
    alex, sam, kai = make_profile("Alex"), make_profile("Sam"), make_profile("Kai")
    first = sharing.create_invitation(store, alex, PARTNER)
    second = sharing.create_invitation(store, alex, PARTNER)
    results = at_the_same_time(monkeypatch, store, [(sam, first), (kai, second)])
    outcomes = sorted(type(result).__name__ for result in results.values())
    assert outcomes == ["Conflict", "str"], results
    assert count(store, LinkRow.__table__) == 1


def test_a_second_code_is_refused_once_the_first_made_a_partner(store, make_profile):
    alex, sam, kai = make_profile("Alex"), make_profile("Sam"), make_profile("Kai")
    first = sharing.create_invitation(store, alex, PARTNER)
    second = sharing.create_invitation(store, alex, PARTNER)
    sharing.accept_invitation(store, sam, first)
    with pytest.raises(Conflict, match="Alex is already linked with a partner"):
        sharing.accept_invitation(store, kai, second)


def test_a_new_therapist_does_not_inherit_what_was_shared_with_the_last_one(store, make_profile):
    alex = make_profile("Alex")
    lee = make_profile("Dr Lee", models.Role.THERAPIST)
    kim = make_profile("Dr Kim", models.Role.THERAPIST)
    link(store, alex, lee, THERAPIST)
    homework = write(store, alex, "for dr lee", shared_with_therapist=True)
    sharing.unlink(store, alex, "Dr Lee")
    link(store, alex, kim, THERAPIST)
    accounts.unlock_profile(store, "Alex", "alex passphrase")
    assert readable(store, kim, homework.id) is None


def test_unlinking_one_of_two_therapists_leaves_the_other_their_access(store, make_profile):
    alex = make_profile("Alex")
    lee = make_profile("Dr Lee", models.Role.THERAPIST)
    kim = make_profile("Dr Kim", models.Role.THERAPIST)
    link(store, alex, lee, THERAPIST)
    link(store, alex, kim, THERAPIST)
    homework = write(store, alex, "for both therapists", shared_with_therapist=True)
    sharing.unlink(store, alex, "Dr Lee")
    assert readable(store, lee, homework.id) is None
    assert readable(store, kim, homework.id) == "for both therapists"
