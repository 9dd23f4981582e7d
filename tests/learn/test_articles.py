"""The guide's articles as data: front matter checked with file, line and field; variant
blocks and figure slots parsed; every real article valid and different for anxious and
avoidant readers."""

from __future__ import annotations

from pathlib import Path

import pytest

from bowlby.errors import InputError, NotFound
from bowlby.learn.articles import (
    DATA,
    Chunk,
    Slot,
    choose_parts,
    find_article,
    load_articles,
    parse_article,
    variant_of,
)

FIXTURES = Path(__file__).parent / "data"
REAL_SLUGS = {
    "where-patterns-come-from",
    "the-patterns",
    "closeness-is-the-trigger",
    "protest-and-withdrawal",
    "stress-and-bonding",
    "communication-traps",
    "talking-about-talking",
    "why-the-practices-work",
}
GOOD_FRONT = """---
slug: tiny
title: Tiny
order: 3
summary: A tiny one.
figures: [position]
research:
  - "A work."
---
"""
VARIANT_BODY = "::: anxious\nA.\n:::\n::: avoidant\nB.\n:::\n"


def fixture_articles():
    return load_articles(FIXTURES)


def test_the_fixture_articles_load_in_order_with_their_front_matter():
    first, second = fixture_articles()
    assert (first.slug, second.slug) == ("first-steps", "second-steps")
    assert first.meta.figures == ("position", "top_triggers")
    assert [(p.label, p.href, p.command) for p in first.meta.practice] == [
        ("Map your cycle together", "/practice/cycles", "bowlby cycle new"),
        ("Calm down now", "/practice/soothing", "bowlby soothe list"),
    ]
    assert second.meta.practice == ()


def test_each_variant_reads_its_own_blocks_and_the_shared_text():
    article = fixture_articles()[0]
    anxious = choose_parts(article, "anxious")
    assert anxious == (
        Chunk(
            "Everyone reads this. See [the cycle](/practice/cycles) and [your journal](/journal)."
        ),
        Slot("position"),
        Chunk("Anxious readers read this."),
        Slot("top_triggers"),
        Chunk("Everyone reads the end."),
    )
    assert choose_parts(article, "fearful")[2] == Chunk("Fearful and secure readers read this.")
    assert choose_parts(article, "secure")[2] == Chunk("Fearful and secure readers read this.")
    assert choose_parts(article, "unknown")[2] == Chunk(
        "Take the ECR-R at [Assess](/assess) first."
    )
    assert choose_parts(article, "avoidant") != anxious


def test_a_figure_inside_a_block_shows_only_for_that_variant():
    article = fixture_articles()[1]
    assert [p for p in choose_parts(article, "anxious") if isinstance(p, Slot)] == [
        Slot("soothing_effect"),
        Slot("chat_moves"),
    ]
    assert [p for p in choose_parts(article, "avoidant") if isinstance(p, Slot)] == [
        Slot("time_to_repair"),
        Slot("chat_moves"),
    ]
    assert [p for p in choose_parts(article, "secure") if isinstance(p, Slot)] == [
        Slot("chat_moves")
    ]


