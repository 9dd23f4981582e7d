"""'Talk about how we talk' in the pages and through the API: the walk with both positions,
the cycle and the chat side by side; one partner saves, the other reads; unticked it stays
private; a stranger reads nothing; how it went added later; safety mode; sign-in."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.web.test_cycle_pages import api_side
from tests.web.test_safety_pages import safety_mode_on, start_and_finish_ecr_s

PAGE = "/practice/how-we-talk"
API = "/api/practice/how-we-talk"
NOW = datetime(2026, 4, 12, 19, tzinfo=UTC)
FORM = {
    "pattern": "the midnight spiral",
    "my_change": "When I feel ignored, I will say it once and wait",
    "their_change": "When I need space, I will say when I am back",
    "steps_done": ["before", "cycle"],
    "share_partner": "true",
}


def api_save(person, **extra):
    body = {
        "occurred_at": NOW.isoformat(),
        "pattern": "the cold front",
        "my_change": "When we go quiet, I will reach for your hand",
        **extra,
    }
    saved = person.send("POST", API, body)
    assert saved.status_code == 201, saved.text
    return saved.json()


def start_cycle(person, shared=True):
    body = {"occurred_at": NOW.isoformat(), "name": "After plans fall through",
            "shared_with_partner": shared}  # fmt: skip
    made = person.send("POST", "/api/practice/cycles", body)
    assert made.status_code == 201, made.text
    return made.json()["id"]


def test_the_walk_shows_six_numbered_parts_and_the_form_labelled_with_both_names(people):
    maya, jordan = people.add("Maya"), people.add("Jordan")
    jordan.accept(maya.invite("partner"))
    html = maya.get(PAGE).text
    for number, title in enumerate(
        ("Before you start", "Where each of you stands", "Your cycle", "What your chats show",
         "Name the pattern as the common enemy", "One change each"), start=1,
    ):  # fmt: skip
        assert f'<span class="step-number">{number}</span> {title}' in html
    assert 'href="/practice/soothing"' in html
    assert "Maya&#39;s change" in html
    assert "Jordan&#39;s change" in html
    assert "Let Jordan see it too" in html
    assert 'name="share_partner" value="true" checked' in html
    assert "not shared with you" in html
    assert "no result yet" in html
    assert "No chat imported yet" in html
    api = maya.get(API).json()
    assert api["material"]["partner_name"] == "Jordan"
    assert [s["id"] for s in api["material"]["steps"]][-1] == "change"


def test_saved_by_maya_from_the_page_and_read_by_jordan(people):
    maya, jordan = people.add("Maya"), people.add("Jordan")
    jordan.accept(maya.invite("partner"))
    cycle_id = start_cycle(maya)
    saved = maya.page_post(PAGE, PAGE, {**FORM, "cycle_id": cycle_id})
    assert saved.status_code == 303, saved.text
    url = saved.headers["location"]
    assert url.startswith(f"{PAGE}/")
    page = maya.get(url).text
    assert "Saved. Shared with your partner." in page
    assert "The two of us against the midnight spiral" in page
    assert "4 of 6 parts talked through" in page
    assert "After plans fall through" in page
    seen = jordan.get(url)
    assert seen.status_code == 200
    assert "When I need space, I will say when I am back" in seen.text
    assert "from Maya" in seen.text
    assert "How did it go?" in seen.text
    assert f'action="{url}/follow-up"' not in seen.text  # only the writer adds how it went
    assert "The two of us against the midnight spiral" in jordan.get(PAGE).text
    read = jordan.get(f"{API}/{url.rsplit('/', 1)[1]}").json()
    assert read["talk"]["changes_named"][1] == {
        "who": "Jordan's change", "change": "When I need space, I will say when I am back",
    }  # fmt: skip
    assert read["talk"]["mine"] is False
    assert read["can_follow_up"] is False


def test_unticked_it_stays_private_and_a_stranger_reads_nothing(people):
    maya, jordan = people.add("Maya"), people.add("Jordan")
    jordan.accept(maya.invite("partner"))
    robin = people.add("Robin")
    saved = maya.page_post(PAGE, PAGE, {**FORM, "share_partner": ""})
    url = saved.headers["location"]
    assert "private" in maya.get(url).text
    assert jordan.get(url).status_code == 404
    assert "the midnight spiral" not in jordan.get(PAGE).text
    shared = api_save(maya, shared_with_partner=True)
    for path in (url, f"{PAGE}/{shared['id']}"):
        assert robin.get(path).status_code == 404
    assert robin.get(f"{API}/{shared['id']}").status_code == 404
    assert "the cold front" not in robin.get(PAGE).text
    assert (
        robin.send("PUT", f"{API}/{shared['id']}/follow-up", {"went": "better"}).status_code == 404
    )


def test_alone_the_second_change_is_a_hope_and_it_stays_private(people):
    robin = people.add("Robin")
    html = robin.get(PAGE).text
    assert "What I hope they might try" in html
    assert "You are not linked with a partner, so this stays private." in html
    assert 'name="share_partner"' not in html
    saved = api_save(robin, shared_with_partner=True, their_change="ask me how I am")
    assert saved["shared_with_partner"] is False
    assert "What I hope they might try" in robin.get(f"{PAGE}/{saved['id']}").text


def test_missing_words_are_named_beside_their_field_and_kept(people):
    maya = people.add("Maya")
    refused = maya.page_post(PAGE, PAGE, {**FORM, "pattern": "  "})
    assert refused.status_code == 422
    assert 'id="pattern-error"' in refused.text
    assert "Give the pattern a name" in refused.text
    assert "When I feel ignored, I will say it once and wait" in refused.text
    no_change = maya.page_post(PAGE, PAGE, {**FORM, "my_change": ""})
    assert 'id="my_change-error"' in no_change.text
    api = maya.send("POST", API, {"occurred_at": NOW.isoformat(), "pattern": "x", "my_change": ""})
    assert api.status_code == 422
    assert api.json()["error"]["field"] == "my_change"


def test_how_it_went_is_added_later_and_the_first_version_kept(people):
    maya, jordan = people.add("Maya"), people.add("Jordan")
    jordan.accept(maya.invite("partner"))
    saved = api_save(maya, shared_with_partner=True)
    url = f"{PAGE}/{saved['id']}"
    blank = maya.page_post(url, f"{url}/follow-up", {"note": "hm"})
    assert blank.status_code == 422
    assert "Choose how it went." in blank.text
    done = maya.page_post(url, f"{url}/follow-up", {"went": "better", "note": "Sunday was easy"})
    assert done.status_code == 303
    page = maya.get(url).text
    assert "how it went is added" in page
    assert "It helped" in page
    assert "Sunday was easy" in jordan.get(url).text
    entry = maya.get(f"/api/journal/entries/{saved['id']}").json()
    assert len(entry["history"]) == 1
    api = maya.send("PUT", f"{API}/{saved['id']}/follow-up", {"went": "mixed"})
    assert api.status_code == 200, api.text
    assert api.json()["went_label"] == "a bit of both"


def test_the_entry_page_and_the_practice_home_know_the_tool(people):
    maya = people.add("Maya")
    saved = api_save(maya)
    entry = maya.get(f"/entries/{saved['id']}").text
    assert "talk about how we talk" in entry
    assert "When we go quiet, I will reach for your hand" in entry
    assert f'href="{PAGE}"' in maya.get("/practice").text


def test_words_of_danger_bring_the_calm_safety_note(people):
    maya = people.add("Maya")
    saved = maya.page_post(PAGE, PAGE, {**FORM, "notes": "He said he would kill me"})
    assert saved.status_code == 303
    assert 'class="safety-note' in maya.get(saved.headers["location"]).text
    api = api_save(maya, notes="He said he would kill me")
    assert "threat_of_violence" in [s["category"] for s in api["safety"]["signals"]]


def test_safety_mode_pauses_the_whole_tool(people):
    maya, jordan = people.add("Maya"), people.add("Jordan")
    jordan.accept(maya.invite("partner"))
    own = api_save(maya, shared_with_partner=True)
    theirs = api_save(jordan, pattern="the slammed door", shared_with_partner=True)
    safety_mode_on(maya)
    html = maya.get(PAGE).text
    assert "While safety mode is on, Bowlby pauses" in html
    assert 'action="/practice/how-we-talk"' not in html
    assert "The two of us against the cold front" in html  # what she wrote is still hers to read
    assert "the slammed door" not in html
    assert maya.get(f"{PAGE}/{theirs['id']}").status_code == 404
    detail = maya.get(f"{PAGE}/{own['id']}").text
    assert "While safety mode is on" in detail
    assert "/follow-up" not in detail
    assert maya.get(API).json()["material"] is None
    body = {"occurred_at": NOW.isoformat(), "pattern": "x", "my_change": "y"}
    assert maya.send("POST", API, body).status_code == 403
    assert maya.send("PUT", f"{API}/{own['id']}/follow-up", {"went": "better"}).status_code == 403


def test_the_tool_needs_a_sign_in(client):
    assert client.get(API).status_code == 401
    assert client.get(PAGE).status_code in (303, 307)


def test_positions_and_cycle_sides_show_as_far_as_each_may_see(people):
    maya, jordan = people.add("Maya"), people.add("Jordan")
    jordan.accept(maya.invite("partner"))
    start_and_finish_ecr_s(maya)
    theirs = start_and_finish_ecr_s(jordan)
    cycle_id = start_cycle(maya)
    assert (
        api_side(maya, cycle_id, core_fear="abandonment", do="I text and text").status_code == 201
    )
    hidden = api_side(jordan, cycle_id, shared=False, feel="cornered and small")
    assert hidden.status_code == 201
    html = maya.get(PAGE).text
    assert "Jordan: not filled in yet" in html
    assert "cornered and small" not in html
    assert "fear of abandonment" in html
    assert "go quiet; I text and text" in html
    assert "not shared with you" in html
    assert "anxiety 4.00 · avoidance 4.00 (1 to 7)" in html
    shared = jordan.send("POST", f"/api/entries/{theirs}/sharing",
                         {"partner": True, "therapist": False})  # fmt: skip
    assert shared.status_code == 200, shared.text
    sides = maya.get(API).json()["material"]["positions"]
    assert [(s["name"], s["shown"]) for s in sides] == [("Maya", True), ("Jordan", True)]
