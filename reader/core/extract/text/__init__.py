"""Plain-text articles (.txt, .md, text without markup) → Article.

Stages, each in its own module: split the text into blocks (text_blocks), score how story-like
each block is with a small learned model over generic features (text_features, text_model),
find the story's stretch and give every other block its reason (text_regions), then detect the
title, site and byline before the story (text_title). Kept blocks keep their source text with
only whitespace collapsed (and Markdown markers removed from headings and list items).
"""

from __future__ import annotations

from reader.core.extract.language import detect_language, language_notice
from reader.core.extract.text.blocks import TextBlock, split_blocks
from reader.core.extract.text.features import forget_text_cache, page_furniture
from reader.core.extract.text.markdown import MARKDOWN_SUFFIXES, plain_inline
from reader.core.extract.text.regions import (
    Verdict,
    announced_list,
    end_before_tail,
    fill_flat_body,
    inside_reasons,
    is_flat,
    outside_reasons,
    story_stretch,
)
from reader.core.extract.text.scorer import story_probabilities
from reader.core.extract.text.title import byline_names, find_title, first_headline, split_site
from reader.core.model import Article, Block, Source

# The byline sits between the title and the story or opens the story: look this many blocks in.
BYLINE_LOOKAHEAD = 2


def extract_text(source: Source) -> Article:
    """Separate a plain-text article's story from its clutter and read its title and byline."""
    try:
        return build_article(source)
    finally:
        forget_text_cache()


def build_article(source: Source) -> Article:
    """The article of extract_text: blocks classified, then title, site, byline and language."""
    blocks = split_blocks(source.text)
    verdicts = classify_blocks(blocks)
    markdown = source.path.suffix.lower() in MARKDOWN_SUFFIXES
    title = site = byline = None
    out: list[Block] = []
    for block, (role, reason) in zip(blocks, verdicts, strict=True):
        text = block.content if role in ("story", "title") else block.raw
        if markdown and role != "clutter":
            text = plain_inline(text)
        if role == "title":
            title, site = split_site(text)
        elif role == "byline":
            byline = byline_names(text)
        kind = block.kind if role == "story" else "paragraph"
        out.append(Block(role=role, text=text, reason=reason, kind=kind,
                         level=block.level if role == "story" else 0))
    body = "\n\n".join(b.text for b in out if b.role == "story")
    language = detect_language(body or source.text)
    notice = language_notice(language)
    return Article(path=source.path, format=source.format, title=title, blocks=tuple(out),
                   byline=byline, site=site, language=language, url=source.url,
                   warnings=(notice,) if notice else ())


def classify_blocks(blocks: list[TextBlock]) -> list[Verdict]:
    """(role, reason) for every block: title, byline, story or clutter with why."""
    if not blocks:
        return []
    furniture = page_furniture(blocks)
    probabilities = story_probabilities(blocks, furniture)
    # No block votes for a stretch (a story told as a list): all but the leading furniture is.
    first, last = story_stretch(blocks, probabilities, furniture) or (
        next((i for i, f in enumerate(furniture) if not f), 0), len(blocks) - 1)
    announced = announced_list(blocks, furniture, last)
    last = announced.stop - 1 if announced else last
    last, closing, tail = end_before_tail(blocks, furniture, first, last)
    inside = inside_reasons(blocks, probabilities, furniture, first, last)
    outside = outside_reasons(furniture, first, last)
    verdicts: list[Verdict] = []
    for i in range(len(blocks)):
        if i in closing or i in announced:
            verdicts.append(("story", None))
        elif first <= i <= last:
            reason = inside[i - first]
            verdicts.append(("story", None) if reason is None else ("clutter", reason))
        else:
            verdicts.append(("clutter", outside[i]))
    flat = is_flat(blocks)
    title = first_headline(blocks, first, furniture) if flat else None
    mark_title_and_byline(blocks, verdicts, first, title)
    if flat:
        fill_flat_body(verdicts, furniture, tail)
    return verdicts


def mark_title_and_byline(blocks: list[TextBlock], verdicts: list[Verdict], first: int,
                          title: int | None) -> None:
    """Mark the title (found here unless given) and a "By ..." line near it, in place."""
    if title is None:
        story = [i for i, (role, _) in enumerate(verdicts) if role == "story"]
        title = find_title(blocks, first, story)
    if title is not None:
        verdicts[title] = ("title", None)
    start = title + 1 if title is not None else first
    for i in range(start, min(len(blocks), max(first, start) + BYLINE_LOOKAHEAD)):
        if byline_names(blocks[i].content):
            verdicts[i] = ("byline", None)
            break
