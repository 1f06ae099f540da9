"""Plain-text articles (.txt, .md, text without markup) → Article.

Stages, each in its own module: split the text into blocks (text_blocks), score how story-like
each block is with a small learned model over generic features (text_features, text_model),
find the story's stretch and give every other block its reason (text_regions), then detect the
title, site and byline before the story (text_title). Kept blocks keep their source text with
only whitespace collapsed (and Markdown markers removed from headings and list items).
"""

from __future__ import annotations

from collections import Counter

from reader.core.extract import patterns
from reader.core.extract.language import detect_language
from reader.core.extract.text_blocks import TextBlock, split_blocks
from reader.core.extract.text_features import content_words, forget_text_cache, is_prose, page_furniture
from reader.core.extract.text_model import story_probabilities
from reader.core.extract.text_regions import INSIDE_DROP_REASONS, inside_reasons, outside_reasons, story_stretch
from reader.core.extract.text_tails import MAX_CLOSING_LINES, is_headline_like, line_format, tail_start
from reader.core.extract.text_title import byline_names, find_title, first_headline, split_site
from reader.core.model import Article, Block, Source

# Furniture that never closes a story, even just before its tail, nor stays in a flat text's
# story; dates and credits do, in the texts people copy (a tour's dates, "Photo: Reuters").
CLOSING_EXCLUDED = (INSIDE_DROP_REASONS | {"link tail"}) - {"date", "image credit"}
# The byline sits between the title and the story or opens the story: look this many blocks in.
BYLINE_LOOKAHEAD = 2


def extract_text(source: Source) -> Article:
    """Separate a plain-text article's story from its clutter and read its title and byline."""
    blocks = split_blocks(source.text)
    try:
        verdicts = classify_blocks(blocks)
    finally:
        forget_text_cache()
    title = site = byline = None
    out: list[Block] = []
    for block, (role, reason) in zip(blocks, verdicts):
        if role == "title":
            title, site = split_site(block.content)
        elif role == "byline":
            byline = byline_names(block.content)
        text = block.content if role in ("story", "title") else block.raw
        kind = block.kind if role == "story" else "paragraph"
        out.append(Block(role=role, text=text, reason=reason, kind=kind,
                         level=block.level if role == "story" else 0))
    body = "\n\n".join(b.text for b in out if b.role == "story")
    return Article(path=source.path, format=source.format, title=title, blocks=tuple(out),
                   byline=byline, site=site, language=detect_language(body or source.text),
                   url=source.url)


Verdict = tuple[str, str | None]


def classify_blocks(blocks: list[TextBlock]) -> list[Verdict]:
    """(role, reason) for every block: title, byline, story or clutter with why."""
    if not blocks:
        return []
    furniture = page_furniture(blocks)
    probabilities = story_probabilities(blocks, furniture)
    stretch = story_stretch(blocks, probabilities, furniture)
    if stretch is None:
        return [("story", None)] * len(blocks)
    first, last = stretch
    announced = announced_list(blocks, furniture, last)
    last, closing, tail = end_before_tail(blocks, furniture, first, announced.stop - 1 if announced else last)
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


def announced_list(blocks: list[TextBlock], furniture: list[str | None], last: int) -> range:
    """The list the stretch's last line announces ("... tour dates:"): the following lines
    of one format, up to the first line of another. Its items are story however short."""
    if not blocks[last].content.rstrip().endswith(":"):
        return range(0)
    shape = line_format(blocks[last + 1]) if last + 1 < len(blocks) else None
    i = last + 1
    while i < len(blocks) and furniture[i] is None and is_headline_like(blocks[i]) \
            and line_format(blocks[i]) == shape and (i == last + 1 or not blocks[i].blank_before) \
            and not blocks[i].content.endswith(":"):
        i += 1
    return range(last + 1, i)


def is_flat(blocks: list[TextBlock]) -> bool:
    """One paragraph per line, nothing indented: text copied out of a browser, like the seed.

    Such a text has no page furniture of its own between title and tail: every line is what
    the page showed there, so the story is the whole run of lines from title to tail.
    """
    if any(b.indent for b in blocks):
        return False
    groups = sum(b.blank_before for b in blocks)
    return groups == 1 or groups == len(blocks)


def fill_flat_body(verdicts: list[Verdict], furniture: list[str | None], tail: int | None) -> None:
    """In a flat text, keep every line between the title and the tail but outright furniture."""
    roles = [role for role, _ in verdicts]
    story = [i for i, role in enumerate(roles) if role == "story"]
    if not story:
        return
    start = roles.index("title") + 1 if "title" in roles else story[0]
    end = tail if tail is not None else story[-1] + 1
    for i in range(start, end):
        if roles[i] == "clutter" and furniture[i] not in CLOSING_EXCLUDED:
            verdicts[i] = ("story", None)


def end_before_tail(blocks: list[TextBlock], furniture: list[str | None],
                    first: int, last: int) -> tuple[int, range, int | None]:
    """The story's last block once a closing link tail is cut off, and its closing lines.

    Also returns where the tail starts. Closing lines are the few short lines between the last voted block and the tail (a
    credit such as "© Reuters", a "___" rule): they end the story rather than start the tail.
    """
    vocab: Counter[str] = Counter()
    for i in range(first, last + 1):
        if is_prose(blocks[i]):
            vocab.update(content_words(blocks[i].content))
    start = tail_start(blocks, furniture, vocab)
    if start is None or start <= first:
        return last, range(0), None
    if start <= last:
        return start - 1, range(0), start
    gap = range(last + 1, start)
    if len(gap) <= MAX_CLOSING_LINES and all(furniture[i] not in CLOSING_EXCLUDED for i in gap):
        return last, gap, start
    return last, range(0), start


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
