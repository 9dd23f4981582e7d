"""The guide's articles: Markdown files with YAML front matter, checked when loaded.

A bad article stops with the file, the line and the field that is wrong, so a writer can fix
it at once. The body is split into parts: Markdown for everyone, Markdown for some variants
(``::: anxious`` … ``:::``) and figure slots (``{{ figure: position }}``), so every shell
shows the same article for the same position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal, NoReturn

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bowlby.errors import InputError, NotFound

DATA = Path(__file__).parent / "data"
Variant = Literal["anxious", "avoidant", "fearful", "secure", "unknown"]
VARIANTS: tuple[Variant, ...] = ("anxious", "avoidant", "fearful", "secure", "unknown")
REGION_VARIANTS: dict[str, Variant] = {
    "anxious_preoccupied": "anxious",
    "avoidant_dismissing": "avoidant",
    "fearful_disorganized": "fearful",
    "secure": "secure",
}
FigureName = Literal["position", "top_triggers", "chat_moves", "time_to_repair", "soothing_effect"]
FIGURE_NAMES: tuple[FigureName, ...] = (
    "position",
    "top_triggers",
    "chat_moves",
    "time_to_repair",
    "soothing_effect",
)
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
BLOCK = re.compile(r"^:::(.*)$")
FIGURE = re.compile(r"^\{\{\s*figure:\s*(\S*)\s*\}\}$")
FRONT = "---"


def variant_of(region: str | None) -> Variant:
    """The article variant for a region of the plane; no questionnaire yet reads 'unknown'."""
    return "unknown" if region is None else REGION_VARIANTS[region]


class PracticeLink(BaseModel):
    """A tool that practises what the article teaches: its page and its command."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    label: str = Field(min_length=1)
    href: str
    command: str

    @field_validator("href")
    @classmethod
    def _site_path(cls, value: str) -> str:
        if not value.startswith("/") or value.startswith("//"):
            raise ValueError("use a path on this site, such as /practice/cycles")
        return value

    @field_validator("command")
    @classmethod
    def _bowlby_command(cls, value: str) -> str:
        if not value.startswith("bowlby "):
            raise ValueError("use the command that opens the tool, such as 'bowlby cycle new'")
        return value


class FrontMatter(BaseModel):
    """What the contents, the figures and the end of the article need to know."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    slug: str
    title: str = Field(min_length=1)
    order: int = Field(ge=1)
    summary: str = Field(min_length=1)
    figures: tuple[FigureName, ...] = ()
    practice: tuple[PracticeLink, ...] = ()
    research: tuple[str, ...] = Field(min_length=1)

    @field_validator("slug")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG.match(value):
            raise ValueError(
                "use lower-case letters, digits and hyphens, like talking-about-talking"
            )
        return value


@dataclass(frozen=True)
class Chunk:
    """Markdown shown to the variants named (None: to everyone)."""

    markdown: str
    variants: frozenset[str] | None = None


@dataclass(frozen=True)
class Slot:
    """Where one of the person's own figures goes."""

    figure: FigureName
    variants: frozenset[str] | None = None


Part = Chunk | Slot


@dataclass(frozen=True)
class Article:
    meta: FrontMatter
    parts: tuple[Part, ...]
    file: str

    @property
    def slug(self) -> str:
        return self.meta.slug


def choose_parts(article: Article, variant: Variant) -> tuple[Part, ...]:
    """The article as one variant reads it: blocks for other variants left out, neighbouring
    Markdown joined, the figure slots in place."""
    chosen: list[Part] = []
    for part in article.parts:
        if part.variants is not None and variant not in part.variants:
            continue
        if isinstance(part, Slot):
            chosen.append(Slot(part.figure))
        elif chosen and isinstance(chosen[-1], Chunk):
            chosen[-1] = Chunk(f"{chosen[-1].markdown}\n\n{part.markdown}")
        else:
            chosen.append(Chunk(part.markdown))
    return tuple(chosen)


