"""Our pass over a candidate article: drop the furniture inside it, restore the story it lost.

A candidate is a set of block indices (readability's picks, or the fallback's). Its container
is the element holding nearly all of its text; blocks inside that container are judged one by
one, blocks outside it are clutter with the reason their surroundings give.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml.html import HtmlElement

from reader.core.extract import hints as patterns
from reader.core.extract.html import classify
from reader.core.extract.html.blocks import PageBlock, tag_of
from reader.core.model import Role

# The container must hold this share of the candidate's text; 0.85 lets a candidate carry a
# stray lead paragraph from outside while still naming the box the story lives in.
CONTAINER_SHARE = 0.85
# Prose that long is story even where a class name says otherwise (a paragraph of 400+
# characters has never been a share bar or a date in the corpus); comments excepted.
LONG_PROSE_CHARS = 400
# Reasons that keep a block out even when it is long prose.
ALWAYS_CLUTTER = frozenset({"comments", "newsletter prompt", "cookie notice", "author bio"})
# Kinds of story readability tends to discard: subheadings, lists, tables, quotes and tweets,
# and images with their captions (kept later only when the image was saved with the page).
RESTORABLE_KINDS = frozenset({"heading", "list-item", "table", "quote", "preformatted", "image", "caption"})
# Section headings whose reason extends to the list below them.
CARRIED_REASONS = frozenset({"related links", "comments", "tags", "newsletter prompt", "back matter"})
# A section label ("More Great Stories", "Read next:") set as a plain line is this short at most.
LABEL_MAX_CHARS = 60
# Containers whose same-shaped siblings may hold the rest of the story: boxes, not paragraphs or
# list items (sibling <p>s of a one-paragraph candidate are not a second container).
BOX_TAGS = frozenset({"div", "section", "article"})
# How far back to look for other text in the lead's box: a box holding more than the lead is a
# teaser list or a header, not a lead standing alone.
LEAD_BOX_REACH = 20


@dataclass(frozen=True)
class Verdict:
    """A block's role and, for anything but story, the reason shown to the reader."""

    role: Role
    reason: str | None = None


STORY = Verdict("story")


def candidate_container(blocks: list[PageBlock], picks: set[int]) -> HtmlElement | None:
    """The deepest element that holds CONTAINER_SHARE of the picked text."""
    weight: dict[HtmlElement, int] = {}
    total = 0
    for i in picks:
        block = blocks[i]
        size = max(len(block.text), 1)
        total += size
        for el in block.path:
            weight[el] = weight.get(el, 0) + size
    if not picks:
        return None
    largest = max(picks, key=lambda i: len(blocks[i].text))
    for el in reversed(blocks[largest].path):
        if weight.get(el, 0) >= CONTAINER_SHARE * total:
            return el
    return None


def inside(block: PageBlock, container: HtmlElement | None) -> bool:
    return container is not None and (block.elem is container or container in block.path)


def twin_boxes(container: HtmlElement | None) -> list[HtmlElement]:
    """Boxes beside the container with its shape (same tag and classes): the rest of a story
    cut into sections by an ad slot or a pull quote ("article-body" … ad … "article-body")."""
    if container is None or tag_of(container) not in BOX_TAGS or container.getparent() is None:
        return []
    shape = classify.signature(container)
    return [el for el in container.getparent() if el is not container and isinstance(el.tag, str)
            and classify.signature(el) == shape]


def inside_any(block: PageBlock, boxes: list[HtmlElement]) -> bool:
    return any(inside(block, box) for box in boxes)


def inner_reason(block: PageBlock, container: HtmlElement | None) -> str | None:
    """Why a block inside the article is furniture after all, or None for story."""
    text = block.text
    reason = classify.phrase_reason(text)
    if reason:
        return reason
    if classify.is_link_block(block):
        return "related links"
    hint = classify.inner_hint_reason(block, container)
    long_prose = len(text) >= LONG_PROSE_CHARS and block.link_density < patterns.HTML_LINK_DENSITY
    if hint == "share bar" and block.kind == "quote":
        hint = None  # an embedded post (a tweet quoted in the story) is story
    if hint and (not long_prose or hint in ALWAYS_CLUTTER):
        return hint
    if classify.is_byline_line(text):
        return "byline"
    if classify.is_date_line(text):
        return "date"
    return None


def restorable(block: PageBlock) -> bool:
    """Story readability tends to drop: see RESTORABLE_KINDS; anything inside a blockquote."""
    if block.kind in RESTORABLE_KINDS:
        return True
    return any(tag_of(el) == "blockquote" for el in block.path[-3:])


def lead_paragraph(blocks: list[PageBlock], picks: set[int], container: HtmlElement | None) -> int | None:
    """A story's opening paragraph kept in its own box just before the article container.

    It must be prose, stand beside the container (same parent), carry no furniture hint, and
    only images, captions or nothing may stand between it and the container's first block.
    """
    if container is None or container.getparent() is None or not picks:
        return None
    parent = container.getparent()
    i = min(picks) - 1
    while i >= 0 and blocks[i].kind in ("image", "caption"):
        i -= 1
    if i < 0 or i in picks or inside(blocks[i], container):
        return None
    block = blocks[i]
    if parent not in block.path or not classify.is_story_prose(block):
        return None
    if classify.inner_hint_reason(block, parent) is not None:
        return None
    chain = [*block.path, block.elem]
    box = chain[chain.index(parent) + 1]
    others = [b for b in blocks[max(0, i - LEAD_BOX_REACH):i] if b.text and box in b.path]
    return None if others else i


def judge_blocks(blocks: list[PageBlock], picks: set[int]) -> list[Verdict]:
    """A verdict for every block: the candidate's own pass, then the page around it."""
    container = candidate_container(blocks, picks)
    lead = lead_paragraph(blocks, picks, container)
    twins = twin_boxes(container)
    verdicts = []
    for i, block in enumerate(blocks):
        dropped = inside(block, container) and (restorable(block) or classify.is_story_prose(block))
        dropped = dropped or bool(twins) and inside_any(block, twins) and classify.is_story_prose(block)
        if not (i in picks or i == lead or dropped):
            verdicts.append(Verdict("clutter", classify.outside_reason(block)))
        elif block.kind == "image":
            verdicts.append(STORY)  # whether it is saved with the page is decided later
        else:
            reason = inner_reason(block, container)
            verdicts.append(Verdict("clutter", reason) if reason else STORY)
    return carry_section_reasons(blocks, verdicts)


def carry_section_reasons(blocks: list[PageBlock], verdicts: list[Verdict]) -> list[Verdict]:
    """A furniture heading ("Related stories", "More from us") takes the list under it along.

    List items and link blocks after such a heading share its reason, up to the next heading
    or the next paragraph of prose.
    """
    out = list(verdicts)
    carried: str | None = None
    for i, (block, verdict) in enumerate(zip(blocks, verdicts, strict=True)):
        label = verdict.reason in CARRIED_REASONS and len(block.text) <= LABEL_MAX_CHARS
        if block.kind == "heading" or label:
            carried = verdict.reason if verdict.reason in CARRIED_REASONS else None
        elif carried and (block.kind == "list-item" or classify.is_link_block(block)):
            if verdict.role == "story":
                out[i] = Verdict("clutter", carried)
        elif block.text and classify.is_prose(block):
            carried = None
    return out
