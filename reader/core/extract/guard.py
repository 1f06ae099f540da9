"""Bounds on what one page may cost the extractor: DOM depth, DOM size and wall-clock time.

Saved pages come from anywhere. libxml2 already stops nesting at 256 levels, but code that walks
the tree recursively (ours, readability's) needs a lower bound, and a page of a million tiny
elements must not cost minutes. Everything here is iterative, so the guard itself cannot hit
Python's recursion limit. See /work/notes/guard.md for how the HTML extractor calls it.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

from lxml.etree import _Element

from reader.core import errors

# The deepest page of the dev corpus (aeb + readability-pages, 152 pages) nests 50 elements;
# 128 leaves 2.5x headroom and keeps a walker spending up to 7 frames per level under
# Python's default recursion limit of 1000.
MAX_DEPTH = 128
# The largest page of the dev corpus holds 2,564 elements; 25,000 (about 10x) keeps any real
# page whole while bounding the extractor's work on generated or hostile pages.
MAX_NODES = 25_000
# Parsing costs memory for every element before bound_tree can cut (a 12 MB page of 1.3 million
# inline elements peaked at 709 MB), so markup past its 250,000th "<" is cut before parsing:
# 50x the most of any dev-corpus page (5,028), 5x the open and close tags of MAX_NODES elements.
MAX_TAG_MARKS = 250_000
# How much text bound_markup counts "<" in at a time (in C) before looking closer.
_COUNT_CHUNK = 64 * 1024
# Wall-clock budget of one extraction: the robustness target opens a page within 10 s, and
# loading plus rendering take well under 2 s of that on the slowest corpus page.
EXTRACTION_BUDGET_SECONDS = 8.0
# The last resort when a stage cannot check the cooperative deadline (a C call, a library's
# loop): three times the 10 s bound, far beyond the slowest corpus page (1.2 s).
HARD_LIMIT_SECONDS = 30.0

T = TypeVar("T")


@dataclass(frozen=True)
class TreeReport:
    """What :func:`bound_tree` changed, so the extractor can warn the reader."""

    flattened: int = 0  # elements at MAX_DEPTH whose deeper markup became plain text
    dropped: int = 0  # elements removed after the first MAX_NODES

    @property
    def changed(self) -> bool:
        return bool(self.flattened or self.dropped)


def bound_tree(root: _Element, max_depth: int = MAX_DEPTH, max_nodes: int = MAX_NODES) -> TreeReport:
    """Make a parsed tree safe to walk: flatten markup below ``max_depth``, cut after ``max_nodes``.

    Text is kept where it can be: a flattened element keeps all the text of its subtree; only
    elements beyond the node budget (the end of a huge page) are dropped.
    """
    flattened = 0
    cut: _Element | None = None
    for count, (element, depth) in enumerate(walk_with_depth(root), start=1):
        if count > max_nodes:
            cut = element
            break
        if depth >= max_depth and len(element):
            flatten(element)
            flattened += 1
    dropped = drop_from(root, cut) if cut is not None else 0
    return TreeReport(flattened=flattened, dropped=dropped)


def bound_markup(text: str, max_marks: int = MAX_TAG_MARKS) -> tuple[str, bool]:
    """The page's markup up to its ``max_marks``-th "<", and whether anything was cut.

    Call it before parsing: the parser then never builds the elements bound_tree would drop.
    A page within the bound (every real one) comes back as the same string, after one count.
    """
    if text.count("<") <= max_marks:
        return text, False
    seen = 0
    for start in range(0, len(text), _COUNT_CHUNK):
        in_chunk = text.count("<", start, start + _COUNT_CHUNK)
        if seen + in_chunk > max_marks:
            position = start - 1
            for _ in range(max_marks - seen + 1):
                position = text.find("<", position + 1)
            return text[:position], True
        seen += in_chunk
    return text, False  # not reached: the first count said there are more


def walk_with_depth(root: _Element) -> Iterator[tuple[_Element, int]]:
    """Every element in document order with its depth below ``root``, without recursion.

    Children are taken one at a time from live iterators, so a very wide element costs nothing
    beyond the nodes actually visited, and an element the caller flattens on being yielded is
    not descended into.
    """
    yield root, 0
    stack: list[tuple[Iterator[_Element], int]] = [(iter(root), 1)]
    while stack:
        children, depth = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            continue
        yield child, depth
        stack.append((iter(child), depth + 1))


def flatten(element: _Element) -> None:
    """Replace everything inside ``element`` by the text it holds, in reading order."""
    text = "".join(element.itertext())
    for child in list(element):
        element.remove(child)
    element.text = text


def drop_from(root: _Element, cut: _Element) -> int:
    """Remove ``cut`` and every element after it in document order; return how many went."""
    before = count_elements(root)
    node = cut
    while node is not root:
        parent = node.getparent()
        if parent is None:
            break
        del parent[parent.index(node) + 1:]  # one slice delete: per-node removal is 100x slower
        node = parent
    parent = cut.getparent()
    if parent is not None:
        parent.remove(cut)
    return before - count_elements(root)


def count_elements(element: _Element) -> int:
    """Elements (and comments) in a subtree, counted in C: no Python object per node."""
    return int(element.xpath("count(descendant-or-self::node()[not(self::text())])"))


class Deadline:
    """A wall-clock budget the extractor checks between stages (cooperative, thread-safe).

    Stages that improve a result call :meth:`expired` first and keep the result they have when
    time is up; a stage with nothing to fall back on calls :meth:`check`, which raises Timeout.
    """

    def __init__(self, seconds: float = EXTRACTION_BUDGET_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self._clock = clock
        self._end = clock() + seconds

    def remaining(self) -> float:
        return max(0.0, self._end - self._clock())

    def expired(self) -> bool:
        return self._clock() >= self._end

    def check(self, name: str = "the page") -> None:
        """Raise :class:`~reader.core.errors.Timeout` with a sentence for people once time is up."""
        if self.expired():
            raise errors.Timeout(name, seconds=f"{self.seconds:g}")


def best_within(deadline: Deadline, first: Callable[[], T], *better: Callable[[T], T]) -> T:
    """``first()``, then each ``better`` step in turn while time remains: the best result so far.

    ``first`` is the cheap result that is always computed; a step that runs past the deadline
    still finishes (Python cannot interrupt C code safely), but no further step starts.
    """
    result = first()
    for step in better:
        if deadline.expired():
            break
        result = step(result)
    return result


class _Expired(BaseException):
    """What the timer raises inside a limited block: not an Exception, so no library's broad
    ``except Exception`` swallows it (readability logs a traceback and raises its own error);
    :func:`time_limit` turns it into :class:`~reader.core.errors.Timeout` at the block's end."""


@contextmanager
def time_limit(name: str, seconds: float | None = None) -> Iterator[None]:
    """Raise :class:`~reader.core.errors.Timeout` inside the block once ``seconds`` have passed.

    Works where a POSIX interval timer can interrupt Python code: the main thread of a process
    (the CLI, a worker process); elsewhere the block runs unbounded and only the cooperative
    :class:`Deadline` applies. Limits nest: a timer already running (an outer limit, a test
    runner's) gets its handler and its remaining time back when the block ends.
    """
    seconds = HARD_LIMIT_SECONDS if seconds is None else max(seconds, 0.001)
    outer_left = signal.getitimer(signal.ITIMER_REAL)[0] if hasattr(signal, "setitimer") else 0.0
    usable = (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
              and not 0 < outer_left <= seconds)  # an outer limit that fires first is enough
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _Expired()

    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Expired:
        raise errors.Timeout(name, seconds=f"{seconds:g}") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_left:  # give the outer timer what it had left (at least a tick, so it still fires)
            signal.setitimer(signal.ITIMER_REAL, max(outer_left - (time.monotonic() - started), 0.001))
