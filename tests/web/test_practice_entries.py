"""Practice records among the other entries: named and labelled, continued on their tool's
page, never rewritten as a plain text, and the one-tap tallies kept off the home page."""

from __future__ import annotations

from datetime import timedelta

from tests.web.helpers import NOW


def log_moment(person, sign: str, note: str = "", **extra) -> dict:
    body = {"occurred_at": NOW.isoformat(), "sign": sign, "note": note, **extra}
    response = person.send("POST", "/api/practice/ratio", body)
    assert response.status_code == 201, response.text
    return response.json()


def repaired_rupture(person, **sharing) -> dict:
    rupture = person.send(
        "POST",
        "/api/practice/repairs",
        {"occurred_at": NOW.isoformat(), "what_happened": "Snapped about the dishes", **sharing},
    )
    assert rupture.status_code == 201, rupture.text
    repair = {
        "repaired_at": (NOW + timedelta(minutes=40)).isoformat(),
        "how": ["apology"],
        "initiated_by": "me",
    }
    done = person.send("PUT", f"/api/practice/repairs/{rupture.json()['id']}/repair", repair)
    assert done.status_code == 200, done.text
    return done.json()


def test_a_ledger_moment_reads_as_labelled_fields_and_cannot_be_rewritten(people):
    alex = people.add("Alex")
    moment = log_moment(alex, "+", "made me laugh at breakfast", kind="humour")
    page = alex.get(f"/api/journal/entries/{moment['id']}").json()
    assert page["kind_label"] == "5:1 ledger moment"
    assert {"label": "Moment", "text": "positive, logged by hand", "items": []} in page["details"]
    assert page["edit_url"] is None
    html = alex.get(f"/entries/{moment['id']}").text
    assert "made me laugh at breakfast" in html
    assert f'href="/entries/{moment["id"]}/edit"' not in html
    edit = alex.get(f"/entries/{moment['id']}/edit", follow_redirects=False)
    assert edit.status_code == 303
    assert edit.headers["location"] == f"/entries/{moment['id']}"


def test_a_repair_is_continued_on_its_own_page_and_reads_right_to_the_partner(people):
    alex, sam = people.couple()
    rupture = repaired_rupture(alex, shared_with_partner=True)
    mine = alex.get(f"/api/journal/entries/{rupture['id']}").json()
    assert mine["edit_url"] == f"/practice/repairs/{rupture['id']}"
    seen = sam.get(f"/api/journal/entries/{rupture['id']}").json()
    assert seen["edit_url"] is None
    details = {detail["label"]: detail["text"] for detail in seen["details"]}
    assert details["Repaired"] == "after 40 minutes"
    assert details["Who reached out first"] == "Alex"


def test_tallies_stay_off_the_home_page_but_are_listed_with_their_names(people):
    alex = people.add("Alex")
    log_moment(alex, "-", "snapped about dishes")
    alex.write("A plain note")
    home = alex.get("/").text
    assert "snapped about dishes" not in home
    assert "A plain note" in home
    listing = alex.get("/api/entries").json()
    assert listing["kind_labels"]["interaction"] == "5:1 ledger moment"
    assert "− snapped about dishes" in [entry["title"] for entry in listing["entries"]]


def test_an_unsaid_hurt_stays_off_the_home_page_but_is_in_the_list(people):
    from tests.web.test_unsaid_pages import note_via_api

    alex = people.add("Alex")
    note_via_api(alex, what="The joke about my job")
    assert "The joke about my job" not in alex.get("/").text
    assert "The joke about my job" in alex.get("/practice/unsaid").text
