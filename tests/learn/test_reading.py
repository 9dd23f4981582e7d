"""One article read for one person: the variant, the note when reading another pattern's
version, paused practice links, neighbours, the terminal Markdown and the escaped HTML."""

from __future__ import annotations

from pathlib import Path

import pytest

from bowlby.errors import InputError
from bowlby.learn.articles import DATA, load_articles
from bowlby.learn.figures import PersonalFigures
from bowlby.learn.reading import build_reading, choose_variant, is_paused
from bowlby.learn.rendering import markdown_html, reading_markdown, terminal_links
from tests.learn.test_figures import FULL

ARTICLES = load_articles(Path(__file__).parent / "data")


def read(slug="first-steps", figures=FULL, **options):
    options.setdefault("own_variant", "anxious")
    return build_reading(ARTICLES, slug, figures, **options)


def test_the_own_reading_has_no_note_and_links_to_its_neighbours():
    reading = read()
    assert (reading.variant, reading.another_reading) == ("anxious", None)
    assert reading.variant_label == "the anxious pattern"
    assert reading.previous is None
    assert reading.next.slug == "second-steps"
    assert read("second-steps").previous.slug == "first-steps"
    kinds = [(p.kind, p.figure.name if p.figure else None) for p in reading.parts]
    assert kinds == [
        ("markdown", None),
        ("figure", "position"),
        ("markdown", None),
        ("figure", "top_triggers"),
        ("markdown", None),
    ]


def test_reading_another_patterns_version_says_it_is_not_ones_own():
    reading = read(requested="avoidant")
    assert reading.variant == "avoidant"
    assert reading.another_reading == (
        "You are reading the version written for the avoidant pattern. It is not your own "
        "reading, which follows your latest questionnaire."
    )
    assert "Avoidant readers read this." in reading.parts[2].markdown
    without = read(own_variant="unknown", requested="secure")
    assert without.another_reading.endswith(
        "which follows the general version until you take a questionnaire."
    )


def test_an_unknown_variant_is_refused_with_the_choices():
    with pytest.raises(InputError) as refused:
        choose_variant("dismissive", "anxious")
    assert refused.value.message == (
        "field 'as': choose one of anxious, avoidant, fearful or secure"
    )
    with pytest.raises(InputError):
        choose_variant("unknown", "anxious")


def test_safety_mode_marks_only_the_coaching_tools_paused():
    calm = read()
    assert [p.paused for p in calm.practice] == [False, False]
    assert calm.paused_note is None
    paused = read(paused=True)
    assert [(p.label, p.paused) for p in paused.practice] == [
        ("Map your cycle together", True),
        ("Calm down now", False),
    ]
    assert paused.paused_note.startswith("Safety mode is on")


def test_the_terminal_markdown_has_figures_links_as_commands_practice_and_research():
    text = reading_markdown(read(paused=True))
    assert text.startswith("# First steps\n\n")
    assert "See the cycle (`bowlby cycle new`) and your journal (/journal)." in text
    assert (
        "> **From your own records · Your position on the plane**\n>\n"
        "> Your latest questionnaire (ECR-R, 4 March 2026) puts anxiety at 5.2" in text
    )
    assert "> Your questionnaire results: `bowlby assess history`" in text
    assert (
        "## Practise it\n\nSafety mode is on, so the exercises that coach closeness with a "
        "partner are paused. The guide stays here to read.\n\n"
        "- Map your cycle together: `bowlby cycle new` (paused while safety mode is on)\n"
        "- Calm down now: `bowlby soothe list`\n\n"
        "## What this rests on\n\n"
        "- Bowlby, J. (1969). Attachment and Loss, Vol. 1: Attachment. Basic Books.\n"
    ) in text


def test_without_data_the_terminal_shows_where_to_start():
    text = reading_markdown(read(figures=PersonalFigures(), own_variant="unknown"))
    assert "Take the ECR-R at Assess (/assess) first." in text
    assert "> Take the ECR-R: `bowlby assess take ecr-r`" in text
    assert "> Log a trigger: `bowlby trigger`" in text
    assert "## Practise it" in text


def test_html_is_escaped_and_only_site_and_https_links_survive():
    html = markdown_html(
        "Hi <script>alert(1)</script> [a](javascript:alert(1)) [b](/practice/cycles) "
        "[c](http://plain.example) [d](https://doi.org/10.1037/x) ![e](https://pics.example/x.png)"
    )
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<a href="/practice/cycles">b</a>' in html
    assert '<a href="https://doi.org/10.1037/x">d</a>' in html
    assert "javascript:" not in html.replace("[a](javascript:alert(1))", "")
    assert 'href="http://plain.example"' not in html
    assert "<img" not in html


def test_the_second_fixture_escapes_its_raw_html():
    reading = read("second-steps")
    assert (
        markdown_html(reading.parts[0].markdown) == "<p>Some &lt;b&gt;bold&lt;/b&gt; words.</p>\n"
    )


def test_terminal_links_leave_text_without_links_alone():
    assert terminal_links("No links here.", {}) == "No links here."


@pytest.mark.parametrize("article", load_articles(DATA), ids=lambda a: a.slug)
def test_every_real_article_renders_for_every_variant_with_and_without_data(article):
    for own in ("anxious", "avoidant", "fearful", "secure", "unknown"):
        for figures in (FULL, PersonalFigures()):
            reading = build_reading(load_articles(DATA), article.slug, figures, own_variant=own)
            text = reading_markdown(reading)
            assert text.startswith(f"# {article.meta.title}\n")
            assert "## What this rests on" in text
            for part in reading.parts:
                if part.kind == "markdown":
                    assert "<script" not in markdown_html(part.markdown)
    anxious = reading_markdown(build_reading(load_articles(DATA), article.slug, FULL,
                                             own_variant="anxious"))  # fmt: skip
    avoidant = reading_markdown(build_reading(load_articles(DATA), article.slug, FULL,
                                              own_variant="avoidant"))  # fmt: skip
    assert anxious != avoidant


@pytest.mark.parametrize(
    ("href", "paused"),
    [
        ("/practice/cycles", True),
        ("/practice/repairs/phrases", True),
        ("/practice/how-we-talk", True),
        ("/compose", True),
        ("/practice/soothing", False),
        ("/practice/unsaid", False),
        ("/journal/triggers", False),
        ("/practice", False),
    ],
)
def test_only_tools_that_coach_closeness_pause(href, paused):
    assert is_paused(href) is paused
