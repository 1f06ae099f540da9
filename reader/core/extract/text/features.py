"""Features of a text block that tell story from clutter, for the learned block scorer.

Generic by design (no site names, no corpus phrases): the block's shape (length, sentence
punctuation, title-case headline shape, list and tail markers), its place among its neighbours
(runs of short headline-like lines, prose before and after), its indentation relative to the
prose, and its topical coherence with the rest of the page's prose.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from reader.core.extract import hints as patterns
from reader.core.extract.text.blocks import TextBlock

_WORD = re.compile(r"\w+", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?…。！？]['\"”’)\]]*$")
_INNER_SENTENCE = re.compile(r"\w[.!?。！？]['\"”’]?\s+['\"“‘(]?[A-Z]")
_TAIL_MARKER = re.compile(r"(\s[-–—|»›]|\s?›|\s?»)$")
_PIPE_OR_ARROW = re.compile(r"[|»›]")
_DIGIT = re.compile(r"\d")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")

# Every stage asks about the same lines; caching by text keeps a page to a few ms. The caches
# are unbounded within one extraction (a bounded LRU thrashes on long texts read in order) and
# emptied by forget_text_cache() when it ends.
TEXT_CACHE_SIZE = None

# Running prose has well over this share of lowercase-initial words (the corpus's story
# paragraphs: > 0.5); title-case headlines and menus have less.
PROSE_MIN_LOWER_SHARE = 0.3
# A teaser's headline is repeated within this many blocks (headline link, then image link).
TEASER_COPY_DISTANCE = 2

FEATURE_NAMES: tuple[str, ...] = (
    "bias", "log_tokens", "sentence_end", "inner_sentences", "tail_marker", "list_item",
    "heading", "title_case", "lower_start", "commas", "digits", "boilerplate", "topic_overlap",
    "prose_prev", "prose_next", "prose_prev2", "prose_next2", "short_run", "indent_offset",
    "position", "no_letters", "pipe_or_arrow", "quote_start", "duplicate", "prose_run",
)


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def tokens(text: str) -> int:
    """Length in words; CJK characters count half a word each (no spaces between words)."""
    cjk = len(_CJK.findall(text))
    return len(text.split()) + cjk // 2


def is_prose(block: TextBlock) -> bool:
    """A full sentence or more: the unmistakable shape of story text."""
    return is_prose_text(block.content)


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def is_prose_text(text: str) -> bool:
    """is_prose on the text itself, cached."""
    return tokens(text) >= patterns.TEXT_PROSE_MIN_WORDS and bool(
        _SENTENCE_END.search(text)) and lower_start_ratio(text) > PROSE_MIN_LOWER_SHARE


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def title_case_ratio(text: str) -> float:
    """Share of longer words that start with a capital: high in headlines and menus."""
    words = [w for w in _WORD.findall(text) if len(w) >= 4 and is_cased(w[0])]
    return sum(w[0].isupper() for w in words) / len(words) if words else 0.0


def forget_text_cache() -> None:
    """Empty the per-text caches once a document is done, so they never grow across files."""
    for cached in (tokens, is_prose_text, lower_start_ratio, content_words, title_case_ratio):
        cached.cache_clear()


def is_cased(char: str) -> bool:
    """Letters of scripts with capitals (Latin, Cyrillic, Greek ...); CJK has none."""
    return char.isupper() or char.islower()


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def lower_start_ratio(text: str) -> float:
    """Share of words that start lowercase: high in running prose, low in menus and headlines."""
    words = [w for w in _WORD.findall(text) if is_cased(w[0])]
    if not words:
        return 1.0 if _CJK.search(text) else 0.0
    if len(_CJK.findall(text)) > len(text) / 2:
        return 1.0  # Chinese, Japanese, Korean prose: the Latin words in it are names
    return sum(w[0].islower() for w in words) / len(words)


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def content_words(text: str) -> frozenset[str]:
    """Lowercased words long enough to carry the topic."""
    return frozenset(w.lower() for w in _WORD.findall(text)
                     if len(w) >= patterns.TEXT_TOPIC_WORD_MIN and not w.isdigit())


def topic_vocabulary(blocks: list[TextBlock]) -> Counter[str]:
    """How many prose blocks each content word occurs in: the page's topic."""
    vocab: Counter[str] = Counter()
    for block in blocks:
        if is_prose(block):
            vocab.update(content_words(block.content))
    return vocab


