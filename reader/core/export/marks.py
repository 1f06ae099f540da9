"""Where the reader's highlights fall inside each story block, for every export format.

Highlights index into ``Article.text``; exports write block by block, so each block's text is
cut into runs, each either plain or inside one highlight (overlapping highlights: the one that
starts first wins the overlap, so no run is marked twice).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.model import Article, Block, Highlight


@dataclass(frozen=True)
class Run:
    text: str
    highlight: Highlight | None = None
    closes: bool = False  # the run ends its highlight (where a note's marker goes)


def placed(highlights: Sequence[Highlight]) -> list[Highlight]:
    """The anchored highlights in reading order (orphaned ones are exported separately)."""
    anchored = (h for h in highlights if not h.orphaned and h.end > h.start)
    return sorted(anchored, key=lambda h: (h.start, -h.end))


def orphaned(highlights: Sequence[Highlight]) -> list[Highlight]:
    return [h for h in highlights if h.orphaned]


def block_runs(article: Article, highlights: Sequence[Highlight]) -> list[tuple[Block, list[Run]]]:
    """Every story block with its text cut at highlight boundaries; an image without words
    (no alt text, its caption a block of its own) is not in ``Article.text`` but still exported."""
    ordered = placed(highlights)
    offsets = iter(article.story_offsets())
    out: list[tuple[Block, list[Run]]] = []
    for block in article.blocks:
        if block.role != "story" or not (block.text or block.image):
            continue
        if not block.text:
            out.append((block, []))
            continue
        start, end = next(offsets)
        inside = [h for h in ordered if h.start < end and h.end > start]
        out.append((block, runs_of(block.text, start, inside)))
    return out


def runs_of(text: str, offset: int, highlights: Sequence[Highlight]) -> list[Run]:
    """``text`` (which starts at ``offset`` in Article.text) as plain and highlighted runs."""
    runs: list[Run] = []
    pos = 0
    for h in highlights:
        start, end = max(h.start - offset, pos), min(h.end - offset, len(text))
        if end <= start:
            continue
        if start > pos:
            runs.append(Run(text[pos:start]))
        runs.append(Run(text[start:end], h, h.end - offset <= end))
        pos = end
    if pos < len(text) or not runs:
        runs.append(Run(text[pos:]))
    return runs


def note_numbers(highlights: Sequence[Highlight]) -> dict[str, int]:
    """1-based footnote numbers of the highlights that carry a note, in reading order."""
    noted = [h for h in placed(highlights) + orphaned(highlights) if h.note]
    return {h.id: i for i, h in enumerate(noted, 1)}
