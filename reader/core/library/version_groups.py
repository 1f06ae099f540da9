"""Saved copies of one story, grouped as its versions, and what changed between them.

Two copies are versions when reader/core/versions.py's :func:`are_versions` says so (the same
canonical URL, or the same title and much shared text). Comparing every pair of a large
library is out of the question, so each article keeps the two keys that test compares — its
URL without scheme, ``www.``, fragment, tracking parameters or trailing slash, and its title
folded to words — and a new article is compared only with the articles sharing one of them. A group is
named by the number of its first article; a copy matching two groups joins them.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from typing import Any

from reader.core.library.articles import load_record
from reader.core.library.entities import marks
from reader.core.library.records import Summary
from reader.core.model import Article
from reader.core.records import analysis_from_record, article_from_record
from reader.core.versions import ClaimView, VersionDiff, are_versions, diff_versions, title_key, url_key

log = logging.getLogger(__name__)

# Most candidates compared with a new article: a title shared by more stored articles than
# this ("Home", "Live updates") says little, and comparing them all would slow every import.
# The newest candidates are kept; real reprints of a story are far fewer.
MAX_CANDIDATES = 40


def group_article(conn: sqlite3.Connection, num: int, record: dict[str, Any]) -> int:
    """Put an article (just stored or re-extracted) in its version group; returns the group."""
    conn.execute("DELETE FROM article_versions WHERE article_num = ?", (num,))
    by_url, by_title = url_key(record.get("url")), title_key(record.get("title"))
    candidates = conn.execute(
        "SELECT article_num, version_group FROM article_versions WHERE article_num IN ("
        "SELECT article_num FROM article_versions WHERE url_key = ? UNION "
        "SELECT article_num FROM article_versions WHERE title_key = ?) "
        "ORDER BY article_num DESC LIMIT ?", (by_url, by_title, MAX_CANDIDATES)).fetchall()
    groups: set[int] = set()
    if candidates:
        article = article_of(record)
        for other, group in candidates:
            if group not in groups and are_versions(article, article_of(load_record(conn, other, None))):
                groups.add(int(group))
    group = min(groups, default=num)
    if len(groups) > 1:  # this copy joins two groups that did not know each other
        joined = sorted(groups)
        conn.execute("UPDATE article_versions SET version_group = ? "
                     f"WHERE version_group IN ({marks(joined)})", (group, *joined))
    conn.execute("INSERT INTO article_versions(article_num, version_group, url_key, title_key) "
                 "VALUES (?,?,?,?)", (num, group, by_url, by_title))
    return group


def article_of(record: dict[str, Any]) -> Article:
    return article_from_record({**record, "path": record.get("path") or ""})


def version_nums(conn: sqlite3.Connection, num: int) -> list[int]:
    """The article's group, oldest first: by publication date, then by when the copy was saved
    (its file's modification time), then by when it was stored."""
    rows = conn.execute(
        "SELECT v.article_num FROM article_versions v JOIN articles a ON a.num = v.article_num "
        "WHERE v.version_group = (SELECT version_group FROM article_versions WHERE article_num = ?) "
        "ORDER BY a.published IS NULL, a.published, "
        "(SELECT min(p.mtime_ns) FROM paths p WHERE p.article_num = a.num), a.num", (num,)).fetchall()
    return [int(r[0]) for r in rows] or [num]


def version_counts(conn: sqlite3.Connection, nums: list[int]) -> dict[int, int]:
    """How many versions each article's group has (a library column; 1: no other copy)."""
    rows = conn.execute(
        "SELECT v.article_num, "
        "(SELECT count(*) FROM article_versions w WHERE w.version_group = v.version_group) "
        f"FROM article_versions v WHERE v.article_num IN ({marks(nums)})", nums).fetchall()
    counts = dict.fromkeys(nums, 1)
    counts.update({int(n): int(c) for n, c in rows})
    return counts


@dataclass(frozen=True)
class VersionsView:
    """The versions of one story (article numbers, oldest first) and the diff oldest → newest."""

    nums: tuple[int, ...]
    diff: VersionDiff


def versions_of(conn: sqlite3.Connection, num: int) -> VersionsView:
    nums = version_nums(conn, num)
    oldest, newest = load_record(conn, nums[0], None), load_record(conn, nums[-1], None)
    diff = diff_versions(article_of(oldest), article_of(newest), analysis_from_record(oldest),
                         analysis_from_record(newest)) if len(nums) > 1 else VersionDiff()
    return VersionsView(tuple(nums), diff)


def claim_view_record(view: ClaimView) -> dict[str, Any]:
    return {"speaker": view.speaker, "cue": view.cue, "content": view.content, "kind": view.kind}


def diff_record(diff: VersionDiff) -> dict[str, Any]:
    """The ``versions`` verb's ``diff`` (plus ``sources``: added and dropped, by name)."""
    return {
        "paragraphs": {"added": list(diff.paragraphs_added), "removed": list(diff.paragraphs_removed),
                       "changed": [{"before": c.before, "after": c.after} for c in diff.paragraphs_changed]},
        "claims": {"added": [claim_view_record(c) for c in diff.claims_added],
                   "removed": [claim_view_record(c) for c in diff.claims_removed],
                   "changed": [{"before": claim_view_record(c.before), "after": claim_view_record(c.after)}
                               for c in diff.claims_changed]},
        "title": None if diff.title is None else {"before": diff.title.before, "after": diff.title.after},
        "sources": {"added": list(diff.sources_added), "removed": list(diff.sources_removed)},
    }




@dataclass(frozen=True)
class StoryVersions:
    """What the versions view shows: the copies (summaries, oldest first) and the diff between
    the oldest and the newest (empty when the story has one copy)."""

    versions: list[Summary]
    diff: VersionDiff

    def record(self, article_id: str) -> dict[str, Any]:
        """The ``versions`` verb's object."""
        return {"id": article_id, "versions": [s.record() for s in self.versions],
                "diff": diff_record(self.diff)}
