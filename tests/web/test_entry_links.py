"""Entries with a page of their own open there from every list, and not as raw values."""

from __future__ import annotations

from tests.web.test_assessment_api import take

HIGH = {f"ecr_s_{n:02d}": a for n, a in enumerate([2, 6, 5, 6, 2, 6, 5, 2, 2, 6, 5, 6], 1)}


def test_an_assessment_in_a_list_opens_on_its_result_page(people):
    alex = people.add("Alex")
    assessment_id = take(alex, HIGH)
    home = alex.get("/").text
    assert f'href="/assess/{assessment_id}"' in home
    assert "ECR-S questionnaire" in home
    assert f'href="/entries/{assessment_id}"' not in home
    entry_page = alex.get(f"/entries/{assessment_id}")
    assert entry_page.status_code == 303
    assert entry_page.headers["location"] == f"/assess/{assessment_id}"
