"""The five steps through the server-rendered pages: forms with their CSRF token, errors shown
beside their field with everything typed kept, and who may read what."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from tests.web.helpers import NOW, form_token
from tests.web.journal_helpers import (
    keep_success,
    log_trigger,
    one_of_each,
    record_thought,
    when,
)

PAGES = [
    "/journal",
    "/journal/triggers",
    "/journal/emotions",
    "/journal/thoughts",
    "/journal/thoughts/new",
    "/journal/successes",
    "/journal/reflections",
    "/journal/reflections/new?prompt=comfort_as_a_child",
    "/journal/search?q=reply",
]
TRIGGER = {
    "what_happened": "No reply <b>all</b> afternoon",
    "partner_action": "delayed_reply",
    "urge": "text_again",
    "strength": "7",
    "tags": "Texting, evening",
    "occurred_at": "2024-05-31T18:30",
}


def notice(html: str) -> str:
    found = re.search(r'<p class="notice" role="status">([^<]*)</p>', html)
    return found.group(1) if found else ""


def redirected(response, to: str) -> str:
    assert response.status_code == 303, response.text
    assert response.headers["location"] == to
    return to


@pytest.mark.parametrize("url", PAGES)
def test_every_journal_page_opens_signed_in_and_sends_others_to_sign_in(people, client, url):
    alex = people.add("Alex")
    page = alex.get(url)
    assert page.status_code == 200, page.text
    assert '<nav aria-label="Main">' in page.text
    assert 'href="/journal" aria-current="page"' in page.text or url != "/journal"
    assert client.get(url).headers["location"] == "/signin"


def test_the_resources_page_is_open_to_anyone_and_puts_emergencies_first(client):
    page = client.get("/journal/resources").text
    crisis = page.index("local emergency services")
    assert crisis < page.index("Cognitive behavioural therapy")
    for words in ("thought record", "pursue–withdraw cycle", "first session", "register"):
        assert words in page
    main = page[page.index('<main id="main"') : page.index("</main>")]
    assert "http" not in main, "the resources page links to no outside service"


def test_the_overview_shows_the_five_steps_recent_records_and_a_search_box(people):
    alex = people.add("Alex")
    log_trigger(alex, what_happened="Late again")
    page = alex.get("/journal").text
    for n, title in enumerate(
        [
            "Identify triggers",
            "Name the emotion",
            "Challenge the narrative",
            "Build a secure model",
            "Seek professional insight",
        ],
        start=1,
    ):
        assert f'aria-hidden="true">{n}</span> {title}</h2>' in page
    for href in ("/journal/triggers", "/journal/emotions", "/journal/thoughts"):
        assert f'href="{href}"' in page
    assert '<form method="get" action="/journal/search"' in page
    assert ">Late again</a>" in page


def test_a_trigger_logged_through_the_quick_form_shows_in_the_list_and_patterns(people):
    alex = people.add("Alex")
    blank = alex.get("/journal/triggers").text
    assert re.search(r'name="occurred_at" type="datetime-local" value="\d{4}-\d\d-\d\dT', blank)
    assert 'id="share_partner" name="share_partner" value="true">' in blank, "private by default"
    assert "<legend>How strong was the urge?</legend>" in blank
    response = alex.page_post("/journal/triggers", "/journal/triggers", TRIGGER)
    redirected(response, "/journal/triggers")
    page = alex.get("/journal/triggers").text
    assert notice(page) == "Logged. Noticing it is the first step. Only you can read this entry."
    assert "No reply &lt;b&gt;all&lt;/b&gt; afternoon" in page
    assert "a late or missing reply → urge to text or call again" in page
    assert '<span class="tag">texting</span>' in page
    assert "100% reaching out (protest), 0% pulling away (withdrawal)." in page
    assert re.search(r"a late or missing reply</span>\s*<span class=\"bar-figure\">1 time", page)


def test_a_form_without_its_csrf_token_saves_nothing(people):
    alex = people.add("Alex")
    response = alex.client.post("/journal/triggers", data=TRIGGER)
    assert response.status_code == 403
    assert "nothing was saved" in response.text
    assert alex.get("/api/journal/triggers").json()["triggers"] == []


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"urge": ""}, "urge", "Choose the urge it raised."),
        ({"strength": ""}, "strength", "Choose how strong the urge was, from 0 to 10."),
        ({"partner_action": "ghosted"}, "partner_action", "&#39;ghosted&#39; is not one of"),
        ({"occurred_at": "last tuesday"}, "occurred_at", "Give the date and time like"),
        ({"what_happened": " "}, "what_happened", "Write a few words about what happened."),
    ],
)
def test_a_trigger_form_mistake_is_named_beside_its_field_and_keeps_what_was_typed(
    people, change, field, message
):
    alex = people.add("Alex")
    response = alex.page_post("/journal/triggers", "/journal/triggers", {**TRIGGER, **change})
    assert response.status_code == 422
    html = response.text
    assert f'<p class="field-error" id="{field}-error">{message}' in html
    assert f'aria-describedby="{field}-error"' in html
    if field != "what_happened":
        assert 'value="No reply &lt;b&gt;all&lt;/b&gt; afternoon"' in html
    assert 'value="Texting, evening"' in html
    if field != "partner_action":
        assert '<option value="delayed_reply" selected>' in html
    if field != "strength":
        assert 'value="7" checked>' in html
    assert alex.get("/api/journal/triggers").json()["triggers"] == []


def test_naming_an_emotion_offers_the_statement_first_then_saves(people):
    alex = people.add("Alex")
    page = alex.get("/journal/emotions").text
    assert page.index("Is one of the core fears beneath it?") < page.index("<legend>Fear</legend>")
    choice = {"core_fear": "abandonment", "feeling": "fear/abandoned", "intensity": "6"}
    offered = alex.page_post(
        "/journal/emotions", "/journal/emotions", {**choice, "note": "kept", "action": "suggest"}
    )
    assert offered.status_code == 200
    assert 'value="I am feeling the fear of being left right now."' in offered.text
    assert "Change it until it sounds like you" in offered.text
    assert ">kept</textarea>" in offered.text
    assert alex.get("/api/journal/emotions").json()["emotions"] == []

    edited = "I am feeling the fear of being left, and it will pass."
    saved = alex.page_post(
        "/journal/emotions", "/journal/emotions", {**choice, "statement": edited, "action": "save"}
    )
    redirected(saved, "/journal/emotions")
    page = alex.get("/journal/emotions").text
    assert notice(page).startswith(f"Named: {edited}")
    assert "Beneath it: fear of abandonment" in page
    assert '<th scope="row">abandoned</th><td class="num">1</td>' in page


def test_an_emotion_word_from_another_family_is_named_at_the_feeling(people):
    alex = people.add("Alex")
    bad = {"feeling": "fear/lonely", "intensity": "4", "note": "typed"}
    response = alex.page_post("/journal/emotions", "/journal/emotions", bad)
    assert response.status_code == 422
    assert (
        '<p class="field-error" id="feeling-error">&#39;lonely&#39; is not a name' in response.text
    )
    assert ">typed</textarea>" in response.text
    none_chosen = alex.page_post("/journal/emotions", "/journal/emotions", {"intensity": "4"})
    assert "Choose the word that fits the feeling best." in none_chosen.text


def test_a_thought_record_half_saved_is_finished_later_and_shows_the_drop(people):
    alex, sam = people.couple()
    moment = keep_success(alex, "They drove me to the airport at dawn")
    form = alex.get("/journal/thoughts/new").text
    assert "They drove me to the airport at dawn" in form
    assert "Jumping to the worst possible outcome" in form
    assert "Ask: What is the most likely outcome, not the worst one?" in form
    started = {
        "situation": "No reply for three hours",
        "automatic_thought": "They will definitely leave me",
        "belief_before": "80",
        "distortions": ["catastrophising", "mind_reading"],
        "share_partner": "true",
    }
    response = alex.page_post("/journal/thoughts/new", "/journal/thoughts/new", started)
    record_id = re.fullmatch(r"/journal/thoughts#thought-(.+)", response.headers["location"])[1]
    listing = alex.get("/journal/thoughts").text
    assert notice(listing).startswith("Saved for later.")
    assert "not re-rated yet" in listing
    assert f'href="/journal/thoughts/{record_id}/edit">Finish it</a>' in listing

    edit_url = f"/journal/thoughts/{record_id}/edit"
    edit = alex.get(edit_url).text
    assert (
        'value="catastrophising" aria-describedby="distortion-catastrophising-about" checked'
        in (edit)
    )
    assert ">No reply for three hours</textarea>" in edit
    finished = {
        **started,
        "evidence_against": "They said they had meetings.",
        "evidence_success_ids": [moment["id"]],
        "balanced_thought": "They are busy, and they come back.",
        "belief_after": "30",
    }
    alex.page_post(edit_url, edit_url, finished)
    listing = alex.get("/journal/thoughts").text
    assert notice(listing) == (
        "Saved. Your belief went from 80 to 30: down 50 points. Shared with your partner."
    )
    assert '<span class="belief-drop down">down 50 points</span>' in listing
    assert '<rect class="after" y="12" width="30"' in listing
    assert "from <strong>80</strong> to <strong>30</strong> out of 100" in listing

    entry = alex.get(f"/entries/{record_id}").text
    assert "<dt>Success moments cited as evidence</dt>" in entry
    assert "<li>They drove me to the airport at dawn</li>" in entry
    assert "<li>catastrophising</li><li>mind reading</li>" in entry
    assert "Earlier versions" in entry
    assert "not yet re-rated" in entry, "the half-saved version is in the history"
    assert f'href="{edit_url}">Edit</a>' in entry

    theirs = sam.get(f"/entries/{record_id}").text
    assert "They will definitely leave me" in theirs
    assert "Earlier versions" not in theirs
    assert "not yet re-rated" not in theirs
    assert "a moment that is not shared with you" in theirs
    assert sam.get(edit_url).status_code == 404
    assert sam.page_post("/journal/thoughts", edit_url, finished).status_code == 404


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"belief_before": "lots"}, "belief_before", "Rate how much you believe it"),
        ({"belief_after": "120"}, "belief_after", "Re-rate the belief from 0 to 100"),
        ({"automatic_thought": ""}, "automatic_thought", "Write the thought that came first"),
        ({"distortions": ["doom"]}, "distortions", "&#39;doom&#39; is not one of"),
    ],
)
def test_a_thought_record_mistake_keeps_every_box(people, change, field, message):
    alex = people.add("Alex")
    typed = {
        "situation": "Dinner cancelled",
        "automatic_thought": "I am too much",
        "belief_before": "70",
        "evidence_for": "They sighed.",
        **change,
    }
    response = alex.page_post("/journal/thoughts/new", "/journal/thoughts/new", typed)
    assert response.status_code == 422
    assert f'<p class="field-error" id="{field}-error">{message}' in response.text
    assert ">Dinner cancelled</textarea>" in response.text
    assert ">They sighed.</textarea>" in response.text
    assert alex.get("/api/journal/thoughts").json()["records"] == []


def test_a_success_moment_is_kept_and_comes_back_as_remember_when(people):
    alex = people.add("Alex")
    keep_success(alex, "They remembered my exam", occurred_at=when(NOW - timedelta(days=9)))
    response = alex.page_post(
        "/journal/successes",
        "/journal/successes",
        {"what_happened": "A hug at the door", "quality": "caring"},
    )
    redirected(response, "/journal/successes")
    page = alex.get("/journal/successes").text
    assert notice(page).startswith("Kept.")
    assert "A hug at the door" in page
    assert "Caring: looked after me" in page
    card = page[page.index("Remember when…") : page.index("Keep a moment")]
    assert "They remembered my exam" in card
    home = alex.get("/").text
    assert '<h2 id="remember-heading">Remember when…</h2>' in home
    assert 'href="/journal/successes">Your success journal</a>' in home

    empty = alex.page_post("/journal/successes", "/journal/successes", {"what_happened": ""})
    assert empty.status_code == 422
    assert "Write a few words about the moment." in empty.text


def test_reflections_show_the_gentle_note_first_and_save_an_answer(people):
    alex = people.add("Alex")
    page = alex.get("/journal/reflections").text
    assert page.index("These questions look back to understand") < page.index("Childhood")
    assert 'href="/journal/reflections/new?prompt=comfort_as_a_child"' in page
    form_url = "/journal/reflections/new?prompt=learned_rule"
    form = alex.get(form_url).text
    assert "What rule about closeness did you learn early" in form
    empty = alex.page_post(form_url, "/journal/reflections/new", {"prompt_id": "learned_rule"})
    assert empty.status_code == 422
    assert "Write a few words in answer" in empty.text
    answer = {"prompt_id": "learned_rule", "answer": "Don't need too much."}
    redirected(alex.page_post(form_url, "/journal/reflections/new", answer), "/journal/reflections")
    page = alex.get("/journal/reflections").text
    assert "Don&#39;t need too much." in page
    assert alex.get("/journal/reflections/new?prompt=nope").status_code == 404


def test_search_links_each_result_to_its_entry_with_kind_date_and_snippet(people):
    alex = people.add("Alex")
    ids = one_of_each(alex, "Harbour")
    page = alex.get("/journal/search", params={"q": "harbour"}).text
    assert "5 entries match “harbour”." in page
    assert f'<a href="/entries/{ids["thought_record"]}">Harbour thought</a>' in page
    assert "· thought record" in page
    assert "May 2024</time> · thought record" in page
    assert "Nothing found." in alex.get("/journal/search", params={"q": "zebra"}).text


def test_a_partner_sees_only_shared_records_in_lists_search_and_entries(people):
    alex, sam = people.couple()
    private = one_of_each(alex, "Secretive")
    shared = one_of_each(alex, "Openly", shared_with_partner=True)
    for url in (
        "/journal/triggers?whose=all",
        "/journal/emotions?whose=shared",
        "/journal/thoughts?whose=all",
        "/journal/successes?whose=all",
        "/journal/reflections?whose=all",
        "/journal/search?q=openly+secretive&whose=all",
        "/journal/search?q=secretive&whose=all",
        "/journal",
        "/",
    ):
        html = sam.get(url).text
        assert "Secretive" not in html, url
    assert "from Alex" in sam.get("/journal/triggers?whose=all").text
    assert "Openly trigger" in sam.get("/journal/triggers?whose=all").text
    found = sam.get("/journal/search", params={"q": "openly", "whose": "all"}).text
    assert "5 entries match" in found
    for entry_id in private.values():
        assert sam.get(f"/entries/{entry_id}").status_code == 404
    for entry_id in shared.values():
        assert "Earlier versions" not in sam.get(f"/entries/{entry_id}").text


def test_entry_pages_show_each_kind_readably(people):
    alex = people.add("Alex")
    ids = one_of_each(alex, "Readable")
    trigger = alex.get(f"/entries/{ids['trigger']}").text
    assert "<h1>Readable trigger</h1>" in trigger
    assert "a late or missing reply" in trigger
    assert "text or call again, reaching out (protest)" in trigger
    assert "7 out of 10" in trigger
    assert "delayed_reply" not in trigger
    emotion = alex.get(f"/entries/{ids['emotion']}").text
    assert "abandoned (fear)" in emotion
    reflection = alex.get(f"/entries/{ids['reflection']}").text
    assert "<dt>Question (past relationships)</dt>" in reflection
    success = alex.get(f"/entries/{ids['success']}").text
    assert "reliable: did what they said" in success
    assert "/edit" not in success, "these kinds have no general edit form"
    assert "Earlier versions" not in success


def test_editing_a_plain_entry_shows_its_earlier_version_to_the_owner(people):
    alex = people.add("Alex")
    entry_id = alex.write("First title", "First body")["id"]
    edit_url = f"/entries/{entry_id}/edit"
    alex.page_post(edit_url, edit_url, {"title": "Second title", "body": "Second body"})
    page = alex.get(f"/entries/{entry_id}").text
    history = page[page.index("Earlier versions") :]
    assert "Version 1, replaced" in history
    assert "First body" in history


def test_page_forms_and_api_share_one_token_per_session(people):
    alex = people.add("Alex")
    assert form_token(alex.get("/journal/triggers").text) == alex.csrf
    assert record_thought(alex)["belief_drop"] is None