@pytest.mark.parametrize(
    ("region", "variant"),
    [
        ("anxious_preoccupied", "anxious"),
        ("avoidant_dismissing", "avoidant"),
        ("fearful_disorganized", "fearful"),
        ("secure", "secure"),
        (None, "unknown"),
    ],
)
def test_regions_choose_variants(region, variant):
    assert variant_of(region) == variant


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            GOOD_FRONT.replace("slug: tiny", "slug: Tiny Article") + VARIANT_BODY,
            "tiny.md, line 2, field 'slug': use lower-case letters, digits and hyphens, like "
            "talking-about-talking",
        ),
        (
            GOOD_FRONT.replace("order: 3\n", "") + VARIANT_BODY,
            "tiny.md, line 2, field 'order': this field is missing",
        ),
        (
            GOOD_FRONT.replace("order: 3", "order: third") + VARIANT_BODY,
            "tiny.md, line 4, field 'order': Input should be a valid integer, unable to parse "
            "string as an integer",
        ),
        (
            GOOD_FRONT.replace("figures: [position]", "figures: [position, mood]") + VARIANT_BODY,
            "tiny.md, line 6, field 'figures.1': Input should be 'position', 'top_triggers', "
            "'chat_moves', 'time_to_repair' or 'soothing_effect'",
        ),
        (
            GOOD_FRONT.replace(
                "research:",
                "practice:\n  - label: Go\n    href: https://elsewhere.example\n"
                "    command: bowlby go\nresearch:",
            )
            + VARIANT_BODY,
            "tiny.md, line 9, field 'practice.0.href': use a path on this site, such as "
            "/practice/cycles",
        ),
        (
            GOOD_FRONT.replace("summary: A tiny one.", "summary: [unclosed") + VARIANT_BODY,
            "tiny.md, line 6: the front matter is not valid YAML (expected ',' or ']', but got "
            "':')",
        ),
        (
            GOOD_FRONT.replace("title: Tiny", "title: Tiny\ncolour: blue") + VARIANT_BODY,
            "tiny.md, line 4, field 'colour': Extra inputs are not permitted",
        ),
    ],
    ids=["slug", "missing", "not-a-number", "unknown-figure", "offsite-href", "yaml", "extra"],
)
def test_bad_front_matter_names_file_line_and_field(text, message):
    with pytest.raises(InputError) as refused:
        parse_article(text, "tiny.md")
    assert refused.value.message == message


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("::: anxious\nA.\n", "tiny.md, line 10, field 'body': the block opened on line 10 is "
         "never closed with ':::'"),
        (":::\n" + VARIANT_BODY, "tiny.md, line 10, field 'body': ':::' closes a block, but "
         "none is open"),
        ("::: anxious\n::: avoidant\n:::\n", "tiny.md, line 11, field 'body': blocks do not "
         "nest; close the one from line 10 first"),
        ("::: dismissive\nA.\n:::\n", "tiny.md, line 10, field 'body': unknown variant "
         "'dismissive'; use anxious, avoidant, fearful, secure, unknown"),
        ("{{ figure: chat_moves }}\n" + VARIANT_BODY, "tiny.md, line 10, field 'figures': the "
         "figure 'chat_moves' is not in this article's figures list"),
        ("{{ figure: mood }}\n" + VARIANT_BODY, "tiny.md, line 10, field 'body': unknown "
         "figure 'mood'; use position, top_triggers, chat_moves, time_to_repair, "
         "soothing_effect"),
        ("Same for everyone.\n", "tiny.md, line 10, field 'body': nothing in the body differs "
         "between anxious and avoidant; add a '::: anxious' or '::: avoidant' block"),
    ],
    ids=["unclosed", "stray-close", "nested", "unknown-variant", "unlisted-figure",
         "unknown-figure", "no-difference"],
)  # fmt: skip
def test_bad_bodies_name_the_line(body, message):
    with pytest.raises(InputError) as refused:
        parse_article(GOOD_FRONT + body, "tiny.md")
    assert refused.value.message == message


def test_an_article_without_front_matter_is_refused_at_line_one():
    with pytest.raises(InputError) as refused:
        parse_article("# Just a title\n", "plain.md")
    assert refused.value.message == (
        "plain.md, line 1: an article starts with front matter between '---' lines"
    )


def test_a_slug_that_is_not_the_file_name_is_refused(tmp_path):
    (tmp_path / "other-name.md").write_text(GOOD_FRONT + VARIANT_BODY, encoding="utf-8")
    with pytest.raises(InputError) as refused:
        load_articles(tmp_path)
    assert refused.value.message == (
        "other-name.md, line 2, field 'slug': the slug must be the file name, 'other-name'"
    )


def test_two_articles_may_not_share_a_place_in_the_contents(tmp_path):
    (tmp_path / "tiny.md").write_text(GOOD_FRONT + VARIANT_BODY, encoding="utf-8")
    twin = GOOD_FRONT.replace("slug: tiny", "slug: twin") + VARIANT_BODY
    (tmp_path / "twin.md").write_text(twin, encoding="utf-8")
    with pytest.raises(InputError) as refused:
        load_articles(tmp_path)
    assert refused.value.message == "twin.md, line 4, field 'order': order 3 is taken by tiny.md"


def test_an_unknown_slug_lists_the_articles():
    with pytest.raises(NotFound) as missing:
        find_article(fixture_articles(), "nope")
    assert missing.value.message == (
        "There is no article 'nope' in the guide. The articles are: first-steps, second-steps."
    )


def test_every_real_article_is_valid_and_reads_differently_for_anxious_and_avoidant():
    articles = load_articles(DATA)
    assert {a.slug for a in articles} == REAL_SLUGS
    orders = [a.meta.order for a in articles]
    assert orders == sorted(orders)
    for article in articles:
        assert choose_parts(article, "anxious") != choose_parts(article, "avoidant"), article.slug
        for variant in ("anxious", "avoidant", "fearful", "secure", "unknown"):
            parts = choose_parts(article, variant)
            assert any(isinstance(p, Chunk) and p.markdown.strip() for p in parts), (
                article.slug,
                variant,
            )
        assert article.meta.research, article.slug
