"""`bowlby learn` as Alex uses it: the contents, one article in the terminal and as plain
Markdown, with and without Alex's own figures, another pattern's version, unknown topics."""

from __future__ import annotations

import pytest

from bowlby.learn.articles import load_articles

ANXIOUS = "6,6,2,6,6,6,2,2,6,6,2,6"  # ECR-S: anxiety 6.00, avoidance 2.00
AVOIDANT = "2,2,6,2,2,2,6,6,2,2,6,2"  # ECR-S: anxiety 2.00, avoidance 6.00
SLUGS = [article.slug for article in load_articles()]


@pytest.fixture
def cli(alex_cli):
    return alex_cli


def ok(result):
    assert result.exit_code == 0, result.output
    return result.output


def test_the_contents_list_every_article_in_order(cli):
    table = ok(cli("learn"))
    assert "The guide" in table
    assert "Read one: bowlby learn SLUG" in table
    positions = [table.index(f" {slug} ") for slug in SLUGS]
    assert positions == sorted(positions)
    plain = ok(cli("learn", "--plain"))
    first = load_articles()[0].meta
    assert plain.startswith(
        f"1. {first.title} (`bowlby learn {first.slug}`)\n   {first.summary}\n2. "
    )


def test_an_article_without_data_shows_where_to_start(cli):
    text = ok(cli("learn", "protest-and-withdrawal", "--plain"))
    assert text.startswith("# Protest and withdrawal — two defences, one fear\n\n")
    assert (
        "> **From your own records · Your position on the plane**\n>\n"
        "> There is no questionnaire of yours yet. The ECR-R (36 statements, about ten "
        "minutes) places you on the anxiety and avoidance plane, and this box then shows "
        "where.\n>\n> Take the ECR-R: `bowlby assess take ecr-r`\n"
    ) in text
    assert "## Practise it\n\n- Map your cycle together: `bowlby cycle new`\n" in text
    assert "## What this rests on\n\n- Bowlby, J. (1973)." in text
    rich = ok(cli("learn", "protest-and-withdrawal"))
    assert "From your own records · Protest and withdrawal in your own messages" in rich
    assert "Import a chat: bowlby chats import" in rich
    assert "Map your cycle together: bowlby cycle new" in rich


def test_an_article_with_data_shows_alexs_own_position(cli):
    ok(cli("assess", "take", "ecr-s", "--answers", ANXIOUS))
    text = ok(cli("learn", "the-patterns", "--plain"))
    assert "puts anxiety at 6.0 and avoidance at 2.0 on the 1 to 7 scale." in text
    assert "> That point sits in the anxious/preoccupied area of the plane.\n" in text
    assert "> Your questionnaire results: `bowlby assess history`" in text
    assert "You are reading the version written for" not in text


def test_anxious_and_avoidant_readers_read_different_articles(alex_cli, tmp_path, monkeypatch):
    ok(alex_cli("assess", "take", "ecr-s", "--answers", ANXIOUS))
    for slug in SLUGS:
        mine = ok(alex_cli("learn", slug, "--plain"))
        other = ok(alex_cli("learn", slug, "--plain", "--as", "avoidant"))
        assert mine != other, slug
        assert (
            "*You are reading the version written for the avoidant pattern. It is not your own "
            "reading, which follows your latest questionnaire.*"
        ) in other
    ok(alex_cli("assess", "take", "ecr-s", "--answers", AVOIDANT))
    assert ok(alex_cli("learn", SLUGS[1], "--plain")) == ok(
        alex_cli("learn", SLUGS[1], "--plain", "--as", "avoidant")
    ).replace(
        "*You are reading the version written for the avoidant pattern. It is not your own "
        "reading, which follows your latest questionnaire.*\n\n",
        "",
    )


@pytest.mark.parametrize("slug", SLUGS)
def test_every_article_renders_with_and_without_data(cli, slug):
    title = next(a.meta.title for a in load_articles() if a.slug == slug)
    for rendered in (cli("learn", slug), cli("learn", slug, "--plain")):
        assert title.split(" — ")[0] in ok(rendered)
    ok(cli("assess", "take", "ecr-s", "--answers", AVOIDANT))
    ok(cli("trigger", "--what", "no reply", "--partner", "delayed_reply", "--urge", "text_again",
           "--strength", "6"))  # fmt: skip
    text = ok(cli("learn", slug, "--plain"))
    assert "## What this rests on" in text
    figures = next(a.meta.figures for a in load_articles() if a.slug == slug)
    if "position" in figures:
        assert "> That point sits in the avoidant/dismissing area of the plane." in text
    if "top_triggers" in figures:
        assert "in the last 90 days: a late or missing reply (once)." in text
    ok(cli("learn", slug))


def test_an_unknown_topic_lists_the_articles(cli):
    result = cli("learn", "attachment-styles")
    assert result.exit_code == 3
    assert "There is no article 'attachment-styles' in the guide. The articles are:" in (
        result.output.replace("\n", " ")
    )
    assert SLUGS[0] in result.output


def test_an_unknown_pattern_is_refused(cli):
    result = cli("learn", SLUGS[0], "--as", "dismissive")
    assert result.exit_code == 2
    assert "field 'as': choose one of anxious, avoidant, fearful or secure" in (
        result.output.replace("\n", " ")
    )
