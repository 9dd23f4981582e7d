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

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bowlby.errors import InputError, NotFound
from bowlby.learn.article_body import (
    REGION_VARIANTS,
    BodyReader,
    Chunk,
    FigureName,
    Part,
    Slot,
    Variant,
)

DATA = Path(__file__).parent / "data"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
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
    parts = BodyReader(file, meta.figures).read(lines[end + 1 :], first_line=end + 2)
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
