"""The guide in the pages and through the API: the contents in order, every article with and
without the person's data, its JSON twin, another pattern's version, paused tools in safety
mode, escaped HTML, unknown articles and sign-in."""

from __future__ import annotations

import html
import re

import pytest

from bowlby.learn.articles import load_articles
from tests.web.test_safety_pages import safety_mode_on

ARTICLES = load_articles()
ANXIOUS = [6, 6, 2, 6, 6, 6, 2, 2, 6, 6, 2, 6]  # ECR-S: anxiety 6.00, avoidance 2.00


def finish_ecr_s(person, answers=ANXIOUS) -> None:
    started = person.send("POST", "/api/assessments", {"instrument": "ecr-s", "targets": []})
    assert started.status_code == 201, started.text
    sitting = started.json()["id"]
    keyed = {f"ecr_s_{n:02d}": a for n, a in enumerate(answers, 1)}
    saved = person.send("POST", f"/api/assessments/{sitting}/answers", {"answers": keyed})
    assert saved.status_code == 200, saved.text
    assert person.send("POST", f"/api/assessments/{sitting}/finish").status_code == 200


def text_of(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def test_the_contents_list_the_articles_in_order_and_the_nav_links_here(people):
    alex = people.add("Alex")
    page = alex.get("/learn")
    assert page.status_code == 200
    assert '<a href="/learn" aria-current="page">Learn</a>' in page.text
    hrefs = re.findall(r'<h2><a href="(/learn/[a-z-]+)">', page.text)
    assert hrefs == [f"/learn/{a.slug}" for a in ARTICLES]
    listed = alex.get("/api/learn").json()["articles"]
    assert [(a["order"], a["slug"], a["href"]) for a in listed] == [
        (a.meta.order, a.slug, f"/learn/{a.slug}") for a in ARTICLES
    ]


@pytest.mark.parametrize("with_data", [False, True], ids=["without-data", "with-data"])
def test_every_article_renders_and_has_its_json_twin(people, with_data):
    alex = people.add("Alex")
    if with_data:
        finish_ecr_s(alex)
    for index, article in enumerate(ARTICLES):
        page = alex.get(f"/learn/{article.slug}")
        assert page.status_code == 200, article.slug
        shown = text_of(page.text)
        assert article.meta.title in shown
        assert "What this rests on" in page.text
        assert article.meta.research[0] in shown
        twin = alex.get(f"/api/learn/{article.slug}").json()
        assert twin["reading"]["variant"] == ("anxious" if with_data else "unknown")
        boxes = [p["figure"] for p in twin["parts"] if p["kind"] == "figure"]
        for box in boxes:
            assert box["label"] == "From your own records"
            assert f'<a href="{box["href"]}">{box["link_label"]}</a>' in page.text
            assert box["has_data"] is (with_data and box["name"] == "position")
            assert " ".join(box["sentences"]) in " ".join(shown.split())
        if index + 1 < len(ARTICLES):
            assert f'href="/learn/{ARTICLES[index + 1].slug}" rel="next"' in page.text
        if index:
            assert f'href="/learn/{ARTICLES[index - 1].slug}" rel="prev"' in page.text


def test_the_position_box_shows_the_persons_own_scores(people):
    alex = people.add("Alex")
    finish_ecr_s(alex)
    shown = " ".join(text_of(alex.get("/learn/the-patterns").text).split())
    assert "From your own records" in shown
    assert "puts anxiety at 6.0 and avoidance at 2.0 on the 1 to 7 scale." in shown
    assert "That point sits in the anxious/preoccupied area of the plane." in shown


def test_the_avoidant_version_differs_and_says_it_is_not_ones_own(people):
    alex = people.add("Alex")
    finish_ecr_s(alex)
    for article in ARTICLES:
        own = alex.get(f"/api/learn/{article.slug}").json()
        other = alex.get(f"/api/learn/{article.slug}", params={"as": "avoidant"}).json()
        assert own["parts"] != other["parts"], article.slug
        assert own["reading"]["another_reading"] is None
    page = alex.get("/learn/the-patterns?as=avoidant").text
    assert "You are reading the version written for the avoidant pattern. It is not your own" in (
        page
    )
    assert '<a href="/learn/the-patterns">Back to your own reading</a>' in page
    assert '<strong aria-current="page">the avoidant pattern</strong>' in page
    assert '<a href="/learn/the-patterns">the anxious pattern</a>' in page
    refused = alex.get("/api/learn/the-patterns", params={"as": "dismissive"})
    assert refused.status_code == 422
    assert refused.json()["error"]["field"] == "as"


def test_safety_mode_marks_the_coaching_tool_paused_and_keeps_the_article(people):
    alex = people.add("Alex")
    url = "/learn/protest-and-withdrawal"
    assert '<a href="/practice/cycles">Map your cycle together</a>' in alex.get(url).text
    safety_mode_on(alex)
    page = alex.get(url)
    assert page.status_code == 200
    assert '<a href="/practice/cycles">Map your cycle together</a>' not in page.text
    assert "Map your cycle together" in page.text
    assert "Paused while safety mode is on" in page.text
    twin = alex.get(f"/api/learn/{url.rsplit('/', 1)[1]}").json()
    assert [p["paused"] for p in twin["reading"]["practice"]] == [True]


def test_article_html_never_carries_raw_html(people):
    alex = people.add("Alex")
    for article in ARTICLES:
        twin = alex.get(f"/api/learn/{article.slug}").json()
        for part in twin["parts"]:
            assert "<script" not in part["html"]
            assert not re.search(r'href="(?!/|https://)', part["html"]), article.slug


def test_an_unknown_article_is_not_found_with_the_list(people):
    alex = people.add("Alex")
    missing = alex.get("/api/learn/attachment-styles")
    assert missing.status_code == 404
    assert missing.json()["error"]["message"].startswith(
        "There is no article 'attachment-styles' in the guide. The articles are: "
    )
    assert alex.get("/learn/attachment-styles").status_code == 404


def test_the_guide_needs_a_sign_in(client):
    assert client.get("/api/learn").status_code == 401
    assert client.get("/api/learn/the-patterns").status_code == 401
    assert client.get("/learn").status_code in (303, 307)
    assert client.get("/learn/the-patterns").status_code in (303, 307)
