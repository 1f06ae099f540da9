"""Searching the library: the query syntax, filters, ranking and marked snippets (FTS5).

Syntax (as people type it in a search box): words must all occur (any order), ``"a phrase"``
must occur as written, ``-word`` or ``-"a phrase"`` must not occur. Everything the user types
is quoted before it reaches FTS5, so no input is an FTS5 syntax error. Matching ignores case
and diacritics (the ``unicode61 remove_diacritics 2`` tokenizer). The index holds each article's
title, text and, since schema v3, its highlighted passages and notes (``annotations``, weighted
as the text is: bm25's weights left unnamed are 1), so a note's words find its article.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Literal

from reader.core.library.articles import SUMMARY_COLUMNS, summaries
from reader.core.library.entities import chunks, marks, matching_keys
from reader.core.library.records import SearchHit

Sort = Literal["added", "published", "title", "site", "words", "progress"]
SORTS: dict[str, str] = {
    "added": "a.added DESC, a.num DESC",
    "published": "a.published IS NULL, a.published DESC, a.num DESC",
    "title": "a.title IS NULL, a.title COLLATE NOCASE, a.num",
    "site": "a.site IS NULL, a.site COLLATE NOCASE, a.added DESC, a.num DESC",
    "words": "a.words DESC, a.num DESC",  # longest first
    "progress": "a.progress DESC, a.added DESC, a.num DESC",  # furthest read first
}
# bm25 weight of a title match against a text match: the title is also part of the text, so a
# word in the title counts 1 + TITLE_WEIGHT times; 4 puts articles *about* the word first.
TITLE_WEIGHT = 4.0
# Marks around matched words in a snippet: bracket characters that news text does not use, so
# a view can split on them (and the CLI's JSON stays plain text).
MARK_OPEN = "\u27e6"  # ⟦
MARK_CLOSE = "\u27e7"  # ⟧
ELLIPSIS = "…"
SNIPPET_TOKENS = 16  # words around the match: a line of a results list

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


@dataclass(frozen=True)
class Query:
    """A parsed search: what must occur and what must not."""

    required: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.required and not self.excluded


@dataclass(frozen=True)
class Filters:
    """Restrictions besides the text (each None: no restriction)."""

    entity: str | None = None
    speaker: str | None = None
    site: str | None = None
    tag: str | None = None
    language: str | None = None
    read: bool | None = None
    favourite: bool | None = None
    archived: bool | None = None
    missing: bool | None = None


NO_FILTERS = Filters()


def parse_query(text: str) -> Query:
    required: list[str] = []
    excluded: list[str] = []
    for match in _TOKEN.finditer(text):
        negated, phrase, word = match.group(1), match.group(2), match.group(3)
        if word is not None:
            negated, phrase = ("-", word[1:]) if word.startswith("-") else ("", word)
        phrase = " ".join(phrase.split())
        if phrase:
            (excluded if negated else required).append(phrase)
    return Query(tuple(required), tuple(excluded))


def fts_string(term: str) -> str:
    """An FTS5 string literal: whatever it holds is matched as a phrase, never parsed."""
    return '"' + term.replace('"', '""') + '"'


def fts_expression(terms: tuple[str, ...], prefix_last: bool = False) -> str:
    parts = [fts_string(t) for t in terms]
    if prefix_last and parts:
        parts[-1] += "*"  # as-you-type: the last word may be unfinished
    return " AND ".join(parts)


def filter_clauses(conn: sqlite3.Connection, filters: Filters) -> tuple[list[str], list[object]]:
    """SQL conditions on ``a`` (articles) for the filters, and their parameters."""
    clauses: list[str] = []
    params: list[object] = []
    if filters.entity is not None:
        keys = matching_keys(conn, filters.entity)
        clauses.append("a.num IN (SELECT ae.article_num FROM article_entities ae JOIN entities e "
                       f"ON e.key = ae.key WHERE e.resolved IN ({marks(keys)}))")
        params.extend(keys)
    if filters.speaker is not None:
        keys = matching_keys(conn, filters.speaker)
        clauses.append("a.num IN (SELECT c.article_num FROM claims c JOIN entities e "
                       f"ON e.key = c.speaker_key WHERE e.resolved IN ({marks(keys)}))")
        params.extend(keys)
    if filters.site is not None:
        clauses.append("a.site = ? COLLATE NOCASE")
        params.append(filters.site)
    if filters.tag is not None:
        clauses.append("a.num IN (SELECT article_num FROM tags WHERE tag = ?)")
        params.append(filters.tag)
    if filters.language is not None:
        clauses.append("a.language = ?")
        params.append(filters.language)
    for column in ("read", "favourite", "archived"):
        value = getattr(filters, column)
        if value is not None:
            clauses.append(f"a.{column} = ?")
            params.append(int(value))
    if filters.missing is not None:
        has_file = "EXISTS (SELECT 1 FROM paths p WHERE p.article_num = a.num AND p.current = 1)"
        clauses.append(f"NOT {has_file}" if filters.missing else has_file)
    return clauses, params


def search(conn: sqlite3.Connection, text: str = "", filters: Filters = NO_FILTERS, limit: int | None = None,
           sort: Sort = "added", prefix_last: bool = False) -> list[SearchHit]:
    """Matches best first (by ``sort`` when there are no words to rank by)."""
    query = parse_query(text)
    clauses, params = filter_clauses(conn, filters)
    if query.required:
        return ranked_search(conn, query, clauses, params, limit, prefix_last)
    if query.excluded:
        clauses.append("a.num NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(" OR ".join(fts_string(t) for t in query.excluded))
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    sql = f"SELECT {SUMMARY_COLUMNS} FROM articles a {where} ORDER BY {SORTS[sort]}"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [SearchHit(s, None, None) for s in summaries(conn, conn.execute(sql, params).fetchall())]


def ranked_search(conn: sqlite3.Connection, query: Query, clauses: list[str], params: list[object],
                  limit: int | None, prefix_last: bool) -> list[SearchHit]:
    """Rank inside the FTS index first, without a join: SQLite computes every column of every
    match before sorting. With a limit, snippets are then made for the kept matches only;
    without one, every match needs its snippet anyway, so it is made in the same pass."""
    expression = fts_expression(query.required, prefix_last)
    expression += "".join(f" NOT {fts_string(t)}" for t in query.excluded)
    kept = f"SELECT a.num FROM articles a WHERE {' AND '.join(clauses)}"
    restrict = f" AND rowid IN ({kept})" if clauses else ""
    whole = limit is None
    snippet = f", snippet(articles_fts, -1, ?, ?, ?, {SNIPPET_TOKENS})" if whole else ""
    sql = (f"SELECT rowid, bm25(articles_fts, {TITLE_WEIGHT}, 1.0){snippet} FROM articles_fts "
           f"WHERE articles_fts MATCH ?{restrict} ORDER BY 2")
    args: list[object] = [*((MARK_OPEN, MARK_CLOSE, ELLIPSIS) if whole else ()), expression, *params]
    if limit is not None:
        sql += " LIMIT ?"
        args.append(limit)
    matches = conn.execute(sql, args).fetchall()
    ranked = [(int(m[0]), -float(m[1])) for m in matches]
    nums = [num for num, _ in ranked]
    snippets = {int(m[0]): m[2] for m in matches} if whole else snippets_of(conn, expression, nums)
    rows: dict[int, sqlite3.Row] = {}
    for chunk in chunks(nums):
        rows.update((r["num"], r) for r in conn.execute(
            f"SELECT {SUMMARY_COLUMNS} FROM articles a WHERE a.num IN ({marks(chunk)})", chunk))
    found = summaries(conn, [rows[num] for num in nums])
    return [SearchHit(summary, score, snippets.get(num))
            for summary, (num, score) in zip(found, ranked, strict=True)]


def snippets_of(conn: sqlite3.Connection, expression: str, nums: list[int]) -> dict[int, str]:
    """Marked snippets of some matches (the first screen), by rowid."""
    found: dict[int, str] = {}
    for chunk in chunks(nums):
        found.update(conn.execute(
            f"SELECT rowid, snippet(articles_fts, -1, ?, ?, ?, {SNIPPET_TOKENS}) FROM articles_fts "
            f"WHERE articles_fts MATCH ? AND rowid IN ({marks(chunk)})",
            [MARK_OPEN, MARK_CLOSE, ELLIPSIS, expression, *chunk]).fetchall())
    return found
