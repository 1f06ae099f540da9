"""The reader's highlights in the library: rows, filters, and re-anchoring when a text changes.

A row keeps both W3C selectors of a highlight (reader/core/anchoring.py): the quote (``exact``
with ``prefix`` and ``suffix``) and the position (``pos_start``/``pos_end`` into the article's
``text``). While a highlight is anchored, ``text[start:end] == exact`` holds; re-anchoring
rewrites the quote from the new text, so the next change starts from what the reader sees now.
An orphaned highlight keeps its last quote and position: it is shown with its text, never
dropped, and may anchor again if a later text holds its quote.

When a file is re-imported with edited content the importer keeps both copies (a new article
row, the old one kept as an earlier version, see importer.py); the highlights move to the new
copy, re-anchored there, with their ids unchanged (:func:`follow_edit`). A record replaced for
the same content (a better extraction) re-anchors in place (:func:`reanchor_article`).

No transactions here: the callers (Library, the importer) hold one around each change.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
import uuid
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from reader.core.anchoring import Selectors, TextPosition, TextQuote, anchor, describe
from reader.core.errors import ReaderError
from reader.core.library.search import parse_query
from reader.core.model import HIGHLIGHT_COLORS, Highlight, HighlightColor

# Hex characters of a random highlight id: 64 bits, unique enough for one reader's highlights
# and short enough to type on the command line.
ID_HEX_CHARS = 16
# The highlight fields of the library contract, in its order (``created`` is the GUI's).
RECORD_FIELDS = ("id", "article", "start", "end", "exact", "prefix", "suffix", "note", "color", "orphaned")
COLUMNS = ("h.id, a.id AS article, h.pos_start, h.pos_end, h.exact, h.prefix, h.suffix, h.note, h.color, "
           "h.created, h.orphaned")
# Reading order within an article: anchored by position, then the orphaned (after the story).
READING_ORDER = "h.orphaned, h.pos_start, h.pos_end, h.created, h.id"
_WORD = re.compile(r"\w+")


class QuoteNotFound(ReaderError):
    """The text to highlight does not occur in the article (as many times as asked)."""

    kind = "not-found"
    template = "“{quote}” does not occur in the article {article}."
    OCCURRENCE = "“{quote}” does not occur {occurrence} times in the article {article}."


class HighlightNotFound(ReaderError):
    """An id that names no highlight (deleted meanwhile, or mistyped)."""

    kind = "not-found"
    template = "There is no highlight “{highlight}” in the library."


# -- re-anchoring (pure: the GUI calls it on a text it is about to show) ----------------------


def selectors_of(highlight: Highlight) -> Selectors:
    return Selectors(TextQuote(highlight.exact, highlight.prefix, highlight.suffix),
                     TextPosition(highlight.start, highlight.end))


def reanchor(highlights: Sequence[Highlight], new_text: str) -> list[Highlight]:
    """The highlights placed in ``new_text`` (same order): found ones with their quote and
    position taken from the new text, the others orphaned with their old quote kept."""
    placed: list[Highlight] = []
    for highlight in highlights:
        span = anchor(new_text, selectors_of(highlight))
        if span is None:
            placed.append(replace(highlight, orphaned=True))
            continue
        quote = describe(new_text, *span).quote
        placed.append(replace(highlight, start=span[0], end=span[1], exact=quote.exact, prefix=quote.prefix,
                              suffix=quote.suffix, orphaned=False))
    return placed


# -- making one ------------------------------------------------------------------------------


def new_highlight(article_id: str, text: str, start: int, end: int, color: str, note: str | None,
                  created: str) -> Highlight:
    """A highlight of ``text[start:end]`` (validated: a real span, a known colour)."""
    if color not in HIGHLIGHT_COLORS:
        raise ValueError(f"unknown highlight colour {color!r}; one of {', '.join(HIGHLIGHT_COLORS)}")
    if not text[start:end].strip():
        raise ValueError(f"span {start}-{end} holds no text to highlight")
    quote = describe(text, start, end).quote
    chosen: HighlightColor = color  # narrowed by the check against HIGHLIGHT_COLORS
    return Highlight(uuid.uuid4().hex[:ID_HEX_CHARS], article_id, start, end, quote.exact, quote.prefix,
                     quote.suffix, clean_note(note), chosen, created)


def clean_note(note: str | None) -> str | None:
    """A note of only blanks is no note."""
    return note.strip() if note and note.strip() else None


def record(highlight: Highlight) -> dict[str, Any]:
    """The contract's highlight object."""
    return {name: getattr(highlight, name) for name in RECORD_FIELDS}


# -- rows ------------------------------------------------------------------------------------


def from_row(row: sqlite3.Row) -> Highlight:
    return Highlight(row["id"], row["article"], row["pos_start"], row["pos_end"], row["exact"], row["prefix"],
                     row["suffix"], row["note"], row["color"], row["created"], bool(row["orphaned"]))


