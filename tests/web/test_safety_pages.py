"""Safety in the browser without a browser: the quick exit and Get help on every page, /safety
open to anyone, the screen and its offer of safety mode, safety mode hiding partner sharing and
the couple view, stopping every partner share, the disguise, and the calm box after saving."""

from __future__ import annotations

import re

import pytest

from tests.web.journal_helpers import keep_success

SELF_HARM = "Some nights I think about ending it all."
NEGATED = "I would never hurt you, and I told him so."
SIGNED_OUT_PAGES = ["/signin", "/profiles/new", "/privacy", "/safety", "/journal/resources"]
SIGNED_IN_PAGES = [
    "/",
    "/entries",
    "/entries/new",
    "/journal",
    "/journal/triggers",
    "/assess",
    "/links",
    "/safety",
    "/safety/screen",
    "/settings/safety",
]
# Every page with a form that can share a new record.
SHARING_FORMS = [
    "/",
    "/entries/new",
    "/journal/triggers",
    "/journal/emotions",
    "/journal/thoughts/new",
    "/journal/successes",
    "/journal/reflections/new?prompt=comfort_as_a_child",
]
TRIGGER = {
    "what_happened": SELF_HARM,
    "partner_action": "delayed_reply",
    "urge": "text_again",
    "strength": "7",
    "occurred_at": "2024-05-31T18:30",
}
STRONG_WAST = {"tension": "a lot of tension", "arguments": "great difficulty"}


def quick_exit_comes_first(html: str) -> None:
    body = html.split("<body>", 1)[1]
    first = re.search(r"<(a|button|input|select|textarea)\b[^>]*>", body)
    assert first is not None
    assert 'class="quick-exit-button"' in first.group(0), first.group(0)
    assert '<form method="post" action="/exit" class="quick-exit"' in body
    assert 'href="/safety"' in body, "Get help is one click away"


@pytest.mark.parametrize("url", SIGNED_OUT_PAGES)
def test_every_signed_out_page_has_the_quick_exit_first_and_get_help(client, url):
    response = client.get(url)
    assert response.status_code == 200
    quick_exit_comes_first(response.text)


def test_every_signed_in_page_has_the_quick_exit_first_and_get_help(people):
    alex = people.add("Alex")
    for url in SIGNED_IN_PAGES:
        response = alex.get(url)
        assert response.status_code == 200, url
        quick_exit_comes_first(response.text)


def test_quick_exit_ends_the_session_and_lands_on_a_neutral_page(people):
    alex = people.add("Alex")
    assert alex.get("/journal").status_code == 200
    # No CSRF token: leaving must work even from a stale page.
    left = alex.client.post("/exit")
    assert (left.status_code, left.headers["location"]) == (303, "/weather")
    assert 'bowlby_session=""' in left.headers["set-cookie"]
    assert alex.get("/journal").headers["location"] == "/signin"
    neutral = alex.get("/weather")
    assert neutral.status_code == 200
    assert neutral.headers["cache-control"] == "no-store"
    assert "<title>Weather</title>" in neutral.text
    for word in ("Bowlby", "bowlby", "safety", "/static/bowlby.css", "favicon.svg", "<script"):
        assert word not in neutral.text


def test_quick_exit_works_signed_out_too(client):
    left = client.post("/exit")
    assert (left.status_code, left.headers["location"]) == (303, "/weather")


def test_the_quick_exit_script_is_local_and_replaces_the_location(client):
    script = client.get("/static/quick_exit.js")
    assert script.status_code == 200
    assert "location.replace" in script.text
    assert '"Escape"' in script.text
    assert "http" not in script.text


def test_the_safety_page_works_signed_out_with_a_country_chooser(client):
    page = client.get("/safety", params={"country": "GB"})
    assert page.status_code == 200
    html = page.text
    assert '<option value="GB" selected>United Kingdom</option>' in html
    assert html.index("Samaritans") < html.index("National Domestic Abuse Helpline"), (
        "crisis lines come first"
    )
    assert 'href="tel:999"' in html
    assert 'href="tel:116123"' in html
    assert "never diagnoses" in html
    assert "will never tell you to stay" in html
    assert "Sign in</a> to answer" in html


def test_the_safety_page_falls_back_without_echoing_what_was_typed(client):
    unknown = client.get("/safety", params={"country": "ZZ"}).text
    assert "Bowlby doesn&#39;t have lines listed for ZZ yet." in unknown
    assert "call your local emergency number" in unknown
    junk = client.get("/safety", params={"country": "<b>Pretend helpline 0900</b>"}).text
    assert "Pretend helpline" not in junk
    assert "Choose a country…" in junk


def test_the_safety_page_uses_the_persons_country(people):
    alex = people.add("Alex")
    saved = alex.page_post("/settings/safety", "/settings/safety/country", {"country": "DE"})
    assert saved.headers["location"] == "/settings/safety"
    assert "Showing lines for Germany." in alex.get("/settings/safety").text
    html = alex.get("/safety").text
    assert '<option value="DE" selected>Germany</option>' in html
    assert 'href="tel:112"' in html
    assert '<option value="FR" selected>' in alex.get("/safety?country=FR").text


