"""The unsaid list in the pages and through the API: note an item (never shared), the list with
ages, raise it with the prefilled gentle start-up or let it go on the same entry, the nudge on
the check-in page for its owner only, the entry page, strangers, and safety mode."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from tests.web.test_safety_pages import safety_mode_on

PAGE = "/practice/unsaid"
CHECKINS = "/practice/checkins"
NUDGE = (
    "Two things have waited a while. The check-in is a good place for one of them — only if "
    "it feels right today."
)


def note_via_api(person, what="You joked about my job at dinner", days_ago=0.0, **extra):
    when = (datetime.now(UTC) - timedelta(days=days_ago)).isoformat()
    body = {"occurred_at": when, "what_happened": what, "feeling": "small", "sting": 7, **extra}
    made = person.send("POST", f"/api{PAGE}", body)
    assert made.status_code == 201, made.text
    return made.json()


def test_an_item_noted_on_the_page_is_private_and_waiting(people):
    alex = people.add("Alex")
    html = alex.get(PAGE).text
    assert "Only you can read this list. It is never shared" in html
    assert 'name="share_partner"' not in html
    saved = alex.page_post(PAGE, PAGE, {"what_happened": "left the dishes", "sting": "4"})
    assert saved.status_code == 303, saved.text
    page = alex.get(PAGE).text
    assert "Noted. It is yours alone; nobody else can read it." in page
    assert "left the dishes" in page
    assert "Noted today" in page
    listed = alex.get(f"/api{PAGE}").json()
    assert [(r["what_happened"], r["state"], r["age"]) for r in listed["open"]] == [
        ("left the dishes", "noted today", "today")
    ]
    assert listed["resolved"] == []


def test_sharing_an_item_is_refused_clearly(people):
    alex = people.add("Alex")
    now = datetime.now(UTC).isoformat()
    body = {"occurred_at": now, "what_happened": "x", "shared_with_partner": True}
    refused = alex.send("POST", f"/api{PAGE}", body)
    assert refused.status_code == 422
    assert refused.json()["error"]["field"] == "shared_with_partner"
    assert "only ever for you" in refused.json()["error"]["message"]
    empty = alex.page_post(PAGE, PAGE, {"what_happened": " ", "sting": "3"})
    assert empty.status_code == 422
    assert "Write a few words about what happened." in empty.text


def test_the_list_shows_the_longest_waiting_first_with_ages(people):
    alex = people.add("Alex")
    note_via_api(alex, what="a week ago", days_ago=7)
    note_via_api(alex, what="three weeks ago", days_ago=21)
    note_via_api(alex, what="just now")
    listed = alex.get(f"/api{PAGE}").json()["open"]
    assert [(r["what_happened"], r["state"]) for r in listed] == [
        ("three weeks ago", "waiting 3 weeks"),
        ("a week ago", "waiting 7 days"),
        ("just now", "noted today"),
    ]
    assert "Waiting 3 weeks" in alex.get(PAGE).text


def test_raising_with_the_prefilled_template_updates_the_same_entry(people):
    alex = people.add("Alex")
    item = note_via_api(alex, days_ago=3)
    url = f"{PAGE}/{item['id']}"
    form = alex.get(url).text
    assert "I feel small about you joked about my job at dinner. I need …" in form
    assert 'id="feel" name="feel" type="text" maxlength="2000" value="small"' in form
    assert 'value="you joked about my job at dinner"' in form
    data = {"action": "raise", "feel": "small", "about": "the joke at dinner",
            "need": "a word with me first", "went": "well", "note": "we hugged"}  # fmt: skip
    done = alex.page_post(url, url, data)
    assert done.status_code == 303, done.text
    page = alex.get(PAGE).text
    assert "Saved. Saying it out loud takes courage, however it went." in page
    assert "Raised today, went well" in page
    assert "Nothing waiting." in page
    entry = alex.get(f"/api/journal/entries/{item['id']}")
    assert entry.status_code == 200, entry.text
    assert len(entry.json()["history"]) == 1
    detail = alex.get(f"/entries/{item['id']}").text
    assert "unsaid item" in detail
    assert f'href="{url}"' in detail


def test_a_missing_part_or_outcome_is_shown_beside_its_field(people):
    alex = people.add("Alex")
    url = f"{PAGE}/{note_via_api(alex, days_ago=2)['id']}"
    refused = alex.page_post(url, url, {"action": "raise", "feel": "x", "about": "y", "need": " "})
    assert refused.status_code == 422
    assert 'id="need-error"' in refused.text
    no_outcome = alex.page_post(
        url, url, {"action": "raise", "feel": "x", "about": "y", "need": "z"}
    )
    assert 'id="went-error"' in no_outcome.text
    early = alex.page_post(url, url, {"action": "raise", "feel": "x", "about": "y", "need": "z",
                                      "went": "hard", "when": "2001-01-01T10:00"})  # fmt: skip
    assert early.status_code == 422
    assert 'id="when-error"' in early.text
    assert "this cannot come before the item itself" in early.text


def test_letting_go_through_the_page_and_the_api(people):
    alex = people.add("Alex")
    first, second = note_via_api(alex, what="first"), note_via_api(alex, what="second")
    gone = alex.page_post(f"{PAGE}/{first['id']}", f"{PAGE}/{first['id']}",
                          {"action": "let_go", "note": "it was small"})  # fmt: skip
    assert gone.status_code == 303, gone.text
    assert "Letting something go, when you choose to, is a real way" in alex.get(PAGE).text
    api = alex.send("PUT", f"/api{PAGE}/{second['id']}/let-go",
                    {"let_go_at": datetime.now(UTC).isoformat()})  # fmt: skip
    assert api.status_code == 200, api.text
    assert api.json()["status"] == "let_go"
    resolved = alex.get(f"/api{PAGE}").json()["resolved"]
    assert sorted((r["what_happened"], r["state"], r["let_go_note"]) for r in resolved) == [
        ("first", "let go", "it was small"),
        ("second", "let go", ""),
    ]


def test_the_check_in_nudges_the_owner_and_not_the_partner(people):
    alex, sam = people.couple()
    note_via_api(alex, what="too fresh")
    middle = note_via_api(alex, what="the missed call", days_ago=2.1)
    oldest = note_via_api(alex, what="the joke at dinner", days_ago=9)
    html = alex.get(CHECKINS).text
    assert NUDGE in html
    nudged = re.findall(r'<li><a href="/practice/unsaid/([0-9a-f-]+)">([^<]+)</a>', html)
    assert nudged == [(oldest["id"], "the joke at dinner"), (middle["id"], "the missed call")]
    api = alex.get(f"/api{CHECKINS}").json()["unsaid_nudge"]
    assert api["message"] == NUDGE
    assert [i["age"] for i in api["items"]] == ["9 days", "2 days"]
    for page in (sam.get(CHECKINS).text, sam.get(f"/api{CHECKINS}").text):
        assert "the joke at dinner" not in page
        assert "waited a while" not in page
    assert sam.get(f"/api{CHECKINS}").json()["unsaid_nudge"] is None
    assert sam.get(f"/api{PAGE}").json()["open"] == []
    for url in (f"{PAGE}/{oldest['id']}", f"/api{PAGE}/{oldest['id']}", f"/entries/{oldest['id']}"):
        assert sam.get(url).status_code == 404, url
    stolen = sam.send(
        "PUT",
        f"/api{PAGE}/{oldest['id']}/raised",
        {"raised_at": datetime.now(UTC).isoformat(), "feel": "x", "about": "y", "need": "z",
         "went": "well"},
    )  # fmt: skip
    assert stolen.status_code == 404


def test_no_nudge_when_nothing_has_waited(people):
    alex = people.add("Alex")
    note_via_api(alex, days_ago=1)
    assert "waited a while" not in alex.get(CHECKINS).text
    assert alex.get(f"/api{CHECKINS}").json()["unsaid_nudge"] is None


def test_safety_mode_pauses_raising_and_the_nudge_not_noting(people):
    alex = people.add("Alex")
    item = note_via_api(alex, days_ago=9)
    safety_mode_on(alex)
    assert alex.get(f"/api{CHECKINS}").json()["unsaid_nudge"] is None
    assert note_via_api(alex, what="noted while paused")["status"] == "open"
    page = alex.get(f"{PAGE}/{item['id']}").text
    assert "Raising is paused" in page
    assert 'name="feel"' not in page
    assert "Or let it go" in page
    paused = alex.send(
        "PUT",
        f"/api{PAGE}/{item['id']}/raised",
        {"raised_at": datetime.now(UTC).isoformat(), "feel": "x", "about": "y", "need": "z",
         "went": "well"},
    )  # fmt: skip
    assert paused.status_code == 403
    assert alex.get(f"/api{PAGE}/{item['id']}").json()["paused_for_safety"] is True


def test_the_practice_home_has_the_card_and_sign_in_is_needed(people, client):
    alex = people.add("Alex")
    assert 'href="/practice/unsaid"' in alex.get("/practice").text
    assert client.get(PAGE).status_code in (303, 401)
    assert client.get(f"/api{PAGE}").status_code == 401
