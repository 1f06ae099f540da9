"""Document positions ↔ Article.text offsets: the one mapping the reading view relies on.

One string, spans everywhere: while the document is written, every story block (and the title)
records a :class:`Segment`: where its text starts in the document and in :attr:`Article.text`.
QTextDocument counts UTF-16 code units, Python counts code points; the segments absorb both that
and everything drawn between them (meta line, removed blocks, table borders).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass


def utf16_length(text: str) -> int:
    """Length of ``text`` in UTF-16 code units, the unit of QTextDocument positions."""
    return len(text.encode("utf-16-le")) // 2


def code_points_in(text: str, units: int) -> int:
    """How many code points of ``text`` fill its first ``units`` UTF-16 code units."""
    count = 0
    for char in text:
        if units <= 0:
            break
        units -= 2 if ord(char) > 0xFFFF else 1
        count += 1
    return count


@dataclass(frozen=True)
class Segment:
    """A stretch of Article.text written verbatim at ``doc_start`` in the document."""

    doc_start: int
    text_start: int
    text: str

    @property
    def text_end(self) -> int:
        return self.text_start + len(self.text)

    @property
    def doc_end(self) -> int:
        return self.doc_start + utf16_length(self.text)


class TextMap:
    """Maps QTextDocument positions to Article.text offsets and back, through the segments."""

    def __init__(self, segments: Sequence[Segment] = ()) -> None:
        self.segments = sorted(segments, key=lambda s: s.text_start)
        self._text_starts = [s.text_start for s in self.segments]
        self._doc_starts = [s.doc_start for s in self.segments]

    def to_document(self, offset: int) -> int | None:
        """The document position of a text offset; None between segments (block separators)."""
        i = bisect.bisect_right(self._text_starts, offset) - 1
        if i < 0 or offset > self.segments[i].text_end:
            return None
        seg = self.segments[i]
        return seg.doc_start + utf16_length(seg.text[: offset - seg.text_start])

    def to_text(self, position: int) -> int | None:
        """The text offset of a document position; None outside the story (meta line, removed)."""
        i = bisect.bisect_right(self._doc_starts, position) - 1
        if i < 0 or position > self.segments[i].doc_end:
            return None
        seg = self.segments[i]
        return seg.text_start + code_points_in(seg.text, position - seg.doc_start)

    def document_range(self, start: int, end: int) -> tuple[int, int] | None:
        """The document range of the text span [start, end), clamped to the story's segments."""
        first = bisect.bisect_right(self._text_starts, start) - 1
        if first < 0 or start >= self.segments[first].text_end:
            first += 1  # the span starts in a separator: begin at the next segment
        last = bisect.bisect_left(self._text_starts, end) - 1
        if first >= len(self.segments) or last < first:
            return None
        a = self.to_document(max(start, self.segments[first].text_start))
        b = self.to_document(min(end, self.segments[last].text_end))
        return (a, b) if a is not None and b is not None and a < b else None
