"""Entries, links and who may read what, through the server-rendered pages."""

from __future__ import annotations

import re


def entry_id_from(response) -> str:
    assert response.status_code == 303, response.text
    found = re.fullmatch(r"/entries/([0-9a-f-]+)", response.headers["location"])
    assert found, response.headers["location"]
    return found.group(1)


def test_write_read_edit_share_and_delete_an_entry_through_the_pages(people):
    alex, sam = people.couple()
    created = alex.page_post(
        "/entries/new",
        "/entries/new",
        {"title": "Dinner", "body": "We talked <b>calmly</b>.", "occurred_at": "2024-05-30T19:15"},
    )
    entry_id = entry_id_from(created)
    page = alex.get(f"/entries/{entry_id}").text
    assert "Saved. Only you can read this entry." in page
    assert "We talked &lt;b&gt;calmly&lt;/b&gt;." in page
    assert "Private: only you can read this." in page
    assert "30 May 2024" in page

    edit_url = f"/entries/{entry_id}/edit"
    assert 'value="2024-05-30T19:15"' in alex.get(edit_url).text
    edited = alex.page_post(edit_url, edit_url, {"title": "Dinner out", "body": "Better."})
    assert entry_id_from(edited) == entry_id
    assert "Better." in alex.get(f"/entries/{entry_id}").text

    sharing = f"/entries/{entry_id}/sharing"
    alex.page_post(f"/entries/{entry_id}", sharing, {"share_partner": "true"})
    assert "Shared with your partner." in alex.get(f"/entries/{entry_id}").text
    assert "Shared with you by Alex." in sam.get(f"/entries/{entry_id}").text

    confirm = alex.get(f"/entries/{entry_id}/delete")
    assert "cannot be undone" in confirm.text
    deleted = alex.page_post(f"/entries/{entry_id}/delete", f"/entries/{entry_id}/delete", {})
    assert deleted.headers["location"] == "/entries"
    assert "deleted, for good" in alex.get("/entries").text
    assert alex.get(f"/entries/{entry_id}").status_code == 404


def test_the_quick_form_on_home_writes_an_entry_now(people):
    alex = people.add("Alex")
    response = alex.page_post("/", "/entries/new", {"title": "", "body": "Just a line."})
    entry_id = entry_id_from(response)
    home = alex.get("/").text
    assert f'href="/entries/{entry_id}"' in home
    assert "Just a line." in home


def test_a_bad_date_keeps_what_was_typed(people):
    alex = people.add("Alex")
    response = alex.page_post(
        "/entries/new",
        "/entries/new",
        {"title": "Kept", "body": "Every word kept.", "occurred_at": "yesterday-ish"},
    )
    assert response.status_code == 422
    assert "Give the date and time like" in response.text
    assert 'value="Kept"' in response.text
    assert "Every word kept." in response.text
    assert 'aria-invalid="true" aria-describedby="occurred_at-error"' in response.text
    assert alex.titles() == []


def test_an_empty_entry_asks_for_words(people):
    alex = people.add("Alex")
    response = alex.page_post("/entries/new", "/entries/new", {"title": " ", "body": ""})
    assert response.status_code == 422
    assert "Write a title or a few words first." in response.text


def test_the_entry_list_filters_by_whose_and_kind(people):
    alex, sam = people.couple()
    alex.write("Alex wrote")
    sam.write("Sam shared", shared_with_partner=True)
    assert "Sam shared" not in alex.get("/entries?whose=mine").text
    shared = alex.get("/entries?whose=shared&kind=journal").text
    assert "Sam shared" in shared
    assert "Alex wrote" not in shared
    assert "from Sam" in shared
    assert "No entries match" in alex.get("/entries?kind=trigger").text


def test_linking_partners_with_a_code_and_unlinking_with_confirmation(people):
    alex, sam = people.add("Alex"), people.add("Sam")
    invited = alex.page_post("/links", "/links/invitations", {"role": "partner"})
    code = re.search(r'<code id="invitation-code">([A-Z0-9-]+)</code>', invited.text).group(1)
    accepted = sam.page_post("/links", "/links/accept", {"code": code.lower()})
    assert accepted.headers["location"] == "/links"
    assert "You are now linked with Alex." in sam.get("/links").text
    assert "Linked with <strong>Sam</strong>, your partner." in alex.get("/").text

    reused = sam.page_post("/links", "/links/accept", {"code": code})
    assert "not valid or has already been used" in reused.text
    assert f'value="{code}"' in reused.text

    confirm = alex.get("/links/unlink?name=Sam")
    assert "will no longer be able to read anything you shared" in confirm.text
    alex.page_post("/links/unlink?name=Sam", "/links/unlink", {"name": "Sam"})
    assert "Nobody yet." in sam.get("/links").text


def test_a_partner_cannot_read_a_private_entry_on_its_page_nor_in_lists(people):
    alex, sam = people.couple()
    secret = alex.write("My private fear", "Sam must not read this.")
    entry_id = secret["id"]
    page = sam.get(f"/entries/{entry_id}")
    nothing = sam.get("/entries/00000000-0000-4000-8000-000000000000")
    assert page.status_code == nothing.status_code == 404
    assert page.text.replace(entry_id, "ID") == nothing.text.replace(
        "00000000-0000-4000-8000-000000000000", "ID"
    )
    for url in ("/", "/entries", "/entries?whose=shared"):
        assert "My private fear" not in sam.get(url).text
    assert sam.get(f"/entries/{entry_id}/edit").status_code == 404
    assert sam.get(f"/entries/{entry_id}/delete").status_code == 404

    alex.page_post(f"/entries/{entry_id}", f"/entries/{entry_id}/sharing", {"share_partner": "1"})
    assert "Sam must not read this." in sam.get(f"/entries/{entry_id}").text
    assert "My private fear" in sam.get("/").text
    assert sam.get(f"/entries/{entry_id}/edit").status_code == 404

    alex.page_post(f"/entries/{entry_id}", f"/entries/{entry_id}/sharing", {})
    assert sam.get(f"/entries/{entry_id}").status_code == 404
    assert "My private fear" not in sam.get("/entries").text


def test_a_partner_cannot_delete_through_the_form(people):
    alex, sam = people.couple()
    entry_id = alex.write("Shared", shared_with_partner=True)["id"]
    response = sam.page_post("/entries", f"/entries/{entry_id}/delete", {})
    assert response.status_code == 404
    assert alex.titles() == ["Shared"]


def test_a_therapist_sees_only_what_was_shared_with_the_therapist(people):
    alex, _ = people.couple()
    lee = people.add("Lee", role="therapist")
    lee.accept(alex.invite("therapist"))
    for_sam = alex.write("For Sam", shared_with_partner=True)["id"]
    alex.write("For Lee", "homework", shared_with_therapist=True)
    entries_page = lee.get("/entries").text
    assert "For Lee" in entries_page
    assert "For Sam" not in entries_page
    assert lee.get(f"/entries/{for_sam}").status_code == 404
    assert "your client" in lee.get("/links").text
