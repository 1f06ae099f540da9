"""The reader's corrections of the entity index: merge two entities, split one, rename, retype, hide.

A correction names library entities by *key* (entities.py), never by row number, and is kept
in ``entity_corrections``; :func:`apply_corrections` replays them all, in the order they were
made, after every relink. So a correction holds for every article, including one imported,
re-analysed or forgotten and re-added later: its index rows come back with the same keys (an
article's id is its content's hash) and the replay corrects them again.

What each one does on replay:
- ``merge`` (subject → value): every key resolved to the subject resolves to the value.
- ``split`` (subject, articles → value): in those articles, the rows and claims of the keys
  resolved to the subject move to a key of their own (value), pinned there. The new entity is
  not a "full name" (entities.py), so other articles' bare surnames never link to it: a split
  changes only the articles the reader named.
- ``rename`` / ``retype`` / ``hide``: the subject's row gets the new name (also a name to find it
  by), type, or the hidden mark.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import dataclass
from typing import Literal

from reader.core.library.entities import INDEXED_TYPES, chunks, marks, matching_keys, normalize_name
from reader.core.library.errors import AmbiguousEntity, UnknownEntity
from reader.core.library.store import now_iso

log = logging.getLogger(__name__)

CorrectionKind = Literal["merge", "split", "rename", "retype", "hide"]
# The mark between a split entity's original key and the correction that made it.
SPLIT_MARK = "#split"


@dataclass(frozen=True)
class EntityCorrection:
    """One remembered correction (``value``: the merge target's key, the split's new key, the new
    name or type; ``before``: the name or type it replaced, for showing and undoing)."""

    id: int
    kind: CorrectionKind
    subject: str
    value: str | None
    articles: tuple[str, ...]
    before: str | None
    created: str


def resolve_entity(conn: sqlite3.Connection, name: str) -> str:
    """The resolved key of the one library entity ``name`` (a key, or a name) means."""
    keys = matching_keys(conn, name)
    if not keys:
        raise UnknownEntity(None, entity=name)
    if len(keys) > 1:
        names = sorted({str(r[0]) for chunk in chunks(keys) for r in conn.execute(
            f"SELECT name FROM entities WHERE key IN ({marks(chunk)})", chunk)})
        raise AmbiguousEntity(None, entity=name, count=len(keys), names=", ".join(names))
    return keys[0]


def entity_in_article(conn: sqlite3.Connection, num: int, name: str) -> str | None:
    """The resolved key of the library entity ``name`` is in one article (the side panel's entity,
    named without ambiguity: "Putin" there is one person even when the library has several)."""
    rows = conn.execute(
        "SELECT DISTINCT e.resolved FROM article_entities ae JOIN entity_names n ON n.key = ae.key "
        "JOIN entities e ON e.key = ae.key WHERE ae.article_num = ? AND n.name = ?",
        (num, normalize_name(name))).fetchall()
    return str(rows[0][0]) if len(rows) == 1 else None


def add_correction(conn: sqlite3.Connection, kind: CorrectionKind, subject: str, value: str | None = None,
                   articles: tuple[str, ...] = (), before: str | None = None) -> EntityCorrection:
    """Remember a correction and apply it (inside the caller's transaction)."""
    cursor = conn.execute(
        "INSERT INTO entity_corrections(kind, subject, value, articles, before, created) "
        "VALUES (?,?,?,?,?,?)",
        (kind, subject, value, json.dumps(list(articles)) if articles else None, before, now_iso()))
    number = int(cursor.lastrowid or 0)
    if kind == "split":  # its new key names the correction, so two splits of one entity differ
        conn.execute("UPDATE entity_corrections SET value = ? WHERE id = ?",
                     (f"{subject}{SPLIT_MARK}{number}", number))
    apply_corrections(conn)
    return correction(conn, number)


def merge(conn: sqlite3.Connection, name: str, into: str) -> EntityCorrection | None:
    """``name``'s entity is ``into``'s (None when they are one already)."""
    subject, target = resolve_entity(conn, name), resolve_entity(conn, into)
    return None if subject == target else add_correction(conn, "merge", subject, target)


def split(conn: sqlite3.Connection, name: str, article_ids: tuple[str, ...]) -> EntityCorrection:
    """In these articles, ``name`` is someone else (an entity of its own)."""
    if not article_ids:
        raise ValueError("a split needs the articles where the entity is someone else")
    return add_correction(conn, "split", resolve_entity(conn, name), articles=tuple(sorted(set(article_ids))))


def rename(conn: sqlite3.Connection, name: str, new_name: str) -> EntityCorrection:
    if not new_name.strip():
        raise ValueError("an entity's new name is empty")
    subject = resolve_entity(conn, name)
    return add_correction(conn, "rename", subject, " ".join(new_name.split()),
                          before=_column(conn, subject, "name"))


def retype(conn: sqlite3.Connection, name: str, entity_type: str) -> EntityCorrection:
    if entity_type not in INDEXED_TYPES:
        known = ", ".join(sorted(INDEXED_TYPES))
        raise ValueError(f"{entity_type!r} is not a type of the entity index ({known})")
    subject = resolve_entity(conn, name)
    return add_correction(conn, "retype", subject, entity_type, before=_column(conn, subject, "type"))


def hide(conn: sqlite3.Connection, name: str) -> EntityCorrection:
    return add_correction(conn, "hide", resolve_entity(conn, name))


def corrections(conn: sqlite3.Connection) -> list[EntityCorrection]:
    rows = conn.execute("SELECT * FROM entity_corrections ORDER BY id").fetchall()
    return [_correction_of(row) for row in rows]


def correction(conn: sqlite3.Connection, number: int) -> EntityCorrection:
    return _correction_of(conn.execute("SELECT * FROM entity_corrections WHERE id = ?", (number,)).fetchone())


def remove_correction(conn: sqlite3.Connection, number: int) -> list[int]:
    """Forget a correction and undo its effect; returns the articles to re-index (a split's,
    whose rows must come back from their stored records: the caller does it, see derived.py)."""
    found = conn.execute("SELECT * FROM entity_corrections WHERE id = ?", (number,)).fetchone()
    if found is None:
        return []
    undone = _correction_of(found)
    conn.execute("DELETE FROM entity_corrections WHERE id = ?", (number,))
    if undone.kind == "rename" and undone.before is not None:
        conn.execute("UPDATE entities SET name = ? WHERE key = ?", (undone.before, undone.subject))
    elif undone.kind == "retype" and undone.before is not None:
        conn.execute("UPDATE entities SET type = ? WHERE key = ?", (undone.before, undone.subject))
    elif undone.kind == "hide":
        conn.execute("UPDATE entities SET hidden = 0 WHERE key = ?", (undone.subject,))
    if undone.kind == "split":
        return _nums_of(conn, undone.articles)
    from reader.core.library.entities import relink  # a merge's targets come back from the rules

    relink(conn)
    return []


def apply_corrections(conn: sqlite3.Connection) -> None:
    """Replay every correction in order (idempotent; cheap when there are none)."""
    for fix in corrections(conn):
        if fix.kind == "merge" and fix.value is not None:
            if conn.execute("SELECT 1 FROM entities WHERE key = ?", (fix.value,)).fetchone() is None:
                continue  # the target's articles were all forgotten: nothing to join
            conn.execute("UPDATE entities SET resolved = ? WHERE (resolved = ? OR key = ?) AND key != ?",
                         (fix.value, fix.subject, fix.subject, fix.value))
            conn.execute("UPDATE entities SET resolved = ? WHERE key = ?", (fix.value, fix.value))
        elif fix.kind == "split" and fix.value is not None:
            apply_split(conn, fix.subject, fix.value, _nums_of(conn, fix.articles))
        elif fix.kind == "rename" and fix.value is not None:
            if conn.execute("UPDATE entities SET name = ? WHERE key = ?", (fix.value, fix.subject)).rowcount:
                conn.execute("INSERT OR IGNORE INTO entity_names(name, key) VALUES (?, ?)",
                             (normalize_name(fix.value), fix.subject))
        elif fix.kind == "retype" and fix.value is not None:
            conn.execute("UPDATE entities SET type = ? WHERE key = ?", (fix.value, fix.subject))
        elif fix.kind == "hide":
            conn.execute("UPDATE entities SET hidden = 1 WHERE key = ?", (fix.subject,))


def apply_split(conn: sqlite3.Connection, subject: str, new_key: str, nums: list[int]) -> None:
    """Move, in articles ``nums``, what resolves to ``subject`` to ``new_key`` (pinned there)."""
    if not nums:
        return
    exists = conn.execute("SELECT 1 FROM entities WHERE key = ?", (new_key,)).fetchone() is not None
    if not exists:
        made = conn.execute(
            "INSERT INTO entities(key, type, name, full, resolved) "
            "SELECT ?, type, name, 0, ? FROM entities WHERE key = ?", (new_key, new_key, subject)).rowcount
        if not made:  # the subject is gone from the library (its articles forgotten)
            return
    rows = conn.execute(
        "SELECT ae.article_num, ae.key, ae.mentions FROM article_entities ae "
        "JOIN entities e ON e.key = ae.key "
        f"WHERE ae.article_num IN ({marks(nums)}) AND (e.resolved = ? OR e.key = ?) AND e.key != ?",
        (*nums, subject, subject, new_key)).fetchall()
    for num, key, mentions in rows:
        conn.execute("DELETE FROM article_entities WHERE article_num = ? AND key = ?", (num, key))
        conn.execute("INSERT INTO article_entities(article_num, key, mentions) VALUES (?,?,?) "
                     "ON CONFLICT(article_num, key) DO UPDATE SET mentions = mentions + excluded.mentions",
                     (num, new_key, mentions))
        conn.execute("INSERT OR IGNORE INTO entity_names(name, key) "
                     "SELECT name, ? FROM entity_names WHERE key = ?", (new_key, key))
        conn.execute("UPDATE claims SET speaker_key = ? WHERE article_num = ? AND speaker_key = ?",
                     (new_key, num, key))
    conn.execute("UPDATE entities SET resolved = ? WHERE key = ?", (new_key, new_key))


def follow_edit(conn: sqlite3.Connection, old: int, new: int) -> None:
    """A file now holds an edited copy (article ``new``): the splits that named the old copy
    name the new one too, as its highlights and tags follow it (replayed at the next relink)."""
    ids = {int(r["num"]): str(r["id"]) for r in conn.execute(
        "SELECT num, id FROM articles WHERE num IN (?, ?)", (old, new))}
    if old not in ids or new not in ids:
        return
    for row in conn.execute("SELECT id, articles FROM entity_corrections WHERE kind = 'split'").fetchall():
        named = json.loads(row["articles"]) if row["articles"] else []
        if ids[old] in named and ids[new] not in named:
            conn.execute("UPDATE entity_corrections SET articles = ? WHERE id = ?",
                         (json.dumps(sorted([*named, ids[new]])), row["id"]))


def _nums_of(conn: sqlite3.Connection, article_ids: tuple[str, ...]) -> list[int]:
    ids = list(article_ids)
    return [int(r[0]) for r in conn.execute(f"SELECT num FROM articles WHERE id IN ({marks(ids)})", ids)]


def _column(conn: sqlite3.Connection, key: str, column: Literal["name", "type"]) -> str | None:
    row = conn.execute(f"SELECT {column} FROM entities WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def _correction_of(row: sqlite3.Row) -> EntityCorrection:
    articles = tuple(json.loads(row["articles"])) if row["articles"] else ()
    return EntityCorrection(row["id"], row["kind"], row["subject"], row["value"], articles, row["before"],
                            row["created"])
