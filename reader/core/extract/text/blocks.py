"""Plain text → blocks: the paragraph-level units the text classifier labels.

Saved texts come in two shapes: one paragraph per line (copied from a browser, like the seed),
or paragraphs hard-wrapped over several lines and separated by blank lines (e-mail, Markdown).
A wrapped line is recognised by the classic test: the next line's first word would not have
fit on it. Markdown markers (headings, list items, quotes) are recognised and kept apart from
the block's content, so a story list item can be shown without its marker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.extract import collapse
from reader.core.model import BlockKind

# Hard-wrapped texts are wrapped at 60-100 columns; a text whose lines run longer than this is
# one paragraph per line (the corpus renderings have paragraphs of 140-1150 characters).
MAX_WRAP_WIDTH = 110
# A text counts as hard-wrapped when at least this many lines come close to its widest line.
MIN_FULL_LINES = 3
# "Close to the widest line": within this fraction of the wrap width.
FULL_LINE_FRACTION = 0.8
# Slack when testing whether the next word would have fit: wrappers break a few columns early.
WRAP_SLACK = 2

_LIST_MARKER = re.compile(r"^([-*+•·▪►◦–—]|\d{1,3}[.)])\s+(?=\S)")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_QUOTE = re.compile(r"^>\s?")
_SETEXT_UNDERLINE = re.compile(r"^(=+|-+)\s*$")
# A setext underline needs three characters at least, so a lone "-" stays a line of its own.
MIN_SETEXT_UNDERLINE = 3


@dataclass(frozen=True)
class TextBlock:
    """A group of source lines read as one paragraph-level unit."""

    raw: str  # the source text, whitespace collapsed, markers included
    content: str  # the text a reader sees: markers removed for headings, list items, quotes
    kind: BlockKind
    level: int  # heading level, 0 otherwise
    line: int  # index of the block's first source line
    indent: int  # leading spaces of the first line
    blank_before: bool  # a blank line (or the start of the text) precedes the block


def split_blocks(text: str) -> list[TextBlock]:
    """The text's blocks in reading order."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    width = wrap_width(lines)
    blocks: list[TextBlock] = []
    group: list[tuple[int, str]] = []
    for index, line in enumerate(lines + [""]):
        if line.strip():
            group.append((index, line))
        elif group:
            blocks.extend(group_blocks(group, width))
            group = []
    return blocks


def wrap_width(lines: list[str]) -> int | None:
    """The column at which the text is hard-wrapped, or None for one-paragraph-per-line text.

    Wrapped paragraphs are told apart by blank lines, so a text without any is one paragraph
    per line however short its lines are.
    """
    lengths = [len(line.rstrip()) for line in lines if line.strip()]
    if not lengths or len(lengths) == len(lines) - (lines[-1] == ""):
        return None
    widest = max(lengths)
    if widest > MAX_WRAP_WIDTH:
        return None
    if sum(n >= FULL_LINE_FRACTION * widest for n in lengths) < MIN_FULL_LINES:
        return None
    return widest


def group_blocks(group: list[tuple[int, str]], width: int | None) -> list[TextBlock]:
    """Blocks of one run of non-blank lines: joined where wrapped, split at markers."""
    blocks: list[TextBlock] = []
    pending: list[tuple[int, str]] = []
    for index, line in group:
        if pending and is_setext_underline(line, pending):
            blocks.append(make_block(pending, not blocks, heading_level(line)))
            pending = []
            continue
        if pending and not continues(pending[-1][1], line, width):
            blocks.append(make_block(pending, not blocks))
            pending = []
        pending.append((index, line))
    if pending:
        blocks.append(make_block(pending, not blocks))
    return blocks


def is_setext_underline(line: str, pending: list[tuple[int, str]]) -> bool:
    """A "====" or "----" line under a single short line makes that line a heading."""
    stripped = line.strip()
    return (len(pending) == 1 and len(stripped) >= MIN_SETEXT_UNDERLINE
            and bool(_SETEXT_UNDERLINE.match(stripped)) and len(pending[0][1].strip()) <= MAX_WRAP_WIDTH)


def heading_level(underline: str) -> int:
    """Setext headings: "====" underlines a level-1 heading, "----" a level-2 one."""
    return 1 if underline.strip().startswith("=") else 2


def continues(previous: str, line: str, width: int | None) -> bool:
    """Whether ``line`` is the wrapped continuation of ``previous``."""
    if width is None:
        return False
    stripped = line.strip()
    if _LIST_MARKER.match(stripped) or _HEADING.match(stripped) or _HEADING.match(previous.strip()):
        return False
    if " " not in previous.strip():
        return False
    first_word = stripped.split()[0]
    return len(previous.rstrip()) + 1 + len(first_word) > width - WRAP_SLACK


def make_block(lines: list[tuple[int, str]], blank_before: bool, setext_level: int = 0) -> TextBlock:
    """One block from its lines, with its Markdown marker recognised."""
    first_index, first_line = lines[0]
    raw = collapse(" ".join(line for _, line in lines))
    indent = len(first_line) - len(first_line.lstrip(" \t"))
    kind, level, content = read_marker(raw)
    if setext_level:
        kind, level, content = "heading", setext_level, raw
    return TextBlock(raw=raw, content=content, kind=kind, level=level, line=first_index,
                     indent=indent, blank_before=blank_before)


def read_marker(raw: str) -> tuple[BlockKind, int, str]:
    """(kind, level, content) of a block from its leading Markdown marker, if any."""
    heading = _HEADING.match(raw)
    if heading and heading.group(2):
        return "heading", len(heading.group(1)), heading.group(2)
    marker = _LIST_MARKER.match(raw)
    if marker:
        # A bullet is only a marker; a number ("3. Stay hydrated") is part of what the item says.
        return "list-item", 1, raw if marker.group(1)[0].isdigit() else raw[marker.end():]
    if _QUOTE.match(raw) and len(raw) > 1:
        return "quote", 0, raw[_QUOTE.match(raw).end():].strip()  # type: ignore[union-attr]
    return "paragraph", 0, raw
