"""The data that flows through Sift: Source → Article → Analysis.

All frozen dataclasses, so a result handed to the GUI thread can never change under it.
One string, spans everywhere: every offset in an :class:`Analysis` indexes into
:attr:`Article.text` (Python code points, end exclusive).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

# The saved form a file came in; the CLI record's "format" (extraction reads all but "text" as HTML).
Format = Literal["html", "mhtml", "text", "singlefile", "singlefile-zip", "warc", "wacz", "archivebox",
                 "eml", "mbox", "pdf"]
Role = Literal["title", "byline", "story", "clutter"]
BlockKind = Literal[
    "paragraph", "heading", "list-item", "quote", "caption", "image", "table", "preformatted"
]
EntityType = Literal[
    "person", "organization", "place", "group", "event", "work", "product", "law",
    "language", "date", "time", "money", "quantity", "percent", "number",
]
ClaimKind = Literal["direct", "indirect", "mixed"]

PARAGRAPH_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Resource:
    """A file that belongs to the article: an MHTML part, a webarchive subresource."""

    url: str
    media_type: str
    data: bytes = field(repr=False)


@dataclass(frozen=True)
class Source:
    """A decoded saved-article file and what the file itself says about its origin."""

    path: Path
    format: Format
    text: str
    encoding: str
    container: str = ""  # "webarchive" when the HTML came out of a Safari archive
    url: str | None = None  # the original address, when the file records it
    title_hint: str | None = None  # an MHTML Subject header
    saved: str | None = None  # when the page was saved (MHTML Date header), ISO 8601
    resources_dir: Path | None = None  # the "NAME_files/" folder of a "Web page, complete" save
    resources: dict[str, Resource] = field(default_factory=dict, repr=False)  # by URL / Content-ID


@dataclass(frozen=True)
class Block:
    """One paragraph-level unit of the source, in reading order, with its verdict."""

    role: Role
    text: str
    reason: str | None = None  # why it is clutter ("link tail", "navigation", ...); None for story
    kind: BlockKind = "paragraph"
    level: int = 0  # heading level (1-6), list nesting depth
    image: str | None = None  # for kind "image": a data: URL, a resource URL or a local path
    rows: tuple[tuple[str, ...], ...] = ()  # for kind "table": cell texts, row by row

    def with_role(self, role: Role, reason: str | None = None) -> Block:
        """The same block with another verdict (used by the reader's corrections)."""
        return replace(self, role=role, reason=reason)


@dataclass(frozen=True)
class Notice:
    """A warning about the whole article, e.g. a paywall; ``message`` is for people."""

    kind: str
    message: str


@dataclass(frozen=True)
class Article:
    """The story separated from its clutter, plus the page's metadata."""

    path: Path
    format: Format
    title: str | None
    blocks: tuple[Block, ...]
    byline: str | None = None
    published: str | None = None
    site: str | None = None
    language: str | None = None
    url: str | None = None
    warnings: tuple[Notice, ...] = ()

    @property
    def story_blocks(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.role == "story" and b.text)

    @property
    def body(self) -> str:
        return PARAGRAPH_SEPARATOR.join(b.text for b in self.story_blocks)

    @property
    def text(self) -> str:
        """The reading text every span indexes into: title, blank line, body."""
        if self.title:
            return self.title + PARAGRAPH_SEPARATOR + self.body if self.body else self.title
        return self.body

    def story_offsets(self) -> list[tuple[int, int]]:
        """The (start, end) of each story block inside :attr:`text`, in order."""
        spans: list[tuple[int, int]] = []
        pos = len(self.title) + len(PARAGRAPH_SEPARATOR) if self.title else 0
        for block in self.story_blocks:
            spans.append((pos, pos + len(block.text)))
            pos += len(block.text) + len(PARAGRAPH_SEPARATOR)
        return spans


@dataclass(frozen=True)
class Span:
    """A stretch of :attr:`Article.text`."""

    start: int
    end: int
    text: str


Mention = Span


@dataclass(frozen=True)
class Entity:
    """One real-world referent with every way the story names it."""

    name: str
    type: EntityType
    aliases: tuple[str, ...]
    mentions: tuple[Mention, ...]
    confidence: float = 1.0  # 0..1: how sure the analysis is of this entity and its type


@dataclass(frozen=True)
class Claim:
    """One attribution: who says what."""

    cue: Span
    content: tuple[Span, ...]
    kind: ClaimKind
    speaker: Span | None = None
    speaker_entity: str | None = None
    disputes: int | None = None  # index in Analysis.claims of the claim this one contradicts
    vague: bool = False  # "officials said", "people familiar with the matter"
    confidence: float = 1.0  # 0..1: how sure the analysis is that this is an attribution


@dataclass(frozen=True)
class Analysis:
    """Entities and claims of one text; ``warnings`` say why it may be empty."""

    entities: tuple[Entity, ...] = ()
    claims: tuple[Claim, ...] = ()
    warnings: tuple[Notice, ...] = ()


# The reading themes give each of these a background with checked contrast (ui/reading/theme.py).
HighlightColor = Literal["yellow", "green", "blue", "pink"]
HIGHLIGHT_COLORS: tuple[HighlightColor, ...] = ("yellow", "green", "blue", "pink")


@dataclass(frozen=True)
class Highlight:
    """A reader's highlight with an optional note, anchored as the W3C annotation model does:
    ``exact`` with its ``prefix`` and ``suffix`` (the quote) and ``start``/``end`` (the position in
    :attr:`Article.text` where it was last found). ``orphaned`` when the text no longer holds it:
    it is kept and shown with its quote, never dropped."""

    id: str
    article: str
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""
    note: str | None = None
    color: HighlightColor = "yellow"
    created: str = ""
    orphaned: bool = False
