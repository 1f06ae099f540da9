"""Link tails: the run of unrelated headlines that closes many saved articles.

Read backwards from the end of the text: past the footer furniture (share bar, copyright,
privacy links), a tail is a run of headline-shaped lines that share one format (the same
bullet, or the same trailing " -" or " | site"), that say little about the story, and that
are introduced by a heading or separator ("Trending now", "Advertisement", "-") if any.
Knowing where the tail starts fixes the story's end: a credit line such as "© Reuters" just
before the tail is the story's last line, and the tail's first headline never joins the story.
"""

from __future__ import annotations

import re
from collections import Counter

from reader.core.extract.text.blocks import TextBlock
from reader.core.extract.text.features import content_words, tokens

# A tail has at least this many headlines; two lines of a different shape are not yet a list.
MIN_TAIL_RUN = 3
# Headlines are shorter than this many words (the longest tail line in the corpus has ~30).
MAX_HEADLINE_WORDS = 40
# Tail headlines share at most this share of their words with the story on average (the dev
# corpus's tails share 0.06 at the median and 0.20 at most; a list about the story shares more).
MAX_TAIL_OVERLAP = 0.35
# The list's format is the commonest among its last few lines...
SHAPE_SAMPLE = 5
# ...and one line of another format (the last headline often lacks the trailing " -") is let in.
MAX_ODD_LINES = 1
# Furniture that may introduce a tail (its heading or separator).
TAIL_HEADERS = frozenset({"link tail", "separator", "related link"})
# A newsletter box often stands right above a tail; inside one it is just another item.
HEADING_ONLY = frozenset({"newsletter prompt"})
# A separator line this short is an empty list item ("-"); a longer one ("___") is a rule.
MAX_EMPTY_ITEM_CHARS = 2
# "Advertisement" alone heads a tail; a longer sponsored line ("X BrandVoice | Paid Program")
# is an item inside it.
MAX_LABEL_WORDS = 2
# Between the story's last voted block and the tail, at most this many short lines (credits,
# "___", a disclaimer) are the story's closing lines.
MAX_CLOSING_LINES = 2

_BULLET = re.compile(r"^([-*+•·▪►◦–—»]|\d{1,3}[.)])\s*")
_TRAILING_DASH = re.compile(r"\s[-–—]$")
_TRAILING_DOMAIN = re.compile(r"\s\|\s*[\w.-]+\.[a-z]{2,}$", re.I)
_CLOSING_STOP = re.compile(r"[.。]['\"”’)]*$")


def line_format(block: TextBlock) -> tuple[str, str]:
    """(leading bullet, trailing marker) of a line: what the lines of one list share."""
    bullet = _BULLET.match(block.raw)
    lead = "" if not bullet else ("1" if bullet.group(1)[0].isdigit() else bullet.group(1))
    trail = "-" if _TRAILING_DASH.search(block.raw) else "|" if _TRAILING_DOMAIN.search(block.raw) else ""
    return lead, trail


def is_headline_like(block: TextBlock) -> bool:
    """Short, without a closing full stop: how a linked headline reads."""
    return 0 < tokens(block.content) <= MAX_HEADLINE_WORDS and not _CLOSING_STOP.search(block.content)


def tail_start(blocks: list[TextBlock], furniture: list[str | None], story_vocab: Counter[str]) -> int | None:
    """Index of the first block of the closing link tail (its heading included), or None."""
    end = len(blocks) - 1
    while end >= 0 and furniture[end] and not is_tail_heading(blocks[end], furniture[end]):
        end -= 1
    sample = slice(max(0, end - SHAPE_SAMPLE + 1), end + 1)
    shape = common_format([b for b, f in zip(blocks[sample], furniture[sample], strict=True) if not f])
    run: list[int] = []
    odd_lines = 0
    for i in range(end, -1, -1):
        if furniture[i]:
            if is_tail_heading(blocks[i], furniture[i]):
                break
            continue  # a sponsored line or a stray footer link inside the list
        if not is_headline_like(blocks[i]):
            break
        if not same_list(line_format(blocks[i]), shape):
            odd_lines += 1
            if odd_lines > MAX_ODD_LINES:
                break
        run.append(i)
    while run and not same_list(line_format(blocks[run[-1]]), shape):
        run.pop()  # the list starts with a line of its own format
    if len(run) < MIN_TAIL_RUN or mean_overlap([blocks[i] for i in run], story_vocab) > MAX_TAIL_OVERLAP:
        return None
    return heading_start(blocks, furniture, run[-1], shape)


def heading_start(blocks: list[TextBlock], furniture: list[str | None], start: int,
                  shape: tuple[str, str] | None) -> int:
    """The tail's first block: its first headline moved back over the tail's heading lines.

    Lines in the list's own format belong to it, and so does a one- or two-character line
    ("-" above " -" headlines is an empty item); a longer rule closes the story instead
    ("___" under AP stories).
    """
    while start > 0 and furniture[start - 1]:
        block, kind = blocks[start - 1], furniture[start - 1]
        rule = block.raw.replace(" ", "")
        if kind == "separator":
            if len(rule) > MAX_EMPTY_ITEM_CHARS:
                break
            start -= 1
        elif shares_mark(line_format(block), shape) or is_tail_heading(block, kind) or kind in HEADING_ONLY:
            start -= 1
        else:
            break
    return start


def same_list(line: tuple[str, str], shape: tuple[str, str] | None) -> bool:
    """Whether a line's format is the list's: the same, or sharing its bullet or trailing mark."""
    return shape is not None and (line == shape or shares_mark(line, shape))


def shares_mark(line: tuple[str, str], shape: tuple[str, str] | None) -> bool:
    """Whether a line carries the list's bullet or trailing mark (a list of plain lines has none)."""
    return shape is not None and any(mark and mark == own for mark, own in zip(shape, line, strict=True))


def is_tail_heading(block: TextBlock, furniture: str | None) -> bool:
    """A line that introduces a list: "Trending now", "Advertisement", "-", "Related: ..."."""
    if furniture == "advertisement":
        return tokens(block.content) <= MAX_LABEL_WORDS
    return furniture in TAIL_HEADERS


def common_format(blocks: list[TextBlock]) -> tuple[str, str] | None:
    """The most common line format among the last lines, the format of the list they end."""
    counts = Counter(line_format(b) for b in blocks)
    return counts.most_common(1)[0][0] if counts else None


def mean_overlap(run: list[TextBlock], story_vocab: Counter[str]) -> float:
    """Average share of a line's content words that the story also uses."""
    shares = []
    for block in run:
        words = content_words(block.content)
        if words:
            shares.append(sum(1 for w in words if story_vocab[w]) / len(words))
    return sum(shares) / len(shares) if shares else 0.0
