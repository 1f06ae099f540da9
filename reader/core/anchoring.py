"""Anchor a reader's highlight to the story so it survives a change of the text.

A highlight is described, as in the W3C Web Annotation model, by two selectors: a text-quote
selector (the exact text with some context before and after) and a text-position selector
(offsets into ``Article.text``). When the text changes — a per-site correction moves a block in
or out, a better extraction, a re-imported edited copy — :func:`anchor` finds the highlight
again the way the Hypothesis client does: the old position if the quote is still there, else
the occurrence of the quote whose context fits best, else the closest approximate match. What
cannot be found is *orphaned*: the caller keeps it and shows it, never drops it.

Approximate matching uses rapidfuzz (MIT), which finds the best-aligned substring in C++; a
hand-written edit-distance scan over a whole article would be far slower.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

# Characters of context kept before and after the quote: Hypothesis keeps 32, enough to tell
# repeated phrases apart ("the president said") without storing whole paragraphs.
CONTEXT_CHARS = 32
# Least similarity (0-100, rapidfuzz's partial ratio) for an edited quote to count as found.
# Measured on 149 sentences (40-200 characters) of 12 aeb/tails articles: one word changed scores
# ≥ 84 (5th percentile 89), two words changed ≥ 71 (5th percentile 78), while the best match of a
# sentence among the other sentences of its own article scores ≤ 64 (95th percentile 58).
# 70 finds one- and two-word edits and still refuses every unrelated sentence seen.
FUZZY_MIN_SCORE = 70.0
# An approximate match of a very short quote is mostly chance ("the", "Kyiv"): below this many
# characters only exact matches count.
FUZZY_MIN_LENGTH = 12
# Weight of the context (prefix + suffix similarity, 0-1) against the distance from the old
# position (0-1, 1 = same place) when the quote occurs several times; context decides.
CONTEXT_WEIGHT = 0.8


@dataclass(frozen=True)
class TextQuote:
    """The W3C TextQuoteSelector: the exact text and its neighbours."""

    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class TextPosition:
    """The W3C TextPositionSelector: code-point offsets into ``Article.text``, end exclusive."""

    start: int
    end: int


@dataclass(frozen=True)
class Selectors:
    quote: TextQuote
    position: TextPosition


def describe(text: str, start: int, end: int) -> Selectors:
    """Both selectors of ``text[start:end]``."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span {start}-{end} is outside a text of {len(text)} characters")
    prefix, suffix = text[max(0, start - CONTEXT_CHARS):start], text[end:end + CONTEXT_CHARS]
    quote = TextQuote(text[start:end], prefix, suffix)
    return Selectors(quote, TextPosition(start, end))


def find_occurrence(text: str, exact: str, occurrence: int = 1) -> tuple[int, int] | None:
    """The span of the ``occurrence``-th (1-based) exact appearance of ``exact`` in ``text``."""
    if not exact or occurrence < 1:
        return None
    start = -1
    for _ in range(occurrence):
        start = text.find(exact, start + 1)
        if start < 0:
            return None
    return start, start + len(exact)


def anchor(text: str, selectors: Selectors) -> tuple[int, int] | None:
    """Where the described highlight is in ``text`` now, or None when it is orphaned."""
    quote, position = selectors.quote, selectors.position
    if not quote.exact:
        return None
    if text[position.start:position.end] == quote.exact:
        return position.start, position.end
    exact = best_exact(text, selectors)
    if exact is not None:
        return exact
    return best_approximate(text, selectors)


def best_exact(text: str, selectors: Selectors) -> tuple[int, int] | None:
    """The exact occurrence whose context and place fit the description best."""
    quote = selectors.quote
    starts = []
    found = text.find(quote.exact)
    while found >= 0:
        starts.append(found)
        found = text.find(quote.exact, found + 1)
    if not starts:
        return None
    best = max(starts, key=lambda s: fit(text, s, s + len(quote.exact), selectors))
    return best, best + len(quote.exact)


def best_approximate(text: str, selectors: Selectors) -> tuple[int, int] | None:
    """The best approximate match of the quote (a slightly edited sentence), if close enough."""
    exact = selectors.quote.exact
    if len(exact) < FUZZY_MIN_LENGTH or not text:
        return None
    match = fuzz.partial_ratio_alignment(exact, text, score_cutoff=FUZZY_MIN_SCORE)
    if match is None or match.dest_end <= match.dest_start:
        return None
    return snap_to_words(text, match.dest_start, match.dest_end)


def fit(text: str, start: int, end: int, selectors: Selectors) -> float:
    """How well a candidate's surroundings and place match the description (0-1)."""
    quote, position = selectors.quote, selectors.position
    before = text[max(0, start - len(quote.prefix)):start]
    after = text[end:end + len(quote.suffix)]
    context = (similarity(before, quote.prefix) + similarity(after, quote.suffix)) / 2
    nearness = 1.0 / (1.0 + abs(start - position.start) / max(1, len(text)) * 10)
    return CONTEXT_WEIGHT * context + (1 - CONTEXT_WEIGHT) * nearness


def similarity(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return fuzz.ratio(a, b) / 100.0


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen an approximate match that starts or ends inside a word to the whole word."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end
