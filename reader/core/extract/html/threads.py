"""A discussion thread: its first post is the story, the replies are comments.

Forum software shows each post as one of a row of sibling boxes of the same shape (same tag,
same classes but for numbers), each naming its poster. When such boxes hold nearly all of the
story, the page is a thread: the first box is what the reader saved, the others are replies,
kept visible as comments. Pages that call themselves articles (a live blog's timed entries also
come in boxes) are left alone unless they say they are forum postings.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from reader.core.extract import collapse_visible
from reader.core.extract.html.blocks import PageBlock
from reader.core.extract.html.classify import class_words, signature
from reader.core.extract.html.story import Verdict

# Class/id words that mark the element naming a post's author in forum software.
POSTER_WORDS = re.compile(r"(?<![^ ])(user|username|users|author|poster|member|nick|nickname|avatar"
                          r"|postauthor|postername|byline)(?![^ ])")
# A thread has a first post and at least one reply, by at least two people.
MIN_POSTS = 2
MIN_POSTERS = 2
# The posts must hold this share of the story's text: an article with a few boxed asides is
# not a thread. The hand-made thread pages hold 1.0; 0.8 leaves room for a thread's heading
# and a stray line of the forum's own text beside the posts.
THREAD_SHARE = 0.8
REPLY = Verdict("clutter", "comments")


def poster_of(el: HtmlElement) -> str | None:
    """The text of the element naming a box's poster (by class/id, rel or itemprop), or None."""
    for node in el.iter():
        if not isinstance(node.tag, str):
            continue
        names = f"{node.get('class') or ''} {node.get('id') or ''}".strip()
        if (node.get("rel") == "author" or node.get("itemprop") == "author"
                or names and POSTER_WORDS.search(" ".join(class_words(n) for n in names.split()))):
            return collapse_visible(node.text_content())
    return None


def by_several_posters(boxes: list[HtmlElement]) -> bool:
    """Each box names its poster and at least two posters differ: people answering each other,
    not one reporter's timed entries."""
    posters = [poster_of(box) for box in boxes]
    return None not in posters and len(set(posters)) >= MIN_POSTERS


def thread_posts(blocks: list[PageBlock], verdicts: list[Verdict]) -> list[HtmlElement]:
    """The post boxes of a thread in reading order, or [] when the story is not a thread."""
    chars: dict[HtmlElement, int] = {}
    total = 0
    for block, verdict in zip(blocks, verdicts, strict=True):
        if verdict.role == "story" and block.text:
            total += len(block.text)
            for el in (*block.path, block.elem):
                chars[el] = chars.get(el, 0) + len(block.text)
    groups: dict[tuple[HtmlElement | None, tuple[str, str]], list[HtmlElement]] = {}
    for el in chars:  # dicts keep insertion order: boxes come in reading order
        groups.setdefault((el.getparent(), signature(el)), []).append(el)
    best: list[HtmlElement] = []
    for boxes in groups.values():
        larger = sum(chars[b] for b in boxes) > sum(chars[b] for b in best)
        if len(boxes) >= MIN_POSTS and larger and by_several_posters(boxes):
            best = boxes
    return best if best and sum(chars[b] for b in best) >= THREAD_SHARE * total else []


def label_replies(blocks: list[PageBlock], verdicts: list[Verdict]) -> tuple[list[Verdict], bool]:
    """The verdicts with every post after the first labelled a comment, and whether the page
    is a thread at all."""
    posts = thread_posts(blocks, verdicts)
    if not posts:
        return verdicts, False
    replies = set(posts[1:])
    out = [REPLY if any(el in replies for el in (*block.path, block.elem)) and verdict.role != "title"
           else verdict for block, verdict in zip(blocks, verdicts, strict=True)]
    return out, True