def insert(conn: sqlite3.Connection, num: int, highlight: Highlight) -> None:
    conn.execute("INSERT INTO highlights(id, article_num, pos_start, pos_end, exact, prefix, suffix, note, "
                 "color, created, orphaned) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                 (highlight.id, num, highlight.start, highlight.end, highlight.exact, highlight.prefix,
                  highlight.suffix, highlight.note, highlight.color, highlight.created,
                  int(highlight.orphaned)))


def store_placement(conn: sqlite3.Connection, before: Sequence[Highlight], after: Sequence[Highlight],
                    old_num: int, num: int) -> None:
    """Write re-anchored highlights (``after``, same order as ``before``, which were on article
    ``old_num``): position, quote and orphaned, tied to article ``num``.

    A row whose article and quoted text stay the same is written without naming those columns:
    the trigger that re-indexes the article's notes for search (schema v3) then does not fire,
    so moving a hundred highlights by an inserted paragraph costs no re-indexing at all."""
    same = [a for b, a in zip(before, after, strict=True) if old_num == num and a.exact == b.exact]
    changed = [a for b, a in zip(before, after, strict=True) if old_num != num or a.exact != b.exact]
    conn.executemany(
        "UPDATE highlights SET pos_start = ?, pos_end = ?, prefix = ?, suffix = ?, orphaned = ? WHERE id = ?",
        [(h.start, h.end, h.prefix, h.suffix, int(h.orphaned), h.id) for h in same])
    conn.executemany(
        "UPDATE highlights SET article_num = ?, pos_start = ?, pos_end = ?, exact = ?, prefix = ?, "
        "suffix = ?, orphaned = ? WHERE id = ?",
        [(num, h.start, h.end, h.exact, h.prefix, h.suffix, int(h.orphaned), h.id) for h in changed])


def get(conn: sqlite3.Connection, highlight_id: str) -> Highlight:
    row = conn.execute(f"SELECT {COLUMNS} FROM highlights h JOIN articles a ON a.num = h.article_num "
                       "WHERE h.id = ?", (highlight_id,)).fetchone()
    if row is None:
        raise HighlightNotFound(highlight=highlight_id)
    return from_row(row)


def of_article(conn: sqlite3.Connection, num: int) -> list[Highlight]:
    rows = conn.execute(f"SELECT {COLUMNS} FROM highlights h JOIN articles a ON a.num = h.article_num "
                        f"WHERE h.article_num = ? ORDER BY {READING_ORDER}", (num,))
    return [from_row(r) for r in rows]


def select(conn: sqlite3.Connection, num: int | None = None, color: str | None = None, tag: str | None = None,
           text: str | None = None) -> list[Highlight]:
    """Highlights by article (or all: newest article first), colour, article tag, and text (the
    library search's syntax, matched on the highlighted words and the note)."""
    clauses: list[str] = []
    params: list[object] = []
    if num is not None:
        clauses.append("h.article_num = ?")
        params.append(num)
    if color is not None:
        clauses.append("h.color = ?")
        params.append(color)
    if tag is not None:
        clauses.append("h.article_num IN (SELECT article_num FROM tags WHERE tag = ?)")
        params.append(tag)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = conn.execute(f"SELECT {COLUMNS} FROM highlights h JOIN articles a ON a.num = h.article_num "
                        f"{where} ORDER BY a.added DESC, a.num DESC, {READING_ORDER}", params)
    found = [from_row(r) for r in rows]
    return found if not text else [h for h in found if matches(h, text)]


def matches(highlight: Highlight, query: str) -> bool:
    """Whether the highlight's words and note satisfy a search query (words, "phrase", -word)."""
    parsed = parse_query(query)
    words = folded_words(f"{highlight.exact}\n{highlight.note or ''}")
    return all(has_phrase(words, folded_words(t)) for t in parsed.required) and \
        not any(has_phrase(words, folded_words(t)) for t in parsed.excluded)


def folded_words(text: str) -> list[str]:
    """Words compared as the search index compares them: case and diacritics ignored."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return _WORD.findall("".join(c for c in decomposed if not unicodedata.combining(c)))


def has_phrase(words: Sequence[str], phrase: Sequence[str]) -> bool:
    n = len(phrase)
    return n == 0 or any(list(words[i:i + n]) == list(phrase) for i in range(len(words) - n + 1))


# -- when an article's text changes ---------------------------------------------------------


def reanchor_article(conn: sqlite3.Connection, num: int, new_text: str) -> list[Highlight]:
    """Re-anchor article ``num``'s highlights in its new text and store where they are now."""
    before = of_article(conn, num)
    placed = reanchor(before, new_text)
    store_placement(conn, before, placed, num, num)
    return placed


def follow_edit(conn: sqlite3.Connection, old_num: int, new_num: int) -> list[Highlight]:
    """A file now holds an edited copy (article ``new_num``, stored): the old copy's highlights
    move to it, re-anchored in its text; the ones it no longer holds move too, orphaned."""
    moving = of_article(conn, old_num)
    if not moving:
        return []
    new_text = conn.execute("SELECT text FROM articles WHERE num = ?", (new_num,)).fetchone()[0]
    placed = reanchor(moving, new_text)
    store_placement(conn, moving, placed, old_num, new_num)
    return placed
