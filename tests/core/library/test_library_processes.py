"""Real processes: a kill mid-import loses nothing already imported and leaves no half
article; two Sift processes importing into one library at once do not corrupt it."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from library_helpers import PROCESS_TIMEOUT, ROOT, lines, sift, story, write_article

# Enough files that the import is still running when the test has seen a few of them stored.
KILL_FILES = 120
KILLED_AFTER_LINES = 5
CONCURRENT_FILES = 60


def check_library(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
    # No half article: every article has its path and its search rows, and nothing is orphaned.
    assert conn.execute("SELECT count(*) FROM articles WHERE num NOT IN (SELECT article_num FROM paths)"
                        ).fetchone()[0] == 0
    fts_rows = conn.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0]
    assert fts_rows == conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    return conn


def test_a_kill_mid_import_keeps_every_stored_article_whole(tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    for n in range(KILL_FILES):
        write_article(folder, f"a{n:03}.txt", *story(n))
    db = tmp_path / "lib.sqlite3"
    command = [sys.executable, "-m", "reader", "library", "add", str(folder), "--library", str(db),
               "--no-analysis", "--jobs", "2"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               encoding="utf-8")
    assert process.stdout is not None
    reported = [json.loads(process.stdout.readline()) for _ in range(KILLED_AFTER_LINES)]
    process.send_signal(signal.SIGKILL)
    process.wait(PROCESS_TIMEOUT)
    assert process.returncode == -signal.SIGKILL
    assert all(r["status"] == "added" for r in reported)
    conn = check_library(db)
    stored = {r[0] for r in conn.execute("SELECT id FROM articles")}
    assert {r["id"] for r in reported} <= stored  # each line is printed after its commit
    assert len(stored) < KILL_FILES, "the import finished before the kill; the test proves nothing"
    conn.close()
    again = sift("library", "add", folder, "--library", db, "--no-analysis", "--jobs", "2")
    assert again.returncode == 0, again.stderr
    statuses = [r["status"] for r in lines(again)]
    assert statuses.count("unchanged") == len(stored) and statuses.count("added") == KILL_FILES - len(stored)
    check_library(db).close()


def test_two_processes_importing_into_one_library(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    for n in range(CONCURRENT_FILES):
        write_article(shared, f"s{n:03}.txt", *story(n))
    db = tmp_path / "lib.sqlite3"
    env = {**os.environ, "SIFT_LIBRARY": str(db)}  # one by the variable, one by the option
    command = [sys.executable, "-m", "reader", "library", "add", str(shared), "--no-analysis", "--jobs", "1"]
    first = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, encoding="utf-8")
    time.sleep(0.2)
    second = subprocess.Popen([*command, "--library", str(db)], cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, encoding="utf-8")
    outputs = [p.communicate(timeout=PROCESS_TIMEOUT) for p in (first, second)]
    for process, (out, err) in zip((first, second), outputs, strict=True):
        assert process.returncode == 0, err
        assert "Traceback" not in err
        results = [json.loads(line) for line in out.splitlines()]
        assert len(results) == CONCURRENT_FILES
        assert {r["status"] for r in results} <= {"added", "unchanged"}
    conn = check_library(db)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == CONCURRENT_FILES
    assert conn.execute("SELECT count(*) FROM paths").fetchone()[0] == CONCURRENT_FILES
    conn.close()
