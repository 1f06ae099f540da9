"""Where the story is among the blocks, and why each other block is clutter.

The story of a saved page is one stretch of blocks; menus come before it and link tails,
share bars and footers after it. The stretch is the one that maximises the summed evidence
(block probability above a threshold, weighted by block length), so a short aside inside the
story does not cut it and a long run of headlines after it never joins it.
"""

from __future__ import annotations

import math

from reader.core.extract import patterns
from reader.core.extract.text_blocks import TextBlock
from reader.core.extract.text_features import is_prose, tokens

# Probability above which a block counts as evidence for the story; 0.5 is the model's own
# decision boundary (classes balanced in training).
REGION_THRESHOLD = 0.5
# Inside the story stretch a block is kept from this probability on: lower than the boundary,
# because subheadings and short closing lines between story paragraphs are story (tuned on the
# dev corpus: 0.25-0.4 give the same tails scores; 0.3 is the middle).
KEEP_INSIDE_THRESHOLD = 0.3
# Boilerplate reasons strong enough to drop a short line even inside the story stretch.
INSIDE_DROP_REASONS = frozenset({
    "share bar", "advertisement", "related link", "newsletter prompt", "navigation", "comments",
    "cookie notice",
})


def evidence(probability: float, block: TextBlock) -> float:
    """A block's vote for being inside the story stretch: long blocks vote louder."""
    return (probability - REGION_THRESHOLD) * (1 + math.log1p(tokens(block.content)))


def story_stretch(blocks: list[TextBlock], probabilities: list[float]) -> tuple[int, int] | None:
    """(first, last) index of the best story stretch (maximum-sum run), or None if nothing votes."""
    best, best_span = 0.0, None
    running, start = 0.0, 0
    for i, (block, p) in enumerate(zip(blocks, probabilities)):
        if running <= 0:
            running, start = 0.0, i
        running += evidence(p, block)
        if running > best:
            best, best_span = running, (start, i)
    return best_span


def keep_inside(block: TextBlock, probability: float) -> str | None:
    """None when a block inside the stretch is story, else the reason to drop it."""
    reason = patterns.boilerplate_reason(block.raw)
    if reason in INSIDE_DROP_REASONS and not is_prose(block):
        return reason
    if probability >= KEEP_INSIDE_THRESHOLD or is_prose(block):
        return None
    return reason or "aside"


def outside_reason(block: TextBlock, before_story: bool) -> str:
    """Why a block outside the story stretch is clutter."""
    reason = patterns.boilerplate_reason(block.raw)
    if before_story:
        return reason or "navigation"
    if reason is None or reason == "separator":
        return "link tail"
    return reason
