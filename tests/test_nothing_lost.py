"""Opened files are never written, moved, locked or kept open: load, extract, export, CLI.

Every check compares the content hash, mtime and mode of each file in the input's folder
before and after, so a rewrite with the same bytes (which changes mtime) is caught too.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

import pytest
from loading_fixtures import (
    PNG_1X1,
    STORY,
    gzipped,
    mhtml_bytes,
    page,
    snapshot_tree,
    webarchive_bytes,
    write,
)

from reader.core.export import EXPORT_FORMATS, export_text
from reader.core.extract import extract
from reader.core.sources.loading import load
from reader.core.storage.json_files import write_atomic

INPUTS = {
    "Story.html": page(STORY + '<img src="Story_files/pier.png">').encode(),
    "Story.mhtml": mhtml_bytes(),
    "Story.webarchive": webarchive_bytes(),
    "Story.txt": ("Pier to reopen\n\n" + STORY + "\n").encode(),
    "Story.html.gz": gzipped(page().encode()),
    "Story.md": ("# Pier to reopen\n\n" + STORY).encode("utf-16"),
}


def saved_folder(tmp_path: Path, name: str) -> Path:
    """A folder holding one saved article (and, for the HTML, its _files folder), read-only."""
    folder = tmp_path / "saved"
    folder.mkdir()
    path = write(folder, name, INPUTS[name])
    if name == "Story.html":
        (folder / "Story_files").mkdir()
        write(folder / "Story_files", "pier.png", PNG_1X1)
    old = 1_600_000_000  # an mtime far in the past: any write would move it
    for item in folder.rglob("*"):
        os.utime(item, (old, old))
    return path


def open_descriptors_to(path: Path) -> list[str]:
    """This process's open file descriptors that point at ``path``."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            if os.readlink(f"/proc/self/fd/{fd}") == str(path):
                found.append(fd)
        except OSError:
            continue
    return found


@pytest.mark.parametrize("name", list(INPUTS))
def test_load_extract_export_change_nothing(tmp_path: Path, name: str) -> None:
    path = saved_folder(tmp_path, name)
    before = snapshot_tree(path.parent)
    article = extract(load(path))
    assert STORY.split(",")[0] in article.text
    exports = tmp_path / "exports"
    exports.mkdir()
    for kind, suffix in EXPORT_FORMATS.items():
        write_atomic(exports / f"story{suffix}", export_text(kind, article).encode("utf-8"))
    assert snapshot_tree(path.parent) == before
    assert open_descriptors_to(path) == []  # nothing left open, so nothing held


@pytest.mark.parametrize("name", ["Story.html", "Story.txt"])
def test_export_beside_the_input_adds_a_file_and_touches_nothing_else(tmp_path: Path, name: str) -> None:
    path = saved_folder(tmp_path, name)
    before = snapshot_tree(path.parent)
    target = path.parent / "Story export.md"
    write_atomic(target, export_text("markdown", extract(load(path))).encode("utf-8"))
    after = snapshot_tree(path.parent)
    assert set(after) - set(before) == {target.name}
    assert {k: v for k, v in after.items() if k != target.name} == before


def test_input_can_be_locked_exclusively_after_opening(tmp_path: Path) -> None:
    """Sift holds no lock: another program may take one the moment the article is shown."""
    path = saved_folder(tmp_path, "Story.html")
    extract(load(path))
    with open(path, "rb+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fcntl.flock(handle, fcntl.LOCK_UN)


def test_read_only_input_and_folder_are_enough(tmp_path: Path) -> None:
    """Opening needs no write permission anywhere near the file (root ignores modes, so the
    check is that nothing was attempted: the snapshot and the modes are unchanged)."""
    path = saved_folder(tmp_path, "Story.mhtml")
    path.chmod(0o444)
    path.parent.chmod(0o555)
    try:
        before = snapshot_tree(path.parent)
        extract(load(path))
        assert snapshot_tree(path.parent) == before
    finally:
        path.parent.chmod(0o755)


def test_cli_extract_changes_nothing(tmp_path: Path) -> None:
    paths = []
    for name in INPUTS:
        (tmp_path / name).mkdir()
        paths.append(saved_folder(tmp_path / name, name))
    before = {p: snapshot_tree(p.parent) for p in paths}
    result = subprocess.run([sys.executable, "-m", "reader", "extract", "--no-analysis", *map(str, paths)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert {p: snapshot_tree(p.parent) for p in paths} == before
