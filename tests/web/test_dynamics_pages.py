"""The couple-model pages and their JSON twins: the overview, logging a hard conversation (turn
errors named), a fit with intervals, steady states and the phase plane, the plain too-few-turns
state, the what-if (paused in safety mode), and nobody else's conversations."""

from __future__ import annotations

from datetime import UTC, datetime

from bowlby.dynamics.model import Bilinear, CoupleModel, PartnerModel, simulate
from tests.web.test_safety_pages import safety_mode_on

PAGE = "/dynamics"
LOG = "/dynamics/log"
KNOWN = CoupleModel(
    PartnerModel(-0.3, 0.3, Bilinear(0.5, 0.3)),
    PartnerModel(-0.2, 0.4, Bilinear(0.4, 0.2)),
)


def simulated_scores(turns: int, seed: int) -> list[int]:
    run = simulate(KNOWN, (-1, -1), turns // 2, noise_sd=1.2, seed=seed, round_scores=True)
    return [int(s) for pair in zip(run.first[1:], run.second[1:], strict=True) for s in pair]


def log_via_api(person, scores, topic="money", first="me", shared=False):
    body = {
        "occurred_at": datetime(2026, 3, 7, 21, tzinfo=UTC).isoformat(),
        "topic": topic,
        "first": first,
        "scores": scores,
        "shared_with_partner": shared,
    }
    made = person.send("POST", "/api/dynamics/conversations", body)
    assert made.status_code == 201, made.text
    return made.json()


def log_enough(person, conversations=2, turns=340):
    return [log_via_api(person, simulated_scores(turns, seed)) for seed in range(conversations)]


def test_the_overview_explains_the_model_and_links_the_sources(people):
    alex = people.add("Alex")
    html = alex.get(PAGE).text
    assert "<h1>How you influence each other</h1>" in html
    assert "It does not predict where the relationship goes" in html
    assert "No chats imported yet." in html
    assert "No hard conversations logged yet." in html
    assert 'href="/dynamics/log"' in html
    assert 'href="/dynamics/loop"' in html
    assert "A fit needs about 100 turn pairs for each of you" in html
    logged = log_via_api(alex, [-2, -1, -3, 0, 1], topic="the in-laws")
    html = alex.get(PAGE).text
    assert "1 logged, 5 turns in all." in html
    assert f'href="/dynamics/fit?conversation={logged["id"]}"' in html
    api = alex.get("/api/dynamics").json()
    assert api["logged_summary"] == "1 logged, 5 turns in all."
    assert api["loop_url"] == "/dynamics/loop"
    assert [step["score"] for step in api["scale"]] == list(range(-4, 5))


def test_the_log_form_saves_and_names_the_turn_that_is_wrong(people):
    alex = people.add("Alex")
    form = alex.get(LOG).text
    assert "What the scores mean" in form
    assert "contempt: mockery, disgust" in form
    wrong = alex.page_post(LOG, LOG, {"topic": "chores", "first": "me", "turns": "-2 -1 -7 0"})
    assert wrong.status_code == 422
    assert "turn 3: -7 is outside the scale; scores go from -4 to +4." in wrong.text
    assert "-2 -1 -7 0" in wrong.text  # what was typed is kept
    saved = alex.page_post(
        LOG, LOG, {"topic": "chores", "first": "partner", "turns": "-2, -1, -3, 0, +1"}
    )
    assert saved.status_code == 303
    page = alex.get(LOG).text
    assert "Logged a hard conversation of 5 turns. Only you can read this entry." in page
    [listed] = alex.get("/api/dynamics/conversations").json()
    assert (listed["first"], listed["scores"], listed["topic"]) == (
        "partner",
        [-2, -1, -3, 0, 1],
        "chores",
    )
    assert listed["code"] == "partner:-2 me:-1 partner:-3 me:0 partner:+1"
    assert not listed["shared_with_partner"]


def test_too_few_turns_say_so_plainly_and_show_nothing_invented(people):
    alex = people.add("Alex")
    log_via_api(alex, simulated_scores(80, seed=3))
    html = alex.get(PAGE + "/fit?conversation=all").text
    assert "Too few turns for a fit yet" in html
    assert "There are 39 turn pairs for me; a fit needs at least 100" in html
    assert 'id="estimates"' not in html
    assert "<svg" not in html
    api = alex.get("/api/dynamics/fit", params={"conversation": "all"}).json()
    assert (api["too_few"]["have"], api["too_few"]["need"]) == (39, 100)
    assert api["partners"] == []
    assert api["fit"] is None
    whatif = alex.get(PAGE + "/whatif?conversation=all").text
    assert "Too few turns for a fit yet" in whatif
    assert 'id="trajectories"' not in whatif


def test_a_fit_shows_estimates_with_intervals_steady_states_and_the_phase_plane(people):
    alex = people.add("Alex")
    log_enough(alex)
    html = alex.get(PAGE + "/fit?conversation=all").text
    assert "<h1>The fit: All your logged hard conversations</h1>" in html
    assert "676 turn pairs (Alex: 338, Partner: 338) from 2 conversations" in html
    assert "turn form · Alex spoke first · scored hand-coded" in html
    assert "pull of the other&#39;s negative turns" in html
    assert 'id="phase-plane"' in html
    assert "<title>The phase plane</title>" in html
    assert 'href="/dynamics/whatif?conversation=all&amp;form=turn&amp;influence=bilinear"' in html
    api = alex.get("/api/dynamics/fit", params={"conversation": "all"}).json()
    assert api["too_few"] is None
    assert api["phase_plane"]["svg"] == ""
    assert api["fit"]["pairs"] == {"first": 338, "second": 338, "total": 676}
    assert api["fit"]["scoring_version"] == "hand-coded"
    slope = next(e for e in api["partners"][0]["estimates"] if e["key"] == "negative_slope")
    assert slope["shown"]
    assert slope["low"] < slope["value"] < slope["high"]
    assert slope["text"] == f"{slope['value']:+.2f} ({slope['low']:+.2f} to {slope['high']:+.2f})"
    assert [state["stable"] for state in api["states"]] == [True]
    assert "stable: after a nudge, the conversation drifts back here" in api["states"][0]["text"]


def test_the_whatif_shows_both_runs_and_pauses_in_safety_mode(people):
    alex = people.add("Alex")
    log_enough(alex)
    url = PAGE + "/whatif?conversation=all&who=first&parameter=negative_slope&value=0&turns=20"
    html = alex.get(url).text
    assert 'id="whatif-form"' in html
    assert 'id="trajectories"' in html
    assert "Alex, with the change" in html
    assert "respond to negativity with less negativity" in html
    api = alex.get("/api/dynamics/whatif", params={"conversation": "all", "value": "0"}).json()
    assert api["value"] == 0.0
    assert len(api["before"][0]) == len(api["after"][0]) == 31
    assert api["before"][0][0] == api["after"][0][0]
    assert api["states"][0]["label"] == "As fitted"
    suggested = alex.get("/api/dynamics/whatif", params={"conversation": "all"}).json()
    assert suggested["value"] == round(suggested["current"] / 2, 4)
    wrong = alex.get(PAGE + "/whatif?conversation=all&value=lots").text
    assert "&#39;lots&#39; is not a number." in wrong
    safety_mode_on(alex)
    paused = alex.get(url).text
    assert "The what-if is paused" in paused
    assert 'id="trajectories"' not in paused
    fit_page = alex.get(PAGE + "/fit?conversation=all").text
    assert 'id="estimates"' in fit_page  # the model is analysis: it stays
    assert "/dynamics/whatif" not in fit_page
    assert alex.get("/api/dynamics/whatif?conversation=all").json()["paused_message"]


def test_nobody_else_can_fit_or_read_a_persons_conversations(people):
    alex, sam = people.couple()
    [logged, _] = log_enough(alex)
    shared = log_via_api(alex, [-1, 1, 0], shared=True)
    for url in (
        f"{PAGE}/fit?conversation={logged['id']}",
        f"{PAGE}/fit?conversation={shared['id']}",
        f"/api/dynamics/conversations/{shared['id']}",
        f"{PAGE}/fit?chat=abcdef12",
    ):
        assert sam.get(url).status_code == 404, url
    assert sam.get("/api/dynamics/conversations").json() == []
    assert sam.get(PAGE + "/fit?conversation=all").status_code == 422


def test_the_pages_need_a_sign_in(client):
    for url in (PAGE, LOG, PAGE + "/fit?conversation=all", PAGE + "/whatif?conversation=all"):
        response = client.get(url)
        assert response.status_code in (302, 303, 401), url
