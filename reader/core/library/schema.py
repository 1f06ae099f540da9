"""The library's tables and their forward migrations, versioned by ``PRAGMA user_version``.

A new database runs every migration from 1 up, so an old file and a new one end with the same
schema by the same code. A migration is a list of SQL statements, or a function for steps that
must move data; each runs inside the caller's transaction with the version bump, so a crash
mid-migration leaves the old version intact.

The tables, and why they look this way (issues 15 and 16 add theirs in later versions):
- ``articles``: one row per distinct content (``id`` from the content hash). ``text`` is the
  reading text every span indexes into; ``record`` is the rest of the ``sift extract`` record
  (blocks, warnings, entities) as zlib-compressed JSON, so an article opens without
  re-extraction. Claims live in ``claims`` (the speaker views read them without unpacking).
  ``num`` is the integer key the other tables and the FTS index use (smaller than the id).
- ``paths``: every path an article was seen at; ``current`` = 0 when the file there is gone or
  now holds other content. An article without a current path is *missing*, still readable.
- ``tags``; ``articles_fts``: an external-content FTS5 index of title and text kept in step
  by triggers (no second copy of the text).
- ``entities``: one row per library entity key (type + normalized name; a bare surname is
  keyed per article, see entities.py); ``resolved`` is the key it is one entity with.
  ``entity_names`` maps every name and alias to its keys; ``article_entities`` counts mentions.
  Keys are strings, not row numbers, so user corrections (issue 16) can name them and survive
  re-import.
- v2: ``watched_folders`` (the folders Sift scans for new saves) and ``failures`` (files that
  could not be read, remembered by size and mtime so a re-import does not retry them).
- v3: ``highlights`` (issue 15): one row per reader's highlight, tied to its article, with the
  W3C quote and position selectors (see highlights.py). ``articles.annotations`` holds the
  article's highlighted passages and notes, kept in step by triggers, and the FTS index gets it
  as a third column, so the library search finds a note's words.
- v4 (issue 16): ``entity_corrections``, the reader's corrections of the entity index (merge,
  split, rename, retype, hide), kept by entity key and re-applied whenever the index is
  rebuilt (see corrections.py); ``entities.hidden``. ``article_versions`` puts saved copies of
  one story in a group, with the keys that find candidates without comparing every pair (see
  version_groups.py). ``article_sources`` holds each article's source tallies, so a library column
  and a site's aggregate are one query (see story_sources.py); ``claims_disputing`` indexes the
  dispute links for the disputes view. Existing articles are filled in.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

Step = Sequence[str] | Callable[[sqlite3.Connection], None]

V1: tuple[str, ...] = (
    """CREATE TABLE articles (
        num INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        format TEXT NOT NULL,
        title TEXT, byline TEXT, site TEXT, url TEXT, published TEXT, language TEXT,
        words INTEGER NOT NULL DEFAULT 0,
        added TEXT NOT NULL,
        opened TEXT,
        progress REAL NOT NULL DEFAULT 0,
        read INTEGER NOT NULL DEFAULT 0,
        favourite INTEGER NOT NULL DEFAULT 0,
        archived INTEGER NOT NULL DEFAULT 0,
        analysed INTEGER NOT NULL DEFAULT 0,
        text TEXT NOT NULL,
        record BLOB NOT NULL
    )""",
    "CREATE INDEX articles_added ON articles(added)",
    "CREATE INDEX articles_published ON articles(published)",
    "CREATE INDEX articles_site ON articles(site)",
    "CREATE INDEX articles_url ON articles(url)",
    """CREATE TABLE paths (
        article_num INTEGER NOT NULL REFERENCES articles(num) ON DELETE CASCADE,
        path TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        seen TEXT NOT NULL,
        current INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (article_num, path)
    ) WITHOUT ROWID""",
    "CREATE INDEX paths_by_path ON paths(path)",
    """CREATE TABLE tags (
        article_num INTEGER NOT NULL REFERENCES articles(num) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (article_num, tag)
    ) WITHOUT ROWID""",
    "CREATE INDEX tags_by_tag ON tags(tag)",
    """CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='num',
        tokenize='unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.num, new.title, new.text);
    END""",
    """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.num, old.title, old.text);
    END""",
    """CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.num, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.num, new.title, new.text);
    END""",
    """CREATE TABLE entities (
        key TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        full INTEGER NOT NULL,
        resolved TEXT NOT NULL
    ) WITHOUT ROWID""",
    "CREATE INDEX entities_resolved ON entities(resolved)",
    """CREATE TABLE entity_names (
        name TEXT NOT NULL,
        key TEXT NOT NULL REFERENCES entities(key) ON DELETE CASCADE,
        PRIMARY KEY (name, key)
    ) WITHOUT ROWID""",
    "CREATE INDEX entity_names_key ON entity_names(key)",
    """CREATE TABLE article_entities (
        article_num INTEGER NOT NULL REFERENCES articles(num) ON DELETE CASCADE,
        key TEXT NOT NULL REFERENCES entities(key),
        mentions INTEGER NOT NULL,
        PRIMARY KEY (article_num, key)
    ) WITHOUT ROWID""",
    "CREATE INDEX article_entities_key ON article_entities(key, article_num)",
    """CREATE TABLE claims (
        article_num INTEGER NOT NULL REFERENCES articles(num) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        speaker_key TEXT,
        disputes INTEGER,
        record TEXT NOT NULL,
        PRIMARY KEY (article_num, idx)
    ) WITHOUT ROWID""",
    "CREATE INDEX claims_speaker ON claims(speaker_key)",
)

V2: tuple[str, ...] = (
    """CREATE TABLE watched_folders (
        path TEXT PRIMARY KEY,
        added TEXT NOT NULL
    ) WITHOUT ROWID""",
    """CREATE TABLE failures (
        path TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        kind TEXT NOT NULL,
        message TEXT NOT NULL
    ) WITHOUT ROWID""",
)

# The article's highlights and notes as the search index sees them (one line per highlight).
_ANNOTATIONS_OF = ("(SELECT coalesce(group_concat(exact || ' ' || coalesce(note, ''), char(10)), '') "
                   "FROM highlights WHERE article_num = {num})")

V3: tuple[str, ...] = (
    """CREATE TABLE highlights (
        id TEXT PRIMARY KEY,
        article_num INTEGER NOT NULL REFERENCES articles(num) ON DELETE CASCADE,
        pos_start INTEGER NOT NULL,
        pos_end INTEGER NOT NULL,
        exact TEXT NOT NULL,
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        note TEXT,
        color TEXT NOT NULL,
        created TEXT NOT NULL,
        orphaned INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX highlights_article ON highlights(article_num, orphaned, pos_start)",
    "ALTER TABLE articles ADD COLUMN annotations TEXT NOT NULL DEFAULT ''",
    # The FTS table gains a column: drop it and its triggers, make it again and rebuild it
    # from the articles (external content: the text itself is not copied).
    "DROP TRIGGER articles_fts_insert",
    "DROP TRIGGER articles_fts_delete",
    "DROP TRIGGER articles_fts_update",
    "DROP TABLE articles_fts",
    """CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, annotations, content='articles', content_rowid='num',
        tokenize='unicode61 remove_diacritics 2'
    )""",
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
    """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text, annotations)
        VALUES (new.num, new.title, new.text, new.annotations);
    END""",
    """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text, annotations)
        VALUES ('delete', old.num, old.title, old.text, old.annotations);
    END""",
    """CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text, annotations ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text, annotations)
        VALUES ('delete', old.num, old.title, old.text, old.annotations);
        INSERT INTO articles_fts(rowid, title, text, annotations)
        VALUES (new.num, new.title, new.text, new.annotations);
    END""",
    f"""CREATE TRIGGER highlights_annotations_insert AFTER INSERT ON highlights BEGIN
        UPDATE articles SET annotations = {_ANNOTATIONS_OF.format(num="new.article_num")}
        WHERE num = new.article_num;
    END""",
    f"""CREATE TRIGGER highlights_annotations_delete AFTER DELETE ON highlights BEGIN
        UPDATE articles SET annotations = {_ANNOTATIONS_OF.format(num="old.article_num")}
        WHERE num = old.article_num;
    END""",
    f"""CREATE TRIGGER highlights_annotations_update
    AFTER UPDATE OF article_num, exact, note ON highlights BEGIN
        UPDATE articles SET annotations = {_ANNOTATIONS_OF.format(num="old.article_num")}
        WHERE num = old.article_num;
        UPDATE articles SET annotations = {_ANNOTATIONS_OF.format(num="new.article_num")}
        WHERE num = new.article_num;
    END""",
)

