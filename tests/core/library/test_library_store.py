"""The file itself: migrations from older versions, a damaged file set aside and rebuilt,
forgetting that leaves nothing behind, and the database's own consistency checks."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from library_helpers import make_record, story, write_article

from reader.core.library import Library, LibraryDamaged
from reader.core.library.articles import insert_article, see_path
from reader.core.library.schema import SCHEMA_VERSION, NewerSchema, migrate, schema_version
from reader.core.library.store import DAMAGED_SUFFIX, connect, now_iso, transaction


def assert_consistent(conn: sqlite3.Connection) -> None:
    """SQLite's own checks, the search index against its content, and no orphan rows."""
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")


def test_a_new_library_is_at_the_current_version(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib.sqlite3") as library:
        assert schema_version(library.conn) == SCHEMA_VERSION >= 2
        assert library.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert library.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert (tmp_path / "lib.sqlite3").stat().st_mode & 0o077 == 0  # private to the user


def test_migration_from_version_1_keeps_articles_and_adds_watched_folders(tmp_path: Path) -> None:
    """Version 1 → the current version (v2 added watched folders and remembered failures)."""
    path = tmp_path / "old.sqlite3"
    conn = connect(path)
    migrate(conn, target=1)  # a library as the first release wrote it
    record = make_record("Old article", "Stored by version one of the library schema.",
                         [("Vladimir Putin", "person", [])])
    with transaction(conn):
        num = insert_article(conn, record, "ab" * 32, now_iso())
        see_path(conn, num, "/old.txt", 10, 10, now_iso())
    assert schema_version(conn) == 1
    assert "watched_folders" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    with Library.open(path) as library:
        assert schema_version(library.conn) == SCHEMA_VERSION
        [hit] = library.search("version one")
        assert hit.summary.title == "Old article"
        assert [e.id for e in library.entity_articles("Vladimir Putin")] == [hit.summary.id]
        library.watch(tmp_path)
        assert library.watched_folders() == [tmp_path]
        assert_consistent(library.conn)


def test_a_library_from_a_newer_sift_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    conn = connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(NewerSchema):
        Library.open(path)
    assert path.exists() and not list(tmp_path.glob(f"*{DAMAGED_SUFFIX}*"))


def page_of(db: Path, needle: bytes) -> int:
    data = db.read_bytes()
    page_size = int.from_bytes(data[16:18], "big")
    return data.index(needle) // page_size * page_size


def test_a_damaged_library_is_set_aside_and_rebuilt_from_existing_files(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite3"
    folder = tmp_path / "saved"
    kept = write_article(folder, "kept.txt", *story(1, "Kept word: marmalade."))
    lost = write_article(folder, "lost.txt", *story(2, "Lost word: zucchini."))
    with Library.open(db) as library:
        list(library.import_paths([folder], analysis=False, workers=0))
        library.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    lost.unlink()
    # Damage the page holding an article's text: its b-tree page header becomes garbage.
    offset = page_of(db, b"zucchini")
    with db.open("r+b") as handle:
        handle.seek(offset)
        handle.write(b"\xff" * 16)
    damaged_bytes = db.read_bytes()
    with Library.open(db) as library:
        assert library.recovery is not None
        assert isinstance(library.recovery.notice, LibraryDamaged)
        assert library.recovery.paths == (kept,)
        assert "rebuilt" in library.recovery.notice.message and library.recovery.damaged.name in \
            library.recovery.notice.message
        assert library.recovery.damaged.read_bytes() == damaged_bytes  # set aside, never deleted
        assert [r.status for r in library.rebuild(analysis=False, workers=0)] == ["added"]
        assert [h.summary.paths for h in library.search("marmalade")] == [(str(kept),)]
        assert_consistent(library.conn)


def test_a_file_that_is_not_a_database_is_set_aside(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite3"
    db.write_bytes(b"this is not SQLite at all, but a mistaken copy of something else" * 100)
    with Library.open(db) as library:
        assert library.recovery is not None and library.recovery.paths == ()
        assert library.counts()["articles"] == 0
        assert_consistent(library.conn)
    assert len(list(tmp_path.glob(f"lib.sqlite3{DAMAGED_SUFFIX}*"))) == 1


def test_forget_removes_the_article_and_everything_derived(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite3"
    with Library.open(db) as library:
        keep = make_record("Kept story", "Angela Merkel spoke about the budget.",
                           [("Angela Merkel", "person", [])])
        secret = make_record("Private story", "Ottoline Quisby discussed the xylophonist plan.",
                             [("Ottoline Quisby", "person", [])])
        with transaction(library.conn):
            for n, record in enumerate((keep, secret)):
                num = insert_article(library.conn, record, f"{n}" * 64, now_iso())
                see_path(library.conn, num, f"/{n}.txt", 1, 1, now_iso())
        library.tag(["/1.txt"], ["secret-tag"])
        forgotten = library.resolve("/1.txt")
        assert library.search("xylophonist") and library.entity_articles("Ottoline Quisby")
        assert library.forget(["/1.txt", "no-such-id"]) == [("/1.txt", forgotten), ("no-such-id", None)]
        assert library.search("xylophonist") == [] and library.search("Quisby") == []
        assert library.entity_articles("Ottoline Quisby") == [] and library.tags() == []
        for table in ("paths", "tags", "article_entities", "claims"):
            count = library.conn.execute(f"SELECT count(*) FROM {table} WHERE article_num NOT IN "
                                         "(SELECT num FROM articles)").fetchone()[0]
            assert count == 0, table
        names = library.conn.execute("SELECT count(*) FROM entity_names WHERE name LIKE '%quisby%'")
        assert names.fetchone()[0] == 0
        assert [s.title for s in library.list_articles()] == ["Kept story"]
        assert_consistent(library.conn)
    # Nothing of it is left in the file or its log either (secure delete, index optimized).
    for name in (db, db.with_name(db.name + "-wal")):
        if name.exists():
            assert b"xylophonist" not in name.read_bytes() and b"Quisby" not in name.read_bytes()
