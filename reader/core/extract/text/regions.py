"""Where the story is among the blocks, and why each other block is clutter.

The story of a saved page is one stretch of blocks; menus come before it and link tails,
share bars and footers after it. The stretch is the one that maximises the summed evidence
(block probability above a threshold, weighted by block length), so a short aside inside the
story does not cut it and a long run of headlines after it never joins it.
"""

from __future__ import annotations

import math
from collections import Counter

from reader.core.extract.text.blocks import TextBlock
from reader.core.extract.text.features import content_words, is_prose, tokens
from reader.core.extract.text.tails import MAX_CLOSING_LINES, is_headline_like, line_format, tail_start
from reader.core.model import Role

# A block's verdict: its role and, for clutter, why.
Verdict = tuple[Role, str | None]

# Probability above which a block counts as evidence for the story; 0.5 is the model's own
# decision boundary (classes balanced in training).
REGION_THRESHOLD = 0.5
# Inside the story stretch a block is kept from this probability on: lower than the boundary,
# because subheadings and short closing lines between story paragraphs are story (on the dev
# corpus 0.2-0.4 give the same tails scores and text F1 within 0.002; 0.3 is the middle).
KEEP_INSIDE_THRESHOLD = 0.3
# A story stretch before a comments heading beats a longer one after it when it has at least
# this share of the later one's votes (a short news item under 34 comments has ~0.3 of them).
COMMENTS_PRE_SHARE = 0.2
# Boilerplate reasons strong enough to drop a short line even inside the story stretch.
INSIDE_DROP_REASONS = frozenset({
    "share bar", "advertisement", "related link", "newsletter prompt", "navigation", "comments",
    "cookie notice", "date", "byline", "image credit", "author contact", "tags",
})
# Furniture that never closes a story, even just before its tail, nor stays in a flat text's
# story; dates and credits do, in the texts people copy (a tour's dates, "Photo: Reuters").
CLOSING_EXCLUDED = (INSIDE_DROP_REASONS | {"link tail"}) - {"date", "image credit"}


def evidence(probability: float, block: TextBlock, furniture: str | None) -> float:
    """A block's vote for being inside the story stretch: long blocks vote louder, and
    furniture (a cookie banner is long prose too) votes against."""
    if furniture:
        probability = 0.0
    return (probability - REGION_THRESHOLD) * (1 + math.log1p(tokens(block.content)))


def best_run(votes: list[float], lo: int, hi: int) -> tuple[int, int, float] | None:
    """(first, last, sum) of the maximum-sum run of votes[lo:hi], or None if none is positive."""
    best: tuple[int, int, float] | None = None
    running, start = 0.0, lo
    for i in range(lo, hi):
        if running <= 0:
            running, start = 0.0, i
        running += votes[i]
        if running > 0 and (best is None or running > best[2]):
            best = (start, i, running)
    return best


def story_stretch(blocks: list[TextBlock], probabilities: list[float],
                  furniture: list[str | None]) -> tuple[int, int] | None:
    """(first, last) index of the story stretch, or None if nothing votes for one.

    Readers' comments read like prose and can outvote a short story, so when the best run
    lies after a comments heading, a run before it wins if it has a fair share of the votes.
    """
    votes = [evidence(p, b, f) for b, p, f in zip(blocks, probabilities, furniture, strict=True)]
    best = best_run(votes, 0, len(votes))
    if best is None:
        return None
    heading = next((i for i, f in enumerate(furniture) if f == "comments"), None)
    if heading is not None and best[0] > heading:
        before = best_run(votes, 0, heading)
        if before is not None and before[2] >= COMMENTS_PRE_SHARE * best[2]:
            best = before
    return best[0], cut_at_comments(blocks, furniture, best[0], best[1])


def cut_at_comments(blocks: list[TextBlock], furniture: list[str | None], first: int, last: int) -> int:
    """The stretch's last block once a comment section inside it is cut off.

    Comments start at a comments heading ("34 responses to ...", "Leave a comment") or a
    "name says:" line after the story's first paragraph.
    """
    seen_prose = False
    for i in range(first, last + 1):
        if seen_prose and furniture[i] == "comments":
            return i - 1
        seen_prose = seen_prose or is_prose(blocks[i])
    return last


def inside_reasons(blocks: list[TextBlock], probabilities: list[float], furniture: list[str | None],
                   first: int, last: int) -> list[str | None]:
    """For each block of the stretch: None when it is story, else why it is dropped.

    A link-list heading ("Related", "Most read") inside the story drops the short lines
    under it up to the next prose paragraph; a short line right before a prose paragraph is
    a subheading and stays.
    """
    reasons: list[str | None] = []
    in_link_list = False
    for i in range(first, last + 1):
        prose, reason = is_prose(blocks[i]), furniture[i]
        if prose and reason is None:
            in_link_list = False
            reasons.append(None)
        elif reason == "link tail" or in_link_list:
            in_link_list = True
            reasons.append("link tail")
        elif reason in INSIDE_DROP_REASONS:
            reasons.append(reason)
        elif probabilities[i] >= KEEP_INSIDE_THRESHOLD or (i < last and is_prose(blocks[i + 1])):
            reasons.append(None)
        else:
            reasons.append(reason or "aside")
    return reasons


def outside_reasons(furniture: list[str | None], first: int, last: int) -> list[str]:
    """Why each block outside the story stretch is clutter (entries inside it are unused):
    its furniture reason if any, else "navigation" before the story, "comments" after a
    comments heading, and "link tail" elsewhere after the story."""
    reasons = []
    in_comments = False
    for i, reason in enumerate(furniture):
        in_comments = (in_comments or reason == "comments") and i > last
        if reason and reason != "separator":
            reasons.append(reason)
        elif i < first:
            reasons.append(reason or "navigation")
        else:
            reasons.append("comments" if in_comments else "link tail")
    return reasons


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

    Also returns where the tail starts. Closing lines are the few short lines between the
    last voted block and the tail (a credit such as "© Reuters", a "___" rule): they end the
    story rather than start the tail.
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
