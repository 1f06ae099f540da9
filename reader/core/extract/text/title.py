"""The title, site name and byline of a plain-text article.

The title is detected, not assumed: among the blocks shortly before the story it is the one
shaped like a headline (a few words, no closing full stop, not furniture) that shares the most
words with the story, nearer blocks winning ties. A site name written on the title line
(" - Site", " | Site", "Opinion | ") is moved to ``site``.
"""

from __future__ import annotations

import re
from collections import Counter

from reader.core.extract import hints as patterns
from reader.core.extract.text.blocks import TextBlock
from reader.core.extract.text.features import content_words, title_case_ratio, tokens

# How many blocks before the story the title may sit (dates, bylines, share bars and photo
# credits come between them on rendered pages; the titles found on the dev renderings sit
# 1-24 blocks before the story, half of them within 4).
TITLE_WINDOW = 25
# Headlines have 2-30 words; longer blocks are standfirsts or paragraphs.
TITLE_MIN_WORDS = 2
TITLE_MAX_WORDS = 30
# Header menus of flat texts are one- or two-word lines ("World", "Sign in"); titles are longer.
FLAT_TITLE_MIN_WORDS = 3
# A title heads a story of at least two paragraphs; a text of one or two lines is a note.
FLAT_TITLE_MIN_BLOCKS_AFTER = 2
# Score weights, hand-set: overlap with the story dominates, shape and closeness break ties.
OVERLAP_WEIGHT = 3.0
HEADING_BONUS = 1.5
DISTANCE_PENALTY = 0.04
LIST_ITEM_PENALTY = 1.0
# A line ending in "›" or "»" is a breadcrumb or a link, not a headline.
CRUMB_PENALTY = 2.0
# The story's own first block is taken for the title only when headline-short: leads without a
# closing full stop run longer than 20 words, and the seed's and corpus titles are 3-20 words.
OPENING_TITLE_MAX_WORDS = 20
# Headlines seldom end with a full stop, but some do ("... They just might be.").
CLOSING_STOP_PENALTY = 1.0
# Below this score no block is a believable title (a menu word with no story words scores ~0).
MIN_TITLE_SCORE = 0.6
# A site name beside the title is at most this many words (evaluate.py allows 5).
SITE_MAX_WORDS = 5
# Bylines are short: "By Jane Doe and John Roe, Reuters".
BYLINE_MAX_WORDS = 12

_SUFFIX = re.compile(r"^(?P<title>.+?\S)\s+(?P<sep>[|\-–—])\s+(?P<site>[^|\-–—]+?)\s*$")
_PREFIX = re.compile(r"^(?P<site>[^|]+?)\s+\|\s+(?P<title>.+\S)\s*$")
# "By" and names; a full stop only after an initial ("John F. Kennedy") or inside a word
# ("NJ.com"), so a sentence starting with "By" is never a byline.
_BYLINE = re.compile(r"^by\s+(?P<names>[^\W\d_]([^.!?]|(?<=\b[A-Z])\.|\.(?=\S))*)$", re.I | re.U)
_TRAILING_WEEKDAY = re.compile(
    r"([,\s]+(on|(mon|tues|wednes|thurs|fri|satur|sun)day|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|"
    r"june?|july?|aug(ust)?|sep(t|tember)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?)+\W*$", re.I)
_CRUMB_END = re.compile(r"[›»>/|]\s*$")
_CLOSING_STOP = re.compile(r"[.。]['\"”’)]*$")


def title_score(block: TextBlock, distance: int, story_vocab: Counter[str]) -> float:
    """How believable a block is as the title of a story with the given vocabulary."""
    count = tokens(block.content)
    if not TITLE_MIN_WORDS <= count <= TITLE_MAX_WORDS:
        return 0.0
    if patterns.boilerplate_reason(block.raw) or _BYLINE.match(block.content):
        return 0.0
    words = content_words(block.content)
    overlap = sum(1 for w in words if story_vocab[w]) / len(words) if words else 0.0
    score = OVERLAP_WEIGHT * overlap + 0.5 * title_case_ratio(block.content) - DISTANCE_PENALTY * distance
    if _CLOSING_STOP.search(block.content):
        score -= CLOSING_STOP_PENALTY
    if _CRUMB_END.search(block.content):
        score -= CRUMB_PENALTY
    if block.kind == "heading":
        score += HEADING_BONUS / block.level
    elif block.kind == "list-item":
        score -= LIST_ITEM_PENALTY
    return score


