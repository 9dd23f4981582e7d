"""The 5:1 ledger in the browser's pages and through the API: one tap, the counts, the honest
note about the research, the couple side by side, safety mode, and the sign-in."""

from __future__ import annotations

from datetime import UTC, datetime

from bowlby.web import practice_ratio_messages as say
from tests.web.test_safety_pages import safety_mode_on

PAGE = "/practice/ratio"
NOW = datetime.now(UTC).isoformat()


def tap(person, sign: str, **extra):
    return person.page_post(PAGE, PAGE, {"sign": sign, **extra})


def test_one_tap_counts_a_moment_and_the_page_says_so(people):
    alex = people.add("Alex")
    html = alex.get(PAGE).text
    assert html.count('action="/practice/ratio"') == 2
    assert "Nothing logged yet." in html
    assert 'href="/practice/repairs/phrases"' in html
    saved = tap(alex, "positive")
    assert saved.status_code == 303
    assert saved.headers["location"] == PAGE
    page = alex.get(PAGE).text
    assert "Counted: one warm moment. Only you can read this entry." in page
    assert '<dd id="today-count">1 positive, none negative</dd>' in page
    tap(alex, "negative", kind="criticism", note="snapped about dishes")
    page = alex.get(PAGE).text
    assert '<dd id="today-count">1 positive, 1 negative (1.0:1)</dd>' in page
    assert "snapped about dishes" in page
    assert "<svg" in page


def test_the_page_is_honest_about_what_5_to_1_measured(people):
    html = people.add("Alex").get(PAGE).text
    assert say.RESEARCH_TITLE in html
    for paragraph in say.RESEARCH:
        assert paragraph.replace("'", "&#39;") in html
    assert "not a daily quota" in html
    assert "observers" in html


def test_a_kind_of_the_other_sign_is_shown_again_next_to_its_field(people):
    alex = people.add("Alex")
    refused = tap(alex, "negative", kind="humour", note="kept as typed")
    assert refused.status_code == 422
    assert "&#39;humour&#39; is not a negative kind" in refused.text
    assert 'id="negative-kind-error"' in refused.text
    assert 'value="kept as typed"' in refused.text
    assert tap(alex, "sideways").status_code == 422


def test_the_api_logs_a_moment_and_returns_the_pages_context(people):
    alex = people.add("Alex")
    made = alex.send(
        "POST", "/api/practice/ratio", {"occurred_at": NOW, "sign": "+", "kind": "humour"}
    )
    assert made.status_code == 201, made.text
    body = made.json()
    assert (body["sign"], body["kind"], body["source"]) == ("positive", "humour", "logged")
    assert body["safety"]["signals"] == []
    bad = alex.send(
        "POST",
        "/api/practice/ratio",
        {"occurred_at": "2024-05-31T18:30:00Z", "sign": "-", "kind": "humour"},
    )
    assert bad.status_code == 422
    assert bad.json()["error"]["field"] == "kind"
    page = alex.get("/api/practice/ratio").json()
    assert page["research_title"] == say.RESEARCH_TITLE
    assert page["chart"]["svg"] == ""
    table = alex.get("/api/practice/ratio/table", params={"by": "week", "days": 7}).json()
    assert all(set(row) >= {"label", "empty", "described"} for row in table)
    assert alex.get("/api/practice/ratio/table", params={"by": "month"}).status_code == 422


def test_the_couple_view_shows_only_what_the_partner_shared(people):
    alex, sam = people.couple()
    sam.send(
        "POST", "/api/practice/ratio", {"occurred_at": NOW, "sign": "+", "note": "private smile"}
    )
    shared = sam.send(
        "POST",
        "/api/practice/ratio",
        {
            "occurred_at": NOW,
            "sign": "-",
            "note": "shared sulk",
            "shared_with_partner": True,
        },
    )
    assert shared.status_code == 201, shared.text
    now = {"occurred_at": "", "sign": "positive"}
    tap(alex, **now)
    couple = alex.get("/api/practice/ratio").json()["couple"]
    by_name = {person["name"]: person for person in couple}
    assert set(by_name) == {"Alex", "Sam"}
    sam_total = [w for w in by_name["Sam"]["weeks"] if not w["empty"]]
    assert [(w["positive"], w["negative"]) for w in sam_total] == [(0, 1)]
    html = alex.get(PAGE).text
    assert "Side by side" in html
    assert "private smile" not in html
    assert "shared sulk" not in html  # notes stay on the owner's own list
    table = alex.get("/api/practice/ratio/table", params={"whose": "shared", "days": 3650})
    assert sum(row["negative"] for row in table.json()) == 1
    assert sum(row["positive"] for row in table.json()) == 0


def test_safety_mode_pauses_the_ledger_page_and_api(people):
    alex = people.add("Alex")
    safety_mode_on(alex)
    html = alex.get(PAGE).text
    assert "While safety mode is on, Bowlby pauses" in html
    assert 'href="/safety"' in html
    assert 'href="/practice/soothing"' in html
    assert 'action="/practice/ratio"' not in html
    refused = alex.send(
        "POST", "/api/practice/ratio", {"occurred_at": "2024-05-31T18:30:00Z", "sign": "+"}
    )
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "paused_for_safety"


def test_the_ledger_needs_a_sign_in(client):
    assert client.get("/api/practice/ratio").status_code == 401
    assert client.get(PAGE).status_code in (303, 307)
    assert client.post(PAGE, data={"sign": "positive"}).status_code in (303, 307, 401, 403)


def test_the_page_can_show_three_months(people):
    alex = people.add("Alex")
    assert 'href="/practice/ratio?days=91"' in alex.get(PAGE).text
    longer = alex.get(PAGE, params={"days": 91})
    assert longer.status_code == 200
    assert "The last 3 months" in longer.text
    assert len(alex.get("/api/practice/ratio", params={"days": 91}).json()["weeks"]) >= 13
    assert alex.get(PAGE, params={"days": 3}).status_code == 422
