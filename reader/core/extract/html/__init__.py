"""Saved web pages (HTML, MHTML, webarchive) → Article.

Stages, each in its own module: parse once (html_parse) → gather metadata signals (metadata)
→ cut the body into blocks (html_blocks) → candidates: readability (html_readability) and our
whole-page classifier (html_fallback), one chosen by a pure function → our pass over the chosen
article (html_story) → title/byline/caption/image roles here → warnings.
"""

from __future__ import annotations

import logging
import re

from lxml.html import HtmlElement

from reader.core import errors
from reader.core.extract import hints as patterns
from reader.core.extract.guard import (
    MAX_DEPTH,
    MAX_NODES,
    Deadline,
    TreeReport,
    bound_markup,
    bound_tree,
    time_limit,
)
from reader.core.extract.html import fallback
from reader.core.extract.html.blocks import PageBlock, segment_blocks
from reader.core.extract.html.classify import annotate_surroundings
from reader.core.extract.html.images import local_image
from reader.core.extract.html.parse import body_of, parse_html, strip_invisible
from reader.core.extract.html.readability import readability_picks
from reader.core.extract.html.story import STORY, Verdict, judge_blocks
from reader.core.extract.html.threads import label_replies
from reader.core.extract.metadata import (
    PageSignals,
    gather_signals,
    jsonld_article,
    page_kind,
    read_metadata,
    split_title,
)
from reader.core.extract.notices import article_warnings
from reader.core.model import Article, Block, Notice, Source

# A page cut into more blocks than this is not one article (a hostile or a generated page);
# the rest is kept as clutter without being classified. The largest corpus page has 351, a long
# encyclopedia article a few thousand; 10,000 keeps an 11 MB page of paragraphs near 5 s here.
log = logging.getLogger(__name__)

MAX_BLOCKS = 10_000
# A caption belongs to an image at most this many blocks before or after it.
CAPTION_REACH = 3
# Detection time grows with the text; two paragraphs decide the language as well as ten.
LANGUAGE_SAMPLE_CHARS = 1200
# Said when the empty-body guard replaced the chosen story with the page's largest region.
UNCERTAIN_STORY = Notice("uncertain-story", "Sift could not tell this page's story from the rest "
                                            "with confidence, so it shows the largest stretch of "
                                            "text on the page.")
_TOO_DEEP = "boolean(" + "/*" * (MAX_DEPTH + 1) + ")"  # an element MAX_DEPTH levels below <html>
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})


def extract_html(source: Source, deadline: Deadline | None = None) -> Article:
    """Separate a saved page's story from its furniture, with its metadata and warnings.

    The tree is bounded (depth, size) right after parsing, and readability, the costliest
    stage, is skipped for our own candidate once the time budget is spent.
    """
    deadline = deadline or Deadline()
    text, cut = bound_markup(source.text)  # before parsing: the parser's memory grows per element
    root = parse_html(text, source.path.name)
    bounds = bound_tree(root) if beyond_bounds(root) else TreeReport()
    signals = gather_signals(root)  # before the scripts go: JSON-LD lives in <script>
    body = body_of(root)
    strip_invisible(body)
    page = segment_blocks(body)
    rest, page = page[MAX_BLOCKS:], page[:MAX_BLOCKS]
    annotate_surroundings(page)
    meta = read_metadata(signals, source.url)
    title = meta.title or source.title_hint
    kind = page_kind(signals)
    verdicts, how = choose_story(root, page, deadline)
    if how == fallback.NO_STORY:
        kind = kind or fallback.NO_STORY  # its not-an-article notice says what happened
    if kind == "forum" or not declares_article(signals):
        verdicts, thread = label_replies(page, verdicts)
        kind = "forum" if thread else kind
    blocks = label_page(source, page, verdicts, title)
    blocks += tuple(Block(role="clutter", text=b.text, reason="too long a page", kind=b.kind) for b in rest)
    language = page_language(meta.language, blocks)
    guarded = (UNCERTAIN_STORY,) if how == fallback.GUARDED else ()
    warnings = truncation(bounds, rest, cut) + guarded + page_warnings(page, blocks, signals, language, kind)
    return Article(path=source.path, format=source.format, title=title, blocks=blocks,
                   byline=meta.byline, published=meta.published, site=meta.site, language=language,
                   url=meta.url, warnings=warnings)


