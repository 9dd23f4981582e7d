"""The guide's Markdown as HTML for the web (CommonMark, raw HTML escaped, links only to this
site or https, no images) and a whole reading as Markdown for the terminal, where site links
become text with the matching command."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from bowlby.learn import wording as say
from bowlby.learn.figures import FigureView
from bowlby.learn.reading import ArticleReading, PracticeView

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

LINK = re.compile(r"(?<!!)\[([^\]\n]+)\]\(([^)\s]+)\)")


def allowed_link(url: str) -> bool:
    """Links may go to a page of this site or to an https address, nowhere else."""
    return (url.startswith("/") and not url.startswith("//")) or url.startswith("https://")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": False})
    parser.disable("image")  # a picture from elsewhere would be a request leaving the machine
    parser.validateLink = allowed_link  # type: ignore[method-assign]
    return parser


def markdown_html(markdown: str) -> str:
    """HTML for a page: any HTML written in the Markdown comes out as text."""
    return str(_parser().render(markdown))


def reading_markdown(reading: ArticleReading) -> str:
    """The whole reading as Markdown for the terminal: figures in place as quoted boxes, then
    the practice list with its commands and the research list."""
    commands = {item.href: item.command for item in reading.practice}
    blocks = [f"# {reading.summary.title}"]
    if reading.another_reading:
        blocks.append(f"*{reading.another_reading}*")
    for part in reading.parts:
        if part.figure is not None:
            blocks.append(figure_markdown(part.figure))
        else:
            blocks.append(terminal_links(part.markdown, commands))
    if reading.practice:
        blocks.append(f"## {say.PRACTISE_IT}")
        if reading.paused_note:
            blocks.append(reading.paused_note)
        blocks.append("\n".join(_practice_line(item) for item in reading.practice))
    blocks.append(f"## {say.RESTS_ON}")
    blocks.append("\n".join(f"- {work}" for work in reading.research))
    return "\n\n".join(blocks) + "\n"


def figure_markdown(figure: FigureView) -> str:
    """A figure as a quoted box: its label and title, its sentences, the command to go on."""
    lines = [f"**{figure.label} · {figure.title}**", "", *figure.sentences, ""]
    lines.append(f"{figure.link_label}: `{figure.command}`")
    return "\n".join(f"> {line}".rstrip() for line in lines)


def terminal_links(markdown: str, commands: dict[str, str]) -> str:
    """Site links as text: the practice command where there is one, else the page's path."""

    def as_text(found: re.Match[str]) -> str:
        label, url = found.group(1), found.group(2)
        if url in commands:
            return f"{label} (`{commands[url]}`)"
        return f"{label} ({url})"

    return LINK.sub(as_text, markdown)


def _practice_line(item: PracticeView) -> str:
    paused = f" ({say.PRACTICE_PAUSED})" if item.paused else ""
    return f"- {item.label}: `{item.command}`{paused}"
