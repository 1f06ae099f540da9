"""Our own candidate over the whole page, and the choice between it and readability's.

The fallback scores every element by the prose below it minus the furniture below it and
takes the best element's blocks; it is used when readability fails or finds too little.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from lxml.html import HtmlElement

from reader.core.extract import hints as patterns
from reader.core.extract.html import classify
from reader.core.extract.html.blocks import PageBlock
from reader.core.extract.html.story import STORY, Verdict

# Furniture text weighs this much against prose when scoring a container: 0.5 keeps an article
# box with a share bar and a related list ahead of the whole <body> on the corpus pages.
FURNITURE_WEIGHT = 0.5
# The empty-body guard: a story with less than this share of the text of the page's largest
# coherent region of prose (the fallback's candidate) has lost the article to a blurb, a bio or
# a widget. The lowest share of a corpus page whose story is right is 0.19 (yahoo-2, with a long
# comment thread in the region); 0.15 stays below it, as HTML_MIN_READABILITY_SHARE does.
MIN_STORY_SHARE = 0.15


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
    return {i for i, b in enumerate(blocks)
            if best in b.path and (classify.is_prose(b) or b.kind == "heading")}


def story_chars(blocks: list[PageBlock], picks: set[int] | None) -> int:
    return sum(len(blocks[i].text) for i in picks) if picks else 0


def choose_candidate(readability_chars: int | None, fallback_chars: int
                     ) -> Literal["readability", "fallback"]:
    """Which candidate to trust: readability unless it failed or found far less than ours."""
    if readability_chars is None or readability_chars < patterns.HTML_MIN_STORY_CHARS:
        return "fallback" if fallback_chars > (readability_chars or 0) else "readability"
    if readability_chars < patterns.HTML_MIN_READABILITY_SHARE * fallback_chars:
        return "fallback"
    return "readability"


def verdict_chars(blocks: list[PageBlock], verdicts: list[Verdict]) -> int:
    return sum(len(b.text) for b, v in zip(blocks, verdicts, strict=True) if v.role == "story")


def guard_story(blocks: list[PageBlock], verdicts: list[Verdict], theirs: set[int] | None,
                judge: Callable[[list[PageBlock], set[int]], list[Verdict]]) -> list[Verdict] | None:
    """New verdicts when the chosen story is empty or far smaller than the largest region of
    prose (MIN_STORY_SHARE), else None: readability's own article judged again, then the region
    judged, then the region as it stands, whichever first holds enough of it."""
    story = verdict_chars(blocks, verdicts)
    region = fallback_picks(blocks)
    needed = max(MIN_STORY_SHARE * story_chars(blocks, region), 1)
    if story >= needed:
        return None
    for picks in (theirs, region):
        if picks:
            judged = judge(blocks, picks)
            if verdict_chars(blocks, judged) >= needed:
                return judged
    if not region:
        return None
    return [STORY if i in region else v for i, v in enumerate(verdicts)]
