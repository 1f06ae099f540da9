"""Our own candidate over the whole page, and the choice between it and readability's.

The fallback scores every element by the prose below it minus the furniture below it and
takes the best element's blocks; it is used when readability fails or finds too little.
"""

from __future__ import annotations

from typing import Literal

from lxml.html import HtmlElement

from reader.core.extract import hints as patterns
from reader.core.extract.html import classify
from reader.core.extract.html.blocks import PageBlock

# Furniture text weighs this much against prose when scoring a container: 0.5 keeps an article
# box with a share bar and a related list ahead of the whole <body> on the corpus pages.
FURNITURE_WEIGHT = 0.5
def fallback_picks(blocks: list[PageBlock]) -> set[int]:
    """The blocks of the element with the most prose and the least furniture below it."""
    score: dict[HtmlElement, float] = {}
    for block in blocks:
        weight = float(len(block.text)) if classify.is_prose(block) else -FURNITURE_WEIGHT * len(block.text)
        for el in block.path:
            score[el] = score.get(el, 0.0) + weight
    if not score:
        return set()
    best = max(score, key=lambda el: score[el])
    if score[best] <= 0:
        return set()
    return {i for i, b in enumerate(blocks) if best in b.path and (classify.is_prose(b) or b.kind == "heading")}


def story_chars(blocks: list[PageBlock], picks: set[int] | None) -> int:
    return sum(len(blocks[i].text) for i in picks) if picks else 0


def choose_candidate(readability_chars: int | None, fallback_chars: int) -> Literal["readability", "fallback"]:
    """Which candidate to trust: readability unless it failed or found far less than ours."""
    if readability_chars is None or readability_chars < patterns.HTML_MIN_STORY_CHARS:
        return "fallback" if fallback_chars > (readability_chars or 0) else "readability"
    if readability_chars < patterns.HTML_MIN_READABILITY_SHARE * fallback_chars:
        return "fallback"
    return "readability"