def choose_story(root: HtmlElement, page: list[PageBlock], deadline: Deadline
                 ) -> tuple[list[Verdict], str | None]:
    """The verdicts of the chosen candidate, unless the empty-body guard overrules them, and how
    (None, fallback.GUARDED or fallback.NO_STORY): see fallback.guard_story."""
    picks, theirs = choose_picks(root, page, deadline)
    return fallback.guard_story(page, judge_blocks(page, picks), theirs, judge_blocks)


def label_page(source: Source, page: list[PageBlock], verdicts: list[Verdict], title: str | None
               ) -> tuple[Block, ...]:
    """Every block with its role and reason: the chosen story, then headline, byline, images."""
    verdicts = label_headline(page, verdicts, title)
    verdicts = [Verdict("byline", "byline") if v.reason == "byline" else v for v in verdicts]
    images = [local_image(b.image, source) if b.image and v.role == "story" else None
              for b, v in zip(page, verdicts, strict=True)]
    verdicts = judge_images(page, verdicts, images)
    return tuple(to_block(b, v, img) for b, v, img in zip(page, verdicts, images, strict=True))


def beyond_bounds(root: HtmlElement) -> bool:
    """Whether the guard has work to do: too many elements, or one nested too deep (asked in C,
    three times faster than the guard's walk, which every ordinary page would otherwise pay)."""
    return bool(root.xpath("count(//*)") > MAX_NODES or root.xpath(_TOO_DEEP))


def truncation(bounds: TreeReport, rest: list[PageBlock], cut: bool = False) -> tuple[Notice, ...]:
    """A notice when the page was too large or too deep to be read whole."""
    if not bounds.changed and not rest and not cut:
        return ()
    return (Notice("truncated", "This page is unusually large or deeply nested; Sift shows the "
                                "part it could read."),)


def page_warnings(page: list[PageBlock], blocks: tuple[Block, ...], signals: PageSignals,
                  language: str | None, kind: str | None = None) -> tuple[Notice, ...]:
    """Paywall, not-an-article and language notices from what the extraction found."""
    story_chars = sum(len(b.text) for b in blocks if b.role == "story")
    link_blocks = sum(1 for b in page if b.link_density >= patterns.HTML_LINK_DENSITY)
    page_text = " ".join(b.text for b in page if len(b.text) <= patterns.HTML_PHRASE_MAX_CHARS)
    return article_warnings(story_chars, link_blocks, page_text, marked_paid(signals),
                            declares_article(signals), language, kind)


def choose_picks(root: HtmlElement, page: list[PageBlock], deadline: Deadline
                 ) -> tuple[set[int], set[int] | None]:
    """readability's article or ours, whichever choose_candidate trusts; and readability's own.

    Our candidate is only computed when it could win: its text can never exceed the page's.
    """
    if deadline.expired():
        return fallback.fallback_picks(page), None
    try:  # readability cannot check the deadline itself; past it, our candidate stands alone
        with time_limit("readability", deadline.remaining()):
            theirs = readability_picks(root, page)
    except errors.Timeout:
        log.info("readability ran past the extraction deadline; our candidate stands alone")
        theirs = None
    theirs_chars = fallback.story_chars(page, theirs) if theirs is not None else None
    page_chars = sum(len(b.text) for b in page)
    if fallback.choose_candidate(theirs_chars, page_chars) == "readability" and theirs:
        return theirs, theirs  # readability wins even against a candidate holding the whole page
    ours = fallback.fallback_picks(page)
    choice = fallback.choose_candidate(theirs_chars, fallback.story_chars(page, ours))
    return ((theirs or set()) if choice == "readability" else ours), theirs


def comparable(text: str) -> str:
    """Text as two headlines are compared: case, quotes and spacing ignored."""
    return " ".join(text.translate(_QUOTES).casefold().split())


def is_headline(text: str, title: str) -> bool:
    a, b = comparable(text), comparable(title)
    if not a or not b:
        return False
    head = comparable(split_title(title)[0])
    return a in (b, head) or (len(a) > 20 and (b.startswith(a) or a.startswith(head)))


