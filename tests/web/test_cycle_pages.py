"""The cycle map in the browser without JavaScript, and its JSON twins: each partner fills in
their side, the partner sees only what was shared, history is kept, safety mode pauses it."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from tests.web.helpers import NOW
from tests.web.test_safety_pages import safety_mode_on

SVG = "{http://www.w3.org/2000/svg}"
ALEX_SIDE = {
    "trigger": "Plans fall through at the last minute",
    "feelings": ["lonely", "abandoned"],
    "core_fear": "abandonment",
    "feel": "like I come last",
    "move": "reach_out_again",
    "do": "I text and text",
}


def start(person, name="The silence after plans fall through", share="true") -> str:
    data = {"name": name, "occurred_at": "2024-05-31T20:30"}
    if share:
        data["share_partner"] = share
    response = person.page_post("/practice/cycles", "/practice/cycles", data)
    assert response.status_code == 303, response.text
    found = re.fullmatch(r"/practice/cycles/([0-9a-f-]{36})", response.headers["location"])
    assert found, response.headers["location"]
    return found.group(1)


def post_side(person, cycle_id, **data):
    url = f"/practice/cycles/{cycle_id}"
    return person.page_post(url, f"{url}/sides", {"occurred_at": "2024-05-31T20:30", **data})


def api_side(person, cycle_id, shared=True, **words):
    body = {
        "occurred_at": NOW.isoformat(), "trigger": "Questions come fast",
        "feelings": ["trapped"], "move": "go_quiet", "shared_with_partner": shared, **words,
    }  # fmt: skip
    return person.send("POST", f"/api/practice/cycles/{cycle_id}/sides", body)


def svg_of(html: str) -> ET.Element:
    markup = html[html.index("<svg") : html.index("</svg>") + len("</svg>")]
    return ET.fromstring(markup)  # noqa: S314 - our own page


def test_signed_out_visitors_go_to_sign_in(client):
    assert client.get("/practice/cycles").status_code in (303, 307)
    assert client.get("/api/practice/cycles").status_code == 401


def test_start_a_cycle_fill_in_a_side_and_see_the_loop(people):
    alex, _ = people.couple()
    empty = alex.get("/practice/cycles")
    assert empty.status_code == 200
    assert "No cycles yet." in empty.text
    assert 'href="/static/practice_cycles.css"' in empty.text
    cycle_id = start(alex)
    page = alex.get(f"/practice/cycles/{cycle_id}")
    assert "Cycle started. Now add your side below. Shared with your partner." in page.text
    assert "What sets it off for you?" in page.text
    saved = post_side(alex, cycle_id, share_partner="true", **ALEX_SIDE)
    assert saved.status_code == 303, saved.text
    assert saved.headers["location"] == f"/practice/cycles/{cycle_id}#loop"
    html = alex.get(f"/practice/cycles/{cycle_id}").text
    assert "Your side is saved. Shared with your partner." in html
    root = svg_of(html)
    assert root.get("role") == "img"
    assert (
        root.find(f"{SVG}title").text
        == "The two of us against: The silence after plans fall through"
    )
    assert 'style="' not in html
    assert '<li class="cycle-step lane-first">' in html
    assert "lonely, abandoned; fear of abandonment; like I come last" in html
    assert 'value="Plans fall through at the last minute"' not in html  # a textarea, not a value
    assert ">Plans fall through at the last minute</textarea>" in html
    listed = alex.get("/practice/cycles").text
    assert "The silence after plans fall through" in listed
    assert "shared with partner" in listed


def test_a_side_and_a_guess_from_one_form_and_the_partner_side_wins_once_shared(people):
    alex, sam = people.couple()
    cycle_id = start(alex)
    saved = post_side(alex, cycle_id, reads="As nagging", their_feel="not good enough",
                      their_move="go_quiet", **ALEX_SIDE)  # fmt: skip
    assert saved.status_code == 303, saved.text
    page = alex.send("GET", f"/api/practice/cycles/{cycle_id}").json()
    assert page["steps"][3]["heading"] == "Sam sees it as (a guess)"
    assert page["lanes"][1]["legend"] == "Sam, as Alex guesses it"
    written = api_side(sam, cycle_id)
    assert written.status_code == 201, written.text
    assert written.json()["safety"]["signals"] == []
    page = alex.send("GET", f"/api/practice/cycles/{cycle_id}").json()
    assert page["steps"][3]["text"] == "Questions come fast"
    assert page["lanes"][1]["legend"] == "Sam, in their own words"
    assert page["lines"][0] == "The two of us against: The silence after plans fall through"


def test_the_partner_sees_a_side_only_when_it_is_shared(people):
    alex, sam = people.couple()
    cycle_id = start(alex)
    post_side(alex, cycle_id, **ALEX_SIDE)  # not shared
    seen = sam.get(f"/practice/cycles/{cycle_id}")
    assert seen.status_code == 200
    assert "Plans fall through at the last minute" not in seen.text
    assert "Started by Alex, who shared it with you." in seen.text
    assert "The loop is drawn here as soon as one side is filled in." in seen.text
    assert "<svg" not in seen.text
    post_side(alex, cycle_id, share_partner="true", **ALEX_SIDE)
    assert "Plans fall through at the last minute" in sam.get(f"/practice/cycles/{cycle_id}").text
    answer = post_side(sam, cycle_id, trigger="Her questions", feel="cornered", move="go_quiet")
    assert answer.status_code == 303, answer.text
    assert "Her questions" not in alex.get(f"/practice/cycles/{cycle_id}").text


def test_another_persons_unshared_cycle_is_not_readable_or_writable(people):
    alex, sam = people.couple()
    robin = people.add("Robin")
    cycle_id = start(alex, share="")
    for person in (sam, robin):
        assert person.get(f"/practice/cycles/{cycle_id}").status_code == 404
        assert person.send("GET", f"/api/practice/cycles/{cycle_id}").status_code == 404
        assert person.send("GET", f"/api/practice/cycles/{cycle_id}/loop.svg").status_code == 404
        refused = api_side(person, cycle_id)
        assert refused.status_code == 404
        assert "no cycle" in refused.json()["error"]["message"]
        assert post_side(person, cycle_id, **ALEX_SIDE).status_code in (403, 404)
    assert sam.send("GET", "/api/practice/cycles").json()["cycles"] == []


def test_a_side_missing_a_step_re_renders_the_form_with_what_was_typed(people):
    alex, _ = people.couple()
    cycle_id = start(alex)
    response = post_side(alex, cycle_id, trigger="", feel="small", do="I wait up")
    assert response.status_code == 422
    assert "Say what sets it off, in a few words." in response.text
    assert 'value="I wait up"' in response.text
    guess = post_side(alex, cycle_id, **{**ALEX_SIDE, "their_feel": "tired"})
    assert guess.status_code == 422
    assert 'id="reads-error"' in guess.text
    empty_name = alex.page_post("/practice/cycles", "/practice/cycles", {"name": "  "})
    assert empty_name.status_code == 422
    assert "Give the cycle a name, in a few words of your own." in empty_name.text
    bad = api_side(alex, cycle_id, move="sulk")
    assert bad.status_code == 422
    assert "'sulk' is not one of" in bad.json()["error"]["message"]


def test_revising_keeps_history_and_renaming_too(people):
    alex, _ = people.couple()
    cycle_id = start(alex)
    post_side(alex, cycle_id, **ALEX_SIDE)
    post_side(alex, cycle_id, **{**ALEX_SIDE, "trigger": "Plans change again"})
    page = alex.send("GET", f"/api/practice/cycles/{cycle_id}").json()
    assert len(page["sides"]) == 1
    side_id = page["sides"][0]["id"]
    entry = alex.send("GET", f"/api/journal/entries/{side_id}").json()
    assert "Plans fall through at the last minute" in str(entry)
    renamed = alex.page_post(
        f"/practice/cycles/{cycle_id}", f"/practice/cycles/{cycle_id}/name",
        {"name": "After plans change", "occurred_at": "2024-05-31T20:30", "share_partner": "true"},
    )  # fmt: skip
    assert renamed.status_code == 303
    assert "Renamed. The earlier name is kept in its history." in alex.get(
        f"/practice/cycles/{cycle_id}").text  # fmt: skip
    body = {"occurred_at": NOW.isoformat(), "name": "Dinner"}
    put = alex.send("PUT", f"/api/practice/cycles/{cycle_id}", body)
    assert put.status_code == 200, put.text
    assert put.json()["name"] == "Dinner"


def test_the_svg_twin_is_the_same_drawing(people):
    alex, _ = people.couple()
    cycle_id = start(alex)
    post_side(alex, cycle_id, **{**ALEX_SIDE, "do": "<script>alert(1)</script> & more"})
    drawn = alex.send("GET", f"/api/practice/cycles/{cycle_id}/loop.svg")
    assert drawn.status_code == 200
    assert drawn.headers["content-type"].startswith("image/svg+xml")
    assert "<script>" not in drawn.text
    root = ET.fromstring(drawn.text)  # noqa: S314 - our own drawing
    assert "<script>alert(1)</script> & more" in "".join(root.itertext())
    assert "<script>alert" not in alex.get(f"/practice/cycles/{cycle_id}").text


def test_safety_mode_pauses_the_builder_and_the_drawing(people):
    alex, _ = people.couple()
    cycle_id = start(alex)
    post_side(alex, cycle_id, **ALEX_SIDE)
    safety_mode_on(alex)
    listing = alex.get("/practice/cycles").text
    assert "pauses the exercises that coach closeness" in listing
    assert 'action="/practice/cycles"' not in listing
    assert 'href="/practice/soothing"' in listing
    page = alex.get(f"/practice/cycles/{cycle_id}").text
    assert "pauses the exercises that coach closeness" in page
    assert "<svg" not in page
    assert "The two of us against" not in page
    assert "Plans fall through at the last minute" in page  # still hers to read
    assert "/sides" not in page
    assert alex.send("GET", f"/api/practice/cycles/{cycle_id}").json()["svg"] is None
    assert alex.send("GET", f"/api/practice/cycles/{cycle_id}/loop.svg").status_code == 403
    refused = api_side(alex, cycle_id, shared=False)
    assert refused.status_code == 403
    body = {"occurred_at": NOW.isoformat(), "name": "x"}
    assert alex.send("POST", "/api/practice/cycles", body).status_code == 403


def test_words_of_danger_in_either_side_bring_the_calm_safety_note(people):
    alex, _ = people.couple()
    cycle_id = start(alex)
    danger = "He said he would kill me"
    guess = {"reads": danger, "their_feel": "angry", "their_move": "get_loud"}
    saved = post_side(alex, cycle_id, **ALEX_SIDE, **guess)
    assert saved.status_code == 303, saved.text
    assert 'class="safety-note' in alex.get(f"/practice/cycles/{cycle_id}").text
    written = api_side(alex, cycle_id, shared=False, do=danger)
    categories = [s["category"] for s in written.json()["safety"]["signals"]]
    assert "threat_of_violence" in categories
