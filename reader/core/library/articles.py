"""Article rows: writing one imported article (inside the caller's transaction), its paths,
user state, and reading summaries back. No transaction handling here: the caller's one
transaction per article is what makes a kill leave no half article.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reader.core.library.entities import chunks, index_article, marks
from reader.core.library.records import Summary, pack_record, unpack_record, word_count
from reader.core.library.schema import schema_version
from reader.core.sources.pages import address_is_file

# Characters of the SHA-256 hex digest that make an article's id: 64 bits, so that a library
# of a million articles has about a 1 in 36 million chance of any two colliding; short
# enough to type. A collision is still caught: the full hash is unique in the table.
ID_HEX_CHARS = 16
USER_STATE_COLUMNS = ("added", "opened", "progress", "read", "favourite", "archived")

SUMMARY_COLUMNS = ("a.num, a.id, a.title, a.byline, a.site, a.url, a.published, a.language, a.words, "
                   "a.added, a.opened, a.progress, a.read, a.favourite, a.archived, a.format")


def article_id(digest: str) -> str:
    return digest[:ID_HEX_CHARS]


def find_by_hash(conn: sqlite3.Connection, digest: str) -> sqlite3.Row | None:
    return conn.execute("SELECT num, id, title, analysed FROM articles WHERE content_hash = ?",
                        (digest,)).fetchone()


def current_article_at(conn: sqlite3.Connection, path: str) -> sqlite3.Row | None:
    """The article a path currently holds, with the size and mtime it had when seen."""
    return conn.execute(
        "SELECT a.num, a.id, a.title, a.analysed, p.size, p.mtime_ns FROM paths p "
        "JOIN articles a ON a.num = p.article_num WHERE p.path = ? AND p.current = 1", (path,)).fetchone()


def insert_article(conn: sqlite3.Connection, record: dict[str, Any], digest: str, added: str) -> int:
    """A new article row with its index rows; returns its number."""
    cursor = conn.execute(
        "INSERT INTO articles(id, content_hash, format, title, byline, site, url, published, language, "
        "words, added, analysed, text, record) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (article_id(digest), digest, record["format"], record["title"], record["byline"], record["site"],
         record["url"], record["published"], record["language"], word_count(record["body"]), added,
         int("entities" in record), record["text"], pack_record(record)))
    num = int(cursor.lastrowid or 0)
    index_article(conn, num, article_id(digest), record.get("entities", []), record.get("claims", []))
    index_derived(conn, num, record)
    return num


def index_derived(conn: sqlite3.Connection, num: int, record: dict[str, Any]) -> None:
    """Version group and source tallies (issue 16: derived.py, which reads articles through here).
    A library file older than their tables (written by a test or a migration step) has none."""
    from reader.core.library import derived

    if schema_version(conn) >= derived.SCHEMA:
        derived.index_derived(conn, num, record)


def replace_analysis(conn: sqlite3.Connection, num: int, record: dict[str, Any]) -> None:
    """Store a new record for the same content (analysis added, or a newer extraction)."""
    conn.execute(
        "UPDATE articles SET format=?, title=?, byline=?, site=?, url=?, published=?, language=?, words=?, "
        "analysed=?, text=?, record=? WHERE num = ?",
        (record["format"], record["title"], record["byline"], record["site"], record["url"],
         record["published"], record["language"], word_count(record["body"]), int("entities" in record),
         record["text"], pack_record(record), num))
    conn.execute("DELETE FROM article_entities WHERE article_num = ?", (num,))
    conn.execute("DELETE FROM claims WHERE article_num = ?", (num,))
    row = conn.execute("SELECT id FROM articles WHERE num = ?", (num,)).fetchone()
    index_article(conn, num, row["id"], record.get("entities", []), record.get("claims", []))
    index_derived(conn, num, record)


def see_path(conn: sqlite3.Connection, num: int, path: str, size: int, mtime_ns: int, seen: str) -> None:
    """Record that ``path`` holds article ``num`` now (and no other article any more)."""
    conn.execute("UPDATE paths SET current = 0 WHERE path = ? AND article_num != ?", (path, num))
    conn.execute(
        "INSERT INTO paths(article_num, path, size, mtime_ns, seen, current) VALUES (?,?,?,?,?,1) "
        "ON CONFLICT(article_num, path) DO UPDATE SET size=excluded.size, mtime_ns=excluded.mtime_ns, "
        "seen=excluded.seen, current=1", (num, path, size, mtime_ns, seen))


def mark_gone(conn: sqlite3.Connection, path: str) -> int:
    """The file at ``path`` disappeared: its article stays, readable from the stored text."""
    return conn.execute("UPDATE paths SET current = 0 WHERE path = ? AND current = 1", (path,)).rowcount


def carry_user_state(conn: sqlite3.Connection, old: int, new: int) -> None:
    """A file now holds an edited copy: the new article keeps the reader's tags and state."""
    columns = ", ".join(USER_STATE_COLUMNS)
    row = conn.execute(f"SELECT {columns} FROM articles WHERE num = ?", (old,)).fetchone()
    conn.execute(f"UPDATE articles SET {', '.join(c + ' = ?' for c in USER_STATE_COLUMNS)} WHERE num = ?",
                 (*row, new))
    conn.execute("INSERT OR IGNORE INTO tags(article_num, tag) SELECT ?, tag FROM tags WHERE article_num = ?",
                 (new, old))