def label_headline(page: list[PageBlock], verdicts: list[Verdict], title: str | None) -> list[Verdict]:
    """The story's own headline block becomes the title, so it is never repeated in the body.

    Only the first matching heading (or the first block at all) before the story's first
    paragraph counts; an <h1> standing before the story that does not match is a headline too.
    """
    out = list(verdicts)
    for i, (block, verdict) in enumerate(zip(page, verdicts, strict=True)):
        if verdict.role != "story":
            if title and is_headline(block.text, title) and block.kind == "heading":
                out[i] = Verdict("title")
                break
            continue
        if title and is_headline(block.text, title):
            out[i] = Verdict("title")
            break
        if block.kind == "heading" and block.level == 1:
            out[i] = Verdict("clutter", "headline")
            break
        if block.kind == "paragraph" and len(block.text) > 80:
            break
    if title:  # a second copy of the headline (a sticky header, a print title) is not story
        for i, (block, verdict) in enumerate(zip(page, out, strict=True)):
            if verdict.role == "story" and comparable(block.text) == comparable(title):
                out[i] = Verdict("clutter", "title repeated")
    return out


def judge_images(page: list[PageBlock], verdicts: list[Verdict], images: list[str | None]) -> list[Verdict]:
    """Images stay only when saved with the page; captions only beside an image that stays."""
    out = list(verdicts)
    figures = images_by_figure(page)
    for i, (block, verdict) in enumerate(zip(page, verdicts, strict=True)):
        if block.kind == "image" and verdict.role == "story" and not images[i]:
            out[i] = Verdict("clutter", "remote image")
        elif block.kind == "caption" or verdict.reason in ("caption", "image credit"):
            near = any(images[j] for j in captioned_images(page, i, figures))
            captioning = verdict.role == "story" or verdict.reason == "caption"
            if near and verdict.reason != "image credit" and captioning:
                out[i] = STORY
            elif captioning:
                out[i] = Verdict("clutter", "caption without image")
    return out


def nearest_figure(block: PageBlock) -> HtmlElement | None:
    return next((el for el in reversed(block.path) if el.tag == "figure"), None)


def images_by_figure(page: list[PageBlock]) -> dict[HtmlElement, list[int]]:
    """The image blocks of each <figure>, so a caption finds its images in one look-up."""
    figures: dict[HtmlElement, list[int]] = {}
    for j, block in enumerate(page):
        figure = nearest_figure(block) if block.kind == "image" else None
        if figure is not None:
            figures.setdefault(figure, []).append(j)
    return figures


def captioned_images(page: list[PageBlock], i: int, figures: dict[HtmlElement, list[int]]) -> list[int]:
    """The image blocks a caption describes: those of its <figure>, else the nearest image."""
    figure = nearest_figure(page[i])
    if figure is not None:
        return figures.get(figure, [])
    reach = range(max(0, i - CAPTION_REACH), min(len(page), i + CAPTION_REACH + 1))
    near = sorted((j for j in reach if page[j].kind == "image"), key=lambda j: (abs(j - i), j > i))
    return near[:1]


def to_block(block: PageBlock, verdict: Verdict, image: str | None) -> Block:
    return Block(role=verdict.role, text=block.text, reason=verdict.reason, kind=block.kind,
                 level=block.level, image=image, rows=block.rows)


def page_language(declared: str | None, blocks: tuple[Block, ...]) -> str | None:
    """The primary language subtag <html lang> declares, else the one the story reads in."""
    if declared:
        primary = re.split(r"[-_]", declared.strip().lower())[0]
        if re.fullmatch(r"[a-z]{2,3}", primary):
            return primary
    from reader.core.extract.language import detect_language

    story = " ".join(b.text for b in blocks if b.role == "story")
    return detect_language(story[:LANGUAGE_SAMPLE_CHARS])


def declares_article(signals: PageSignals) -> bool:
    """The page calls itself an article (og:type or a JSON-LD article object)."""
    og_type = (signals.first(("og:type",)) or "").lower()
    return og_type == "article" or bool(jsonld_article(signals).get("@type"))


def marked_paid(signals: PageSignals) -> bool:
    """The page's JSON-LD says the article is not free to read."""
    value = jsonld_article(signals).get("isAccessibleForFree")
    return str(value).strip().lower() in ("false", "0", "no")