def parse_article(text: str, file: str) -> Article:
    """One article from its text; InputError (file, line, field) when anything is off."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != FRONT:
        raise InputError(
            "an article starts with front matter between '---' lines", file=file, line=1
        )
    end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == FRONT), None)
    if end is None:
        raise InputError("the front matter is never closed with '---'", file=file, line=1)
    meta = _front_matter("\n".join(lines[1:end]), file)
    parts = _BodyReader(file, meta).read(lines[end + 1 :], first_line=end + 2)
    article = Article(meta, parts, file)
    if choose_parts(article, "anxious") == choose_parts(article, "avoidant"):
        raise InputError(
            "nothing in the body differs between anxious and avoidant; add a '::: anxious' or "
            "'::: avoidant' block",
            file=file,
            line=end + 2,
            field="body",
        )
    return article


def _front_matter(text: str, file: str) -> FrontMatter:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 2
        reason = getattr(error, "problem", None) or "not readable as YAML"
        raise InputError(
            f"the front matter is not valid YAML ({reason})", file=file, line=line
        ) from error
    if not isinstance(data, dict) or root is None:
        raise InputError("the front matter must be 'name: value' lines", file=file, line=2)
    try:
        return FrontMatter.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        message = "this field is missing" if first["type"] == "missing" else first["msg"]
        line = _line_of(root, first["loc"]) + 2
        raise InputError(
            message.removeprefix("Value error, "), file=file, line=line, field=field
        ) from None


def _line_of(root: yaml.Node, loc: tuple[int | str, ...]) -> int:
    """The 0-based line of the YAML node at ``loc`` (or of the nearest parent that exists)."""
    node, line = root, root.start_mark.line
    for step in loc:
        if isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if k.value == step), None)
            if pair is None:
                break
            node, line = pair[1], pair[0].start_mark.line
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value)
        ):
            node = node.value[step]
            line = node.start_mark.line
        else:
            break
    return line


class _BodyReader:
    """Splits a body into parts line by line, remembering where a block was opened."""

    def __init__(self, file: str, meta: FrontMatter) -> None:
        self.file, self.meta = file, meta
        self.parts: list[Part] = []
        self.buffer: list[str] = []
        self.variants: frozenset[str] | None = None
        self.opened = 0

    def read(self, lines: list[str], first_line: int) -> tuple[Part, ...]:
        for number, line in enumerate(lines, first_line):
            self._line(line, number)
        if self.variants is not None:
            self._fail(
                f"the block opened on line {self.opened} is never closed with ':::'", self.opened
            )
        self._flush()
        return tuple(self.parts)

    def _line(self, line: str, number: int) -> None:
        block, figure = BLOCK.match(line.strip()), FIGURE.match(line.strip())
        if block:
            self._flush()
            self._block(block.group(1).split(), number)
        elif figure:
            self._flush()
            self.parts.append(Slot(self._figure(figure.group(1), number), self.variants))
        else:
            self.buffer.append(line)

    def _block(self, names: list[str], number: int) -> None:
        if not names:
            if self.variants is None:
                self._fail("':::' closes a block, but none is open", number)
            self.variants = None
            return
        if self.variants is not None:
            self._fail(f"blocks do not nest; close the one from line {self.opened} first", number)
        unknown = [name for name in names if name not in VARIANTS]
        if unknown:
            self._fail(f"unknown variant '{unknown[0]}'; use {', '.join(VARIANTS)}", number)
        self.variants, self.opened = frozenset(names), number

    def _figure(self, name: str, number: int) -> FigureName:
        for known in self.meta.figures:
            if known == name:
                return known
        if name in FIGURE_NAMES:
            self._fail(
                f"the figure '{name}' is not in this article's figures list", number, "figures"
            )
        self._fail(f"unknown figure '{name}'; use {', '.join(FIGURE_NAMES)}", number)

    def _flush(self) -> None:
        markdown = "\n".join(self.buffer).strip("\n")
        self.buffer = []
        if markdown.strip():
            self.parts.append(Chunk(markdown, self.variants))

    def _fail(self, message: str, line: int, field: str = "body") -> NoReturn:
        raise InputError(message, file=self.file, line=line, field=field)


def load_articles(folder: Path = DATA) -> tuple[Article, ...]:
    """Every article in the folder, in the guide's order; read once per folder."""
    return _load(str(folder))


@lru_cache(maxsize=8)
def _load(folder: str) -> tuple[Article, ...]:
    articles: list[Article] = []
    for path in sorted(Path(folder).glob("*.md")):
        article = parse_article(path.read_text(encoding="utf-8"), path.name)
        if article.slug != path.stem:
            raise InputError(
                f"the slug must be the file name, '{path.stem}'",
                file=path.name,
                line=_key_line(path, "slug"),
                field="slug",
            )
        twin = next((a for a in articles if a.meta.order == article.meta.order), None)
        if twin is not None:
            raise InputError(
                f"order {article.meta.order} is taken by {twin.file}",
                file=path.name,
                line=_key_line(path, "order"),
                field="order",
            )
        articles.append(article)
    return tuple(sorted(articles, key=lambda a: a.meta.order))


def _key_line(path: Path, key: str) -> int | None:
    """The 1-based line where the front matter gives ``key``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith(f"{key}:"):
            return number
    return None


def find_article(articles: tuple[Article, ...], slug: str) -> Article:
    """One article by its slug; an unknown slug names the ones there are."""
    for article in articles:
        if article.slug == slug:
            return article
    known = ", ".join(a.slug for a in articles) or "none yet"
    raise NotFound(f"There is no article '{slug}' in the guide. The articles are: {known}.")