def test_the_screen_starts_gently_and_a_negative_answer_is_kept(people):
    alex = people.add("Alex")
    assert alex.get("/safety/screen/result").headers["location"] == "/safety/screen"
    form = alex.get("/safety/screen").text
    assert "Step 1 of 2" in form
    assert "In general, how would you describe your relationship?" in form
    assert "I&#39;d rather not say" in form
    assert "Brown, J. B." in form
    answered = alex.page_post(
        "/safety/screen",
        "/safety/screen",
        {"step": "wast", "tension": "some tension", "arguments": "no difficulty"},
    )
    assert answered.headers["location"] == "/safety/screen/result"
    result = alex.get("/safety/screen/result").text
    assert "don&#39;t suggest the kind of conflict" in result
    assert "Turn on safety mode" not in result
    assert "tested mostly with women" in result


def test_a_strong_wast_leads_to_hark_and_a_positive_hark_offers_safety_mode(people):
    alex = people.add("Alex")
    step_two = alex.page_post("/safety/screen", "/safety/screen", {"step": "wast", **STRONG_WAST})
    assert step_two.status_code == 200
    assert "Step 2 of 2" in step_two.text
    assert "Within the last year, have you been afraid of your partner" in step_two.text
    assert '<input type="hidden" name="tension" value="a lot of tension">' in step_two.text
    answers = {"step": "hark", **STRONG_WAST, "afraid": "yes", "kick": "no"}
    done = alex.page_post("/safety/screen", "/safety/screen", answers)
    assert done.headers["location"] == "/safety/screen/result"
    result = alex.get("/safety/screen/result").text
    assert "may be hurting or frightening you" in result
    assert "Sohal, H." in result
    assert "Published accuracy: sensitivity 81% (95% CI 69%–90%)" in result
    assert "They cannot tell how dangerous a situation is" in result
    assert "Turn on safety mode" in result
    assert "Domestic abuse lines" in result or "call your local emergency number" in result
    turned_on = alex.page_post(
        "/safety/screen/result", "/settings/safety/mode", {"on": "on", "reason": "screen"}
    )
    assert turned_on.headers["location"] == "/settings/safety"
    settings = alex.get("/settings/safety").text
    assert "Safety mode is on." in settings
    assert "Safety mode is <strong>on</strong>" in settings
    assert "Turn on safety mode" not in alex.get("/safety/screen/result").text


def test_a_screen_with_nothing_answered_says_so(people):
    alex = people.add("Alex")
    response = alex.page_post("/safety/screen", "/safety/screen", {"step": "hark"})
    assert response.status_code == 422
    assert "Answer at least one question" in response.text


def test_screens_stay_out_of_entry_lists(people):
    alex = people.add("Alex")
    alex.page_post("/safety/screen", "/safety/screen", {"step": "hark", "afraid": "yes"})
    assert alex.titles() == []
    assert "Safety check" not in alex.get("/").text


def safety_mode_on(person) -> None:
    response = person.page_post("/settings/safety", "/settings/safety/mode", {"on": "on"})
    assert response.status_code == 303


def test_safety_mode_hides_every_partner_sharing_box(people):
    alex, _ = people.couple()
    for url in SHARING_FORMS:
        assert 'name="share_partner"' in alex.get(url).text, url
    entry = alex.write("Mine")
    result_id = start_and_finish_ecr_s(alex)
    safety_mode_on(alex)
    for url in [*SHARING_FORMS, f"/entries/{entry['id']}", f"/entries/{entry['id']}/edit"]:
        html = alex.get(url).text
        assert 'name="share_partner"' not in html, url
        assert 'name="share_therapist"' in html, url
    result = alex.get(f"/assess/{result_id}").text
    assert 'name="share_partner"' not in result
    assert "/assess/couple" not in result
    assert "/assess/couple" not in alex.get("/assess").text
    assert 'value="partner"' not in alex.get("/links").text


def start_and_finish_ecr_s(person) -> str:
    answers = {f"ecr_s_{n:02d}": 4 for n in range(1, 13)}
    started = person.send("POST", "/api/assessments", {"instrument": "ecr-s", "targets": []})
    assert started.status_code == 201, started.text
    sitting = started.json()["id"]
    saved = person.send("POST", f"/api/assessments/{sitting}/answers", {"answers": answers})
    assert saved.status_code == 200, saved.text
    finished = person.send("POST", f"/api/assessments/{sitting}/finish")
    assert finished.status_code == 200, finished.text
    return sitting


def test_safety_mode_hides_the_couple_view_and_partner_prompts(people):
    alex = people.add("Alex")
    assert alex.get("/assess/couple").status_code == 200
    assert "Invite your partner or therapist" in alex.get("/").text
    safety_mode_on(alex)
    hidden = alex.get("/assess/couple")
    assert hidden.status_code == 404
    assert "hidden while safety mode is on" in hidden.text
    home = alex.get("/").text
    assert "Invite your partner" not in home
    assert "A therapist you" in home


