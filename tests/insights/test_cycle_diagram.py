"""The cycle loop drawn as SVG, checked by parsing it: every step's words, the arrows' order,
escaping, wrapping, accessibility and no style attributes (a strict CSP)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime

from bowlby import models
from bowlby.insights.cycle_diagram import TEXT_CHARS, draw_cycle_loop, wrap
from bowlby.practice import cycle_maps
from bowlby.practice.cycle_maps import CycleInput, SideInput

NOW = datetime(2026, 3, 1, 19, tzinfo=UTC)
SVG = "{http://www.w3.org/2000/svg}"


def entry_of(draft: models.EntryDraft, entry_id: str, owner_id: str, owner: str) -> models.Entry:
    return models.Entry(
        **draft.model_dump(), id=entry_id, owner_id=owner_id, owner_name=owner,
        created_at=NOW, updated_at=NOW,
    )  # fmt: skip


def loop_of(name: str, first: dict, second: dict | None = None, *, guess: bool = False):
    cycle = cycle_maps.cycle_view(
        entry_of(cycle_maps.cycle_draft(CycleInput(occurred_at=NOW, name=name)), "c", "m", "Maya")
    )
    sides = [(first, "m", "Maya")]
    if second is not None:
        sides.append((second, "m", "Maya") if guess else (second, "j", "Jordan"))
    views = [
        cycle_maps.side_view(
            entry_of(cycle_maps.side_draft(
                SideInput(occurred_at=NOW, cycle_id="c", guess=guess and n == 1, **words)
            ), f"s{n}", owner_id, owner)
        )
        for n, (words, owner_id, owner) in enumerate(sides)
    ]  # fmt: skip
    return cycle_maps.build_loop(cycle, views, other_name="Jordan")


MAYA = {"trigger": "Plans fall through", "feelings": ["lonely"], "move": "reach_out_again"}
JORDAN = {"trigger": "Questions come fast", "feelings": ["trapped"], "move": "go_quiet"}


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own markup, parsed to check it


def step_texts(root: ET.Element) -> dict[str, str]:
    return {
        group.get("data-step", ""): " ".join(t.text or "" for t in group.iter(f"{SVG}text"))
        for group in root.iter(f"{SVG}g")
        if group.get("class") == "loop-step"
    }


def test_every_step_is_drawn_with_its_words_in_its_box():
    root = parse(draw_cycle_loop(loop_of("After plans", MAYA, JORDAN)))
    texts = step_texts(root)
    assert list(texts) == [
        "first-reads", "first-feels", "first-does", "second-reads", "second-feels",
        "second-does",
    ]  # fmt: skip
    assert texts["first-reads"] == "Maya sees it as Plans fall through"
    assert texts["first-does"] == "Maya does reach out again and again (calls, texts)"
    assert texts["second-feels"] == "Jordan feels underneath trapped"
    assert texts["second-does"] == "Jordan does go quiet"
    enemy = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "common-enemy")
    assert [t.text for t in enemy.iter(f"{SVG}text")] == ["The two of us against:", "After plans"]


def test_the_arrows_go_round_the_loop_in_order():
    root = parse(draw_cycle_loop(loop_of("After plans", MAYA, JORDAN)))
    arrows = [
        (path.get("data-from"), path.get("data-to"))
        for path in root.iter(f"{SVG}path")
        if path.get("class") == "loop-arrow"
    ]
    order = ["first-reads", "first-feels", "first-does", "second-reads", "second-feels",
             "second-does"]  # fmt: skip
    assert arrows == list(zip(order, order[1:] + order[:1], strict=True))
    assert all(p.get("marker-end") == "url(#cycle-arrow)" for p in root.iter(f"{SVG}path")
               if p.get("class") == "loop-arrow")  # fmt: skip


def test_it_is_accessible_scalable_and_has_no_style_attributes():
    svg = draw_cycle_loop(loop_of("After plans", MAYA, JORDAN))
    root = parse(svg)
    assert root.get("role") == "img"
    assert root.get("viewBox", "").startswith("0 0 360 ")
    assert root.get("width") is None
    assert root.find(f"{SVG}title").text == "The two of us against: After plans"
    desc = root.find(f"{SVG}desc").text
    assert "Maya does: reach out again and again (calls, texts); then Jordan sees it as" in desc
    assert "style=" not in svg
    assert "<style" not in svg
    legend = [t.text for g in root.iter(f"{SVG}g") if g.get("class") == "legend"
              for t in g.iter(f"{SVG}text")]  # fmt: skip
    assert legend == ["Maya, in their own words", "Jordan, in their own words"]


def test_what_a_person_wrote_is_escaped_never_markup():
    evil = {**MAYA, "trigger": "<script>alert(1)</script> & more"}
    svg = draw_cycle_loop(loop_of("Tom & Jerry <b>", evil, JORDAN))
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
    root = parse(svg)
    assert not list(root.iter(f"{SVG}script"))
    assert not list(root.iter(f"{SVG}b"))
    assert step_texts(root)["first-reads"].endswith("<script>alert(1)</script> & more")
    assert root.find(f"{SVG}title").text == "The two of us against: Tom & Jerry <b>"


def test_long_words_are_wrapped_into_lines_and_cut_with_an_ellipsis():
    long_do = "I follow them from room to room asking what is wrong " * 6
    root = parse(draw_cycle_loop(loop_of("After plans", {**MAYA, "do": long_do}, JORDAN)))
    group = next(g for g in root.iter(f"{SVG}g") if g.get("data-step") == "first-does")
    lines = [t.text or "" for t in group.iter(f"{SVG}text")]
    assert len(lines) == 1 + 5
    assert all(len(line) <= TEXT_CHARS for line in lines[1:])
    assert lines[-1].endswith("…")
    rect = group.find(f"{SVG}rect")
    assert float(rect.get("height")) >= 6 * 18


def test_a_guess_is_dashed_and_said_in_the_legend():
    root = parse(draw_cycle_loop(loop_of("After plans", MAYA, JORDAN, guess=True)))
    rects = {g.get("data-step"): g.find(f"{SVG}rect") for g in root.iter(f"{SVG}g")
             if g.get("class") == "loop-step"}  # fmt: skip
    assert rects["second-reads"].get("stroke-dasharray") == "6 4"
    assert rects["first-reads"].get("stroke-dasharray") is None
    assert step_texts(root)["second-reads"].startswith("Jordan sees it as (a guess)")
    assert "Jordan, as Maya guesses it" in ET.tostring(root, encoding="unicode")


def test_wrap_keeps_short_text_and_breaks_very_long_words():
    assert wrap("a b", 10, 3) == ["a b"]
    assert wrap("x" * 25, 10, 5) == ["x" * 10, "x" * 10, "x" * 5]
    assert wrap("", 10, 3) == [""]
