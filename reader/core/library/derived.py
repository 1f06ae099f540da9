"""What the library derives from an article's record when it is stored (issue 16): its version
group and its source tallies. One entry point, called wherever an article's record is written
(articles.py) and by the schema migration that added these tables."""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

from reader.core.library.articles import load_record
from reader.core.library.story_sources import store_tallies
from reader.core.library.version_groups import group_article

log = logging.getLogger(__name__)
# The schema version that made the tables written here and in corrections.py.
SCHEMA = 4


def index_derived(conn: sqlite3.Connection, num: int, record: dict[str, Any] | None = None) -> None:
    """Group the article with its other versions and store its source tallies (inside the
    caller's transaction). ``record``: the article's record, when the caller has it at hand."""
    if record is None:
        record = load_record(conn, num, None)
    group_article(conn, num, record)
    store_tallies(conn, num, record)


def reindex_entities(conn: sqlite3.Connection, nums: list[int]) -> None:
    """Rebuild articles' entity rows and claims from their stored records (after a split is
    undone), then relink: the corrections still in force are replayed by the relink."""
    from reader.core.library.entities import garbage_collect, index_article, relink

    for num in nums:
        row = conn.execute("SELECT id FROM articles WHERE num = ?", (num,)).fetchone()
        record = load_record(conn, num, None)
        conn.execute("DELETE FROM article_entities WHERE article_num = ?", (num,))
        conn.execute("DELETE FROM claims WHERE article_num = ?", (num,))
        index_article(conn, num, row["id"], record.get("entities", []), record.get("claims", []) or [])
    garbage_collect(conn)
    relink(conn)
