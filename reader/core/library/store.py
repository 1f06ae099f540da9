"""The library's SQLite file: where it is, how it is opened, transactions, damage recovery.

One file (plus SQLite's ``-wal`` and ``-shm``) in the user data folder unless ``--library`` or
``SIFT_LIBRARY`` says otherwise. WAL lets readers go on while one process writes; a busy
timeout makes a second writer (another Sift process) wait instead of failing. Every write is
one ``BEGIN IMMEDIATE`` transaction, so a kill leaves each article either whole or absent.
A file SQLite calls damaged is renamed aside (never deleted) and a fresh one is made; the
paths it still names are returned so the caller can rebuild from the files that exist.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from reader.core.library.errors import LibraryDamaged
from reader.core.library.schema import migrate
from reader.core.storage import paths

log = logging.getLogger(__name__)

LIBRARY_ENV = "SIFT_LIBRARY"
LIBRARY_FILE = "library.sqlite3"
DAMAGED_SUFFIX = ".damaged-"
# How long a writer waits for another process's transaction before giving up. One article's
# transaction takes milliseconds; a migration or a forget of thousands can take a second or
# two on a busy machine, so 30 s only trips on a process that is truly stuck.
BUSY_TIMEOUT_SECONDS = 30.0
SIDE_FILES = ("-wal", "-shm")


@dataclass(frozen=True)
class Recovery:
    """What happened when a damaged library was set aside."""

    damaged: Path  # where the old file now is
    paths: tuple[Path, ...]  # files it named that still exist, to import again
    notice: LibraryDamaged


def library_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--library`` first, then ``SIFT_LIBRARY``, then the user data folder."""
    chosen = explicit or os.environ.get(LIBRARY_ENV)
    if chosen:
        return Path(os.path.abspath(Path(chosen).expanduser()))
    return paths.data_dir() / LIBRARY_FILE


def connect(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), WAL, foreign keys on."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():  # the library is private: create it 0600 before SQLite does
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None,
                           check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode = WAL")
    # NORMAL is durable against a killed process in WAL mode (only a power cut may lose the
    # last transactions, never corrupt the file), and much faster than FULL.
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA secure_delete = ON")  # a forgotten article's pages are zeroed, not left behind
    return conn


def open_database(path: Path, verify: bool = True) -> tuple[sqlite3.Connection, Recovery | None]:
    """Open (creating or migrating) the library; a damaged file is set aside and replaced.

    ``verify`` runs SQLite's structural check, which finds damage inside the file that
    opening alone does not (a torn page); it reads the whole file once."""
    try:
        conn = connect(path)
        migrate(conn)
        problem = conn.execute("PRAGMA quick_check(1)").fetchone()[0] if verify else "ok"
        if problem == "ok":
            return conn, None
        conn.close()
        log.warning("library %s is damaged (%s); setting it aside", path, problem)
    except sqlite3.OperationalError:
        raise  # locked, read-only, disk full: not damage, never set the file aside for it
    except sqlite3.DatabaseError as exc:
        log.warning("library %s is damaged (%s); setting it aside", path, exc)
    salvaged = salvage_paths(path)
    aside = set_aside(path)
    conn = connect(path)
    migrate(conn)
    existing = tuple(p for p in salvaged if p.exists())
    notice = LibraryDamaged(path, aside=aside.name, count=len(existing))
    return conn, Recovery(aside, existing, notice)


def salvage_paths(path: Path) -> list[Path]:
    """The files and watched folders a damaged library still names, as far as it can be read."""
    found: list[Path] = []
    for query in ("SELECT path FROM paths WHERE current = 1", "SELECT path FROM watched_folders"):
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                found.extend(Path(row[0]) for row in conn.execute(query))
            finally:
                conn.close()
        except sqlite3.Error as exc:
            log.warning("could not read %s from the damaged library: %s", query.split()[3], exc)
    return list(dict.fromkeys(found))


def set_aside(path: Path) -> Path:
    """Rename the damaged file (and its WAL files) with a time stamp; nothing is deleted."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}{DAMAGED_SUFFIX}{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}{DAMAGED_SUFFIX}{stamp}-{n}")
    os.replace(path, aside)
    for suffix in SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, aside.with_name(aside.name + suffix))
    return aside


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: taken at once (IMMEDIATE), committed whole or rolled back."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def now_iso() -> str:
    """A UTC time stamp as the library stores it (ISO 8601, seconds)."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
