"""bowlby learn: the guide's contents, or one article read for you in the terminal."""

from __future__ import annotations

import typer

from bowlby.cli.context import ProfileOption, console, signed_in

AsOption = typer.Option(
    None, "--as", help="Read another pattern's version: anxious, avoidant, fearful or secure."
)


def register(app: typer.Typer) -> None:
    """Add `bowlby learn` to the app."""
    app.command("learn")(learn)


def learn(
    topic: str | None = typer.Argument(
        None, help="The article's slug, as `bowlby learn` lists it; none lists the contents."
    ),
    plain: bool = typer.Option(False, "--plain", help="Plain Markdown, for a pipe or a file."),
    as_variant: str | None = AsOption,
    profile: str | None = ProfileOption,
) -> None:
    """The guide: how attachment patterns work, written for your own position, with your own
    figures where you have them."""
    if topic is None:
        show_contents(plain)
        return
    from bowlby.learn.rendering import reading_markdown
    from bowlby.services import learn as service
    from bowlby.settings import get_settings

    with signed_in(profile) as (store, keyring):
        reading = service.read_article(
            store, keyring, topic, get_settings().zone, as_variant=as_variant
        )
    text = reading_markdown(reading)
    if plain:
        typer.echo(text, nl=False)
        return
    from rich.markdown import Markdown

    console.print(Markdown(text, hyperlinks=False))


def show_contents(plain: bool) -> None:
    """The articles in order: number, slug, title and summary."""
    from bowlby.services import learn as service

    contents = service.list_articles()
    if plain:
        for item in contents:
            typer.echo(
                f"{item.order}. {item.title} (`bowlby learn {item.slug}`)\n   {item.summary}"
            )
        return
    from rich.markup import escape
    from rich.table import Table

    table = Table(title="The guide", caption="Read one: bowlby learn SLUG")
    for column in ("#", "Slug", "Title", "Summary"):
        table.add_column(column)
    for item in contents:
        table.add_row(str(item.order), item.slug, escape(item.title), escape(item.summary))
    console.print(table)