def find_title(blocks: list[TextBlock], first: int, story: list[int]) -> int | None:
    """Index of the title: a block before the story's first block, or that block itself
    when it reads as a headline (short, and unpunctuated or opening the text)."""
    vocab: Counter[str] = Counter()
    for i in story:
        vocab.update(content_words(blocks[i].content))
    opening = blocks[first]
    others = vocab - Counter(content_words(opening.content))  # the opening judged by the rest
    if tokens(opening.content) <= OPENING_TITLE_MAX_WORDS and (
            first == 0 or not _CLOSING_STOP.search(opening.content)):
        first += 1
    best, best_score = None, MIN_TITLE_SCORE
    for i in range(first - 1, max(-1, first - 1 - TITLE_WINDOW), -1):
        score = title_score(blocks[i], first - 1 - i, others if blocks[i] is opening else vocab)
        if score > best_score:
            best, best_score = i, score
    return best


def first_headline(blocks: list[TextBlock], first: int, furniture: list[str | None]) -> int | None:
    """In a flat text (one paragraph per line), the title is its first line of a few words
    that is not page furniture: what comes before it is the page header ("Home", "Sign in")."""
    for i in range(0, min(first + 1, len(blocks) - FLAT_TITLE_MIN_BLOCKS_AFTER)):
        if furniture[i] or _BYLINE.match(blocks[i].content):
            continue
        if FLAT_TITLE_MIN_WORDS <= tokens(blocks[i].content) <= TITLE_MAX_WORDS:
            return i
    return None


def split_site(line: str) -> tuple[str, str | None]:
    """(title, site) from a title line such as "Story - Site" or "Opinion | Story"."""
    suffix = _SUFFIX.match(line)
    if suffix and is_site_name(suffix.group("site"), strict=suffix.group("sep") != "|") \
            and tokens(suffix.group("title")) >= TITLE_MIN_WORDS:
        return suffix.group("title"), suffix.group("site")
    prefix = _PREFIX.match(line)
    if prefix and is_site_name(prefix.group("site"), strict=False) \
            and tokens(prefix.group("title")) > tokens(prefix.group("site")):
        return prefix.group("title"), prefix.group("site")
    return line, None


def is_site_name(text: str, strict: bool) -> bool:
    """A short name: few words, no sentence punctuation; capitalised words when ``strict``."""
    words = text.split()
    if not 1 <= len(words) <= SITE_MAX_WORDS or re.search(r"[,;!?]|[.:]$", text):
        return False
    if not strict:
        return True
    return all(w[0].isupper() or w[0].isdigit() or "." in w for w in words if len(w) > 3)


def byline_names(text: str) -> str | None:
    """The names of a "By ..." line, or None when the line is not a byline."""
    match = _BYLINE.match(text.strip())
    if not match or tokens(text) > BYLINE_MAX_WORDS:
        return None
    names = clean_names(match.group("names"))
    if not names or not names[0].isupper():
        return None
    return names


def clean_names(text: str) -> str:
    """The author names of a byline without the date, role or counters written after them
    (the weekday or month of a cut-off date goes too),
    several authors joined by ", " ("A, B and C" → "A, B, C")."""
    parts = re.split(r"\s+[-–—|•·]\s+|\s+(?=\S*\d)", text, maxsplit=1)
    text = parts[0] if len(parts) == 1 else _TRAILING_WEEKDAY.sub("", parts[0])
    text = text.strip(" ,;|")
    return re.sub(r",?\s+(?:and|&)\s+", ", ", text)