def old_paths_exist(conn: sqlite3.Connection, num: int, except_path: str) -> bool:
    """Whether any other file this article was seen at still exists (else a new path is a move)."""
    rows = conn.execute("SELECT path FROM paths WHERE article_num = ? AND path != ?", (num, except_path))
    return any(address_is_file(row["path"]) for row in rows)


def summaries(conn: sqlite3.Connection, rows: Sequence[sqlite3.Row]) -> list[Summary]:
    """Summaries of article rows selected with SUMMARY_COLUMNS, in the same order."""
    nums = [row["num"] for row in rows]
    paths: dict[int, list[tuple[str, int]]] = {n: [] for n in nums}
    tags: dict[int, list[str]] = {n: [] for n in nums}
    for chunk in chunks(nums):
        for p in conn.execute("SELECT article_num, path, current FROM paths WHERE article_num "
                              f"IN ({marks(chunk)}) ORDER BY current DESC, seen DESC", chunk):
            paths[p["article_num"]].append((p["path"], p["current"]))
        for t in conn.execute(f"SELECT article_num, tag FROM tags WHERE article_num IN ({marks(chunk)}) "
                              "ORDER BY tag", chunk):
            tags[t["article_num"]].append(t["tag"])
    return [summary_of(row, paths[row["num"]], tags[row["num"]]) for row in rows]


def summary_of(row: sqlite3.Row, paths: list[tuple[str, int]], tags: list[str]) -> Summary:
    return Summary(
        id=row["id"], paths=tuple(p for p, _ in paths), title=row["title"], byline=row["byline"],
        site=row["site"], url=row["url"], published=row["published"], language=row["language"],
        words=row["words"], added=row["added"], opened=row["opened"], progress=row["progress"],
        tags=tuple(tags), missing=not any(current for _, current in paths), read=bool(row["read"]),
        favourite=bool(row["favourite"]), archived=bool(row["archived"]), format=row["format"])


def load_record(conn: sqlite3.Connection, num: int, path: str | None) -> dict[str, Any]:
    row = conn.execute("SELECT text, record, analysed FROM articles WHERE num = ?", (num,)).fetchone()
    claims = None
    if row["analysed"]:
        claims = [json.loads(c["record"]) for c in conn.execute(
            "SELECT record FROM claims WHERE article_num = ? ORDER BY idx", (num,))]
    return unpack_record(row["record"], row["text"], claims, path)


def resolve_reference(conn: sqlite3.Connection, reference: str) -> int | None:
    """An article number from its id or a path it was seen at (the newest holder of the path)."""
    row = conn.execute("SELECT num FROM articles WHERE id = ?", (reference,)).fetchone()
    if row is None:
        absolute = str(Path(reference).expanduser().absolute())
        row = conn.execute("SELECT article_num AS num FROM paths WHERE path = ? "
                           "ORDER BY current DESC, seen DESC", (absolute,)).fetchone()
    return None if row is None else int(row["num"])