V4_TABLES: tuple[str, ...] = (
    """CREATE TABLE entity_corrections (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        subject TEXT NOT NULL,
        value TEXT,
        articles TEXT,
        before TEXT,
        created TEXT NOT NULL
    )""",
    "ALTER TABLE entities ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0",
    # The disputes view reads every dispute link; this covers them without reading claim records.
    "CREATE INDEX claims_disputing ON claims(article_num, disputes) WHERE disputes IS NOT NULL",
    """CREATE TABLE article_versions (
        article_num INTEGER PRIMARY KEY REFERENCES articles(num) ON DELETE CASCADE,
        version_group INTEGER NOT NULL,
        url_key TEXT,
        title_key TEXT
    )""",
    "CREATE INDEX article_versions_group ON article_versions(version_group)",
    "CREATE INDEX article_versions_url ON article_versions(url_key) WHERE url_key IS NOT NULL",
    "CREATE INDEX article_versions_title ON article_versions(title_key) WHERE title_key IS NOT NULL",
    """CREATE TABLE article_sources (
        article_num INTEGER NOT NULL REFERENCES articles(num) ON DELETE CASCADE,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        direct INTEGER NOT NULL,
        reported INTEGER NOT NULL,
        anonymous INTEGER NOT NULL,
        PRIMARY KEY (article_num, name)
    ) WITHOUT ROWID""",
)


def v4(conn: sqlite3.Connection) -> None:
    """Issue 16's tables, then version groups and source tallies for the articles stored before."""
    from reader.core.library.derived import index_derived  # built on the tables made here

    run_step(conn, V4_TABLES)
    for (num,) in conn.execute("SELECT num FROM articles ORDER BY num").fetchall():
        index_derived(conn, num)


# MIGRATIONS[n - 1] takes a database from version n - 1 to n.
MIGRATIONS: tuple[Step, ...] = (V1, V2, V3, v4)
SCHEMA_VERSION = len(MIGRATIONS)


class NewerSchema(Exception):
    """The database was written by a newer Sift; an older one must not touch it."""


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring the database up to ``target``, one version per transaction; returns the old version."""
    start = schema_version(conn)
    if start > SCHEMA_VERSION:
        raise NewerSchema(f"library schema {start} is newer than this Sift's {SCHEMA_VERSION}")
    for version in range(start + 1, target + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if schema_version(conn) >= version:  # another process migrated while we waited
                conn.execute("ROLLBACK")
                continue
            run_step(conn, MIGRATIONS[version - 1])
            conn.execute(f"PRAGMA user_version = {version:d}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return start


def run_step(conn: sqlite3.Connection, step: Step) -> None:
    if callable(step):
        step(conn)
        return
    for statement in step:
        conn.execute(statement)
