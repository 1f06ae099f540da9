"""Quotations in a text: where each quoted stretch starts and ends, marks included.

Curly, straight and doubled-apostrophe ('') double quotes are paired within a line (texts
put one paragraph per line, blank or not), curly ones with nesting; a quote left open at a
paragraph's end is kept open-ended, and claims.py joins it to the next paragraph's quote (the
newspaper convention for quotes running over paragraphs). Single curly quotes are
paired only when the opening mark cannot be an apostrophe. Pure text scanning: no parse.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_DOUBLE_MARKS = re.compile(r"''|``|[\"“”„«»]")
_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(\[“\"—–-]))‘", re.MULTILINE)
_SINGLE_CLOSE = "’"
_OPENING_ONLY = frozenset(("“", "„", "«", "``"))
_CLOSING_ONLY = frozenset(("”", "»"))
_PARAGRAPH_BREAK = re.compile(r"\n\s*")
# A quotation of at least this many words is speech, not a scare quote or a title (checked on
# the shared phenomena list: scare quotes and titles there have one to three words).
MIN_SPEECH_WORDS = 4


@dataclass(frozen=True)
class Quote:
    """One quoted stretch: ``start`` is the opening mark, ``end`` is just after the closing one."""

    start: int
    end: int
    words: int
    closed: bool  # False when the paragraph ended first
    ends_sentence: bool  # ends with . ? ! or , inside the marks: quoted speech, not a term

    @property
    def is_speech(self) -> bool:
        """Whether this looks like quoted speech rather than a scare quote or a title."""
        return self.words >= MIN_SPEECH_WORDS or self.ends_sentence


def find_quotes(text: str) -> list[Quote]:
    """Every double-quoted and single-curly-quoted stretch of ``text``, in order."""
    quotes: list[Quote] = []
    start = 0
    for brk in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = brk.start() if brk else len(text)
        quotes.extend(_paragraph_quotes(text, start, end))
        start = brk.end() if brk else len(text)
    quotes.extend(_single_quotes(text, quotes))
    quotes.sort(key=lambda q: q.start)
    return quotes


def _is_opening(text: str, pos: int, mark: str) -> bool:
    """Whether a mark at ``pos`` opens a quote (by its shape, else by what precedes it)."""
    before = text[pos - 1] if pos > 0 else " "
    if mark in _OPENING_ONLY:
        return True
    if mark in _CLOSING_ONLY:  # a closing mark typed at a paragraph's start opens it
        after = text[pos + len(mark):pos + len(mark) + 1]
        return before == "\n" and after.isalnum()
    return before.isspace() or before in "([{—–-/"


def _paragraph_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Pair the double quote marks of one paragraph."""
    out: list[Quote] = []
    open_at: int | None = None
    depth = 0
    for m in _DOUBLE_MARKS.finditer(text, start, end):
        opening = _is_opening(text, m.start(), m.group())
        if open_at is None:
            if opening:
                open_at, depth = m.start(), 1
            continue
        if opening and m.group() in _OPENING_ONLY:
            depth += 1  # a quotation inside the quotation (“... “term” ...”)
            continue
        depth -= 1
        if depth == 0:
            out.append(_make_quote(text, open_at, m.end(), closed=True))
            open_at = None
    if open_at is not None:
        out.append(_make_quote(text, open_at, end, closed=False))
    return out


def _single_quotes(text: str, doubles: list[Quote]) -> list[Quote]:
    """Single curly quotes (‘...’), closing at a ’ not followed by a letter."""
    out: list[Quote] = []
    for m in _SINGLE_OPEN.finditer(text):
        if out and m.start() < out[-1].end:
            continue  # quotes do not overlap: an opening inside the last one is a stray mark
        pos = m.start() + 1
        while True:
            close = text.find(_SINGLE_CLOSE, pos)
            if close < 0 or "\n" in text[m.start():close]:
                break
            after = text[close + 1:close + 2]
            if not after.isalpha():
                out.append(_make_quote(text, m.start(), close + 1, closed=True))
                break
            pos = close + 1
    starts = [d.start for d in doubles]

    def overlaps_double(q: Quote) -> bool:
        i = bisect_right(starts, q.end - 1) - 1  # the last double opening before q ends
        return i >= 0 and doubles[i].end > q.start

    return [q for q in out if not overlaps_double(q)]


def _make_quote(text: str, start: int, end: int, closed: bool) -> Quote:
    inner = text[start:end].rstrip("'\"”’»` \n")
    return Quote(start, end, len(inner.split()), closed, inner[-1:] in ".?!,")


class QuoteIndex:
    """The quotes of one text with a fast lookup by character position (quotes never overlap)."""

    def __init__(self, text: str) -> None:
        self.quotes = find_quotes(text)
        self._starts = [q.start for q in self.quotes]

    def at(self, pos: int) -> Quote | None:
        """The quote covering character ``pos``, if any."""
        i = bisect_right(self._starts, pos) - 1
        if i >= 0 and self.quotes[i].end > pos:
            return self.quotes[i]
        return None

    def starting_in(self, start: int, end: int) -> list[Quote]:
        """The quotes whose opening mark lies in [start, end)."""
        lo = bisect_right(self._starts, start - 1)
        hi = bisect_right(self._starts, end - 1)
        return self.quotes[lo:hi]