def topic_overlap(block: TextBlock, vocab: Counter[str], own: bool) -> float:
    """Share of the block's content words that other prose blocks also use."""
    words = content_words(block.content)
    if not words:
        return 0.0
    shared = sum(vocab[w] - own > 0 for w in words)
    return shared / len(words)


def short_runs(flags: list[bool]) -> list[int]:
    """For each block, the length of the run of consecutive non-prose blocks it sits in."""
    runs = [0] * len(flags)
    start = 0
    for i in range(len(flags) + 1):
        if i == len(flags) or flags[i]:
            for j in range(start, i):
                runs[j] = i - start
            start = i + 1
    return runs


def prose_runs(flags: list[bool]) -> list[int]:
    """For each prose block, how many prose blocks in a row it stands among (0 otherwise):
    a story is a long run, a teaser's one-sentence summary a run of one."""
    inverse = short_runs([not f for f in flags])
    return [inverse[i] if flags[i] else 0 for i in range(len(flags))]


def prose_indent(blocks: list[TextBlock], prose: list[bool]) -> int:
    """The most common indentation of prose blocks (renderings indent the article body)."""
    counts = Counter(b.indent for b, p in zip(blocks, prose, strict=True) if p)
    return counts.most_common(1)[0][0] if counts else 0


def page_furniture(blocks: list[TextBlock]) -> list[str | None]:
    """Each block's furniture reason: boilerplate vocabulary, or "teaser" for a repeated block
    of several words that is a list item or stands next to its copy (teaser lists repeat
    their headlines; a photo caption repeated through a story does neither)."""
    counts = Counter(b.content for b in blocks)
    reasons = []
    for i, block in enumerate(blocks):
        reason = patterns.boilerplate_reason(block.raw)
        repeated = counts[block.content] > 1 and tokens(block.content) >= patterns.TEXT_TEASER_MIN_WORDS
        if reason is None and repeated:
            near = any(0 <= j < len(blocks) and j != i and blocks[j].content == block.content
                       for j in range(i - TEASER_COPY_DISTANCE, i + TEASER_COPY_DISTANCE + 1))
            if near or block.kind == "list-item":
                reason = "teaser"
        reasons.append(reason)
    return reasons


def block_features(blocks: list[TextBlock], furniture: list[str | None] | None = None) -> list[list[float]]:
    """One feature vector per block, in FEATURE_NAMES order.

    ``furniture`` is page_furniture(blocks), when the caller has it already.
    """
    if furniture is None:
        furniture = page_furniture(blocks)
    prose = [is_prose(b) for b in blocks]
    vocab = topic_vocabulary(blocks)
    runs = short_runs(prose)
    story_runs = prose_runs(prose)
    seen = Counter(b.content for b in blocks)
    indent = prose_indent(blocks, prose)
    n = len(blocks)

    def near(i: int) -> float:
        """1.0 when block i exists and is prose."""
        return 1.0 if 0 <= i < n and prose[i] else 0.0

    rows = []
    for i, block in enumerate(blocks):
        text = block.content
        count = tokens(text)
        rows.append([
            1.0,
            math.log1p(count),
            1.0 if _SENTENCE_END.search(text) else 0.0,
            min(len(_INNER_SENTENCE.findall(text)), 5) / 5,
            1.0 if _TAIL_MARKER.search(block.raw) else 0.0,
            1.0 if block.kind == "list-item" else 0.0,
            1.0 if block.kind == "heading" else 0.0,
            title_case_ratio(text),
            lower_start_ratio(text),
            min(text.count(",") / max(count, 1), 0.5) * 2,
            len(_DIGIT.findall(text)) / max(len(text), 1),
            1.0 if furniture[i] else 0.0,
            topic_overlap(block, vocab, prose[i]),
            near(i - 1), near(i + 1), near(i - 2), near(i + 2),
            math.log1p(runs[i]) if not prose[i] else 0.0,
            max(-1.0, min(1.0, (block.indent - indent) / 8)) if indent or block.indent else 0.0,
            i / max(n - 1, 1),
            0.0 if any(c.isalpha() for c in text) else 1.0,
            1.0 if _PIPE_OR_ARROW.search(block.raw) else 0.0,
            1.0 if text[:1] in "\"“‘'«" else 0.0,
            1.0 if seen[text] > 1 else 0.0,
            math.log1p(story_runs[i]),
        ])
    return rows
