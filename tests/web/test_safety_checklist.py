"""The descriptive coercive-control checklist in the browser, its links from the screen's
result and from Get help, and the gentle offer of the screen after creating a profile."""

from __future__ import annotations

from tests.web.helpers import form_token


def test_ticking_two_items_describes_them_with_the_lines(people):
    alex = people.add("Alex")
    alex.page_post("/settings/safety", "/settings/safety/country", {"country": "GB"})
    form = alex.get("/safety/checklist")
    assert form.status_code == 200
    assert 'type="checkbox"' in form.text
    assert "not a test or a diagnosis" in form.text
    result = alex.page_post(
        "/safety/checklist", "/safety/checklist", {"ticked": ["monitoring", "money"]}
    )
    assert result.status_code == 200
    assert "<li>checking your phone or where you are</li>" in result.text
    assert "<li>controlling money</li>" in result.text
    assert "You ticked 2 of" in result.text
    assert "not a test or a diagnosis" in result.text
    assert "Samaritans" in result.text
    assert "National Domestic Abuse Helpline" in result.text
    assert alex.titles() == [], "nothing is stored"


def test_an_unknown_item_is_refused_kindly(people):
    alex = people.add("Alex")
    result = alex.page_post("/safety/checklist", "/safety/checklist", {"ticked": ["nonsense"]})
    assert result.status_code == 422
    assert 'type="checkbox"' in result.text


def test_the_checklist_is_linked_from_the_screen_result_and_get_help(people):
    alex = people.add("Alex")
    assert 'href="/safety/checklist"' in alex.get("/safety").text
    alex.page_post("/safety/screen", "/safety/screen", {"step": "hark", "afraid": "no"})
    assert 'href="/safety/checklist"' in alex.get("/safety/screen/result").text


def test_a_new_profile_is_offered_the_screen_gently(client):
    page = client.get("/profiles/new")
    form = {
        "name": "Alex",
        "passphrase": "alex passphrase",
        "passphrase_again": "alex passphrase",
        "role": "person",
        "csrf_token": form_token(page.text),
    }
    created = client.post("/profiles/new", data=form)
    assert created.status_code == 200
    assert 'href="/safety/screen"' in created.text
    assert "you can skip them" in created.text
    assert 'href="/safety"' in created.text
