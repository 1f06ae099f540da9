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
# coherent region of story prose (story_region) has lost the article to a blurb, a bio or a
# widget. Set a priori ("far smaller": under a sixth); on the corpus the lowest share of a page
# whose story is right is 0.37, so no corpus page triggers it (crossval_extract.py checks the
# rule behind it, 0.4 x the lowest share, half against half).
MIN_STORY_SHARE = 0.15
# How guard_story got its verdicts: a region instead of the candidate, or no prose on the page.
GUARDED, NO_STORY = "guarded", "no-story"


def fallback_picks(blocks: list[PageBlock], prose: Callable[[PageBlock], bool] = classify.is_prose
                   ) -> set[int]:
    """The blocks of the element with the most prose and the least furniture below it.

    As a candidate, prose under a furniture class name still counts (one misleading wrapper must
    not sink a story); the guard measures the story region with is_story_prose, so a long
    comment thread or a related-stories box is never the region a story is measured against.
    """
    score: dict[HtmlElement, float] = {}
    verdicts = [prose(block) for block in blocks]
    for block, good in zip(blocks, verdicts, strict=True):
        weight = float(len(block.text)) if good else -FURNITURE_WEIGHT * len(block.text)
        for el in block.path:
            score[el] = score.get(el, 0.0) + weight
    if not score:
        return set()
    best = max(score, key=lambda el: score[el])
    if score[best] <= 0:
        return set()
    return {i for i, (b, good) in enumerate(zip(blocks, verdicts, strict=True))
            if best in b.path and (good or b.kind == "heading")}


def story_region(blocks: list[PageBlock]) -> set[int]:
    """The page's largest coherent region of story prose, which the guard measures a story by."""
    return fallback_picks(blocks, classify.is_story_prose)


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
                judge: Callable[[list[PageBlock], set[int]], list[Verdict]]
                ) -> tuple[list[Verdict], str | None]:
    """The verdicts to keep and how the guard got them (None: untouched; GUARDED; NO_STORY).

    A story that is empty or far smaller than the largest region of prose (MIN_STORY_SHARE) is
    replaced by readability's own article judged again, then the region judged, then the region
    as it stands, whichever first holds enough of it. A page with no prose at all still shows
    its most readable region (a list of headlines, a product's short lines): never an empty body.
    """
    region = story_region(blocks)
    # With no prose on the page, a heading or two is not a story either.
    floor = 1 if region else patterns.HTML_MIN_STORY_CHARS
    needed = max(MIN_STORY_SHARE * story_chars(blocks, region), floor)
    story = verdict_chars(blocks, verdicts)
    if story >= needed:
        return verdicts, None
    for picks in (theirs, region):
        if picks:
            judged = judge(blocks, picks)
            if verdict_chars(blocks, judged) >= needed:
                return judged, GUARDED
    if region:
        return [STORY if i in region else v for i, v in enumerate(verdicts)], GUARDED
    readable = readable_region(blocks)  # no prose on the page, and a headline at most as story
    if story_chars(blocks, readable) <= story:
        return verdicts, None
    return [STORY if i in readable else v for i, v in enumerate(verdicts)], NO_STORY


def readable_region(blocks: list[PageBlock]) -> set[int]:
    """The element with the most text outside landmarks (nav, footer, aside...) and furniture
    phrases, counting links and short lines too, and those of its blocks."""
    score: dict[HtmlElement, float] = {}
    readable = [bool(b.text) and b.landmark is None and classify.phrase_reason(b.text) is None
                for b in blocks]
    for block, good in zip(blocks, readable, strict=True):
        weight = float(len(block.text)) if good else -FURNITURE_WEIGHT * len(block.text)
        for el in block.path:
            score[el] = score.get(el, 0.0) + weight
    if not score or max(score.values()) <= 0:
        return set()
    best = max(score, key=lambda el: score[el])
    return {i for i, (b, good) in enumerate(zip(blocks, readable, strict=True)) if good and best in b.path}
