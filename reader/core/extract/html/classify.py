"""Why a block is furniture: its class/id vocabulary, its phrases, its links, where it sits.

Every function here answers with a short reason ("share bar", "related links", ...) or None,
so the same rules serve the pass over readability's article and the whole-page fallback.
"""

from __future__ import annotations

import functools
import re

from lxml.html import HtmlElement

from reader.core.extract import hints as patterns
from reader.core.extract.html.blocks import PageBlock, tag_of

# Word boundaries inside a class or id name: separators, camelCase humps, letters beside digits.
_WORD_BREAK = re.compile(r"[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")
# An element holding at least this share of the page's text is the page itself (a wrapper such
# as <div id="page" class="single-post has-sidebar">): its classes describe the page, not a part
# of it. The corpus's article containers hold at most ~0.8 of their page's text when the page
# has any menu, footer or related list at all; wrappers of the whole page hold 0.95+.
PAGE_WIDE_SHARE = 0.9
PAGE_WIDE = "data-sift-page-wide"
_MONTH = (r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?")
_DATE_LINE = re.compile(
    rf"^((published|updated|posted|last updated|first published|date)\s*:?\s*)?"
    rf"([a-z]+day,?\s*)?(\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(st|nd|rd|th)?,?|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}})",
    re.I,
)
# A stamp in any language: a year and a clock time, or "Updated ..." with digits, on a short line.
_YEAR_AND_TIME = re.compile(r"\b(19|20)\d\d\b.*\b\d{1,2}[:h.]\d\d\b|\b\d{1,2}[:h.]\d\d\b.*\b(19|20)\d\d\b")
_STAMP = re.compile(r"^(updated|published|posted|last (updated|modified))\b.*\d", re.I)
# Date stamps are shorter than this; a sentence with a year and a time in it is longer.
DATE_STAMP_MAX_CHARS = 60
_BYLINE = re.compile(r"^(by|written by|words by|reporting by|story by|posted by)\s+\S", re.I)
# Landmark elements that are furniture whatever their class says, with the reason they carry.
# Not <form>: ASP.NET pages wrap the whole page, story included, in one.
LANDMARK_REASONS = {"nav": "navigation", "footer": "footer", "aside": "sidebar",
                    "menu": "navigation", "header": "header", "dialog": "popup"}
# The same landmarks named by ARIA roles, which pages built of <div>s set instead of the tags.
ROLE_REASONS = {"navigation": "navigation", "contentinfo": "footer", "complementary": "sidebar",
                "menu": "navigation", "menubar": "navigation", "banner": "header", "dialog": "popup",
                "alertdialog": "popup", "search": "navigation"}
# The landmarks that are furniture even inside a candidate article: not the header, which inside
# an <article> holds its headline, byline and standfirst.
INNER_LANDMARKS = frozenset(LANDMARK_REASONS.values()) - {"header"}


def landmark_reason(el: HtmlElement) -> str | None:
    """The furniture a landmark element is (by tag or ARIA role), unless it wraps the whole page."""
    if el.get(PAGE_WIDE) is not None:
        return None
    role = el.get("role")
    return LANDMARK_REASONS.get(tag_of(el)) or (ROLE_REASONS.get(role.strip().lower()) if role else None)


def combined(pairs: list[tuple[str, str]], prefix: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """(reason, regex) pairs as one pattern with a named group each, and the reason of each group,
    so a text is scanned once rather than once per pattern."""
    pattern = re.compile("|".join(f"(?P<{prefix}{i}>{rx})" for i, (_, rx) in enumerate(pairs)), re.I)
    return pattern, {f"{prefix}{i}": reason for i, (reason, _) in enumerate(pairs)}


def reason_of(match: re.Match[str] | None, reasons: dict[str, str]) -> str | None:
    return reasons[match.lastgroup or ""] if match else None


_HINTS, HINT_REASONS = combined([(r, rf"(?<![^ ])(?:{rx})(?![^ ])") for r, rx in patterns.HTML_HINTS], "h")
# Phrases anchored at the start are tried only there (match); the others anywhere (search).
_START_PHRASES, START_REASONS = combined([p for p in patterns.HTML_PHRASES if p[1].startswith("^")], "s")
_ANY_PHRASES, ANY_REASONS = combined([p for p in patterns.HTML_PHRASES if not p[1].startswith("^")], "a")


def class_words(name: str) -> str:
    """One class or id name as lower-case words joined by spaces ("postShare_bar2" → "post share bar 2")."""
    return " ".join(w for w in _WORD_BREAK.split(name) if w).lower()


def signature(el: HtmlElement) -> tuple[str, str]:
    """A box's shape: its tag and its class words without numbers ("post post-17" ≈ "post post-18")."""
    words = class_words(el.get("class") or "").split()
    return tag_of(el), " ".join(sorted({w for w in words if not w.isdigit()}))


def hint_reason(el: HtmlElement) -> str | None:
    """The furniture an element's class/id names, e.g. "share bar" for class="share-tools";
    never for an element that wraps the whole page (see mark_page_wide)."""
    cls, ident = el.get("class"), el.get("id")
    if not (cls or ident) or el.get(PAGE_WIDE) is not None or tag_of(el) in ("body", "html"):
        return None
    return names_reason(f"{cls or ''} {ident or ''}")


@functools.lru_cache(maxsize=4096)
def names_reason(names: str) -> str | None:
    """The furniture reason of a class/id string (cached: pages repeat the same classes).

    Taxonomy names ("tag-…", "category-…") file the page under a topic and say nothing about
    layout, unless what follows the prefix is a layout word ("tag-list").
    """
    for name in names.split():
        taxonomy = patterns.HTML_TAXONOMY_CLASS.match(name)
        if taxonomy:
            if patterns.HTML_TAXONOMY_LAYOUT.match(taxonomy["rest"]):
                return "tags"
            continue
        reason = reason_of(_HINTS.search(class_words(name)), HINT_REASONS)
        if reason:
            return reason
    return None


def mark_page_wide(blocks: list[PageBlock]) -> None:
    """Mark the elements that hold PAGE_WIDE_SHARE of the page's text: their classes speak for
    the whole page ("single-post", "has-sidebar", "top-ad-active"), never for one block."""
    weight: dict[HtmlElement, int] = {}
    total = 0
    for block in blocks:
        total += len(block.text)
        for el in block.path:
            weight[el] = weight.get(el, 0) + len(block.text)
    if total:
        for el, chars in weight.items():
            if chars >= PAGE_WIDE_SHARE * total:
                el.set(PAGE_WIDE, "")


def inner_hint_reason(block: PageBlock, top: HtmlElement | None) -> str | None:
    """The first furniture hint (a class/id word or a landmark but <header>) on the block's
    element or its ancestors below ``top``."""
    chain = [block.elem] if "run" not in block.flags else []
    for ancestor in reversed(block.path):
        if ancestor is top:
            break
        chain.append(ancestor)
    else:
        if top is not None:  # the block lies outside ``top``: its ancestors are not "inner"
            chain = chain[:1]
    for el in chain:
        landmark = landmark_reason(el)
        reason = (landmark if landmark in INNER_LANDMARKS else None) or hint_reason(el)
        if reason:
            return reason
    return None


@functools.lru_cache(maxsize=4096)
def phrase_reason(text: str) -> str | None:
    """Furniture recognised by its words alone (short blocks only; pages repeat their labels)."""
    if len(text) > patterns.HTML_PHRASE_MAX_CHARS:
        return None
    if patterns.HTML_PAYWALL_RE.search(text):
        return "paywall prompt"
    reason = patterns.boilerplate_reason(text)
    if reason and reason != "separator":
        return "related links" if reason in ("link tail", "related link") else reason
    return (reason_of(_START_PHRASES.match(text), START_REASONS)
            or reason_of(_ANY_PHRASES.search(text), ANY_REASONS))


def is_date_line(text: str) -> bool:
    """A short line that is a date or a "Published ..." stamp, not a sentence."""
    if len(text) > patterns.HTML_META_LINE_MAX_CHARS:
        return False
    if _DATE_LINE.match(text) or _STAMP.match(text):
        return True
    return len(text) <= DATE_STAMP_MAX_CHARS and bool(_YEAR_AND_TIME.search(text))


def is_byline_line(text: str) -> bool:
    return len(text) <= patterns.HTML_META_LINE_MAX_CHARS and bool(_BYLINE.match(text))


def is_link_block(block: PageBlock) -> bool:
    """A block that is mostly a link: a teaser, a related story, a menu entry."""
    return (block.link_density >= patterns.HTML_LINK_DENSITY
            and len(block.text) <= patterns.HTML_LINK_BLOCK_MAX_CHARS)


def annotate_surroundings(blocks: list[PageBlock]) -> None:
    """Fill each block's ``landmark`` and ``surroundings`` from its element and ancestors.

    Each element is looked at once: its answer is remembered for every block below it.
    """
    mark_page_wide(blocks)
    memo: dict[HtmlElement, tuple[str | None, str | None]] = {}
    for block in blocks:
        block.landmark, block.surroundings = element_surroundings(block.elem, memo)


def element_surroundings(el: HtmlElement, memo: dict[HtmlElement, tuple[str | None, str | None]]
                         ) -> tuple[str | None, str | None]:
    """(nearest landmark reason, nearest landmark-or-class reason) at or above ``el``."""
    chain = []
    node: HtmlElement | None = el
    while node is not None and node not in memo:
        chain.append(node)
        node = node.getparent() if node.tag != "body" else None
    found = memo[node] if node is not None else (None, None)
    for node in reversed(chain):
        landmark = landmark_reason(node)
        own = landmark or hint_reason(node)
        found = (landmark or found[0], own or found[1])
        memo[node] = found
    return found


def outside_reason(block: PageBlock) -> str:
    """Why a block outside the article is clutter, in the reader's words."""
    if block.kind == "image":
        return "image outside the article"
    if block.surroundings:
        return block.surroundings
    if is_link_block(block):
        return "links"
    if is_byline_line(block.text):
        return "byline"
    if is_date_line(block.text):
        return "date"
    return phrase_reason(block.text) or "outside the article"


# Prose: a block at least this long (a short sentence) ending in sentence punctuation.
MIN_PROSE_CHARS = 60
SENTENCE_ENDS = (".", "!", "?", "\u3002", "\u201d", '"', "\u2019", ")", ":")


# Surroundings that make even well-formed sentences furniture (a comment, a teaser's summary).
FURNITURE_SURROUNDINGS = frozenset({
    "navigation", "footer", "sidebar", "header", "popup", "comments", "related links",
    "newsletter prompt", "advertisement", "share bar", "cookie notice", "author bio", "back matter",
})


def is_prose(block: PageBlock) -> bool:
    """A block that reads like a paragraph of a story: a sentence or more, few links, no furniture
    phrase, and not inside a landmark (nav, footer, aside...)."""
    text = block.text
    return (len(text) >= MIN_PROSE_CHARS and text.rstrip().endswith(SENTENCE_ENDS)
            and block.link_density < patterns.HTML_LINK_DENSITY
            and phrase_reason(text) is None and block.landmark is None)


def is_story_prose(block: PageBlock) -> bool:
    """Prose whose surroundings name no furniture either: safe to restore into an article.

    Stricter than :func:`is_prose`, which scores whole regions, where a misleading class name
    on one wrapper must not sink the story inside it.
    """
    return is_prose(block) and block.surroundings not in FURNITURE_SURROUNDINGS