def test_safety_mode_refuses_partner_sharing_through_the_pages(people):
    alex, sam = people.couple()
    safety_mode_on(alex)
    refused = alex.page_post(
        "/entries/new", "/entries/new", {"title": "Tried", "body": "x", "share_partner": "true"}
    )
    assert refused.status_code == 422
    assert "Sharing with your partner is switched off while safety mode is on" in refused.text
    trigger = {**TRIGGER, "what_happened": "Late again", "share_partner": "true"}
    assert alex.page_post("/journal/triggers", "/journal/triggers", trigger).status_code == 422
    entry = alex.write("Private one")
    shared = alex.page_post(
        f"/entries/{entry['id']}", f"/entries/{entry['id']}/sharing", {"share_partner": "true"}
    )
    assert shared.status_code == 422
    assert sam.titles("shared") == []


def test_an_entry_shared_before_safety_mode_stays_shared_when_edited(people):
    alex, sam = people.couple()
    entry = alex.write("Shared before", "first words", shared_with_partner=True)
    safety_mode_on(alex)
    edit_url = f"/entries/{entry['id']}/edit"
    form = alex.get(edit_url).text
    assert '<input type="hidden" name="share_partner" value="true">' in form
    assert "shared with your partner before safety mode" in form
    alex.page_post(
        edit_url,
        edit_url,
        {"title": "Shared before", "body": "edited", "share_partner": "true", "occurred_at": ""},
    )
    assert sam.titles("shared") == ["Shared before"]


def test_stop_sharing_everything_with_the_partner_from_the_settings_page(people):
    alex, sam = people.couple()
    for title in ("One", "Two"):
        alex.write(title, shared_with_partner=True)
    alex.write("Three")
    page = alex.get("/settings/safety").text
    assert "2 of your entries are shared with your partner." in page
    stopped = alex.page_post("/settings/safety", "/settings/safety/stop-sharing", {})
    assert stopped.headers["location"] == "/settings/safety"
    after = alex.get("/settings/safety").text
    assert "2 entries were shared with your partner; they are private from them now." in after
    assert "None of your entries is shared with your partner." in after
    assert sam.titles("shared") == []


def test_the_disguise_turns_the_title_and_brand_into_notes(people):
    alex = people.add("Alex")
    alex.page_post("/settings/safety", "/settings/safety/disguise", {"on": "on"})
    html = alex.get("/journal").text
    assert "<title>Notes</title>" in html
    assert "Bowlby</a>" not in html
    assert "</span>Notes</a>" in html
    assert "/static/notes.svg" in html
    alex.page_post("/settings/safety", "/settings/safety/disguise", {"on": "off"})
    assert "· Bowlby</title>" in alex.get("/journal").text


def calm_box(html: str) -> str | None:
    found = re.search(r'<section class="safety-note".*?</section>', html, re.DOTALL)
    return found.group(0) if found else None


def test_a_self_harm_sentence_saved_on_a_page_shows_the_calm_box_once(people):
    alex = people.add("Alex")
    alex.page_post("/settings/safety", "/settings/safety/country", {"country": "GB"})
    saved = alex.page_post("/entries/new", "/entries/new", {"title": "Tonight", "body": SELF_HARM})
    assert saved.status_code == 303, "saving is never blocked"
    box = calm_box(alex.get(saved.headers["location"]).text)
    assert box is not None
    assert "You matter, and help is there right now" in box
    assert 'href="tel:116123"' in box, "the person's crisis line"
    assert 'href="tel:999"' in box
    assert "What you wrote is saved" in box
    assert SELF_HARM not in box
    assert calm_box(alex.get("/").text) is None, "shown once"


def test_a_trigger_saved_on_its_page_gets_the_calm_box(people):
    alex = people.add("Alex")
    saved = alex.page_post("/journal/triggers", "/journal/triggers", TRIGGER)
    assert saved.status_code == 303
    box = calm_box(alex.get(saved.headers["location"]).text)
    assert box is not None
    assert "call your local emergency number" in box, "no country chosen: the fallback"


@pytest.mark.parametrize(
    ("url", "fields"),
    [
        ("/entries/new", {"title": "Evening", "body": NEGATED}),
        ("/journal/successes", {"what_happened": NEGATED, "quality": "caring"}),
    ],
)
def test_negated_words_show_nothing(people, url, fields):
    alex = people.add("Alex")
    saved = alex.page_post(url, url, fields)
    assert saved.status_code == 303
    assert calm_box(alex.get(saved.headers["location"]).text) is None


def test_the_resources_step_points_to_the_help_page(client):
    assert 'href="/safety"' in client.get("/journal/resources").text


def test_safety_mode_hides_the_remember_when_card(people):
    alex = people.add("Alex")
    keep_success(alex, "They waited up with tea")
    assert "Remember when" in alex.get("/").text
    safety_mode_on(alex)
    assert "Remember when" not in alex.get("/").text


def test_the_privacy_page_says_what_safety_keeps_sealed_and_what_shows(client):
    page = client.get("/privacy").text
    for claim in (
        "Your answers to the safety questions",
        "Your safety settings",
        "a safety check was answered, and when",
        "history list still names",
    ):
        assert claim in page, claim
